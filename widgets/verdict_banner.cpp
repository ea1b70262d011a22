#include "verdict_banner.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ecglens {

namespace {

struct Look
{
    QColor background;
    QColor foreground;
};

Look lookFor(const QString& verdictClass)
{
    if (verdictClass == QLatin1String("normal"))
        return {QColor(0xe4, 0xf2, 0xe1), QColor(0x1b, 0x4d, 0x1f)};
    if (verdictClass == QLatin1String("borderline"))
        return {QColor(0xff, 0xf0, 0xc8), QColor(0x6b, 0x45, 0x00)};
    if (verdictClass == QLatin1String("anomalous"))
        return {QColor(0xf8, 0xd7, 0xda), QColor(0x7a, 0x10, 0x1c)};
    return {QColor(0xec, 0xec, 0xec), QColor(0x20, 0x20, 0x20)};
}

} // namespace

VerdictBanner::VerdictBanner(QWidget* parent)
    : QWidget(parent), m_line1(new QLabel(this)), m_line2(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 3, 8, 3);
    layout->setSpacing(1);
    layout->addWidget(m_line1);
    layout->addWidget(m_line2);
    for (QLabel* l : {m_line1, m_line2}) {
        l->setTextFormat(Qt::PlainText);
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QFont bold = m_line1->font();
    bold.setBold(true);
    m_line1->setFont(bold);
    setAutoFillBackground(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    clear();
}

void VerdictBanner::present(const QString& line1, const QString& line2, const QColor& background,
                            const QColor& foreground)
{
    m_line1->setText(line1);
    m_line2->setText(line2);
    m_line2->setVisible(!line2.isEmpty());
    QPalette pal = palette();
    pal.setColor(QPalette::Window, background);
    pal.setColor(QPalette::WindowText, foreground);
    setPalette(pal);
    m_line1->setPalette(pal);
    m_line2->setPalette(pal);
    setVisible(!line1.isEmpty());
}

QString VerdictBanner::percentText(double probability)
{
    if (!std::isfinite(probability))
        return tr("n/a");
    return QLocale().toString(100.0 * probability, 'f', 1) + QStringLiteral(" %");
}

static QString disclaimer()
{
    return VerdictBanner::tr("Decision support, not a diagnosis.");
}

QString VerdictBanner::classWord(const QString& verdictClass)
{
    if (verdictClass == QLatin1String("normal"))
        return tr("Normal");
    if (verdictClass == QLatin1String("borderline"))
        return tr("Borderline");
    if (verdictClass == QLatin1String("anomalous"))
        return tr("Anomalous");
    return verdictClass; // unknown class: still written out, never colour alone
}

void VerdictBanner::setVerdict(const QString& verdictClass, double probability,
                               const QString& modelNameVersion, const QStringList& warnings,
                               const QString& basis)
{
    m_state = State::Verdict;
    m_class = verdictClass;
    const QString word = classWord(verdictClass);
    QString percent = percentText(probability);
    if (!basis.isEmpty())
        percent += QStringLiteral(" (") + basis + QLatin1Char(')');
    const QString line1 =
        tr("%1 \u2014 probability of an abnormal ECG %2 \u00b7 model %3 \u00b7 %4")
            .arg(word, percent, modelNameVersion, disclaimer());
    QString line2;
    if (!warnings.isEmpty())
        line2 = tr("\u26a0 Outside what the model was validated on: %1")
                    .arg(warnings.join(QStringLiteral("; ")));
    const Look look = lookFor(verdictClass);
    present(line1, line2, look.background, look.foreground);
}

void VerdictBanner::setRunning(double fraction)
{
    m_state = State::Running;
    m_class.clear();
    QString line1 = tr("Analysing\u2026");
    if (fraction >= 0 && std::isfinite(fraction))
        line1 = tr("Analysing\u2026 %1 %").arg(int(std::floor(100.0 * std::min(1.0, fraction))));
    const Look look = lookFor(QString());
    present(line1 + QStringLiteral(" \u00b7 ") + disclaimer(), QString(), look.background,
            look.foreground);
}

void VerdictBanner::setMessage(const QString& text, bool error)
{
    m_state = error ? State::Error : State::Message;
    m_class.clear();
    const QString line1 =
        (error ? tr("Analysis: %1").arg(text) : text) + QStringLiteral(" \u00b7 ") + disclaimer();
    const Look look =
        error ? Look{QColor(0xf8, 0xd7, 0xda), QColor(0x7a, 0x10, 0x1c)} : lookFor(QString());
    present(line1, QString(), look.background, look.foreground);
}

void VerdictBanner::clear()
{
    m_state = State::Empty;
    m_class.clear();
    present(QString(), QString(), lookFor(QString()).background, lookFor(QString()).foreground);
}

QString VerdictBanner::text() const
{
    if (m_line1->text().isEmpty())
        return {};
    return m_line2->text().isEmpty() ? m_line1->text()
                                     : m_line1->text() + QLatin1Char('\n') + m_line2->text();
}

} // namespace ecglens
