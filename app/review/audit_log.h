#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

class QSettings;

namespace ecglens {

/// One entry of the audit trail: who did what with which recording, when, on which workstation
/// (the questions an IHE ATNA / RFC 3881 audit record answers: event, user, host, object).
struct AuditEvent
{
    /// "recording-opened", "decision-recorded", "report-exported", "report-printed"
    QString event;
    QString recordingPath;
    QString sha256;     ///< of the recording's content (as the review's key)
    QString patientId;  ///< as shown: from the file or typed in
    QJsonObject detail; ///< the event's own fields (decision, reviewer, output, printer, ...)
    QDateTime timeUtc;  ///< when it happened; invalid: when it is appended

    // The events, with their fields, for every program that records them.
    /// A recording was opened; `comparedWith`: to compare it with that shown one.
    static AuditEvent recordingOpened(const QString& format, const QString& comparedWith = {});
    /// A decision was recorded (or who made it changed), saved in `reviewFile`.
    static AuditEvent decisionRecorded(const QString& decisionKey, const QString& reviewer,
                                       const QString& reviewFile);
    /// The clinician's caliper measurements changed (recorded, replaced or removed), saved in
    /// `reviewFile`; `measurements` lists those now recorded ("qt 468 ms, rr 1360 ms"; empty
    /// when the last one was removed).
    static AuditEvent measurementsRecorded(const QString& measurements, const QString& reviewFile);
    /// A report went to the PDF file `output`, or to the printer of that name.
    static AuditEvent reportWritten(const QString& output, bool printed, bool anonymised);
    /// A folder was listed as a worklist.
    static AuditEvent worklistListed(const QString& folder, int recordings);
    /// A report was digitally signed: by whom (the certificate's name) and with which certificate.
    AuditEvent& signedBy(const QString& signer, const QString& certificateSha256);
    /// The report's results also went to the FHIR Bundle `jsonPath` (report::fhirBundle).
    AuditEvent& withFhir(const QString& jsonPath);
    /// Names the recording the event is about.
    AuditEvent& on(const QString& path, const QString& sha256Hex, const QString& patient);
};

/// What AuditLog::verify found: whether each line still follows the one before it.
struct AuditCheck
{
    qint64 lines = 0;     ///< lines in the file
    qint64 unchained = 0; ///< leading lines without a link (written before ECG Lens chained them)
    QString head;         ///< SHA-256 of the last line: note it to notice later removal at the end
    QStringList problems; ///< "line 7: …", in file order (at most kMaxProblems, then a count)
    QString error;        ///< the file cannot be read (then nothing else is set)
    bool intact() const { return error.isEmpty() && problems.isEmpty(); }
    static constexpr int kMaxProblems = 50;
};

/// The audit trail of access to patient data, for the hospital's audit controls: one JSON line
/// per event appended to a file (JSON Lines), never rewritten. Where it goes is a site setting
/// (`[audit] log=/path/audit.jsonl` in the site file, see the README; `log=off` turns it off);
/// without one, `<app data>/audit.jsonl` of the user (created readable by the user alone; a
/// file the site names keeps the permissions its folder gives, so several users can append).
/// Each line is one write(2) on a file opened with O_APPEND, so programs writing to a shared
/// log do not interleave within a line.
///
/// The lines form a hash chain: each carries `prev_sha256`, the SHA-256 of the line before it
/// (of the first line: 64 zeros), read and written under an exclusive lock (flock) so that
/// programs appending at once each link to the line really before theirs. verify() finds a line
/// that was changed, inserted or removed, unless whoever did it recomputed every later link:
/// tamper-evident against edits, not proof against someone who may write the file.
class AuditLog
{
public:
    AuditLog() = default;
    explicit AuditLog(QString path) : m_path(std::move(path)) {}

    /// From `audit/log` in `store` (a native store falls back to the site file), else the default.
    static AuditLog fromSettings(const QSettings& store);
    /// The one ECG Lens's programs share when nothing is set: the GUI's application data folder.
    static QString defaultPath();
    /// For programs without the window's settings store (ecglens-cli): the window's own settings
    /// file of this user, which falls back to the site file.
    static AuditLog configured();

    bool enabled() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }

    /// Appends `e` with the time (UTC), the program, the user and the host. Returns an empty
    /// string, or why it could not be written (the caller shows it; the work goes on).
    QString append(const AuditEvent& e) const;

    /// Checks the chain of the log at `path` (see the class comment). `knownHead`: the head an
    /// earlier check gave; the line it names must still be there (lines removed from the end
    /// leave the rest of the chain intact).
    static AuditCheck verify(const QString& path, const QString& knownHead = {});
    /// SHA-256 (hex) of one line as it stands in the file, without its newline.
    static QString lineHash(const QByteArray& line);
    /// The link of the first line.
    static QString firstLink() { return QString(64, QLatin1Char('0')); }

private:
    QString m_path;
};

} // namespace ecglens
