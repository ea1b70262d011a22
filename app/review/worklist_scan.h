#pragma once

// The worklist's rows: every recording in a folder with its patient, length and review state,
// read in the background (io::listRecordings, io::open, ReviewStore::loadNow). A newer scan makes
// an older one stale: it stops and its results are never delivered.

#include "review_record.h"
#include "verdict_cache.h"

#include "core/message.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace ecglens {

struct WorklistEntry
{
    QString path;         ///< absolute, cleaned: the key of the row
    QString relativePath; ///< to the worklist folder, as shown
    QString format;       ///< e.g. "WFDB format 212"
    QString error;        ///< the recording cannot be read (why); the rest is then empty
    Message errorMessage; ///< `error` for an interface to word (empty id: English only)
    QString patientId;
    QString patientName; ///< as the file gives it; empty for anonymous formats
    std::optional<double> ageYears;
    Sex sex = Sex::Unknown;
    QDateTime recorded; ///< start as the file states it (local time there); invalid: unknown
    double durationS = 0.0;
    int leadCount = 0;
    ReviewDecision decision = ReviewDecision::NotReviewed;
    QString reviewer;
    QDateTime reviewedUtc;
    DetectorSnapshot detectorAtReview;
    /// The review cannot be used (damaged, newer version) or was made on other file content.
    QString reviewProblem;
    QString sha256; ///< of the recording's files (its review's key); empty when unreadable
    /// The detector on the list ("Run detector"): class and probability, or why not analysed.
    QString detectorClass;
    double detectorProbability = -1.0;
    QString detectorModel;
    QString detectorNote;
    /// With the verdict: codes of the advice items asking for a prompt review (TriageOutcome).
    QStringList detectorPrompts;

    bool readable() const { return error.isEmpty(); }
    /// Takes decision, reviewer and patient details typed in from `record` (a saved review).
    void applyReview(const ReviewRecord& record);
};

/// The key of `e`'s detector verdict under `identity`, what computed it (the model manifest's
/// SHA-256, in the window with the advice rules' identity: triageIdentity); VerdictCache::key,
/// empty when either is unknown.
QString verdictKey(const WorklistEntry& e, const QString& identity);

/// Which rows a worklist shows.
enum class WorklistShow {
    All,
    NotReviewed, ///< readable, no decision yet
    Reviewed,    ///< readable, with a decision
    /// Decided as uncertain; not reviewed with advice asking for a prompt review (from the
    /// worklist's detector run); or the recording or its review cannot be read.
    NeedsAttention,
};
bool worklistShows(const WorklistEntry& e, WorklistShow show);

/// What scanning a folder found besides its rows.
struct FolderScan
{
    int listed = 0;                ///< recordings (and plain-text candidates) listed
    bool truncated = false;        ///< the folder holds more than the listing's limit
    std::vector<Message> warnings; ///< sub-folders that could not be read
    int skipped = 0;               ///< plain-text files that did not read as recordings
    QString error;                 ///< the folder could not be listed (or `stop` said so; English)
    Message errorMessage;          ///< the same, for an interface to word (empty id: none given)
};

/// Lists and describes the recordings under `folder` (blocking): `listed` is told the count
/// once known, `row` gets each row with how many files are done. Plain-text files that do not
/// read as recordings are counted, not passed on. `stop`, if given, is polled between files
/// and while reading one.
FolderScan scanFolder(const QString& folder, const QString& reviewFallbackDir,
                      const std::function<bool()>& stop,
                      const std::function<void(const FolderScan&)>& listed,
                      const std::function<void(WorklistEntry&&, int done)>& row);

/// One worklist row for `path` (blocking: reads the recording's header — the whole recording
/// in formats without a header-only path, io::describe — and hashes its files). `cancelled`, if
/// given, is polled while reading a long recording.
WorklistEntry describeRecording(const QString& path, const QString& folder,
                                const QString& reviewFallbackDir,
                                const std::function<bool()>& cancelled = {});

class WorklistScanner : public QObject
{
    Q_OBJECT
public:
    explicit WorklistScanner(QObject* parent = nullptr);
    ~WorklistScanner() override;

    /// Where reviews of recordings in read-only folders are (ReviewStore::fallbackDir).
    void setReviewFallbackDir(const QString& dir) { m_fallbackDir = dir; }
    /// The detector's kept verdicts: at each scan, on the scanning thread, `modelSha256` is
    /// asked for the model's identity and every row gets the verdict kept for it, if any.
    void setVerdicts(std::shared_ptr<const VerdictCache> verdicts,
                     std::function<QString()> modelSha256);
    /// How the folder's warnings and error are worded for the signals (on this object's
    /// thread); without one, in English.
    void setWording(std::function<QString(const Message&)> wording)
    {
        m_wording = std::move(wording);
    }
    /// Lists and describes the recordings under `folder`; results arrive in batches.
    void scan(const QString& folder);
    void cancel();
    bool busy() const { return m_busy; }
    /// Waits until the running scan has stopped (tests, exit).
    void wait();

signals:
    /// The folder was listed: `total` recordings will be described. `modelSha256`: the
    /// detector model's identity the rows' kept verdicts are looked up with (empty: none).
    void listed(const QString& folder, int total, bool truncated, const QStringList& warnings,
                const QString& modelSha256);
    void described(const QString& folder, const QList<ecglens::WorklistEntry>& batch);
    /// `skipped`: plain-text files that did not read as recordings (spreadsheets, notes).
    void finished(const QString& folder, int skipped, const QString& error);
    void progress(double fraction);

private:
    QThreadPool m_pool;
    std::shared_ptr<std::atomic<int>> m_generation = std::make_shared<std::atomic<int>>(0);
    QString m_fallbackDir;
    std::shared_ptr<const VerdictCache> m_verdicts;
    std::function<QString()> m_modelSha256;
    std::function<QString(const Message&)> m_wording;
    bool m_busy = false;
};

} // namespace ecglens

Q_DECLARE_METATYPE(ecglens::WorklistEntry)
