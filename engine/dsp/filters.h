#pragma once

// Zero-phase conditioning filters (forward-backward IIR with edge padding, like
// scipy.signal.filtfilt) and resampling. All functions are pure; NaN samples are handled by the
// implementation (bridged for filtering and restored as NaN in the output).

#include "core/recording.h"
#include "core/result.h"

#include <optional>
#include <vector>

namespace ecglens::dsp {

/// Baseline-wander removal: zero-phase Butterworth high-pass. cutoffHz in Hz (default 0.5).
std::vector<float> highPass(const std::vector<float>& x, double fsHz, double cutoffHz = 0.5,
                            int order = 2);

/// Zero-phase Butterworth low-pass; cutoffHz in Hz (40 / 100 / 150 for display).
std::vector<float> lowPass(const std::vector<float>& x, double fsHz, double cutoffHz, int order = 4);

/// Zero-phase notch at mainsHz (50 or 60) and, with harmonics, every multiple below Nyquist.
std::vector<float> notch(const std::vector<float>& x, double fsHz, double mainsHz,
                         bool harmonics = true, double quality = 30.0);

/// Resamples to toHz with an anti-aliasing filter (polyphase / windowed sinc).
std::vector<float> resample(const std::vector<float>& x, double fromHz, double toHz);

struct ConditionOptions
{
    bool baseline = true;
    double baselineCutoffHz = 0.5;
    bool mains = true;
    double mainsHz = 50.0;
    std::optional<double> lowPassHz = 40.0; ///< nullopt = no low-pass
};

/// Applies the chosen filters to every lead; metadata is copied. Cancellable (nullopt).
std::optional<Recording> condition(const Recording& recording, const ConditionOptions& options,
                                   const ProgressFn& progress = {});

} // namespace ecglens::dsp
