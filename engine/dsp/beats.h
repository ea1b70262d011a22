#pragma once

// QRS detection (Pan-Tompkins / Hamilton-Tompkins family, fused across leads) and a simple
// beat classification. Every beat carries the values that made its class, so a viewer can show
// why a beat was called premature or wide.

#include "core/recording.h"
#include "core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ecglens::dsp {

enum class BeatClass {
    Normal,                    ///< "N": normal-looking, on time
    SupraventricularPremature, ///< "S": early, narrow, dominant morphology
    Ventricular,               ///< "V": wide or differently shaped QRS
    Unknown                    ///< "Q": too noisy / too short to judge
};

/// AAMI-style one-letter code of a class ("N", "S", "V", "Q").
const char* beatCode(BeatClass beatClass);

struct Beat
{
    std::int64_t sample = 0; ///< R peak, sample index at the recording's fsHz
    double timeS = 0.0;      ///< R peak time in s
    BeatClass beatClass = BeatClass::Normal;
    double rrPreviousMs = 0.0; ///< interval from the previous beat in ms (0 for the first)
    double rrNextMs = 0.0;     ///< interval to the next beat in ms (0 for the last)
    double prematurity = 1.0;  ///< rrPrevious / reference (recent normal) RR (< 1 = early)
    double qrsWidthMs = 0.0;   ///< width of the QRS energy envelope in ms (approximate)
    double correlation = 1.0;  ///< with the dominant beat template (-1..1)
    double amplitude = 0.0;    ///< detection feature peak (arbitrary units, for display)
};

struct DetectOptions
{
    int lead = -1; ///< lead index to use; -1 = fuse the ECG leads (dsp::mayBeEcg)
    double refractoryMs = 200.0;
    bool classify = true;
    bool inputConditioned = false; ///< samples already band-limited (dsp::condition): skips a
                                   ///< filter in classification
};

/// Detects every QRS complex and classifies the beats; sample indices at recording.fsHz.
/// Without a lead chosen, the ECG leads (dsp::mayBeEcg) are fused: those at the record rate, else
/// those at their own rate (dsp::ecgAtItsOwnRate). Cancellable (progress returns false ->
/// nullopt).
std::optional<std::vector<Beat>> detectBeats(const Recording& recording,
                                             const DetectOptions& options = {},
                                             const ProgressFn& progress = {});

/// Sets each beat's sample index to its time at fsHz (beats found at another rate).
void atRecordRate(std::vector<Beat>& beats, double fsHz);

/// Core detector on raw sample arrays (same length, all at fsHz); R-peak sample indices.
std::vector<std::int64_t> detectQrs(const std::vector<const std::vector<float>*>& leads,
                                    double fsHz, double refractoryMs = 200.0);

/// Classifies beats at the given R peaks using RR prematurity, QRS width and correlation with
/// the dominant template computed on `leads` (all at fsHz).
std::vector<Beat> classifyBeats(const std::vector<const std::vector<float>*>& leads, double fsHz,
                                const std::vector<std::int64_t>& rPeaks,
                                bool inputConditioned = false);

/// ANSI/AAMI EC57 beat-by-beat comparison (as WFDB bxb does for QRS detection).
struct BeatComparison
{
    int truePositives = 0;  ///< reference beats matched by a detection within the window
    int falseNegatives = 0; ///< reference beats without a detection
    int falsePositives = 0; ///< detections without a reference beat
    double sensitivityPercent() const;
    double positivePredictivityPercent() const;
};

/// True for the MIT annotation codes that denote beats (N L R B A a J S V r F e j n E / f Q ?).
bool isBeatCode(const std::string& code);

/// Matches detections to reference beats one-to-one within windowS (0.15 s in EC57).
/// Intervals in `excluded` ([start, end) in samples, e.g. ventricular flutter episodes) are
/// ignored for both sides.
BeatComparison
compareBeats(const std::vector<std::int64_t>& reference, const std::vector<std::int64_t>& detected,
             double fsHz, double windowS = 0.150,
             const std::vector<std::pair<std::int64_t, std::int64_t>>& excluded = {});

/// Reference beats and ventricular-flutter intervals ('[' .. ']') from annotations
/// (lead-independent ones only).
void referenceBeats(const std::vector<Annotation>& annotations, std::vector<std::int64_t>& beats,
                    std::vector<std::pair<std::int64_t, std::int64_t>>& flutter);

} // namespace ecglens::dsp
