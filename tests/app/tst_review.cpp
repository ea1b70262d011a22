// The clinician's review: sidecar format (versioned JSON), auto-save beside the recording with
// QSaveFile, the fallback folder when the recording's folder cannot take it, damaged and newer
// sidecars, and that the recording itself is never modified. Through the real window, offscreen.

#include "advice_panel.h"
#include "analysis_controller.h"
#include "decision_panel.h"
#include "ecg_plot.h"
#include "ecg_viewer.h"
#include "explanation_panel.h"
#include "io/open.h"
#include "main_window.h"
#include "patient_panel.h"
#include "report.h"
#include "report_export.h"
#include "review_store.h"
#include "test_data.h"
#include "test_window.h"
#include "view/signal_view.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputMethodEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLockFile>
#include <QPlainTextEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <thread>

using namespace ecglens;

namespace {

QByteArray sha256Of(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

/// SHA-256 of the files one after the other, by another implementation: `cat … | sha256sum`.
QByteArray catSha256(const QStringList& files)
{
    QProcess p;
    p.start(QStringLiteral("/bin/sh"),
            QStringList{QStringLiteral("-c"), QStringLiteral("cat -- \"$@\" | sha256sum"),
                        QStringLiteral("sh")} +
                files);
    p.waitForFinished(30000);
    return p.readAllStandardOutput().left(64);
}

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

class TestReview : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    std::unique_ptr<MainWindow> window() { return test::makeWindow(QDir(m_dir.path())); }

    /// Opens `path` and waits for its review to be read; returns the outcome.
    static ReviewLoad openAndReadReview(MainWindow& w, const QString& path)
    {
        QSignalSpy loaded(&w, &MainWindow::reviewLoaded);
        QSignalSpy failed(&w, &MainWindow::loadFailed);
        w.openPath(path);
        if (!QTest::qWaitFor([&] { return loaded.count() + failed.count() > 0; }, 60000))
            qWarning("timed out opening %s", qPrintable(path));
        return loaded.isEmpty() ? ReviewLoad{} : loaded.first().first().value<ReviewLoad>();
    }

    /// Makes an edit through the panel as a user would and waits for the auto-save.
    static ReviewSave editAndWaitForSave(MainWindow& w, const std::function<void()>& edit,
                                         int timeoutMs = 10000)
    {
        QSignalSpy saved(&w, &MainWindow::reviewSaved);
        edit();
        if (!QTest::qWaitFor([&] { return saved.count() > 0; }, timeoutMs))
            qWarning("no auto-save");
        return saved.isEmpty() ? ReviewSave{} : saved.first().first().value<ReviewSave>();
    }

    /// Copies a WFDB record (.hea + .dat) of the data folder into `dir`; returns the .hea path.
    static QString copyRecord(const QString& relativeHea, const QString& dir)
    {
        const QString hea = test::dataPath(relativeHea);
        QString dat = hea;
        dat.replace(QLatin1String(".hea"), QLatin1String(".dat"));
        const QString toHea = QDir(dir).filePath(QFileInfo(hea).fileName());
        QFile::copy(hea, toHea);
        QFile::copy(dat, QDir(dir).filePath(QFileInfo(dat).fileName()));
        return toHea;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qRegisterMetaType<ReviewLoad>();
        qRegisterMetaType<ReviewSave>();
    }

    /// A caliper measurement on a lead drawn computed (mixedsignals' aVF, from its II and III)
    /// is recorded under that lead's name, marked computed (the review file's lead_computed,
    /// "lead aVF (computed)" in the list and the report), and a double click puts the calipers
    /// back on it.
    void caliperOnAComputedLead()
    {
        const QString rel = QStringLiteral("wfdb-samples/mixedsignals.hea");
        ECGLENS_REQUIRE_DATA(rel);
        const QString dir = m_dir.filePath(QStringLiteral("computed"));
        QVERIFY(QDir().mkpath(dir));
        const QFileInfo source(test::dataPath(rel));
        for (const QFileInfo& f : source.dir().entryInfoList({QStringLiteral("mixedsignals*")}))
            QVERIFY(QFile::copy(f.filePath(), QDir(dir).filePath(f.fileName())));
        const QString hea = QDir(dir).filePath(source.fileName());
        auto w = window();
        w->settings().autoAnalyse = false;
        QVERIFY(openAndReadReview(*w, hea).error.isEmpty());
        const Recording& drawn = w->viewer()->plot()->signalView()->recording();
        const int avf = drawn.leadIndex("aVF");
        QVERIFY(avf >= int(w->recording()->leads.size())); // computed, after the recorded ones
        QVERIFY(drawn.leads[std::size_t(avf)].computed);
        DecisionPanel* p = w->decisionPanel();
        QTest::keyClicks(p->reviewerEdit(), QStringLiteral("Dr Caliper"));
        w->viewer()->plot()->setCalipers(10.0, 10.8, avf);
        const ReviewSave s =
            editAndWaitForSave(*w, [&] { p->recordButton(QStringLiteral("rr"))->click(); });
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(p->manual().size(), 1);
        QCOMPARE(p->manual().front().lead, QStringLiteral("aVF"));
        // ... marked computed, in the review file and in the text the list and report show.
        QVERIFY(p->manual().front().leadComputed);
        QVERIFY2(p->manualList()->item(0)->text().contains(QStringLiteral("lead aVF (computed), ")),
                 qPrintable(p->manualList()->item(0)->text()));
        const QJsonObject rr =
            readJson(s.sidecarPath)[QStringLiteral("manual_measurements")][0].toObject();
        QCOMPARE(rr[QStringLiteral("lead")].toString(), QStringLiteral("aVF"));
        QCOMPARE(rr[QStringLiteral("lead_computed")].toBool(), true);
        w->viewer()->plot()->setCalipers(1.0, 1.2, 0);
        emit p->manualList()->itemActivated(p->manualList()->item(0));
        const CaliperReading back = w->viewer()->plot()->caliperReading();
        QCOMPARE(back.lead, avf);
        QVERIFY(std::abs(back.aS - 10.0) < 1e-9);
    }

    void recordJsonRoundTripAndHistory()
    {
        ReviewRecord r;
        r.recordingFile = QStringLiteral("x.hea");
        r.sha256 = QStringLiteral("ab12");
        r.bytes = 594;
        r.patientName = QStringLiteral("M\u00fcller, Hans");
        r.patientAgeYears = 61;
        r.patientSex = Sex::Female;
        DecisionEntry e;
        e.decision = ReviewDecision::Abnormal;
        e.reviewer = QStringLiteral("Dr A");
        e.note = QStringLiteral("ST depression V4–V6");
        e.updatedUtc = QDateTime(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC);
        e.detector = {QStringLiteral("anomalous"), 0.93, QStringLiteral("v1")};
        r.record(e);
        QVERIFY(r.history.isEmpty()); // nothing before: no history entry
        e.note = QStringLiteral("ST depression V4–V6, compare with 2025");
        r.record(e);
        QVERIFY(r.history.isEmpty()); // a note edit is not a new decision
        e.decision = ReviewDecision::Uncertain;
        r.record(e);
        QCOMPARE(r.history.size(), 1);
        QCOMPARE(r.history.first().decision, ReviewDecision::Abnormal);

        QString error;
        const auto back = ReviewRecord::fromJson(r.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->current.decision, ReviewDecision::Uncertain);
        QCOMPARE(back->current.note, e.note);
        QCOMPARE(back->current.reviewer, e.reviewer);
        QCOMPARE(back->current.updatedUtc, e.updatedUtc);
        QCOMPARE(back->current.detector, e.detector);
        QCOMPARE(back->history.size(), 1);
        QCOMPARE(back->history.first().decision, ReviewDecision::Abnormal);
        QCOMPARE(back->patientAgeYears.value_or(-1), 61.0);
        QCOMPARE(back->patientSex, Sex::Female);
        QCOMPARE(back->patientName, r.patientName);
        QCOMPARE(back->sha256, r.sha256);
        QCOMPARE(back->bytes, r.bytes);

        // A decision saved before its reviewer typed a name, then named: one decision, not an
        // unnamed earlier one; another reviewer's is an earlier decision.
        ReviewRecord unnamed;
        unnamed.record({ReviewDecision::Normal, QString(), QString(), e.updatedUtc, {}});
        unnamed.record(
            {ReviewDecision::Normal, QStringLiteral("Dr B"), QString(), e.updatedUtc, {}});
        QVERIFY(unnamed.history.isEmpty());
        unnamed.record(
            {ReviewDecision::Normal, QStringLiteral("Dr C"), QString(), e.updatedUtc, {}});
        QCOMPARE(unnamed.history.size(), 1);
        QCOMPARE(unnamed.history.first().reviewer, QStringLiteral("Dr B"));
        QCOMPARE(r.toJson()[QStringLiteral("schema_version")].toInt(), 1);
    }

    /// A review changed in two places at once (two windows, or two workstations on a shared
    /// folder) is merged, case by case as mergeReviews documents it: decisions both sides made
    /// are all kept in time order, the latest current, and both sides come to the same current
    /// one; a side that left the decision alone takes the other's; patient details and each
    /// caliper measurement are mine where I changed them (a removal too), else theirs.
    void mergeKeepsWhatEitherSideRecorded()
    {
        const auto at = [](int minute) {
            return QDateTime(QDate(2026, 12, 5), QTime(9, minute), Qt::UTC);
        };
        const auto entry = [&](ReviewDecision d, const QString& who, int minute) {
            DecisionEntry e;
            e.decision = d;
            e.reviewer = who;
            e.note = who + QStringLiteral(" at ") + QString::number(minute);
            e.updatedUtc = at(minute);
            return e;
        };
        const auto caliper = [&](const QString& q, double ms, int minute) {
            ManualMeasurement m;
            m.quantity = q;
            m.valueMs = ms;
            m.lead = QStringLiteral("II");
            m.fromS = 1.0;
            m.toS = 1.0 + ms / 1000.0;
            m.reviewer = QStringLiteral("Dr A");
            m.measuredUtc = at(minute);
            return m;
        };
        ReviewRecord base;
        base.recordingFile = QStringLiteral("r.hea");
        base.sha256 = QStringLiteral("ab12");
        base.record(entry(ReviewDecision::Abnormal, QStringLiteral("Dr A"), 0));
        base.setManual(caliper(QStringLiteral("qt"), 400, 0));
        base.setManual(caliper(QStringLiteral("pr"), 180, 0));

        // Both decided: all three decisions kept, the latest (Dr B's at 9:02) current, whichever
        // side merges.
        ReviewRecord mine = base, theirs = base;
        mine.record(entry(ReviewDecision::Normal, QStringLiteral("Dr B"), 2));
        theirs.record(entry(ReviewDecision::Uncertain, QStringLiteral("Dr C"), 1));
        for (const ReviewRecord& m :
             {mergeReviews(base, mine, theirs), mergeReviews(base, theirs, mine)}) {
            QCOMPARE(m.current.reviewer, QStringLiteral("Dr B"));
            QCOMPARE(m.current.decision, ReviewDecision::Normal);
            QCOMPARE(m.history.size(), 2);
            QCOMPARE(m.history[0].reviewer, QStringLiteral("Dr A"));
            QCOMPARE(m.history[1].reviewer, QStringLiteral("Dr C"));
            QCOMPARE(m.history[1].note, QStringLiteral("Dr C at 1"));
        }

        // Mine only typed in the age; theirs decided and changed the note: theirs' decision,
        // my age.
        mine = base;
        mine.patientAgeYears = 54;
        theirs = base;
        DecisionEntry noted = base.current;
        noted.note = QStringLiteral("Q waves III, aVF");
        noted.updatedUtc = at(3);
        theirs.record(noted);
        theirs.record(entry(ReviewDecision::Uncertain, QStringLiteral("Dr C"), 4));
        ReviewRecord m = mergeReviews(base, mine, theirs);
        QCOMPARE(m.current.reviewer, QStringLiteral("Dr C"));
        QCOMPARE(m.history.size(), 1);
        QCOMPARE(m.history[0].note, QStringLiteral("Q waves III, aVF"));
        QCOMPARE(m.patientAgeYears.value_or(-1), 54.0);
        // ... and the other way round: theirs typed the age, mine decided.
        m = mergeReviews(base, theirs, mine);
        QCOMPARE(m.current.reviewer, QStringLiteral("Dr C"));
        QCOMPARE(m.patientAgeYears.value_or(-1), 54.0);

        // Calipers: I removed the QT and measured an RR; they measured a QRS and changed the PR,
        // which I left alone: RR (mine), PR and QRS (theirs), no QT.
        mine = base;
        mine.removeManual(QStringLiteral("qt"));
        mine.setManual(caliper(QStringLiteral("rr"), 820, 5));
        theirs = base;
        theirs.setManual(caliper(QStringLiteral("qrs"), 96, 5));
        theirs.setManual(caliper(QStringLiteral("pr"), 210, 5));
        m = mergeReviews(base, mine, theirs);
        QStringList quantities;
        for (const ManualMeasurement& c : m.manual)
            quantities << QStringLiteral("%1 %2").arg(c.quantity).arg(c.valueMs);
        QCOMPARE(quantities, (QStringList{QStringLiteral("rr 820"), QStringLiteral("pr 210"),
                                          QStringLiteral("qrs 96")}));
        // Both changed the same measurement: the one being saved is kept (it is a value, not a
        // history).
        theirs.setManual(caliper(QStringLiteral("rr"), 790, 6));
        QCOMPARE(mergeReviews(base, mine, theirs).manualOf(QStringLiteral("rr"))->valueMs, 820.0);

        // Nothing changed on my side: theirs, whole; on neither: the base.
        QCOMPARE(mergeReviews(base, base, theirs), theirs.stored());
        QCOMPARE(mergeReviews(base, base, base), base.stored());
        // A record compared with its stored form: times to the second, as the sidecar has them.
        ReviewRecord fine = base;
        fine.current.updatedUtc = fine.current.updatedUtc.addMSecs(250);
        QVERIFY(fine != base);
        QCOMPARE(fine.stored(), base.stored());
    }

    /// Two programs saving one review over and over at once (a shared folder): every decision
    /// either recorded is in the file at the end. Each save reads, merges and writes under the
    /// lock file; without the merge each save overwrote the other's decisions, and without the
    /// lock a save landing between another's read and write does.
    void concurrentSavesLoseNoDecision()
    {
        const QString dir = m_dir.filePath(QStringLiteral("concurrent"));
        QVERIFY(QDir().mkpath(dir));
        const QString rec = QDir(dir).filePath(QStringLiteral("r.csv"));
        {
            QFile f(rec);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("time,I\n0,0.1\n0.002,0.2\n");
        }
        const QString fallback = QDir(dir).filePath(QStringLiteral("fallback"));
        constexpr int kSaves = 40;
        const auto writer = [&](const QString& who, QStringList* errors) {
            ReviewRecord shown;
            std::optional<ReviewRecord> ownLast;
            for (int i = 0; i < kSaves; ++i) {
                ReviewRecord mine = shown;
                mine.recordingFile = QStringLiteral("r.csv");
                DecisionEntry e;
                e.decision = i % 2 ? ReviewDecision::Normal : ReviewDecision::Abnormal;
                e.reviewer = who;
                e.note = QStringLiteral("%1 #%2").arg(who).arg(i);
                e.updatedUtc = QDateTime::currentDateTimeUtc();
                mine.record(e);
                const ReviewSave s =
                    ReviewStore::saveNow(rec, mine, fallback, ReviewBase{shown, ownLast});
                if (!s.error.isEmpty())
                    *errors << s.error;
                shown = s.record;
                ownLast = s.record;
            }
        };
        QStringList errorsA, errorsB;
        std::thread a(writer, QStringLiteral("Dr A"), &errorsA);
        std::thread b(writer, QStringLiteral("Dr B"), &errorsB);
        a.join();
        b.join();
        QVERIFY2(errorsA.isEmpty() && errorsB.isEmpty(),
                 qPrintable((errorsA + errorsB).join(QLatin1Char('\n'))));
        const ReviewLoad load = ReviewStore::loadNow(rec, fallback);
        QVERIFY(load.found);
        QSet<QString> notes;
        for (const DecisionEntry& e :
             load.record.history + QList<DecisionEntry>{load.record.current})
            notes.insert(e.note);
        for (const QString& who : {QStringLiteral("Dr A"), QStringLiteral("Dr B")})
            for (int i = 0; i < kSaves; ++i)
                QVERIFY2(notes.contains(QStringLiteral("%1 #%2").arg(who).arg(i)),
                         qPrintable(QStringLiteral("%1 #%2 lost").arg(who).arg(i)));
        QVERIFY(!QFile::exists(ReviewStore::sidecarNextTo(rec) + QStringLiteral(".lock")));
    }

    /// A save that cannot take the lock (another program holds it for longer than 10 s) writes
    /// nothing and says so; the entries stay in the window and are saved with the next change.
    void heldLockKeepsTheEntries()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"));
        const QString dir = m_dir.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(dir));
        const QString hea = copyRecord(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"), dir);
        const QString sidecar = ReviewStore::sidecarNextTo(hea);
        auto w = window();
        openAndReadReview(*w, hea);
        DecisionPanel* p = w->decisionPanel();
        auto held = std::make_unique<QLockFile>(sidecar + QStringLiteral(".lock"));
        QVERIFY(held->tryLock(0));
        const ReviewSave refused = editAndWaitForSave(
            *w,
            [&] {
                p->decisionBox()->setCurrentIndex(
                    p->decisionBox()->findData(QStringLiteral("abnormal")));
            },
            30000);
        QVERIFY2(refused.error.contains(QLatin1String("being saved by another program")),
                 qPrintable(refused.error));
        QVERIFY(!QFile::exists(sidecar));
        QVERIFY(p->statusLabel()->text().startsWith(QLatin1String("NOT SAVED")));
        held.reset(); // released
        const ReviewSave saved = editAndWaitForSave(
            *w, [&] { p->noteEdit()->setPlainText(QStringLiteral("after the lock")); });
        QVERIFY2(saved.error.isEmpty(), qPrintable(saved.error));
        const QJsonObject d = readJson(sidecar)[QStringLiteral("decision")].toObject();
        QCOMPARE(d[QStringLiteral("decision")].toString(), QStringLiteral("abnormal"));
        QCOMPARE(d[QStringLiteral("note")].toString(), QStringLiteral("after the lock"));
    }

    /// A re-read that arrives while this window's save is still on its way (here held up by
    /// another program's lock) shows the file as it was before that save: it must not replace
    /// what the clinician just entered. The window ignores it; the save then lands, merged
    /// with what another workstation wrote before, and the entry is on screen and in the file.
    void rereadDuringASaveKeepsTheEntries()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"));
        const QString dir = m_dir.filePath(QStringLiteral("reread-in-flight"));
        QVERIFY(QDir().mkpath(dir));
        const QString hea = copyRecord(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"), dir);
        const QString sidecar = ReviewStore::sidecarNextTo(hea);
        auto w = window();
        const ReviewLoad opened = openAndReadReview(*w, hea);
        QVERIFY(!opened.found);
        // Another workstation saves a decision; then a program holds the lock.
        ReviewLoad elsewhere;
        elsewhere.recordingPath = hea;
        elsewhere.sha256 = opened.sha256;
        elsewhere.found = true;
        elsewhere.record.sha256 = opened.sha256;
        elsewhere.record.record({ReviewDecision::Abnormal,
                                 QStringLiteral("Dr Elsewhere"),
                                 QString(),
                                 QDateTime::currentDateTimeUtc(),
                                 {}});
        const ReviewSave other =
            ReviewStore::saveNow(hea, elsewhere.record, QDir(dir).filePath(QStringLiteral("fb")),
                                 ReviewBase{ReviewRecord(), std::nullopt});
        QVERIFY2(other.error.isEmpty(), qPrintable(other.error));
        elsewhere.sidecarPath = other.sidecarPath;
        elsewhere.record = other.record;
        auto held = std::make_unique<QLockFile>(sidecar + QStringLiteral(".lock"));
        QVERIFY(held->tryLock(0));
        // The clinician decides; the save starts and waits for the lock.
        DecisionPanel* p = w->decisionPanel();
        QSignalSpy saved(w.get(), &MainWindow::reviewSaved);
        p->reviewerEdit()->setText(QStringLiteral("Dr Here"));
        p->decisionBox()->setCurrentIndex(p->decisionBox()->findData(QStringLiteral("normal")));
        QTRY_VERIFY_WITH_TIMEOUT(p->statusLabel()->text().startsWith(QStringLiteral("Saving")),
                                 5000);
        QCOMPARE(saved.count(), 0);
        // A re-read of the file as it is now arrives meanwhile: ignored.
        ReviewStore* store = w->findChild<ReviewStore*>();
        QVERIFY(store);
        emit store->rereadFound(elsewhere);
        QCoreApplication::processEvents();
        QCOMPARE(p->entry().reviewer, QStringLiteral("Dr Here"));
        QCOMPARE(p->entry().decision, ReviewDecision::Normal);
        // The lock is released: the save lands, merged with the other workstation's decision.
        held.reset();
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 15000);
        const ReviewSave mine = saved.first().first().value<ReviewSave>();
        QVERIFY2(mine.error.isEmpty(), qPrintable(mine.error));
        QCOMPARE(p->entry().reviewer, QStringLiteral("Dr Here"));
        QCOMPARE(p->entry().decision, ReviewDecision::Normal);
        const QJsonObject file = readJson(sidecar);
        const QJsonObject d = file[QStringLiteral("decision")].toObject();
        QCOMPARE(d[QStringLiteral("reviewer")].toString(), QStringLiteral("Dr Here"));
        QCOMPARE(d[QStringLiteral("decision")].toString(), QStringLiteral("normal"));
        QVERIFY2(QJsonDocument(file).toJson().contains("Dr Elsewhere"),
                 QJsonDocument(file).toJson().constData());
    }

    /// Two windows on one recording (two clinicians on a shared folder): the second one's save
    /// finds the first one's decision in the file, keeps it as an earlier decision, shows it
    /// and says so; the audit log has each window's own decision once, not the one merged in.
    void twoWindowsOnOneReviewMerge()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"));
        const QString dir = m_dir.filePath(QStringLiteral("shared-ward"));
        QVERIFY(QDir().mkpath(dir));
        const QString hea = copyRecord(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"), dir);
        const QString sidecar = ReviewStore::sidecarNextTo(hea);
        const QString log = QDir(dir).filePath(QStringLiteral("audit.jsonl"));
        {
            QSettings s(QDir(dir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
            s.setValue(QStringLiteral("audit/log"), log);
        }
        auto w1 = test::makeWindow(QDir(dir));
        auto w2 = test::makeWindow(QDir(dir));
        QVERIFY(!openAndReadReview(*w1, hea).found);
        QVERIFY(!openAndReadReview(*w2, hea).found); // both show an unreviewed ECG
        const auto decide = [](MainWindow& w, const QString& decision, const QString& who,
                               const QString& note = QString()) {
            return editAndWaitForSave(w, [&] {
                DecisionPanel* p = w.decisionPanel();
                p->decisionBox()->setCurrentIndex(p->decisionBox()->findData(decision));
                p->reviewerEdit()->setText(who);
                if (!note.isEmpty())
                    p->noteEdit()->setPlainText(note);
            });
        };
        const ReviewSave s1 = decide(*w1, QStringLiteral("abnormal"), QStringLiteral("Dr A"));
        QVERIFY2(s1.error.isEmpty(), qPrintable(s1.error));
        QVERIFY(!s1.theirs);
        QTest::qWait(1100); // a later second: the decisions' times differ in the file
        const ReviewSave s2 = decide(*w2, QStringLiteral("normal"), QStringLiteral("Dr B"),
                                     QStringLiteral("Axis normal for age."));
        QVERIFY2(s2.error.isEmpty(), qPrintable(s2.error));
        QVERIFY(s2.theirs);
        QCOMPARE(s2.theirs->current.reviewer, QStringLiteral("Dr A"));

        const QJsonObject j = readJson(sidecar);
        QCOMPARE(j[QStringLiteral("decision")].toObject()[QStringLiteral("reviewer")].toString(),
                 QStringLiteral("Dr B"));
        const QJsonArray history = j[QStringLiteral("history")].toArray();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history[0].toObject()[QStringLiteral("reviewer")].toString(),
                 QStringLiteral("Dr A"));
        QCOMPARE(history[0].toObject()[QStringLiteral("decision")].toString(),
                 QStringLiteral("abnormal"));
        // The second window shows what the file holds and says what happened.
        const QString status = w2->decisionPanel()->statusLabel()->text();
        QVERIFY2(status.contains(QLatin1String("merged")) && status.contains(QLatin1String("Dr A")),
                 qPrintable(status));
        const QLabel* earlier = w2->decisionPanel()->findChild<QLabel*>(QStringLiteral("history"));
        QVERIFY(earlier);
        QVERIFY2(earlier->text().contains(QLatin1String("Abnormal ECG (Dr A)")),
                 qPrintable(earlier->text()));
        QCOMPARE(w2->decisionPanel()->entry().reviewer, QStringLiteral("Dr B"));

        // The first window, which still shows its own decision, changes only the note: nothing
        // of Dr B's is lost, and the re-affirmed decision is current.
        const ReviewSave s3 = editAndWaitForSave(
            *w1, [&] { w1->decisionPanel()->noteEdit()->setPlainText(QStringLiteral("LAFB?")); });
        QVERIFY2(s3.error.isEmpty(), qPrintable(s3.error));
        QVERIFY(s3.theirs);
        QStringList kept;
        for (const DecisionEntry& e : s3.record.history + QList<DecisionEntry>{s3.record.current})
            kept << e.reviewer + QLatin1Char('/') + decisionKey(e.decision);
        QCOMPARE(kept, (QStringList{QStringLiteral("Dr A/abnormal"), QStringLiteral("Dr B/normal"),
                                    QStringLiteral("Dr A/abnormal")}));
        QCOMPARE(s3.record.current.note, QStringLiteral("LAFB?"));

        // The second window types in the age the copied file lacks and leaves the decision
        // alone: the file keeps Dr A's re-affirmed decision as current, with the age, and the
        // window now shows that decision.
        QVERIFY(w2->patientPanel()->ageEditable());
        auto* age = w2->patientPanel()->findChild<QDoubleSpinBox*>();
        QVERIFY(age);
        const ReviewSave s4 = editAndWaitForSave(*w2, [&] { age->setValue(61); });
        QVERIFY2(s4.error.isEmpty(), qPrintable(s4.error));
        QVERIFY(s4.theirs);
        QCOMPARE(s4.record.current.reviewer, QStringLiteral("Dr A"));
        QCOMPARE(s4.record.current.note, QStringLiteral("LAFB?"));
        QCOMPARE(s4.record.history.size(), 2);
        QCOMPARE(s4.record.patientAgeYears.value_or(-1), 61.0);
        QCOMPARE(w2->decisionPanel()->entry().reviewer, QStringLiteral("Dr A"));
        QCOMPARE(w2->decisionPanel()->noteEdit()->toPlainText(), QStringLiteral("LAFB?"));
        // Dr B's reading is now an earlier decision, shown with the note that explains it.
        QVERIFY2(earlier->text().contains(
                     QLatin1String("Normal ECG (Dr B)\n    Note: Axis normal for age.")),
                 qPrintable(earlier->text()));

        // Audit: Dr A's decision once (from window 1), Dr B's once (window 2); the merges
        // logged nothing on anyone's behalf.
        w1.reset();
        w2.reset();
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QStringList decided;
        for (const QByteArray& line : f.readAll().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o[QStringLiteral("event")].toString() == QLatin1String("decision-recorded"))
                decided << o[QStringLiteral("reviewer")].toString() + QLatin1Char('/') +
                               o[QStringLiteral("decision")].toString();
        }
        QCOMPARE(decided,
                 (QStringList{QStringLiteral("Dr A/abnormal"), QStringLiteral("Dr B/normal")}));
    }

    /// Caliper measurements: one per quantity (a second QT replaces the first), kept in RR, PR,
    /// QRS, QT order, written as schema 2 and read back; an unknown quantity or a value that is
    /// not a positive number refuses the file with the reason; QTc by Fridericia from the
    /// measured QT and RR (QT 400 ms, RR 729 ms = 0.9^3 s: 400 / 0.9 = 444 ms), else from the
    /// automatic mean RR.
    void manualMeasurementsRoundTrip()
    {
        ReviewRecord r;
        ManualMeasurement qt{QStringLiteral("qt"),
                             380.0,
                             QStringLiteral("V2"),
                             1.0,
                             1.38,
                             QStringLiteral("Dr A"),
                             QDateTime(QDate(2026, 12, 4), QTime(10, 0), Qt::UTC)};
        r.setManual(qt);
        qt.valueMs = 400.0;
        r.setManual(qt);
        r.setManual({QStringLiteral("rr"), 729.0, QString(), 2.0, 2.729, QStringLiteral("Dr A"),
                     qt.measuredUtc});
        QCOMPARE(r.manual.size(), 2);
        QCOMPARE(r.manual.first().quantity, QStringLiteral("rr"));
        QCOMPARE(r.manualOf(QStringLiteral("qt"))->valueMs, 400.0);
        QString error;
        const auto back = ReviewRecord::fromJson(r.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->manual, r.manual);
        QCOMPARE(r.toJson()[QStringLiteral("schema_version")].toInt(), 2);
        const auto qtc = manualQtc(r.manual, std::nullopt);
        QVERIFY(qtc && qtc->rrFromCalipers);
        QVERIFY(std::abs(qtc->qtcMs - 4000.0 / 9.0) < 1e-9);
        QCOMPARE(manualQtcShortText(*qtc), QStringLiteral("QTc 444 ms"));
        // A measured RR also as its rate: 60000 / 729 ms = 82.3/min.
        QCOMPARE(manualShortText(*r.manualOf(QStringLiteral("rr"))),
                 QStringLiteral("RR 729 ms, 82/min"));
        QCOMPARE(manualValueText(*r.manualOf(QStringLiteral("rr")), std::nullopt),
                 QStringLiteral("729 ms, 82/min · 2.00–2.73 s"));
        // Without a measured RR: the automatic mean.
        dsp::IntervalValues automatic;
        automatic.beatCount = 10;
        automatic.rrMeanMs = 1000.0;
        automatic.qtMs = 410.0;
        r.removeManual(QStringLiteral("rr"));
        const auto fromMean = manualQtc(r.manual, automatic);
        QVERIFY(fromMean && !fromMean->rrFromCalipers);
        QCOMPARE(fromMean->qtcMs, 400.0);
        QCOMPARE(manualValueText(*r.manualOf(QStringLiteral("qt")), automatic),
                 QStringLiteral("400 ms (automatic 410 ms) \u00b7 lead V2, 1.00–1.38 s"));
        ManualMeasurement computed = qt; // on a lead computed from two recorded ones
        computed.lead = QStringLiteral("aVF");
        computed.leadComputed = true;
        QCOMPARE(manualValueText(computed, std::nullopt),
                 QStringLiteral("400 ms \u00b7 lead aVF (computed), 1.00–1.38 s"));
        r.setManual(computed);
        const auto withComputed = ReviewRecord::fromJson(r.toJson(), &error);
        QVERIFY2(withComputed, qPrintable(error));
        QCOMPARE(withComputed->manual, r.manual);
        r.setManual(qt);
        ManualMeasurement noLead = qt;
        noLead.lead.clear();
        QCOMPARE(manualValueText(noLead, std::nullopt),
                 QStringLiteral("400 ms \u00b7 1.00–1.38 s"));
        // The advice's values: PR, QRS, QT and QTc replaced, heart rate and RR kept.
        const dsp::IntervalValues graded = withCalipers(automatic, r.manual);
        QCOMPARE(graded.qtMs, 400.0);
        QCOMPARE(graded.qtcFridericiaMs, 400.0);
        QCOMPARE(graded.rrMeanMs, 1000.0);

        {
            QJsonObject o = r.toJson();
            QJsonArray many;
            for (int i = 0; i < 100000; ++i)
                many.append(o[QStringLiteral("manual_measurements")].toArray().first());
            o[QStringLiteral("manual_measurements")] = many;
            QVERIFY(!ReviewRecord::fromJson(o, &error));
            QVERIFY2(error.contains(QLatin1String("100000 caliper measurements")),
                     qPrintable(error));
        }
        for (const auto& [quantity, value] :
             {std::pair{QStringLiteral("st"), 80.0}, std::pair{QStringLiteral("qt"), -5.0}}) {
            QJsonObject o = r.toJson();
            QJsonArray manual = o[QStringLiteral("manual_measurements")].toArray();
            QJsonObject bad = manual.first().toObject();
            bad[QStringLiteral("quantity")] = quantity;
            bad[QStringLiteral("value_ms")] = value;
            manual.append(bad);
            o[QStringLiteral("manual_measurements")] = manual;
            QVERIFY(!ReviewRecord::fromJson(o, &error));
            QVERIFY2(error.contains(QLatin1String("unreadable caliper measurement")),
                     qPrintable(error));
        }
        // A patient age edited by hand to one no patient has (or to text) is not taken: it would
        // choose the detector's thresholds and the advice.
        for (const QJsonValue& age : {QJsonValue(-1.0), QJsonValue(1e308), QJsonValue(151.0),
                                      QJsonValue(QStringLiteral("old"))}) {
            QJsonObject o = r.toJson();
            QJsonObject patient = o[QStringLiteral("patient_entered")].toObject();
            patient[QStringLiteral("age_years")] = age;
            o[QStringLiteral("patient_entered")] = patient;
            QVERIFY(!ReviewRecord::fromJson(o, &error));
            QVERIFY2(error.contains(QLatin1String("unreadable patient age")), qPrintable(error));
        }
        // A name and ID edited by hand to a page of text with control characters are read as a
        // reader reads them (core displayText): one line, at most 256 bytes.
        {
            QJsonObject o = r.toJson();
            QJsonObject patient = o[QStringLiteral("patient_entered")].toObject();
            patient[QStringLiteral("name")] = QString(QStringLiteral("Doe,\tJane\n\u001b[2J ") +
                                                      QString(10000, QLatin1Char('x')));
            patient[QStringLiteral("id")] = QStringLiteral(" MRN\r\n4711 ");
            o[QStringLiteral("patient_entered")] = patient;
            const auto edited = ReviewRecord::fromJson(o, &error);
            QVERIFY2(edited, qPrintable(error));
            QCOMPARE(edited->patientName,
                     QStringLiteral("Doe, Jane [2J ") + QString(256 - 14, QLatin1Char('x')));
            QCOMPARE(edited->patientId, QStringLiteral("MRN 4711"));
        }
        {
            QJsonObject o = r.toJson();
            QJsonObject patient = o[QStringLiteral("patient_entered")].toObject();
            patient[QStringLiteral("age_years")] = 150.0;
            o[QStringLiteral("patient_entered")] = patient;
            const auto oldest = ReviewRecord::fromJson(o, &error);
            QVERIFY2(oldest, qPrintable(error));
            QCOMPARE(oldest->patientAgeYears, std::optional<double>(150.0));
        }
    }

    void refusesForeignNewerAndUnknownDecision()
    {
        QString error;
        QVERIFY(!ReviewRecord::fromJson(QJsonObject{{QStringLiteral("format"), 1}}, &error));
        QVERIFY2(error.contains(QLatin1String("not an ECG Lens review")), qPrintable(error));
        QJsonObject newer = ReviewRecord{}.toJson();
        newer[QStringLiteral("schema_version")] = 7;
        QVERIFY(!ReviewRecord::fromJson(newer, &error));
        QVERIFY2(error.contains(QLatin1String("newer ECG Lens (schema version 7")),
                 qPrintable(error));
        QJsonObject odd = ReviewRecord{}.toJson();
        QJsonObject d = odd[QStringLiteral("decision")].toObject();
        d[QStringLiteral("decision")] = QStringLiteral("maybe");
        odd[QStringLiteral("decision")] = d;
        QVERIFY(!ReviewRecord::fromJson(odd, &error));
        QVERIFY2(error.contains(QLatin1String("unknown decision \"maybe\"")), qPrintable(error));
    }

    /// Decision, reviewer and note typed in the panel are saved beside the recording, with the
    /// recording's SHA-256; the recording's bytes do not change; a new window shows them again;
    /// a changed decision keeps the earlier one in the history.
    void savedBesideRecordingAndRestored()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"));
        const QString dir = m_dir.filePath(QStringLiteral("beside"));
        QVERIFY(QDir().mkpath(dir));
        const QString hea = copyRecord(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"), dir);
        const QString dat = QString(hea).replace(QLatin1String(".hea"), QLatin1String(".dat"));
        const QByteArray heaHash = sha256Of(hea), datHash = sha256Of(dat);
        QVERIFY(!heaHash.isEmpty() && !datHash.isEmpty());
        // The recording's SHA-256 covers the header and the signal file it names.
        const QByteArray recordHash = catSha256({hea, dat});
        QCOMPARE(recordHash.size(), 64);
        const QString sidecar = hea + QStringLiteral(".ecglens-review.json");
        {
            auto w = window();
            const ReviewLoad load = openAndReadReview(*w, hea);
            QCOMPARE(load.sha256.toLatin1(), recordHash);
            QVERIFY(!load.found);
            QVERIFY(w->decisionPanel()->decisionBox()->isEnabled());
            QVERIFY(!QFile::exists(sidecar)); // opening alone writes nothing
            DecisionPanel* p = w->decisionPanel();
            const ReviewSave s1 = editAndWaitForSave(*w, [&] {
                p->decisionBox()->setCurrentIndex(
                    p->decisionBox()->findData(QStringLiteral("abnormal")));
                QTest::keyClicks(p->reviewerEdit(), QStringLiteral("Dr Test"));
                p->noteEdit()->setPlainText(QStringLiteral("Inferior Q waves; compare."));
            });
            QVERIFY2(s1.error.isEmpty(), qPrintable(s1.error));
            QCOMPARE(s1.sidecarPath, sidecar);
            const QJsonObject j = readJson(sidecar);
            QCOMPARE(j[QStringLiteral("format")].toString(), QStringLiteral("ecglens-review"));
            const QJsonObject d = j[QStringLiteral("decision")].toObject();
            QCOMPARE(d[QStringLiteral("decision")].toString(), QStringLiteral("abnormal"));
            QCOMPARE(d[QStringLiteral("reviewer")].toString(), QStringLiteral("Dr Test"));
            QCOMPARE(d[QStringLiteral("note")].toString(),
                     QStringLiteral("Inferior Q waves; compare."));
            QCOMPARE(j[QStringLiteral("recording")]
                         .toObject()[QStringLiteral("sha256")]
                         .toString()
                         .toLatin1(),
                     recordHash);
            QVERIFY(p->statusLabel()->text().contains(QLatin1String("Saved")));

            const ReviewSave s2 = editAndWaitForSave(*w, [&] {
                p->decisionBox()->setCurrentIndex(
                    p->decisionBox()->findData(QStringLiteral("uncertain")));
            });
            QVERIFY2(s2.error.isEmpty(), qPrintable(s2.error));
            const QJsonArray history = readJson(sidecar)[QStringLiteral("history")].toArray();
            QCOMPARE(history.size(), 1);
            QCOMPARE(history[0].toObject()[QStringLiteral("decision")].toString(),
                     QStringLiteral("abnormal"));
            // A last note typed just before closing is not lost: the window saves at exit.
            p->noteEdit()->setPlainText(QStringLiteral("Inferior Q waves; compare with 2025."));
        }
        QCOMPARE(readJson(sidecar)[QStringLiteral("decision")]
                     .toObject()[QStringLiteral("note")]
                     .toString(),
                 QStringLiteral("Inferior Q waves; compare with 2025."));
        QCOMPARE(sha256Of(hea), heaHash); // the recording is never modified
        QCOMPARE(sha256Of(dat), datHash);
        QStringList left = QDir(dir).entryList(QDir::Files);
        left.sort();
        QCOMPARE(left, (QStringList{QStringLiteral("00008_lr.dat"), QStringLiteral("00008_lr.hea"),
                                    QStringLiteral("00008_lr.hea.ecglens-review.json")}));

        auto w = window();
        const ReviewLoad again = openAndReadReview(*w, hea);
        QVERIFY(again.found);
        QVERIFY(again.error.isEmpty());
        const DecisionPanel* p = w->decisionPanel();
        QCOMPARE(p->entry().decision, ReviewDecision::Uncertain);
        QCOMPARE(p->entry().reviewer, QStringLiteral("Dr Test"));
        QCOMPARE(p->entry().note, QStringLiteral("Inferior Q waves; compare with 2025."));
    }

    /// A folder that cannot take the sidecar (here: its name would exceed the 255-byte file-name
    /// limit, which even root cannot pass) sends the review to the fallback folder, keyed by
    /// the recording's SHA-256, where the next window finds it; the age typed in for a file
    /// without one is saved and restored.
    void unwritableBesideFallsBackToAppData()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/100_3chan.hea"));
        const QString dir = m_dir.filePath(QStringLiteral("longname"));
        QVERIFY(QDir().mkpath(dir));
        // The header names its signal file (100_3chan.dat), so the header alone can be renamed.
        const QString hea =
            QDir(dir).filePath(QString(240, QLatin1Char('h')) + QStringLiteral(".hea"));
        QVERIFY(QFile::copy(test::dataPath(QStringLiteral("wfdb-samples/100_3chan.hea")), hea));
        QVERIFY(QFile::copy(test::dataPath(QStringLiteral("wfdb-samples/100_3chan.dat")),
                            QDir(dir).filePath(QStringLiteral("100_3chan.dat"))));
        const QByteArray hash =
            catSha256({hea, QDir(dir).filePath(QStringLiteral("100_3chan.dat"))});
        {
            auto w = window();
            const ReviewLoad load = openAndReadReview(*w, hea);
            QVERIFY2(load.error.isEmpty(), qPrintable(load.error));
            QVERIFY(w->patientPanel()->ageEditable()); // the file has no age
            const ReviewSave s = editAndWaitForSave(*w, [&] {
                w->decisionPanel()->decisionBox()->setCurrentIndex(
                    w->decisionPanel()->decisionBox()->findData(QStringLiteral("normal")));
            });
            QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
            QCOMPARE(s.sidecarPath,
                     QDir(m_dir.filePath(QStringLiteral("fallback")))
                         .filePath(QString::fromLatin1(hash) + QStringLiteral(".json")));
            auto* age = w->patientPanel()->findChild<QDoubleSpinBox*>();
            QVERIFY(age);
            const ReviewSave s2 = editAndWaitForSave(*w, [&] { age->setValue(47); });
            QVERIFY2(s2.error.isEmpty(), qPrintable(s2.error));
        }
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 2); // nothing written beside them
        auto w = window();
        const ReviewLoad again = openAndReadReview(*w, hea);
        QVERIFY(again.found);
        QCOMPARE(w->decisionPanel()->entry().decision, ReviewDecision::Normal);
        QCOMPARE(w->patientPanel()->patient().ageYears.value_or(-1), 47.0);
    }

    /// Coming back to a window re-reads the shown review: a decision another window saved
    /// meanwhile is shown there, without a save of its own and without an audit line on its
    /// behalf; entries still waiting to be saved are not replaced (their save merges).
    void comingBackShowsWhatOthersSaved()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"));
        const QString dir = m_dir.filePath(QStringLiteral("come-back"));
        QVERIFY(QDir().mkpath(dir));
        const QString hea = copyRecord(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"), dir);
        auto w1 = test::makeWindow(QDir(dir));
        auto w2 = test::makeWindow(QDir(dir));
        openAndReadReview(*w1, hea);
        openAndReadReview(*w2, hea);
        const auto activate = [](MainWindow& w) {
            w.activateWindow();
            return QTest::qWaitForWindowActive(&w);
        };
        QVERIFY(activate(*w1));
        DecisionPanel* p1 = w1->decisionPanel();
        DecisionPanel* p2 = w2->decisionPanel();
        const ReviewSave s1 = editAndWaitForSave(*w1, [&] {
            p1->setDecision(ReviewDecision::Abnormal);
            p1->reviewerEdit()->setText(QStringLiteral("Dr A"));
        });
        QVERIFY2(s1.error.isEmpty(), qPrintable(s1.error));
        QCOMPARE(p2->entry().decision, ReviewDecision::NotReviewed);
        QSignalSpy w2Saved(w2.get(), &MainWindow::reviewSaved);
        QVERIFY(activate(*w2));
        QTRY_COMPARE_WITH_TIMEOUT(p2->entry().decision, ReviewDecision::Abnormal, 10000);
        QCOMPARE(p2->entry().reviewer, QStringLiteral("Dr A"));
        QVERIFY2(p2->statusLabel()->text().startsWith(QLatin1String("Updated")),
                 qPrintable(p2->statusLabel()->text()));
        QTest::qWait(1500); // no save follows from showing it
        QCOMPARE(w2Saved.count(), 0);

        // w1 changes its decision; w2 is typing (not saved yet) when it comes back: the typing
        // is left alone, and its save keeps both.
        QVERIFY(activate(*w1));
        const ReviewSave s2 =
            editAndWaitForSave(*w1, [&] { p1->setDecision(ReviewDecision::Normal); });
        QVERIFY2(s2.error.isEmpty(), qPrintable(s2.error));
        p2->noteEdit()->setPlainText(QStringLiteral("typed in w2")); // saved 0.8 s later
        QVERIFY(activate(*w2));
        QTest::qWait(200);
        QCOMPARE(p2->noteEdit()->toPlainText(), QStringLiteral("typed in w2"));
        QCOMPARE(p2->entry().decision, ReviewDecision::Abnormal); // not replaced meanwhile
        QTRY_VERIFY_WITH_TIMEOUT(w2Saved.count() > 0, 10000);
        const ReviewSave s3 = w2Saved.first().first().value<ReviewSave>();
        QVERIFY(s3.theirs);
        QStringList kept;
        for (const DecisionEntry& e : s3.record.history + QList<DecisionEntry>{s3.record.current})
            kept << decisionKey(e.decision) + QLatin1Char('/') + e.note;
        QVERIFY2(kept.contains(QStringLiteral("normal/")) &&
                     kept.contains(QStringLiteral("abnormal/typed in w2")),
                 qPrintable(kept.join(QLatin1String(", "))));
    }

    /// A window that stays in front (no activation event) still shows, within the re-read
    /// interval the site sets (reviews/rereadSeconds), a decision saved in another window or on
    /// another workstation; the setting is read as documented.
    void frontWindowFollowsOthersSaves()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"));
        {
            QSettings unset(m_dir.filePath(QStringLiteral("reread-unset.ini")),
                            QSettings::IniFormat);
            QCOMPARE(ReviewStore::configuredRereadSeconds(unset), 30);
            for (const auto& [given, used] :
                 {std::pair{QStringLiteral("0"), 0}, std::pair{QStringLiteral("5"), 5},
                  std::pair{QStringLiteral("86400"), 3600}, std::pair{QStringLiteral("-3"), 0},
                  std::pair{QStringLiteral("soon"), 30}}) {
                unset.setValue(QStringLiteral("reviews/rereadSeconds"), given);
                QCOMPARE(ReviewStore::configuredRereadSeconds(unset), used);
            }
        }
        const QString dir = m_dir.filePath(QStringLiteral("in-front"));
        QVERIFY(QDir().mkpath(dir));
        const QString hea = copyRecord(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"), dir);
        {
            QSettings s(QDir(dir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
            s.setValue(QStringLiteral("reviews/rereadSeconds"), 1);
        }
        auto w1 = test::makeWindow(QDir(dir));
        auto w2 = test::makeWindow(QDir(dir));
        openAndReadReview(*w1, hea);
        openAndReadReview(*w2, hea);
        w2->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w2.get()));
        // Saved "elsewhere" without going through w1's window activation: straight to the file,
        // as another workstation does.
        ReviewRecord r;
        r.record({ReviewDecision::Abnormal,
                  QStringLiteral("Dr Elsewhere"),
                  QString(),
                  QDateTime::currentDateTimeUtc(),
                  {}});
        const ReviewSave s = ReviewStore::saveNow(hea, r, QDir(dir).filePath(QStringLiteral("fb")),
                                                  ReviewBase{ReviewRecord(), std::nullopt});
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        DecisionPanel* p2 = w2->decisionPanel();
        QTRY_COMPARE_WITH_TIMEOUT(p2->entry().reviewer, QStringLiteral("Dr Elsewhere"), 5000);
        QVERIFY2(w2->isActiveWindow(), "w2 stayed in front: no activation event re-read it");
        QCOMPARE(p2->entry().decision, ReviewDecision::Abnormal);
        QVERIFY2(p2->statusLabel()->text().startsWith(QLatin1String("Updated")),
                 qPrintable(p2->statusLabel()->text()));
        // The other window, not in front, shows it too.
        QTRY_COMPARE_WITH_TIMEOUT(w1->decisionPanel()->entry().reviewer,
                                  QStringLiteral("Dr Elsewhere"), 5000);
    }

    /// Review ▸ Record as … (Ctrl+Alt+1/2/3) records a decision from the keyboard, as when going
    /// down a worklist. The name saved as reviewer in this window is filled in when the decision
    /// changes, also over a colleague's name the review showed (whoever decides is the
    /// reviewer; the colleague's decision stays in the history), but not over a name the user
    /// typed for this recording; without a name yet, the reviewer field takes the focus.
    void reviewMenuRecordsDecisions()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"));
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00009_lr.hea"));
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00010_lr.hea"));
        const QString dir = m_dir.filePath(QStringLiteral("keyboard"));
        QVERIFY(QDir().mkpath(dir));
        const QString a = copyRecord(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"), dir);
        const QString b = copyRecord(QStringLiteral("ptbxl/records100/00000/00009_lr.hea"), dir);
        const QString c = copyRecord(QStringLiteral("ptbxl/records100/00000/00010_lr.hea"), dir);
        // c was decided by a colleague before.
        ReviewRecord earlier;
        earlier.sha256 = ReviewStore::loadNow(c, m_dir.filePath(QStringLiteral("fallback"))).sha256;
        earlier.record({ReviewDecision::Abnormal,
                        QStringLiteral("Dr Other"),
                        QString(),
                        QDateTime::currentDateTimeUtc().addSecs(-3600),
                        {}});
        QVERIFY(ReviewStore::saveNow(c, earlier, m_dir.filePath(QStringLiteral("fallback")))
                    .error.isEmpty());

        auto w = window();
        const auto action = [&](const char* name) {
            return w->findChild<QAction*>(QString::fromLatin1(name));
        };
        QAction* normal = action("reviewNormal");
        QAction* abnormal = action("reviewAbnormal");
        QAction* uncertain = action("reviewUncertain");
        QVERIFY(normal && abnormal && uncertain);
        QCOMPARE(normal->shortcut(), QKeySequence(QStringLiteral("Ctrl+Alt+1")));
        QCOMPARE(abnormal->shortcut(), QKeySequence(QStringLiteral("Ctrl+Alt+2")));
        QCOMPARE(uncertain->shortcut(), QKeySequence(QStringLiteral("Ctrl+Alt+3")));
        QVERIFY(!normal->isEnabled()); // nothing open
        DecisionPanel* p = w->decisionPanel();
        const auto decisionIn = [](const QString& hea) -> QString {
            const QJsonObject d =
                readJson(ReviewStore::sidecarNextTo(hea))[QStringLiteral("decision")].toObject();
            return d[QStringLiteral("decision")].toString() + QLatin1Char('/') +
                   d[QStringLiteral("reviewer")].toString();
        };

        // a: no name yet: the decision is recorded and the reviewer field asks for one.
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        openAndReadReview(*w, a);
        QVERIFY(abnormal->isEnabled());
        ReviewSave s = editAndWaitForSave(*w, [&] { abnormal->trigger(); });
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(decisionIn(a), QStringLiteral("abnormal/"));
        QVERIFY(p->reviewerEdit()->hasFocus());
        s = editAndWaitForSave(
            *w, [&] { QTest::keyClicks(p->reviewerEdit(), QStringLiteral("Dr Keys")); });
        QCOMPARE(decisionIn(a), QStringLiteral("abnormal/Dr Keys"));
        // Naming it completed the decision: no unnamed earlier one.
        QVERIFY(
            readJson(ReviewStore::sidecarNextTo(a))[QStringLiteral("history")].toArray().isEmpty());

        // b: the name saved in this window is filled in.
        openAndReadReview(*w, b);
        s = editAndWaitForSave(*w, [&] { normal->trigger(); });
        QCOMPARE(decisionIn(b), QStringLiteral("normal/Dr Keys"));

        // c: over the colleague's name; the colleague's decision stays in the history.
        openAndReadReview(*w, c);
        QCOMPARE(p->reviewerEdit()->text(), QStringLiteral("Dr Other"));
        // A caliper measurement made before deciding is this window's reviewer's, and leaves
        // the colleague's decision as it is.
        p->setCaliper(readCalipers(1.0, 1.4, 0.0, 0.0, 1), QStringLiteral("II"));
        s = editAndWaitForSave(*w, [&] { p->recordCaliper(QStringLiteral("qt")); });
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.record.manualOf(QStringLiteral("qt"))->reviewer, QStringLiteral("Dr Keys"));
        QCOMPARE(decisionIn(c), QStringLiteral("abnormal/Dr Other"));
        s = editAndWaitForSave(*w, [&] { uncertain->trigger(); });
        QCOMPARE(decisionIn(c), QStringLiteral("uncertain/Dr Keys"));
        const QJsonArray history =
            readJson(ReviewStore::sidecarNextTo(c))[QStringLiteral("history")].toArray();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history[0].toObject()[QStringLiteral("reviewer")].toString(),
                 QStringLiteral("Dr Other"));

        // A name typed for this recording is the user's choice: kept.
        p->reviewerEdit()->selectAll();
        s = editAndWaitForSave(
            *w, [&] { QTest::keyClicks(p->reviewerEdit(), QStringLiteral("Dr Second")); });
        s = editAndWaitForSave(*w, [&] { normal->trigger(); });
        QCOMPARE(decisionIn(c), QStringLiteral("normal/Dr Second"));

        // Another window where no name has been typed yet: a caliper measurement or a changed
        // decision there is not put under Dr Second's name (who may not be at this
        // workstation): the field empties, asks for a name, and the one typed is recorded.
        auto fresh = window();
        fresh->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(fresh.get()));
        openAndReadReview(*fresh, c);
        DecisionPanel* q = fresh->decisionPanel();
        QCOMPARE(q->reviewerEdit()->text(), QStringLiteral("Dr Second"));
        q->setCaliper(readCalipers(2.0, 2.8, 0.0, 0.0, 1), QStringLiteral("II"));
        s = editAndWaitForSave(*fresh, [&] { q->recordCaliper(QStringLiteral("rr")); });
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.record.manualOf(QStringLiteral("rr"))->reviewer, QString());
        QCOMPARE(decisionIn(c), QStringLiteral("normal/Dr Second"));
        s = editAndWaitForSave(*fresh, [&] {
            fresh->findChild<QAction*>(QStringLiteral("reviewAbnormal"))->trigger();
        });
        QCOMPARE(decisionIn(c), QStringLiteral("abnormal/"));
        QVERIFY(q->reviewerEdit()->text().isEmpty());
        QVERIFY(q->reviewerEdit()->hasFocus());
        s = editAndWaitForSave(
            *fresh, [&] { QTest::keyClicks(q->reviewerEdit(), QStringLiteral("Dr Third")); });
        QCOMPARE(decisionIn(c), QStringLiteral("abnormal/Dr Third"));
        // The measurement made here before the name was typed is now under it; the colleague's
        // earlier one (QT, by Dr Keys) keeps its name.
        QCOMPARE(s.record.manualOf(QStringLiteral("rr"))->reviewer, QStringLiteral("Dr Third"));
        QCOMPARE(s.record.manualOf(QStringLiteral("qt"))->reviewer, QStringLiteral("Dr Keys"));
        const QJsonArray after =
            readJson(ReviewStore::sidecarNextTo(c))[QStringLiteral("history")].toArray();
        QVERIFY(!after.isEmpty());
        QCOMPARE(after.last().toObject()[QStringLiteral("reviewer")].toString(),
                 QStringLiteral("Dr Second"));
        for (const QJsonValue& h : after)
            QVERIFY2(!h.toObject()[QStringLiteral("reviewer")].toString().isEmpty(),
                     "an unnamed decision was kept as an earlier one");
        fresh.reset();

        // A measurement left unnamed stays so once another recording has been opened: whoever
        // types a name later (perhaps someone else at the workstation) is not given it.
        auto later = window();
        later->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(later.get()));
        openAndReadReview(*later, b);
        DecisionPanel* r = later->decisionPanel();
        r->setCaliper(readCalipers(3.0, 3.9, 0.0, 0.0, 1), QStringLiteral("II"));
        s = editAndWaitForSave(*later, [&] { r->recordCaliper(QStringLiteral("rr")); });
        QCOMPARE(s.record.manualOf(QStringLiteral("rr"))->reviewer, QString());
        openAndReadReview(*later, a);
        openAndReadReview(*later, b);
        r->reviewerEdit()->clear();
        s = editAndWaitForSave(
            *later, [&] { QTest::keyClicks(r->reviewerEdit(), QStringLiteral("Dr Fourth")); });
        QCOMPARE(s.record.manualOf(QStringLiteral("rr"))->reviewer, QString());
        later.reset();

        // The demo has nothing to review: the actions are off.
        QSignalSpy shown(w.get(), &MainWindow::recordingShown);
        w->openDemo();
        QVERIFY(QTest::qWaitFor([&] { return shown.count() > 0; }, 60000));
        QVERIFY(!normal->isEnabled());
    }

    /// A site names one folder for reviews of recordings in folders that cannot take them
    /// (reviews/folder, e.g. a department's share for a read-only archive): the window saves
    /// there, and ecglens-cli worklist reads the same setting and finds the decision, which it
    /// does not without the setting. The user's own default folder is created readable by its
    /// owner alone.
    void siteReviewsFolder()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/100_3chan.hea"));
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString archive = tmp.filePath(QStringLiteral("archive"));
        QVERIFY(QDir().mkpath(archive));
        // A header name so long that no sidecar fits beside it (see above).
        const QString hea =
            QDir(archive).filePath(QString(240, QLatin1Char('s')) + QStringLiteral(".hea"));
        QVERIFY(QFile::copy(test::dataPath(QStringLiteral("wfdb-samples/100_3chan.hea")), hea));
        QVERIFY(QFile::copy(test::dataPath(QStringLiteral("wfdb-samples/100_3chan.dat")),
                            QDir(archive).filePath(QStringLiteral("100_3chan.dat"))));
        const QString dept = tmp.filePath(QStringLiteral("dept/reviews"));
        QDir().mkpath(tmp.filePath(QStringLiteral("config/ECG Lens")));
        const QString conf = tmp.filePath(QStringLiteral("config/ECG Lens/ecglens.conf"));
        {
            QSettings s(conf, QSettings::IniFormat);
            s.setValue(QStringLiteral("reviews/folder"), dept);
        }
        {
            MainWindow w(std::make_unique<QSettings>(conf, QSettings::IniFormat));
            w.settings().autoAnalyse = false;
            QCOMPARE(w.reviewStore()->fallbackDir(), dept);
            openAndReadReview(w, hea);
            const ReviewSave s = editAndWaitForSave(w, [&] {
                DecisionPanel* p = w.decisionPanel();
                p->decisionBox()->setCurrentIndex(
                    p->decisionBox()->findData(QStringLiteral("normal")));
                p->reviewerEdit()->setText(QStringLiteral("Dr Site"));
            });
            QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
            QCOMPARE(QFileInfo(s.sidecarPath).absolutePath(), dept);
        }
        const auto listed = [&](const QStringList& env) {
            const test::ProcessRun r = test::runProcess(
                test::cliPath(), {QStringLiteral("worklist"), archive, QStringLiteral("--json")},
                env);
            const QJsonArray rows =
                QJsonDocument::fromJson(r.out).object()[QStringLiteral("recordings")].toArray();
            return rows.size() == 1 ? rows[0].toObject()[QStringLiteral("decision")].toString() +
                                          QLatin1Char('/') +
                                          rows[0].toObject()[QStringLiteral("reviewer")].toString()
                                    : QStringLiteral("exit %1: %2")
                                          .arg(r.exitCode)
                                          .arg(QString::fromUtf8(r.err));
        };
        QCOMPARE(
            listed({QStringLiteral("XDG_CONFIG_HOME=") + tmp.filePath(QStringLiteral("config"))}),
            QStringLiteral("normal/Dr Site"));
        QCOMPARE(listed({QStringLiteral("XDG_CONFIG_HOME=") + tmp.filePath(QStringLiteral("none")),
                         QStringLiteral("XDG_DATA_HOME=") + tmp.filePath(QStringLiteral("data"))}),
                 QStringLiteral("not_reviewed/"));

        // The default folder, created by the first save that needs it: owner-only.
        const QByteArray dataHome = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", QFile::encodeName(tmp.filePath(QStringLiteral("data"))));
        const QString own = ReviewStore::defaultFallbackDir();
        ReviewRecord r;
        r.sha256 = ReviewStore::loadNow(hea, own).sha256;
        r.current.decision = ReviewDecision::Uncertain;
        const ReviewSave s = ReviewStore::saveNow(hea, r, own);
        qputenv("XDG_DATA_HOME", dataHome);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QVERIFY(own.startsWith(tmp.path()));
        QCOMPARE(QFileInfo(s.sidecarPath).absolutePath(), own);
        QCOMPARE(QFileInfo(own).permissions() &
                     ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    /// A damaged sidecar is reported, kept under another name at the first save (byte for byte)
    /// and replaced by a valid one; one written by a newer version is shown read-only and never
    /// replaced.
    void damagedKeptNewerNeverReplaced()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"));
        const QString dir = m_dir.filePath(QStringLiteral("damaged"));
        QVERIFY(QDir().mkpath(dir));
        const QString hea = copyRecord(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"), dir);
        const QString sidecar = ReviewStore::sidecarNextTo(hea);
        const QByteArray garbage = "{\"format\": \"ecglens-review\", \"decision\": ";
        {
            QFile f(sidecar);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(garbage);
        }
        {
            auto w = window();
            const ReviewLoad load = openAndReadReview(*w, hea);
            QVERIFY2(load.error.contains(QLatin1String("damaged review file")),
                     qPrintable(load.error));
            QVERIFY(!load.readOnly);
            QVERIFY(w->decisionPanel()->statusLabel()->text().contains(QLatin1String("damaged")));
            const ReviewSave s = editAndWaitForSave(*w, [&] {
                w->decisionPanel()->noteEdit()->setPlainText(QStringLiteral("re-read"));
            });
            QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
            QVERIFY(!s.movedAside.isEmpty());
            QFile aside(s.movedAside);
            QVERIFY(aside.open(QIODevice::ReadOnly));
            QCOMPARE(aside.readAll(), garbage);
            QCOMPARE(readJson(sidecar)[QStringLiteral("decision")]
                         .toObject()[QStringLiteral("note")]
                         .toString(),
                     QStringLiteral("re-read"));
        }

        // An absurd size (a sparse 1 GiB file) is refused without being read into memory.
        {
            const QString big = m_dir.filePath(QStringLiteral("big"));
            QVERIFY(QDir().mkpath(big));
            const QString bigHea =
                copyRecord(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"), big);
            QFile f(ReviewStore::sidecarNextTo(bigHea));
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(qint64(1) << 30));
            f.close();
            const ReviewLoad load =
                ReviewStore::loadNow(bigHea, m_dir.filePath(QStringLiteral("fallback")));
            QVERIFY2(load.error.contains(QLatin1String("damaged review file (1024 MB")),
                     qPrintable(load.error));
            QFile::remove(f.fileName());
        }

        QJsonObject newer = ReviewRecord{}.toJson();
        newer[QStringLiteral("schema_version")] = ReviewRecord::kSchemaVersion + 1;
        const QByteArray newerBytes = QJsonDocument(newer).toJson();
        {
            QFile f(sidecar);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(newerBytes);
        }
        auto w = window();
        const ReviewLoad load = openAndReadReview(*w, hea);
        QVERIFY(load.readOnly);
        QVERIFY(!w->decisionPanel()->decisionBox()->isEnabled());
        QVERIFY(w->decisionPanel()->noteEdit()->isReadOnly());
        w->viewer()->plot()->setCalipers(1.0, 1.4, 0); // calipers cannot be recorded either
        QVERIFY(!w->decisionPanel()->recordButton(QStringLiteral("qt"))->isEnabled());
        const ReviewSave s =
            ReviewStore::saveNow(hea, ReviewRecord{}, m_dir.filePath(QStringLiteral("fallback")));
        QVERIFY2(s.error.contains(QLatin1String("not replaced")), qPrintable(s.error));
        QFile f(sidecar);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), newerBytes);
    }

    /// Intervals measured with the calipers are recorded with the review (one per quantity),
    /// come back in a new window, give QTc by Fridericia from the measured QT and RR, and go
    /// into the report beside the automatic values. Reference: LUDB record 1, the cardiologists'
    /// lead II annotations of one beat (QRS onset to T offset; R peak to the next R peak).
    void caliperMeasurements()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ludb/data/1.hea"));
        const auto annotated =
            io::open(test::dataPath(QStringLiteral("ludb/data/1.hea")).toStdString());
        QVERIFY2(annotated.ok(), annotated.error().c_str());
        int lead = -1;
        for (int i = 0; i < int(annotated->leads.size()); ++i)
            if (QString::fromStdString(annotated->leads[i].name)
                    .compare(QLatin1String("II"), Qt::CaseInsensitive) == 0)
                lead = i;
        QVERIFY(lead >= 0);
        std::vector<const Annotation*> marks;
        for (const Annotation& a : annotated->annotations)
            if (a.lead == lead)
                marks.push_back(&a);
        std::sort(marks.begin(), marks.end(),
                  [](auto* a, auto* b) { return a->sample < b->sample; });
        // The first beat with its QRS onset, T offset and a next R peak annotated.
        std::int64_t qrsOn = -1, tOff = -1, r1 = -1, r2 = -1;
        for (std::size_t i = 1; i + 1 < marks.size() && r2 < 0; ++i) {
            if (marks[i]->code != "N" || marks[i - 1]->code != "(")
                continue;
            std::int64_t t = -1, next = -1;
            for (std::size_t j = i + 1; j + 1 < marks.size(); ++j) {
                if (marks[j]->code == "t" && marks[j + 1]->code == ")" && t < 0)
                    t = marks[j + 1]->sample;
                if (marks[j]->code == "N") {
                    next = marks[j]->sample;
                    break;
                }
            }
            if (t > 0 && next > 0) {
                qrsOn = marks[i - 1]->sample;
                r1 = marks[i]->sample;
                tOff = t;
                r2 = next;
            }
        }
        QVERIFY(r2 > 0);
        const double fs = annotated->leads[std::size_t(lead)].fsHz;
        const double qtMs = double(tOff - qrsOn) / fs * 1000.0;
        const double rrMs = double(r2 - r1) / fs * 1000.0;
        const double qtcMs = qtMs / std::cbrt(rrMs / 1000.0); // Fridericia
        QVERIFY2(qtMs > 300 && qtMs < 500 && rrMs > 500 && rrMs < 1500,
                 qPrintable(QStringLiteral("QT %1 ms, RR %2 ms").arg(qtMs).arg(rrMs)));

        const QString dir = m_dir.filePath(QStringLiteral("calipers"));
        QVERIFY(QDir().mkpath(dir));
        const QString hea = copyRecord(QStringLiteral("ludb/data/1.hea"), dir);
        const QString sidecar = hea + QStringLiteral(".ecglens-review.json");
        const QString pdf = QDir(dir).filePath(QStringLiteral("report.pdf"));
        {
            auto w = window();
            QVERIFY(openAndReadReview(*w, hea).error.isEmpty());
            DecisionPanel* p = w->decisionPanel();
            QVERIFY(!p->recordButton(QStringLiteral("qt"))->isEnabled()); // no calipers yet
            QTest::keyClicks(p->reviewerEdit(), QStringLiteral("Dr Caliper"));
            w->viewer()->plot()->setCalipers(double(qrsOn) / fs, double(tOff) / fs, lead);
            QVERIFY(p->recordButton(QStringLiteral("qt"))->isEnabled());
            editAndWaitForSave(*w, [&] { p->recordButton(QStringLiteral("qt"))->click(); });
            w->viewer()->plot()->setCalipers(double(r2) / fs, double(r1) / fs, lead); // either way
            const ReviewSave s =
                editAndWaitForSave(*w, [&] { p->recordButton(QStringLiteral("rr"))->click(); });
            QVERIFY2(s.error.isEmpty(), qPrintable(s.error));

            const QJsonObject j = readJson(sidecar);
            QCOMPARE(j[QStringLiteral("schema_version")].toInt(), 2);
            const QJsonArray manual = j[QStringLiteral("manual_measurements")].toArray();
            QCOMPARE(manual.size(), 2);
            QCOMPARE(manual[0][QStringLiteral("quantity")].toString(), QStringLiteral("rr"));
            QCOMPARE(manual[1][QStringLiteral("quantity")].toString(), QStringLiteral("qt"));
            QVERIFY(std::abs(manual[0][QStringLiteral("value_ms")].toDouble() - rrMs) < 1e-6);
            QVERIFY(std::abs(manual[1][QStringLiteral("value_ms")].toDouble() - qtMs) < 1e-6);
            QCOMPARE(manual[1][QStringLiteral("lead")].toString().toUpper(), QStringLiteral("II"));
            QCOMPARE(manual[1][QStringLiteral("reviewer")].toString(),
                     QStringLiteral("Dr Caliper"));
            QVERIFY(std::abs(manual[0][QStringLiteral("from_s")].toDouble() - double(r1) / fs) <
                    1e-9);
            QVERIFY(p->manualQtcText().contains(QLocale().toString(qtcMs, 'f', 0) +
                                                QStringLiteral(" ms")));
            QVERIFY(p->manualQtcText().contains(QLatin1String("from the calipers")));
        }
        auto w = window();
        w->settings().autoAnalyse = false;
        QVERIFY(openAndReadReview(*w, hea).found);
        DecisionPanel* p = w->decisionPanel();
        QCOMPARE(p->manual().size(), 2);
        QVERIFY(p->manualList()->item(1)->text().startsWith(QStringLiteral("QT interval ")));
        // Double-clicking it puts the calipers back where the QT was measured.
        emit p->manualList()->itemActivated(p->manualList()->item(1));
        const CaliperReading back = w->viewer()->plot()->caliperReading();
        QVERIFY(back.valid);
        QCOMPARE(back.lead, lead);
        QVERIFY(std::abs(back.aS - double(qrsOn) / fs) < 1e-9);
        QVERIFY(std::abs(back.dtMs - qtMs) < 1e-6);
        // The report: page 1 and the measurements section, the automatic QT beside ours.
        QVERIFY(QTest::qWaitFor([&] { return w->measuredValues().has_value(); }, 60000));
        // The advice grades the clinician's QTc: the automatic one is over 500 ms (the QT runs
        // from the earliest QRS onset to the latest T offset over all leads), the lead II
        // over-read is not, so the "QTc above 500 ms" item is gone while the calipers stand.
        QVERIFY2(w->measuredValues()->qtcFridericiaMs > 500,
                 qPrintable(QString::number(w->measuredValues()->qtcFridericiaMs)));
        QVERIFY(qtcMs < 500);
        const auto qtcItem = [&] {
            const auto& items = w->advicePanel()->items();
            return std::any_of(items.begin(), items.end(), [](const advice::AdviceItem& i) {
                return i.title == "QTc above 500 ms";
            });
        };
        QVERIFY(!qtcItem());
        const QString body = test::exportedReportText(*w, pdf);
        QVERIFY2(!body.startsWith(QLatin1String("EXPORT FAILED")), qPrintable(body));
        const QString qt = QString::number(qtMs, 'f', 0), qtc = QString::number(qtcMs, 'f', 0);
        const QString automatic = QString::number(w->measuredValues()->qtMs, 'f', 0);
        for (const QString& expected :
             {QStringLiteral("calipers by Dr Caliper: RR %1 ms, %2/min · QT %3 ms · QTc %4 ms")
                  .arg(QString::number(rrMs, 'f', 0), QString::number(60000.0 / rrMs, 'f', 0), qt,
                       qtc),
              QStringLiteral("Measured by the clinician (calipers)"),
              QStringLiteral("%1 ms (automatic %2 ms) · lead II").arg(qt, automatic),
              QStringLiteral("QTc %1 ms (Fridericia, QT/∛RR; RR %2 ms from the calipers)")
                  .arg(qtc, QString::number(rrMs, 'f', 0))})
            QVERIFY2(body.contains(expected),
                     qPrintable(QStringLiteral("\"%1\" not in the report").arg(expected)));
        // Removing both leaves a schema 1 file again (older versions keep editing it).
        editAndWaitForSave(*w, [&] { p->removeManual(QStringLiteral("qt")); });
        const ReviewSave s = editAndWaitForSave(*w, [&] { p->removeManual(QStringLiteral("rr")); });
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        const QJsonObject j = readJson(sidecar);
        QCOMPARE(j[QStringLiteral("schema_version")].toInt(), 1);
        QVERIFY(!j.contains(QStringLiteral("manual_measurements")));
        QVERIFY(qtcItem()); // the automatic QTc is graded again
    }

    /// File ▸ Export report writes what the window shows: the verdict's probability as the
    /// banner formats it, the advice items, the decision, reviewer and note just typed; the
    /// recording is untouched.
    void exportedReportCarriesWindowValues()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00026_lr.hea"));
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext missing: install poppler-utils "
                                       "(packaging/deps.sh installs it)");
        const QString dir = m_dir.filePath(QStringLiteral("export"));
        QVERIFY(QDir().mkpath(dir));
        const QString hea = copyRecord(QStringLiteral("ptbxl/records100/00000/00026_lr.hea"), dir);
        const QByteArray heaHash = sha256Of(hea);
        const QByteArray recordHash =
            catSha256({hea, QString(hea).replace(QLatin1String(".hea"), QLatin1String(".dat"))});
        auto w = window();
        w->settings().autoAnalyse = true;
        QSignalSpy verdict(w->analysis(), &AnalysisController::verdictShown);
        openAndReadReview(*w, hea);
        QVERIFY(QTest::qWaitFor([&] { return verdict.count() > 0; }, 120000));
        QVERIFY(QTest::qWaitFor([&] { return !w->advicePanel()->items().empty(); }, 60000));
        // The explanation that follows the verdict goes into the report too: every export
        // below is made with it.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return w->analysis()->explanationPanel()->explanation() &&
                       !w->analysis()->explaining();
            },
            120000));
        DecisionPanel* p = w->decisionPanel();
        editAndWaitForSave(*w, [&] {
            p->decisionBox()->setCurrentIndex(
                p->decisionBox()->findData(QStringLiteral("abnormal")));
            // Typed as an input method commits it (QTest::keyClicks is ASCII only).
            QInputMethodEvent typed;
            typed.setCommitString(QStringLiteral("Dr Müller"));
            QCoreApplication::sendEvent(p->reviewerEdit(), &typed);
            p->noteEdit()->setPlainText(QStringLiteral("ST changes, digitalis? Recheck K+."));
        });
        const QString pdf = QDir(dir).filePath(QStringLiteral("report.pdf"));
        const QString body = test::exportedReportText(*w, pdf);
        QVERIFY2(!body.startsWith(QLatin1String("EXPORT FAILED")), qPrintable(body));
        for (const QString& expected :
             {QStringLiteral("Dr Müller"), QStringLiteral("ST changes, digitalis? Recheck K+."),
              decisionText(ReviewDecision::Abnormal),
              report::probabilityText(w->analysis()->analysis()->probability),
              QString::fromStdString(w->advicePanel()->items().front().title),
              QString(decisionText(ReviewDecision::Abnormal) +
                      QStringLiteral(" \u00b7 reviewed by Dr Müller")),
              QStringLiteral("Window as explained in the viewer"),
              QStringLiteral("Decision support, not a diagnosis")})
            QVERIFY2(body.contains(expected.simplified()),
                     qPrintable(QStringLiteral("\"%1\" not in the report").arg(expected)));
        // File > Print sends the same pages to the printer (here one that writes PDF, as "print
        // to file" does), on the same background path.
        const QString printedPdf = QDir(dir).filePath(QStringLiteral("printed.pdf"));
        auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
        printer->setOutputFormat(QPrinter::PdfFormat);
        printer->setOutputFileName(printedPdf);
        QSignalSpy printed(w->reportExporter(), &ReportExporter::finished);
        w->reportExporter()->printTo(printer, report::Paper::Letter);
        printer.reset();
        QVERIFY(QTest::qWaitFor([&] { return printed.count() > 0; }, 60000));
        QCOMPARE(printed.first().at(0).toString(), printedPdf);
        QVERIFY2(printed.first().at(1).toString().isEmpty(),
                 qPrintable(printed.first().at(1).toString()));
        QVERIFY(w->statusBar()->currentMessage().contains(QLatin1String("Report sent to")));
        // On the paper the print dialog chose (Letter here), as the status bar says.
        QVERIFY2(w->statusBar()->currentMessage().contains(QLatin1String("US Letter landscape")),
                 qPrintable(w->statusBar()->currentMessage()));
        {
            QProcess info;
            info.start(QStandardPaths::findExecutable(QStringLiteral("pdfinfo")), {printedPdf});
            QVERIFY(info.waitForFinished(30000));
            const QString out = QString::fromUtf8(info.readAllStandardOutput());
            QVERIFY2(out.contains(QLatin1String("792 x 612 pts (letter)")), qPrintable(out));
        }
        auto words = [&](const QString& pdf) {
            QProcess p;
            p.start(pdftotext, {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
            p.waitForFinished(30000);
            return QString::fromUtf8(p.readAllStandardOutput())
                .replace(QRegularExpression(QStringLiteral("Generated \\S+")), QString())
                .simplified();
        };
        QCOMPARE(words(printedPdf), words(pdf));

        // File > Print report: the dialog opens with A4 landscape chosen; accepting it prints
        // (here to a file: the test machine has no printer).
        QAction* print = w->findChild<QAction*>(QStringLiteral("printReportAction"));
        QVERIFY(print);
        QCOMPARE(print->shortcut(), QKeySequence(QKeySequence::Print));
        const QString dialogPdf = QDir(dir).filePath(QStringLiteral("dialog.pdf"));
        QString chosenPage;
        bool fileNameSet = false;
        QTimer::singleShot(200, [&] {
            auto* dialog = qobject_cast<QPrintDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            const QPageLayout page = dialog->printer()->pageLayout();
            chosenPage = page.pageSize().name() + (page.orientation() == QPageLayout::Landscape
                                                       ? QStringLiteral(" landscape")
                                                       : QStringLiteral(" portrait"));
            if (auto* file = dialog->findChild<QLineEdit*>(QStringLiteral("filename"))) {
                file->setText(dialogPdf);
                fileNameSet = true;
            }
            dialog->accept();
        });
        QSignalSpy dialogPrinted(w->reportExporter(), &ReportExporter::finished);
        print->trigger();
        QCOMPARE(chosenPage, QStringLiteral("A4 landscape"));
        QVERIFY(fileNameSet);
        QVERIFY(QTest::qWaitFor([&] { return dialogPrinted.count() > 0; }, 60000));
        QVERIFY2(dialogPrinted.first().at(1).toString().isEmpty(),
                 qPrintable(dialogPrinted.first().at(1).toString()));
        QCOMPARE(words(dialogPdf), words(pdf));

        // File > Export anonymised report: the save dialog does not suggest the recording's
        // name, and the report keeps the decision but not the reviewer, note, ID or file name.
        QAction* anonymised =
            w->findChild<QAction*>(QStringLiteral("exportAnonymisedReportAction"));
        QVERIFY(anonymised);
        // The suggestion is accepted as it stands: in the recording's folder.
        const QString anonymisedPdf =
            QDir(dir).filePath(QStringLiteral("anonymised-ecg-report.pdf"));
        QString suggested;
        QTimer::singleShot(200, [&] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            suggested = dialog->selectedFiles().value(0);
            static_cast<QDialog*>(dialog)->accept(); // QFileDialog::accept is protected
        });
        QSignalSpy anonymisedDone(w->reportExporter(), &ReportExporter::finished);
        anonymised->trigger();
        QCOMPARE(suggested, anonymisedPdf);
        QVERIFY(QTest::qWaitFor([&] { return anonymisedDone.count() > 0; }, 60000));
        QVERIFY2(anonymisedDone.first().at(1).toString().isEmpty(),
                 qPrintable(anonymisedDone.first().at(1).toString()));
        QCOMPARE(anonymisedDone.first().at(0).toString(), anonymisedPdf);
        const QString shared = words(anonymisedPdf);
        // (The copy has no PTB-XL index beside it, so no patient ID: tst_report checks that.)
        const QString identified = words(pdf);
        for (const QString& gone :
             {QStringLiteral("00026_lr"), QStringLiteral("Dr Müller"), QStringLiteral("Recheck K+"),
              QString::fromLatin1(recordHash)}) {
            QVERIFY2(identified.contains(gone), qPrintable(gone));
            QVERIFY2(!shared.contains(gone), qPrintable(gone + QStringLiteral(" in ") + shared));
        }
        for (const QString& kept : {decisionText(ReviewDecision::Abnormal),
                                    report::probabilityText(w->analysis()->analysis()->probability),
                                    QStringLiteral("Anonymised ECG"),
                                    QStringLiteral("reviewed by a clinician (name omitted)"),
                                    QStringLiteral("Decision support, not a diagnosis")})
            QVERIFY2(shared.contains(kept), qPrintable(kept));
        QVERIFY(w->statusBar()->currentMessage().startsWith(QLatin1String("Anonymised report")));
        QCOMPARE(sha256Of(hea), heaHash);
    }

    /// A replaced signal file makes the review say it was recorded for other content (the
    /// recording's SHA-256 covers the header and its signal files); a review saved before the
    /// hash covered the signal files (the header's alone) is still found and applies.
    void signalFileChangeIsNoticed()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00009_lr.hea"));
        const QString dir = m_dir.filePath(QStringLiteral("signal-change"));
        QVERIFY(QDir().mkpath(dir));
        const QString hea = copyRecord(QStringLiteral("ptbxl/records100/00000/00009_lr.hea"), dir);
        const QString dat = QString(hea).replace(QLatin1String(".hea"), QLatin1String(".dat"));
        const QString fallback = m_dir.filePath(QStringLiteral("fb-signal"));
        QVERIFY(QDir().mkpath(fallback));
        ReviewRecord r;
        DecisionEntry e;
        e.decision = ReviewDecision::Normal;
        e.reviewer = QStringLiteral("Dr A");
        r.record(e);

        // Old style: the header's hash alone, beside the recording and in the fallback folder.
        r.sha256 = QString::fromLatin1(sha256Of(hea));
        QVERIFY(ReviewStore::saveNow(hea, r, fallback).error.isEmpty());
        ReviewLoad load = ReviewStore::loadNow(hea, fallback);
        QVERIFY(load.found);
        QVERIFY2(load.warning.isEmpty(), qPrintable(load.warning));
        QVERIFY(QFile::rename(ReviewStore::sidecarNextTo(hea),
                              QDir(fallback).filePath(r.sha256 + QStringLiteral(".json"))));
        load = ReviewStore::loadNow(hea, fallback);
        QVERIFY2(load.found && load.sidecarPath.startsWith(fallback), qPrintable(load.sidecarPath));
        QVERIFY(QFile::remove(load.sidecarPath));

        // New style: then one byte of the signal file changes.
        r.sha256 = ReviewStore::loadNow(hea, fallback).sha256;
        QVERIFY(ReviewStore::saveNow(hea, r, fallback).error.isEmpty());
        QVERIFY(ReviewStore::loadNow(hea, fallback).warning.isEmpty());
        QFile f(dat);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        bytes[100] = char(bytes[100] ^ 0x01);
        f.seek(0);
        f.write(bytes);
        f.close();
        load = ReviewStore::loadNow(hea, fallback);
        QVERIFY(load.found);
        QVERIFY2(load.warning.contains(QLatin1String("different content")),
                 qPrintable(load.warning));

        // Opened by its signal file, the record keeps one review, beside its header.
        QCOMPARE(ReviewStore::sidecarNextTo(dat), ReviewStore::sidecarNextTo(hea));
        QCOMPARE(ReviewStore::loadNow(dat, fallback).sidecarPath, ReviewStore::sidecarNextTo(hea));
        QCOMPARE(ReviewStore::loadNow(dat, fallback).sha256,
                 ReviewStore::loadNow(hea, fallback).sha256);
    }

    /// `ecglens-cli report` prints the review saved in the window (decision, reviewer, note,
    /// and the age typed in for a file without one, which also picks the thresholds), unless
    /// told not to or given another on the command line.
    void cliReportUsesTheSavedReview()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"));
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext missing: install poppler-utils "
                                       "(bash packaging/install-deps.sh)");
        const QString dir = m_dir.filePath(QStringLiteral("cli-report"));
        QVERIFY(QDir().mkpath(dir));
        // Copied out of PTB-XL's folder, the record has no index and so no age.
        const QString hea = copyRecord(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"), dir);
        ReviewRecord r;
        DecisionEntry e;
        e.decision = ReviewDecision::Abnormal;
        e.reviewer = QStringLiteral("Dr Saved");
        e.note = QStringLiteral("Compare with 2025.");
        e.updatedUtc = QDateTime(QDate(2026, 12, 2), QTime(14, 5), Qt::UTC);
        // A colleague read it as normal the day before.
        r.record({ReviewDecision::Normal,
                  QStringLiteral("Dr Before"),
                  QStringLiteral("Sinus rhythm, no acute change."),
                  QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC),
                  {}});
        r.record(e);
        r.patientAgeYears = 71;
        r.patientId = QStringLiteral("MRN-4711");
        r.patientName = QStringLiteral("Doe, Jane");
        const ReviewSave s = ReviewStore::saveNow(hea, r, m_dir.filePath(QStringLiteral("fb")));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));

        const auto reportText = [&](const QStringList& extra) {
            const QString pdf = dir + QStringLiteral("/r.pdf");
            QFile::remove(pdf);
            QProcess cli;
            cli.start(test::cliPath(),
                      QStringList{QStringLiteral("report"), hea, QStringLiteral("--out"), pdf} +
                          extra);
            cli.waitForFinished(120000);
            if (cli.exitCode() != 0)
                qWarning("%s", cli.readAllStandardError().constData());
            QProcess text;
            text.start(pdftotext, {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
            text.waitForFinished(30000);
            return QString::fromUtf8(text.readAllStandardOutput()).simplified();
        };
        const QString saved = reportText({});
        QVERIFY2(saved.contains(QStringLiteral("Abnormal ECG · reviewed by Dr Saved · 2026-12-02")),
                 qPrintable(saved));
        QVERIFY(saved.contains(QLatin1String("Compare with 2025.")));
        QVERIFY2(saved.contains(QLatin1String("age 71 years")), qPrintable(saved));
        // The ID and name typed in for a file without them, as the window's report has them.
        QVERIFY2(saved.contains(QStringLiteral("Doe, Jane \u00b7 ID MRN-4711")), qPrintable(saved));
        QVERIFY2(
            saved.contains(QStringLiteral("Patient Doe, Jane, ID MRN-4711 \u00b7 00008_lr.hea")),
            qPrintable(saved));
        QVERIFY2(saved.contains(QLatin1String("age group >=65")), qPrintable(saved));
        // The earlier, different decision: flagged on page 1, listed in the review section;
        // anonymised without the name and the date.
        QVERIFY2(saved.contains(QStringLiteral("2026-12-02 14:05 UTC · earlier decisions differ")),
                 qPrintable(saved));
        QVERIFY2(saved.contains(QStringLiteral(
                     "Earlier decision Normal ECG · Dr Before · 2026-12-01 09:30 UTC Note: Sinus "
                     "rhythm, no acute change.")),
                 qPrintable(saved));
        const QString anonymised = reportText({QStringLiteral("--anonymise")});
        QVERIFY2(anonymised.contains(QStringLiteral(
                     "Earlier decision Normal ECG · a clinician (name omitted) · 2026 (date "
                     "removed) Note: omitted (anonymised report)")),
                 qPrintable(anonymised));
        QVERIFY(!anonymised.contains(QLatin1String("Dr Before")));
        QVERIFY(!anonymised.contains(QLatin1String("MRN-4711")));
        QVERIFY(!anonymised.contains(QLatin1String("Jane")));
        QVERIFY(!anonymised.contains(QLatin1String("Sinus rhythm, no acute")));
        const QString ignored = reportText({QStringLiteral("--no-saved-review")});
        QVERIFY(ignored.contains(QLatin1String("UNCONFIRMED")));
        QVERIFY(!ignored.contains(QLatin1String("Dr Saved")));
        const QString given =
            reportText({QStringLiteral("--decision"), QStringLiteral("Normal ECG"),
                        QStringLiteral("--reviewer"), QStringLiteral("Dr Given")});
        QVERIFY(given.contains(QStringLiteral("Normal ECG · reviewed by Dr Given")));
        QVERIFY(!given.contains(QLatin1String("Dr Saved")));
    }

    /// A file without a patient ID or name (a PTB-XL record copied out of its folder): both are
    /// typed into the Patient panel, saved with the review, shown again when the file reopens,
    /// and on the report the window exports.
    void typedIdentifiersOnTheReport()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"));
        const QString dir = m_dir.filePath(QStringLiteral("typed-identifiers"));
        QVERIFY(QDir().mkpath(dir));
        const QString hea = copyRecord(QStringLiteral("ptbxl/records100/00000/00008_lr.hea"), dir);
        {
            auto w = window();
            openAndReadReview(*w, hea);
            PatientPanel* p = w->patientPanel();
            QVERIFY(p->idEditable() && p->nameEditable());
            auto* name = p->findChild<QLineEdit*>(QStringLiteral("patientName"));
            QVERIFY(name);
            // A pasted document is cut where the readers cut a name (256).
            name->setText(QString(1000, QLatin1Char('x')));
            QCOMPARE(name->text().size(), 256);
            const ReviewSave s = editAndWaitForSave(*w, [&] {
                name->setText(QStringLiteral("  Doe,   Jane "));
                emit name->editingFinished();
            });
            QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
            QCOMPARE(s.record.patientName, QStringLiteral("Doe, Jane"));
            const ReviewSave s2 = editAndWaitForSave(*w, [&] {
                p->applyEntered(QStringLiteral("MRN-4711"), QString(), std::nullopt, Sex::Unknown);
            });
            QCOMPARE(s2.record.patientId, QStringLiteral("MRN-4711"));
            QCOMPARE(s2.record.patientName, QStringLiteral("Doe, Jane"));

            // With the site's report/fhir setting the export also writes the results as a FHIR
            // Bundle beside the PDF ("report.fhir.json"), with the typed-in patient and the PDF.
            w->settings().reportFhir = true;
            const QString pdf = QDir(dir).filePath(QStringLiteral("report.pdf"));
            QSignalSpy done(w->reportExporter(), &ReportExporter::finished);
            w->reportExporter()->exportTo(pdf);
            QVERIFY(QTest::qWaitFor([&] { return done.count() > 0; }, 60000));
            QVERIFY2(done.first().at(1).toString().isEmpty(),
                     qPrintable(done.first().at(1).toString()));
            QProcess text;
            text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
            QVERIFY(text.waitForFinished(30000));
            const QString t = QString::fromUtf8(text.readAllStandardOutput()).simplified();
            QVERIFY2(t.contains(QStringLiteral("Doe, Jane \u00b7 ID MRN-4711")), qPrintable(t));
            QVERIFY2(t.contains(QStringLiteral("Patient Doe, Jane, ID MRN-4711")), qPrintable(t));
            QFile fhir(QDir(dir).filePath(QStringLiteral("report.fhir.json")));
            QVERIFY(fhir.open(QIODevice::ReadOnly));
            const QJsonObject bundle = QJsonDocument::fromJson(fhir.readAll()).object();
            QCOMPARE(bundle.value(QStringLiteral("type")).toString(),
                     QStringLiteral("transaction"));
            QFile pdfFile(pdf);
            QVERIFY(pdfFile.open(QIODevice::ReadOnly));
            const QByteArray pdfBytes = pdfFile.readAll();
            bool patient = false, form = false;
            for (const QJsonValue& v : bundle.value(QStringLiteral("entry")).toArray()) {
                const QJsonObject res = v.toObject().value(QStringLiteral("resource")).toObject();
                const QString type = res.value(QStringLiteral("resourceType")).toString();
                if (type == QLatin1String("Patient")) {
                    patient = true;
                    QCOMPARE(res.value(QStringLiteral("identifier"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("value"))
                                 .toString(),
                             QStringLiteral("MRN-4711"));
                    QCOMPARE(res.value(QStringLiteral("name"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("text"))
                                 .toString(),
                             QStringLiteral("Doe, Jane"));
                }
                if (type == QLatin1String("DiagnosticReport"))
                    form = QByteArray::fromBase64(res.value(QStringLiteral("presentedForm"))
                                                      .toArray()
                                                      .at(0)
                                                      .toObject()
                                                      .value(QStringLiteral("data"))
                                                      .toString()
                                                      .toLatin1()) == pdfBytes;
            }
            QVERIFY(patient && form);
        }
        auto again = window();
        const ReviewLoad load = openAndReadReview(*again, hea);
        QVERIFY(load.found);
        QCOMPARE(again->patientPanel()->nameText(), QStringLiteral("Doe, Jane"));
        QCOMPARE(QString::fromStdString(again->patientPanel()->patient().id),
                 QStringLiteral("MRN-4711"));
        QVERIFY(again->patientPanel()->nameEditable()); // typed, not from the file
    }

    void demoHasNothingToReview()
    {
        auto w = window();
        QSignalSpy shown(w.get(), &MainWindow::recordingShown);
        w->openDemo();
        QVERIFY(QTest::qWaitFor([&] { return shown.count() > 0; }, 60000));
        QVERIFY(!w->decisionPanel()->decisionBox()->isEnabled());
        QVERIFY(w->decisionPanel()->statusLabel()->text().contains(QLatin1String("Synthetic")));
    }
};

QTEST_MAIN(TestReview)
#include "tst_review.moc"
