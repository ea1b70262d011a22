#include "contribution_legend.h"

#include "contributions.h"

#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ecglens {

namespace {
constexpr int kPad = 6;
constexpr int kBarHeight = 12;
} // namespace

ContributionLegend::ContributionLegend(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    updateToolTip();
}

void ContributionLegend::setScale(double maxAbs)
{
    m_maxAbs = std::isfinite(maxAbs) ? std::max(0.0, maxAbs) : 0.0;
    updateToolTip();
    update();
}

void ContributionLegend::setBaselineName(const QString& text)
{
    m_baseline = text;
    updateGeometry();
    update();
}

void ContributionLegend::setThreshold(double absLogOdds)
{
    m_threshold = std::max(0.0, absLogOdds);
    updateToolTip();
    update();
}

void ContributionLegend::updateToolTip()
{
    setToolTip(tr("Contribution of each segment to the model output, in log-odds of an "
                  "abnormal ECG. Red pushes towards anomalous, blue towards normal; "
                  "contributions smaller than %1 are hidden.")
                   .arg(QLocale().toString(m_threshold, 'f', 2)));
}

QSize ContributionLegend::sizeHint() const
{
    const QFontMetrics fm(font());
    const int lines = m_baseline.isEmpty() ? 1 : 2;
    return {360, kPad + kBarHeight + 2 + lines * fm.height() + kPad};
}

QSize ContributionLegend::minimumSizeHint() const
{
    return {220, sizeHint().height()};
}

void ContributionLegend::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QFontMetrics fm(font());
    const QLocale locale;
    const QColor text = palette().color(QPalette::WindowText);

    // Numeric ends sit left and right of the bar; the words go under it.
    const QString lo = m_maxAbs > 0 ? QStringLiteral("\u2212") + locale.toString(m_maxAbs, 'f', 2)
                                    : QStringLiteral("\u2212");
    const QString hi = m_maxAbs > 0 ? QStringLiteral("+") + locale.toString(m_maxAbs, 'f', 2)
                                    : QStringLiteral("+");
    const int endW = std::max(fm.horizontalAdvance(lo), fm.horizontalAdvance(hi)) + 4;
    const QRect bar(kPad + endW, kPad, std::max(20, width() - 2 * (kPad + endW)), kBarHeight);

    // Checkerboard under the bar so "transparent" near 0 reads as see-through, like the bands.
    p.fillRect(bar, QColor(255, 255, 255));
    const int cell = kBarHeight / 2;
    for (int x = bar.left(); x <= bar.right(); x += cell)
        for (int y = bar.top(); y <= bar.bottom(); y += cell)
            if (((x - bar.left()) / cell + (y - bar.top()) / cell) % 2)
                p.fillRect(QRect(x, y, std::min(cell, bar.right() - x + 1), cell),
                           QColor(225, 225, 225));
    const double maxAbs = m_maxAbs > 0 ? m_maxAbs : 1.0;
    for (int x = bar.left(); x <= bar.right(); ++x) {
        const double v = (2.0 * (x - bar.left()) / std::max(1, bar.width() - 1) - 1.0) * maxAbs;
        const double shownThreshold = m_maxAbs > 0 ? m_threshold : 0.0;
        const QColor c = contributionColour(v, maxAbs, shownThreshold);
        if (c.alpha() > 0)
            p.fillRect(QRect(x, bar.top(), 1, bar.height()), c);
    }
    // The hidden range: hatched grey.
    if (m_maxAbs > 0 && m_threshold > 0) {
        const double f = std::min(1.0, m_threshold / m_maxAbs);
        const int half = int(std::round(f * bar.width() / 2.0));
        const QRect hidden(bar.center().x() - half, bar.top(), 2 * half, bar.height());
        p.fillRect(hidden, QBrush(QColor(120, 120, 120, 110), Qt::BDiagPattern));
    }
    p.setPen(QPen(QColor(110, 110, 110), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    p.drawLine(bar.center().x(), bar.top() - 2, bar.center().x(), bar.bottom() + 2);

    p.setPen(text);
    p.drawText(QRect(kPad, bar.top(), endW - 4, bar.height()), Qt::AlignRight | Qt::AlignVCenter,
               lo);
    p.drawText(QRect(bar.right() + 4, bar.top(), endW, bar.height()),
               Qt::AlignLeft | Qt::AlignVCenter, hi);

    const int y = bar.bottom() + 2;
    const QRect row(bar.left(), y, bar.width(), fm.height());
    p.setPen(contributionNormalColour());
    p.drawText(row, Qt::AlignLeft | Qt::AlignVCenter, tr("\u2190 towards normal"));
    p.setPen(contributionAnomalousColour());
    p.drawText(row, Qt::AlignRight | Qt::AlignVCenter, tr("towards anomalous \u2192"));
    p.setPen(text);
    const QString zero =
        m_threshold > 0
            ? tr("0 (log-odds; |v| < %1 hidden)").arg(locale.toString(m_threshold, 'f', 2))
            : tr("0 (log-odds)");
    // Centre label only when it does not collide with the two words.
    const int free = bar.width() - fm.horizontalAdvance(tr("\u2190 towards normal")) -
                     fm.horizontalAdvance(tr("towards anomalous \u2192"));
    if (fm.horizontalAdvance(zero) + 16 < free)
        p.drawText(row, Qt::AlignHCenter | Qt::AlignVCenter, zero);
    else if (fm.horizontalAdvance(QStringLiteral("0")) + 16 < free)
        p.drawText(row, Qt::AlignHCenter | Qt::AlignVCenter, QStringLiteral("0"));
    if (!m_baseline.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText).isValid()
                     ? palette().color(QPalette::PlaceholderText)
                     : text);
        p.drawText(QRect(kPad, y + fm.height(), width() - 2 * kPad, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(m_baseline, Qt::ElideRight, width() - 2 * kPad));
    }
}

} // namespace ecglens
