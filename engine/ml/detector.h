#pragma once

// The abnormal-ECG detector: a verified, immutable trained model plus the analysis of a whole
// recording in 10 s windows. LibTorch stays behind the pimpl (see net.h / detector.cpp).

#include "core/message.h"
#include "core/recording.h"
#include "core/result.h"
#include "ml/preprocess.h"
#include "ml/thresholds.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ecglens::ml {

struct ModelInfo
{
    std::string name;    ///< e.g. "resnet1d"
    std::string version; ///< "<date>+<12 hex of the content fingerprint>", see stampVersion()
    std::string sha256;  ///< SHA-256 of the model's manifest.json (pins every file)
    std::string arch;
    int members = 1; ///< ensemble members averaged on the log-odds scale (cross-fitted models)
    Thresholds thresholds; ///< for an unknown age: the most sensitive of the age groups'
    /// Per age group ("<40", "40-64", ">=65"), chosen on held-out data by chooseThresholds().
    std::vector<std::pair<std::string, Thresholds>> ageGroupThresholds;
    /// Thresholds chosen by the same rule on the same held-out records scored with a reduced
    /// lead set ("limb6", "2", "1"; absent leads zero): unknown age, then per age group.
    struct LeadSetThresholds
    {
        std::string leadSet;
        Thresholds unknownAge;
        std::vector<std::pair<std::string, Thresholds>> byAgeGroup;
    };
    std::vector<LeadSetThresholds> leadSetThresholds; ///< empty for older models
    /// The lead sets of leadSetThresholds, in their order (nearestLeadSet's candidates).
    std::vector<std::string> thresholdLeadSets() const;
    double calibrationA = 1.0; ///< calibrated log-odds = a * logit + b (Platt, fitted on fold 9)
    double calibrationB = 0.0;
    std::vector<std::string> trainedLeadSets; ///< e.g. "12", "limb6", "2", "1"
    double inputFsHz = kModelFsHz;
    int windowSamples = kWindowSamples;
};

enum class Verdict { Normal, Borderline, Anomalous };

/// "normal", "borderline", "anomalous".
const char* verdictName(Verdict verdict);

/// Anomalous at or above thresholds.anomalous, Borderline at or above thresholds.borderline.
Verdict verdictFor(double probability, const Thresholds& thresholds);

/// A loaded model. Const calls may run from several threads at once: inference runs in
/// LibTorch's InferenceMode and changes nothing (analyse() and the explanations use two internal
/// threads). setThreads() / ScopedThreads change a process-wide setting: one thread at a time.
class Detector
{
public:
    Detector(Detector&&) noexcept;
    Detector& operator=(Detector&&) noexcept;
    ~Detector();

    /// Loads a model folder after checking the SHA-256 of every file against manifest.json;
    /// refuses tampered, missing or unlisted files with a message saying what to do.
    static Result<Detector> load(const std::string& modelDir);

    /// Batched forward pass; log-odds of "abnormal" (uncalibrated), one per window. Each window
    /// is 12 x 1000 (leads x samples at 100 Hz), normalised as by extractWindow(). Deterministic.
    std::vector<float> logits(const std::vector<Window>& batch) const;
    /// The same per ensemble member: batch x members log-odds, row-major (a single model: the
    /// same as logits()). For out-of-fold estimates of a cross-fitted model.
    std::vector<float> memberLogits(const std::vector<Window>& batch) const;
    /// Ensemble members (1 for a single model).
    int members() const;

    /// Calibrated probability (0-1) of "abnormal" for one raw logit.
    double probability(float logit) const;
    /// Thresholds for a patient age in years (the age group's), or the general ones if unknown,
    /// chosen for `leadSet` ("12", or a reduced set of info().leadSetThresholds; the 12-lead
    /// ones when the model has none for it).
    Thresholds thresholdsFor(std::optional<double> ageYears,
                             const std::string& leadSet = "12") const;
    Verdict classify(double probability, std::optional<double> ageYears = {}) const;
    ModelInfo info() const;

    /// Intra-op CPU threads of the inference library (process-wide setting). Both open the
    /// LibTorch module if it is not open yet (about 0.5 s the first time): not for a GUI thread.
    static void setThreads(int threads);
    static int threads();

    /// Sets the intra-op threads for one scope and restores the previous value (threads <= 0:
    /// leaves the setting alone).
    class ScopedThreads
    {
    public:
        explicit ScopedThreads(int threads);
        ~ScopedThreads();
        ScopedThreads(const ScopedThreads&) = delete;
        ScopedThreads& operator=(const ScopedThreads&) = delete;

    private:
        int m_previous;
        bool m_set;
    };

private:
    struct Impl;
    explicit Detector(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

struct AnalysisOptions
{
    std::optional<double> ageYears; ///< overrides the recording's patient age (years)
    Sex sex = Sex::Unknown;         ///< overrides the recording's sex when not Unknown
    double overlap = 0.5;           ///< window overlap fraction for records longer than 10 s
    int threads = 2;                ///< worker threads for long records
    int batchSize = 64;             ///< windows per forward pass
};

/// The patient as an analysis sees them: the recording's, with the age and sex `options` give
/// in their place.
Patient analysedPatient(const Recording& recording, const AnalysisOptions& options);

struct WindowResult
{
    double startS = 0.0; ///< seconds from the start of the recording
    double endS = 0.0;
    double probability = 0.0; ///< calibrated probability of abnormal
};

struct Analysis
{
    double probability = 0.0; ///< overall calibrated probability (mean over windows)
    Verdict verdict = Verdict::Normal;
    std::vector<WindowResult> windows;
    std::vector<WindowResult> flagged; ///< merged runs of windows at/above the anomalous threshold
    std::vector<Message> warnings;     ///< outside what the model was validated on (ml/messages.h)
    std::array<bool, kModelLeads> leadsUsed{};
    Thresholds thresholds;               ///< the ones applied (patient's age group, or general)
    std::string thresholdLeadSet = "12"; ///< the lead set they were chosen for (nearestLeadSet)
    /// The age group they were chosen for ("<40", "40-64", ">=65"; "unknown": the lowest ones).
    std::string thresholdAgeGroup = "unknown";
    ModelInfo model;
};

/// The most probable analysis window inside flagged segment `segment` of `analysis` (the one
/// worth showing and explaining); null when no window lies inside it.
const WindowResult* mostProbableWindow(const Analysis& analysis, const WindowResult& segment);

/// The most probable window of the most probable flagged segment; null when nothing is flagged.
const WindowResult* mostAbnormalWindow(const Analysis& analysis);

/// The most probable of all the analysis windows (ties: the earlier); null when there is none.
const WindowResult* mostProbableWindow(const Analysis& analysis);

/// Recordings longer than this (seconds) are ambulatory rather than resting ECGs.
inline constexpr double kLongRecordingS = 60.0;

/// How many windows strongestWindows() lists for a long recording's review.
inline constexpr std::size_t kStrongestWindows = 10;

/// How far apart (seconds, start to start) the windows strongestWindows() lists are at least:
/// a reviewer sees different stretches of the recording, not neighbours of one peak.
inline constexpr double kStrongestSpacingS = 60.0;

/// Where to look first on a long recording, whose flagged runs can span most of it: up to `n`
/// analysis windows at or above the anomalous threshold, most probable first (ties: the earlier),
/// each starting at least kStrongestSpacingS from every one listed before it.
std::vector<WindowResult> strongestWindows(const Analysis& analysis,
                                           std::size_t n = kStrongestWindows);
/// strongestWindows() of an analysis whose windows reach past kLongRecordingS (an ambulatory
/// recording); empty for a resting ECG, whose few flagged segments are the list to review.
std::vector<WindowResult> reviewFirstWindows(const Analysis& analysis);

/// Analyses a whole recording: resampling to 100 Hz, 10 s windows (50 % overlap), calibrated
/// probabilities, verdict, flagged segments, validity warnings. Returns a failure when cancelled
/// through `progress` (progress in [0,1]) or when no lead can be used.
Result<Analysis> analyse(const Detector& detector, const Recording& recording,
                         const AnalysisOptions& options = {}, const ProgressFn& progress = {});

/// The folder of the default shipped model: env ECGLENS_MODEL_DIR, else
/// <exe>/../share/ecglens/models/<name>, else the source tree's models/<name>. Empty if none
/// exists.
std::string defaultModelDir(const std::string& name = {});

/// A shipped folder under models/ (a model or "baselines"): <exe>/../share/ecglens/models/<name>,
/// else the source tree's models/<name>; empty when neither holds a manifest.json.
std::string shippedModelFolder(const std::string& name);

/// Name of the shipped default model.
const char* defaultModelName();

} // namespace ecglens::ml
