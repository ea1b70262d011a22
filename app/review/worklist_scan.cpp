#include "worklist_scan.h"

#include "io/folder.h"
#include "io/open.h"
#include "review_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <cmath>

namespace ecglens {

namespace {

std::string nativePath(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

QString fromNative(const std::string& path)
{
    return QFile::decodeName(QByteArray::fromStdString(path));
}

QDateTime startOf(const std::optional<DateTime>& start)
{
    if (!start || !start->hasDate)
        return {};
    const DateTime& s = *start;
    const QDate date(s.date.year, s.date.month, s.date.day);
    const QTime time(s.hour, s.minute, int(std::floor(s.second)));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time);
}

} // namespace

void WorklistEntry::applyReview(const ReviewRecord& record)
{
    decision = record.current.decision;
    reviewer = record.current.reviewer;
    reviewedUtc = record.current.updatedUtc;
    detectorAtReview = record.current.detector;
    // Details the clinician typed in because the file lacks them.
    if (!record.patientId.isEmpty())
        patientId = record.patientId;
    if (!record.patientName.isEmpty())
        patientName = record.patientName;
    if (record.patientAgeYears)
        ageYears = record.patientAgeYears;
    if (record.patientSex != Sex::Unknown)
        sex = record.patientSex;
}

WorklistEntry describeRecording(const QString& path, const QString& folder,
                                const QString& reviewFallbackDir,
                                const std::function<bool()>& cancelled)
{
    WorklistEntry e;
    e.path = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    e.relativePath = QDir(folder).relativeFilePath(e.path);
    io::OpenOptions options;
    if (cancelled)
        options.progress = [&cancelled](double) { return !cancelled(); };
    // From the header alone for WFDB and EDF: a day-long Holter is listed without its samples.
    const Result<io::RecordingSummary> r = io::describe(nativePath(path), options);
    if (!r) {
        e.error = QString::fromStdString(r.error());
        if (const Message* m = r.errorMessage())
            e.errorMessage = *m;
        return e;
    }
    e.format = QString::fromStdString(r->format);
    e.patientId = QString::fromStdString(r->patient.id);
    e.patientName = QString::fromStdString(r->patient.name);
    e.ageYears = r->patient.ageYears;
    e.sex = r->patient.sex;
    e.recorded = startOf(r->start);
    e.durationS = r->durationS;
    e.leadCount = int(r->leadCount);

    const ReviewLoad review = ReviewStore::loadNow(path, reviewFallbackDir);
    e.sha256 = review.sha256;
    if (!review.error.isEmpty())
        e.reviewProblem = review.error;
    else if (review.found)
        e.applyReview(review.record);
    if (!review.warning.isEmpty())
        e.reviewProblem = review.warning;
    return e;
}

WorklistScanner::WorklistScanner(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<WorklistEntry>();
    m_pool.setMaxThreadCount(1); // one folder at a time; a newer scan waits for the stale one
}

WorklistScanner::~WorklistScanner()
{
    cancel();
    m_pool.waitForDone(); // no task posts to this object after this line
}

void WorklistScanner::cancel()
{
    ++*m_generation;
    m_busy = false;
}

void WorklistScanner::wait()
{
    m_pool.waitForDone();
    QCoreApplication::sendPostedEvents(this);
}

void WorklistScanner::setVerdicts(std::shared_ptr<const VerdictCache> verdicts,
                                  std::function<QString()> modelSha256)
{
    m_verdicts = std::move(verdicts);
    m_modelSha256 = std::move(modelSha256);
}

QString verdictKey(const WorklistEntry& e, const QString& identity)
{
    return VerdictCache::key(e.sha256, e.ageYears, QLatin1String(sexCode(e.sex)), identity);
}

void WorklistScanner::scan(const QString& folder)
{
    const int generation = ++*m_generation;
    m_busy = true;
    const auto current = m_generation;
    const QString fallback = m_fallbackDir;
    m_pool.start([this, current, generation, folder, fallback, verdicts = m_verdicts,
                  identify = m_modelSha256] {
        const std::function<bool()> stale = [current, generation] {
            return current->load() != generation;
        };
        // Runs on this object's thread, and only while this scan is still the latest.
        const auto deliver = [this, current, generation](auto fn) {
            QMetaObject::invokeMethod(
                this,
                [current, generation, fn] {
                    if (current->load() == generation)
                        fn();
                },
                Qt::QueuedConnection);
        };
        QList<WorklistEntry> batch;
        QElapsedTimer sinceDelivery;
        sinceDelivery.start();
        int total = 0;
        const auto flush = [&](int done) {
            const double fraction = total > 0 ? double(done) / total : 1.0;
            deliver([this, folder, batch, fraction] {
                if (!batch.isEmpty())
                    emit described(folder, batch);
                emit progress(fraction);
            });
            batch.clear();
            sinceDelivery.restart();
        };
        int done = 0;
        const QString modelSha = verdicts && identify ? identify() : QString();
        const FolderScan scan = scanFolder(
            folder, fallback, stale,
            [&](const FolderScan& l) {
                total = l.listed;
                deliver([this, folder, l, modelSha] {
                    QStringList warnings;
                    for (const Message& w : l.warnings)
                        warnings << (m_wording ? m_wording(w) : QString::fromStdString(w.text));
                    emit listed(folder, l.listed, l.truncated, warnings, modelSha);
                });
            },
            [&](WorklistEntry&& e, int filesDone) {
                done = filesDone;
                // A verdict without its prompts (rewritten by an older version) is analysed again.
                if (const auto v =
                        verdicts ? verdicts->find(verdictKey(e, modelSha)) : std::nullopt;
                    v && v->prompts) {
                    e.detectorClass = v->verdictClass;
                    e.detectorProbability = v->probability;
                    e.detectorModel = v->modelVersion;
                    e.detectorPrompts = *v->prompts;
                }
                batch.push_back(std::move(e));
                if (batch.size() >= 64 || sinceDelivery.elapsed() > 150)
                    flush(done);
            });
        if (stale())
            return;
        flush(total);
        deliver([this, folder, scan] {
            m_busy = false;
            emit finished(folder, scan.skipped,
                          m_wording && !scan.errorMessage.id.empty() ? m_wording(scan.errorMessage)
                                                                     : scan.error);
        });
    });
}

FolderScan scanFolder(const QString& folder, const QString& reviewFallbackDir,
                      const std::function<bool()>& stop,
                      const std::function<void(const FolderScan&)>& listed,
                      const std::function<void(WorklistEntry&&, int done)>& row)
{
    FolderScan out;
    const std::function<bool()> stopped = stop ? stop : [] { return false; };
    io::FolderListingOptions listOptions;
    listOptions.progress = [&stopped](double) { return !stopped(); };
    const auto listing = io::listRecordings(nativePath(folder), listOptions);
    if (!listing) {
        out.error = QString::fromStdString(listing.error());
        if (const Message* m = listing.errorMessage())
            out.errorMessage = *m;
        return out;
    }
    out.warnings = listing->warnings;
    out.listed = int(listing->recordings.size());
    out.truncated = listing->truncated;
    if (listed)
        listed(out);
    int done = 0;
    for (const io::FolderEntry& f : listing->recordings) {
        WorklistEntry e = describeRecording(fromNative(f.path), folder, reviewFallbackDir, stopped);
        if (stopped()) {
            out.error = QStringLiteral("Cancelled.");
            return out;
        }
        ++done;
        if (f.tentative && !e.readable())
            ++out.skipped; // a spreadsheet or a note, not a broken recording
        else if (row)
            row(std::move(e), done);
    }
    return out;
}

bool worklistShows(const WorklistEntry& e, WorklistShow show)
{
    switch (show) {
    case WorklistShow::All:
        return true;
    case WorklistShow::NotReviewed:
        return e.readable() && e.decision == ReviewDecision::NotReviewed;
    case WorklistShow::Reviewed:
        return e.readable() && e.decision != ReviewDecision::NotReviewed;
    case WorklistShow::NeedsAttention:
        return !e.readable() || !e.reviewProblem.isEmpty() ||
               e.decision == ReviewDecision::Uncertain ||
               (e.decision == ReviewDecision::NotReviewed && !e.detectorPrompts.isEmpty());
    }
    return true;
}

} // namespace ecglens
