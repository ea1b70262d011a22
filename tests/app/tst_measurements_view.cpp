// Measurements in the viewer: the measure job runs through the window's worker, the table shows
// the record's rate, findings are listed, beat markers match the demo's own beat truth and a
// click on a finding brings its evidence into view. Offscreen.

#include "advice_panel.h"
#include "beat_markers.h"
#include "ecg_plot.h"
#include "ecg_viewer.h"
#include "main_window.h"
#include "measurements_panel.h"
#include "test_data.h"

#include <cmath>

#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace ecglens;

class TestMeasurementsView : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    std::unique_ptr<MainWindow> window()
    {
        return std::make_unique<MainWindow>(std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
    }

    /// Opens `path` through the window (worker) and waits for the measure job.
    static bool openAndMeasure(MainWindow& w, const QString& path)
    {
        QSignalSpy measured(w.measurementsPanel(), &MeasurementsPanel::measured);
        QSignalSpy failed(&w, &MainWindow::loadFailed);
        w.openPath(path);
        if (!QTest::qWaitFor([&] { return measured.count() + failed.count() > 0; }, 60000))
            qWarning("timed out measuring %s", qPrintable(path));
        return measured.count() > 0;
    }

    /// `ecglens-cli measure --json` of data file `rel`.
    static QJsonObject measureJson(const QString& rel)
    {
        return test::cliJson(
            {QStringLiteral("measure"), test::dataPath(rel), QStringLiteral("--json")});
    }

    static int rowOf(const QListWidget* list, const QString& code)
    {
        for (int r = 0; r < list->count(); ++r)
            if (list->item(r)->data(Qt::UserRole).toString() == code)
                return r;
        return -1;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The demo generator's rate setting is the truth: 50 bpm, a sinus bradycardia.
    void bradycardiaTableAndFinding_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<double>("bpm");
        QTest::newRow("hr=50") << QStringLiteral("demo:hr=50,seconds=20") << 50.0;
    }
    void bradycardiaTableAndFinding()
    {
        QFETCH(QString, spec);
        QFETCH(double, bpm);
        auto w = window();
        w->show();
        QVERIFY2(openAndMeasure(*w, spec), qPrintable(w->lastError()));
        MeasurementsPanel* panel = w->measurementsPanel();
        bool ok = false;
        const double shown = panel->value(QStringLiteral("Heart rate (bpm)")).toDouble(&ok);
        QVERIFY2(ok, qPrintable(panel->value(QStringLiteral("Heart rate (bpm)"))));
        qInfo("heart rate shown %.1f bpm (demo set %.1f)", shown, bpm);
        QVERIFY2(std::abs(shown - bpm) <= 0.05 * bpm, qPrintable(QString::number(shown)));
        const bool brady = rowOf(panel->findings(), QStringLiteral("sinus_bradycardia")) >= 0 ||
                           rowOf(panel->findings(), QStringLiteral("bradycardia")) >= 0;
        QVERIFY2(brady, "no bradycardia finding listed");
        QVERIFY(panel->markers()->beats().size() > 10);
    }

    /// The panel's ST levels at J+60 ms are the ones `ecglens-cli measure --json` gives (its
    /// st_levels, which tst_measurements checks against LUDB's cardiologists' marks), signed
    /// with a true minus, in the 12 leads' order. PTB-XL 00017 (atrial flutter, ST depression
    /// in the inferior leads).
    void stLevelsAsTheCliMeasures()
    {
        const QString rel = QStringLiteral("ptbxl/records500/00000/00017_hr.hea");
        ECGLENS_REQUIRE_DATA(rel);
        auto w = window();
        w->show();
        QVERIFY2(openAndMeasure(*w, test::dataPath(rel)), qPrintable(w->lastError()));
        const QJsonObject cli = measureJson(rel);
        const QJsonArray levels = cli[QStringLiteral("st_levels")].toArray();
        QCOMPARE(levels.size(), 12);
        QCOMPARE(w->measurementsPanel()->stLevels()->text(),
                 QStringLiteral("ST at J+60 ms (mV): ") + test::stLevelsText(levels));
        // Inferior ST depression, as the trace shows it.
        QVERIFY(levels[1].toObject()[QStringLiteral("j60_mv")].toDouble() < -0.1);
    }

    /// PTB-XL 00180 (500 Hz, statement CLBBB): the findings list has the left bundle branch
    /// block finding, and the status gives the QTc graded on it (Bogossian), as `measure --json`
    /// gives it (to a tenth: the sentence's whole ms within half a ms of it); PTB-XL 00195
    /// (CRBBB) has the right one and no such sentence.
    void bundleBranchBlockInThePanel()
    {
        const QString left = QStringLiteral("ptbxl/records500/00000/00180_hr.hea");
        const QString right = QStringLiteral("ptbxl/records100/00000/00195_lr.hea");
        ECGLENS_REQUIRE_DATA(left);
        ECGLENS_REQUIRE_DATA(right);
        auto w = window();
        w->show();
        QVERIFY2(openAndMeasure(*w, test::dataPath(left)), qPrintable(w->lastError()));
        MeasurementsPanel* panel = w->measurementsPanel();
        const double q = measureJson(left)[QStringLiteral("qtc_bogossian_ms")].toDouble();
        QVERIFY(q > 0);
        const QRegularExpression sentence(
            QStringLiteral("On a QRS shaped as left bundle branch block QTc is graded on QT less "
                           "48\\.5 % of the QRS \\(Bogossian, then Fridericia\\): (\\d+) ms\\."));
        const auto match = sentence.match(panel->status()->text());
        QVERIFY2(match.hasMatch() && std::abs(match.captured(1).toDouble() - q) <= 0.55,
                 qPrintable(panel->status()->text()));
        QVERIFY(rowOf(panel->findings(), QStringLiteral("left_bundle_branch_block")) >= 0);
        QVERIFY2(openAndMeasure(*w, test::dataPath(right)), qPrintable(w->lastError()));
        QVERIFY(rowOf(panel->findings(), QStringLiteral("right_bundle_branch_block")) >= 0);
        QVERIFY(rowOf(panel->findings(), QStringLiteral("left_bundle_branch_block")) < 0);
        QVERIFY2(!panel->status()->text().contains(QStringLiteral("Bogossian")),
                 qPrintable(panel->status()->text()));
    }

    /// PTB-XL 00498 (500 Hz, paced; stimuli found before 7 of its 11 beats, 3 more of their QRS
    /// shape) is measured on its paced beats alone, as `ecglens-cli measure --json` says
    /// (median_of, median_beats, paced_by_shape), and the panel says whose values it shows;
    /// PTB-XL 00143 (every beat paced, every stimulus found) has no such sentence.
    void pacedBeatsNamedInTheStatus()
    {
        const QString mixed = QStringLiteral("ptbxl/records500/00000/00498_hr.hea");
        const QString allPaced = QStringLiteral("ptbxl/records500/00000/00143_hr.hea");
        ECGLENS_REQUIRE_DATA(mixed);
        ECGLENS_REQUIRE_DATA(allPaced);
        const QJsonObject pacing =
            measureJson(mixed)[QStringLiteral("pacemaker_spikes")].toObject();
        QCOMPARE(pacing[QStringLiteral("median_of")].toString(), QStringLiteral("paced"));
        const int n = pacing[QStringLiteral("median_beats")].toInt();
        const int byShape = pacing[QStringLiteral("paced_by_shape")].toInt();
        QVERIFY(byShape > 0);
        QCOMPARE(n, pacing[QStringLiteral("paced_beats")].toInt() + byShape);
        auto w = window();
        w->show();
        QVERIFY2(openAndMeasure(*w, test::dataPath(mixed)), qPrintable(w->lastError()));
        MeasurementsPanel* panel = w->measurementsPanel();
        const QString said =
            QStringLiteral("The values are those of the %1 paced beats (%2 of them paced by "
                           "their QRS shape, no spike found).")
                .arg(n)
                .arg(byShape);
        QVERIFY2(panel->status()->text().contains(QLatin1Char(' ') + said),
                 qPrintable(panel->status()->text()));
        // The QTc graded on paced beats (Bogossian), as `measure --json` gives it (to a tenth:
        // the sentence's whole ms within half a ms of it).
        const auto saysBogossian = [&](const QString& rel) {
            const double q = measureJson(rel)[QStringLiteral("pacemaker_spikes")]
                                 .toObject()[QStringLiteral("qtc_bogossian_ms")]
                                 .toDouble();
            const QRegularExpression sentence(
                QStringLiteral("On paced beats QTc is graded on QT less 48\\.5 % of the QRS "
                               "\\(Bogossian, then Fridericia\\): (\\d+) ms\\."));
            const auto match = sentence.match(panel->status()->text());
            return match.hasMatch() && std::abs(match.captured(1).toDouble() - q) <= 0.55;
        };
        QVERIFY2(saysBogossian(mixed), qPrintable(panel->status()->text()));
        QVERIFY2(openAndMeasure(*w, test::dataPath(allPaced)), qPrintable(w->lastError()));
        QVERIFY2(!panel->status()->text().contains(QStringLiteral("The values are those of")),
                 qPrintable(panel->status()->text()));
        QVERIFY2(saysBogossian(allPaced), qPrintable(panel->status()->text()));
    }

    /// An intensive-care record (03700181: MCL1 at four samples per frame beside ABP and RESP
    /// at the frame rate) is measured on its ECG as `ecglens-cli measure` measures it (which
    /// tst_beats checks against WFDB's sqrs), and the panel names the channels it left out.
    void otherSignalsNamed()
    {
        const QString rel = QStringLiteral("wfdb-samples/03700181.hea");
        ECGLENS_REQUIRE_DATA(rel);
        auto w = window();
        w->show();
        QVERIFY2(openAndMeasure(*w, test::dataPath(rel)), qPrintable(w->lastError()));
        const QJsonObject cli = measureJson(rel);
        QCOMPARE(cli[QStringLiteral("leads_not_ecg")].toArray(),
                 (QJsonArray{QStringLiteral("ABP"), QStringLiteral("RESP")}));
        MeasurementsPanel* panel = w->measurementsPanel();
        QCOMPARE(panel->value(QStringLiteral("Heart rate (bpm)")),
                 QString::number(cli[QStringLiteral("heart_rate_bpm")].toDouble(), 'f', 0));
        const QString list =
            QLocale().createSeparatedList({QStringLiteral("ABP"), QStringLiteral("RESP")});
        QVERIFY2(panel->status()->text().endsWith(
                     QStringLiteral(" Not used, not an ECG by name or unit: %1.").arg(list)),
                 qPrintable(panel->status()->text()));
        QCOMPARE(panel->markers()->beats().size(),
                 std::size_t(cli[QStringLiteral("beats")].toInt()));
    }

    /// The advice dock reads the ST levels at J the worker measured: on PTB-XL 01433 (a man of
    /// 56, anteroseptal and anterolateral infarction) it shows the ST-elevation item with the
    /// basis `ecglens-cli analyze --json` gives, where the levels come from the engine directly.
    void stElevationAdviceAsTheCliGivesIt()
    {
        const QString rel = QStringLiteral("ptbxl/records100/01000/01433_lr.hea");
        ECGLENS_REQUIRE_DATA(rel);
        QString cliBasis;
        const QJsonObject cli = test::cliJson(
            {QStringLiteral("analyze"), test::dataPath(rel), QStringLiteral("--json")});
        for (const QJsonValue& item : cli[QStringLiteral("advice")].toArray())
            if (item[QStringLiteral("code")].toString() == QLatin1String("st-elevation"))
                cliBasis = item[QStringLiteral("basis")].toString();
        QVERIFY2(cliBasis.startsWith(QLatin1String("ST elevation at J: V1 0.2")),
                 qPrintable(cliBasis));
        auto w = window();
        w->show();
        QVERIFY2(openAndMeasure(*w, test::dataPath(rel)), qPrintable(w->lastError()));
        const auto basisShown = [&] {
            for (const advice::AdviceItem& item : w->advicePanel()->items())
                if (item.code == "st-elevation")
                    return QString::fromStdString(item.basis);
            return QString();
        };
        QVERIFY(QTest::qWaitFor([&] { return !basisShown().isEmpty(); }, 30000));
        QCOMPARE(basisShown(), cliBasis);
        QCOMPARE(w->advicePanel()->items().front().code, std::string("st-elevation"));
    }

    // A failed open (which cancels the running measure job) leaves the shown recording measured.
    void failedOpenKeepsMeasurements()
    {
        auto w = window();
        QSignalSpy shown(w.get(), &MainWindow::recordingShown);
        QSignalSpy failed(w.get(), &MainWindow::loadFailed);
        QSignalSpy measured(w->measurementsPanel(), &MeasurementsPanel::measured);
        w->openPath(QStringLiteral("demo:hr=50,seconds=20"));
        QVERIFY(QTest::qWaitFor([&] { return shown.count() > 0; }, 60000));
        w->openPath(m_dir.filePath(QStringLiteral("missing.hea")));
        QVERIFY(QTest::qWaitFor([&] { return failed.count() > 0; }, 60000));
        QVERIFY(QTest::qWaitFor([&] { return measured.count() > 0; }, 60000));
        QVERIFY(!w->measurementsPanel()->busy());
        QCOMPARE(w->measurementsPanel()->outcome().recording, w->recording());
        QVERIFY(w->measurementsPanel()->markers()->beats().size() > 10);
    }

    // The demo writes one "N"/"V" annotation per generated beat: its ground truth.
    void ventricularMarkersAndEvidenceJump()
    {
        auto w = window();
        w->show();
        QVERIFY(openAndMeasure(*w, QStringLiteral("demo:hr=72,ectopic=0.2,seconds=30,seed=3")));
        MeasurementsPanel* panel = w->measurementsPanel();
        const auto rec = w->recording();
        QVERIFY(rec);
        const auto truthV = std::count_if(rec->annotations.begin(), rec->annotations.end(),
                                          [](const Annotation& a) { return a.code == "V"; });
        QVERIFY2(truthV >= 2, "demo emitted too few V beats for the test to mean anything");
        const int markersV = panel->markers()->count('V');
        qInfo("V markers %d, demo V beats %d", markersV, int(truthV));
        QVERIFY2(
            std::abs(markersV - int(truthV)) <= 1,
            qPrintable(QStringLiteral("V markers %1, demo V beats %2").arg(markersV).arg(truthV)));

        const int row = rowOf(panel->findings(), QStringLiteral("premature_ventricular_beats"));
        QVERIFY2(row >= 0, "no premature ventricular beats finding");
        const dsp::Finding& f = panel->outcome().findings[size_t(row)];
        QVERIFY(!f.timesS.empty());
        const double evidence = f.timesS.front();
        EcgPlot* plot = w->viewer()->plot();
        // Start far from the evidence so the click has to move the window.
        plot->setZoom(4.0);
        plot->setVisibleStartS(evidence < 15.0 ? plot->durationS() : 0.0);
        const double before = plot->visibleStartS();
        QVERIFY2(evidence < before || evidence > before + plot->visibleSpanS(),
                 "the evidence is already visible: the test could not fail");
        QListWidgetItem* item = panel->findings()->item(row);
        const QRect rect = panel->findings()->visualItemRect(item);
        QTest::mouseClick(panel->findings()->viewport(), Qt::LeftButton, {}, rect.center());
        const double from = plot->visibleStartS();
        const double to = from + plot->visibleSpanS();
        QVERIFY2(
            evidence >= from && evidence <= to,
            qPrintable(
                QStringLiteral("evidence %1 s, window %2..%3 s").arg(evidence).arg(from).arg(to)));
        QVERIFY(!panel->markers()->highlighted().empty());
    }
};

QTEST_MAIN(TestMeasurementsView)
#include "tst_measurements_view.moc"
