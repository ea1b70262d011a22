#pragma once

// Rhythm findings from beats and measurements. Every finding carries its evidence (beat
// indices, times and values) so a viewer can jump to it and a report can quote it.

#include "dsp/beats.h"
#include "dsp/measurements.h"

#include <optional>
#include <string>
#include <vector>

namespace ecglens::dsp {

enum class FindingKind {
    SinusRhythm,
    SinusBradycardia,
    SinusTachycardia,
    Bradycardia,         ///< < 60 bpm without clear sinus P waves
    Tachycardia,         ///< > 100 bpm without clear sinus P waves
    NormalRateNoPWave,   ///< 60-100 bpm without clear sinus P waves: rhythm left to the reader
    IrregularPossibleAf, ///< irregular RR with absent P waves: suggestive of AF
    Pause,               ///< RR > 2 s
    PrematureVentricularBeats,
    PrematureSupraventricularBeats,
    /// Lead I inverted (P and QRS negative in it): the left and right arm electrodes were
    /// probably swapped, or dextrocardia; not a rhythm, but a reason to check before reading.
    ArmElectrodeReversal,
    /// Lead II inverted (P and QRS negative in it, positive in aVR; T too unless the arm
    /// reversal's pattern fits as well): the right arm and left leg electrodes were probably
    /// swapped; like ArmElectrodeReversal, a reason to check.
    ArmLegElectrodeReversal,
    /// Pacemaker stimuli before some beats (Measurements::pacing, pacemakerStimuli): a paced
    /// QRS is wide with secondary ST-T changes, so its measurements are read differently.
    PacemakerSpikes,
    /// The median beat's QRS has the shape of complete left or right bundle branch block
    /// (qrsConduction); not told on a paced median beat or with a limb electrode reversal.
    LeftBundleBranchBlock,
    RightBundleBranchBlock,
    /// The median beat's QRS has the shape of left anterior fascicular block (fascicularShape):
    /// with RightBundleBranchBlock a bifascicular block. Not told beside LeftBundleBranchBlock
    /// (which blocks both fascicles) or PathologicalQWaves in II, III or aVF (against its rS
    /// there), on a paced median beat or with a limb electrode reversal.
    LeftAnteriorFascicularBlock,
    /// Q waves meeting the criteria of prior myocardial infarction in two contiguous leads
    /// (qWaves; Finding::leads the leads). Not told beside LeftBundleBranchBlock, on a paced
    /// median beat or with a limb electrode reversal, which all produce Q waves of their own.
    PathologicalQWaves,
};

struct Finding
{
    FindingKind kind = FindingKind::SinusRhythm;
    std::string code;               ///< stable snake_case id, e.g. "sinus_bradycardia", "pause"
    std::string text;               ///< one line for a clinician, e.g. "Pause of 2.4 s at 12:31.2"
    double startS = 0, endS = 0;    ///< where it applies
    std::vector<std::size_t> beats; ///< evidence: indices into the beat list
    std::vector<double> timesS;     ///< evidence: times of those beats (or windows)
    std::vector<double> values;     ///< evidence: the values that decided it
    std::string valueUnit;          ///< unit of `values`, e.g. "bpm", "ms", "prematurity"
    std::vector<std::string> leads; ///< evidence: the leads it was seen in, where that matters
};

/// snake_case id of a finding kind.
const char* findingCode(FindingKind kind);

/// A time in a recording as findings write it: minutes and seconds with one decimal, "12:31.2".
std::string findingClock(double seconds);

struct RhythmOptions
{
    double bradycardiaBpm = 60.0;
    double tachycardiaBpm = 100.0;
    double pauseMs = 2000.0;
    /// AF evidence per window: normalised RMSSD of all RR above this, and no P wave.
    double afIrregularity = 0.10;
};

/// Irregularity of RR intervals in beats[first, first+count): RMSSD / mean of the RR intervals
/// between two normal (N) beats: none that starts or ends at a premature (V or S) or
/// unclassifiable (Q) beat.
double rrIrregularity(const std::vector<Beat>& beats, std::size_t first, std::size_t count);

/// What a PacemakerSpikes finding's values say (rhythmFindings writes them, pacingSummary reads
/// them: the layout of `values` is known to these two alone).
struct PacingSummary
{
    std::size_t pacedBeats = 0; ///< beats with a stimulus found before them
    std::size_t beats = 0;      ///< all beats
    /// The median beat was built from one group alone (measurePacedApart): the paced beats (a
    /// stimulus or their QRS shape) or the others.
    bool medianApart = false;
    std::size_t medianBeats = 0;  ///< that group's beats, when medianApart
    bool medianPaced = false;     ///< the median beat is paced (else by medianBeatPaced's rule)
    std::size_t pacedByShape = 0; ///< beats paced by their QRS shape alone (beatsShapedAsPaced)
};

/// The finding's values for a pacing summary, in rhythmFindings' layout.
std::vector<double> pacingValues(const PacingSummary& p);

/// The summary of a PacemakerSpikes finding; none for another kind or too few values. Counts
/// that are not a number or negative read as 0.
std::optional<PacingSummary> pacingSummary(const Finding& f);

/// The first PacemakerSpikes finding's summary; none without one.
std::optional<PacingSummary> pacingSummary(const std::vector<Finding>& findings);

/// Findings for a record: dominant rhythm, AF-suggestive windows (merged into episodes),
/// pauses and premature beats; a suspected limb electrode reversal (suspectedElectrodeReversal);
/// pacemaker stimuli (m.pacing: beats the paced ones, timesS every stimulus found, values a
/// PacingSummary: pacingSummary reads it); and a bundle branch block shape of the median beat
/// (values: QRS ms, V1 R and S mV, then for the left the R peak time ms in I or V6, for the
/// right the S mV in I or V6); a left anterior fascicular block shape (fascicularShape); and
/// pathological Q waves (qWaves: leads the leads found, values the widest ms and deepest mV).
std::vector<Finding> rhythmFindings(const std::vector<Beat>& beats, const Measurements& m,
                                    const RhythmOptions& options = {});

/// A limb electrode reversal that the median beat's frontal axes (IntervalValues: P wave found,
/// axes finite) suggest. Two electrodes swapped mirror every frontal axis a, and keep
/// Einthoven's law, so the reader's check cannot see them:
/// - left and right arm (lead I turned over, a -> 180 - a): P and QRS both negative in lead I
///   (beyond +-90 degrees), which dextrocardia also gives. A QRS axis beyond 90 degrees alone is
///   right axis deviation; with the P wave it is rare in correctly placed leads (2 of PTB-XL's
///   1,810 records);
/// - right arm and left leg (lead II turned over, a -> 300 - a): P, QRS and T all negative in
///   lead II and positive in aVR (axes in (150, 300) degrees), the textbook sign (Batchvarov et
///   al. 2007, Europace 9:1081); none of PTB-XL's 1,810 records as recorded.
/// When P and QRS fit both, the reversal whose undoing brings them nearer the middles of their
/// normal ranges (P 0 to 75, QRS -30 to 90 degrees) is named. The left leg and left arm swapped
/// (the mildest mirror, a -> 60 - a) mostly leaves normal axes and is not told. Figures on
/// PTB-XL with the electrodes swapped in the leads: tst_measurements limbElectrodeReversals.
enum class ElectrodeReversal { None, LeftRightArm, RightArmLeftLeg };
ElectrodeReversal suspectedElectrodeReversal(const Measurements& m);

} // namespace ecglens::dsp
