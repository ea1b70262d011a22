#include "waterfall_chart.h"

#include "contributions.h"

#include <QLocale>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ecglens {

namespace {

constexpr int kMaxSteps = 10;

QString signedText(double v)
{
    return (v < 0 ? QStringLiteral("\u2212") : QStringLiteral("+")) +
           QLocale().toString(std::abs(v), 'f', 2);
}

QString percentText(double p)
{
    return QLocale().toString(100.0 * p, 'f', 1) + QStringLiteral(" %");
}

} // namespace

WaterfallChart::WaterfallChart(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setBackground(palette().color(QPalette::Base));
    m_plot->xAxis->setLabel(tr("probability of an abnormal ECG"));
    m_plot->setAccessibleName(tr("From the baseline to the model output, contribution by "
                                 "contribution"));
    m_plot->xAxis2->setVisible(true);
    m_plot->xAxis2->setLabel(tr("log-odds (contributions add up on this scale)"));
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->yAxis->setTickPen(Qt::NoPen);
    m_plot->yAxis->setSubTickPen(Qt::NoPen);
    m_plot->yAxis->setRangeReversed(true);
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), m_plot->xAxis2,
            qOverload<const QCPRange&>(&QCPAxis::setRange));
    clear();
}

double WaterfallChart::probabilityOf(double logOdds) const
{
    return 1.0 / (1.0 + std::exp(-(m_a * logOdds + m_b)));
}

void WaterfallChart::clear()
{
    m_plot->clearItems();
    m_plot->clearPlottables();
    m_shown.clear();
    m_extents.clear();
    m_base = m_output = 0.0;
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    m_plot->xAxis->setRange(-1, 1);
    m_plot->yAxis->setRange(-0.5, 0.5);
    updateProbabilityTicks();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void WaterfallChart::setWaterfall(double baseLogOdds, const std::vector<Step>& steps,
                                  double outputLogOdds, double calibrationA, double calibrationB)
{
    clear();
    m_base = baseLogOdds;
    m_output = outputLogOdds;
    m_a = std::isfinite(calibrationA) && calibrationA != 0.0 ? calibrationA : 1.0;
    m_b = std::isfinite(calibrationB) ? calibrationB : 0.0;

    // Largest |value| first; beyond kMaxSteps the smallest ones are summed into one step.
    std::vector<Step> sorted = steps;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Step& x, const Step& y) {
        return std::abs(x.value) > std::abs(y.value);
    });
    if (int(sorted.size()) > kMaxSteps) {
        const auto keep = std::size_t(kMaxSteps - 1);
        double rest = 0.0;
        for (std::size_t i = keep; i < sorted.size(); ++i)
            rest += sorted[i].value;
        const int others = int(sorted.size() - keep);
        sorted.resize(keep);
        sorted.push_back({tr("other %n segments", nullptr, others), rest});
    }
    m_shown = sorted;

    double x = m_base;
    for (const Step& s : m_shown) {
        m_extents.emplace_back(x, x + s.value);
        x += s.value;
    }
    const double chainEnd = x;

    // Rows: 0 = base value, 1..k = steps, k + 1 = model output.
    const int k = int(m_shown.size());
    const int outRow = k + 1;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->addTick(0, tr("base value"));
    ticker->addTick(outRow, tr("model output"));

    double lo = std::min(m_base, m_output), hi = std::max(m_base, m_output);
    for (const auto& [a, b] : m_extents) {
        lo = std::min({lo, a, b});
        hi = std::max({hi, a, b});
    }

    const QColor grey(90, 90, 90);
    auto textAt = [&](double atX, double row, const QString& text, Qt::Alignment align) {
        auto* t = new QCPItemText(m_plot);
        t->position->setCoords(atX, row);
        t->setPositionAlignment(align | Qt::AlignVCenter);
        t->setPadding(QMargins(4, 0, 4, 0));
        t->setText(text);
        t->setColor(QColor(40, 40, 40));
        return t;
    };
    auto vline = [&](double atX, double rowFrom, double rowTo, const QPen& pen) {
        auto* l = new QCPItemLine(m_plot);
        l->start->setCoords(atX, rowFrom);
        l->end->setCoords(atX, rowTo);
        l->setPen(pen);
    };

    // Base and output: markers with their probability.
    QPen dashed(grey, 1, Qt::DashLine);
    // Short markers that only touch the first and the last bar, so no line crosses a bar.
    vline(m_base, -0.4, k > 0 ? 0.65 : outRow + 0.4, dashed);
    vline(m_output, k > 0 ? k + 0.35 : -0.4, outRow + 0.4, QPen(grey, 1.5));
    textAt(m_base, 0, tr("%1 (%2)").arg(percentText(probabilityOf(m_base)), signedText(m_base)),
           Qt::AlignLeft);
    QString outText = tr("%1 (%2)").arg(percentText(probabilityOf(m_output)), signedText(m_output));
    // The explanation should add up (efficiency); say so when it does not.
    if (std::abs(chainEnd - m_output) > 1e-3)
        outText += tr("  \u2014 contributions sum to %1").arg(signedText(chainEnd - m_base));
    textAt(m_output, outRow, outText, Qt::AlignLeft);

    for (int i = 0; i < k; ++i) {
        const Step& s = m_shown[std::size_t(i)];
        const auto [from, to] = m_extents[std::size_t(i)];
        const int row = i + 1;
        ticker->addTick(row, s.label);
        auto* rect = new QCPItemRect(m_plot);
        rect->topLeft->setCoords(std::min(from, to), row - 0.35);
        rect->bottomRight->setCoords(std::max(from, to), row + 0.35);
        QColor c = s.value >= 0 ? contributionAnomalousColour() : contributionNormalColour();
        rect->setPen(QPen(c.darker(120), 1));
        c.setAlpha(220);
        rect->setBrush(c);
        textAt(std::max(from, to), row, signedText(s.value), Qt::AlignLeft);
        // Connector to the next bar's start.
        auto* link = new QCPItemLine(m_plot);
        link->start->setCoords(to, row + 0.35);
        link->end->setCoords(to, row + 0.65);
        link->setPen(QPen(grey, 1, Qt::DotLine));
    }
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(-0.6, outRow + 0.6);
    // Room on the right for the value and probability labels.
    const double span = std::max(1e-3, hi - lo);
    m_plot->xAxis->setRange(lo - 0.08 * span, hi + 0.45 * span);
    updateProbabilityTicks();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void WaterfallChart::updateProbabilityTicks()
{
    // Probability ticks at log-odds positions: x = (logit(p) - b) / a, thinned so they never
    // crowd (at least 1/7 of the range apart).
    static const double candidates[] = {0.001, 0.01, 0.02, 0.05, 0.1,  0.2,  0.3,  0.4,  0.5,
                                        0.6,   0.7,  0.8,  0.9,  0.95, 0.98, 0.99, 0.999};
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const QCPRange range = m_plot->xAxis->range();
    const double minGap = range.size() / 7.0;
    std::vector<std::pair<double, double>> ticks; // (x, p)
    for (double p : candidates) {
        const double x = (std::log(p / (1.0 - p)) - m_b) / m_a;
        if (range.contains(x))
            ticks.emplace_back(x, p);
    }
    std::sort(ticks.begin(), ticks.end());
    if (!ticks.empty()) {
        // Thin outwards from p = 0.5 (or the middle tick), so the even-odds tick always shows.
        std::size_t anchor = ticks.size() / 2;
        for (std::size_t i = 0; i < ticks.size(); ++i)
            if (ticks[i].second == 0.5)
                anchor = i;
        const QLocale locale;
        auto add = [&](std::size_t i) {
            ticker->addTick(ticks[i].first, locale.toString(ticks[i].second, 'g', 3));
        };
        add(anchor);
        double last = ticks[anchor].first;
        for (std::size_t i = anchor + 1; i < ticks.size(); ++i)
            if (ticks[i].first - last >= minGap) {
                add(i);
                last = ticks[i].first;
            }
        last = ticks[anchor].first;
        for (std::size_t i = anchor; i-- > 0;)
            if (last - ticks[i].first >= minGap) {
                add(i);
                last = ticks[i].first;
            }
    }
    m_plot->xAxis->setTicker(ticker);
}

} // namespace ecglens
