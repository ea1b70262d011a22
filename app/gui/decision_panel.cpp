#include "decision_panel.h"

#include "verdict_banner.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>

namespace ecglens {

DecisionPanel::DecisionPanel(QWidget* parent)
    : QWidget(parent), m_decision(new QComboBox(this)), m_reviewer(new QLineEdit(this)),
      m_note(new QPlainTextEdit(this)), m_detector(new QLabel(this)), m_history(new QLabel(this)),
      m_status(new QLabel(this))
{
    for (auto d : {ReviewDecision::NotReviewed, ReviewDecision::Normal, ReviewDecision::Abnormal,
                   ReviewDecision::Uncertain})
        m_decision->addItem(decisionText(d), decisionKey(d));
    m_reviewer->setPlaceholderText(tr("your name"));
    m_note->setPlaceholderText(tr("Findings, reasons, follow-up …"));
    m_note->setTabChangesFocus(true);
    m_note->setMinimumHeight(60);
    for (QLabel* l : {m_detector, m_history, m_status})
        l->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Decision"), m_decision);
    form->addRow(tr("Reviewer"), m_reviewer);
    form->addRow(tr("Note"), m_note);
    form->addRow(m_detector);
    form->addRow(m_history);
    form->addRow(m_status);
    auto changed = [this] {
        if (!m_loading) {
            updateDetectorText();
            emit edited();
        }
    };
    connect(m_decision, &QComboBox::currentIndexChanged, this, changed);
    connect(m_reviewer, &QLineEdit::textEdited, this, changed);
    connect(m_note, &QPlainTextEdit::textChanged, this, changed);
    showUnavailable(tr("Open a recording to record a decision."));
}

void DecisionPanel::showRecord(const ReviewRecord& record, bool editable, const QString& why)
{
    m_loading = true;
    m_decision->setCurrentIndex(m_decision->findData(decisionKey(record.current.decision)));
    m_reviewer->setText(record.current.reviewer);
    m_note->setPlainText(record.current.note);
    m_loading = false;
    m_decision->setEnabled(editable);
    m_reviewer->setReadOnly(!editable);
    m_note->setReadOnly(!editable);
    QStringList lines;
    for (const auto& h : record.history)
        lines << tr("%1: %2 (%3)")
                     .arg(QLocale().toString(h.updatedUtc.toLocalTime(), QLocale::ShortFormat),
                          decisionText(h.decision),
                          h.reviewer.isEmpty() ? tr("no reviewer name") : h.reviewer);
    m_history->setText(lines.isEmpty() ? QString()
                                       : tr("Earlier decisions:") + QLatin1Char('\n') +
                                             lines.join(QLatin1Char('\n')));
    updateDetectorText();
    setStatus(why, !why.isEmpty() && !editable);
}

void DecisionPanel::showUnavailable(const QString& why)
{
    showRecord(ReviewRecord{}, false);
    setStatus(why, false);
}

void DecisionPanel::setDetector(const DetectorSnapshot& detector)
{
    m_detectorNow = detector;
    updateDetectorText();
}

DecisionEntry DecisionPanel::entry() const
{
    DecisionEntry e;
    e.decision =
        decisionFromKey(m_decision->currentData().toString()).value_or(ReviewDecision::NotReviewed);
    e.reviewer = m_reviewer->text().trimmed();
    e.note = m_note->toPlainText();
    return e;
}

void DecisionPanel::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("QLabel { color: #a00000; font-weight: bold; }")
                                  : QStringLiteral("QLabel { color: #555555; }"));
}

void DecisionPanel::updateDetectorText()
{
    if (m_detectorNow.verdictClass.isEmpty()) {
        m_detector->setText(tr("Detector: no verdict yet."));
        return;
    }
    QString text =
        tr("Detector: %1, %2 (model %3).")
            .arg(VerdictBanner::classWord(m_detectorNow.verdictClass),
                 VerdictBanner::percentText(m_detectorNow.probability), m_detectorNow.modelVersion);
    const auto d = entry().decision;
    const bool detectorAbnormal = m_detectorNow.verdictClass != QLatin1String("normal");
    if ((d == ReviewDecision::Normal && detectorAbnormal) ||
        (d == ReviewDecision::Abnormal && !detectorAbnormal))
        text += QLatin1Char(' ') + tr("Your decision differs from the detector's verdict.");
    m_detector->setText(text);
}

} // namespace ecglens
