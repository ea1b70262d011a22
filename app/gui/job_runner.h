#pragma once

#include "engine_worker.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace ecglens {

/// GUI-side owner of the worker thread ("latest request wins", after KDAB Hotspot's JobTracker).
/// Every request gets an id; starting a job marks every older job of its kind stale, the worker
/// cancels stale jobs through the engine's ProgressFn, and results whose id is no longer the
/// latest are dropped here, so they are never drawn.
class JobRunner : public QObject
{
    Q_OBJECT
public:
    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;

    /// Opens `path` (file or "demo:...") in the background; returns the job id.
    quint64 load(const QString& path);
    /// Runs the display filters on `recording`; returns the job id.
    quint64 filter(std::shared_ptr<const Recording> recording,
                   const dsp::ConditionOptions& options);
    /// Measures `recording` (beats, intervals, findings); returns the job id.
    quint64 measure(std::shared_ptr<const Recording> recording,
                    const dsp::ConditionOptions& options);
    /// Runs the detector on `recording` (loading the model on first use); returns the job id.
    quint64 analyze(std::shared_ptr<const Recording> recording, const AnalyzeRequest& request);
    /// Explains one window of `recording`; returns the job id.
    quint64 explain(std::shared_ptr<const Recording> recording, const ExplainRequest& request);
    /// Explains the windows starting at `startsS` of `recording` for a report, with `settings`'
    /// players and baseline; returns the job id. A new recording does not supersede it: the
    /// report is of the recording it was asked for.
    quint64 explainForReport(std::shared_ptr<const Recording> recording,
                             std::vector<double> startsS, const ExplainRequest& settings);
    /// Reads and analyses one worklist recording; returns the job id. A newer triage request
    /// supersedes an older one, so ask for the next recording when one is finished.
    quint64 triage(const TriageRequest& request);
    /// Reads, draws and measures `path` for comparison with the shown recording; returns the
    /// job id. A newer comparison supersedes an older one.
    quint64 compare(const QString& path, const dsp::ConditionOptions& options);
    /// Cancels the running job of `kind` (its result will be dropped).
    void cancel(JobKind kind);
    bool busy(JobKind kind) const { return m_running[int(kind)] != 0; }

signals:
    void loadFinished(const ecglens::LoadOutcome& outcome);
    void filterFinished(const ecglens::FilterOutcome& outcome);
    void measureFinished(const ecglens::MeasureOutcome& outcome);
    void analyzeFinished(const ecglens::AnalyzeOutcome& outcome);
    void explainFinished(const ecglens::ExplainOutcome& outcome);
    void triageFinished(const ecglens::TriageOutcome& outcome);
    void compareFinished(const ecglens::CompareOutcome& outcome);
    void reportExplainFinished(const ecglens::ReportExplainOutcome& outcome);
    void progress(ecglens::JobKind kind, double fraction);
    void busyChanged(ecglens::JobKind kind, bool busy);

private:
    quint64 next(JobKind kind);
    /// Starts a job of `kind`: `call(worker, id)` runs on the worker thread; returns the id.
    template <typename Call> quint64 start(JobKind kind, Call call);
    /// Passes the worker's `done` results of `kind` on as `finished`, unless a newer job of that
    /// kind was requested (or it was cancelled) since.
    template <typename Outcome>
    void relay(void (EngineWorker::*done)(const Outcome&), JobKind kind,
               void (JobRunner::*finished)(const Outcome&));
    void onProgress(JobKind kind, quint64 jobId, double fraction);
    void setRunning(JobKind kind, quint64 id);

    std::shared_ptr<JobIds> m_ids = std::make_shared<JobIds>();
    QThread m_thread;
    EngineWorker* m_worker;
    quint64 m_counter = 0;
    quint64 m_running[int(JobKind::Count)] = {};
};

} // namespace ecglens
