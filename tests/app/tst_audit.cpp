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
#include <QStandardPaths>
#include <QStatusBar>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <tuple>

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

/// SHA-256 of `bytes` by coreutils' sha256sum (an implementation independent of Qt's).
QString sha256sum(const QByteArray& bytes)
{
    QProcess p;
    p.start(QStringLiteral("sha256sum"), {QStringLiteral("-")});
    p.write(bytes);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return QString::fromLatin1(p.readAllStandardOutput().left(64));
}

/// The log's raw lines (without newlines).
QList<QByteArray> rawLines(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = f.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

void writeLines(const QString& path, const QList<QByteArray>& lines, bool lastNewline = true)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(lines.join('\n') + (lastNewline ? QByteArray("\n") : QByteArray()));
}

AuditEvent decisionEvent(int i)
{
    return AuditEvent::decisionRecorded(QStringLiteral("normal"), QStringLiteral("Dr %1").arg(i),
                                        QStringLiteral("/ward/r%1.ecglens-review.json").arg(i));
}

/// `ecglens-cli audit ARGS`: exit status and standard output.
QPair<int, QString> cliAudit(const QStringList& args)
{
    QProcess p;
    p.start(test::cliPath(), QStringList{QStringLiteral("audit")} + args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())};
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

    /// A signed export from the window: the PDF carries a valid signature by the certificate's
    /// holder (pdfsig), the audit line names the signer and the certificate's SHA-256 (as
    /// openssl computes it); a wrong password writes no report and no audit line.
    void signedExportNamesTheSigner()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdfsig")).isEmpty())
            QFAIL("pdfsig not found: install poppler-utils (bash packaging/install-deps.sh)");
        const QString password = m_dir.filePath(QStringLiteral("signing/password.txt"));
        QVERIFY(QDir().mkpath(QFileInfo(password).absolutePath()));
        QFile pw(password);
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write("k7!pass\n");
        pw.close();
        const QString p12 = m_dir.filePath(QStringLiteral("signing/weber.p12"));
        const QString made = test::makeSigningIdentity(
            p12, QStringLiteral("Dr. Jonas Weber"), QStringLiteral("digitalSignature"), password);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        QProcess fp;
        fp.start(QStringLiteral("openssl"),
                 {QStringLiteral("x509"), QStringLiteral("-in"), p12 + QStringLiteral(".pem"),
                  QStringLiteral("-noout"), QStringLiteral("-fingerprint"),
                  QStringLiteral("-sha256")});
        QVERIFY(fp.waitForFinished(30000));
        const QString fingerprint =
            QString::fromLatin1(fp.readAllStandardOutput().trimmed().split('=').last())
                .remove(QLatin1Char(':'))
                .toLower();
        QCOMPARE(fingerprint.size(), 64);

        const QString log = m_dir.filePath(QStringLiteral("audit/signed.jsonl"));
        auto w = window(log);
        openAndWait(*w, m_edf);
        w->flushAudit();
        const int before = int(readLog(log).size());
        const auto exportSigned = [&](const QString& pdf, const QByteArray& pass) {
            QSignalSpy done(w->reportExporter(), &ReportExporter::finished);
            w->reportExporter()->exportTo(pdf, false, {p12, pass});
            if (!QTest::qWaitFor([&] { return done.count() > 0; }, 60000))
                return QStringLiteral("timed out");
            w->flushAudit();
            return done.first().at(1).toString();
        };

        const QString pdf = m_dir.filePath(QStringLiteral("signing/report.pdf"));
        const QString error = exportSigned(pdf, "k7!pass");
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QProcess sig;
        sig.start(QStringLiteral("pdfsig"), {pdf});
        QVERIFY(sig.waitForFinished(30000));
        const QString checked = QString::fromUtf8(sig.readAllStandardOutput());
        QVERIFY2(checked.contains(QStringLiteral("Signature Validation: Signature is Valid.")) &&
                     checked.contains(QStringLiteral("Common Name: Dr. Jonas Weber")) &&
                     checked.contains(QStringLiteral("Total document signed")),
                 qPrintable(checked));
        // Its certificate (30 days) ends within the warning period: the message says so.
        const QString message = w->statusBar()->currentMessage();
        QVERIFY2(message.contains(QStringLiteral("signed by Dr. Jonas Weber")) &&
                     message.contains(QStringLiteral("the signing certificate expires on")),
                 qPrintable(message));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(ReportExporter::expiryNote(now.addDays(ReportExporter::kExpiryWarningDays + 2))
                    .isEmpty());
        QVERIFY(!ReportExporter::expiryNote(now.addDays(3)).isEmpty());
        const QList<QJsonObject> lines = readLog(log);
        QCOMPARE(lines.size(), before + 1);
        QCOMPARE(lines.last()[QStringLiteral("event")].toString(),
                 QStringLiteral("report-exported"));
        QCOMPARE(lines.last()[QStringLiteral("signed_by")].toString(),
                 QStringLiteral("Dr. Jonas Weber"));
        QCOMPARE(lines.last()[QStringLiteral("certificate_sha256")].toString(), fingerprint);

        const QString refused = m_dir.filePath(QStringLiteral("signing/refused.pdf"));
        const QString wrong = exportSigned(refused, "guess");
        QVERIFY2(wrong.contains(QStringLiteral("did not open with this password")),
                 qPrintable(wrong));
        QVERIFY(!QFile::exists(refused));
        QCOMPARE(readLog(log).size(), before + 1);
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
        const QString fhir = m_dir.filePath(QStringLiteral("cli-report.fhir.json"));
        cli.start(test::cliPath(),
                  {QStringLiteral("report"), m_edf, QStringLiteral("--out"), pdf,
                   QStringLiteral("--no-analysis"), QStringLiteral("--fhir"), fhir});
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        const QList<QJsonObject> lines = readLog(log);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0][QStringLiteral("event")].toString(), QStringLiteral("report-exported"));
        QVERIFY(lines[0][QStringLiteral("program")].toString().startsWith(
            QLatin1String("ecglens-cli ")));
        QCOMPARE(lines[0][QStringLiteral("sha256")].toString(), m_sha256);
        QCOMPARE(lines[0][QStringLiteral("output")].toString(), pdf);
        QCOMPARE(lines[0][QStringLiteral("fhir_output")].toString(), fhir); // results disclosed
        QVERIFY(QFile::exists(fhir));
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

    /// Each line carries the SHA-256 of the line before it (sha256sum's, of the bytes in the
    /// file without the newline; 64 zeros for the first), and the check finds a line changed,
    /// removed, inserted, cut short, or removed from the end.
    void linesAreChained()
    {
        const QString log = m_dir.filePath(QStringLiteral("chain/audit.jsonl"));
        const AuditLog audit(log);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(audit.append(decisionEvent(i)), QString());
        const QList<QByteArray> lines = rawLines(log);
        QCOMPARE(lines.size(), 4);
        const auto link = [](const QByteArray& line) {
            return QJsonDocument::fromJson(line).object()[QStringLiteral("prev_sha256")].toString();
        };
        QCOMPARE(link(lines[0]), QString(64, QLatin1Char('0')));
        for (int i = 1; i < 4; ++i)
            QCOMPARE(link(lines[i]), sha256sum(lines[i - 1]));
        AuditCheck check = AuditLog::verify(log);
        QVERIFY2(check.intact(), qPrintable(check.problems.join(QLatin1Char('\n'))));
        QCOMPARE(check.lines, 4);
        QCOMPARE(check.unchained, 0);
        QCOMPARE(check.head, sha256sum(lines[3]));
        const QString head = check.head;

        const QString copy = m_dir.filePath(QStringLiteral("chain/tampered.jsonl"));
        const auto problems = [&](const QList<QByteArray>& tampered, bool lastNewline = true) {
            writeLines(copy, tampered, lastNewline);
            const AuditCheck c = AuditLog::verify(copy, head);
            return c.problems.join(QLatin1Char('\n'));
        };
        // A reviewer's name changed on line 2: line 3 no longer follows it.
        QList<QByteArray> edited = lines;
        edited[1].replace("Dr 1", "Dr 9");
        // (Line 4 is unchanged, so the known head is still there.)
        QCOMPARE(problems(edited),
                 QStringLiteral("line 3: does not follow line 2: a line was changed, inserted or "
                                "removed there"));
        // Line 2 removed: line 3 (now the second) does not follow line 1.
        QCOMPARE(problems({lines[0], lines[2], lines[3]}),
                 QStringLiteral("line 2: does not follow line 1: a line was changed, inserted or "
                                "removed there"));
        // The first line removed: the log no longer starts its chain.
        QVERIFY(problems({lines[1], lines[2], lines[3]})
                    .startsWith(QLatin1String("line 1: the first line does not start a chain")));
        // A line inserted that links itself to line 2: line 4 (the old line 3) does not
        // follow it.
        QJsonObject forged = QJsonDocument::fromJson(lines[1]).object();
        forged[QStringLiteral("reviewer")] = QStringLiteral("Dr Forger");
        forged[QStringLiteral("prev_sha256")] = sha256sum(lines[1]);
        QCOMPARE(problems({lines[0], lines[1], QJsonDocument(forged).toJson(QJsonDocument::Compact),
                           lines[2], lines[3]}),
                 QStringLiteral("line 4: does not follow line 3: a line was changed, inserted or "
                                "removed there"));
        // The last line removed: the rest is a valid chain; only the known head tells.
        QCOMPARE(problems({lines[0], lines[1], lines[2]}),
                 QStringLiteral("the line an earlier check ended with (SHA-256 %1) is gone: lines "
                                "were removed from the end, or changed")
                     .arg(head));
        // A link removed from a line amid linked ones.
        QList<QByteArray> unlinked = lines;
        unlinked[2] = QJsonDocument([&] {
                          QJsonObject o = QJsonDocument::fromJson(lines[2]).object();
                          o.remove(QStringLiteral("prev_sha256"));
                          return o;
                      }())
                          .toJson(QJsonDocument::Compact);
        QVERIFY(problems(unlinked).startsWith(QLatin1String("line 3: no link to the line before")));

        // A write cut short (a crash, a full disk): reported; the next line starts on a line of
        // its own and links to the torn one, so the chain goes on after it.
        QList<QByteArray> torn = lines;
        torn[3].truncate(40);
        writeLines(copy, torn, false);
        QCOMPARE(AuditLog(copy).append(decisionEvent(5)), QString());
        check = AuditLog::verify(copy);
        QCOMPARE(check.lines, 5);
        QCOMPARE(check.problems,
                 QStringList{QStringLiteral("line 4: not one complete JSON object (damaged, or a "
                                            "write cut short)")});
        QCOMPARE(link(rawLines(copy)[4]), sha256sum(torn[3]));
    }

    /// Lines written before the chain existed are counted, not reported; the first linked line
    /// links to the last of them.
    void olderLinesStartTheChain()
    {
        const QString log = m_dir.filePath(QStringLiteral("chain/older.jsonl"));
        const QList<QByteArray> older{
            QByteArrayLiteral(R"({"event":"recording-opened","user":"a"})"),
            QByteArrayLiteral(R"({"event":"report-exported","user":"b"})")};
        writeLines(log, older);
        QCOMPARE(AuditLog(log).append(decisionEvent(1)), QString());
        const AuditCheck check = AuditLog::verify(log);
        QVERIFY2(check.intact(), qPrintable(check.problems.join(QLatin1Char('\n'))));
        QCOMPARE(check.unchained, 2);
        QCOMPARE(check.lines, 3);
        QCOMPARE(QJsonDocument::fromJson(rawLines(log)[2])
                     .object()[QStringLiteral("prev_sha256")]
                     .toString(),
                 sha256sum(older[1]));
    }

    /// Programs appending at once each link to the line really before theirs: four writers of
    /// 100 lines each (each its own open file, as separate programs have) leave a chain of 400.
    void concurrentWritersKeepTheChain()
    {
        const QString log = m_dir.filePath(QStringLiteral("chain/concurrent.jsonl"));
        std::vector<std::thread> writers;
        std::atomic<int> failures{0};
        for (int w = 0; w < 4; ++w)
            writers.emplace_back([&, w] {
                const AuditLog audit(log);
                for (int i = 0; i < 100; ++i)
                    if (!audit.append(decisionEvent(w * 1000 + i)).isEmpty())
                        ++failures;
            });
        for (std::thread& t : writers)
            t.join();
        QCOMPARE(failures.load(), 0);
        const AuditCheck check = AuditLog::verify(log);
        QVERIFY2(check.intact(), qPrintable(check.problems.join(QLatin1Char('\n'))));
        QCOMPARE(check.lines, 400);
    }

    /// `ecglens-cli audit`: exit status 0 on an intact chain, 1 with the broken line named, 2 when
    /// the log cannot be read; --head finds lines removed from the end.
    void cliChecksTheChain()
    {
        const QString log = m_dir.filePath(QStringLiteral("chain/cli.jsonl"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(AuditLog(log).append(decisionEvent(i)), QString());
        const QList<QByteArray> lines = rawLines(log);
        const QString head = sha256sum(lines[2]);
        auto [status, out] = cliAudit({QStringLiteral("--log"), log});
        QCOMPARE(status, 0);
        QVERIFY2(out.contains(QLatin1String("3 lines, chain intact")) &&
                     out.contains(QStringLiteral("head ") + head),
                 qPrintable(out));
        writeLines(log, {lines[0], lines[2]});
        std::tie(status, out) = cliAudit({QStringLiteral("--log"), log});
        QCOMPARE(status, 1);
        QVERIFY2(out.contains(QLatin1String("CHAIN BROKEN")) &&
                     out.contains(QLatin1String("line 2: does not follow line 1")),
                 qPrintable(out));
        writeLines(log, {lines[0], lines[1]});
        std::tie(status, out) =
            cliAudit({QStringLiteral("--log"), log, QStringLiteral("--head"), head});
        QCOMPARE(status, 1);
        QVERIFY2(out.contains(QLatin1String("is gone")), qPrintable(out));
        std::tie(status, out) = cliAudit(
            {QStringLiteral("--log"), m_dir.filePath(QStringLiteral("chain/missing.jsonl"))});
        QCOMPARE(status, 2);
        QVERIFY2(out.contains(QLatin1String("missing.jsonl")), qPrintable(out));
    }
};

QTEST_MAIN(TestAudit)
#include "tst_audit.moc"
