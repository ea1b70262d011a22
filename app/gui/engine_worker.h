#pragma once

#include "core/recording.h"
#include "dsp/filters.h"
#include "dsp/measurements.h"
#include "dsp/rhythm.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace ecglens {

namespace view {
class SignalView;
}

/// Kinds of background job. Each kind has its own "latest request": a newer load supersedes
/// an older load (and any filter job on the old recording); a newer filter job supersedes an
/// older filter job. Analysis stages (beats, detector, SHAP) get their own kinds here.
enum class JobKind { Load = 0, Filter = 1, Measure = 2, Count = 3 };

/// Shared between the GUI thread (writes) and the worker (reads in progress callbacks).
struct JobIds
{
    std::atomic<quint64> latest[int(JobKind::Count)] = {};
    bool isStale(JobKind kind, quint64 id) const { return latest[int(kind)].load() != id; }
};

/// What a load job returns, by value, through a queued signal.
struct LoadOutcome
{
    quint64 jobId = 0;
    QString path;
    std::shared_ptr<const Recording> recording;     ///< null on failure / cancel
    std::shared_ptr<const view::SignalView> signal; ///< pyramids of the raw recording
    QString error;                                  ///< the reader's message
    bool cancelled = false;
    double seconds = 0.0; ///< wall time of the load
};

/// What a display-filter job returns.
struct FilterOutcome
{
    quint64 jobId = 0;
    std::shared_ptr<const view::SignalView> signal; ///< null when cancelled or not needed
    bool cancelled = false;
};

/// What a measure job returns: beats, record measurements and rhythm findings.
struct MeasureOutcome
{
    quint64 jobId = 0;
    std::shared_ptr<const Recording> recording; ///< the recording that was analysed
    std::vector<dsp::Beat> beats;
    dsp::IntervalValues values;
    std::vector<dsp::Finding> findings;
    bool cancelled = false;
};

/// Runs engine calls on its own thread (one long-lived object moved to a QThread by JobRunner).
/// Slots are invoked through queued calls; each job checks the shared JobIds in its progress
/// callback and stops as soon as a newer job of the same kind has been requested.
class EngineWorker : public QObject
{
    Q_OBJECT
public:
    explicit EngineWorker(std::shared_ptr<JobIds> ids, QObject* parent = nullptr);

public slots:
    void load(quint64 jobId, const QString& path);
    void filter(quint64 jobId, std::shared_ptr<const ecglens::Recording> recording,
                ecglens::dsp::ConditionOptions options);
    /// Conditions, detects beats, measures and lists rhythm findings (dsp::analyse).
    void measure(quint64 jobId, std::shared_ptr<const ecglens::Recording> recording,
                 ecglens::dsp::ConditionOptions options);

signals:
    void progress(ecglens::JobKind kind, quint64 jobId, double fraction);
    void loaded(const ecglens::LoadOutcome& outcome);
    void filtered(const ecglens::FilterOutcome& outcome);
    void measured(const ecglens::MeasureOutcome& outcome);

private:
    std::shared_ptr<JobIds> m_ids;
};

} // namespace ecglens

Q_DECLARE_METATYPE(ecglens::LoadOutcome)
Q_DECLARE_METATYPE(ecglens::FilterOutcome)
Q_DECLARE_METATYPE(ecglens::MeasureOutcome)
Q_DECLARE_METATYPE(ecglens::JobKind)
Q_DECLARE_METATYPE(std::shared_ptr<const ecglens::Recording>)
Q_DECLARE_METATYPE(ecglens::dsp::ConditionOptions)
