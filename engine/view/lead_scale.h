#pragma once

// How a lead is drawn on ECG paper. An ECG lead runs at the paper gain (mm/mV) around zero,
// with the 1 mV calibration pulse. Another kind of signal beside it (arterial pressure in mmHg,
// respiration, EEG: dsp::mayBeEcg false) would, at an ECG gain, run off the paper (100 mmHg
// read as 100 mV is a metre) or vanish; it is centred on the middle of its usual range and
// scaled with a 1-2-5 step per 10 mm that fits that range into its row, the step stated.

#include "core/recording.h"

namespace ecglens::view {

struct ValueRange
{
    double lo = 0.0, hi = 0.0;
};

/// 1st and 99th percentile of a lead's finite samples (at most 200,000 evenly spaced samples
/// looked at); {0, 0} when it has none.
ValueRange typicalRange(const Lead& lead);

struct LeadScale
{
    bool ecg = true;         ///< an ECG lead: paper gain, 1 mV pulse, values in mV
    double mmPerUnit = 0.0;  ///< paper millimetres per unit of the lead's samples
    double centre = 0.0;     ///< value drawn on the row's baseline (0 for an ECG lead)
    double unitsPer10Mm = 0; ///< another signal: its scale, lead units per 10 mm (0 for ECG)
};

/// What a lead's scale rests on, found once per lead: whether it is an ECG lead (dsp::mayBeEcg)
/// and, when it is not, its typicalRange.
struct LeadScaleBasis
{
    bool ecg = true;
    ValueRange typical; ///< {0, 0} for an ECG lead
};
LeadScaleBasis scaleBasis(const Lead& lead);

/// An ECG lead at `gainMmPerMv`; another signal scaled with the smallest 1-2-5 step per 10 mm
/// that fits its typical range into `fitMm`, centred on it. `basis` is scaleBasis(lead).
LeadScale leadScale(const Lead& lead, const LeadScaleBasis& basis, double gainMmPerMv,
                    double fitMm);

/// The smallest 1-2-5 value (..., 0.2, 0.5, 1, 2, 5, 10, ...) at or above `value`; 1 when
/// `value` is not a positive finite number.
double stepAtLeast(double value);

} // namespace ecglens::view
