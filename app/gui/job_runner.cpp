#include "job_runner.h"

namespace ecglens {

template <typename Call> quint64 JobRunner::start(JobKind kind, Call call)
{
    const quint64 id = next(kind);
    setRunning(kind, id);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, id, call = std::move(call)] { call(w, id); },
        Qt::QueuedConnection);
    return id;
}

template <typename Outcome>
void JobRunner::relay(void (EngineWorker::*done)(const Outcome&), JobKind kind,
                      void (JobRunner::*finished)(const Outcome&))
{
    connect(
        m_worker, done, this,
        [this, kind, finished](const Outcome& outcome) {
            Q_ASSERT(QThread::currentThread() == thread());
            if (outcome.jobId != m_ids->latest[int(kind)].load())
                return; // stale: a newer request of this kind, a new recording, or cancelled
            setRunning(kind, 0);
            emit(this->*finished)(outcome);
        },
        Qt::QueuedConnection);
}

JobRunner::JobRunner(QObject* parent) : QObject(parent), m_worker(new EngineWorker(m_ids))
{
    qRegisterMetaType<LoadOutcome>();
    qRegisterMetaType<FilterOutcome>();
    qRegisterMetaType<MeasureOutcome>();
    qRegisterMetaType<AnalyzeOutcome>();
    qRegisterMetaType<ExplainOutcome>();
    qRegisterMetaType<TriageOutcome>();
    qRegisterMetaType<CompareOutcome>();
    qRegisterMetaType<ReportExplainOutcome>();
    qRegisterMetaType<JobKind>();
    m_thread.setObjectName(QStringLiteral("ecglens-engine"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    relay(&EngineWorker::loaded, JobKind::Load, &JobRunner::loadFinished);
    relay(&EngineWorker::filtered, JobKind::Filter, &JobRunner::filterFinished);
    relay(&EngineWorker::measured, JobKind::Measure, &JobRunner::measureFinished);
    relay(&EngineWorker::analyzed, JobKind::Analyze, &JobRunner::analyzeFinished);
    relay(&EngineWorker::explained, JobKind::Explain, &JobRunner::explainFinished);
    relay(&EngineWorker::triaged, JobKind::Triage, &JobRunner::triageFinished);
    relay(&EngineWorker::compared, JobKind::Compare, &JobRunner::compareFinished);
    relay(&EngineWorker::reportExplained, JobKind::ReportExplain,
          &JobRunner::reportExplainFinished);
    connect(m_worker, &EngineWorker::progress, this, &JobRunner::onProgress, Qt::QueuedConnection);
    m_thread.start();
}

JobRunner::~JobRunner()
{
    for (int k = 0; k < int(JobKind::Count); ++k)
        m_ids->latest[k] = ++m_counter; // make every running job stale so it stops soon
    m_thread.quit();
    m_thread.wait();
}

quint64 JobRunner::next(JobKind kind)
{
    const quint64 id = ++m_counter;
    m_ids->latest[int(kind)] = id;
    return id;
}

void JobRunner::setRunning(JobKind kind, quint64 id)
{
    const bool was = m_running[int(kind)] != 0;
    m_running[int(kind)] = id;
    if (was != (id != 0))
        emit busyChanged(kind, id != 0);
}

quint64 JobRunner::load(const QString& path)
{
    next(JobKind::Filter); // filters of the previous recording are useless now
    setRunning(JobKind::Filter, 0);
    // Measurements, the verdict and explanations of the previous recording are useless now.
    for (JobKind kind : {JobKind::Measure, JobKind::Analyze, JobKind::Explain}) {
        next(kind);
        setRunning(kind, 0);
    }
    return start(JobKind::Load, [path](EngineWorker* w, quint64 id) { w->load(id, path); });
}

quint64 JobRunner::filter(std::shared_ptr<const Recording> recording,
                          const dsp::ConditionOptions& options)
{
    return start(JobKind::Filter,
                 [rec = std::move(recording), options](EngineWorker* w, quint64 id) {
                     w->filter(id, rec, options);
                 });
}

quint64 JobRunner::measure(std::shared_ptr<const Recording> recording,
                           const dsp::ConditionOptions& options)
{
    return start(JobKind::Measure,
                 [rec = std::move(recording), options](EngineWorker* w, quint64 id) {
                     w->measure(id, rec, options);
                 });
}

quint64 JobRunner::analyze(std::shared_ptr<const Recording> recording,
                           const AnalyzeRequest& request)
{
    return start(JobKind::Analyze,
                 [rec = std::move(recording), request](EngineWorker* w, quint64 id) {
                     w->analyze(id, rec, request);
                 });
}

quint64 JobRunner::explain(std::shared_ptr<const Recording> recording,
                           const ExplainRequest& request)
{
    return start(JobKind::Explain,
                 [rec = std::move(recording), request](EngineWorker* w, quint64 id) {
                     w->explain(id, rec, request);
                 });
}

quint64 JobRunner::explainForReport(std::shared_ptr<const Recording> recording,
                                    std::vector<double> startsS, const ExplainRequest& settings)
{
    return start(JobKind::ReportExplain, [rec = std::move(recording), starts = std::move(startsS),
                                          settings](EngineWorker* w, quint64 id) {
        w->explainForReport(id, rec, starts, settings);
    });
}

quint64 JobRunner::triage(const TriageRequest& request)
{
    return start(JobKind::Triage,
                 [request](EngineWorker* w, quint64 id) { w->triage(id, request); });
}

quint64 JobRunner::compare(const QString& path, const dsp::ConditionOptions& options)
{
    return start(JobKind::Compare,
                 [path, options](EngineWorker* w, quint64 id) { w->compare(id, path, options); });
}

void JobRunner::cancel(JobKind kind)
{
    next(kind);
    setRunning(kind, 0);
}

void JobRunner::onProgress(JobKind kind, quint64 jobId, double fraction)
{
    if (jobId == m_ids->latest[int(kind)].load())
        emit progress(kind, fraction);
}

} // namespace ecglens
