#include "audit_log.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSettings>
#include <QStandardPaths>
#include <QSysInfo>

#include <pwd.h>
#include <unistd.h>

namespace ecglens {

namespace {

/// The login name of the account the program runs as (not $USER, which anyone can set).
QString userName()
{
    if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    return QStringLiteral("uid %1").arg(geteuid());
}

} // namespace

QString AuditLog::defaultPath()
{
    // Spelled out (as the review fallback folder is) so that ecglens-cli writes to the same file.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("ECG Lens/ecglens/audit.jsonl"));
}

AuditLog AuditLog::fromSettings(const QSettings& store)
{
    const QString set = store.value(QStringLiteral("audit/log")).toString().trimmed();
    if (set.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0)
        return AuditLog();
    return AuditLog(set.isEmpty() ? defaultPath() : QDir::cleanPath(set));
}

AuditEvent AuditEvent::recordingOpened(const QString& format, const QString& comparedWith)
{
    AuditEvent e;
    e.event = QStringLiteral("recording-opened");
    e.detail[QStringLiteral("format")] = format;
    if (!comparedWith.isEmpty())
        e.detail[QStringLiteral("compared_with")] = QFileInfo(comparedWith).absoluteFilePath();
    return e;
}

AuditEvent AuditEvent::decisionRecorded(const QString& decisionKey, const QString& reviewer,
                                        const QString& reviewFile)
{
    AuditEvent e;
    e.event = QStringLiteral("decision-recorded");
    e.detail = {{QStringLiteral("decision"), decisionKey},
                {QStringLiteral("reviewer"), reviewer},
                {QStringLiteral("review_file"), reviewFile}};
    return e;
}

AuditEvent AuditEvent::measurementsRecorded(const QString& measurements, const QString& reviewFile)
{
    AuditEvent e;
    e.event = QStringLiteral("measurements-recorded");
    e.detail = {{QStringLiteral("measurements"), measurements},
                {QStringLiteral("review_file"), reviewFile}};
    return e;
}

AuditEvent AuditEvent::reportWritten(const QString& output, bool printed, bool anonymised)
{
    AuditEvent e;
    e.event = printed ? QStringLiteral("report-printed") : QStringLiteral("report-exported");
    e.detail = {{printed ? QStringLiteral("printer") : QStringLiteral("output"),
                 printed ? output : QFileInfo(output).absoluteFilePath()},
                {QStringLiteral("anonymised"), anonymised}};
    return e;
}

AuditEvent AuditEvent::worklistListed(const QString& folder, int recordings)
{
    AuditEvent e;
    e.event = QStringLiteral("worklist-listed");
    e.detail = {{QStringLiteral("folder"), QFileInfo(folder).absoluteFilePath()},
                {QStringLiteral("recordings"), recordings}};
    return e;
}

AuditEvent& AuditEvent::on(const QString& path, const QString& sha256Hex, const QString& patient)
{
    recordingPath = path;
    sha256 = sha256Hex;
    patientId = patient;
    return *this;
}

AuditLog AuditLog::configured()
{
    const QSettings store(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("ECG Lens"),
                          QStringLiteral("ecglens"));
    return fromSettings(store);
}

QString AuditLog::append(const AuditEvent& e) const
{
    if (!enabled())
        return {};
    QJsonObject o;
    o[QStringLiteral("time")] =
        (e.timeUtc.isValid() ? e.timeUtc.toUTC() : QDateTime::currentDateTimeUtc())
            .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    o[QStringLiteral("program")] = QString(QCoreApplication::applicationName() + QLatin1Char(' ') +
                                           QCoreApplication::applicationVersion());
    o[QStringLiteral("user")] = userName();
    o[QStringLiteral("host")] = QSysInfo::machineHostName();
    o[QStringLiteral("event")] = e.event;
    if (!e.recordingPath.isEmpty())
        o[QStringLiteral("recording")] = QFileInfo(e.recordingPath).absoluteFilePath();
    if (!e.sha256.isEmpty())
        o[QStringLiteral("sha256")] = e.sha256;
    if (!e.patientId.isEmpty())
        o[QStringLiteral("patient_id")] = e.patientId;
    for (auto it = e.detail.begin(); it != e.detail.end(); ++it)
        o[it.key()] = it.value();
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';

    QFile file(m_path);
    const bool fresh = !file.exists();
    if (fresh && !QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return QCoreApplication::translate("ecglens::AuditLog",
                                           "audit log %1: its folder cannot be created")
            .arg(QDir::toNativeSeparators(m_path));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return QCoreApplication::translate("ecglens::AuditLog", "audit log %1: %2")
            .arg(QDir::toNativeSeparators(m_path), file.errorString());
    // The user's own log is theirs alone; a log the site names keeps the permissions the
    // folder gives it (several users may append to it).
    if (fresh && m_path == defaultPath())
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(line) != line.size())
        return QCoreApplication::translate("ecglens::AuditLog", "audit log %1: %2")
            .arg(QDir::toNativeSeparators(m_path), file.errorString());
    return {};
}

} // namespace ecglens
