#pragma once

// One call that explains the detector's output for a 10 s window of a whole recording: the
// recipe shared by `ecglens-cli explain` and the GUI's explanation job (model input preparation,
// QRS detection fused over the leads, beat-aligned players, Shapley values, probability scale).

#include "core/recording.h"
#include "core/result.h"
#include "ml/detector.h"
#include "ml/preprocess.h"
#include "xai/ecg_game.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace ecglens::xai {

/// The explanation of one window of a recording. Players' leads are indices into
/// kStandardLeads (0..11), their start/end are samples at ml::kModelFsHz within the window.
struct RecordingExplanation
{
    Attribution attribution;
    double windowStartS = 0.0; ///< seconds from the start of the recording
    double windowEndS = 0.0;   ///< windowStartS + 10 s
    double fsHz = ml::kModelFsHz;
    double probability = 0.0;     ///< calibrated probability of abnormal for the window
    double baseProbability = 0.0; ///< the same with every player removed (all baseline)
    /// Per player: its value rescaled to the calibrated probability scale (display aid).
    std::vector<double> probabilityValues;
    /// Sum of the players' log-odds values per standard lead (0 for absent leads).
    std::array<double, ml::kModelLeads> leadSums{};
    std::array<bool, ml::kModelLeads> leadsPresent{}; ///< leads the recording supplies
    /// Of those, limb leads computed from the recorded ones (ml::deriveLimbLeads): players
    /// like the others, but no trace of the recording shows them.
    std::array<bool, ml::kModelLeads> leadsDerived{};
    std::string efficiencyProblem; ///< empty when the efficiency check passed
    ml::ModelInfo model;

    /// Start / end of player i in seconds from the start of the recording.
    double playerStartS(std::size_t i) const;
    double playerEndS(std::size_t i) const;
};

/// Model input of a recording plus its QRS detections (R-peak samples at ml::kModelFsHz over the
/// whole prepared signal), reusable for several windows of the same recording.
struct PreparedRecording
{
    ml::PreparedSignal signal;
    std::vector<std::int64_t> beats;
};

/// R peaks (sample indices) of a window (leads x samples at fsHz, mV): QRS detection fused over
/// all its rows, as prepareRecording does for a whole recording.
std::vector<int> windowBeats(const Eigen::MatrixXf& window, double fsHz);

/// Prepares `recording` for explanation (resampling to 100 Hz, fused QRS detection unless
/// `detectBeats` is false). Fails when no lead can be used.
Result<PreparedRecording> prepareRecording(const Recording& recording, bool detectBeats = true);

/// Explains the window starting at startS seconds (rounded to a 100 Hz sample) of a prepared
/// recording; fails when the window starts after the end, on bad input or on cancellation.
Result<RecordingExplanation> explainPrepared(const ml::Detector& detector,
                                             const PreparedRecording& prepared, double startS,
                                             const ExplainOptions& options = {},
                                             const ProgressFn& progress = {});

/// prepareRecording + explainPrepared (beats are detected unless options.players is Seconds).
Result<RecordingExplanation> explainRecording(const ml::Detector& detector,
                                              const Recording& recording, double startS,
                                              const ExplainOptions& options = {},
                                              const ProgressFn& progress = {});

} // namespace ecglens::xai
