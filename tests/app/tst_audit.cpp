// The audit trail (AuditLog): which recording was opened, decided on and exported, by whom, on
// which workstation, as JSON lines appended to the file the site setting audit/log names.
// Checked through the real window (offscreen) and ecglens-cli, against independent values: the
// recording's SHA-256 from coreutils' sha256sum, the user from `id -un`, the patient ID written
// into the EDF header here.

#include "decision_panel.h"
#include "ecg_plot.h"
#include "ecg_viewer.h"
#include "help_actions.h"
#include "main_window.h"
#include "report_export.h"
#include "test_data.h"
#include "test_window.h"
#include "worklist_panel.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace ecglens;

namespace {

QString run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
}

/// The log's lines as JSON objects (a line that is not one JSON object fails the test).
QList<QJsonObject> readLog(const QString& path)
{
    QList<QJsonObject> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            qFatal("audit log line is not a JSON object: %s", line.constData());
        out << doc.object();
    }
    return out;
}

} // namespace

class TestAudit : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_edf;    ///< an EDF with a patient ID, in a folder reviews can be saved in
    QString m_sha256; ///< of m_edf, by sha256sum

    std::unique_ptr<MainWindow> window(const QString& auditSetting)
    {
        const QString ini = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_windows));
        {
            QSettings s(ini, QSettings::IniFormat);
            if (!auditSetting.isNull())
                s.setValue(QStringLiteral("audit/log"), auditSetting);
        }
        return test::makeWindow(QDir(m_dir.path()), QFileInfo(ini).fileName());
    }
    int m_windows = 0;

    static void openAndWait(MainWindow& w, const QString& path)
    {
        QSignalSpy loaded(&w, &MainWindow::reviewLoaded);
        w.openPath(path);
        QVERIFY2(QTest::qWaitFor([&] { return loaded.count() > 0; }, 60000), qPrintable(path));
    }

    static void editAndWaitForSave(MainWindow& w, const std::function<void()>& edit)
    {
        QSignalSpy saved(&w, &MainWindow::reviewSaved);
        edit();
        QVERIFY(QTest::qWaitFor([&] { return saved.count() > 0; }, 10000));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/test_generator_2.edf"));
        QFile in(test::dataPath(QStringLiteral("wfdb-samples/test_generator_2.edf")));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray edf = in.readAll();
        // EDF+ local patient identification (bytes 8-87): code, sex, birthdate, name.
        edf.replace(8, 80, QByteArray("MRN-4711 F 02-MAR-1951 Audit_Test").leftJustified(80, ' '));
        QDir().mkpath(m_dir.filePath(QStringLiteral("ward")));
        m_edf = m_dir.filePath(QStringLiteral("ward/patient.edf"));
        QFile out(m_edf);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(edf);
        out.close();
        m_sha256 = run(QStringLiteral("sha256sum"), {m_edf}).left(64);
        QCOMPARE(m_sha256.size(), 64);
    }

    void windowRecordsOpenDecisionAndReport()
    {
        const QString log = m_dir.filePath(QStringLiteral("audit/site.jsonl"));
        auto w = window(log);
        openAndWait(*w, m_edf);
        w->flushAudit(); // written in the background
        QList<QJsonObject> lines = readLog(log);
        QCOMPARE(lines.size(), 1);
        const QJsonObject opened = lines[0];
        QCOMPARE(opened[QStringLiteral("event")].toString(), QStringLiteral("recording-opened"));
        QCOMPARE(opened[QStringLiteral("recording")].toString(),
                 QFileInfo(m_edf).absoluteFilePath());
        QCOMPARE(opened[QStringLiteral("sha256")].toString(), m_sha256);
        QCOMPARE(opened[QStringLiteral("patient_id")].toString(), QStringLiteral("MRN-4711"));
        QCOMPARE(opened[QStringLiteral("user")].toString(),
                 run(QStringLiteral("id"), {QStringLiteral("-un")}));
        QCOMPARE(opened[QStringLiteral("host")].toString(), QSysInfo::machineHostName());
        QVERIFY(
            opened[QStringLiteral("program")].toString().startsWith(QLatin1String("tst_audit")));
        QCOMPARE(opened[QStringLiteral("format")].toString(), QStringLiteral("EDF+C"));
        const QDateTime when =
            QDateTime::fromString(opened[QStringLiteral("time")].toString(), Qt::ISODateWithMs);
        QVERIFY(when.isValid());
        QCOMPARE(when.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(when.secsTo(QDateTime::currentDateTimeUtc())) < 120);
        // A log the site names is shared: it keeps the permissions any new file there gets (the
        // umask's), not the owner-only default's.
        const QString probe = QFileInfo(log).absolutePath() + QStringLiteral("/probe");
        {
            QFile p(probe);
            QVERIFY(p.open(QIODevice::WriteOnly));
        }
        QCOMPARE(QFileInfo(log).permissions(), QFileInfo(probe).permissions());
        QFile::remove(probe);

        DecisionPanel* p = w->decisionPanel();
        editAndWaitForSave(*w, [&] {
            p->decisionBox()->setCurrentIndex(
                p->decisionBox()->findData(QStringLiteral("abnormal")));
            QTest::keyClicks(p->reviewerEdit(), QStringLiteral("Dr Audit"));
        });
        w->flushReview();
        w->flushAudit(); // written in the background
        lines = readLog(log);
        QVERIFY2(lines.size() >= 2, qPrintable(QString::number(lines.size())));
        const QJsonObject decided = lines.last();
        QCOMPARE(decided[QStringLiteral("event")].toString(), QStringLiteral("decision-recorded"));
        QCOMPARE(decided[QStringLiteral("decision")].toString(), QStringLiteral("abnormal"));
        QCOMPARE(decided[QStringLiteral("reviewer")].toString(), QStringLiteral("Dr Audit"));
        QCOMPARE(decided[QStringLiteral("sha256")].toString(), m_sha256);
        QCOMPARE(decided[QStringLiteral("review_file")].toString(),
                 m_edf + QStringLiteral(".ecglens-review.json"));
        const int afterDecision = lines.size();

        // A note is not a decision: saved, not audited.
        editAndWaitForSave(*w, [&] { p->noteEdit()->setPlainText(QStringLiteral("Recheck K+.")); });
        w->flushReview();
        w->flushAudit(); // written in the background
        QCOMPARE(readLog(log).size(), afterDecision);

        // A caliper measurement is part of the record: audited when recorded and when removed.
        w->viewer()->plot()->setCalipers(1.0, 1.4, 0);
        editAndWaitForSave(*w, [&] { p->recordButton(QStringLiteral("qt"))->click(); });
        w->flushReview();
        w->flushAudit();
        lines = readLog(log);
        QCOMPARE(lines.size(), afterDecision + 1);
        QCOMPARE(lines.last()[QStringLiteral("event")].toString(),
                 QStringLiteral("measurements-recorded"));
        QCOMPARE(lines.last()[QStringLiteral("measurements")].toString(),
                 QStringLiteral("qt 400 ms"));
        editAndWaitForSave(*w, [&] { p->removeManual(QStringLiteral("qt")); });
        w->flushReview();
        w->flushAudit();
        lines = readLog(log);
        QCOMPARE(lines.size(), afterDecision + 2);
        QCOMPARE(lines.last()[QStringLiteral("measurements")].toString(), QString());
        const int afterMeasurements = lines.size();

        const QString pdf = m_dir.filePath(QStringLiteral("ward/report.pdf"));
        QSignalSpy done(w->reportExporter(), &ReportExporter::finished);
        w->reportExporter()->exportTo(pdf, true);
        QVERIFY(QTest::qWaitFor([&] { return done.count() > 0; }, 60000));
        QVERIFY2(done.first().at(1).toString().isEmpty(),
                 qPrintable(done.first().at(1).toString()));
        w->flushAudit(); // written in the background
        lines = readLog(log);
        QCOMPARE(lines.size(), afterMeasurements + 1);
        const QJsonObject exported = lines.last();
        QCOMPARE(exported[QStringLiteral("event")].toString(), QStringLiteral("report-exported"));
        QCOMPARE(exported[QStringLiteral("output")].toString(), pdf);
        QCOMPARE(exported[QStringLiteral("anonymised")].toBool(), true);
        QCOMPARE(exported[QStringLiteral("patient_id")].toString(), QStringLiteral("MRN-4711"));

        // A second window appends; nothing earlier is rewritten.
        const QByteArray before = [&] {
            QFile f(log);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        auto again = window(log);
        openAndWait(*again, m_edf);
        again->flushAudit(); // written in the background
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray after = f.readAll();
        QVERIFY(after.startsWith(before));
        QCOMPARE(readLog(log).size(), lines.size() + 1);
    }

    void worklistListingIsRecorded()
    {
        const QString folder = m_dir.filePath(QStringLiteral("list"));
        QDir().mkpath(folder);
        QVERIFY(QFile::copy(m_edf, folder + QStringLiteral("/a.edf")));
        QVERIFY(QFile::copy(m_edf, folder + QStringLiteral("/b.edf")));
        const QString log = m_dir.filePath(QStringLiteral("audit/list.jsonl"));
        auto w = window(log);
        QSignalSpy finished(w->worklist(), &WorklistPanel::scanFinished);
        w->openFolder(folder);
        QVERIFY(QTest::qWaitFor([&] { return finished.count() > 0; }, 60000));
        w->flushAudit(); // written in the background
        const QList<QJsonObject> lines = readLog(log);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0][QStringLiteral("event")].toString(), QStringLiteral("worklist-listed"));
        QCOMPARE(lines[0][QStringLiteral("folder")].toString(),
                 QFileInfo(folder).absoluteFilePath());
        QCOMPARE(lines[0][QStringLiteral("recordings")].toInt(), 2);
    }

    void unwritableLogIsShownAndWorkGoesOn()
    {
        // A path below a regular file cannot be created.
        const QString blocker = m_dir.filePath(QStringLiteral("not-a-folder"));
        QFile b(blocker);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.close();
        auto w = window(blocker + QStringLiteral("/audit.jsonl"));
        QSignalSpy shown(w.get(), &MainWindow::recordingShown);
        openAndWait(*w, m_edf);
        w->flushAudit(); // written in the background
        QVERIFY2(w->statusBar()->currentMessage().contains(QLatin1String("audit log")),
                 qPrintable(w->statusBar()->currentMessage()));
        QVERIFY(w->recording());
        QVERIFY(w->decisionPanel()->decisionBox()->isEnabled()); // the review goes on
    }

    void offTurnsItOff()
    {
        const QString log = m_dir.filePath(QStringLiteral("audit/off.jsonl"));
        auto w = window(QStringLiteral("off"));
        QVERIFY(!w->auditLog().enabled());
        QVERIFY2(HelpActions::auditText(w->auditLog()).contains(QLatin1String("Off")),
                 qPrintable(HelpActions::auditText(w->auditLog())));
        openAndWait(*w, m_edf);
        w->flushAudit(); // written in the background
        QVERIFY(!QFile::exists(log));
        // Without a setting: the user's own log under the application data folder.
        auto d = window(QString());
        QCOMPARE(d->auditLog().path(), AuditLog::defaultPath());
        // The About box says where the log is.
        QVERIFY2(HelpActions::auditText(d->auditLog()).contains(AuditLog::defaultPath()),
                 qPrintable(HelpActions::auditText(d->auditLog())));
        QVERIFY(d->auditLog().path().endsWith(QLatin1String("ECG Lens/ecglens/audit.jsonl")));
        // The user's own log, created by the program, is readable by its owner alone.
        openAndWait(*d, m_edf);
        d->flushAudit(); // written in the background
        QVERIFY(QFile::exists(AuditLog::defaultPath()));
        QCOMPARE(QFileInfo(AuditLog::defaultPath()).permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                      QFileDevice::WriteOther),
                 QFileDevice::Permissions());
    }

    void cliReportIsRecorded()
    {
        // ecglens-cli reads the same setting from the user's (or the site's) settings file.
        QTemporaryDir config;
        const QString log = m_dir.filePath(QStringLiteral("audit/cli.jsonl"));
        QDir().mkpath(config.filePath(QStringLiteral("ECG Lens")));
        {
            QSettings s(config.filePath(QStringLiteral("ECG Lens/ecglens.conf")),
                        QSettings::IniFormat);
            s.setValue(QStringLiteral("audit/log"), log);
        }
        const QString pdf = m_dir.filePath(QStringLiteral("cli-report.pdf"));
        QProcess cli;
        cli.setProcessEnvironment(
            test::environmentWith({QStringLiteral("XDG_CONFIG_HOME=") + config.path()}));
        cli.start(test::cliPath(), {QStringLiteral("report"), m_edf, QStringLiteral("--out"), pdf,
                                    QStringLiteral("--no-analysis")});
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        const QList<QJsonObject> lines = readLog(log);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0][QStringLiteral("event")].toString(), QStringLiteral("report-exported"));
        QVERIFY(lines[0][QStringLiteral("program")].toString().startsWith(
            QLatin1String("ecglens-cli ")));
        QCOMPARE(lines[0][QStringLiteral("sha256")].toString(), m_sha256);
        QCOMPARE(lines[0][QStringLiteral("output")].toString(), pdf);
        QCOMPARE(lines[0][QStringLiteral("anonymised")].toBool(), false);
        QCOMPARE(lines[0][QStringLiteral("patient_id")].toString(), QStringLiteral("MRN-4711"));

        // `ecglens-cli worklist` shows patients' IDs and decisions: listed too.
        QProcess list;
        list.setProcessEnvironment(cli.processEnvironment());
        list.start(test::cliPath(),
                   {QStringLiteral("worklist"), QFileInfo(m_edf).absolutePath(),
                    QStringLiteral("--reviews"), m_dir.filePath(QStringLiteral("fallback"))});
        QVERIFY(list.waitForFinished(120000));
        QVERIFY2(list.exitCode() == 0, list.readAllStandardError().constData());
        const QList<QJsonObject> after = readLog(log);
        QCOMPARE(after.size(), 2);
        QCOMPARE(after[1][QStringLiteral("event")].toString(), QStringLiteral("worklist-listed"));
        QCOMPARE(after[1][QStringLiteral("folder")].toString(), QFileInfo(m_edf).absolutePath());
        QCOMPARE(after[1][QStringLiteral("recordings")].toInt(), 1); // patient.edf
    }
};

QTEST_MAIN(TestAudit)
#include "tst_audit.moc"
