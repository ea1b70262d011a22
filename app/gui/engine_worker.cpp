#include "engine_worker.h"

#include "io/open.h"
#include "view/signal_view.h"

#include <QElapsedTimer>
#include <QThread>

namespace ecglens {

EngineWorker::EngineWorker(std::shared_ptr<JobIds> ids, QObject* parent)
    : QObject(parent), m_ids(std::move(ids))
{}

void EngineWorker::load(quint64 jobId, const QString& path)
{
    LoadOutcome out;
    out.jobId = jobId;
    out.path = path;
    if (m_ids->isStale(JobKind::Load, jobId)) {
        out.cancelled = true; // superseded before it started: do not even open the file
        emit loaded(out);
        return;
    }
    QElapsedTimer timer;
    timer.start();
    io::OpenOptions options;
    // Reading is 90 % of the job, building the pyramids the rest.
    options.progress = [this, jobId, last = -1.0](double f) mutable {
        if (f - last >= 0.01) { // throttle: readers may report per block
            last = f;
            emit progress(JobKind::Load, jobId, 0.9 * f);
        }
        return !m_ids->isStale(JobKind::Load, jobId);
    };
    Result<Recording> result = io::open(path.toStdString(), options);
    if (m_ids->isStale(JobKind::Load, jobId)) {
        out.cancelled = true;
    } else if (!result.ok()) {
        out.error = QString::fromStdString(result.error());
    } else {
        auto rec = std::make_shared<const Recording>(std::move(result).value());
        out.signal = view::SignalView::build(rec, [this, jobId](double f) {
            emit progress(JobKind::Load, jobId, 0.9 + 0.1 * f);
            return !m_ids->isStale(JobKind::Load, jobId);
        });
        if (out.signal)
            out.recording = std::move(rec);
        else
            out.cancelled = true;
    }
    out.seconds = timer.nsecsElapsed() / 1e9;
    emit loaded(out);
}

void EngineWorker::filter(quint64 jobId, std::shared_ptr<const Recording> recording,
                          dsp::ConditionOptions options)
{
    FilterOutcome out;
    out.jobId = jobId;
    auto alive = [this, jobId, last = -1.0](double f) mutable {
        if (f - last >= 0.01) {
            last = f;
            emit progress(JobKind::Filter, jobId, f);
        }
        return !m_ids->isStale(JobKind::Filter, jobId);
    };
    if (!recording || m_ids->isStale(JobKind::Filter, jobId)) {
        out.cancelled = true;
        emit filtered(out);
        return;
    }
    std::optional<Recording> conditioned = dsp::condition(*recording, options, alive);
    if (!conditioned || m_ids->isStale(JobKind::Filter, jobId)) {
        out.cancelled = true;
        emit filtered(out);
        return;
    }
    out.signal =
        view::SignalView::build(std::make_shared<const Recording>(std::move(*conditioned)));
    emit filtered(out);
}

void EngineWorker::measure(quint64 jobId, std::shared_ptr<const Recording> recording,
                           dsp::ConditionOptions options)
{
    MeasureOutcome out;
    out.jobId = jobId;
    out.recording = recording;
    auto alive = [this, jobId, last = -1.0](double f) mutable {
        if (f - last >= 0.01) {
            last = f;
            emit progress(JobKind::Measure, jobId, f);
        }
        return !m_ids->isStale(JobKind::Measure, jobId);
    };
    if (!recording || recording->leads.empty() || m_ids->isStale(JobKind::Measure, jobId)) {
        out.cancelled = true;
        emit measured(out);
        return;
    }
    std::optional<dsp::Analysis> analysis = dsp::analyse(*recording, options, {}, alive);
    if (!analysis || m_ids->isStale(JobKind::Measure, jobId)) {
        out.cancelled = true;
        emit measured(out);
        return;
    }
    out.findings = dsp::rhythmFindings(analysis->beats, analysis->measurements);
    out.values = analysis->measurements.values;
    out.beats = std::move(analysis->beats);
    emit measured(out);
}

} // namespace ecglens
