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
    /// Beats without a stimulus found whose QRS has the shape of those with one
    /// (beatsShapedAsPaced; filled by measurePacedApart): paced beats whose stimulus the search
    /// missed, counted with the paced ones for the median beat.
    std::vector<std::size_t> pacedByShape;
};

/// Searches the raw (unfiltered) recording's ECG leads (dsp::mayBeEcg, voltage units, recorded
/// rather than computed): those at the record rate, else those at the rate most of them share,
/// as beat detection chooses. `beats` at the record rate, as detectBeats gives them.
PacingSpikes findPacingSpikes(const Recording& raw, const std::vector<Beat>& beats);

/// A beat without a stimulus found has the paced beats' shape when its QRS (every ECG lead from
/// 60 ms before R to 160 ms after it, each less its mean there) correlates with the median QRS of
/// the beats with a stimulus at least this much. The search misses stimuli on some paced beats
/// (a bipolar or biventricular stimulus is small on the surface); on the shared paced records
/// such beats correlate 0.95-1.00 (PTB-XL 498, LUDB 45, 93: every beat paced but one ventricular
/// extrasystole, by the records' statements), intrinsic and fusion beats 0.87 at most (PTB-XL
/// 190, 382, LUDB 95), sinus beats of PTB-XL 00001 joined to paced 00143 -0.13 to -0.03. Chosen
/// on those records: no other paced ECG was at hand.
inline constexpr double kPacedShapeCorrelation = 0.9;

/// The beats not in `pacedBeats` whose QRS has the shape of those in it
/// (kPacedShapeCorrelation), in beat order, on a conditioned recording at the beats' rate (its
/// ECG leads of the record's length, dsp::mayBeEcg). None without such leads or paced beats; a
/// beat too near either end of the recording, or with a sample not a number, is never one.
/// The template is the median beat (dsp::medianBeat, of at most 300 beats spread over the
/// recording) of those in `pacedBeats`; the correlation is dsp::windowCorrelation.
std::vector<std::size_t> beatsShapedAsPaced(const Recording& conditioned,
                                            const std::vector<Beat>& beats,
                                            const std::vector<std::size_t>& pacedBeats);

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
