// The detector and its explanations in the window, offscreen: the verdict banner and flagged
// list agree with `ecglens-cli analyze --json` (another process, same model), the explanation's
// bands agree with `ecglens-cli explain --json` and add up to output − base, a newer recording
// supersedes the analysis of an older one, Cancel cancels, the GUI thread keeps running during
// analysis, next/previous flagged segment walks the flagged list, and a missing model is a
// message naming the folder while the recording stays on screen.

#include "analysis_controller.h"
#include "beat_markers.h"
#include "contribution_legend.h"
#include "core/lead_names.h"
#include "ecg_plot.h"
#include "ecg_viewer.h"
#include "explanation_panel.h"
#include "flagged_panel.h"
#include "io/open.h"
#include "lead_contribution_chart.h"
#include "lead_scale_text.h"
#include "main_window.h"
#include "measurements_panel.h"
#include "overview_strip.h"
#include "probability_track.h"
#include "qcustomplot.h"
#include "test_data.h"
#include "test_recording.h"
#include "test_window.h"
#include "verdict_banner.h"
#include "view/signal_view.h"
#include "waterfall_chart.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

using namespace ecglens;

namespace {

const QString kLongDemo = QStringLiteral("demo:seconds=3600,leads=3");
/// 10 s, one lead, 60 bpm.
const QString kExactDemo = QStringLiteral("demo:seconds=10,leads=1,hr=60");

QString ptbxl(const QString& id)
{
    return QStringLiteral("ptbxl/records100/00000/%1_lr.hea").arg(id);
}

} // namespace

class TestAnalysisView : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::map<QString, QJsonObject> m_analyzeCache;
    int m_stores = 0;

    std::unique_ptr<MainWindow> window(bool autoAnalyse = true)
    {
        auto store = std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("s%1.ini").arg(++m_stores)), QSettings::IniFormat);
        store->setValue(QStringLiteral("analysis/auto"), autoAnalyse);
        auto w = std::make_unique<MainWindow>(std::move(store));
        w->show();
        return w;
    }

    QJsonObject cliAnalyze(const QString& file)
    {
        auto it = m_analyzeCache.find(file);
        if (it == m_analyzeCache.end())
            it = m_analyzeCache
                     .emplace(file, test::cliJson({QStringLiteral("analyze"), file,
                                                   QStringLiteral("--json")}))
                     .first;
        return it->second;
    }

    /// Opens `path` and waits for the verdict (or the end of the analysis without one).
    static bool openAndAnalyse(MainWindow& w, const QString& path, int timeoutMs = 90000)
    {
        QSignalSpy verdict(w.analysis(), &AnalysisController::verdictShown);
        QSignalSpy ended(w.analysis(), &AnalysisController::analysisEnded);
        QSignalSpy failed(&w, &MainWindow::loadFailed);
        w.openPath(path);
        if (!QTest::qWaitFor([&] { return verdict.count() + ended.count() + failed.count() > 0; },
                             timeoutMs))
            qWarning("no verdict, end or failure within %d ms", timeoutMs);
        return verdict.count() > 0;
    }

    static bool waitExplanation(MainWindow& w, int timeoutMs = 90000)
    {
        QSignalSpy shown(w.analysis(), &AnalysisController::explanationShown);
        QSignalSpy failed(w.analysis(), &AnalysisController::explanationFailed);
        const bool ended = QTest::qWaitFor(
            [&] {
                return shown.count() + failed.count() > 0 ||
                       (!w.analysis()->explaining() &&
                        w.analysis()->explanationPanel()->explanation());
            },
            timeoutMs);
        return ended && w.analysis()->explanationPanel()->explanation() != nullptr;
    }

    /// Waits until the analysis job of the shown recording runs and has reported progress.
    static bool waitAnalysing(MainWindow& w, int timeoutMs = 60000)
    {
        return QTest::qWaitFor(
            [&] {
                return w.analysis()->analysing() &&
                       w.viewer()->verdictBanner()->state() == VerdictBanner::State::Running &&
                       w.viewer()->verdictBanner()->text().contains(QLatin1Char('%'));
            },
            timeoutMs);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(test::cliPath()),
                 qPrintable(QStringLiteral("ecglens-cli not built: %1").arg(test::cliPath())));
    }

    // Banner class/probability and the flagged list equal the CLI's JSON for the same file.
    void verdictMatchesCli_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::newRow("ptbxl 00017") << ptbxl(QStringLiteral("00017"));
        QTest::newRow("ptbxl 00010") << ptbxl(QStringLiteral("00010"));
        QTest::newRow("ptbxl 00026") << ptbxl(QStringLiteral("00026"));
    }
    void verdictMatchesCli()
    {
        QFETCH(QString, relative);
        ECGLENS_REQUIRE_DATA(relative);
        const QString file = test::dataPath(relative);
        const QJsonObject cli = cliAnalyze(file);
        QVERIFY2(cli.contains(QStringLiteral("probability")), "ecglens-cli analyze gave no JSON");

        auto w = window();
        QSignalSpy verdicts(w->analysis(), &AnalysisController::verdictShown);
        QVERIFY2(openAndAnalyse(*w, file), qPrintable(w->viewer()->verdictBanner()->text()));
        QCOMPARE(verdicts.count(), 1);
        const QString cls = cli.value(QStringLiteral("class")).toString();
        const double p = cli.value(QStringLiteral("probability")).toDouble();
        QCOMPARE(verdicts.at(0).at(0).toString(), cls);
        QVERIFY2(std::abs(verdicts.at(0).at(1).toDouble() - p) < 1e-6,
                 qPrintable(QStringLiteral("GUI %1 vs CLI %2")
                                .arg(verdicts.at(0).at(1).toDouble(), 0, 'g', 12)
                                .arg(p, 0, 'g', 12)));

        VerdictBanner* banner = w->viewer()->verdictBanner();
        const QString text = banner->text();
        QCOMPARE(banner->state(), VerdictBanner::State::Verdict);
        QVERIFY2(text.contains(cls, Qt::CaseInsensitive), qPrintable(text));
        QVERIFY2(text.contains(QString::number(100.0 * p, 'f', 1)), qPrintable(text));
        const QJsonObject model = cli.value(QStringLiteral("model")).toObject();
        QVERIFY2(text.contains(model.value(QStringLiteral("version")).toString()),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("not a diagnosis"), Qt::CaseInsensitive),
                 qPrintable(text));
        // What the class was decided against: the thresholds the CLI applied, for the patient's
        // age group and the recording's lead set.
        const QJsonObject th = cli.value(QStringLiteral("thresholds")).toObject();
        auto pct = [](double v) -> QString {
            return QString::number(100.0 * v, 'f', 1) + QStringLiteral(" %");
        };
        QVERIFY2(text.contains(QStringLiteral("borderline from ") +
                               pct(th.value(QStringLiteral("borderline")).toDouble()) +
                               QStringLiteral(", anomalous from ") +
                               pct(th.value(QStringLiteral("anomalous")).toDouble())),
                 qPrintable(text));
        const QString group = th.value(QStringLiteral("age_group")).toString();
        QVERIFY2(group == QLatin1String("40-64")  ? text.contains(QStringLiteral("age 40\u201364"))
                 : group == QLatin1String(">=65") ? text.contains(QStringLiteral("age \u2265 65"))
                 : group == QLatin1String("<40")  ? text.contains(QStringLiteral("age < 40"))
                                                  : false,
                 qPrintable(group + QStringLiteral(": ") + text));
        QVERIFY2(text.contains(QStringLiteral(", 12 leads)")), qPrintable(text));

        const QJsonArray flagged = cli.value(QStringLiteral("flagged")).toArray();
        QTableWidget* table = w->analysis()->flaggedPanel()->table();
        QCOMPARE(table->rowCount(), flagged.size());
        for (int r = 0; r < table->rowCount(); ++r) {
            const QJsonObject f = flagged.at(r).toObject();
            QVERIFY(std::abs(table->item(r, 1)->data(Qt::UserRole).toDouble() -
                             f.value(QStringLiteral("start_s")).toDouble()) < 1e-6);
            QVERIFY(std::abs(table->item(r, 1)->data(Qt::UserRole + 1).toDouble() -
                             f.value(QStringLiteral("end_s")).toDouble()) < 1e-6);
            QVERIFY(std::abs(table->item(r, 2)->data(Qt::UserRole).toDouble() -
                             f.value(QStringLiteral("probability")).toDouble()) < 1e-6);
        }
        // The recording is a single window: no probability track, and a resting ECG has no
        // windows to look at first besides its flagged segments.
        QVERIFY(!w->viewer()->probabilityTrack()->hasData());
        QCOMPARE(cli.value(QStringLiteral("review_first")).toArray().size(), 0);
        QVERIFY(!w->analysis()->flaggedPanel()->reviewFirstTable()->isVisible());
        QCOMPARE(w->analysis()->flaggedPanel()->reviewFirstTable()->rowCount(), 0);
    }

    // The explanation's figures in the interface's number format: in a German locale the
    // probability and log-odds the CLI gives have a decimal comma (the words stay English, no
    // translation being installed).
    void explanationNumbersInTheLocale()
    {
        const QString rel = ptbxl(QStringLiteral("00017"));
        ECGLENS_REQUIRE_DATA(rel);
        const QString file = test::dataPath(rel);
        const QLocale before;
        QLocale::setDefault(QLocale(QStringLiteral("de_DE")));
        auto w = window();
        const bool explained = openAndAnalyse(*w, file) && waitExplanation(*w);
        const QString status = w->analysis()->explanationPanel()->statusLabel()->text();
        const QString efficiency = w->analysis()->explanationPanel()->efficiencyLabel()->text();
        QLocale::setDefault(before);
        QVERIFY2(explained, qPrintable(status));
        const QJsonObject cli =
            test::cliJson({QStringLiteral("explain"), file, QStringLiteral("--json")});
        auto german = [](double v, int decimals) {
            return QString::number(v, 'f', decimals).replace(QLatin1Char('.'), QLatin1Char(','));
        };
        const QString expected =
            QStringLiteral("Window 0,0–10,0 s: probability of abnormal %1")
                .arg(german(cli.value(QStringLiteral("probability")).toDouble(), 3));
        QVERIFY2(status.startsWith(expected),
                 qPrintable(status + QStringLiteral(" / ") + expected));
        QVERIFY2(status.contains(QStringLiteral("log-odds ") +
                                 german(cli.value(QStringLiteral("base_value")).toDouble(), 3) +
                                 QStringLiteral(" → ") +
                                 german(cli.value(QStringLiteral("output")).toDouble(), 3)),
                 qPrintable(status));
        QVERIFY2(efficiency.contains(QStringLiteral("(tolerance 0,001)")), qPrintable(efficiency));
    }

    // A long recording: the windows to look at first under the flagged segments, as `analyze
    // --json` lists them (review_first), and a click shows and explains that window. MIT-BIH 220
    // (30 min): most of its windows are flagged.
    void reviewFirstOnALongRecording()
    {
        const QString rel = QStringLiteral("mitdb/220.hea");
        ECGLENS_REQUIRE_DATA(rel);
        const QString file = test::dataPath(rel);
        const QJsonArray first = cliAnalyze(file).value(QStringLiteral("review_first")).toArray();
        QCOMPARE(first.size(), int(ml::kStrongestWindows));
        auto w = window();
        QVERIFY(openAndAnalyse(*w, file));
        QVERIFY(waitExplanation(*w)); // the first flagged segment, explained automatically
        QVERIFY(QTest::qWaitFor([&] { return !w->analysis()->explaining(); }, 60000));
        FlaggedPanel* panel = w->analysis()->flaggedPanel();
        QTableWidget* table = panel->reviewFirstTable();
        QVERIFY(table->isVisible());
        QCOMPARE(table->rowCount(), first.size());
        // Named for a screen reader, as every control of the window.
        const QStringList unnamed = test::unnamedControls(*w);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1Char('\n'))));
        for (int r = 0; r < table->rowCount(); ++r) {
            const QJsonObject f = first.at(r).toObject();
            QCOMPARE(table->item(r, 1)->data(Qt::UserRole).toDouble(),
                     f.value(QStringLiteral("start_s")).toDouble());
            QCOMPARE(table->item(r, 2)->data(Qt::UserRole).toDouble(),
                     f.value(QStringLiteral("probability")).toDouble());
            // Most probable first, each a flagged window: at or above the anomalous threshold.
            if (r > 0)
                QVERIFY(f.value(QStringLiteral("probability")).toDouble() <=
                        first.at(r - 1).toObject().value(QStringLiteral("probability")).toDouble());
        }
        const double threshold = cliAnalyze(file)
                                     .value(QStringLiteral("thresholds"))
                                     .toObject()
                                     .value(QStringLiteral("anomalous"))
                                     .toDouble();
        QVERIFY(first.last().toObject().value(QStringLiteral("probability")).toDouble() >=
                threshold);

        // A click on the third: shown in the middle of the view and explained; no flagged
        // segment is current any more.
        const double start = first.at(2).toObject().value(QStringLiteral("start_s")).toDouble();
        QSignalSpy shown(w->analysis(), &AnalysisController::explanationShown);
        table->scrollToItem(table->item(2, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualItemRect(table->item(2, 1)).center());
        QVERIFY(QTest::qWaitFor([&] { return shown.count() > 0; }, 60000));
        const auto e = w->analysis()->explanationPanel()->explanation();
        QVERIFY(e);
        QCOMPARE(e->windowStartS, start);
        EcgPlot* plot = w->viewer()->plot();
        QVERIFY2(plot->visibleStartS() <= start + 5.0 &&
                     start + 5.0 <= plot->visibleStartS() + plot->visibleSpanS(),
                 qPrintable(QStringLiteral("window %1 s not in view %2 + %3 s")
                                .arg(start)
                                .arg(plot->visibleStartS())
                                .arg(plot->visibleSpanS())));
        QCOMPARE(panel->current(), -1);
        QCOMPARE(w->analysis()->currentFlagged(), -1);
        QCOMPARE(w->analysis()->currentReviewFirst(), 2);
        // Back to a flagged segment: the window list loses its selection.
        w->analysis()->nextAction()->trigger();
        QCOMPARE(panel->current(), 0);
        QVERIFY(table->selectionModel()->selectedRows().isEmpty());
        QCOMPARE(w->analysis()->currentReviewFirst(), -1);

        // From the keyboard: L / Shift+L walk the list from its first window, and stay at its
        // ends; each is selected and explained.
        AnalysisController* a = w->analysis();
        QVERIFY(a->nextFirstAction()->isEnabled());
        auto walk = [&](QAction* action, int expected) {
            QSignalSpy explained(a, &AnalysisController::explanationShown);
            action->trigger();
            QCOMPARE(a->currentReviewFirst(), expected);
            const auto rows = table->selectionModel()->selectedRows();
            QVERIFY(rows.size() == 1 && rows.first().row() == expected);
            QCOMPARE(panel->current(), -1);
            QVERIFY(QTest::qWaitFor([&] { return explained.count() > 0; }, 60000));
            QCOMPARE(a->explanationPanel()->explanation()->windowStartS,
                     first.at(expected).toObject().value(QStringLiteral("start_s")).toDouble());
        };
        walk(a->nextFirstAction(), 0);
        walk(a->nextFirstAction(), 1);
        walk(a->previousFirstAction(), 0);
        walk(a->previousFirstAction(), 0);

        // A report exported now carries the explanation of the window shown, said to be so
        // (times as h:mm:ss.s on this 30-minute recording), and shades that window's page.
        const double shownStart =
            first.at(0).toObject().value(QStringLiteral("start_s")).toDouble();
        const auto clock = [](double s) { return ecglens::test::clockText(s); };
        const QString body =
            test::exportedReportText(*w, m_dir.filePath(QStringLiteral("look-first.pdf")));
        for (const QString& expected :
             {QStringLiteral("Explanation (SHAP) of window %1\u2013%2")
                  .arg(clock(shownStart), clock(shownStart + 10.0)),
              QStringLiteral("Window as explained in the viewer"),
              QStringLiteral("Shaded: SHAP contributions to the detector's output"),
              QStringLiteral("probability of abnormal %1")
                  .arg(a->explanationPanel()->explanation()->probability, 0, 'f', 3)})
            QVERIFY2(body.contains(expected), qPrintable(expected + QStringLiteral("\n") + body));
        // The other Look first windows with pages of their own (2 and 3: none starts in the
        // first 10 s) are explained as `ecglens-cli report` and `explain --window START`
        // explain them, and summarised under their number.
        for (int i = 1; i < 3; ++i) {
            const double start = first.at(i).toObject().value(QStringLiteral("start_s")).toDouble();
            QVERIFY(start >= 10.0);
            const QJsonObject e =
                test::cliJson({QStringLiteral("explain"), file, QStringLiteral("--window"),
                               QString::number(start), QStringLiteral("--json")});
            for (const QString& expected :
                 {QStringLiteral("Explanation (SHAP) of window %1\u2013%2")
                      .arg(clock(start), clock(start + 10.0)),
                  QStringLiteral("Window Look first window %1").arg(i + 1),
                  QStringLiteral("probability of abnormal %1; with every segment removed %2")
                      .arg(e.value(QStringLiteral("probability")).toDouble(), 0, 'f', 3)
                      .arg(e.value(QStringLiteral("base_probability")).toDouble(), 0, 'f', 3)})
                QVERIFY2(body.contains(expected),
                         qPrintable(expected + QStringLiteral("\n") + body));
        }
        QVERIFY(!body.contains(QStringLiteral("Look first window 4")));
    }

    // A report exported as soon as the verdict is shown, before the viewer has explained any
    // window, explains the window `ecglens-cli report` explains (the most probable window of
    // the most probable flagged segment), as `explain --window START --json` gives it.
    void exportBeforeTheViewerExplains()
    {
        const QString rel = ptbxl(QStringLiteral("00017"));
        ECGLENS_REQUIRE_DATA(rel);
        const QString file = test::dataPath(rel);
        const QJsonObject e =
            test::cliJson({QStringLiteral("explain"), file, QStringLiteral("--window"),
                           QStringLiteral("0"), QStringLiteral("--json")});
        QVERIFY(e.contains(QStringLiteral("probability")));
        auto w = window();
        const QString pdf = m_dir.filePath(QStringLiteral("before-explanation.pdf"));
        QSignalSpy written(w->reportExporter(), &ReportExporter::finished);
        bool explainedWhenExported = true;
        connect(
            w->analysis(), &AnalysisController::verdictShown, this,
            [&] {
                explainedWhenExported = w->analysis()->explanationPanel()->explanation() != nullptr;
                w->reportExporter()->exportTo(pdf);
            },
            Qt::SingleShotConnection);
        w->openPath(file);
        QVERIFY(QTest::qWaitFor([&] { return written.count() > 0; }, 90000));
        QCOMPARE(written.first().at(1).toString(), QString());
        QVERIFY(!explainedWhenExported);
        QProcess text;
        text.start(QStringLiteral("pdftotext"),
                   {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000) && text.exitCode() == 0);
        const QString body = QString::fromUtf8(text.readAllStandardOutput()).simplified();
        for (const QString& expected :
             {QStringLiteral("Explanation (SHAP) of window 0.0\u201310.0 s"),
              QStringLiteral(
                  "Window the most probable window of the most probable flagged segment"),
              QStringLiteral("probability of abnormal %1; with every segment removed %2")
                  .arg(e.value(QStringLiteral("probability")).toDouble(), 0, 'f', 3)
                  .arg(e.value(QStringLiteral("base_probability")).toDouble(), 0, 'f', 3),
              QStringLiteral("Shaded: SHAP contributions to the detector's output")})
            QVERIFY2(body.contains(expected), qPrintable(expected + QStringLiteral("\n") + body));
        QVERIFY(!body.contains(QStringLiteral("Window as explained in the viewer")));
    }

    // A newer recording supersedes the analysis of the older one: only the newer verdict is
    // ever shown, whether the older one was still loading or already being analysed.
    void latestRequestWins_data()
    {
        QTest::addColumn<bool>("waitForAnalysis");
        QTest::newRow("while loading") << false;
        QTest::newRow("while analysing") << true;
    }
    void latestRequestWins()
    {
        QFETCH(bool, waitForAnalysis);
        const QString relative = ptbxl(QStringLiteral("00017"));
        ECGLENS_REQUIRE_DATA(relative);
        const QString file = test::dataPath(relative);
        const QJsonObject cli = cliAnalyze(file);
        QVERIFY(cli.contains(QStringLiteral("probability")));

        auto w = window();
        QSignalSpy verdicts(w->analysis(), &AnalysisController::verdictShown);
        std::size_t mostTrackWindows = 0; // everything the track was ever given
        ProbabilityTrack* track = w->viewer()->probabilityTrack();
        connect(track, &ProbabilityTrack::dataChanged, this,
                [&] { mostTrackWindows = std::max(mostTrackWindows, track->windows().size()); });
        QSignalSpy shown(w.get(), &MainWindow::recordingShown);
        w->openPath(kLongDemo);
        if (waitForAnalysis) {
            QVERIFY2(waitAnalysing(*w), "the long recording's analysis never started");
            QCOMPARE(shown.count(), 1);
        }
        w->openPath(file);
        QVERIFY(QTest::qWaitFor([&] { return verdicts.count() > 0; }, 90000));
        QTest::qWait(1500); // a stale verdict would arrive by now
        QCOMPARE(verdicts.count(), 1);
        QCOMPARE(verdicts.at(0).at(0).toString(), cli.value(QStringLiteral("class")).toString());
        QVERIFY(std::abs(verdicts.at(0).at(1).toDouble() -
                         cli.value(QStringLiteral("probability")).toDouble()) < 1e-6);
        QCOMPARE(w->currentPath(), file);
        // The long recording's windows never reached the track (the short one has one window,
        // which is not drawn as a track).
        QCOMPARE(mostTrackWindows, std::size_t(0));
        QVERIFY(!track->hasData());
    }

    // Cancel: the banner says so and no verdict appears later.
    void cancelAnalysis()
    {
        auto w = window();
        QSignalSpy verdicts(w->analysis(), &AnalysisController::verdictShown);
        QSignalSpy ended(w->analysis(), &AnalysisController::analysisEnded);
        w->openPath(kLongDemo);
        QVERIFY2(waitAnalysing(*w), "analysis never started");
        w->cancelJobs(); // the status bar's Cancel button
        QVERIFY(!w->analysis()->analysing());
        QCOMPARE(ended.count(), 1);
        const QString text = w->viewer()->verdictBanner()->text();
        QVERIFY2(text.contains(QStringLiteral("cancelled"), Qt::CaseInsensitive), qPrintable(text));
        QTest::qWait(3000);
        QCOMPARE(verdicts.count(), 0);
        QVERIFY2(w->viewer()->verdictBanner()->text().contains(QStringLiteral("cancelled"),
                                                               Qt::CaseInsensitive),
                 qPrintable(w->viewer()->verdictBanner()->text()));
        QVERIFY(!w->analysis()->analysis());
        QVERIFY(w->recording()); // the recording stays on screen
        // Analyse again runs to a verdict.
        w->analysis()->analyseAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return verdicts.count() > 0; }, 90000));
    }

    // The GUI thread keeps serving its event loop while the worker loads and analyses an hour.
    void guiStaysResponsive()
    {
        auto w = window();
        QSignalSpy verdicts(w->analysis(), &AnalysisController::verdictShown);
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0, maxGap = 0;
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            maxGap = std::max(maxGap, now - last);
            last = now;
            ++ticks;
        });
        timer.start(50);
        w->openPath(kLongDemo);
        QVERIFY(QTest::qWaitFor([&] { return verdicts.count() > 0; }, 120000));
        timer.stop();
        qInfo("load + analysis of 1 h, 3 leads: %lld ms, %d timer ticks, largest gap %lld ms",
              clock.elapsed(), ticks, maxGap);
        QVERIFY2(maxGap < 500, qPrintable(QStringLiteral("GUI thread blocked %1 ms").arg(maxGap)));
        QVERIFY(w->viewer()->probabilityTrack()->hasData());
        QCOMPARE(w->viewer()->probabilityTrack()->windows().size(),
                 w->analysis()->analysis()->windows.size());
    }

    // The explanation on the plot: one band per player (all leads present), the bands add up
    // to output − base, the lead summary is the per-lead sum of the bands, and the bands are
    // the CLI's contributions for the same window.
    void explanationBands_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("exact");
        QTest::newRow("ptbxl 00017 (KernelSHAP)") << ptbxl(QStringLiteral("00017")) << false;
        // One lead: players exist only on the present lead (one per beat, <= 14 in 10 s), so
        // the exact enumeration runs.
        QTest::newRow("1-lead demo (exact)") << kExactDemo << true;
    }
    // The panel's choices reach the engine: "leads only" with the normal-template baseline
    // re-explains the shown window with the exact 12-player game, efficiency within 1e-4, and
    // the legend names the template baseline.
    void explanationChoicesReachTheEngine()
    {
        const QString rel = ptbxl(QStringLiteral("00017"));
        ECGLENS_REQUIRE_DATA(rel);
        auto w = window();
        QVERIFY(openAndAnalyse(*w, test::dataPath(rel)));
        QVERIFY(waitExplanation(*w));
        ExplanationPanel* panel = w->analysis()->explanationPanel();
        const auto first = panel->explanation();
        QVERIFY(first->attribution.shap.method == xai::ShapleyMethod::Kernel);
        QSignalSpy shown(w->analysis(), &AnalysisController::explanationShown);
        panel->setChoices(xai::PlayerKind::Leads, xai::BaselineKind::NormalTemplate);
        QVERIFY(QTest::qWaitFor([&] { return shown.count() > 0; }, 90000));
        const auto e = panel->explanation();
        QVERIFY(e != first);
        QCOMPARE(e->windowStartS, first->windowStartS);
        QVERIFY(e->attribution.shap.method == xai::ShapleyMethod::Exact);
        QCOMPARE(e->attribution.players.size(), std::size_t(12));
        QVERIFY(e->attribution.baselineKind == xai::BaselineKind::NormalTemplate);
        double sum = 0.0;
        for (double v : e->attribution.shap.values)
            sum += v;
        QVERIFY(std::abs(sum - (e->attribution.shap.fullValue - e->attribution.shap.baseValue)) <
                1e-4);
        QVERIFY2(panel->legend()->baselineName().contains(QStringLiteral("template")),
                 qPrintable(panel->legend()->baselineName()));
    }

    void explanationBands()
    {
        QFETCH(QString, path);
        QFETCH(bool, exact);
        QString file = path;
        if (!path.startsWith(QLatin1String("demo:"))) {
            ECGLENS_REQUIRE_DATA(path);
            file = test::dataPath(path);
        }
        auto w = window();
        QVERIFY(openAndAnalyse(*w, file));
        QVERIFY2(waitExplanation(*w),
                 qPrintable(w->analysis()->explanationPanel()->statusLabel()->text()));
        ExplanationPanel* panel = w->analysis()->explanationPanel();
        const auto e = panel->explanation();
        const xai::ShapleyResult& s = e->attribution.shap;
        QCOMPARE(s.method == xai::ShapleyMethod::Exact, exact);

        EcgPlot* plot = w->viewer()->plot();
        QVERIFY(plot->contributionsVisible());
        plot->setContributionThreshold(0.0);
        const std::vector<ContributionBand> bands = plot->visibleContributionBands();
        // Players exist only on the leads the recording supplies: one band per player.
        for (const auto& player : e->attribution.players)
            QVERIFY(e->leadsPresent[std::size_t(player.lead)]);
        QCOMPARE(bands.size(), e->attribution.players.size());
        double sum = 0.0;
        std::map<QString, double> perLead;
        for (const ContributionBand& b : bands) {
            sum += b.value;
            QVERIFY(b.lead >= 0 && b.lead < int(w->recording()->leads.size()));
            perLead[QString::fromStdString(w->recording()->leads[std::size_t(b.lead)].name)] +=
                b.value;
            QVERIFY(b.endS > b.startS);
            QVERIFY(b.startS >= e->windowStartS - 1e-9 && b.endS <= e->windowEndS + 1e-9);
        }
        const double tolerance = exact ? 1e-4 : 1e-3;
        QVERIFY2(std::abs(sum - (s.fullValue - s.baseValue)) < tolerance,
                 qPrintable(QStringLiteral("sum %1 vs output - base %2")
                                .arg(sum, 0, 'g', 10)
                                .arg(s.fullValue - s.baseValue, 0, 'g', 10)));
        // Lead summary (panel values and the chart's bars) = per-lead sums of the bands.
        QCOMPARE(panel->leadNames().size(), int(perLead.size()));
        const auto& bars = panel->leadChart()->bars();
        for (int i = 0; i < panel->leadNames().size(); ++i) {
            const QString lead = panel->leadNames().at(i);
            QVERIFY2(perLead.count(lead), qPrintable(lead));
            QVERIFY(std::abs(panel->leadValues()[std::size_t(i)] - perLead[lead]) < 1e-9);
        }
        double barSum = 0.0;
        int barCount = 0;
        for (QCPBars* bar : bars)
            for (auto it = bar->data()->constBegin(); it != bar->data()->constEnd(); ++it) {
                barSum += it->value;
                ++barCount;
            }
        QCOMPARE(barCount, int(perLead.size()));
        QVERIFY(std::abs(barSum - sum) < 1e-9);
        // Waterfall from the base value to the output.
        QCOMPARE(panel->waterfall()->baseLogOdds(), s.baseValue);
        QCOMPARE(panel->waterfall()->outputLogOdds(), s.fullValue);
        QVERIFY(panel->waterfall()->shownSteps() >= 1);
        QVERIFY(panel->legend()->baselineName().contains(QStringLiteral("isoelectric")));
        QVERIFY2(panel->efficiencyLabel()->text().contains(QStringLiteral("passed")),
                 qPrintable(panel->efficiencyLabel()->text()));

        // The CLI explains the same window to the same numbers (same recipe, same seed).
        const QJsonObject cli =
            test::cliJson({QStringLiteral("explain"), file, QStringLiteral("--window"),
                           QString::number(e->windowStartS, 'g', 17), QStringLiteral("--json")});
        QVERIFY2(cli.contains(QStringLiteral("output")), "ecglens-cli explain gave no JSON");
        QVERIFY(std::abs(cli.value(QStringLiteral("output")).toDouble() - s.fullValue) < 1e-6);
        QVERIFY(std::abs(cli.value(QStringLiteral("base_value")).toDouble() - s.baseValue) < 1e-6);
        const QJsonArray contributions = cli.value(QStringLiteral("contributions")).toArray();
        QCOMPARE(contributions.size(), qsizetype(bands.size()));
        for (qsizetype i = 0; i < contributions.size(); ++i) {
            const QJsonObject c = contributions.at(i).toObject();
            const ContributionBand& b = bands[std::size_t(i)];
            QVERIFY(std::abs(c.value(QStringLiteral("start_s")).toDouble() - b.startS) < 1e-9);
            QVERIFY(std::abs(c.value(QStringLiteral("end_s")).toDouble() - b.endS) < 1e-9);
            QVERIFY2(std::abs(c.value(QStringLiteral("value")).toDouble() - b.value) < 1e-6,
                     qPrintable(QStringLiteral("player %1: CLI %2, GUI %3")
                                    .arg(i)
                                    .arg(c.value(QStringLiteral("value")).toDouble())
                                    .arg(b.value)));
        }

        // The threshold hides small contributions; the toggle hides them all.
        panel->thresholdSpin()->setValue(0.5 * plot->contributionScale());
        const double t = panel->thresholdSpin()->value(); // as rounded by the spin box
        const auto kept = plot->visibleContributionBands();
        std::size_t expected = 0;
        for (const ContributionBand& b : bands)
            expected += std::abs(b.value) >= t ? 1 : 0;
        QCOMPARE(kept.size(), expected);
        panel->showToggle()->setChecked(false);
        QVERIFY(plot->visibleContributionBands().empty());
        QVERIFY(!w->settings().showContributions);
    }

    void armReversalOnTheBanner_data()
    {
        QTest::addColumn<bool>("rightArmLeftLeg");
        QTest::addColumn<QString>("line");
        QTest::newRow("left and right arm")
            << false
            << QStringLiteral("P and QRS negative in lead I: left and right arm electrodes "
                              "possibly swapped; the detector read the leads as labelled");
        QTest::newRow("right arm and left leg")
            << true
            << QStringLiteral("P and QRS negative in lead II: right arm and left leg "
                              "electrodes possibly swapped; the detector read the leads as "
                              "labelled");
    }

    /// PTB-XL 00001 with two limb electrodes swapped (written as CSV in mV): the measurements'
    /// suspected reversal is repeated on the verdict banner, after the detector's verdict, since
    /// the detector reads the leads as labelled; the record as recorded gets no such line.
    void armReversalOnTheBanner()
    {
        QFETCH(bool, rightArmLeftLeg);
        QFETCH(QString, line);
        const QString rel = QStringLiteral("ptbxl/records100/00000/00001_lr.hea");
        ECGLENS_REQUIRE_DATA(rel);
        auto recording = io::open(test::dataPath(rel).toStdString());
        QVERIFY2(recording.ok(), recording.error().c_str());
        const auto writeCsv = [&](const Recording& r, const QString& name) {
            const QString path = m_dir.filePath(name);
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly))
                return QString();
            QByteArray text = "time_s";
            for (const Lead& l : r.leads)
                text += ',' + QByteArray::fromStdString(l.name) + " (mV)";
            text += '\n';
            for (std::size_t i = 0; i < r.sampleCount(); ++i) {
                text += QByteArray::number(double(i) / r.fsHz, 'f', 3);
                for (const Lead& l : r.leads)
                    text += ',' + QByteArray::number(l.samples[i], 'f', 3);
                text += '\n';
            }
            f.write(text);
            return path;
        };
        const QString asRecorded = writeCsv(*recording, QStringLiteral("arms_as_recorded.csv"));
        (rightArmLeftLeg ? test::swapRightArmLeftLeg : test::swapArmElectrodes)(*recording);
        const QString swapped = writeCsv(*recording, QStringLiteral("limbs_swapped.csv"));
        QVERIFY(!asRecorded.isEmpty() && !swapped.isEmpty());
        auto w = window();
        VerdictBanner* banner = w->viewer()->verdictBanner();
        QVERIFY(openAndAnalyse(*w, swapped));
        QVERIFY2(QTest::qWaitFor([&] { return banner->text().contains(line); }, 30000),
                 qPrintable(banner->text()));
        QVERIFY(banner->text().startsWith(VerdictBanner::classWord(banner->verdictClass())));
        QVERIFY(openAndAnalyse(*w, asRecorded));
        const auto measuredShown = [&] {
            const MeasureOutcome& m = w->measurementsPanel()->outcome();
            return m.recording && m.recording == w->recording() && !m.cancelled;
        };
        QVERIFY(QTest::qWaitFor(measuredShown, 30000));
        QVERIFY2(!banner->text().contains(line), qPrintable(banner->text()));
        QVERIFY(banner->text().startsWith(VerdictBanner::classWord(banner->verdictClass())));
    }

    /// PTB-XL 00143 at 500 Hz (statement PACE): the stimuli are marked on the trace (one per
    /// beat, as `measure` lists them) and the banner says the verdict does not apply to paced
    /// beats; PTB-XL 00001 at 500 Hz (sinus rhythm) opened next clears both.
    void pacemakerSpikesMarkedAndOnTheBanner()
    {
        const QString paced = QStringLiteral("ptbxl/records500/00000/00143_hr.hea");
        const QString sinus = QStringLiteral("ptbxl/records500/00000/00001_hr.hea");
        ECGLENS_REQUIRE_DATA(paced);
        ECGLENS_REQUIRE_DATA(sinus);
        const QString line =
            QStringLiteral("pacemaker spikes before 12 of 12 beats: the detector's verdict does "
                           "not apply to paced beats");
        auto w = window();
        VerdictBanner* banner = w->viewer()->verdictBanner();
        const auto measuredShown = [&] {
            const MeasureOutcome& m = w->measurementsPanel()->outcome();
            return m.recording && m.recording == w->recording() && !m.cancelled;
        };
        QVERIFY(openAndAnalyse(*w, test::dataPath(paced)));
        QVERIFY2(QTest::qWaitFor([&] { return banner->text().contains(line); }, 30000),
                 qPrintable(banner->text()));
        QVERIFY(banner->text().startsWith(VerdictBanner::classWord(banner->verdictClass())));
        QVERIFY(measuredShown());
        const std::vector<double> stimuli = w->measurementsPanel()->markers()->stimuli();
        QCOMPARE(stimuli.size(), std::size_t(12));
        const auto& beats = w->measurementsPanel()->outcome().beats;
        QCOMPARE(beats.size(), std::size_t(12));
        for (std::size_t i = 0; i < beats.size(); ++i)
            QVERIFY(stimuli[i] <= beats[i].timeS + 0.010 && stimuli[i] >= beats[i].timeS - 0.450);
        // The finding's row says what the marks are.
        QListWidget* list = w->measurementsPanel()->findings();
        const auto rows = list->findItems(QStringLiteral("Pacemaker spikes before 12 of 12 beats"),
                                          Qt::MatchStartsWith);
        QCOMPARE(rows.size(), 1);
        QVERIFY2(rows.front()->toolTip().startsWith(QStringLiteral(
                     "The stimuli are marked by magenta strokes above the traces. 12 evidence")),
                 qPrintable(rows.front()->toolTip()));

        QVERIFY(openAndAnalyse(*w, test::dataPath(sinus)));
        QVERIFY(QTest::qWaitFor(measuredShown, 30000));
        QVERIFY2(!banner->text().contains(QStringLiteral("pacemaker")), qPrintable(banner->text()));
        QVERIFY(w->measurementsPanel()->markers()->stimuli().empty());
    }

    // A recording with two limb leads is drawn with the other four computed, as the detector
    // computes them for its input: mixedsignals (II, III, V, ABP, Pleth, Resp) shows I, aVR,
    // aVL, aVF labelled "(computed)", the limb leads first, and every SHAP segment, computed
    // leads' too, has a trace to shade; the recording the engine analyses is not changed.
    void computedLeadsDrawnAndShaded()
    {
        const QString rel = QStringLiteral("wfdb-samples/mixedsignals.hea");
        ECGLENS_REQUIRE_DATA(rel);
        auto w = window();
        QVERIFY(openAndAnalyse(*w, test::dataPath(rel)));
        QVERIFY2(waitExplanation(*w),
                 qPrintable(w->analysis()->explanationPanel()->statusLabel()->text()));
        QCOMPARE(int(w->recording()->leads.size()), 6);
        EcgPlot* plot = w->viewer()->plot();
        plot->setLeadLayout(LeadLayout::Rows12x1);
        const Recording& drawn = plot->signalView()->recording();
        QStringList names;
        for (const Lead& l : drawn.leads)
            names << leadLabel(l);
        QCOMPARE(names.join(QLatin1Char(',')),
                 QStringLiteral("II,III,V,ABP,Pleth,Resp,I (computed),aVR (computed),"
                                "aVL (computed),aVF (computed)"));
        QStringList order; // as arranged on the paper, top to bottom
        for (const Panel& p : plot->paperLayout().panels)
            order << QString::fromStdString(drawn.leads[std::size_t(p.lead)].name);
        QCOMPARE(order.join(QLatin1Char(',')),
                 QStringLiteral("I,II,III,aVR,aVL,aVF,V,ABP,Pleth,Resp"));
        QVERIFY2(plot->accessibleDescription().contains(QStringLiteral("aVR (computed)")),
                 qPrintable(plot->accessibleDescription()));

        const auto e = w->analysis()->explanationPanel()->explanation();
        QVERIFY(e->leadsDerived[3]); // aVR
        plot->setContributionThreshold(0.0);
        const std::vector<ContributionBand> bands = plot->visibleContributionBands();
        QCOMPARE(bands.size(), e->attribution.players.size());
        int onComputed = 0;
        for (const ContributionBand& b : bands) {
            const Lead& lead = drawn.leads[std::size_t(b.lead)];
            const int k = e->attribution.players[std::size_t(b.player)].lead;
            QCOMPARE(lead.name, std::string(kStandardLeads[std::size_t(k)]));
            QCOMPARE(lead.computed, e->leadsDerived[std::size_t(k)]);
            onComputed += lead.computed ? 1 : 0;
        }
        QVERIFY(onComputed > 0);
        QVERIFY2(w->analysis()->explanationPanel()->leadNames().contains(
                     QStringLiteral("aVF (computed)")),
                 qPrintable(w->analysis()->explanationPanel()->leadNames().join(QLatin1Char(','))));
    }

    // Next / previous flagged segment move the view to each segment in order and explain it;
    // a click on the probability track jumps there.
    // MIT-BIH 220 (30 min, 2 leads): the shipped model flags several separate stretches (the
    // synthetic demo is above the threshold throughout: one segment).
    void nextPreviousFlagged()
    {
        const QString rel = QStringLiteral("mitdb/220.hea");
        ECGLENS_REQUIRE_DATA(rel);
        auto w = window();
        QVERIFY(openAndAnalyse(*w, test::dataPath(rel)));
        AnalysisController* a = w->analysis();
        const auto analysis = a->analysis();
        const int n = int(analysis->flagged.size());
        QVERIFY2(n >= 2, qPrintable(QStringLiteral("%1 needs >= 2 flagged segments for this "
                                                   "test, the model flags %2")
                                        .arg(rel)
                                        .arg(n)));
        QCOMPARE(a->flaggedPanel()->count(), n);
        // The overview strip carries the whole recording's window probabilities.
        const auto& trend = w->viewer()->overview()->probabilities();
        QCOMPARE(trend.size(), analysis->windows.size());
        for (std::size_t i = 0; i < trend.size(); ++i)
            QCOMPARE(trend[i].probability, analysis->windows[i].probability);
        QVERIFY(waitExplanation(*w)); // the first flagged segment is explained automatically
        QCOMPARE(a->currentFlagged(), 0);
        EcgPlot* plot = w->viewer()->plot();
        auto checkShown = [&](int i) {
            const ml::WindowResult& seg = analysis->flagged[std::size_t(i)];
            const double start = a->flaggedWindowStart(i);
            QVERIFY(start >= seg.startS - 1e-9 && start + 10.0 <= seg.endS + 1e-9);
            const double centre = std::min(start + 5.0, plot->durationS());
            QVERIFY2(plot->visibleStartS() <= centre &&
                         centre <= plot->visibleStartS() + plot->visibleSpanS(),
                     qPrintable(QStringLiteral("segment %1: window centre %2 s not in view "
                                               "%3 + %4 s")
                                    .arg(i)
                                    .arg(centre)
                                    .arg(plot->visibleStartS())
                                    .arg(plot->visibleSpanS())));
            QCOMPARE(a->flaggedPanel()->current(), i);
        };
        checkShown(0);
        for (int i = 1; i < n; ++i) {
            a->nextAction()->trigger();
            QCOMPARE(a->currentFlagged(), i);
            checkShown(i);
        }
        a->nextAction()->trigger(); // stays on the last one
        QCOMPARE(a->currentFlagged(), n - 1);
        for (int i = n - 2; i >= 0; --i) {
            a->previousAction()->trigger();
            QCOMPARE(a->currentFlagged(), i);
            checkShown(i);
        }
        QVERIFY(waitExplanation(*w));
        QVERIFY(QTest::qWaitFor([&] { return !a->explaining(); }, 60000));
        const auto e = a->explanationPanel()->explanation();
        QVERIFY(e);
        QCOMPARE(e->windowStartS, a->flaggedWindowStart(0));

        // The probability track spans the recording; a click centres the view on its time.
        ProbabilityTrack* track = w->viewer()->probabilityTrack();
        QVERIFY(track->hasData());
        QCOMPARE(track->windows().size(), analysis->windows.size());
        QCOMPARE(track->flagged().size(), analysis->flagged.size());
        emit track->timeClicked(60.0);
        QVERIFY(std::abs(plot->visibleStartS() + 0.5 * plot->visibleSpanS() - 60.0) < 0.05 ||
                plot->visibleSpanS() >= plot->durationS());
    }

    // A missing model: a message naming the folder; the recording is still displayed.
    void missingModel()
    {
        QTemporaryDir empty;
        QVERIFY(empty.isValid());
        const QByteArray saved = qgetenv("ECGLENS_MODEL_DIR");
        qputenv("ECGLENS_MODEL_DIR", empty.path().toLocal8Bit());
        auto w = window();
        QSignalSpy shown(w.get(), &MainWindow::recordingShown);
        QSignalSpy ended(w->analysis(), &AnalysisController::analysisEnded);
        w->openPath(kExactDemo);
        const bool done = QTest::qWaitFor([&] { return ended.count() > 0; }, 60000);
        if (saved.isEmpty())
            qunsetenv("ECGLENS_MODEL_DIR");
        else
            qputenv("ECGLENS_MODEL_DIR", saved);
        QVERIFY(done);
        QCOMPARE(shown.count(), 1);
        QVERIFY(w->recording());
        QVERIFY(w->viewer()->plot()->durationS() > 9.0);
        VerdictBanner* banner = w->viewer()->verdictBanner();
        QCOMPARE(banner->state(), VerdictBanner::State::Error);
        QVERIFY2(banner->text().contains(QDir::toNativeSeparators(empty.path())),
                 qPrintable(banner->text()));
        QVERIFY(!w->analysis()->analysis());
        QCOMPARE(w->analysis()->flaggedPanel()->count(), 0);
    }

    // A recording without a standard ECG lead: shown, the banner says why the detector did not
    // run, once ("Analysis: none of ...", not "Analysis: Analysis failed: ...").
    void noStandardLead()
    {
        const QString csv = m_dir.filePath(QStringLiteral("eeg.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("time_s,EEG Fpz\n");
        for (int i = 0; i < 2560; ++i)
            f.write(QByteArray::number(i / 256.0, 'f', 4) + ',' +
                    QByteArray::number(0.05 * std::sin(i / 10.0), 'f', 4) + '\n');
        f.close();
        auto w = window();
        QVERIFY(!openAndAnalyse(*w, csv));
        QVERIFY(w->recording());
        VerdictBanner* banner = w->viewer()->verdictBanner();
        QCOMPARE(banner->state(), VerdictBanner::State::Error);
        QVERIFY2(banner->text().startsWith(
                     QStringLiteral("Analysis: none of the recording's leads is a standard ECG "
                                    "lead")),
                 qPrintable(banner->text()));
        QCOMPARE(banner->text().count(QStringLiteral("Analysis")), 1);
    }

    // Automatic analysis off: nothing runs until Analysis > Analyse.
    void analyseOnDemand()
    {
        auto w = window(false);
        QSignalSpy verdicts(w->analysis(), &AnalysisController::verdictShown);
        QSignalSpy shown(w.get(), &MainWindow::recordingShown);
        w->openPath(kExactDemo);
        QVERIFY(QTest::qWaitFor([&] { return shown.count() > 0; }, 60000));
        QTest::qWait(500);
        QVERIFY(!w->analysis()->analysing());
        QCOMPARE(verdicts.count(), 0);
        QVERIFY(w->viewer()->verdictBanner()->text().contains(QStringLiteral("Not analysed")));
        QVERIFY(!w->analysis()->autoAction()->isChecked());
        w->analysis()->analyseAction()->trigger();
        QVERIFY(QTest::qWaitFor([&] { return verdicts.count() > 0; }, 60000));
    }
};

QTEST_MAIN(TestAnalysisView)
#include "tst_analysis_view.moc"
