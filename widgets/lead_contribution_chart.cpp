#include "lead_contribution_chart.h"

#include "contributions.h"

#include <QLocale>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ecglens {

LeadContributionChart::LeadContributionChart(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setBackground(palette().color(QPalette::Base));
    m_plot->xAxis->setLabel(tr("contribution (log-odds): \u2190 normal | anomalous \u2192"));
    m_plot->xAxis->grid()->setZeroLinePen(QPen(QColor(90, 90, 90), 1));
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->yAxis->setTickPen(Qt::NoPen);
    m_plot->yAxis->setSubTickPen(Qt::NoPen);
    m_plot->yAxis->setRangeReversed(true); // first lead on top
    m_plot->setToolTip(tr("Contribution of each lead to the model output (Shapley values of a "
                          "game whose players are whole leads)"));
    m_plot->setAccessibleName(tr("Contribution per lead"));
    clear();
}

void LeadContributionChart::clear()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_bars.clear();
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    m_plot->xAxis->setRange(-1, 1);
    m_plot->yAxis->setRange(-0.5, 0.5);
    m_plot->setAccessibleDescription(tr("No contributions yet."));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LeadContributionChart::setValues(const QStringList& leads, const std::vector<double>& values)
{
    clear();
    const int n = int(std::min<std::size_t>(std::size_t(leads.size()), values.size()));
    // Each lead's value (a non-finite one drawn as 0) and its label, "+0.35" / "−0.35": on the
    // bar and in what a screen reader says.
    const QLocale locale;
    std::vector<double> shown(std::size_t(std::max(0, n)));
    QStringList labels;
    double maxAbs = 0;
    for (int i = 0; i < n; ++i) {
        const double v = std::isfinite(values[std::size_t(i)]) ? values[std::size_t(i)] : 0.0;
        shown[std::size_t(i)] = v;
        maxAbs = std::max(maxAbs, std::abs(v));
        labels << (v < 0 ? QStringLiteral("\u2212") : QStringLiteral("+")) +
                      locale.toString(std::abs(v), 'f', 2);
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QFont labelFont = m_plot->font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.9);
    for (int i = 0; i < n; ++i) {
        const double v = shown[std::size_t(i)];
        auto* bars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
        bars->setWidth(0.7);
        // Opaque version of the band colour: same hue ordering, readable as a chart.
        QColor c = contributionColour(v, maxAbs);
        c.setAlpha(c.alpha() > 0 ? 235 : 0);
        bars->setBrush(c);
        bars->setPen(QPen(c.darker(120), 1));
        bars->addData(i, v);
        bars->setName(leads[i]);
        m_bars.push_back(bars);
        ticker->addTick(i, leads[i]);
        auto* label = new QCPItemText(m_plot);
        label->setClipToAxisRect(false);
        label->position->setCoords(v, i);
        label->setPositionAlignment((v >= 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
        label->setPadding(QMargins(3, 0, 3, 0));
        label->setFont(labelFont);
        label->setColor(QColor(60, 60, 60));
        label->setText(labels[i]);
    }
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(-0.6, std::max(0, n - 1) + 0.6);
    // The bars as a screen reader says them: largest contribution first.
    std::vector<int> order(shown.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return std::abs(shown[std::size_t(a)]) > std::abs(shown[std::size_t(b)]);
    });
    QStringList said;
    for (const int i : order)
        said << leads[i] + QLatin1Char(' ') + labels[i];
    m_plot->setAccessibleDescription(
        tr("Log-odds contribution of each lead, largest first (+ towards anomalous): %1.")
            .arg(said.join(QLatin1String(", "))));
    // Symmetric range with room for the value labels.
    const double r = maxAbs > 0 ? maxAbs * 1.35 : 1.0;
    m_plot->xAxis->setRange(-r, r);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace ecglens
