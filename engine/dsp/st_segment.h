#pragma once

// ST-segment levels per lead of a median beat: the deviation a reader of an ischaemic ECG looks
// for, measured as 12-lead programs print it (IEC 60601-2-25 takes the level at QRS onset as
// the isoelectric reference): at the J point (QRS offset) and 60 ms after it, in mV, positive
// for elevation.

#include "dsp/measurements.h"

#include <limits>
#include <string>
#include <vector>

namespace ecglens::dsp {

struct StLevel
{
    std::string lead;
    double jMv = 0;   ///< at J (the median beat's QRS offset, latest over all leads); NaN unknown
    double j60Mv = 0; ///< 60 ms after J; NaN when unknown or after the T wave's end
    bool computed = false; ///< a limb lead computed from two recorded ones (MedianBeat::computed)
    /// The QRS's net area from QRS onset to offset relative to the level before onset, in
    /// mV x ms: positive where the QRS is mainly positive, negative where it is mainly negative;
    /// an ST deviation of the same sign is concordant with the QRS. An area rather than the
    /// largest deflection, which a pacemaker stimulus's remnant at QRS onset can be. NaN when
    /// unknown.
    double qrsAreaMvMs = std::numeric_limits<double>::quiet_NaN();
};

/// Time after J of the second ST level.
inline constexpr double kStAfterJMs = 60.0;

/// Each lead's ST levels, in the median beat's lead order (the recorded leads, then the limb
/// leads computed for the measurements, `computed` set), leaving out leads without a median
/// (another rate, another kind of signal: all NaN); every value NaN without QRS onset and
/// offset. Each level is the mean over 10 ms centred on its time (a sample is 2–10 ms), relative
/// to the mean over the 10 ms ending at QRS onset.
std::vector<StLevel> stLevels(const MedianBeat& beat);

} // namespace ecglens::dsp
