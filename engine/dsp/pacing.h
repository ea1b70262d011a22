#pragma once

// Pacemaker stimuli ("spikes") on the raw ECG. An electrocardiograph that detects them marks them
// and its interpretation treats paced beats apart (Kligfield et al. 2007, AHA/ACCF/HRS
// recommendations Part I): a paced QRS is wide with secondary ST-T changes by design, so its
// width, axis and ST levels, and the detector (not validated on paced ECGs), do not apply.
//
// A stimulus lasts 0.1-2 ms; after the cart's filters it stays a deflection of a sample or two
// at 500 Hz, far narrower than any QRS. Found as the distance of a sample from the median of the
// samples within 4 ms around it, above 0.15 mV and above 0.7 times the steeper step of the trace
// just outside those 4 ms (the apex of a tall, sharp R wave stands out by about its flanks'
// slope), at the same sample in half the ECG leads or more (two of two; one lead alone when
// there is one): a stimulus reaches most leads at once, a muscle twitch does not. Searched on
// the raw signal: the conditioning filters take the spikes out. Checked on PTB-XL at 500 Hz,
// LUDB and MIT-BIH (tst_measurements pacemakerSpikesOnRealRecords), which are also the records
// the thresholds were chosen on: no other paced ECG was at hand.

#include "core/recording.h"
#include "dsp/beats.h"

#include <cstddef>
#include <vector>

namespace ecglens::dsp {

/// Below this rate the stimuli are smoothed away (PTB-XL's 100 Hz records show none); the
/// search is not made.
inline constexpr double kPacingMinFsHz = 250.0;

/// Beats with a stimulus between this long before their R and kPacingAfterRMs after it count as
/// paced: an atrial stimulus precedes R by the AV delay and the QRS, a ventricular one by the
/// QRS's first part.
inline constexpr double kPacingBeforeRMs = 450.0;
inline constexpr double kPacingAfterRMs = 10.0;

/// Paced beats needed before a recording counts as showing pacemaker stimuli.
inline constexpr std::size_t kPacingMinBeats = 3;

struct PacingSpikes
{
    bool searched = false; ///< ECG leads at kPacingMinFsHz or more were searched
    double fsHz = 0.0;     ///< rate of the leads searched
    std::size_t leadCount = 0;
    std::vector<double> timesS;          ///< every stimulus found, in time order
    std::vector<std::size_t> pacedBeats; ///< indices of the beats with a stimulus before R
};

/// Searches the raw (unfiltered) recording's ECG leads (dsp::mayBeEcg, voltage units, recorded
/// rather than computed): those at the record rate, else those at the rate most of them share,
/// as beat detection chooses. `beats` at the record rate, as detectBeats gives them.
PacingSpikes findPacingSpikes(const Recording& raw, const std::vector<Beat>& beats);

/// Whether enough beats are paced (kPacingMinBeats) to report pacemaker stimuli.
bool pacemakerStimuli(const PacingSpikes& pacing);

/// Whether a recording with `paced` of its `beats` beats paced has its median beat made of
/// paced beats: when they are more than half (measurePacedApart measures the majority apart).
/// The majority rather than the unpaced beats whenever there are a few: a stimulus missed on
/// some paced beats (PTB-XL 498: 7 of 11 found, the other four as wide and as superior in axis)
/// must not make them the "unpaced" beats measured.
inline bool medianBeatPaced(std::size_t paced, std::size_t beats)
{
    return paced > 0 && 2 * paced > beats;
}

} // namespace ecglens::dsp
