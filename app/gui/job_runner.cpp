#include "job_runner.h"

namespace ecglens {

JobRunner::JobRunner(QObject* parent) : QObject(parent), m_worker(new EngineWorker(m_ids))
{
    qRegisterMetaType<LoadOutcome>();
    qRegisterMetaType<FilterOutcome>();
    qRegisterMetaType<MeasureOutcome>();
    qRegisterMetaType<AnalyzeOutcome>();
    qRegisterMetaType<ExplainOutcome>();
    qRegisterMetaType<TriageOutcome>();
    qRegisterMetaType<CompareOutcome>();
    qRegisterMetaType<JobKind>();
    m_thread.setObjectName(QStringLiteral("ecglens-engine"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &EngineWorker::loaded, this, &JobRunner::onLoaded, Qt::QueuedConnection);
    connect(m_worker, &EngineWorker::filtered, this, &JobRunner::onFiltered, Qt::QueuedConnection);
    connect(m_worker, &EngineWorker::measured, this, &JobRunner::onMeasured, Qt::QueuedConnection);
    connect(m_worker, &EngineWorker::analyzed, this, &JobRunner::onAnalyzed, Qt::QueuedConnection);
    connect(m_worker, &EngineWorker::explained, this, &JobRunner::onExplained,
            Qt::QueuedConnection);
    connect(m_worker, &EngineWorker::triaged, this, &JobRunner::onTriaged, Qt::QueuedConnection);
    connect(m_worker, &EngineWorker::compared, this, &JobRunner::onCompared, Qt::QueuedConnection);
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
    const quint64 id = next(JobKind::Load);
    setRunning(JobKind::Load, id);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, id, path] { w->load(id, path); }, Qt::QueuedConnection);
    return id;
}

quint64 JobRunner::filter(std::shared_ptr<const Recording> recording,
                          const dsp::ConditionOptions& options)
{
    const quint64 id = next(JobKind::Filter);
    setRunning(JobKind::Filter, id);
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, id, rec = std::move(recording), options] { w->filter(id, rec, options); },
        Qt::QueuedConnection);
    return id;
}

quint64 JobRunner::measure(std::shared_ptr<const Recording> recording,
                           const dsp::ConditionOptions& options)
{
    const quint64 id = next(JobKind::Measure);
    setRunning(JobKind::Measure, id);
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, id, rec = std::move(recording), options] { w->measure(id, rec, options); },
        Qt::QueuedConnection);
    return id;
}

quint64 JobRunner::analyze(std::shared_ptr<const Recording> recording,
                           const AnalyzeRequest& request)
{
    const quint64 id = next(JobKind::Analyze);
    setRunning(JobKind::Analyze, id);
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, id, rec = std::move(recording), request] { w->analyze(id, rec, request); },
        Qt::QueuedConnection);
    return id;
}

quint64 JobRunner::explain(std::shared_ptr<const Recording> recording,
                           const ExplainRequest& request)
{
    const quint64 id = next(JobKind::Explain);
    setRunning(JobKind::Explain, id);
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, id, rec = std::move(recording), request] { w->explain(id, rec, request); },
        Qt::QueuedConnection);
    return id;
}

quint64 JobRunner::triage(const TriageRequest& request)
{
    const quint64 id = next(JobKind::Triage);
    setRunning(JobKind::Triage, id);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, id, request] { w->triage(id, request); }, Qt::QueuedConnection);
    return id;
}

quint64 JobRunner::compare(const QString& path, const dsp::ConditionOptions& options)
{
    const quint64 id = next(JobKind::Compare);
    setRunning(JobKind::Compare, id);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, id, path, options] { w->compare(id, path, options); },
        Qt::QueuedConnection);
    return id;
}

void JobRunner::cancel(JobKind kind)
{
    next(kind);
    setRunning(kind, 0);
}

void JobRunner::onLoaded(const LoadOutcome& outcome)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (outcome.jobId != m_ids->latest[int(JobKind::Load)].load())
        return; // stale: a newer file was requested (or the user cancelled)
    setRunning(JobKind::Load, 0);
    emit loadFinished(outcome);
}

void JobRunner::onFiltered(const FilterOutcome& outcome)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (outcome.jobId != m_ids->latest[int(JobKind::Filter)].load())
        return;
    setRunning(JobKind::Filter, 0);
    emit filterFinished(outcome);
}

void JobRunner::onMeasured(const MeasureOutcome& outcome)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (outcome.jobId != m_ids->latest[int(JobKind::Measure)].load())
        return;
    setRunning(JobKind::Measure, 0);
    emit measureFinished(outcome);
}

void JobRunner::onAnalyzed(const AnalyzeOutcome& outcome)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (outcome.jobId != m_ids->latest[int(JobKind::Analyze)].load())
        return; // stale: a newer recording or analysis was requested, or the user cancelled
    setRunning(JobKind::Analyze, 0);
    emit analyzeFinished(outcome);
}

void JobRunner::onExplained(const ExplainOutcome& outcome)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (outcome.jobId != m_ids->latest[int(JobKind::Explain)].load())
        return;
    setRunning(JobKind::Explain, 0);
    emit explainFinished(outcome);
}

void JobRunner::onProgress(JobKind kind, quint64 jobId, double fraction)
{
    if (jobId == m_ids->latest[int(kind)].load())
        emit progress(kind, fraction);
}

void JobRunner::onTriaged(const TriageOutcome& outcome)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (outcome.jobId != m_ids->latest[int(JobKind::Triage)].load())
        return;
    setRunning(JobKind::Triage, 0);
    emit triageFinished(outcome);
}

void JobRunner::onCompared(const CompareOutcome& outcome)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (outcome.jobId != m_ids->latest[int(JobKind::Compare)].load())
        return;
    setRunning(JobKind::Compare, 0);
    emit compareFinished(outcome);
}

} // namespace ecglens
