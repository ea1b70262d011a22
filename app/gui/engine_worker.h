#pragma once

#include "core/recording.h"
#include "dsp/filters.h"
#include "dsp/measurements.h"
#include "dsp/rhythm.h"
#include "dsp/st_segment.h"
#include "ml/detector.h"
#include "xai/explain_recording.h"
#include "xai/normal_beat.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <array>
#include <atomic>
#include <memory>

namespace ecglens {

namespace view {
class SignalView;
}

/// Kinds of background job. Each kind has its own "latest request": a newer load supersedes
/// an older load (and any filter, measure, analysis or explanation job on the old recording); a
/// newer job of any other kind supersedes the older one of its kind.
enum class JobKind {
    Load = 0,
    Filter = 1,
    Measure = 2,
    Analyze = 3,
    Explain = 4,
    Triage = 5,        ///< the detector on one worklist recording, read from its file
    Compare = 6,       ///< an earlier ECG beside the shown one: read, drawn and measured
    ReportExplain = 7, ///< the windows a report explains besides the viewer's (Look first pages)
    Count = 8
};

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
    std::vector<dsp::StLevel> st; ///< ST levels per lead of the median beat
    bool cancelled = false;
};

/// Patient details the detector uses (the patient panel's, which may be edited).
struct AnalyzeRequest
{
    std::optional<double> ageYears;
    Sex sex = Sex::Unknown;
};

/// What an analysis job returns: the detector's verdict for a whole recording.
struct AnalyzeOutcome
{
    quint64 jobId = 0;
    std::shared_ptr<const Recording> recording;   ///< the recording that was analysed
    std::shared_ptr<const ml::Analysis> analysis; ///< null on failure / cancel
    QString error;                                ///< the analysis failed (message from the engine)
    QString modelError; ///< the model could not be loaded (names the folder)
    bool cancelled = false;
    double seconds = 0.0; ///< wall time, model load included
};

/// One worklist recording for the detector: read from its file, then analysed unless it is
/// longer than `maxDurationS` (ambulatory recordings are analysed when opened).
struct TriageRequest
{
    QString path;
    AnalyzeRequest patient; ///< the worklist's age and sex (from the file or typed in)
    double maxDurationS = 600.0;
};

/// The identity of the detector model the worker loads: the SHA-256 (hex) of its manifest.json,
/// as ml::ModelInfo::sha256 gives it once loaded; empty when there is no model folder. Cheap (no
/// model is loaded), for keeping results by the model that computed them.
QString detectorModelSha256();

/// What a worklist verdict and its prompts (TriageOutcome) are kept by besides the recording and
/// the patient: the model's identity and the advice rules' (the built-in catalogue's SHA-256,
/// so that changed rules analyse again). Empty when `modelSha256` is.
QString triageIdentity(const QString& modelSha256);

/// What a triage job returns: the verdict, or why there is none.
struct TriageOutcome
{
    quint64 jobId = 0;
    QString path;
    QString verdictClass; ///< "normal" / "borderline" / "anomalous"; empty: not analysed
    double probability = -1.0;
    QString modelVersion;
    QString modelSha256; ///< the model's identity (ml::ModelInfo::sha256)
    /// Codes of the advice items that ask for a prompt review (advice::Severity::Prompt, e.g.
    /// "st-elevation"), from the recording's measurements and this verdict.
    QStringList prompts;
    QString skipped;         ///< why it was not analysed (long, unreadable, analysis failed)
    bool modelError = false; ///< the model could not be loaded: no recording will be analysed
    bool cancelled = false;
};

/// Beats by AAMI class as the measurements panel lists them: N / S / V / Q (F and unknown).
std::array<int, 4> beatClassCounts(const std::vector<dsp::Beat>& beats);

/// What a comparison job returns: an earlier ECG read, drawn and measured like the shown one.
struct CompareOutcome
{
    quint64 jobId = 0;
    QString path;
    std::shared_ptr<const Recording> recording;     ///< null on failure / cancel
    std::shared_ptr<const view::SignalView> signal; ///< pyramids of the raw recording
    std::optional<dsp::IntervalValues> values;      ///< absent when nothing could be measured
    std::vector<dsp::Finding> findings;             ///< its rhythm findings
    std::vector<dsp::Beat> beats;                   ///< its detected beats (markers)
    std::vector<dsp::StLevel> st;                   ///< its ST levels per lead
    QString sha256;                                 ///< of its files (the audit trail names it)
    QString error;
    bool cancelled = false;
};

/// Which window to explain and how.
struct ExplainRequest
{
    double startS = 0.0;    ///< window start, seconds from the start of the recording
    int flaggedIndex = -1;  ///< the flagged segment it belongs to, -1 for none
    bool highlight = false; ///< outline the strongest contributions when shown
    xai::PlayerKind players = xai::PlayerKind::Beats;
    /// NormalTemplate: the shipped average normal beat (models/baselines), verified at load.
    xai::BaselineKind baseline = xai::BaselineKind::Isoelectric;
};

/// What an explanation job returns.
struct ExplainOutcome
{
    quint64 jobId = 0;
    std::shared_ptr<const Recording> recording;
    ExplainRequest request;
    std::shared_ptr<const xai::RecordingExplanation> explanation; ///< null on failure / cancel
    QString error;
    QString modelError;
    bool cancelled = false;
    double seconds = 0.0;
};

/// What a report's explanation job returns: one explanation per window asked for, or why not.
struct ReportExplainOutcome
{
    quint64 jobId = 0;
    std::shared_ptr<const Recording> recording;
    std::vector<xai::RecordingExplanation> explanations; ///< of the windows explained, in order
    QStringList errors; ///< "window at … s: why" for each window that could not be explained
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
    /// The detector's verdict (ml::analyse); loads the model on first use, on this thread.
    void analyze(quint64 jobId, std::shared_ptr<const ecglens::Recording> recording,
                 ecglens::AnalyzeRequest request);
    /// SHAP contributions of one 10 s window (xai::explainPrepared); the prepared signal and
    /// its beats are kept for further windows of the same recording.
    void explain(quint64 jobId, std::shared_ptr<const ecglens::Recording> recording,
                 ecglens::ExplainRequest request);
    /// SHAP contributions of several windows for a report (the Look first windows with pages of
    /// their own), each as explain() would give it with `settings`' players and baseline.
    void explainForReport(quint64 jobId, std::shared_ptr<const ecglens::Recording> recording,
                          std::vector<double> startsS, ecglens::ExplainRequest settings);
    /// Reads a worklist recording and runs the detector on it (TriageRequest).
    void triage(quint64 jobId, ecglens::TriageRequest request);
    /// Reads, draws and measures an earlier ECG to show beside the current one.
    void compare(quint64 jobId, const QString& path, ecglens::dsp::ConditionOptions options);

signals:
    void progress(ecglens::JobKind kind, quint64 jobId, double fraction);
    void loaded(const ecglens::LoadOutcome& outcome);
    void filtered(const ecglens::FilterOutcome& outcome);
    void measured(const ecglens::MeasureOutcome& outcome);
    void analyzed(const ecglens::AnalyzeOutcome& outcome);
    void explained(const ecglens::ExplainOutcome& outcome);
    void triaged(const ecglens::TriageOutcome& outcome);
    void compared(const ecglens::CompareOutcome& outcome);
    void reportExplained(const ecglens::ReportExplainOutcome& outcome);

private:
    /// The detector, loaded on first use; null with `error` set when it cannot be loaded (a
    /// failed load is retried on the next request, so a repaired model folder is picked up).
    const ml::Detector* detector(QString& error);
    ProgressFn alive(JobKind kind, quint64 jobId);
    /// True while job `jobId` of `kind` is the latest (no progress reported).
    ProgressFn stillWanted(JobKind kind, quint64 jobId) const;
    /// One window of `recording` explained with `request`'s players and baseline; the prepared
    /// signal and the normal beat are kept for the next call. `modelError` is set (and nothing
    /// returned) when the detector cannot be loaded.
    Result<xai::RecordingExplanation>
    explainWindow(const std::shared_ptr<const Recording>& recording, const ExplainRequest& request,
                  const ProgressFn& progress, QString& modelError);

    std::shared_ptr<JobIds> m_ids;
    std::unique_ptr<ml::Detector> m_detector;
    std::shared_ptr<const Recording> m_preparedFor;
    std::unique_ptr<xai::PreparedRecording> m_prepared;
    std::unique_ptr<xai::NormalBeat> m_normalBeat; ///< loaded and verified once, when first chosen
};

} // namespace ecglens

Q_DECLARE_METATYPE(ecglens::LoadOutcome)
Q_DECLARE_METATYPE(ecglens::FilterOutcome)
Q_DECLARE_METATYPE(ecglens::MeasureOutcome)
Q_DECLARE_METATYPE(ecglens::AnalyzeOutcome)
Q_DECLARE_METATYPE(ecglens::ExplainOutcome)
Q_DECLARE_METATYPE(ecglens::TriageOutcome)
Q_DECLARE_METATYPE(ecglens::CompareOutcome)
Q_DECLARE_METATYPE(ecglens::ReportExplainOutcome)
Q_DECLARE_METATYPE(ecglens::AnalyzeRequest)
Q_DECLARE_METATYPE(ecglens::ExplainRequest)
Q_DECLARE_METATYPE(ecglens::JobKind)
Q_DECLARE_METATYPE(std::shared_ptr<const ecglens::Recording>)
Q_DECLARE_METATYPE(ecglens::dsp::ConditionOptions)
