// Serial comparison (File ▸ Compare with another ECG, the worklist's "Compare with shown"): the
// other ECG under the shown one, named by file, recording date and patient, both ECGs'
// measurements and the change. References: PTB-XL's ptbxl_database.csv (patient 13619's ECGs
// 17, recorded 1985-01-20 14:25:25, and 26; record 1 is patient 15709) and `ecglens-cli measure
// --json` on each file for the values. Through the real window, offscreen.

#include "advice_panel.h"
#include "beat_markers.h"
#include "comparison_view.h"
#include "ecg_plot.h"
#include "ecg_viewer.h"
#include "i18n.h"
#include "job_runner.h"
#include "main_window.h"
#include "measurements_panel.h"
#include "patient_panel.h"
#include "report_export.h"
#include "test_data.h"
#include "test_window.h"
#include "worklist_model.h"
#include "worklist_panel.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace ecglens;

namespace {

QString ptbxl(const char* record)
{
    return test::dataPath(
        QStringLiteral("ptbxl/records100/00000/%1_lr.hea").arg(QLatin1String(record)));
}

/// As the panel shows a value: rounded to `decimals`, in the interface's number format.
QString shown(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

} // namespace

class TestCompare : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    std::unique_ptr<MainWindow> window() { return test::makeWindow(QDir(m_dir.path())); }

    static void openAndMeasure(MainWindow& w, const QString& path)
    {
        QSignalSpy measured(w.measurementsPanel(), &MeasurementsPanel::measured);
        w.openPath(path);
        QVERIFY2(QTest::qWaitFor([&] { return measured.count() > 0; }, 60000), qPrintable(path));
    }

    /// Asks for a comparison and waits for its job; returns the outcome.
    /// The advice codes `ecglens-cli analyze --json` gives a recording.
    static QStringList cliAdviceCodes(const QString& path)
    {
        QStringList codes;
        for (const QJsonValue& item :
             test::cliJson({QStringLiteral("analyze"), path, QStringLiteral("--json")})
                 .value(QStringLiteral("advice"))
                 .toArray())
            codes << item[QStringLiteral("code")].toString();
        return codes;
    }

    /// The basis of the window's advice item `code`, empty without it.
    static QString basisOf(MainWindow& w, const char* code)
    {
        for (const advice::AdviceItem& item : w.advicePanel()->items())
            if (item.code == code)
                return QString::fromStdString(item.basis);
        return {};
    }

    /// A copy of a WFDB record (header and .dat) in `folder` of the test's directory (the window
    /// does not compare a file with itself); its header's path, empty when it failed.
    QString copyOf(const QString& hea, const QString& folder)
    {
        const QString copy = m_dir.filePath(folder + QLatin1Char('/') + QFileInfo(hea).fileName());
        if (!QDir().mkpath(m_dir.filePath(folder)))
            return {};
        for (const char* ext : {".hea", ".dat"})
            if (!QFile::copy(QString(hea).replace(QLatin1String(".hea"), QLatin1String(ext)),
                             QString(copy).replace(QLatin1String(".hea"), QLatin1String(ext))))
                return {};
        return copy;
    }

    static CompareOutcome compare(MainWindow& w, const QString& path)
    {
        QSignalSpy done(w.jobs(), &JobRunner::compareFinished);
        w.compareWith(path);
        if (!QTest::qWaitFor([&] { return done.count() > 0; }, 60000))
            qWarning("comparison of %s timed out", qPrintable(path));
        QTest::qWait(0); // the window's own slot has run
        return done.isEmpty() ? CompareOutcome{} : done.first().first().value<CompareOutcome>();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // As the application does: English plural forms ("6 days earlier").
        QCOMPARE(installTranslations(*qApp, QStringLiteral("en")), QString());
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00026_lr.hea"));
    }

    void samePatientsEarlierEcg()
    {
        auto w = window();
        openAndMeasure(*w, ptbxl("00026"));
        QVERIFY(!w->comparison()->isVisible());
        const CompareOutcome o = compare(*w, ptbxl("00017"));
        QVERIFY2(o.recording, qPrintable(o.error));
        QVERIFY(w->comparison()->isVisible());
        const QString title = w->comparison()->title()->text();
        // 1985-01-20 14:25:25 to 1985-01-27 12:45:19 (ptbxl_database.csv): 6 days 22 hours.
        for (const QString& part :
             {QStringLiteral("00017_lr.hea"), QStringLiteral("13619"), QStringLiteral("14:25"),
              QStringLiteral("1985"), QStringLiteral("6 days earlier")})
            QVERIFY2(title.contains(part), qPrintable(title));
        QVERIFY(!w->comparison()->warning()->isVisible()); // the same patient
        auto* shownTitle = w->findChild<QLabel*>(QStringLiteral("shownTitle"));
        QVERIFY(shownTitle && shownTitle->isVisible());
        QVERIFY2(shownTitle->text().contains(QLatin1String("00026_lr.hea")),
                 qPrintable(shownTitle->text()));
        // The comparison's controls and traces are named for a screen reader too.
        const QStringList unnamed = test::unnamedControls(*w);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1Char('\n'))));

        // Both columns against the CLI's measurements of each file; the change is their
        // difference as shown.
        const QJsonObject now =
            test::cliJson({QStringLiteral("measure"), ptbxl("00026"), QStringLiteral("--json")});
        const QJsonObject then =
            test::cliJson({QStringLiteral("measure"), ptbxl("00017"), QStringLiteral("--json")});
        MeasurementsPanel* m = w->measurementsPanel();
        QVERIFY(m->comparing());
        QCOMPARE(m->table()->columnCount(), 4);
        struct Row
        {
            const char* name;
            const char* key;
            int decimals;
        };
        for (const Row& r :
             {Row{"Heart rate (bpm)", "heart_rate_bpm", 0}, Row{"QRS (ms)", "qrs_ms", 0},
              Row{"Cornell (mV)", "cornell_mv", 2}, Row{"RR mean (ms)", "rr_mean_ms", 0}}) {
            const QString name = QString::fromLatin1(r.name);
            const double a = now[QLatin1String(r.key)].toDouble();
            const double b = then[QLatin1String(r.key)].toDouble();
            QCOMPARE(m->cell(name, 1), shown(a, r.decimals));
            QCOMPARE(m->cell(name, 2), shown(b, r.decimals));
            const double scale = std::pow(10.0, r.decimals);
            const double change = std::round(a * scale) / scale - std::round(b * scale) / scale;
            QCOMPARE(m->cell(name, 3),
                     (change > 0 ? QStringLiteral("+") : QString()) + shown(change, r.decimals));
        }
        // 152 bpm then (atrial flutter), 88 now (sinus rhythm): the reference values.
        QCOMPARE(m->cell(QStringLiteral("Heart rate (bpm)"), 2), QStringLiteral("152"));
        QCOMPARE(m->cell(QStringLiteral("Heart rate (bpm)"), 1), QStringLiteral("88"));
        QCOMPARE(m->cell(QStringLiteral("Heart rate (bpm)"), 3), QStringLiteral("-64"));
        // Beats by class: S and V as the CLI counts them, all of them adding up to its total.
        const QStringList beats =
            m->cell(QStringLiteral("Beats (N / S / V / Q)"), 2).split(QStringLiteral(" / "));
        QCOMPARE(beats.size(), 4);
        QCOMPARE(beats[1].toInt(), then[QStringLiteral("supraventricular_beats")].toInt());
        QCOMPARE(beats[2].toInt(), then[QStringLiteral("ventricular_beats")].toInt());
        QCOMPARE(beats[0].toInt() + beats[1].toInt() + beats[2].toInt() + beats[3].toInt(),
                 then[QStringLiteral("beats")].toInt());

        // Its rhythm findings follow the shown ECG's, as the CLI words them.
        QStringList listed;
        for (int r = 0; r < m->findings()->count(); ++r)
            listed << m->findings()->item(r)->text();
        const QJsonArray thenFindings = then[QStringLiteral("findings")].toArray();
        QVERIFY(!thenFindings.isEmpty());
        for (const QJsonValue& f : thenFindings)
            QVERIFY2(listed.contains(QStringLiteral("Comparison ECG: ") +
                                     f.toObject()[QStringLiteral("text")].toString()),
                     qPrintable(listed.join(QLatin1Char('\n'))));
        QCOMPARE(listed.first(), now[QStringLiteral("findings")]
                                     .toArray()
                                     .first()
                                     .toObject()[QStringLiteral("text")]
                                     .toString());

        // Its ST levels follow the shown ECG's, as the CLI measures each.
        QCOMPARE(m->stLevels()->text(),
                 QStringLiteral("ST at J+60 ms (mV): ") +
                     test::stLevelsText(now[QStringLiteral("st_levels")].toArray()) +
                     QStringLiteral("\nComparison ECG: ") +
                     test::stLevelsText(then[QStringLiteral("st_levels")].toArray()));

        // Clicking one of its findings shows it on its own trace, as a click on a shown ECG's
        // finding does there: the premature narrow beats at the CLI's evidence times, the
        // comparison trace centred on the first, the shown ECG's trace untouched.
        int narrow = -1;
        for (int i = 0; i < thenFindings.size(); ++i)
            if (thenFindings[i].toObject()[QStringLiteral("code")].toString() ==
                QLatin1String("premature_supraventricular_beats"))
                narrow = i;
        QVERIFY(narrow >= 0);
        const int row = m->comparisonFindingRow(narrow);
        QVERIFY(row >= 0 && m->findings()->item(row)->flags().testFlag(Qt::ItemIsSelectable));
        const double shownStart = w->viewer()->plot()->visibleStartS();
        const auto shownHighlight = m->markers()->highlighted();
        QListWidget* list = m->findings();
        list->scrollToItem(list->item(row));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(list->item(row)).center());
        std::vector<double> expected;
        for (const QJsonValue& t :
             thenFindings[narrow].toObject()[QStringLiteral("times_s")].toArray())
            expected.push_back(t.toDouble());
        QCOMPARE(int(expected.size()), 6);
        const std::vector<double>& lit = w->comparison()->markers()->highlighted();
        QCOMPARE(lit.size(), expected.size());
        for (std::size_t i = 0; i < lit.size(); ++i)
            QVERIFY2(std::abs(lit[i] - expected[i]) < 0.01, qPrintable(QString::number(lit[i])));
        EcgPlot* other = w->comparison()->viewer()->plot();
        // Centred on the first beat, as far as the 10 s recording allows.
        const double duration = w->comparison()->recording()->durationS();
        const double wanted = std::clamp(expected[0] - 0.5 * other->visibleSpanS(), 0.0,
                                         std::max(0.0, duration - other->visibleSpanS()));
        QVERIFY2(
            std::abs(other->visibleStartS() - wanted) < 0.01,
            qPrintable(QStringLiteral("%1, wanted %2").arg(other->visibleStartS()).arg(wanted)));
        QCOMPARE(w->viewer()->plot()->visibleStartS(), shownStart);
        QCOMPARE(m->markers()->highlighted(), shownHighlight);

        // Its beats are marked on its own trace, as the CLI detects them.
        BeatMarkerLayer* marks = w->comparison()->markers();
        QVERIFY(marks);
        QCOMPARE(int(marks->beats().size()), then[QStringLiteral("beats")].toInt());
        QCOMPARE(marks->count('V'), then[QStringLiteral("ventricular_beats")].toInt());
        QCOMPARE(marks->count('S'), then[QStringLiteral("supraventricular_beats")].toInt());

        // Axes change the shorter way round: 350° apart is 10°.
        dsp::IntervalValues crafted = *o.values;
        const double axisNow = std::round(now[QStringLiteral("qrs_axis_deg")].toDouble());
        crafted.qrsAxisDeg = axisNow + 350.0;
        m->setComparison(crafted, beatClassCounts(o.beats));
        QCOMPARE(m->cell(QStringLiteral("QRS axis (deg)"), 3), QStringLiteral("+10"));

        // The report exported meanwhile names the comparison ECG and lists the change.
        const QString pdf = m_dir.filePath(QStringLiteral("compared.pdf"));
        const QString body = test::exportedReportText(*w, pdf);
        QVERIFY2(!body.startsWith(QLatin1String("EXPORT FAILED")), qPrintable(body));
        for (const QString& expected :
             QStringList{QStringLiteral("Comparison with another ECG"),
                         QStringLiteral("00017_lr.hea"), QStringLiteral("1985-01-20 14:25:25"),
                         QStringLiteral("Heart rate 152 \u2192 88 bpm (-64)"),
                         test::stLevelsText(now[QStringLiteral("st_levels")].toArray(),
                                            then[QStringLiteral("st_levels")].toArray()) +
                             QStringLiteral(" mV")})
            QVERIFY2(body.contains(expected),
                     qPrintable(expected + QStringLiteral(" not in ") + body));

        // Closing: one column again, the viewer gone; opening another recording closes too.
        w->closeComparison();
        QVERIFY(!w->comparison()->isVisible());
        QVERIFY(!shownTitle->isVisible());
        QCOMPARE(m->table()->columnCount(), 2);
        QCOMPARE(m->value(QStringLiteral("Heart rate (bpm)")), QStringLiteral("88"));
        QCOMPARE(m->findings()->count(), now[QStringLiteral("findings")].toArray().size());
        QVERIFY(compare(*w, ptbxl("00017")).recording);
        QVERIFY(w->comparison()->isVisible());
        openAndMeasure(*w, ptbxl("00018"));
        QVERIFY(!w->comparison()->isVisible());
        QVERIFY(!m->comparing());
    }

    /// The ST-elevation item on PTB-XL 01433 says whether the ECG shown for comparison met the
    /// criteria too (00026 does not: `ecglens-cli analyze --json` gives it no such item), and
    /// drops that part when the comparison is closed.
    void stItemSaysWhetherTheComparisonMetIt()
    {
        const QString st = test::dataPath(QStringLiteral("ptbxl/records100/01000/01433_lr.hea"));
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/01000/01433_lr.hea"));
        QVERIFY(!cliAdviceCodes(ptbxl("00026")).contains(QLatin1String("st-elevation")));
        auto w = window();
        openAndMeasure(*w, st);
        const auto basis = [&] { return basisOf(*w, "st-elevation"); };
        QVERIFY(QTest::qWaitFor([&] { return !basis().isEmpty(); }, 30000));
        QVERIFY2(!basis().contains(QLatin1String("compared with")), qPrintable(basis()));
        const CompareOutcome o = compare(*w, ptbxl("00026"));
        QVERIFY2(o.recording, qPrintable(o.error));
        QVERIFY2(basis().contains(QLatin1String("; not met on the ECG compared with;")),
                 qPrintable(basis()));
        // Compared with a copy of itself (the window does not compare a file with itself): met
        // then too, with the same levels.
        const QString copy = copyOf(st, QStringLiteral("copy"));
        QVERIFY(!copy.isEmpty());
        QVERIFY(compare(*w, copy).recording);
        const QString levels = basis()
                                   .section(QStringLiteral("at J: "), 1)
                                   .section(QStringLiteral(" (thresholds"), 0, 0);
        QVERIFY2(basis().contains(QStringLiteral("also met on the ECG compared with (") + levels +
                                  QLatin1Char(')')),
                 qPrintable(basis()));
        w->closeComparison();
        QVERIFY2(!basis().contains(QLatin1String("compared with")), qPrintable(basis()));
    }

    /// The Q wave item on PTB-XL 00528 (Q waves in II, III and aVF) says whether the ECG shown
    /// for comparison had them too, and in which leads: 00026 has none (`ecglens-cli analyze
    /// --json` gives it no such item), a copy of 00528 the same; closing the comparison drops
    /// that part. Every finding item does the same (advice::AdviceInput::comparedFindings).
    void findingItemSaysWhetherTheComparisonHadIt()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00528_lr.hea"));
        QVERIFY(!cliAdviceCodes(ptbxl("00026")).contains(QLatin1String("q-waves")));
        auto w = window();
        openAndMeasure(*w, ptbxl("00528"));
        const auto basis = [&] { return basisOf(*w, "q-waves"); };
        QVERIFY(QTest::qWaitFor([&] { return !basis().isEmpty(); }, 30000));
        QVERIFY2(basis().contains(QLatin1String("; leads II, III, aVF;")), qPrintable(basis()));
        QVERIFY2(!basis().contains(QLatin1String("compared with")), qPrintable(basis()));
        QVERIFY(compare(*w, ptbxl("00026")).recording);
        QVERIFY2(basis().contains(QLatin1String("; not found on the ECG compared with;")),
                 qPrintable(basis()));
        const QString copy = copyOf(ptbxl("00528"), QStringLiteral("copyq"));
        QVERIFY(!copy.isEmpty());
        QVERIFY(compare(*w, copy).recording);
        QVERIFY2(basis().contains(
                     QLatin1String("; also found on the ECG compared with (leads II, III, aVF);")),
                 qPrintable(basis()));
        w->closeComparison();
        QVERIFY2(!basis().contains(QLatin1String("compared with")), qPrintable(basis()));
    }

    void otherPatientIsFlagged()
    {
        auto w = window();
        openAndMeasure(*w, ptbxl("00026"));
        QVERIFY(compare(*w, ptbxl("00001")).recording);
        QVERIFY(w->comparison()->warning()->isVisible());
        const QString text = w->comparison()->warning()->text();
        QVERIFY2(text.contains(QLatin1String("15709")) && text.contains(QLatin1String("13619")),
                 qPrintable(text));
    }

    /// The name is the second check: the SCP-ECG example and the DICOM file made from it name
    /// "Clark" (and SBJ-123): no warning; a copy of the DICOM file renamed "M\u00fcl, H" at its
    /// (0010,0010) keeps the ID but is flagged by name.
    void otherNameIsFlagged()
    {
        const QString scp = test::dataPath(QStringLiteral("formats/ecgtoolkit-Example.scp"));
        const QString dcm = test::dataPath(QStringLiteral("formats/ecgtoolkit-Example.dcm"));
        ECGLENS_REQUIRE_DATA(QStringLiteral("formats/ecgtoolkit-Example.dcm"));
        auto w = window();
        openAndMeasure(*w, scp);
        QVERIFY(compare(*w, dcm).recording);
        QVERIFY2(!w->comparison()->warning()->text().contains(QLatin1String("Different")),
                 qPrintable(w->comparison()->warning()->text()));
        QFile in(dcm);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        QCOMPARE(bytes.mid(0x256, 6), QByteArray("Clark "));
        bytes.replace(0x256, 6, QByteArray("M\xFCl^H "));
        const QString renamed = m_dir.filePath(QStringLiteral("renamed.dcm"));
        QFile out(renamed);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size());
        out.close();
        QVERIFY(compare(*w, renamed).recording);
        QVERIFY(w->comparison()->warning()->isVisible());
        const QString text = w->comparison()->warning()->text();
        // Each name a Unicode isolate (report::inlineIdentifier), as in the window title.
        QVERIFY2(text.contains(QStringLiteral("Different names: \u2068M\u00fcl, H\u2069 here, "
                                              "\u2068Clark\u2069 in the shown ECG")),
                 qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("Different patient")), qPrintable(text));

        // A name typed in for a file without one counts as the file's would. Typed into a copy:
        // the window saves it with the review, beside the recording, and the data folder must
        // stay as it is (packaging/test.sh checks that no review file appears there).
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00026_lr.hea"));
        for (const char* ext : {".hea", ".dat"})
            QVERIFY(QFile::copy(test::dataPath(QStringLiteral("ptbxl/records100/00000/00026_lr") +
                                               QLatin1String(ext)),
                                m_dir.filePath(QStringLiteral("00026_lr") + QLatin1String(ext))));
        openAndMeasure(*w, m_dir.filePath(QStringLiteral("00026_lr.hea")));
        w->patientPanel()->applyEntered(QString(), QStringLiteral("Smith, John"), std::nullopt,
                                        Sex::Unknown);
        QVERIFY(compare(*w, scp).recording);
        const QString typed = w->comparison()->warning()->text();
        QVERIFY2(typed.contains(QStringLiteral("Different names: \u2068Clark\u2069 here, "
                                               "\u2068Smith, John\u2069 in the shown ECG")),
                 qPrintable(typed));
    }

    /// The change column reads "since then" only when the other ECG is the earlier: a later one,
    /// one without a date and one starting at the same time are said to be so. By
    /// ptbxl_database.csv: patient 13619's ECG 17 (1985-01-20 14:25:25) and 26 (01-27 12:45:19);
    /// patient 20191's ECGs 55 (1985-06-01 09:39:40) and 56 (10:09:27); patient 8420's ECG 41
    /// (1985-03-08) and 1261, which has no recording date; the 500 Hz file of ECG 17 starts when
    /// its 100 Hz file does.
    void orderOfTheTwoEcgs()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/01000/01261_lr.hea"));
        const struct
        {
            QString shown, compared;
            const char* order;
            const char* warning; ///< nullptr: none
        } cases[] = {
            {ptbxl("00017"), ptbxl("00026"), "6 days later", "recorded after this one"},
            {ptbxl("00056"), ptbxl("00055"), "29 minutes earlier", nullptr},
            {ptbxl("00041"), test::dataPath(QStringLiteral("ptbxl/records100/01000/01261_lr.hea")),
             "order unknown", "A recording date is missing"},
            {ptbxl("00017"), test::dataPath(QStringLiteral("ptbxl/records500/00000/00017_hr.hea")),
             "at the same time", "the same recording in another file?"},
        };
        auto w = window();
        for (const auto& c : cases) {
            openAndMeasure(*w, c.shown);
            QVERIFY(compare(*w, c.compared).recording);
            const QString title = w->comparison()->title()->text();
            QVERIFY2(title.endsWith(QStringLiteral(" \u00b7 ") + QLatin1String(c.order)),
                     qPrintable(title));
            QLabel* warning = w->comparison()->warning();
            QCOMPARE(warning->isVisible(), c.warning != nullptr);
            if (c.warning)
                QVERIFY2(warning->text().contains(QLatin1String(c.warning)),
                         qPrintable(warning->text()));
        }
    }

    void unreadableComparisonLeavesTheShownECG()
    {
        auto w = window();
        openAndMeasure(*w, ptbxl("00026"));
        const QString empty = m_dir.filePath(QStringLiteral("empty.edf"));
        QFile f(empty);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const CompareOutcome o = compare(*w, empty);
        QVERIFY(!o.recording);
        QVERIFY2(o.error.contains(QLatin1String("empty")), qPrintable(o.error));
        QVERIFY(!w->comparison()->isVisible());
        auto* box = w->findChild<QMessageBox*>();
        QVERIFY(box && box->isVisible());
        QVERIFY2(box->text().contains(QLatin1String("empty")), qPrintable(box->text()));
        box->close();
        QVERIFY(w->recording());
        QCOMPARE(w->currentPath(), ptbxl("00026"));
        QVERIFY(!w->measurementsPanel()->comparing());
        // The shown recording itself is not compared with itself.
        w->compareWith(ptbxl("00026"));
        QVERIFY(!w->jobs()->busy(JobKind::Compare));
    }

    // The previous ECG of the patient, by ptbxl_database.csv: patient 13619's ECGs 17 (1985-01-20
    // 14:25), 18 (15:17 the same day), 20 (01-23), 23 (01-25) and 26 (01-27); record 1 is the
    // only ECG of patient 15709 in the folder.
    void previousOfThisPatient()
    {
        auto w = window();
        QSignalSpy listed(w->worklist(), &WorklistPanel::scanFinished);
        w->openFolder(test::dataPath(QStringLiteral("ptbxl/records100/00000")));
        QVERIFY(QTest::qWaitFor([&] { return listed.count() > 0; }, 120000));
        const struct
        {
            const char* shown;
            const char* previous; ///< nullptr: none
        } cases[] = {
            {"00026", "00023"}, {"00018", "00017"}, {"00017", nullptr}, {"00001", nullptr}};
        for (const auto& c : cases) {
            openAndMeasure(*w, ptbxl(c.shown));
            if (!c.previous) {
                w->compareWithPrevious();
                QVERIFY(!w->jobs()->busy(JobKind::Compare));
                QVERIFY2(w->statusBar()->currentMessage().startsWith(
                             QLatin1String("No earlier ECG of patient")),
                         qPrintable(w->statusBar()->currentMessage()));
                continue;
            }
            QSignalSpy done(w->jobs(), &JobRunner::compareFinished);
            w->compareWithPrevious();
            QVERIFY(QTest::qWaitFor([&] { return done.count() > 0; }, 60000));
            QTest::qWait(0);
            QCOMPARE(QFileInfo(w->comparison()->path()).fileName(),
                     QStringLiteral("%1_lr.hea").arg(QLatin1String(c.previous)));
        }
    }

    void worklistCompareButton()
    {
        const QString folder = m_dir.filePath(QStringLiteral("list"));
        QDir().mkpath(folder);
        for (const char* r : {"00017", "00026"})
            for (const char* ext : {".hea", ".dat"}) {
                QString from = ptbxl(r);
                from.chop(4);
                QVERIFY(QFile::copy(
                    from + QLatin1String(ext),
                    folder + QStringLiteral("/%1_lr%2").arg(QLatin1String(r), QLatin1String(ext))));
            }
        auto w = window();
        QSignalSpy listed(w->worklist(), &WorklistPanel::scanFinished);
        w->openFolder(folder);
        QVERIFY(QTest::qWaitFor([&] { return listed.count() > 0; }, 60000));
        QToolButton* button = w->worklist()->compareButton();
        QVERIFY(!button->isEnabled()); // nothing shown yet
        openAndMeasure(*w, folder + QStringLiteral("/00026_lr.hea"));
        auto* table = w->findChild<QTableView*>(QStringLiteral("worklistTable"));
        QVERIFY(table);
        // The shown recording's row is selected: nothing to compare it with.
        QVERIFY(!button->isEnabled());
        int other = -1;
        for (int r = 0; r < table->model()->rowCount(); ++r)
            if (table->model()
                    ->index(r, WorklistModel::Recording)
                    .data()
                    .toString()
                    .startsWith(QLatin1String("00017")))
                other = r;
        QVERIFY(other >= 0);
        table->setCurrentIndex(table->model()->index(other, 0));
        QVERIFY(button->isEnabled());
        QSignalSpy done(w->jobs(), &JobRunner::compareFinished);
        button->click();
        QVERIFY(QTest::qWaitFor([&] { return done.count() > 0; }, 60000));
        QTest::qWait(0);
        QVERIFY(w->comparison()->isVisible());
        QCOMPARE(QFileInfo(w->comparison()->path()).fileName(), QStringLiteral("00017_lr.hea"));
    }
};

QTEST_MAIN(TestCompare)
#include "tst_compare.moc"
