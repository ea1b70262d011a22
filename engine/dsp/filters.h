#pragma once

// Zero-phase conditioning filters (forward-backward IIR with edge padding, like
// scipy.signal.filtfilt) and resampling. All functions are pure; NaN samples are handled by the
// implementation (bridged for filtering and restored as NaN in the output).

#include "core/recording.h"
#include "core/result.h"

#include <optional>
#include <utility>
#include <vector>

namespace ecglens::dsp {

/// Baseline-wander removal: zero-phase Butterworth high-pass. cutoffHz in Hz (default 0.5).
std::vector<float> highPass(const std::vector<float>& x, double fsHz, double cutoffHz = 0.5,
                            int order = 2);

/// Zero-phase Butterworth low-pass; cutoffHz in Hz (40 / 100 / 150 for display).
std::vector<float> lowPass(const std::vector<float>& x, double fsHz, double cutoffHz,
                           int order = 4);

/// Zero-phase notch at mainsHz (50 or 60) and, with harmonics, every multiple below Nyquist:
/// scipy.signal.filtfilt(*iirnotch(k * mainsHz, quality, fs)) applied for k = 1, 2, ... in turn.
std::vector<float> notch(const std::vector<float>& x, double fsHz, double mainsHz,
                         bool harmonics = true, double quality = 30.0);

/// Resamples to toHz with an anti-aliasing filter (polyphase / windowed sinc).
std::vector<float> resample(const std::vector<float>& x, double fromHz, double toHz);

/// One second-order section, a0 normalised to 1 (scipy's sos row b0 b1 b2 1 a1 a2).
struct Biquad
{
    double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;
};

enum class FilterKind { LowPass, HighPass, BandPass };

/// Digital Butterworth design as scipy.signal.butter(order, Wn, btype, fs=fsHz, output="sos"):
/// analogue prototype, pre-warping, bilinear transform. Band-pass uses lowHz..highHz (order per
/// edge, so 2*order poles); for low/high-pass only lowHz is used. Cutoffs in Hz.
std::vector<Biquad> butterworth(int order, FilterKind kind, double fsHz, double lowHz,
                                double highHz = 0.0);

/// scipy.signal.iirnotch(mainsHz, quality, fs=fsHz) as one section.
Biquad iirNotch(double fsHz, double freqHz, double quality);

/// Causal cascade (scipy.signal.sosfilt with zero initial state) in place.
void sosFilter(const std::vector<Biquad>& sos, std::vector<double>& x);

/// Zero-phase cascade exactly like scipy.signal.sosfiltfilt(sos, x) (odd extension, padlen as
/// scipy, steady-state initial conditions sosfilt_zi). When x is shorter than scipy allows, the
/// padding shrinks to size-1 instead of failing. NaN samples are bridged and restored.
std::vector<double> sosFiltFilt(const std::vector<Biquad>& sos, const std::vector<double>& x);

/// Linear interpolation over NaN runs (edges hold the nearest valid value); returns false when
/// no sample is valid.
bool bridgeNaN(std::vector<double>& x);

/// sosFiltFilt on every signal in place; equally long NaN-free signals run together (faster,
/// same values).
void sosFiltFiltMany(const std::vector<Biquad>& sos, std::vector<std::vector<double>>& lanes);

/// Integer factors up/down (coprime) approximating toHz/fromHz (continued fraction, den <= 1000).
std::pair<int, int> rationalRatio(double fromHz, double toHz);

/// scipy.signal.resample_poly(x, up, down) with its default Kaiser (beta 5) FIR; NaN bridged,
/// output samples whose nearest input sample was NaN are NaN.
std::vector<double> resamplePoly(const std::vector<double>& x, int up, int down);

struct ConditionOptions
{
    bool baseline = true;
    double baselineCutoffHz = 0.5;
    bool mains = true;
    double mainsHz = 50.0;
    std::optional<double> lowPassHz = 40.0; ///< nullopt = no low-pass
};

/// Applies the chosen filters to every ECG lead as ONE zero-phase cascade, exactly
/// scipy.signal.sosfiltfilt(vstack(butter(2, baseline, "highpass"), iirnotch(k * mains, 30)...,
/// butter(4, lowPass, "lowpass"))); leads at their own fsHz. Other signals (dsp::mayBeEcg
/// false: a pressure keeps its mean, a respiration its slow shape) are copied unfiltered.
/// Metadata is copied; stored digital values of filtered leads are dropped. Cancellable
/// (nullopt).
std::optional<Recording> condition(const Recording& recording, const ConditionOptions& options,
                                   const ProgressFn& progress = {});

} // namespace ecglens::dsp
