#pragma once

// Where a recording's review lives and how it is read and written: a sidecar
// "<recording file>.ecglens-review.json" next to the recording, or, when that folder is not
// writable (a read-only archive), "<fallback>/<SHA-256 of the recording>.json". Writes are
// atomic (QSaveFile) and run on one background thread in the order they were asked for; each
// reads, merges and writes the file under a lock file, so that what another window or
// workstation saved meanwhile is merged rather than overwritten. The recording itself is only
// ever read (to hash it).

#include "review_record.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

class QSettings;

namespace ecglens {

struct ReviewLoad
{
    QString recordingPath;
    QString sha256; ///< of the recording: its file, or a WFDB record's header and signal files
    qint64 bytes = -1;
    QString sidecarPath; ///< where the review was found; empty if there was none
    bool found = false;
    ReviewRecord record; ///< empty when none was found
    /// The sidecar exists but cannot be used (unreadable, damaged, newer schema); it is left as
    /// it is until the next save (which moves a damaged one aside; a newer one is never touched).
    QString error;
    bool readOnly = false; ///< written by a newer version: saving is refused
    /// The review was recorded for different file content (SHA-256 differs).
    QString warning;
    int generation = 0;
};

struct ReviewSave
{
    QString recordingPath;
    QString sidecarPath; ///< where it was written (empty on failure)
    QString movedAside;  ///< a damaged sidecar kept under this name
    QString error;
    QDateTime whenUtc;
    /// What the file now holds: `sent`, merged with `theirs` when there is one (on failure:
    /// `sent`).
    ReviewRecord record;
    ReviewRecord sent; ///< what this program asked to write
    /// A review saved there meanwhile by another window or workstation, merged into `record`
    /// (mergeReviews) rather than overwritten.
    std::optional<ReviewRecord> theirs;
};

/// What a save knows of the review it replaces, so that changes saved there meanwhile by
/// another window or workstation are merged rather than overwritten.
struct ReviewBase
{
    /// The review the entries being saved were made on: as this program last read or wrote it
    /// (empty when there was none).
    ReviewRecord shown;
    /// What this program itself wrote there last: a file still holding it was not changed
    /// elsewhere, whatever `shown` is (saves queued one after the other).
    std::optional<ReviewRecord> ownLast;
};

class ReviewStore : public QObject
{
    Q_OBJECT
public:
    explicit ReviewStore(QObject* parent = nullptr);
    ~ReviewStore() override;

    /// Folder for reviews of recordings in read-only folders (default: the application data
    /// folder's "reviews").
    void setFallbackDir(const QString& dir) { m_fallbackDir = dir; }
    QString fallbackDir() const { return m_fallbackDir; }

    /// The application data folder's "reviews" (~/.local/share/ECG Lens/ecglens/reviews on
    /// Linux), the same for the GUI and the CLI; created readable by its owner alone.
    static QString defaultFallbackDir();
    /// The folder for reviews of recordings in read-only folders that the settings name
    /// (reviews/folder: a site's folder its users share, e.g. /srv/ecg/reviews), else
    /// defaultFallbackDir().
    static QString configuredFallbackDir(const QSettings& store);
    /// The same from the user's settings, with the site's file under them (the window's).
    static QString configuredFallbackDir();
    /// How often (s) a window re-reads the review it shows, so that a decision saved on
    /// another workstation appears without the window being activated again
    /// (reviews/rereadSeconds; default kDefaultRereadSeconds; 0 turns it off; at most an hour).
    static int configuredRereadSeconds(const QSettings& store);
    static constexpr int kDefaultRereadSeconds = 30;
    /// "<recording>.ecglens-review.json"; for a WFDB record, beside its header however it was
    /// opened (header, signal file or record name).
    static QString sidecarNextTo(const QString& recordingPath);
    /// Hashes the recording and reads its review (next to it first, then the fallback folder).
    static ReviewLoad loadNow(const QString& recordingPath, const QString& fallbackDir);
    /// Writes `record` for the recording: next to it if that folder is writable, else in the
    /// fallback folder. A damaged sidecar in the way is renamed "...unreadable-<UTC time>"
    /// first; one written by a newer version is never replaced. With a `base`, the file is read,
    /// merged and written under a lock file beside it ("<sidecar>.lock", which other ECG Lens
    /// windows and workstations take too): a review saved there since `base` is merged with
    /// `record` (ReviewSave::theirs). Without one it is replaced.
    static ReviewSave saveNow(const QString& recordingPath, const ReviewRecord& record,
                              const QString& fallbackDir,
                              const std::optional<ReviewBase>& base = std::nullopt);

    /// Background versions; results arrive as signals on this object's thread. A newer open()
    /// makes the result of an older one stale (not emitted).
    void open(const QString& recordingPath);
    /// Saves `record`, made on `shown` (the review as the window last had it from a load or a
    /// save), merging what was saved there meanwhile elsewhere.
    void save(const QString& recordingPath, const ReviewRecord& record, const ReviewRecord& shown);
    /// Reads the recording's review again, without hashing the recording (beside it, else in
    /// the fallback folder under `sha256`): `rereadFound` follows when it was found and readable.
    /// Nothing is queued while an earlier re-read is still running (a slow network share).
    void reread(const QString& recordingPath, const QString& sha256);
    /// Waits until every queued write is done (at exit).
    void flush();

signals:
    void loaded(const ecglens::ReviewLoad& outcome);
    void saved(const ecglens::ReviewSave& outcome);
    /// The review as reread() found it (recordingPath, sidecarPath, record; found is true).
    void rereadFound(const ecglens::ReviewLoad& outcome);

private:
    QThreadPool m_pool;
    QString m_fallbackDir;
    int m_generation = 0;
    /// What this store wrote last, by sidecar path (used on the writer thread only).
    std::shared_ptr<QHash<QString, ReviewRecord>> m_written =
        std::make_shared<QHash<QString, ReviewRecord>>();
    /// A re-read is queued or running (set here, cleared on the writer thread).
    std::shared_ptr<std::atomic<bool>> m_rereading = std::make_shared<std::atomic<bool>>(false);
};

} // namespace ecglens

Q_DECLARE_METATYPE(ecglens::ReviewLoad)
Q_DECLARE_METATYPE(ecglens::ReviewSave)
