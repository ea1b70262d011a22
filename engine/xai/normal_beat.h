#pragma once

// The average normal beat behind the normal-template baseline: computed from normal training
// ECGs (PTB-XL folds 1-8, NORM >= 50), shipped as models/baselines/normal_beat_ptbxl.json with a
// manifest.json holding its SHA-256, and refused when the file does not match the manifest.

#include "core/result.h"
#include "xai/ecg_game.h"

#include <Eigen/Core>

#include <string>
#include <vector>

namespace ecglens::xai {

inline constexpr const char* kNormalBeatFile = "normal_beat_ptbxl.json";

/// An average beat per lead, R peak at rIndex, in the units of the model's input windows (mV,
/// per-lead median removed).
struct NormalBeat
{
    Eigen::MatrixXf beat; ///< leads x samples
    int rIndex = 0;       ///< sample of the R peak within beat
    double fsHz = 0.0;
    int records = 0;         ///< records averaged
    long long beats = 0;     ///< beats averaged over all records
    std::string sha256;      ///< of the file it was loaded from (empty when computed)
    std::string description; ///< where it comes from (the file's "source" text)
};

/// Averages R-aligned beats: each added window (leads x samples at fsHz, mV) contributes the
/// mean of its beats (R peaks given) that lie wholly inside it, so every record weighs the same.
class NormalBeatAccumulator
{
public:
    /// beforeS / afterS: template span around the R peak in seconds.
    NormalBeatAccumulator(int leads, double fsHz, double beforeS = 0.35, double afterS = 0.55);

    /// Adds one record's window; returns the number of beats it contributed (0: none usable).
    int add(const Eigen::MatrixXf& window, const std::vector<int>& rPeaks);

    /// The average over the records added; fails when none contributed a beat.
    Result<NormalBeat> result() const;

private:
    double m_fsHz;
    int m_before, m_after;
    Eigen::MatrixXd m_sum; // sum over records of each record's mean beat
    int m_records = 0;
    long long m_beats = 0;
};

/// The JSON text of the file (format "ecglens-normal-beat-1"); `source` says where it comes
/// from, including the data set's licence and citation.
std::string normalBeatJson(const NormalBeat& beat, const std::string& source);

/// Writes dir/normal_beat_ptbxl.json and dir/manifest.json (its SHA-256).
Result<bool> saveNormalBeat(const std::string& dir, const NormalBeat& beat,
                            const std::string& source);

/// Loads dir/normal_beat_ptbxl.json after checking its SHA-256 against dir/manifest.json; a
/// missing, unlisted or modified file is refused with a message saying what to do.
Result<NormalBeat> loadNormalBeat(const std::string& dir);

/// Folder of the shipped baselines: env ECGLENS_BASELINE_DIR, else
/// <exe>/../share/ecglens/models/baselines, else the source tree's models/baselines. Empty when
/// none holds a manifest.json.
std::string defaultBaselineDir();

/// Switches `options` to the normal-template baseline with `beat`.
void applyNormalTemplate(ExplainOptions& options, const NormalBeat& beat);

/// Switches `options` to the normal-template baseline with the beat loaded (and verified) from
/// `dir` (defaultBaselineDir() when empty); fails, leaving `options` unchanged, when it cannot.
Result<NormalBeat> useNormalTemplate(ExplainOptions& options, const std::string& dir = {});

} // namespace ecglens::xai
