// Explanation and analysis widgets on offscreen rendering: the contribution colour scale,
// bands behind the traces (checked on the rendered pixels, in two layouts), the waterfall
// chain, the probability track and the verdict banner.
// Reference values: the colour scale ends are ColorBrewer RdBu 5-class hex codes (#2166ac,
// #b2182b, from colorbrewer2.org), not read from the code; pixel positions follow from the
// paper geometry already verified in tst_ecg_plot.

#include "contribution_legend.h"
#include "contributions.h"
#include "ecg_plot.h"
#include "ecg_viewer.h"
#include "lead_contribution_chart.h"
#include "overview_strip.h"
#include "probability_track.h"
#include "synthetic.h"
#include "verdict_banner.h"
#include "waterfall_chart.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>

#include <qcustomplot.h>

#include <cmath>
#include <numeric>

using namespace ecglens;

namespace {

constexpr int kW = 1400;
constexpr int kH = 900;
constexpr double kPxPerMm = 96.0 / 25.4;

QImage render(EcgPlot& plot)
{
    plot.replot(QCustomPlot::rpImmediateRefresh);
    return plot.grab().toImage();
}

QImage render(QCustomPlot* plot)
{
    plot->replot(QCustomPlot::rpImmediateRefresh);
    return plot->grab().toImage();
}

bool same(QRgb a, QRgb b)
{
    return qRed(a) == qRed(b) && qGreen(a) == qGreen(b) && qBlue(a) == qBlue(b);
}

bool sameColour(QRgb a, const QColor& c)
{
    return qRed(a) == c.red() && qGreen(a) == c.green() && qBlue(a) == c.blue();
}

bool reddish(QRgb p)
{
    return qRed(p) > qBlue(p) + 40 && qRed(p) > qGreen(p) + 40;
}

bool bluish(QRgb p)
{
    return qBlue(p) > qRed(p) + 40;
}

/// 10 s, 12 leads, 60 bpm: R waves at 0.5 + k s, T waves 0.25 s later; flat in between.
std::shared_ptr<const view::SignalView> twelveLeadView()
{
    return test::makeView(test::makeRecording(
        500, 10.0, [](double t) { return test::beats(t, 60.0); }, test::twelveLeads()));
}

void setUpPlot(EcgPlot& plot)
{
    plot.resize(kW, kH);
    plot.setPaperMetrics(PaperMetrics(kPxPerMm, 25.0, 10.0));
    plot.setSignalView(twelveLeadView());
}

/// A pixel of plain paper (in the reference image) near the top of a panel's cell at time t,
/// away from labels and the trace: the trace is flat at the baseline between t and R waves.
QPoint paperPixel(const EcgPlot& plot, const QImage& reference, int row, double t)
{
    const int x0 = int(std::round(plot.timeToX(t)));
    const int y0 = int(std::round(plot.rowTopY(row) + 3 * kPxPerMm));
    for (int dy = 0; dy < 8; ++dy)
        for (int dx = 0; dx < 8; ++dx)
            if (sameColour(reference.pixel(x0 + dx, y0 + dy), plot.theme().paper))
                return {x0 + dx, y0 + dy};
    return {-1, -1};
}

int leadIndex(const char* name)
{
    const auto names = test::twelveLeads();
    return int(std::find(names.begin(), names.end(), name) - names.begin());
}

int rowOfLead(const EcgPlot& plot, int lead, bool rhythm = false)
{
    for (const Panel& p : plot.paperLayout().panels)
        if (p.lead == lead && p.rhythm == rhythm)
            return p.row;
    return -1;
}

} // namespace

class TestXaiWidgets : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    // ---- colour scale ----------------------------------------------------------------------

    void colourEndsAreRdBuEnds_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("maxAbs");
        QTest::addColumn<QString>("hex");
        QTest::newRow("+max") << 0.8 << 0.8 << "#b2182b";
        QTest::newRow("-max") << -0.8 << 0.8 << "#2166ac";
        QTest::newRow("beyond +max clamps") << 3.0 << 0.8 << "#b2182b";
        QTest::newRow("beyond -max clamps") << -3.0 << 0.8 << "#2166ac";
    }
    void colourEndsAreRdBuEnds()
    {
        QFETCH(double, value);
        QFETCH(double, maxAbs);
        QFETCH(QString, hex);
        const QColor c = contributionColour(value, maxAbs);
        QCOMPARE(c.name(), hex);
        QCOMPARE(c.alpha(), kContributionMaxAlpha);
        QVERIFY(kContributionMaxAlpha > 100 && kContributionMaxAlpha < 255); // grid stays visible
    }

    void colourTransparentCases_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("maxAbs");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<bool>("transparent");
        QTest::newRow("zero") << 0.0 << 1.0 << 0.0 << true;
        QTest::newRow("below threshold +") << 0.09 << 1.0 << 0.1 << true;
        QTest::newRow("below threshold -") << -0.09 << 1.0 << 0.1 << true;
        QTest::newRow("at threshold") << 0.1 << 1.0 << 0.1 << false;
        QTest::newRow("above threshold -") << -0.11 << 1.0 << 0.1 << false;
        QTest::newRow("maxAbs zero") << 0.5 << 0.0 << 0.0 << true;
        QTest::newRow("maxAbs negative") << 0.5 << -1.0 << 0.0 << true;
        QTest::newRow("NaN") << std::nan("") << 1.0 << 0.0 << true;
        QTest::newRow("tiny but shown") << 1e-6 << 1.0 << 0.0 << false;
    }
    void colourTransparentCases()
    {
        QFETCH(double, value);
        QFETCH(double, maxAbs);
        QFETCH(double, threshold);
        QFETCH(bool, transparent);
        QCOMPARE(contributionColour(value, maxAbs, threshold).alpha() == 0, transparent);
    }

    void colourSignAndMonotonicity()
    {
        int lastAlphaPos = 0, lastAlphaNeg = 0;
        double lastLightPos = 2, lastLightNeg = 2;
        for (int i = 1; i <= 20; ++i) {
            const double v = i / 20.0;
            const QColor pos = contributionColour(v, 1.0);
            const QColor neg = contributionColour(-v, 1.0);
            QVERIFY2(pos.red() > pos.blue() && pos.red() > pos.green(), qPrintable(pos.name()));
            QVERIFY2(neg.blue() > neg.red(), qPrintable(neg.name()));
            // Stronger contributions: more opaque and darker, never less.
            QVERIFY(pos.alpha() >= lastAlphaPos && neg.alpha() >= lastAlphaNeg);
            QVERIFY(pos.lightnessF() <= lastLightPos && neg.lightnessF() <= lastLightNeg);
            lastAlphaPos = pos.alpha();
            lastAlphaNeg = neg.alpha();
            lastLightPos = pos.lightnessF();
            lastLightNeg = neg.lightnessF();
        }
        QVERIFY(contributionColour(0.05, 1.0).alpha() < contributionColour(1.0, 1.0).alpha() / 4);
        // Symmetric in opacity: the sign changes the hue only.
        QCOMPARE(contributionColour(0.3, 1.0).alpha(), contributionColour(-0.3, 1.0).alpha());
    }

    void toolTipText_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("probabilityValue");
        QTest::addColumn<QString>("expected");
        QTest::newRow("positive") << 0.31 << 0.042
                                  << QStringLiteral("V2 3.42\u20134.18 s: +0.31 log-odds (+4.2 % "
                                                    "probability) towards anomalous");
        QTest::newRow("negative") << -0.126 << -0.0151
                                  << QStringLiteral("V2 3.42\u20134.18 s: \u22120.13 log-odds "
                                                    "(\u22121.5 % probability) towards normal");
    }
    void toolTipText()
    {
        QFETCH(double, value);
        QFETCH(double, probabilityValue);
        QFETCH(QString, expected);
        ContributionBand b{7, 3.42, 4.18, value, probabilityValue};
        QCOMPARE(contributionToolTip(b, QStringLiteral("V2")), expected);
    }

    // ---- bands on the plot -----------------------------------------------------------------

    void thresholdFiltersBands_data()
    {
        QTest::addColumn<double>("threshold");
        QTest::addColumn<int>("expected");
        QTest::newRow("0") << 0.0 << 5;
        QTest::newRow("0.05") << 0.05 << 4;
        QTest::newRow("0.1") << 0.1 << 3;
        QTest::newRow("0.3") << 0.3 << 2;
        QTest::newRow("0.6") << 0.6 << 0;
    }
    void thresholdFiltersBands()
    {
        QFETCH(double, threshold);
        QFETCH(int, expected);
        EcgPlot plot;
        setUpPlot(plot);
        plot.setContributions({{0, 0.0, 1.0, 0.5, 0.1},
                               {1, 1.0, 2.0, -0.3, -0.05},
                               {2, 2.0, 3.0, 0.05, 0.01},
                               {3, 3.0, 4.0, -0.02, -0.004},
                               {4, 4.0, 5.0, 0.2, 0.04}});
        QCOMPARE(plot.contributionScale(), 0.5);
        plot.setContributionThreshold(threshold);
        const auto shown = plot.visibleContributionBands();
        QCOMPARE(int(shown.size()), expected);
        for (const ContributionBand& b : shown)
            QVERIFY(std::abs(b.value) >= threshold);
        plot.setContributionsVisible(false);
        QVERIFY(!plot.contributionsVisible());
        QVERIFY(plot.visibleContributionBands().empty());
        plot.setContributionsVisible(true);
        QCOMPARE(int(plot.visibleContributionBands().size()), expected);
        plot.clearContributions();
        QVERIFY(plot.visibleContributionBands().empty());
        QCOMPARE(plot.contributionScale(), 0.0);
    }

    void bandsColourTheirLeadCell()
    {
        EcgPlot plot;
        setUpPlot(plot);
        const QImage reference = render(plot);
        const int v2 = leadIndex("V2"), v5 = leadIndex("V5");
        const std::vector<ContributionBand> bands = {{v2, 3.0, 4.0, 0.5, 0.1},
                                                     {v5, 6.0, 7.0, -0.5, -0.1}};
        plot.setContributions(bands);
        const QImage img = render(plot);
        const int rowV2 = rowOfLead(plot, v2), rowV5 = rowOfLead(plot, v5);
        QCOMPARE(rowV2, 7); // 12x1, conventional order
        QCOMPARE(rowV5, 10);

        const QPoint inPos = paperPixel(plot, reference, rowV2, 3.1);
        const QPoint inNeg = paperPixel(plot, reference, rowV5, 6.1);
        QVERIFY(inPos.x() >= 0 && inNeg.x() >= 0);
        QVERIFY2(reddish(img.pixel(inPos)), qPrintable(QColor(img.pixel(inPos)).name()));
        QVERIFY2(bluish(img.pixel(inNeg)), qPrintable(QColor(img.pixel(inNeg)).name()));
        // Same time, neighbouring rows: untouched paper.
        for (int row : {rowV2 - 1, rowV2 + 1}) {
            const QPoint p = paperPixel(plot, reference, row, 3.1);
            QVERIFY(same(img.pixel(p), reference.pixel(p)));
        }

        // Outside the band cells (2 px margin) every pixel is exactly as without bands.
        const double pitchPx = plot.rowPitchMm() * kPxPerMm;
        auto inside = [&](int x, int y) {
            for (const ContributionBand& b : bands) {
                const int row = rowOfLead(plot, b.lead);
                if (x >= plot.timeToX(b.startS) - 2 && x <= plot.timeToX(b.endS) + 2 &&
                    y >= plot.rowTopY(row) - 2 && y <= plot.rowTopY(row) + pitchPx + 2)
                    return true;
            }
            return false;
        };
        int changedOutside = 0, changedInside = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) {
                const bool changed = !same(img.pixel(x, y), reference.pixel(x, y));
                (inside(x, y) ? changedInside : changedOutside) += changed ? 1 : 0;
            }
        QCOMPARE(changedOutside, 0);
        // Most of two cells of ~94 x 57 px are tinted.
        QVERIFY2(changedInside > 8000, qPrintable(QString::number(changedInside)));

        // The trace stays on top. Z-order: the contribution layer holds the band layerable and
        // lies above the paper grid and below every trace graph.
        QCPLayer* contributions = plot.layer(QStringLiteral("contributions"));
        QVERIFY(contributions);
        QVERIFY(!contributions->children().isEmpty());
        QVERIFY(plot.layer(QStringLiteral("grid"))->index() < contributions->index());
        QVERIFY(plot.graphCount() > 0);
        for (int g = 0; g < plot.graphCount(); ++g)
            QVERIFY2(plot.graph(g)->layer()->index() > contributions->index(),
                     qPrintable(plot.graph(g)->layer()->name()));
        // Pixels: in the column of the R wave inside the V2 band (t = 3.5 s), every trace pixel
        // inside the band's cell is exactly as without the band, while the paper beside it is
        // tinted; with the band layer moved above the traces those same pixels are tinted, so
        // the check can fail.
        const int xr = int(std::round(plot.timeToX(3.5)));
        std::vector<QPoint> trace;
        for (int y = int(plot.rowTopY(rowV2)) + 3; y < int(plot.rowTopY(rowV2) + pitchPx) - 3;
             ++y) {
            const QRgb p = reference.pixel(xr, y);
            if (qRed(p) + qGreen(p) + qBlue(p) < 150)
                trace.emplace_back(xr, y);
        }
        QVERIFY2(trace.size() >= 10, qPrintable(QString::number(trace.size())));
        auto unchanged = [&](const QImage& image) {
            return int(std::count_if(trace.begin(), trace.end(), [&](const QPoint& p) {
                return same(image.pixel(p), reference.pixel(p));
            }));
        };
        QCOMPARE(unchanged(img), int(trace.size()));
        QVERIFY(reddish(img.pixel(inPos)));
        QVERIFY(plot.moveLayer(contributions, plot.layer(QStringLiteral("main")),
                               QCustomPlot::limAbove));
        QCOMPARE(unchanged(render(plot)), 0);
        QVERIFY(plot.moveLayer(contributions, plot.layer(QStringLiteral("main")),
                               QCustomPlot::limBelow));
        QCOMPARE(unchanged(render(plot)), int(trace.size()));
    }

    void bandsFollowLayoutChange()
    {
        EcgPlot plot;
        setUpPlot(plot);
        const int v2 = leadIndex("V2"), ii = leadIndex("II"), i = leadIndex("I");
        // 3x4 on 10 s: columns of 2.5 s; V2 is in column 2 (5-7.5 s), II in column 0 and in
        // the rhythm strip.
        plot.setContributions({{v2, 5.5, 6.5, 0.4, 0.08}, {ii, 1.0, 2.0, -0.4, -0.08}});
        (void)render(plot);
        plot.setLeadLayout(LeadLayout::Grid3x4);
        plot.setContributions({}); // reference without bands, same layout
        const QImage reference = render(plot);
        plot.setContributions({{v2, 5.5, 6.5, 0.4, 0.08}, {ii, 1.0, 2.0, -0.4, -0.08}});
        const QImage img = render(plot);
        QCOMPARE(plot.paperLayout().columns, 4);

        struct Probe
        {
            int lead;
            bool rhythm;
            double t;
            int expect; // +1 reddish, -1 bluish, 0 untouched
        };
        const Probe probes[] = {
            {v2, false, 5.6, +1},
            {ii, false, 1.1, -1},
            {ii, true, 1.1, -1},
            {ii, true, 5.6, 0}, // V2's band must not show on the II rhythm strip
            {i, false, 1.1, 0},
            {leadIndex("aVL"), false, 3.6, 0},
            {leadIndex("V5"), false, 8.1, 0},
            {leadIndex("V1"), false, 5.6, 0},
        };
        for (const Probe& pr : probes) {
            const int row = rowOfLead(plot, pr.lead, pr.rhythm);
            QVERIFY(row >= 0);
            const QPoint p = paperPixel(plot, reference, row, pr.t);
            QVERIFY2(p.x() >= 0, "no plain paper pixel near the probe");
            const QRgb px = img.pixel(p);
            const QString where = QStringLiteral("lead %1 row %2 t %3: %4")
                                      .arg(pr.lead)
                                      .arg(row)
                                      .arg(pr.t)
                                      .arg(QColor(px).name());
            if (pr.expect > 0)
                QVERIFY2(reddish(px), qPrintable(where));
            else if (pr.expect < 0)
                QVERIFY2(bluish(px), qPrintable(where));
            else
                QVERIFY2(same(px, reference.pixel(p)), qPrintable(where));
        }
    }

    void toolTipAndHighlightOnPlot()
    {
        EcgPlot plot;
        setUpPlot(plot);
        const int v2 = leadIndex("V2"), v5 = leadIndex("V5");
        plot.setContributions({{v2, 3.42, 4.18, 0.31, 0.042}, {v5, 6.0, 7.0, -0.2, -0.03}});
        const double y = plot.rowTopY(7) + 2 * kPxPerMm;
        QCOMPARE(plot.contributionToolTipAt(QPointF(plot.timeToX(3.8), y)),
                 QStringLiteral("V2 3.42\u20134.18 s: +0.31 log-odds (+4.2 % probability) "
                                "towards anomalous"));
        QVERIFY(plot.contributionToolTipAt(QPointF(plot.timeToX(3.3), y)).isEmpty());
        plot.setContributionThreshold(0.5);
        QVERIFY(plot.contributionToolTipAt(QPointF(plot.timeToX(3.8), y)).isEmpty());
        plot.setContributionThreshold(0.0);

        // Outline of the strongest band only: its left edge changes, the other band's does not.
        const QImage plain = render(plot);
        plot.highlightStrongest(1);
        const QImage outlined = render(plot);
        // Pixels around a band's left edge, halfway between row top and baseline.
        auto edgeDiffers = [&](const QImage& a, const QImage& b, double t, int row) {
            const double x0 = plot.timeToX(t);
            const int yMid = int(plot.rowTopY(row) + 2 * kPxPerMm);
            for (int x = int(std::floor(x0)) - 1; x <= int(std::ceil(x0)) + 3; ++x)
                if (!same(a.pixel(x, yMid), b.pixel(x, yMid)))
                    return true;
            return false;
        };
        auto edgeChanged = [&](double t, int row) { return edgeDiffers(plain, outlined, t, row); };
        QVERIFY(edgeChanged(3.42, 7));
        QVERIFY(!edgeChanged(6.0, 10));
        plot.highlightStrongest(2);
        const QImage both = render(plot);
        QVERIFY(edgeDiffers(plain, both, 6.0, 10));
        plot.highlightStrongest(0);
        QVERIFY(!edgeDiffers(plain, render(plot), 3.42, 7));
    }

    // ---- charts ----------------------------------------------------------------------------

    void waterfallChains_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("shown");
        QTest::newRow("3 steps") << 3 << 3;
        QTest::newRow("10 steps") << 10 << 10;
        QTest::newRow("11 steps") << 11 << 10;
        QTest::newRow("15 steps") << 15 << 10;
    }
    void waterfallChains()
    {
        QFETCH(int, count);
        QFETCH(int, shown);
        // Step k (1-based) = (-1)^k * 0.1 k: distinct magnitudes, mixed signs.
        std::vector<WaterfallChart::Step> steps;
        double sum = 0;
        for (int k = 1; k <= count; ++k) {
            const double v = (k % 2 ? -0.1 : 0.1) * k;
            steps.push_back({QStringLiteral("seg %1").arg(k), v});
            sum += v;
        }
        const double base = -1.25;
        WaterfallChart chart;
        chart.resize(600, 420);
        chart.setWaterfall(base, steps, base + sum, 1.0, 0.0);
        QCOMPARE(chart.shownSteps(), shown);
        const auto& ext = chart.barExtents();
        QCOMPARE(int(ext.size()), shown);
        QVERIFY(std::abs(ext.front().first - base) < 1e-12);
        for (std::size_t i = 0; i + 1 < ext.size(); ++i)
            QVERIFY(std::abs(ext[i].second - ext[i + 1].first) < 1e-12);
        QVERIFY(std::abs(ext.back().second - chart.outputLogOdds()) < 1e-9);
        double shownSum = 0;
        for (const auto& s : chart.displayedSteps())
            shownSum += s.value;
        QVERIFY(std::abs(base + shownSum - (base + sum)) < 1e-9);
        // Largest |value| first: with step k = ±0.1 k that is seg count, count-1, ...
        QCOMPARE(chart.displayedSteps().front().label, QStringLiteral("seg %1").arg(count));
        if (count > 10) {
            const int others = count - 9;
            QCOMPARE(chart.displayedSteps().back().label,
                     QStringLiteral("other %1 segments").arg(others));
            // Hand sum of the 'others' (steps 1..others): sum of (-1)^k 0.1 k.
            double rest = 0;
            for (int k = 1; k <= others; ++k)
                rest += (k % 2 ? -0.1 : 0.1) * k;
            QVERIFY(std::abs(chart.displayedSteps().back().value - rest) < 1e-12);
            QCOMPARE(chart.displayedSteps()[8].label, QStringLiteral("seg %1").arg(others + 1));
        }
        // The drawn rectangles span exactly the bar extents.
        int rects = 0;
        for (int i = 0; i < chart.customPlot()->itemCount(); ++i)
            if (auto* r = qobject_cast<QCPItemRect*>(chart.customPlot()->item(i))) {
                const double a = r->topLeft->coords().x(), b = r->bottomRight->coords().x();
                const auto& e = ext[std::size_t(rects)];
                QVERIFY(std::abs(a - std::min(e.first, e.second)) < 1e-12);
                QVERIFY(std::abs(b - std::max(e.first, e.second)) < 1e-12);
                ++rects;
            }
        QCOMPARE(rects, shown);
        QVERIFY(!render(chart.customPlot()).isNull());
    }

    void waterfallProbabilityAxis_data()
    {
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("b");
        QTest::newRow("identity") << 1.0 << 0.0;
        QTest::newRow("Platt a=0.8 b=-0.3") << 0.8 << -0.3;
    }
    void waterfallProbabilityAxis()
    {
        QFETCH(double, a);
        QFETCH(double, b);
        WaterfallChart chart;
        chart.setWaterfall(-2.0, {{QStringLiteral("x"), 2.5}, {QStringLiteral("y"), 1.5}}, 2.0, a,
                           b);
        // The "0.5" tick sits where a x + b = 0; p(x) = 1 / (1 + e^-(a x + b)).
        auto ticker =
            qSharedPointerDynamicCast<QCPAxisTickerText>(chart.customPlot()->xAxis->ticker());
        QVERIFY(ticker);
        const auto ticks = ticker->ticks();
        bool found = false;
        for (auto it = ticks.begin(); it != ticks.end(); ++it)
            if (it.value() == QLatin1String("0.5")) {
                QVERIFY(std::abs(it.key() - (-b / a)) < 1e-9);
                found = true;
            }
        QVERIFY(found);
        QVERIFY(std::abs(chart.probabilityOf(1.0) - 1.0 / (1.0 + std::exp(-(a + b)))) < 1e-12);
    }

    void leadChartBarsAndColours()
    {
        LeadContributionChart chart;
        chart.resize(400, 360);
        const QStringList leads = {QStringLiteral("I"), QStringLiteral("II"), QStringLiteral("V1")};
        chart.setValues(leads, {0.4, -0.2, 0.0});
        QCOMPARE(int(chart.bars().size()), 3);
        QCOMPARE(chart.bars()[0]->data()->at(0)->value, 0.4);
        QCOMPARE(chart.bars()[1]->data()->at(0)->value, -0.2);
        QVERIFY(reddish(chart.bars()[0]->brush().color().rgb()));
        QVERIFY(bluish(chart.bars()[1]->brush().color().rgb()));
        QVERIFY(chart.customPlot()->xAxis->range().contains(0.4));
        QVERIFY(chart.customPlot()->xAxis->range().contains(-0.4)); // symmetric
        // A screen reader hears the bars, largest first, with their signs.
        QCOMPARE(chart.customPlot()->accessibleName(), QStringLiteral("Contribution per lead"));
        QCOMPARE(chart.customPlot()->accessibleDescription(),
                 QStringLiteral("Log-odds contribution of each lead, largest first (+ towards "
                                "anomalous): I +0.40, II \u22120.20, V1 +0.00."));
        chart.clear();
        QVERIFY(chart.bars().empty());
        QCOMPARE(chart.customPlot()->accessibleDescription(),
                 QStringLiteral("No contributions yet."));
        QCOMPARE(chart.customPlot()->plottableCount(), 0);
    }

    void legendBarRunsBlueToRed()
    {
        ContributionLegend legend;
        legend.setScale(0.42);
        legend.setThreshold(0.1);
        legend.setBaselineName(
            QStringLiteral("removed segments replaced by: isoelectric baseline"));
        legend.resize(500, legend.sizeHint().height());
        QCOMPARE(legend.scale(), 0.42);
        QCOMPARE(legend.threshold(), 0.1);
        // Two text lines under the bar fit in the size hint.
        QVERIFY(legend.sizeHint().height() >= 2 * QFontMetrics(legend.font()).height() + 12);
        const QImage img = legend.grab().toImage();
        // Scan the bar's middle row: bluish pixels come before reddish ones, never after.
        const int y = 6 + 6; // kPad + half the 12 px bar
        int firstRed = -1, lastBlue = -1;
        for (int x = 0; x < img.width(); ++x) {
            if (bluish(img.pixel(x, y)))
                lastBlue = x;
            if (reddish(img.pixel(x, y)) && firstRed < 0)
                firstRed = x;
        }
        QVERIFY(lastBlue > 0 && firstRed > 0);
        QVERIFY2(lastBlue < img.width() / 2 && firstRed > img.width() / 2,
                 qPrintable(QStringLiteral("%1 %2").arg(lastBlue).arg(firstRed)));
    }

    // ---- probability track -----------------------------------------------------------------

    void probabilityTrackLinesRangeAndClick()
    {
        ProbabilityTrack track;
        track.resize(800, 80);
        track.show();
        QVERIFY(QTest::qWaitForWindowExposed(&track));
        QVERIFY(!track.hasData());
        const double borderline = 0.35, anomalous = 0.62;
        std::vector<WindowProbability> windows;
        for (int k = 0; k < 7; ++k)
            windows.push_back({5.0 * k, 5.0 * k + 10.0, 0.1 + 0.12 * k});
        track.setWindows(windows, borderline, anomalous);
        track.setFlagged({{20.0, 40.0, 0.7}});
        QVERIFY(track.hasData());
        std::vector<double> lines;
        for (int i = 0; i < track.customPlot()->itemCount(); ++i)
            if (auto* l = qobject_cast<QCPItemStraightLine*>(track.customPlot()->item(i))) {
                QCOMPARE(l->point1->coords().y(), l->point2->coords().y()); // horizontal
                QCOMPARE(l->pen().style(), Qt::DashLine);
                lines.push_back(l->point1->coords().y());
            }
        std::sort(lines.begin(), lines.end());
        QCOMPARE(lines, (std::vector<double>{borderline, anomalous}));
        // In words for a screen reader: the peak is the last window (0.1 + 6 × 0.12 = 0.82).
        QCOMPARE(track.customPlot()->accessibleDescription(),
                 QStringLiteral("7 analysis windows; highest probability 0.82 in the window from "
                                "30.0 to 40.0 s; thresholds borderline 0.35, anomalous 0.62; "
                                "flagged: 20.0 to 40.0 s."));

        track.setTimeRange(5.0, 25.0);
        QCOMPARE(track.customPlot()->xAxis->range().lower, 5.0);
        QCOMPARE(track.customPlot()->xAxis->range().upper, 25.0);
        const QImage img = render(track.customPlot());
        const QRect ar = track.customPlot()->axisRect()->rect();
        // The anomalous line on the image: y = top + (1 - p) * height, dashed (some pixels red).
        const int yLine = int(std::round(ar.top() + (1.0 - anomalous) * (ar.height() - 1)));
        int red = 0;
        for (int x = ar.left(); x <= ar.right(); ++x)
            for (int dy = -1; dy <= 1; ++dy)
                red += reddish(img.pixel(x, yLine + dy)) ? 1 : 0;
        QVERIFY2(red > ar.width() / 5, qPrintable(QString::number(red)));

        QSignalSpy spy(&track, &ProbabilityTrack::timeClicked);
        const QPoint click(ar.left() + int(0.3 * ar.width()), ar.center().y());
        QTest::mouseClick(track.customPlot(), Qt::LeftButton, {}, click);
        QCOMPARE(spy.count(), 1);
        const double expected = 5.0 + 20.0 * (click.x() - ar.left()) / ar.width();
        const double onePx = 20.0 / ar.width();
        QVERIFY2(
            std::abs(spy.at(0).at(0).toDouble() - expected) <= onePx,
            qPrintable(QStringLiteral("%1 vs %2").arg(spy.at(0).at(0).toDouble()).arg(expected)));
        track.clear();
        QVERIFY(!track.hasData());
    }

    void viewerHostsTrackAndBanner()
    {
        EcgViewer viewer;
        viewer.resize(1200, 800);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        viewer.setSignalView(test::makeView(test::makeRecording(
            250, 120.0, [](double t) { return test::beats(t, 70.0); }, test::twelveLeads())));
        QVERIFY(viewer.probabilityTrack() && viewer.verdictBanner());
        QVERIFY(viewer.probabilityTrack()->isHidden());
        QVERIFY(viewer.verdictBanner()->isHidden());
        viewer.probabilityTrack()->setWindows({{0, 10, 0.2}, {5, 15, 0.8}}, 0.4, 0.6);
        QVERIFY(!viewer.probabilityTrack()->isHidden());
        viewer.verdictBanner()->setRunning(0.5);
        QVERIFY(!viewer.verdictBanner()->isHidden());
        QApplication::processEvents();
        // Banner above the plot, track below it and above the overview strip.
        QVERIFY(viewer.verdictBanner()->geometry().bottom() <= viewer.plot()->geometry().top());
        QVERIFY(viewer.probabilityTrack()->geometry().top() >= viewer.plot()->geometry().bottom());
        QVERIFY(viewer.overview()->isHidden() ||
                viewer.overview()->geometry().top() >=
                    viewer.probabilityTrack()->geometry().bottom());
        // The track follows the plot's visible range.
        viewer.plot()->setVisibleStartS(42.0);
        const QCPRange r = viewer.probabilityTrack()->customPlot()->xAxis->range();
        QCOMPARE(r.lower, viewer.plot()->visibleStartS());
        QVERIFY(std::abs(r.upper -
                         (viewer.plot()->visibleStartS() + viewer.plot()->visibleSpanS())) < 1e-9);
        // And its axis spans the same pixel columns as the paper.
        const QRect ar = viewer.probabilityTrack()->customPlot()->axisRect()->rect();
        QCOMPARE(ar.left(), viewer.plot()->paperRect().left());
        // Clicking the track moves the plot there (centred).
        QTest::mouseClick(viewer.probabilityTrack()->customPlot(), Qt::LeftButton, {},
                          QPoint(ar.left() + ar.width() / 2, ar.center().y()));
        const double centre = viewer.plot()->visibleStartS() + viewer.plot()->visibleSpanS() / 2;
        QVERIFY2(std::abs(centre - (r.lower + r.upper) / 2) < 0.1 + r.size() / ar.width(),
                 qPrintable(QString::number(centre)));
        viewer.probabilityTrack()->clear();
        QVERIFY(viewer.probabilityTrack()->isHidden());
    }

    // ---- banner ----------------------------------------------------------------------------

    void bannerText_data()
    {
        QTest::addColumn<QString>("cls");
        QTest::addColumn<double>("probability");
        QTest::addColumn<QStringList>("warnings");
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("percent");
        QTest::newRow("anomalous") << "anomalous" << 0.8734 << QStringList{} << "Anomalous"
                                   << "87.3 %";
        QTest::newRow("normal, warnings")
            << "normal" << 0.051
            << QStringList{QStringLiteral("fewer than 12 leads"), QStringLiteral("age < 18")}
            << "Normal"
            << "5.1 %";
        QTest::newRow("borderline") << "borderline" << 0.45 << QStringList{} << "Borderline"
                                    << "45.0 %";
    }
    void bannerText()
    {
        QFETCH(QString, cls);
        QFETCH(double, probability);
        QFETCH(QStringList, warnings);
        QFETCH(QString, word);
        QFETCH(QString, percent);
        VerdictBanner banner;
        QVERIFY(banner.isHidden());
        QVERIFY(banner.text().isEmpty());
        banner.setVerdict(cls, probability, QStringLiteral("resnet1d 1.0.0"), warnings);
        const QString text = banner.text();
        QVERIFY2(text.contains(word), qPrintable(text));
        QVERIFY2(text.contains(percent), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("resnet1d 1.0.0")));
        QVERIFY(text.contains(QStringLiteral("Decision support, not a diagnosis.")));
        for (const QString& w : warnings) {
            QVERIFY(text.contains(w));
            QVERIFY(text.section(QLatin1Char('\n'), 1).contains(w)); // second line
        }
        QCOMPARE(text.contains(QLatin1Char('\n')), !warnings.isEmpty());
        QVERIFY(!banner.isHidden());
        // The basis of the class goes in brackets right after the probability, on line 1.
        const QString basis = QStringLiteral("anomalous from 8.1 %: age 40\u201364, 12 leads");
        banner.setVerdict(cls, probability, QStringLiteral("resnet1d 1.0.0"), warnings, basis);
        QVERIFY2(banner.text()
                     .section(QLatin1Char('\n'), 0, 0)
                     .contains(percent + QStringLiteral(" (") + basis + QLatin1Char(')')),
                 qPrintable(banner.text()));
    }

    void bannerStates()
    {
        VerdictBanner banner;
        banner.setRunning(0.42);
        QVERIFY2(banner.text().contains(QStringLiteral("Analysing\u2026 42 %")),
                 qPrintable(banner.text()));
        QVERIFY(banner.text().contains(QStringLiteral("Decision support, not a diagnosis.")));
        banner.setMessage(QStringLiteral("no model installed"), true);
        QVERIFY(banner.text().contains(QStringLiteral("no model installed")));
        QCOMPARE(banner.state(), VerdictBanner::State::Error);
        QVERIFY(banner.text().contains(QStringLiteral("Decision support, not a diagnosis.")));
        banner.clear();
        QVERIFY(banner.text().isEmpty());
        QVERIFY(banner.isHidden());
    }

    // ---- gallery: every widget renders something; PNGs for a human look ----------------------

    void gallery()
    {
        const QString dir = qEnvironmentVariable("ECGLENS_WIDGET_SHOTS");
        auto save = [&](QWidget& w, const char* name) {
            const QImage img = w.grab().toImage();
            QVERIFY(!img.isNull());
            if (!dir.isEmpty())
                QVERIFY(img.save(dir + QStringLiteral("/widgets_%1.png").arg(QLatin1String(name))));
        };

        EcgViewer viewer;
        viewer.resize(1400, 1000);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        viewer.plot()->setPaperMetrics(PaperMetrics(kPxPerMm, 25.0, 10.0));
        viewer.setSignalView(test::makeView(test::makeRecording(
            500, 30.0, [](double t) { return test::beats(t, 72.0); }, test::twelveLeads())));
        std::vector<ContributionBand> bands;
        for (int lead = 0; lead < 12; ++lead)
            for (int k = 0; k < 12; ++k) {
                const double v = 0.4 * std::sin(1.3 * lead + 0.7 * k) * std::exp(-0.1 * k);
                bands.push_back({lead, k * 60.0 / 72.0, (k + 1) * 60.0 / 72.0, v, v / 5});
            }
        viewer.plot()->setContributions(bands);
        viewer.plot()->setContributionThreshold(0.05);
        viewer.plot()->highlightStrongest(3);
        std::vector<WindowProbability> windows;
        for (int k = 0; k < 5; ++k)
            windows.push_back({5.0 * k, 5.0 * k + 10.0, 0.2 + 0.15 * k});
        viewer.probabilityTrack()->setWindows(windows, 0.4, 0.6);
        viewer.probabilityTrack()->setFlagged({{15.0, 30.0, 0.8}});
        viewer.verdictBanner()->setVerdict(
            QStringLiteral("anomalous"), 0.873, QStringLiteral("resnet1d 1.0.0"),
            {QStringLiteral("age < 18: outside the validated range")});
        QApplication::processEvents();
        viewer.plot()->replot(QCustomPlot::rpImmediateRefresh);
        viewer.probabilityTrack()->customPlot()->replot(QCustomPlot::rpImmediateRefresh);
        save(viewer, "viewer");
        viewer.plot()->setLeadLayout(LeadLayout::Grid3x4);
        viewer.plot()->replot(QCustomPlot::rpImmediateRefresh);
        save(viewer, "viewer_3x4");

        ContributionLegend legend;
        legend.setScale(0.42);
        legend.setThreshold(0.05);
        legend.setBaselineName(
            QStringLiteral("removed segments replaced by: isoelectric baseline"));
        legend.resize(520, legend.sizeHint().height());
        save(legend, "legend");

        LeadContributionChart leadChart;
        leadChart.resize(380, 360);
        QStringList names;
        std::vector<double> values;
        for (const auto& n : test::twelveLeads()) {
            names << QString::fromStdString(n);
            values.push_back(0.3 * std::sin(names.size() * 1.1));
        }
        leadChart.setValues(names, values);
        leadChart.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
        save(leadChart, "lead_chart");

        ProbabilityTrack track;
        track.resize(900, track.sizeHint().height());
        std::vector<WindowProbability> many;
        for (int k = 0; k < 59; ++k)
            many.push_back({5.0 * k, 5.0 * k + 10.0, 0.5 + 0.45 * std::sin(k / 6.0)});
        track.setWindows(many, 0.4, 0.6);
        track.setFlagged({{40.0, 75.0, 0.9}});
        track.setTimeRange(0.0, 300.0);
        track.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
        save(track, "track");

        WaterfallChart waterfall;
        waterfall.resize(560, 420);
        std::vector<WaterfallChart::Step> steps;
        double sum = 0;
        for (int k = 0; k < 14; ++k) {
            const double v = 0.5 * std::cos(k * 1.7) / (1 + 0.3 * k);
            steps.push_back(
                {QStringLiteral("V%1 %2\u2013%3 s").arg(k % 6 + 1).arg(k).arg(k + 1), v});
            sum += v;
        }
        waterfall.setWaterfall(-0.9, steps, -0.9 + sum, 0.9, -0.1);
        waterfall.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
        save(waterfall, "waterfall");
    }
};

QTEST_MAIN(TestXaiWidgets)
#include "tst_xai_widgets.moc"
