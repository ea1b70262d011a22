#pragma once

// Turning a Recording into model input: standard lead order, 100 Hz, mV, per-window per-lead
// baseline removal (no statistics shared across records or windows).

#include "core/message.h"
#include "core/recording.h"
#include "core/result.h"

#include <Eigen/Core>

#include <array>
#include <string>
#include <vector>

namespace ecglens::ml {

/// One analysis window: leads x samples at 100 Hz (12 x 1000 for 10 s), lead order =
/// kStandardLeads; absent leads are all zero.
using Window = Eigen::MatrixXf;

inline constexpr double kModelFsHz = 100.0;
inline constexpr int kModelLeads = 12;
inline constexpr int kWindowSamples = 1000; ///< 10 s at kModelFsHz

/// A recording mapped onto the 12 standard leads at kModelFsHz, in mV (not yet normalised).
struct PreparedSignal
{
    std::array<std::vector<float>, kModelLeads> leads; ///< mV at 100 Hz; empty = absent; NaN -> 0
    long samples = 0;                                  ///< length of the longest lead at 100 Hz
    std::array<bool, kModelLeads> present{}; ///< which standard leads the recording supplies
    /// Of those, the limb leads computed from two recorded ones (deriveLimbLeads), not recorded.
    std::array<bool, kModelLeads> derived{};
    /// The recording's I, II and III break Einthoven's law (checkEinthoven): none is derived.
    bool limbLeadsInconsistent = false;
    double sourceFsHz = 0.0;
    std::vector<Message> warnings; ///< leads that could not be used (ml/messages.h)
};

/// Maps leads by name (MLII -> II, ...), resamples to 100 Hz with dsp::resample and computes the
/// limb leads a recording lacks from two it has (deriveLimbLeads; a kDerivedLeads warning names
/// them) unless its I, II and III break Einthoven's law (checkEinthoven). Fails when no lead can
/// be used.
Result<PreparedSignal> prepareSignal(const Recording& recording);

/// Leads in mV in kStandardLeads order (empty = absent, NaN = invalid), each with the rate it was
/// recorded at (leads recorded together share it); the samples may be at another rate.
struct LeadSignals
{
    std::array<std::vector<float>, kModelLeads> mv;
    std::array<double, kModelLeads> fsHz{};
};

/// Computes the limb leads `leads` lacks from two it has, as electrocardiographs compute four
/// of them from the two they record: Einthoven's law (II = I + III) and Goldberger's equations
/// (aVR = -(I + II) / 2, aVL = I - II / 2, aVF = II - I / 2) make any two of the six determine
/// the others. The two are the first pair in lead order recorded at the same rate with as many
/// samples (sampled together): two of I, II, III where the recording has them. An invalid
/// (NaN) source sample gives an invalid computed one; a computed lead takes its sources' rate.
/// Returns which leads were computed.
std::array<bool, kModelLeads> deriveLimbLeads(LeadSignals& leads);

/// Window [startSample, startSample+1000) of `prepared` (zero-padded past the end), with the
/// per-lead median removed and values clipped to +-5 mV.
Window extractWindow(const PreparedSignal& prepared, long startSample);

/// The first sample (at kModelFsHz) of the 10 s window starting at startS seconds in a prepared
/// signal of `samples`, as the analysis lays its windows out: none runs past the end (a start up
/// to one sample after the last full window's, as a recording's duration rounds, is that
/// window's), and a recording shorter than 10 s has its one window at 0. Fails, saying where
/// the last window starts, for a negative or non-finite start or a window past the end.
Result<long> windowStartSample(double startS, long samples);

/// Normalises a raw 12 x 1000 window in place the same way extractWindow does.
void normaliseWindow(Window& window);

/// Lead-set masks used in training and evaluation.
/// "12", "limb6", "2" (II + V1), "1" (II); "v1" (V1 alone), "v5" (V5 alone) and "chest6" (V1-V6),
/// which evaluate reports but the model has no thresholds for; all false for another name.
std::array<bool, kModelLeads> leadSetMask(const std::string& name);

/// Whether `present` holds every lead of at least one of `sets` (lead-set names as for
/// leadSetMask) or all 12 leads.
bool containsLeadSet(const std::array<bool, kModelLeads>& present,
                     const std::vector<std::string>& sets);

/// Of `candidates` (lead-set names as for leadSetMask) and "12", the set closest to the `present`
/// leads: fewest leads differing (present but not in the set, or in the set but absent); on a
/// tie the set with more leads. E.g. II + V1 + V5 -> "2", I + II -> "1", 11 leads -> "12".
std::string nearestLeadSet(const std::array<bool, kModelLeads>& present,
                           const std::vector<std::string>& candidates);

/// The standard names of the `present` leads in standard order ("II", "V1").
std::vector<std::string> leadNames(const std::array<bool, kModelLeads>& present);
/// The same joined by `separator` ("II, V1").
std::string leadNames(const std::array<bool, kModelLeads>& present, const std::string& separator);

/// Copies a window as the networks take it into `out` (kModelLeads x kWindowSamples floats,
/// row-major; rows or samples the window lacks are left as they are).
void windowToBuffer(const Window& window, float* out);

/// Zeroes the leads not in `mask`.
void applyLeadMask(Window& window, const std::array<bool, kModelLeads>& mask);

} // namespace ecglens::ml
