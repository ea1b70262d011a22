// EcgPlot on offscreen rendering: true-scale grid, gain, calipers, layouts, decimation.
// Distances are measured on the rendered image, so they check what a clinician sees.

#include "ecg_plot.h"
#include "ecg_viewer.h"
#include "overview_strip.h"
#include "synthetic.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace ecglens;

namespace {

bool isColour(QRgb px, const QColor& c)
{
    return qAbs(qRed(px) - c.red()) <= 2 && qAbs(qGreen(px) - c.green()) <= 2 &&
           qAbs(qBlue(px) - c.blue()) <= 2;
}

/// Centres of runs of pixels along a line for which `hit` is true.
template <typename Hit> std::vector<double> runCentres(int from, int to, Hit hit)
{
    std::vector<double> centres;
    int start = -1;
    for (int i = from; i <= to + 1; ++i) {
        const bool h = i <= to && hit(i);
        if (h && start < 0)
            start = i;
        if (!h && start >= 0) {
            centres.push_back((start + i - 1) / 2.0);
            start = -1;
        }
    }
    return centres;
}

double meanPitch(const std::vector<double>& c)
{
    return c.size() < 2 ? 0.0 : (c.back() - c.front()) / double(c.size() - 1);
}

/// Mean y of dark (trace) pixels in column x between y0 and y1.
double traceY(const QImage& img, int x, int y0, int y1)
{
    double sum = 0;
    int n = 0;
    for (int y = y0; y <= y1; ++y) {
        const QRgb p = img.pixel(x, y);
        if (qRed(p) + qGreen(p) + qBlue(p) < 250) {
            sum += y;
            ++n;
        }
    }
    return n ? sum / n : -1;
}

QImage render(EcgPlot& plot)
{
    plot.replot(QCustomPlot::rpImmediateRefresh);
    return plot.grab().toImage();
}

} // namespace

class TestEcgPlot : public QObject
{
    Q_OBJECT
private slots:
    void gridPitchIsOneMillimetre_data()
    {
        QTest::addColumn<double>("dpi");
        QTest::newRow("96 dpi") << 96.0;
        QTest::newRow("110 dpi") << 110.0;
        QTest::newRow("163 dpi") << 163.0;
        QTest::newRow("254 dpi") << 254.0;
    }
    void gridPitchIsOneMillimetre()
    {
        QFETCH(double, dpi);
        const double pxPerMm = dpi / 25.4; // the definition of dots per inch
        EcgPlot plot;
        plot.resize(1000, 700);
        plot.setPaperMetrics(PaperMetrics(pxPerMm, 25.0, 10.0));
        const QImage img = render(plot);
        const EcgTheme theme = plot.theme();
        const QRect paper = plot.paperRect();
        auto isLine = [&](QRgb p) { return isColour(p, theme.minor) || isColour(p, theme.major); };
        // A row halfway between the first two horizontal lines crosses only vertical lines.
        const int y = paper.top() + int(std::round(pxPerMm / 2));
        const auto vertical =
            runCentres(0, img.width() - 1, [&](int x) { return isLine(img.pixel(x, y)); });
        const auto verticalMajor = runCentres(
            0, img.width() - 1, [&](int x) { return isColour(img.pixel(x, y), theme.major); });
        QVERIFY2(vertical.size() > 50, qPrintable(QString::number(vertical.size())));
        QVERIFY2(std::abs(meanPitch(vertical) - pxPerMm) / pxPerMm < 0.01,
                 qPrintable(QStringLiteral("vertical pitch %1 px, want %2")
                                .arg(meanPitch(vertical))
                                .arg(pxPerMm)));
        QVERIFY(std::abs(meanPitch(verticalMajor) - 5 * pxPerMm) / (5 * pxPerMm) < 0.01);
        // A column between two vertical lines crosses only horizontal lines.
        const int x = int(std::round((vertical[2] + vertical[3]) / 2));
        const auto horizontal = runCentres(paper.top(), paper.bottom(),
                                           [&](int yy) { return isLine(img.pixel(x, yy)); });
        QVERIFY(horizontal.size() > 30);
        QVERIFY2(std::abs(meanPitch(horizontal) - pxPerMm) / pxPerMm < 0.01,
                 qPrintable(QStringLiteral("horizontal pitch %1 px, want %2")
                                .arg(meanPitch(horizontal))
                                .arg(pxPerMm)));
    }

    void screenCalibrationScalesPaper()
    {
        const PaperMetrics a = PaperMetrics::fromScreen(nullptr, 25, 10, 1.0);
        const PaperMetrics b = PaperMetrics::fromScreen(nullptr, 25, 10, 1.25);
        QCOMPARE(a.pixelsPerMm(), 96.0 / 25.4); // no screen: the 96 dpi fallback
        QVERIFY(qFuzzyCompare(b.pixelsPerMm(), 1.25 * 96.0 / 25.4));
    }

    void oneMillivoltStep_data()
    {
        QTest::addColumn<double>("gain");
        QTest::newRow("10 mm/mV") << 10.0;
        QTest::newRow("5 mm/mV") << 5.0;
        QTest::newRow("20 mm/mV") << 20.0;
    }
    void oneMillivoltStep()
    {
        QFETCH(double, gain);
        const double pxPerMm = 10.0;
        EcgPlot plot;
        plot.resize(1200, 700);
        plot.setPaperMetrics(PaperMetrics(pxPerMm, 25.0, gain));
        plot.setLeadLayout(LeadLayout::Stack);
        plot.setSignalView(test::makeView(
            test::makeRecording(500, 4.0, [](double t) { return t < 2.0 ? 0.0 : 1.0; })));
        const QImage img = render(plot);
        const QRect paper = plot.paperRect();
        const double before = traceY(img, int(plot.timeToX(1.0)), paper.top(), paper.bottom());
        const double after = traceY(img, int(plot.timeToX(3.0)), paper.top(), paper.bottom());
        QVERIFY(before > 0 && after > 0);
        const double want = gain * pxPerMm; // 1 mV at `gain` mm/mV
        QVERIFY2(std::abs((before - after) - want) / want < 0.01,
                 qPrintable(QStringLiteral("step %1 px, want %2").arg(before - after).arg(want)));
        // The calibration pulse at the row start is 1 mV tall too: top of the pulse plateau
        // (its middle is 2.5 mm + 0.1 s of paper from the left edge) vs the trace baseline.
        // Its foot (1.5..2.5 mm from the left) is the pulse's own baseline.
        const int xPulse = int(std::round((2.5 + 0.1 * 25.0) * pxPerMm));
        const int xFoot = int(std::round(2.0 * pxPerMm));
        const double pulseTop = traceY(img, xPulse, paper.top(), int(before) - 3);
        const double pulseFoot = traceY(img, xFoot, paper.top(), paper.bottom());
        QVERIFY2(
            std::abs((pulseFoot - pulseTop) - want) / want < 0.01,
            qPrintable(QStringLiteral("pulse %1 px, want %2").arg(pulseFoot - pulseTop).arg(want)));
        QVERIFY(std::abs(pulseFoot - before) <= 1.0); // pulse and trace share the baseline
    }

    void calipersReadRate_data()
    {
        QTest::addColumn<double>("bpm");
        QTest::addColumn<double>("expectedMs");
        QTest::newRow("60 bpm") << 60.0 << 1000.0;
        QTest::newRow("75 bpm") << 75.0 << 800.0;
        QTest::newRow("120 bpm") << 120.0 << 500.0;
    }
    void calipersReadRate()
    {
        QFETCH(double, bpm);
        QFETCH(double, expectedMs);
        EcgPlot plot;
        plot.resize(1400, 500);
        plot.setPaperMetrics(PaperMetrics(4.0, 25.0, 10.0));
        plot.setLeadLayout(LeadLayout::Stack);
        plot.setSignalView(test::makeView(
            test::makeRecording(500, 20.0, [bpm](double t) { return test::beats(t, bpm); })));
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.setCaliperMode(true);
        QSignalSpy spy(&plot, &EcgPlot::caliperChanged);
        const double rr = 60.0 / bpm;
        const double r2 = 0.5 + 2 * rr, r3 = 0.5 + 3 * rr;
        const int y = int(plot.baselineY(0));
        // Click near, not on, two consecutive R peaks: the calipers snap to the peaks.
        QTest::mouseClick(&plot, Qt::LeftButton, {}, QPoint(int(plot.timeToX(r2 + 0.025)), y));
        QTest::mouseClick(&plot, Qt::LeftButton, {}, QPoint(int(plot.timeToX(r3 - 0.030)), y));
        const CaliperReading r = plot.caliperReading();
        QVERIFY(r.valid);
        QVERIFY2(std::abs(r.dtMs - expectedMs) <= 2.0, qPrintable(QString::number(r.dtMs)));
        QVERIFY2(std::abs(r.rateBpm - bpm) / bpm < 0.003, qPrintable(QString::number(r.rateBpm)));
        QVERIFY2(std::abs(r.dv) < 0.01, qPrintable(QString::number(r.dv))); // peak to peak
        QVERIFY(spy.count() >= 2);
    }

    /// The 1-2-5 scale steps of a signal that is not an ECG, worked by hand.
    void scaleSteps()
    {
        const std::pair<double, double> cases[] = {{16.7, 20.0}, {1.0, 1.0},     {1.01, 2.0},
                                                   {0.3, 0.5},   {0.004, 0.005}, {600.0, 1000.0},
                                                   {5.0, 5.0},   {0.0, 1.0},     {-3.0, 1.0}};
        for (const auto& [value, step] : cases)
            QVERIFY2(
                std::abs(view::stepAtLeast(value) - step) < 1e-12 * step,
                qPrintable(QStringLiteral("%1 -> %2").arg(value).arg(view::stepAtLeast(value))));
    }

    /// An arterial pressure beside the ECG (80-120 mmHg, one pulse a second) drawn at an ECG gain
    /// would sit 800 mm off its baseline; it is drawn in its own row at the 1-2-5 scale that fits
    /// 80 % of the row, centred in the row, without the 1 mV pulse, and the calipers read it in
    /// mmHg.
    void otherSignalFitsItsRow()
    {
        const double pxPerMm = 5.0;
        EcgPlot plot;
        plot.resize(1200, 700);
        plot.setPaperMetrics(PaperMetrics(pxPerMm, 25.0, 10.0));
        plot.setLeadLayout(LeadLayout::Stack);
        const double kPi = 3.14159265358979323846;
        // A pressure with a flush spike of 1000 mmHg for 20 ms (0.5 % of the samples, beyond
        // the 99th percentile the scale is fitted to).
        auto pressure = [kPi](double t) {
            return t >= 3.40 && t < 3.42 ? 1000.0 : 100.0 + 20.0 * std::sin(2 * kPi * t);
        };
        Recording rec = test::makeRecording(500, 4.0, [](double t) { return test::beats(t, 60); });
        Recording abp = test::makeRecording(500, 4.0, pressure, {"ABP"});
        abp.leads[0].unit = "mmHg";
        rec.leads.push_back(abp.leads[0]);
        plot.setSignalView(test::makeView(std::move(rec)));
        const view::LeadScale scale = plot.leadScale(1);
        QVERIFY(!scale.ecg && plot.leadScale(0).ecg);
        // 1st-99th percentile of the sine: 100 +- 20 * 0.99951 mmHg; fitted into 80 % of a row.
        const double span = 40.0 * std::cos(kPi * 0.01);
        const double want = view::stepAtLeast(span * 10.0 / (0.8 * plot.rowPitchMm()));
        QCOMPARE(scale.unitsPer10Mm, want);
        QVERIFY(std::abs(scale.centre - 100.0) < 0.01);
        const QImage img = render(plot);
        // The drawn peak-to-peak height over one period is 40 mmHg at that scale.
        const int rowTop = int(plot.rowTopY(1)),
                  rowBottom = int(plot.rowTopY(1) + plot.rowPitchMm() * pxPerMm);
        double top = 1e9, bottom = -1e9;
        for (double t = 2.0; t < 3.0; t += 0.004) { // clear of the label
            const int x = int(plot.timeToX(t));
            for (int y = rowTop; y < rowBottom; ++y) {
                const QRgb p = img.pixel(x, y); // grey (the trace, antialiased), not the red grid
                if (qRed(p) < 200 && std::abs(qRed(p) - qGreen(p)) < 40) {
                    top = std::min(top, double(y));
                    bottom = std::max(bottom, double(y));
                }
            }
        }
        const double heightPx = 40.0 / want * 10.0 * pxPerMm;
        QVERIFY2(
            std::abs((bottom - top) - heightPx) <= 3.0,
            qPrintable(QStringLiteral("%1 px drawn, want %2").arg(bottom - top).arg(heightPx)));
        // Centred in its row: the midpoint of the swing lies in the row's middle.
        const double middle = 0.5 * (rowTop + rowBottom);
        QVERIFY2(std::abs(0.5 * (top + bottom) - middle) <= 2.0,
                 qPrintable(QString::number(0.5 * (top + bottom) - middle)));
        // The spike is cut at the row's top edge: nothing of it is drawn in the ECG row above.
        for (double t = 3.39; t < 3.43; t += 0.002) {
            const int x = int(plot.timeToX(t));
            QCOMPARE(traceY(img, x, rowTop - int(0.3 * plot.rowPitchMm() * pxPerMm), rowTop - 2),
                     -1.0);
        }
        // No calibration pulse in the pressure's row (the ECG row has one).
        const int xPulse = int(std::round((2.5 + 0.1 * 25.0) * pxPerMm));
        QVERIFY(traceY(img, xPulse, int(plot.rowTopY(0)), int(plot.baselineY(0)) - 3) > 0);
        QCOMPARE(traceY(img, xPulse, rowTop, rowBottom), -1.0);
        // Calipers on the pressure: mmHg, the generator's own values.
        plot.setCalipers(1.25, 1.75, 1);
        const CaliperReading r = plot.caliperReading();
        QCOMPARE(r.unit, QStringLiteral("mmHg"));
        QVERIFY2(std::abs(r.dv - (pressure(1.75) - pressure(1.25))) < 0.01,
                 qPrintable(QString::number(r.dv)));
        plot.setCalipers(1.25, 1.75, 0);
        QCOMPARE(plot.caliperReading().unit, QStringLiteral("mV"));
    }

    void marchOut()
    {
        const auto t = marchOutTimes(1.0, 2.0, 0.0, 5.0);
        QCOMPARE(t, (std::vector<double>{0.0, 3.0, 4.0, 5.0}));
        QVERIFY(marchOutTimes(1.0, 1.0, 0.0, 5.0).empty());
    }

    void layoutSwitchKeepsTimeWindow_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::newRow("12x1 -> 3x4") << "12x1"
                                     << "3x4";
        QTest::newRow("3x4 -> 6x2") << "3x4"
                                    << "6x2";
        QTest::newRow("6x2 -> stack") << "6x2"
                                      << "stack";
        QTest::newRow("stack -> 12x1") << "stack"
                                       << "12x1";
    }
    void layoutSwitchKeepsTimeWindow()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        EcgPlot plot;
        plot.resize(1200, 800);
        plot.setPaperMetrics(PaperMetrics(96 / 25.4, 25.0, 10.0));
        plot.setLeadLayout(layoutFromKey(from));
        plot.setSignalView(test::makeView(test::makeRecording(
            500, 60.0, [](double t) { return std::sin(t); }, test::twelveLeads())));
        plot.setZoom(0.8);
        plot.setVisibleStartS(17.3);
        const double start = plot.visibleStartS(), span = plot.visibleSpanS();
        QCOMPARE(start, 17.3);
        plot.setLeadLayout(layoutFromKey(to));
        QCOMPARE(plot.visibleStartS(), start);
        QCOMPARE(plot.visibleSpanS(), span);
        // The first panel of the new layout starts drawing at the same time.
        const Panel& p0 = plot.paperLayout().panels.front();
        QCOMPARE(plot.panelWindow(p0).first, start);
        QVERIFY(plot.graph(0)->data()->size() > 0);
        QVERIFY(std::abs(plot.graph(0)->data()->at(0)->key - start) <= 1.0 / 500 + 1e-9);
    }

    void layoutsArrangeTwelveLeads()
    {
        const QStringList names = {
            QStringLiteral("V1"),  QStringLiteral("I"),   QStringLiteral("II"),
            QStringLiteral("III"), QStringLiteral("aVR"), QStringLiteral("aVL"),
            QStringLiteral("aVF"), QStringLiteral("V2"),  QStringLiteral("V3"),
            QStringLiteral("V4"),  QStringLiteral("V5"),  QStringLiteral("V6")};
        const PaperLayout l = arrangeLeads(LeadLayout::Grid3x4, names);
        QCOMPARE(l.columns, 4);
        QCOMPARE(l.rows, 4); // 3 rows + rhythm strip
        QCOMPARE(int(l.panels.size()), 13);
        QCOMPARE(names[l.panels[0].lead], QStringLiteral("I"));
        QCOMPARE(names[l.panels[3].lead], QStringLiteral("aVR"));
        QCOMPARE(names[l.panels[6].lead], QStringLiteral("V1"));
        QVERIFY(l.panels.back().rhythm);
        QCOMPARE(names[l.panels.back().lead], QStringLiteral("II"));
        const PaperLayout six = arrangeLeads(LeadLayout::Grid6x2, names);
        QCOMPARE(six.rows, 6);
        QCOMPARE(names[six.panels[6].lead], QStringLiteral("V1"));
        QCOMPARE(six.panels[6].column, 1);
        const PaperLayout stack = arrangeLeads(LeadLayout::Stack, names, -1, {2, 0});
        QCOMPARE(int(stack.panels.size()), 2);
    }

    void longRecordDrawsFewPointsPerPixel()
    {
        // 2 hours, 250 Hz, 3 leads: whole-record view must not hand QCustomPlot 1.8 M points.
        EcgPlot plot;
        plot.resize(1200, 600);
        plot.setLeadLayout(LeadLayout::Stack);
        plot.setSignalView(test::makeView(test::makeRecording(
            250, 7200.0, [](double t) { return test::beats(t, 70); }, {"I", "II", "V5"})));
        plot.zoomToFit();
        QVERIFY(plot.visibleSpanS() >= 7200.0 - 1e-6);
        for (int g = 0; g < plot.graphCount(); ++g)
            QVERIFY2(plot.graph(g)->data()->size() <= 2 * plot.paperRect().width() + 4,
                     qPrintable(QString::number(plot.graph(g)->data()->size())));
        // The envelope keeps the R peaks: the max of the drawn data equals the signal max.
        double top = 1e9;
        for (auto it = plot.graph(0)->data()->constBegin(); it != plot.graph(0)->data()->constEnd();
             ++it)
            top = std::min(top, it->value);
        QVERIFY(std::abs((plot.baselineY(0) - plot.paperRect().top()) /
                             plot.paperMetrics().pixelsPerMm() -
                         top - test::beats(0.5, 70) * 10.0) < 0.05);
    }

    void overviewShownForLongRecordsOnly()
    {
        EcgViewer viewer;
        viewer.resize(1200, 700);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        viewer.setSignalView(
            test::makeView(test::makeRecording(250, 5.0, [](double) { return 0.0; })));
        QVERIFY(!viewer.overviewShown());
        viewer.setSignalView(
            test::makeView(test::makeRecording(250, 1800.0, [](double) { return 0.0; })));
        QVERIFY(viewer.overviewShown());
        // Clicking the overview centres the plot on that time.
        OverviewStrip* o = viewer.overview();
        QTest::mouseClick(o, Qt::LeftButton, {}, QPoint(o->width() / 2, o->height() / 2));
        const double centre = viewer.plot()->visibleStartS() + viewer.plot()->visibleSpanS() / 2;
        QVERIFY2(std::abs(centre - 900.0) < 1800.0 * 2 / o->width() + 1e-6,
                 qPrintable(QString::number(centre)));
    }

    // The detector's probabilities over the whole recording: a trend line whose height is the
    // probability (top = 1), drawn where each window lies in time; cleared by an empty list.
    void overviewDrawsProbabilityTrend()
    {
        OverviewStrip o;
        o.resize(908, 60); // 900 px of time axis between the 4 px pads
        o.setSignalView(
            test::makeView(test::makeRecording(250, 1800.0, [](double) { return 0.0; })), 0);
        o.show();
        QVERIFY(QTest::qWaitForWindowExposed(&o));
        std::vector<WindowProbability> windows;
        for (double s = 0; s + 10 <= 1800; s += 5)
            windows.push_back({s, s + 10, std::abs(s - 895) < 1e-9 ? 0.95 : 0.1});
        o.setProbabilities(windows, 0.5);
        QCOMPARE(o.probabilities().size(), windows.size());
        const QImage img = o.grab().toImage();
        // Topmost pixel of the trend colour in a column; -1 if none.
        auto topOfTrend = [&](int x) {
            for (int y = 0; y < img.height(); ++y)
                if (img.pixelColor(x, y) == OverviewStrip::trendColour())
                    return y;
            return -1;
        };
        const double h = o.height() - 8;
        const int xPeak = 4 + 450; // 900 s: centre of the 0.95 window
        const int xLow = 4 + 150;  // 300 s: windows at 0.1 (and the 0.5 threshold dashes)
        QVERIFY2(std::abs(topOfTrend(xPeak) - (4 + 0.05 * h)) <= 2,
                 qPrintable(QString::number(topOfTrend(xPeak))));
        QVERIFY2(topOfTrend(xLow) >= int(4 + 0.5 * h) - 1,
                 qPrintable(QString::number(topOfTrend(xLow))));

        // Numbered marks where the Look first windows lie: a line of the mark colour at 600 s
        // and at 1500 s (centres of windows), none at 900 s; cleared by an empty list.
        o.setMarks({600.0, 1500.0});
        const QImage marked = o.grab().toImage();
        auto markedColumn = [&](const QImage& image, int x) {
            int n = 0;
            for (int y = 0; y < image.height(); ++y)
                n += image.pixelColor(x, y) == OverviewStrip::markColour();
            return n;
        };
        for (int x : {4 + 300, 4 + 750})
            QVERIFY2(markedColumn(marked, x) >= o.height() / 2,
                     qPrintable(QString::number(markedColumn(marked, x))));
        QCOMPARE(markedColumn(marked, xPeak), 0);
        QCOMPARE(o.accessibleDescription(),
                 QStringLiteral("Look first windows, most probable first, centred at %1 s, %2 s")
                     .arg(QLocale().toString(600), QLocale().toString(1500)));
        o.setMarks({});
        QVERIFY(o.accessibleDescription().isEmpty());
        QCOMPARE(markedColumn(o.grab().toImage(), 4 + 300), 0);

        o.setProbabilities({}, 0.5);
        QVERIFY(o.probabilities().empty());
        const QImage cleared = o.grab().toImage();
        for (int x : {xPeak, xLow})
            for (int y = 0; y < cleared.height(); ++y)
                QVERIFY(cleared.pixelColor(x, y) != OverviewStrip::trendColour());
    }

    void panAndZoomByKeys()
    {
        EcgPlot plot;
        plot.resize(1000, 500);
        plot.setSignalView(
            test::makeView(test::makeRecording(250, 600.0, [](double) { return 0.0; })));
        const double span = plot.visibleSpanS();
        QTest::keyClick(&plot, Qt::Key_PageDown);
        QVERIFY(std::abs(plot.visibleStartS() - 0.9 * span) < 1e-9);
        QTest::keyClick(&plot, Qt::Key_End);
        QVERIFY(std::abs(plot.visibleStartS() + span - 600.0) < 1e-6);
        plot.zoomBy(0.5);
        QVERIFY(std::abs(plot.visibleSpanS() - 2 * span) < 1e-6);
        plot.jumpTo(100.0);
        QVERIFY(plot.visibleStartS() <= 100.0 &&
                plot.visibleStartS() + plot.visibleSpanS() > 100.0);
    }
};

QTEST_MAIN(TestEcgPlot)
#include "tst_ecg_plot.moc"
