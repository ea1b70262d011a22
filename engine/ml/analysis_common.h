#pragma once

// Pieces of analyse() shared by the neural detector and the measurement models (internal to
// engine/ml).

#include "ml/detector.h"

#include <optional>
#include <string>
#include <vector>

namespace ecglens::ml {

/// What every analyse() starts from: the result so far (model, leads used, warnings), the
/// 100 Hz model input, the patient's age (options, else the recording) and the window starts.
struct AnalysisSetup
{
    Analysis analysis;
    PreparedSignal prepared;
    std::optional<double> ageYears;
    std::vector<long> starts;
};

/// Prepares the signal, adds the validity warnings and lays out the windows; fails on bad input
/// or when `progress` cancels at 0.
Result<AnalysisSetup> beginAnalysis(const ModelInfo& model, const Recording& recording,
                                    const AnalysisOptions& options, const ProgressFn& progress);

/// Appends the warnings where a model is outside what it was validated on: age < 18, fewer than
/// 12 leads, sampling rate below 100 Hz, shorter than 10 s or longer than kLongRecordingS, flat,
/// noisy or invalid leads, limb leads that break Einthoven's law.
void addValidityWarnings(const PreparedSignal& prepared, const Recording& recording,
                         std::optional<double> ageYears, std::vector<Message>& warnings);

/// Start samples (at 100 Hz) of the 10 s analysis windows of a `samples`-long signal with the
/// given overlap fraction; the last window ends at the end.
std::vector<long> windowStarts(long samples, double overlap);

/// Fills windows (from `starts` and calibrated `probabilities`), the overall probability (mean
/// over windows), verdict and flagged segments (merged windows at/above the anomalous
/// threshold) of `analysis`.
void finishAnalysis(Analysis& analysis, const std::vector<long>& starts, long samples,
                    const std::vector<double>& probabilities, const Thresholds& thresholds);

} // namespace ecglens::ml
