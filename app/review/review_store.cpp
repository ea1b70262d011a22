#include "review_store.h"

#include "core/sha256.h"
#include "io/folder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QPointer>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace ecglens {

namespace {

/// How long a save waits for another program's lock on the review before it gives up.
constexpr int kLockWaitMs = 10000;

QString fallbackPath(const QString& dir, const QString& sha256)
{
    return QDir(dir).filePath(sha256 + QStringLiteral(".json"));
}

/// What is at `path`: nothing, a review we can read, or something we must not overwrite blindly.
struct Existing
{
    QString path;
    bool exists = false;
    std::optional<ReviewRecord> record;
    QString error;
    bool newer = false;
};

Existing readSidecar(const QString& path)
{
    Existing e;
    e.path = path;
    QFile f(path);
    if (!f.exists())
        return e;
    e.exists = true;
    if (!f.open(QIODevice::ReadOnly)) {
        e.error = ReviewStore::tr("%1: cannot be read (%2)").arg(path, f.errorString());
        return e;
    }
    // A review is a few kilobytes; a file of megabytes is not one (nor read into memory).
    constexpr qint64 kMaxBytes = 16 * 1024 * 1024;
    if (f.size() > kMaxBytes) {
        e.error = ReviewStore::tr("%1: damaged review file (%2 MB; a review is a few kB)")
                      .arg(path)
                      .arg(f.size() / (1024 * 1024));
        return e;
    }
    QJsonParseError parse{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        e.error = ReviewStore::tr("%1: damaged review file (%2 at byte %3)")
                      .arg(path, parse.errorString())
                      .arg(parse.offset);
        return e;
    }
    QString why;
    e.record = ReviewRecord::fromJson(doc.object(), &why);
    if (!e.record) {
        e.newer = why.startsWith(QLatin1String("written by a newer"));
        e.error = QStringLiteral("%1: %2").arg(path, why);
    }
    return e;
}

/// The first of `places` that holds a review file, readable or not (exists false: none).
Existing firstExisting(const QStringList& places)
{
    for (const QString& path : places)
        if (Existing e = readSidecar(path); e.exists)
            return e;
    return {};
}

} // namespace

ReviewStore::ReviewStore(QObject* parent) : QObject(parent), m_fallbackDir(defaultFallbackDir())
{
    m_pool.setMaxThreadCount(1); // one writer: saves land in the order they were asked for
}

ReviewStore::~ReviewStore()
{
    flush();
}

QString ReviewStore::defaultFallbackDir()
{
    // The GUI's application data folder (organisation "ECG Lens", application "ecglens"),
    // spelled out so that ecglens-cli, another application, finds the same reviews.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("ECG Lens/ecglens/reviews"));
}

QString ReviewStore::configuredFallbackDir(const QSettings& store)
{
    const QString set = store.value(QStringLiteral("reviews/folder")).toString().trimmed();
    return set.isEmpty() ? defaultFallbackDir() : QDir::cleanPath(set);
}

QString ReviewStore::configuredFallbackDir()
{
    const QSettings store(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("ECG Lens"),
                          QStringLiteral("ecglens"));
    return configuredFallbackDir(store);
}

int ReviewStore::configuredRereadSeconds(const QSettings& store)
{
    bool ok = false;
    const int seconds = store.value(QStringLiteral("reviews/rereadSeconds")).toInt(&ok);
    return ok ? std::clamp(seconds, 0, 3600) : kDefaultRereadSeconds;
}

namespace {

/// Creates `dir` if it is missing; the user's own default folder readable by its owner alone
/// (reviews carry patient IDs and notes), a folder the settings name as its parent makes it.
bool makeFallbackDir(const QString& dir)
{
    if (QFileInfo(dir).isDir())
        return true;
    if (!QDir().mkpath(dir))
        return false;
    if (QDir::cleanPath(dir) == QDir::cleanPath(ReviewStore::defaultFallbackDir()))
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return true;
}

/// The files that make up the recording (io::recordingFiles; the path itself when none).
std::vector<std::string> filesOf(const QString& recordingPath)
{
    std::vector<std::string> files =
        io::recordingFiles(QFile::encodeName(recordingPath).toStdString());
    if (files.empty())
        files.push_back(QFile::encodeName(recordingPath).toStdString());
    return files;
}

/// Beside the recording's first file: a WFDB record opened by its signal file or record name
/// keeps its review beside its header, where the worklist (which lists records by their
/// headers) finds it.
QString sidecarBeside(const std::vector<std::string>& files)
{
    return QFile::decodeName(QByteArray::fromStdString(files.front())) +
           QStringLiteral(".ecglens-review.json");
}

} // namespace

QString ReviewStore::sidecarNextTo(const QString& recordingPath)
{
    return sidecarBeside(filesOf(recordingPath));
}

ReviewLoad ReviewStore::loadNow(const QString& recordingPath, const QString& fallbackDir)
{
    ReviewLoad out;
    out.recordingPath = recordingPath;
    QFile source(recordingPath);
    if (!source.open(QIODevice::ReadOnly)) {
        out.error = ReviewStore::tr("%1: cannot be read to identify it (%2); the review cannot be "
                                    "saved")
                        .arg(recordingPath, source.errorString());
        out.readOnly = true;
        return out;
    }
    out.bytes = source.size();
    // The recording's content: the file, or a WFDB record's header and signal files
    // (io::recordingFiles), so that a replaced signal file is noticed.
    const std::vector<std::string> files = filesOf(recordingPath); // the header read once
    Sha256 hash;
    Sha256 headerAlone; // reviews saved before the record hash covered the signal files
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (!addFileTo(hash, files[i], i == 0 && files.size() > 1 ? &headerAlone : nullptr)) {
            QFile part(QFile::decodeName(QByteArray::fromStdString(files[i])));
            const QString why =
                part.open(QIODevice::ReadOnly) ? ReviewStore::tr("read error") : part.errorString();
            out.error = ReviewStore::tr("%1: cannot be read to identify the recording (%2); the "
                                        "review cannot be saved")
                            .arg(part.fileName(), why);
            out.readOnly = true;
            return out;
        }
    }
    out.sha256 = QString::fromStdString(hash.hexDigest());
    const QString legacy =
        files.size() > 1 ? QString::fromStdString(headerAlone.hexDigest()) : out.sha256;

    QStringList places{sidecarBeside(files), fallbackPath(fallbackDir, out.sha256)};
    if (legacy != out.sha256)
        places << fallbackPath(fallbackDir, legacy);
    const Existing e = firstExisting(places);
    if (!e.exists)
        return out;
    out.sidecarPath = e.path;
    out.found = true;
    if (!e.record) {
        out.error = e.error;
        out.readOnly = e.newer;
        return out;
    }
    out.record = *e.record;
    if (!out.record.sha256.isEmpty() && out.record.sha256 != out.sha256 &&
        out.record.sha256 != legacy)
        out.warning = ReviewStore::tr("The review was recorded for different content of this "
                                      "file (SHA-256 %1…, now %2…); check it still applies.")
                          .arg(out.record.sha256.left(12), out.sha256.left(12));
    return out;
}

ReviewSave ReviewStore::saveNow(const QString& recordingPath, const ReviewRecord& record,
                                const QString& fallbackDir, const std::optional<ReviewBase>& base)
{
    ReviewSave out;
    out.record = record;
    out.sent = record;
    out.recordingPath = recordingPath;
    bool refused = false; // a review we must not replace is in the way
    auto writeTo = [&](const QString& path) -> bool {
        // Read, merge and write as one step for every ECG Lens saving this review: two windows
        // saving at once would otherwise each write over what the other saved.
        QLockFile lock(path + QStringLiteral(".lock"));
        if (!lock.tryLock(kLockWaitMs)) {
            out.error = lock.error() == QLockFile::LockFailedError
                            ? ReviewStore::tr("%1 is being saved by another program (lock file %2)")
                                  .arg(path, path + QStringLiteral(".lock"))
                            : ReviewStore::tr("%1: cannot create the lock file %2")
                                  .arg(path, path + QStringLiteral(".lock"));
            // Held by another: not somewhere else instead, the review is here.
            refused = lock.error() == QLockFile::LockFailedError;
            return false;
        }
        const Existing e = readSidecar(path);
        if (e.exists && !e.record) {
            if (e.newer) {
                out.error = e.error + ReviewStore::tr("; not replaced");
                refused = true;
                return false;
            }
            const QString aside =
                path + QStringLiteral(".unreadable-") +
                QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzzZ"));
            if (!QFile::rename(path, aside)) {
                out.error = e.error + ReviewStore::tr("; it could not be moved aside, so it was "
                                                      "not replaced");
                refused = true;
                return false;
            }
            out.movedAside = aside;
        }
        ReviewRecord toWrite = record;
        std::optional<ReviewRecord> theirs;
        if (base && e.record) {
            const ReviewRecord onDisk = e.record->stored();
            const bool ours = onDisk == base->shown.stored() ||
                              (base->ownLast && onDisk == base->ownLast->stored());
            if (!ours) {
                toWrite = mergeReviews(base->shown, record, onDisk);
                theirs = onDisk;
            }
        }
        const QByteArray bytes = QJsonDocument(toWrite.toJson()).toJson(QJsonDocument::Indented);
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly)) {
            out.error = QStringLiteral("%1: %2").arg(path, f.errorString());
            return false;
        }
        if (f.write(bytes) != bytes.size() || !f.commit()) {
            out.error = QStringLiteral("%1: %2").arg(path, f.errorString());
            return false;
        }
        out.sidecarPath = path;
        out.record = toWrite;
        out.theirs = theirs;
        return true;
    };
    const QString next = sidecarNextTo(recordingPath);
    const QFileInfo folder(QFileInfo(recordingPath).absolutePath());
    if (folder.isWritable() && writeTo(next)) {
        out.error.clear();
    } else if (refused) {
        // A review next to the recording that we may not replace: do not write a second one.
    } else {
        const QString nextError = out.error;
        out.error.clear();
        if (record.sha256.isEmpty()) {
            out.error = ReviewStore::tr("%1: the folder is not writable and the recording could "
                                        "not be identified")
                            .arg(folder.absoluteFilePath());
        } else if (!makeFallbackDir(fallbackDir) ||
                   !writeTo(fallbackPath(fallbackDir, record.sha256))) {
            if (out.error.isEmpty())
                out.error = ReviewStore::tr("%1: cannot create the folder").arg(fallbackDir);
            if (!nextError.isEmpty())
                out.error = nextError + QStringLiteral("; ") + out.error;
        }
    }
    out.whenUtc = QDateTime::currentDateTimeUtc();
    return out;
}

namespace {

/// Hands `outcome` to `emitIt` on the store's own thread, if the store still exists then.
template <typename Outcome, typename Emit>
void deliver(const QPointer<ReviewStore>& self, Outcome outcome, Emit emitIt)
{
    if (!self)
        return;
    QMetaObject::invokeMethod(
        self,
        [self, outcome = std::move(outcome), emitIt] {
            if (self)
                emitIt(*self, outcome);
        },
        Qt::QueuedConnection);
}

/// Where a recording's review may be: beside it, then in the fallback folder by its SHA-256
/// (when known).
QStringList reviewPlaces(const QString& recordingPath, const QString& fallbackDir,
                         const QString& sha256)
{
    QStringList places{ReviewStore::sidecarNextTo(recordingPath)};
    if (!sha256.isEmpty())
        places << fallbackPath(fallbackDir, sha256);
    return places;
}

} // namespace

void ReviewStore::open(const QString& recordingPath)
{
    const int generation = ++m_generation;
    const QString fallback = m_fallbackDir;
    QPointer<ReviewStore> self(this);
    m_pool.start([self, recordingPath, fallback, generation] {
        ReviewLoad outcome = loadNow(recordingPath, fallback);
        outcome.generation = generation;
        deliver(self, std::move(outcome), [](ReviewStore& store, const ReviewLoad& o) {
            if (o.generation == store.m_generation)
                emit store.loaded(o);
        });
    });
}

void ReviewStore::save(const QString& recordingPath, const ReviewRecord& record,
                       const ReviewRecord& shown)
{
    const QString fallback = m_fallbackDir;
    QPointer<ReviewStore> self(this);
    m_pool.start([self, written = m_written, recordingPath, record, shown, fallback] {
        // This store's writes run one at a time on this pool: `written` is only touched here.
        ReviewBase base{shown, std::nullopt};
        for (const QString& path : reviewPlaces(recordingPath, fallback, record.sha256))
            if (const auto it = written->constFind(path); it != written->cend())
                base.ownLast = *it;
        ReviewSave outcome = saveNow(recordingPath, record, fallback, base);
        if (!outcome.sidecarPath.isEmpty())
            written->insert(outcome.sidecarPath, outcome.record);
        deliver(self, std::move(outcome),
                [](ReviewStore& store, const ReviewSave& o) { emit store.saved(o); });
    });
}

void ReviewStore::reread(const QString& recordingPath, const QString& sha256)
{
    if (m_rereading->exchange(true))
        return;
    const QString fallback = m_fallbackDir;
    QPointer<ReviewStore> self(this);
    m_pool.start([self, recordingPath, sha256, fallback, busy = m_rereading] {
        const auto done = qScopeGuard([&busy] { busy->store(false); });
        const Existing e = firstExisting(reviewPlaces(recordingPath, fallback, sha256));
        if (!e.record)
            return; // none, damaged or newer: left to the next open and save
        ReviewLoad outcome;
        outcome.recordingPath = recordingPath;
        outcome.sha256 = sha256;
        outcome.found = true;
        outcome.sidecarPath = e.path;
        outcome.record = *e.record;
        deliver(self, std::move(outcome),
                [](ReviewStore& store, const ReviewLoad& o) { emit store.rereadFound(o); });
    });
}

void ReviewStore::flush()
{
    m_pool.waitForDone();
}

} // namespace ecglens
