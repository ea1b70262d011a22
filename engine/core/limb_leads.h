#pragma once

// Einthoven's law (II = I + III) as a check of a recording's limb leads.

#include "core/recording.h"

#include <optional>

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

} // namespace ecglens
