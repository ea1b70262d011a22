#pragma once

// Einthoven's law (II = I + III) as a check of a recording's limb leads.

#include "core/recording.h"

#include <optional>
#include <utility>
#include <vector>

namespace ecglens {

/// How far a recording's leads I, II and III are from Einthoven's law II = I + III, which holds
/// for any three limb electrodes whatever their placement or a reversal of two of them; a file
/// that breaks it has a mislabelled lead, a lead with a wrong gain, or leads rescaled one by one.
struct EinthovenCheck
{
    double residualMv = 0;  ///< 95th percentile of |II - I - III| (median removed), mV
    double amplitudeMv = 0; ///< the largest of I, II, III by the same measure, mV
    long samples = 0;       ///< samples compared (all three finite; every k-th of a long record)
    /// Whether the leads obey the law: the residual within 0.05 mV or 10 % of amplitudeMv.
    bool consistent() const;
};

/// The check on the recording's leads named I, II and III (any spelling; the first of each),
/// when all three are voltages sampled together (same rate and length) with at least one second
/// of finite samples; std::nullopt otherwise. A long recording is checked on about 200,000
/// evenly spread samples.
std::optional<EinthovenCheck> checkEinthoven(const Recording& recording);

/// The six limb leads are kStandardLeads 0-5 (I, II, III, aVR, aVL, aVF).
inline constexpr int kLimbLeadCount = 6;

/// Weights (wa, wb) with limb lead `target` = wa * limb lead `a` + wb * limb lead `b`, from
/// Einthoven's law (III = II - I) and Goldberger's equations (aVR = -(I + II) / 2,
/// aVL = I - II / 2, aVF = II - I / 2): no two of the six are collinear, so any two determine
/// the others, as electrocardiographs compute four of them from the two they record. All three
/// in 0..kLimbLeadCount-1, a != b.
std::pair<double, double> limbLeadWeights(int target, int a, int b);

/// The recording with its computed limb leads may hold at most this many samples in all its
/// leads (160 MB of floats; e.g. 1.8 hours of 12 leads at 500 Hz), so that a long Holter
/// recording is not doubled in memory for display.
inline constexpr std::size_t kMaxSamplesWithComputedLeads = 40'000'000;

/// Which limb leads a recording lacks and the two recorded ones they are computed from.
struct LimbLeadSources
{
    std::size_t leadA = 0, leadB = 0; ///< the sources' indices in recording.leads
    int limbA = -1, limbB = -1;       ///< their limb lead numbers (kStandardLeads 0-5), A < B
    std::vector<int> missing;         ///< the limb lead numbers to compute, in I..aVF order
};

/// The rule electrocardiographs follow, shared by the display, the measurements and the
/// detector's input (ml::deriveLimbLeads): leads are matched by name as the detector matches
/// them (analysisLeadIndex: MLII counts as II), the first of each; a lead computed before
/// (Lead::computed) is no source and is not computed again; the two sources are the first pair
/// in I, II, III, aVR, aVL, aVF order sampled together (same rate, same number of samples).
/// std::nullopt when the recording has all six or fewer than two such, or when its I, II and
/// III break Einthoven's law (checkEinthoven).
std::optional<LimbLeadSources> limbLeadSources(const Recording& recording);

/// The limb leads `recording` lacks (limbLeadSources), computed for display the way the
/// detector computes them for its input; none when it would then hold more than
/// kMaxSamplesWithComputedLeads samples. Each is named by its standard name, in mV, at its
/// sources' rate, `computed` set; an invalid (NaN) source sample gives an invalid one.
std::vector<Lead> computedLimbLeads(const Recording& recording);

/// Appends computedLimbLeads(recording) to its leads; returns how many.
std::size_t addComputedLimbLeads(Recording& recording);

} // namespace ecglens
