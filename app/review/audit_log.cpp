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

#include <QCryptographicHash>
#include <QJsonParseError>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <utility>

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
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

/// A file descriptor closed when it goes (and with it the lock flock took).
class Fd
{
public:
    explicit Fd(int fd) : m_fd(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    Fd& operator=(Fd&& other) noexcept
    {
        std::swap(m_fd, other.m_fd);
        return *this;
    }
    Fd(Fd&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool ok() const { return m_fd >= 0; }
    int get() const { return m_fd; }

private:
    int m_fd;
};

bool writeAll(int fd, const QByteArray& bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, std::size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

/// The last line of the file `fd` without its newline (`empty` set for an empty file). A last
/// line without a newline (a write cut short) is returned as it is, and `prefix` is set to the
/// newline that ends it before another line is appended. Lines longer than kMaxLine are not
/// lines this program wrote: the link to one is to its last kMaxLine bytes (verify() reports
/// it). Nothing on a read error (errno set).
std::optional<QByteArray> lastLine(int fd, QByteArray& prefix, bool& empty)
{
    constexpr off_t kMaxLine = 1 << 20;
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0)
        return std::nullopt;
    empty = st.st_size == 0;
    if (empty)
        return QByteArray();
    const off_t from = std::max<off_t>(0, st.st_size - kMaxLine - 1);
    QByteArray tail(qsizetype(st.st_size - from), Qt::Uninitialized);
    qsizetype got = 0;
    while (got < tail.size()) {
        const ssize_t n =
            ::pread(fd, tail.data() + got, std::size_t(tail.size() - got), from + got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return std::nullopt;
        if (n == 0)
            break;
        got += n;
    }
    tail.truncate(got);
    if (tail.endsWith('\n'))
        tail.chop(1);
    else
        prefix = QByteArrayLiteral("\n");
    return tail.mid(tail.lastIndexOf('\n') + 1);
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

AuditEvent& AuditEvent::signedBy(const QString& signer, const QString& certificateSha256)
{
    detail.insert(QStringLiteral("signed_by"), signer);
    detail.insert(QStringLiteral("certificate_sha256"), certificateSha256);
    return *this;
}

AuditEvent& AuditEvent::withFhir(const QString& jsonPath)
{
    detail.insert(QStringLiteral("fhir_output"), QFileInfo(jsonPath).absoluteFilePath());
    return *this;
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

    const auto failed = [this](const QString& why) {
        return QCoreApplication::translate("ecglens::AuditLog", "audit log %1: %2")
            .arg(QDir::toNativeSeparators(m_path), why);
    };
    const bool fresh = !QFileInfo::exists(m_path);
    if (fresh && !QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return QCoreApplication::translate("ecglens::AuditLog",
                                           "audit log %1: its folder cannot be created")
            .arg(QDir::toNativeSeparators(m_path));
    // The user's own log is theirs alone; a log the site names gets the permissions the folder
    // gives new files (several users may append to it).
    const mode_t mode = m_path == defaultPath() ? 0600 : 0666;
    const QByteArray native = QFile::encodeName(m_path);
    Fd fd(::open(native.constData(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, mode));
    bool chained = true;
    if (!fd.ok() && errno == EACCES) { // a log users may append to but not read: no link
        fd = Fd(::open(native.constData(), O_WRONLY | O_APPEND | O_CLOEXEC));
        chained = false;
    }
    if (!fd.ok())
        return failed(QString::fromLocal8Bit(std::strerror(errno)));
    // Held until the line is written, so that no other program's line comes between the one
    // read here and this one.
    while (::flock(fd.get(), LOCK_EX) != 0)
        if (errno != EINTR)
            return failed(QString::fromLocal8Bit(std::strerror(errno)));
    QByteArray prefix; // a newline, when the last line was torn (a write cut short)
    if (chained) {
        bool empty = false;
        const std::optional<QByteArray> last = lastLine(fd.get(), prefix, empty);
        if (!last)
            return failed(QString::fromLocal8Bit(std::strerror(errno)));
        o[QStringLiteral("prev_sha256")] = empty ? firstLink() : lineHash(*last);
    }
    const QByteArray line = prefix + QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    if (!writeAll(fd.get(), line))
        return failed(QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

QString AuditLog::lineHash(const QByteArray& line)
{
    return QString::fromLatin1(QCryptographicHash::hash(line, QCryptographicHash::Sha256).toHex());
}

AuditCheck AuditLog::verify(const QString& path, const QString& knownHead)
{
    AuditCheck check;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        check.error = QCoreApplication::translate("ecglens::AuditLog", "audit log %1: %2")
                          .arg(QDir::toNativeSeparators(path), file.errorString());
        return check;
    }
    qint64 problems = 0;
    const auto problem = [&](qint64 line, const QString& what) {
        if (++problems <= AuditCheck::kMaxProblems)
            check.problems << QCoreApplication::translate("ecglens::AuditLog", "line %1: %2")
                                  .arg(line)
                                  .arg(what);
    };
    QString previous = firstLink();
    bool chainStarted = false;
    bool headFound = false;
    while (!file.atEnd()) {
        QByteArray line = file.readLine();
        const bool complete = line.endsWith('\n');
        if (complete)
            line.chop(1);
        const qint64 n = ++check.lines;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        const QJsonValue link =
            doc.isObject() ? doc.object().value(QStringLiteral("prev_sha256")) : QJsonValue();
        if (!complete || !doc.isObject()) {
            problem(n, QCoreApplication::translate(
                           "ecglens::AuditLog",
                           "not one complete JSON object (damaged, or a write cut short)"));
        } else if (!link.isString()) {
            if (chainStarted)
                problem(n, QCoreApplication::translate(
                               "ecglens::AuditLog",
                               "no link to the line before (prev_sha256) amid linked lines: "
                               "written without reading the log, or the link was removed"));
            else
                ++check.unchained;
        } else if (link.toString() != previous) {
            problem(n, n == 1 ? QCoreApplication::translate(
                                    "ecglens::AuditLog", "the first line does not start a chain: "
                                                         "lines were removed before it")
                              : QCoreApplication::translate(
                                    "ecglens::AuditLog",
                                    "does not follow line %1: a line was changed, inserted or "
                                    "removed there")
                                    .arg(n - 1));
        }
        if (complete && doc.isObject() && link.isString())
            chainStarted = true;
        previous = lineHash(line);
        headFound = headFound || previous == knownHead;
    }
    if (!knownHead.isEmpty() && !headFound)
        check.problems << QCoreApplication::translate(
                              "ecglens::AuditLog",
                              "the line an earlier check ended with (SHA-256 %1) is gone: lines "
                              "were removed from the end, or changed")
                              .arg(knownHead);
    if (problems > AuditCheck::kMaxProblems)
        check.problems << QCoreApplication::translate("ecglens::AuditLog", "… and %1 more")
                              .arg(problems - AuditCheck::kMaxProblems);
    if (file.error() != QFileDevice::NoError) {
        check = AuditCheck();
        check.error = QCoreApplication::translate("ecglens::AuditLog", "audit log %1: %2")
                          .arg(QDir::toNativeSeparators(path), file.errorString());
        return check;
    }
    check.head = check.lines > 0 ? previous : QString();
    return check;
}

} // namespace ecglens
