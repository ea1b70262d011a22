#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

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
    /// Names the recording the event is about.
    AuditEvent& on(const QString& path, const QString& sha256Hex, const QString& patient);
};

/// The audit trail of access to patient data, for the hospital's audit controls: one JSON line
/// per event appended to a file (JSON Lines), never rewritten. Where it goes is a site setting
/// (`[audit] log=/path/audit.jsonl` in the site file, see the README; `log=off` turns it off);
/// without one, `<app data>/audit.jsonl` of the user (created readable by the user alone; a
/// file the site names keeps the permissions its folder gives, so several users can append).
/// Each line is one write(2) on a file opened with O_APPEND, so programs writing to a shared
/// log do not interleave within a line.
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

private:
    QString m_path;
};

} // namespace ecglens
