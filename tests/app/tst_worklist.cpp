// The worklist: a folder's recordings with patient, length and review state, read in the
// background; filters; the row of the shown recording follows its saved review; "Open next not
// reviewed". Expected values come from the files themselves, read by hand: PTB-XL 00001 is
// patient 15709, 56 years, sex 1 = female in ptbxl_database.csv, 12 leads × 1000 samples at
// 100 Hz in its header; MIT-BIH 201.hea says "# 68 M" and 650000 samples at 360 Hz, 2 leads.
// The detector's verdicts on the list are compared with `ecglens-cli analyze --json`.

#include "advice/advice.h"
#include "decision_panel.h"
#include "i18n.h"
#include "job_runner.h"
#include "main_window.h"
#include "ml/detector.h"
#include "review_store.h"
#include "test_data.h"
#include "worklist_panel.h"

#include <QAction>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolButton>

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

using namespace ecglens;

namespace {

void copyInto(const QString& relative, const QString& dir, const QString& name = {})
{
    QDir().mkpath(dir);
    const QString from = test::dataPath(relative);
    const QString to = QDir(dir).filePath(name.isEmpty() ? QFileInfo(from).fileName() : name);
    if (!QFile::copy(from, to))
        qWarning("cannot copy %s to %s", qPrintable(from), qPrintable(to));
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
}

ReviewRecord decided(ReviewDecision d, const QString& reviewer)
{
    ReviewRecord r;
    DecisionEntry e;
    e.decision = d;
    e.reviewer = reviewer;
    e.updatedUtc = QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);
    e.detector = {QStringLiteral("anomalous"), 0.91, QStringLiteral("test")};
    r.record(e);
    return r;
}

bool waitForScan(WorklistPanel* p)
{
    return QTest::qWaitFor([p] { return !p->scanning(); }, 60000);
}

QStringList shownPaths(const WorklistPanel& p)
{
    QStringList out;
    for (int r = 0; r < p.filter()->rowCount(); ++r)
        out << p.filter()->index(r, WorklistModel::Recording).data().toString();
    return out;
}

int rowOfShown(const WorklistPanel& p, const QString& relative)
{
    return int(shownPaths(p).indexOf(QDir::toNativeSeparators(relative)));
}

} // namespace

class TestWorklist : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_ward;
    QString m_fallback;
    QString m_longName; ///< a header whose sidecar cannot be written beside it (name too long)

    std::unique_ptr<MainWindow> window()
    {
        auto w = std::make_unique<MainWindow>(std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
        w->reviewStore()->setFallbackDir(m_fallback);
        w->worklist()->setVerdictFile(m_dir.filePath(QStringLiteral("verdicts.json")));
        w->settings().autoAnalyse = false;
        w->show();
        return w;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // As the application does: English plural forms ("1 text file", "7 recordings").
        QCOMPARE(installTranslations(*qApp, QStringLiteral("en")), QString());
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"));
        ECGLENS_REQUIRE_DATA(QStringLiteral("mitdb/201.hea"));
        ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/100_3chan.hea"));
        m_ward = m_dir.filePath(QStringLiteral("ward"));
        m_fallback = m_dir.filePath(QStringLiteral("fallback"));
        const QString a = m_ward + QStringLiteral("/a"), b = m_ward + QStringLiteral("/b");
        for (const char* ext : {"hea", "dat"}) {
            const QString e = QLatin1String(ext);
            copyInto(QStringLiteral("mitdb/201.") + e, a);
            copyInto(QStringLiteral("ptbxl/records100/00000/00008_lr.") + e, b);
            copyInto(QStringLiteral("ptbxl/records100/00000/00009_lr.") + e, b);
            copyInto(QStringLiteral("ptbxl/records100/00000/00010_lr.") + e, b);
        }
        copyInto(QStringLiteral("formats/ecgtoolkit-Example.scp"), m_ward);
        writeFile(m_ward + QStringLiteral("/broken.edf"), "0       this is no EDF header");
        writeFile(m_ward + QStringLiteral("/rota.csv"), "name,ward\nDr A,3\n");
        // The header names its signal file, so it can be renamed; beside it no sidecar fits.
        m_longName = m_ward + QStringLiteral("/c/") + QString(240, QLatin1Char('h')) +
                     QStringLiteral(".hea");
        copyInto(QStringLiteral("wfdb-samples/100_3chan.hea"), m_ward + QStringLiteral("/c"),
                 QFileInfo(m_longName).fileName());
        copyInto(QStringLiteral("wfdb-samples/100_3chan.dat"), m_ward + QStringLiteral("/c"));

        // Reviews as the window writes them: 00008 abnormal (beside it), the long-named record
        // normal (in the fallback folder, found by SHA-256), 00009's damaged.
        const ReviewSave s1 = ReviewStore::saveNow(
            b + QStringLiteral("/00008_lr.hea"),
            decided(ReviewDecision::Abnormal, QStringLiteral("Dr A")), m_fallback);
        QVERIFY2(s1.error.isEmpty(), qPrintable(s1.error));
        ReviewRecord normal = decided(ReviewDecision::Normal, QStringLiteral("Dr B"));
        normal.sha256 = ReviewStore::loadNow(m_longName, m_fallback).sha256;
        const ReviewSave s2 = ReviewStore::saveNow(m_longName, normal, m_fallback);
        QVERIFY2(s2.error.isEmpty(), qPrintable(s2.error));
        QVERIFY2(s2.sidecarPath.startsWith(m_fallback), qPrintable(s2.sidecarPath));
        writeFile(b + QStringLiteral("/00009_lr.hea.ecglens-review.json"), "{ damaged");
    }

    void describesRecordingsFromTheirFiles()
    {
        const WorklistEntry ptb =
            describeRecording(test::dataPath(QStringLiteral("ptbxl/records100/00000/00001_lr.hea")),
                              test::dataPath(QStringLiteral("ptbxl")), m_fallback);
        QVERIFY2(ptb.readable(), qPrintable(ptb.error));
        QCOMPARE(ptb.relativePath, QStringLiteral("records100/00000/00001_lr.hea"));
        QCOMPARE(ptb.patientId, QStringLiteral("15709"));
        QCOMPARE(ptb.ageYears.value_or(-1), 56.0);
        QCOMPARE(ptb.sex, Sex::Female);
        QCOMPARE(ptb.leadCount, 12);
        QCOMPARE(ptb.durationS, 10.0);
        QCOMPARE(ptb.decision, ReviewDecision::NotReviewed);

        const WorklistEntry mit =
            describeRecording(m_ward + QStringLiteral("/a/201.hea"), m_ward, m_fallback);
        QVERIFY2(mit.readable(), qPrintable(mit.error));
        QCOMPARE(mit.ageYears.value_or(-1), 68.0);
        QCOMPARE(mit.sex, Sex::Male);
        QCOMPARE(mit.leadCount, 2);
        QVERIFY(qAbs(mit.durationS - 650000.0 / 360.0) < 1e-9);

        const WorklistEntry broken =
            describeRecording(m_ward + QStringLiteral("/broken.edf"), m_ward, m_fallback);
        QVERIFY(!broken.readable());
        QVERIFY2(broken.error.contains(QLatin1String("broken.edf")), qPrintable(broken.error));

        const WorklistEntry reviewed =
            describeRecording(m_ward + QStringLiteral("/b/00008_lr.hea"), m_ward, m_fallback);
        QCOMPARE(reviewed.decision, ReviewDecision::Abnormal);
        QCOMPARE(reviewed.reviewer, QStringLiteral("Dr A"));
        QCOMPARE(reviewed.reviewedUtc, QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC));
        QCOMPARE(reviewed.detectorAtReview.verdictClass, QStringLiteral("anomalous"));
        const WorklistEntry fromFallback = describeRecording(m_longName, m_ward, m_fallback);
        QCOMPARE(fromFallback.decision, ReviewDecision::Normal);
        QCOMPARE(fromFallback.reviewer, QStringLiteral("Dr B"));
        const WorklistEntry damaged =
            describeRecording(m_ward + QStringLiteral("/b/00009_lr.hea"), m_ward, m_fallback);
        QVERIFY(damaged.readable());
        QVERIFY2(damaged.reviewProblem.contains(QLatin1String("damaged")),
                 qPrintable(damaged.reviewProblem));
    }

    void listsTheFolderWithFilters()
    {
        WorklistPanel p;
        p.openFolder(m_ward, m_fallback);
        QVERIFY(waitForScan(&p));
        const QString longRel = QStringLiteral("c/") + QFileInfo(m_longName).fileName();
        QCOMPARE(shownPaths(p),
                 (QStringList{QStringLiteral("a/201.hea"), QStringLiteral("b/00008_lr.hea"),
                              QStringLiteral("b/00009_lr.hea"), QStringLiteral("b/00010_lr.hea"),
                              QStringLiteral("broken.edf"), QDir::toNativeSeparators(longRel),
                              QStringLiteral("ecgtoolkit-Example.scp")}));
        const QString sum = p.summary();
        QVERIFY2(sum.startsWith(QLatin1String("7 recordings: 4 not reviewed, 1 normal, "
                                              "1 abnormal, 1 cannot be read")),
                 qPrintable(sum));
        QVERIFY2(sum.contains(QLatin1String("1 text file in the folder did not read")),
                 qPrintable(sum)); // rota.csv
        const int decision = WorklistModel::Decision;
        QCOMPARE(p.filter()->index(1, decision).data().toString(), QStringLiteral("Abnormal ECG"));
        QCOMPARE(p.filter()->index(4, decision).data().toString(),
                 QStringLiteral("Cannot be read"));
        QVERIFY(p.filter()->index(2, decision).data().toString().endsWith(QChar(0x26A0)));
        QVERIFY(p.filter()
                    ->index(1, decision)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("The detector said Anomalous (91.0 %)")));
        QCOMPARE(p.filter()->index(0, WorklistModel::Duration).data().toString(),
                 QStringLiteral("0:30:06"));
        QCOMPARE(p.filter()->index(1, WorklistModel::Duration).data().toString(),
                 QStringLiteral("10 s"));

        const auto showing = [&](WorklistFilter::Show s) {
            p.showCombo()->setCurrentIndex(p.showCombo()->findData(int(s)));
            return shownPaths(p);
        };
        QCOMPARE(showing(WorklistFilter::NotReviewed),
                 (QStringList{QStringLiteral("a/201.hea"), QStringLiteral("b/00009_lr.hea"),
                              QStringLiteral("b/00010_lr.hea"),
                              QStringLiteral("ecgtoolkit-Example.scp")}));
        QCOMPARE(
            showing(WorklistFilter::Reviewed),
            (QStringList{QStringLiteral("b/00008_lr.hea"), QDir::toNativeSeparators(longRel)}));
        QCOMPARE(showing(WorklistFilter::NeedsAttention),
                 (QStringList{QStringLiteral("b/00009_lr.hea"), QStringLiteral("broken.edf")}));
        showing(WorklistFilter::All);
        p.searchEdit()->setText(QStringLiteral("_LR")); // case-insensitive
        QCOMPARE(shownPaths(p).size(), 3);
        // The SCP-ECG example's patient ID (read by hand from the file: "SBJ-123").
        p.searchEdit()->setText(QStringLiteral("sbj-1"));
        QCOMPARE(shownPaths(p), QStringList{QStringLiteral("ecgtoolkit-Example.scp")});
        // ... and its patient's name (section 1 tag 0 "Clark", as libbiosig reads it).
        p.searchEdit()->setText(QStringLiteral("clar"));
        QCOMPARE(shownPaths(p), QStringList{QStringLiteral("ecgtoolkit-Example.scp")});
        QCOMPARE(p.filter()->index(0, WorklistModel::PatientId).data().toString(),
                 QStringLiteral("SBJ-123 (Clark)"));
        p.searchEdit()->clear();

        // Sorting by age: numbers as numbers, unknown last (201: 68; 00008-10 from copies
        // without the PTB-XL index have none; the SCP example states its age).
        p.table()->sortByColumn(WorklistModel::Age, Qt::AscendingOrder);
        const QString first = p.filter()->index(0, WorklistModel::Age).data().toString();
        const QString last =
            p.filter()->index(p.filter()->rowCount() - 1, WorklistModel::Age).data().toString();
        QVERIFY(!first.isEmpty());
        QVERIFY(last.isEmpty());
    }

    void reviewInTheWindowUpdatesTheRowAndNextOpens()
    {
        auto w = window();
        w->openFolder(m_ward);
        WorklistPanel* p = w->worklist();
        QVERIFY(w->findChild<QDockWidget*>(QStringLiteral("worklistDock"))->isVisible());
        QVERIFY(waitForScan(p));
        QCOMPARE(p->model()->rowCount(), 7);

        // A double-click (the first click's press, then the double-click) opens the row's
        // recording; its row turns bold.
        QSignalSpy shown(w.get(), &MainWindow::recordingShown);
        QSignalSpy reviewRead(w.get(), &MainWindow::reviewLoaded);
        const int row = rowOfShown(*p, QStringLiteral("a/201.hea"));
        const QRect cell = p->table()->visualRect(p->filter()->index(row, 0));
        QTest::mouseClick(p->table()->viewport(), Qt::LeftButton, {},
                          QPoint(cell.left() + 10, cell.center().y()));
        QTest::mouseDClick(p->table()->viewport(), Qt::LeftButton, {},
                           QPoint(cell.left() + 10, cell.center().y()));
        QVERIFY(QTest::qWaitFor([&] { return reviewRead.count() > 0; }, 60000));
        QCOMPARE(w->currentPath(), m_ward + QStringLiteral("/a/201.hea"));
        QVERIFY(p->filter()->index(row, 0).data(Qt::FontRole).value<QFont>().bold());

        // Only what is not reviewed; the decision saved in the panel moves the row out of it.
        p->showCombo()->setCurrentIndex(p->showCombo()->findData(int(WorklistFilter::NotReviewed)));
        QCOMPARE(shownPaths(*p).size(), 4);
        QSignalSpy saved(w.get(), &MainWindow::reviewSaved);
        DecisionPanel* d = w->decisionPanel();
        d->decisionBox()->setCurrentIndex(d->decisionBox()->findData(QStringLiteral("normal")));
        QTest::keyClicks(d->reviewerEdit(), QStringLiteral("Dr C"));
        QVERIFY(QTest::qWaitFor([&] { return saved.count() > 0; }, 10000));
        QVERIFY(QTest::qWaitFor(
            [&] { return shownPaths(*p).indexOf(QStringLiteral("a/201.hea")) < 0; }, 5000));
        const int all = p->model()->rowOf(m_ward + QStringLiteral("/a/201.hea"));
        QCOMPARE(p->model()->entry(all).decision, ReviewDecision::Normal);
        QCOMPARE(p->model()->entry(all).reviewer, QStringLiteral("Dr C"));
        QVERIFY2(p->summary().contains(QLatin1String("3 not reviewed, 2 normal")),
                 qPrintable(p->summary()));

        // "Open next not reviewed" takes the row that followed 201, not the one after it.
        auto* next = w->findChild<QAction*>(QStringLiteral("nextNotReviewedAction"));
        QVERIFY(next);
        const auto openNext = [&] {
            reviewRead.clear();
            next->trigger();
            return QTest::qWaitFor([&] { return reviewRead.count() > 0; }, 60000);
        };
        QVERIFY(openNext());
        QCOMPARE(w->currentPath(), m_ward + QStringLiteral("/b/00009_lr.hea"));
        QVERIFY(openNext());
        QCOMPARE(w->currentPath(), m_ward + QStringLiteral("/b/00010_lr.hea"));
        QVERIFY(openNext());
        QCOMPARE(w->currentPath(), m_ward + QStringLiteral("/ecgtoolkit-Example.scp"));
        QVERIFY(openNext()); // wraps around
        QCOMPARE(w->currentPath(), m_ward + QStringLiteral("/b/00009_lr.hea"));

        // The trace shown again after a display-filter change keeps the user's place in the
        // list (recordingShown comes after each filter result).
        const QModelIndex elsewhere =
            p->filter()->index(rowOfShown(*p, QStringLiteral("ecgtoolkit-Example.scp")), 0);
        QVERIFY(elsewhere.isValid());
        p->table()->setCurrentIndex(elsewhere);
        emit w->recordingShown(w->currentPath());
        QCOMPARE(p->table()->currentIndex(), elsewhere);

        // Enter on a row opens it too.
        reviewRead.clear();
        p->table()->setFocus();
        p->table()->setCurrentIndex(
            p->filter()->index(rowOfShown(*p, QStringLiteral("b/00010_lr.hea")), 0));
        QTest::keyClick(p->table(), Qt::Key_Return);
        QVERIFY(QTest::qWaitFor([&] { return reviewRead.count() > 0; }, 60000));
        QCOMPARE(w->currentPath(), m_ward + QStringLiteral("/b/00010_lr.hea"));
    }

    /// "Run detector on the list" gives each short recording the verdict `ecglens-cli analyze`
    /// gives the same file (another process, same model); long and unreadable ones get none.
    void detectorOnTheListMatchesTheCli()
    {
        auto w = window();
        w->openFolder(m_ward);
        WorklistPanel* p = w->worklist();
        QVERIFY(waitForScan(p));
        auto* run = p->findChild<QToolButton*>(QStringLiteral("worklistRunDetector"));
        QVERIFY(run && run->isVisible());
        QSignalSpy done(p, &WorklistPanel::detectorFinished);
        run->click();
        QVERIFY(p->detectorRunning());
        QVERIFY(QTest::qWaitFor([&] { return done.count() > 0; }, 120000));
        QVERIFY(!p->detectorRunning());

        WorklistModel* m = p->model();
        for (const char* name : {"b/00008_lr.hea", "b/00009_lr.hea", "b/00010_lr.hea"}) {
            const QString path = m_ward + QLatin1Char('/') + QLatin1String(name);
            const QJsonObject cli =
                test::cliJson({QStringLiteral("analyze"), path, QStringLiteral("--json")});
            QVERIFY2(!cli.isEmpty(), name);
            const WorklistEntry& e = m->entry(m->rowOf(path));
            QCOMPARE(e.detectorClass, cli[QStringLiteral("class")].toString());
            QVERIFY2(qAbs(e.detectorProbability - cli[QStringLiteral("probability")].toDouble()) <
                         1e-6,
                     name);
            QCOMPARE(e.detectorModel,
                     cli[QStringLiteral("model")].toObject()[QStringLiteral("version")].toString());
        }
        // MIT-BIH 201 (30 min) is left for the window; the broken EDF is not tried again.
        const WorklistEntry& mit = m->entry(m->rowOf(m_ward + QStringLiteral("/a/201.hea")));
        QVERIFY(mit.detectorClass.isEmpty());
        QVERIFY2(mit.detectorNote.contains(QLatin1String("30 min long")),
                 qPrintable(mit.detectorNote));
        const WorklistEntry& broken = m->entry(m->rowOf(m_ward + QStringLiteral("/broken.edf")));
        QVERIFY(broken.detectorClass.isEmpty() && broken.detectorNote.isEmpty());
        QVERIFY2(p->summary().contains(QLatin1String("Detector: 5 analysed")),
                 qPrintable(p->summary()));

        // Sorted by the detector: anomalous first, the most probable first among them.
        p->table()->sortByColumn(WorklistModel::Detector, Qt::DescendingOrder);
        double highest = -1;
        for (int r = 0; r < m->rowCount(); ++r)
            highest = std::max(highest, m->entry(r).detectorProbability);
        const int top = p->filter()->mapToSource(p->filter()->index(0, 0)).row();
        QCOMPARE(m->entry(top).detectorProbability, highest);

        // A rescan keeps the verdicts, by recording content (and the patient details used),
        // without running the detector again; a recording whose signal file changed loses its
        // verdict. The test's own copy of 00010 gets 00011's samples.
        const QString b8 = m_ward + QStringLiteral("/b/00008_lr.hea");
        const QString b10 = m_ward + QStringLiteral("/b/00010_lr.hea");
        const double p8 = m->entry(m->rowOf(b8)).detectorProbability;
        const QString dat10 = m_ward + QStringLiteral("/b/00010_lr.dat");
        QVERIFY(QFile::remove(dat10));
        QVERIFY(QFile::copy(test::dataPath(QStringLiteral("ptbxl/records100/00000/00011_lr.dat")),
                            dat10));
        p->rescan();
        QVERIFY(waitForScan(p));
        QVERIFY(!w->jobs()->busy(JobKind::Triage));
        QVERIFY(!p->detectorRunning());
        QCOMPARE(m->entry(m->rowOf(b8)).detectorProbability, p8);
        QVERIFY(!m->entry(m->rowOf(b8)).detectorClass.isEmpty());
        QVERIFY(m->entry(m->rowOf(b10)).detectorClass.isEmpty());
        QVERIFY2(m->entry(m->rowOf(m_ward + QStringLiteral("/a/201.hea")))
                     .detectorNote.contains(QLatin1String("30 min long")),
                 "a note is kept too");
        // Copy the original back for the other tests.
        QVERIFY(QFile::remove(dat10));
        QVERIFY(QFile::copy(test::dataPath(QStringLiteral("ptbxl/records100/00000/00010_lr.dat")),
                            dat10));
    }

    /// Advice asking for a prompt review comes with the detector's verdict on the list: PTB-XL
    /// 01433 (ST elevation in V1-V4) gets the ST-elevation item, 00009 none, as `ecglens-cli
    /// analyze` lists prompt items for the same files. "Needs attention" shows 01433 until it
    /// is decided; the next listing shows the prompts kept with the verdict.
    void promptAdviceOnTheList()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/01000/01433_lr.hea"));
        const QString folder = m_dir.filePath(QStringLiteral("prompts"));
        for (const char* ext : {"hea", "dat"}) {
            const QString e = QLatin1String(ext);
            copyInto(QStringLiteral("ptbxl/records100/01000/01433_lr.") + e, folder);
            copyInto(QStringLiteral("ptbxl/records100/00000/00009_lr.") + e, folder);
        }
        auto w = window();
        w->worklist()->setVerdictFile(m_dir.filePath(QStringLiteral("prompts-verdicts.json")));
        w->openFolder(folder);
        WorklistPanel* p = w->worklist();
        QVERIFY(waitForScan(p));
        QSignalSpy done(p, &WorklistPanel::detectorFinished);
        p->runDetector();
        QVERIFY(QTest::qWaitFor([&] { return done.count() > 0; }, 120000));
        WorklistModel* m = p->model();
        for (const char* name : {"01433_lr.hea", "00009_lr.hea"}) {
            const QString path = folder + QLatin1Char('/') + QLatin1String(name);
            QStringList expected;
            for (const QJsonValue& item :
                 test::cliJson({QStringLiteral("analyze"), path, QStringLiteral("--json")})
                     .value(QStringLiteral("advice"))
                     .toArray())
                if (item[QStringLiteral("severity")].toString() == QLatin1String("prompt"))
                    expected << item[QStringLiteral("code")].toString();
            QCOMPARE(m->entry(m->rowOf(path)).detectorPrompts, expected);
        }
        const QString st = folder + QStringLiteral("/01433_lr.hea");
        QCOMPARE(m->entry(m->rowOf(st)).detectorPrompts,
                 QStringList{QStringLiteral("st-elevation")});
        QCOMPARE(m->index(m->rowOf(st), WorklistModel::Prompts).data().toString(),
                 QStringLiteral("ST elevation in contiguous leads"));
        QVERIFY2(p->summary().contains(QLatin1String(
                     "Detector: 2 analysed, 1 anomalous, 0 borderline; 1 with advice for a "
                     "prompt review.")),
                 qPrintable(p->summary()));
        QVERIFY(m->index(m->rowOf(folder + QStringLiteral("/00009_lr.hea")), WorklistModel::Prompts)
                    .data()
                    .toString()
                    .isEmpty());

        p->showCombo()->setCurrentIndex(
            p->showCombo()->findData(int(WorklistFilter::NeedsAttention)));
        QCOMPARE(shownPaths(*p), QStringList{QStringLiteral("01433_lr.hea")});
        p->updateReview(st, decided(ReviewDecision::Abnormal, QStringLiteral("Dr A")));
        QCOMPARE(shownPaths(*p), QStringList());

        p->rescan();
        QVERIFY(waitForScan(p));
        QVERIFY(!w->jobs()->busy(JobKind::Triage) && !p->detectorRunning());
        QCOMPARE(m->entry(m->rowOf(st)).detectorPrompts,
                 QStringList{QStringLiteral("st-elevation")});
        QCOMPARE(shownPaths(*p),
                 QStringList{QStringLiteral("01433_lr.hea")}); // not decided on disk
    }

    /// The verdicts are kept for the next session: a new window lists the folder with them,
    /// without running the detector; another model, a changed recording or a damaged verdict
    /// file shows none, nor does an entry without its prompts (as an older version rewrites
    /// it). The file is the user's alone and keyed by the model's identity as `ecglens-cli
    /// analyze` reports it, with the SHA-256 of the advice rules the prompts come from.
    void verdictsKeptForTheNextSession()
    {
        const QString file = m_dir.filePath(QStringLiteral("next-session/verdicts.json"));
        QHash<QString, QPair<QString, double>> first;
        {
            auto w = window();
            w->worklist()->setVerdictFile(file);
            w->openFolder(m_ward);
            WorklistPanel* p = w->worklist();
            QVERIFY(waitForScan(p));
            QSignalSpy done(p, &WorklistPanel::detectorFinished);
            p->runDetector();
            QVERIFY(QTest::qWaitFor([&] { return done.count() > 0; }, 120000));
            for (int r = 0; r < p->model()->rowCount(); ++r) {
                const WorklistEntry& e = p->model()->entry(r);
                if (!e.detectorClass.isEmpty())
                    first.insert(e.path, {e.detectorClass, e.detectorProbability});
            }
        }
        QCOMPARE(first.size(), 5);
        QVERIFY(QFile::exists(file));
        QCOMPARE(QFileInfo(file).permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                      QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject verdicts =
            QJsonDocument::fromJson(f.readAll()).object()[QStringLiteral("verdicts")].toObject();
        f.close();
        QCOMPARE(verdicts.size(), 5);
        const QString b8 = m_ward + QStringLiteral("/b/00008_lr.hea");
        const QJsonObject cli =
            test::cliJson({QStringLiteral("analyze"), b8, QStringLiteral("--json")});
        const QString modelSha =
            cli[QStringLiteral("model")].toObject()[QStringLiteral("sha256")].toString();
        QCOMPARE(modelSha.size(), 64);
        const QString rules = QString::fromLatin1(
            QCryptographicHash::hash(QByteArray::fromStdString(advice::builtinCatalogueJson()),
                                     QCryptographicHash::Sha256)
                .toHex());
        for (const QString& key : verdicts.keys()) {
            QVERIFY2(key.endsWith(QLatin1Char('|') + modelSha + QStringLiteral("+advice:") + rules),
                     qPrintable(key));
            QVERIFY(verdicts[key].toObject()[QStringLiteral("prompts")].isArray());
        }

        const auto listed = [&](QHash<QString, QPair<QString, double>>& shown) {
            auto w = window();
            w->worklist()->setVerdictFile(file);
            w->openFolder(m_ward);
            WorklistPanel* p = w->worklist();
            if (!waitForScan(p))
                return false;
            if (w->jobs()->busy(JobKind::Triage) || p->detectorRunning())
                return false;
            for (int r = 0; r < p->model()->rowCount(); ++r) {
                const WorklistEntry& e = p->model()->entry(r);
                if (!e.detectorClass.isEmpty())
                    shown.insert(e.path, {e.detectorClass, e.detectorProbability});
            }
            return true;
        };
        // The next session: the same verdicts, nothing run.
        QHash<QString, QPair<QString, double>> again;
        QVERIFY(listed(again));
        QCOMPARE(again, first);

        // An older version rewrote the file without the prompts: those verdicts are not shown
        // (a run of the detector analyses them again). The others still are.
        {
            QJsonObject rewritten = verdicts;
            const QString withoutPrompts = rewritten.keys().first();
            QJsonObject entry = rewritten[withoutPrompts].toObject();
            entry.remove(QStringLiteral("prompts"));
            rewritten[withoutPrompts] = entry;
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                              {QStringLiteral("verdicts"), rewritten}})
                        .toJson());
            f.close();
            QHash<QString, QPair<QString, double>> older;
            QVERIFY(listed(older));
            QCOMPARE(older.size(), 4);
        }

        // Another model (its manifest differs by one byte): none of them.
        QTemporaryDir models;
        const QString shipped = QString::fromStdString(ecglens::ml::defaultModelDir());
        QVERIFY(!shipped.isEmpty());
        for (const QString& name : QDir(shipped).entryList(QDir::Files))
            QVERIFY(QFile::copy(QDir(shipped).filePath(name), models.filePath(name)));
        QFile manifest(models.filePath(QStringLiteral("manifest.json")));
        QVERIFY(manifest.open(QIODevice::Append));
        manifest.write("\n");
        manifest.close();
        qputenv("ECGLENS_MODEL_DIR", QFile::encodeName(models.path()));
        QHash<QString, QPair<QString, double>> otherModel;
        const bool listedOther = listed(otherModel);
        qunsetenv("ECGLENS_MODEL_DIR");
        QVERIFY(listedOther);
        QVERIFY(otherModel.isEmpty());

        // A damaged verdict file: none, and the folder is listed as ever.
        QFile damaged(file);
        QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
        damaged.write("{ damaged");
        damaged.close();
        QHash<QString, QPair<QString, double>> fromDamaged;
        QVERIFY(listed(fromDamaged));
        QVERIFY(fromDamaged.isEmpty());
    }

    /// A site shares one verdict file between users and workstations (`[worklist]
    /// verdicts=PATH` in the settings): another user's window lists the folder with the first
    /// one's verdicts; the shared file keeps the permissions its folder gives new files, not the
    /// owner-only ones of a user's own file. `verdicts=off` keeps them for the session only.
    void siteSharesTheVerdictFile()
    {
        const QString shared = m_dir.filePath(QStringLiteral("site/ward-verdicts.json"));
        QVERIFY(QDir().mkpath(QFileInfo(shared).absolutePath()));
        const auto windowOf = [&](const QString& user, const QString& verdicts) {
            auto settings = std::make_unique<QSettings>(
                m_dir.filePath(user + QStringLiteral(".ini")), QSettings::IniFormat);
            settings->setValue(QStringLiteral("worklist/verdicts"), verdicts);
            settings->sync();
            auto w = std::make_unique<MainWindow>(std::move(settings));
            w->reviewStore()->setFallbackDir(m_fallback);
            w->settings().autoAnalyse = false;
            w->show();
            return w;
        };
        const auto shown = [](WorklistPanel* p) {
            QHash<QString, QString> out;
            for (int r = 0; r < p->model()->rowCount(); ++r)
                if (const WorklistEntry& e = p->model()->entry(r); !e.detectorClass.isEmpty())
                    out.insert(e.path, e.detectorClass);
            return out;
        };
        QHash<QString, QString> first;
        {
            auto w = windowOf(QStringLiteral("user-a"), shared);
            QCOMPARE(w->worklist()->verdictFile(), shared);
            w->openFolder(m_ward);
            QVERIFY(waitForScan(w->worklist()));
            QSignalSpy done(w->worklist(), &WorklistPanel::detectorFinished);
            w->worklist()->runDetector();
            QVERIFY(QTest::qWaitFor([&] { return done.count() > 0; }, 120000));
            first = shown(w->worklist());
        }
        QCOMPARE(first.size(), 5);
        QVERIFY(QFile::exists(shared));
        QFile probe(QFileInfo(shared).absolutePath() + QStringLiteral("/probe"));
        QVERIFY(probe.open(QIODevice::WriteOnly));
        probe.close();
        QCOMPARE(QFileInfo(shared).permissions(), probe.permissions());

        auto other = windowOf(QStringLiteral("user-b"), shared);
        other->openFolder(m_ward);
        QVERIFY(waitForScan(other->worklist()));
        QVERIFY(!other->worklist()->detectorRunning());
        QCOMPARE(shown(other->worklist()), first);

        auto off = windowOf(QStringLiteral("user-c"), QStringLiteral("off"));
        QVERIFY(off->worklist()->verdictFile().isEmpty());
        off->openFolder(m_ward);
        QVERIFY(waitForScan(off->worklist()));
        QVERIFY(shown(off->worklist()).isEmpty());
    }

    /// The verdict file takes verdicts from two windows at once, each inserting on two threads
    /// and saving every few verdicts while a third thread looks verdicts up: every verdict is
    /// in the file afterwards, as inserted, and none is left unsaved. (Without the lock file
    /// around a save's read-merge-write, one window wrote over what the other had just saved.)
    void verdictFileTakesConcurrentSaves()
    {
        const QString file = m_dir.filePath(QStringLiteral("concurrent/verdicts.json"));
        const QString model(64, QLatin1Char('a'));
        constexpr int kWriters = 4;
        constexpr int kPerWriter = 300;
        const auto keyOf = [&](int writer, int i) {
            const QByteArray sha =
                QCryptographicHash::hash(QByteArray::number(writer * kPerWriter + i),
                                         QCryptographicHash::Sha256)
                    .toHex();
            return VerdictCache::key(QString::fromLatin1(sha), 18.0 + i % 80, QStringLiteral("F"),
                                     model);
        };
        const auto verdictOf = [](int writer, int i) {
            static const char* const classes[] = {"normal", "borderline", "anomalous"};
            return CachedVerdict{QLatin1String(classes[(writer + i) % 3]),
                                 (i + 0.5) / kPerWriter,
                                 QStringLiteral("test"),
                                 {},
                                 i % 5 ? QStringList{}
                                       : QStringList{QStringLiteral("st-elevation")}};
        };
        VerdictCache windows[2] = {VerdictCache(file), VerdictCache(file)};
        std::atomic<bool> writing{true};
        std::atomic<int> failedSaves{0};
        std::vector<std::unique_ptr<QThread>> threads;
        for (int w = 0; w < kWriters; ++w)
            threads.emplace_back(QThread::create([&, w] {
                VerdictCache& cache = windows[w % 2];
                for (int i = 0; i < kPerWriter; ++i) {
                    cache.insert(keyOf(w, i), verdictOf(w, i));
                    if (i % 37 == 0)
                        failedSaves += !cache.save().isEmpty();
                }
            }));
        std::unique_ptr<QThread> reader(QThread::create([&] {
            while (writing)
                for (int i = 0; i < kPerWriter; i += 7)
                    (void)windows[1].find(keyOf(1, i));
        }));
        reader->start();
        for (auto& t : threads)
            t->start();
        for (auto& t : threads)
            QVERIFY(t->wait(120000));
        writing = false;
        QVERIFY(reader->wait(10000));
        QCOMPARE(failedSaves.load(), 0);
        for (VerdictCache& cache : windows) {
            QVERIFY(cache.save().isEmpty());
            QCOMPARE(cache.unsaved(), 0);
        }
        VerdictCache next(file);
        int missing = 0;
        for (int w = 0; w < kWriters; ++w)
            for (int i = 0; i < kPerWriter; ++i) {
                const auto v = next.find(keyOf(w, i));
                missing += !v;
                if (v) {
                    const CachedVerdict expected = verdictOf(w, i);
                    QCOMPARE(v->verdictClass, expected.verdictClass);
                    QCOMPARE(v->probability, expected.probability);
                    QCOMPARE(v->prompts, expected.prompts);
                }
            }
        QCOMPARE(missing, 0);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll())
                     .object()[QStringLiteral("verdicts")]
                     .toObject()
                     .size(),
                 kWriters * kPerWriter);
    }

    /// The first lookup reads the verdict file; on a slow share that read may take a while,
    /// and the window's insert() of a verdict it just computed must not wait for it. A FIFO as
    /// the verdict file holds the read open until the test writes the file's bytes into it:
    /// the insert returns meanwhile, and afterwards both the file's verdict and the inserted
    /// one are found.
    void firstLookupDoesNotHoldUpInserts()
    {
        const QString model(64, QLatin1Char('b'));
        const QString keyA =
            VerdictCache::key(QString(64, QLatin1Char('1')), 50.0, QStringLiteral("M"), model);
        const QString keyB =
            VerdictCache::key(QString(64, QLatin1Char('2')), 50.0, QStringLiteral("M"), model);
        const QString regular = m_dir.filePath(QStringLiteral("slow/verdicts.json"));
        {
            VerdictCache writer(regular);
            writer.insert(keyA, {QStringLiteral("anomalous"), 0.91, QStringLiteral("v1"), {}, {}});
            QVERIFY(writer.save().isEmpty());
        }
        QFile r(regular);
        QVERIFY(r.open(QIODevice::ReadOnly));
        const QByteArray bytes = r.readAll();
        const QString fifo = m_dir.filePath(QStringLiteral("slow/fifo.json"));
        QVERIFY2(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0, strerror(errno));
        VerdictCache cache(fifo);
        std::optional<CachedVerdict> foundA;
        std::unique_ptr<QThread> lookup(QThread::create([&] { foundA = cache.find(keyA); }));
        lookup->start();
        QTest::qWait(200); // the lookup is now waiting in the read
        std::unique_ptr<QThread> inserting(QThread::create([&] {
            cache.insert(keyB, {QStringLiteral("normal"), 0.02, QStringLiteral("v1"), {}, {}});
        }));
        inserting->start();
        const bool insertReturned = inserting->wait(5000);
        QVERIFY(!lookup->isFinished()); // still reading: the FIFO has no writer yet
        // Let the read finish (also when the insert hung, so that the test ends).
        QFile w(fifo);
        QVERIFY(w.open(QIODevice::WriteOnly));
        QCOMPARE(w.write(bytes), bytes.size());
        w.close();
        QVERIFY(lookup->wait(10000));
        QVERIFY(inserting->wait(10000));
        QVERIFY2(insertReturned, "insert() waited for the first lookup's read of the file");
        QVERIFY(foundA);
        QCOMPARE(foundA->verdictClass, QStringLiteral("anomalous"));
        const auto foundB = cache.find(keyB);
        QVERIFY(foundB);
        QCOMPARE(foundB->verdictClass, QStringLiteral("normal"));
        QCOMPARE(cache.unsaved(), 1);
    }

    /// "This patient": the ECGs of the shown recording's patient, for serial review. Expected:
    /// the records of patient 13619 in ptbxl_database.csv whose files are in records100/00000.
    void samePatientShowsThePatientsEcgs()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/ptbxl_database.csv"));
        QFile csv(test::dataPath(QStringLiteral("ptbxl/ptbxl_database.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString folder = test::dataPath(QStringLiteral("ptbxl/records100/00000"));
        QStringList expected;
        csv.readLine(); // header: ecg_id,patient_id,...
        while (!csv.atEnd()) {
            const QList<QByteArray> cells = csv.readLine().split(',');
            if (cells.size() > 2 && cells[1] == "13619.0") {
                const QString name =
                    QStringLiteral("%1_lr.hea").arg(cells[0].toInt(), 5, 10, QLatin1Char('0'));
                if (QFile::exists(folder + QLatin1Char('/') + name))
                    expected << name;
            }
        }
        QVERIFY2(expected.size() >= 2, "patient 13619 should have several ECGs in the folder");
        expected.sort();

        auto w = window();
        w->openFolder(folder);
        WorklistPanel* p = w->worklist();
        QVERIFY(waitForScan(p));
        QVERIFY(!p->samePatientButton()->isEnabled()); // nothing shown yet
        QSignalSpy read(w.get(), &MainWindow::reviewLoaded);
        w->openPath(folder + QLatin1Char('/') + expected.first());
        QVERIFY(QTest::qWaitFor([&] { return read.count() > 0; }, 60000));
        QVERIFY(p->samePatientButton()->isEnabled());
        QVERIFY2(p->summary().contains(
                     QStringLiteral("Patient 13619: %1 ECGs in the list.").arg(expected.size())),
                 qPrintable(p->summary()));
        p->samePatientButton()->click();
        QCOMPARE(shownPaths(*p), expected);
        p->samePatientButton()->click();
        QCOMPARE(p->filter()->rowCount(), p->model()->rowCount());
    }

    void folderRememberedLatestWinsAndStop()
    {
        {
            auto w = window();
            w->openFolder(test::dataPath(QStringLiteral("ptbxl")));
            w->openFolder(m_ward); // before the first listing is in: only the ward is listed
            QVERIFY(waitForScan(w->worklist()));
            QCOMPARE(w->worklist()->model()->rowCount(), 7);
        }
        // The next start lists the same folder again.
        auto w = window();
        QCOMPARE(w->worklist()->folder(), QDir::cleanPath(m_ward));
        QVERIFY(waitForScan(w->worklist()));
        QCOMPARE(w->worklist()->model()->rowCount(), 7);

        // Stop: nothing more arrives after it, and the summary says the list is partial.
        w->openFolder(test::dataPath(QStringLiteral("ptbxl")));
        w->worklist()->cancelScan();
        w->worklist()->waitForScan();
        QTest::qWait(50);
        QCOMPARE(w->worklist()->model()->rowCount(), 0);
        QVERIFY2(w->worklist()->summary().contains(QLatin1String("Listing stopped")),
                 qPrintable(w->worklist()->summary()));
    }

    /// `ecglens-cli worklist` lists what the window lists, with the same review state, and
    /// filters as the window does.
    void cliListsWhatTheWindowLists()
    {
        WorklistPanel p;
        p.openFolder(m_ward, m_fallback);
        QVERIFY(waitForScan(&p));
        const QJsonObject all =
            test::cliJson({QStringLiteral("worklist"), m_ward, QStringLiteral("--reviews"),
                           m_fallback, QStringLiteral("--json")});
        const QJsonArray rows = all[QStringLiteral("recordings")].toArray();
        QCOMPARE(rows.size(), p.model()->rowCount());
        for (const QJsonValue& v : rows) {
            const QJsonObject r = v.toObject();
            const int row = p.model()->rowOf(r[QStringLiteral("path")].toString());
            QVERIFY2(row >= 0, qPrintable(r[QStringLiteral("path")].toString()));
            const WorklistEntry& e = p.model()->entry(row);
            QCOMPARE(r[QStringLiteral("file")].toString(), e.relativePath);
            QCOMPARE(r.contains(QStringLiteral("error")), !e.readable());
            if (!e.readable())
                continue;
            QCOMPARE(r[QStringLiteral("decision")].toString(), decisionKey(e.decision));
            QCOMPARE(r[QStringLiteral("reviewer")].toString(), e.reviewer);
            QCOMPARE(r[QStringLiteral("leads")].toInt(), e.leadCount);
            QCOMPARE(r[QStringLiteral("age_years")].toDouble(-1), e.ageYears.value_or(-1));
        }
        const QJsonObject counts = all[QStringLiteral("counts")].toObject();
        QCOMPARE(counts[QStringLiteral("listed")].toInt(), 7);
        QCOMPARE(counts[QStringLiteral("unreadable")].toInt(), 1);
        QCOMPARE(counts[QStringLiteral("skipped_text_files")].toInt(), 1); // rota.csv

        for (const auto& [option, show] :
             {std::pair{"not-reviewed", WorklistFilter::NotReviewed},
              std::pair{"reviewed", WorklistFilter::Reviewed},
              std::pair{"attention", WorklistFilter::NeedsAttention}}) {
            p.showCombo()->setCurrentIndex(p.showCombo()->findData(int(show)));
            QStringList cli;
            for (const QJsonValue& v :
                 test::cliJson({QStringLiteral("worklist"), m_ward, QStringLiteral("--reviews"),
                                m_fallback, QStringLiteral("--show"), QLatin1String(option),
                                QStringLiteral("--json")})[QStringLiteral("recordings")]
                     .toArray())
                cli << QDir::toNativeSeparators(v.toObject()[QStringLiteral("file")].toString());
            QCOMPARE(cli, shownPaths(p));
        }
    }
};

QTEST_MAIN(TestWorklist)
#include "tst_worklist.moc"
