#pragma once

// Shapley games on one ECG analysis window (leads x samples) and the top-level explain call.
// A player absent from a coalition has its samples replaced by a baseline window; the model is
// any batched function of windows returning log-odds of "abnormal" (ml::Detector::logits).

#include "core/result.h"
#include "xai/game.h"
#include "xai/kernel_shap.h"
#include "xai/segments.h"

#include <Eigen/Core>

#include <array>
#include <functional>
#include <string>
#include <vector>

namespace ecglens::xai {

/// Batched model: one log-odds value per window (each window leads x samples, mV).
using ModelFn = std::function<std::vector<float>(const std::vector<Eigen::MatrixXf>& windows)>;

enum class BaselineKind {
    Isoelectric,    ///< flat at the isoelectric (PR-segment) level of each lead and beat
    NormalTemplate, ///< an average normal beat placed at each detected beat
};

/// "isoelectric" / "normal template"; for the UI ("removed segments replaced by ...").
std::string baselineName(BaselineKind kind);
/// "beats" / "seconds" / "leads".
std::string playerKindName(PlayerKind kind);

/// Isoelectric baseline window (units of `window`): within each beat segment a lead is flat at
/// its PR level (median of the lead 90-50 ms before the R peak); fixed segments, and beats whose
/// PR interval lies outside the window, use the lead's median over the window.
Eigen::MatrixXf isoelectricBaseline(const Eigen::MatrixXf& window,
                                    const std::vector<TimeSegment>& segments, double fsHz);

/// Baseline from an average normal beat (leads x L samples at fsHz, R peak at templateRIndex,
/// as from normal training records): the template, shifted to each segment's isoelectric level,
/// is placed with its R peak on each beat; samples it does not cover take that level. Needs
/// beat-aligned segments.
Result<Eigen::MatrixXf>
alignedTemplateBaseline(const Eigen::MatrixXf& window, const Eigen::MatrixXf& beatTemplate,
                        int templateRIndex, const std::vector<TimeSegment>& segments, double fsHz);

/// Writes into `out` the window with every player absent from `coalition` replaced by baseline.
void maskWindow(const Eigen::MatrixXf& window, const Eigen::MatrixXf& baseline,
                const std::vector<Player>& players, const Coalition& coalition,
                Eigen::MatrixXf& out);

/// The game v(S) = model(window with players outside S masked); the model sees at most
/// modelBatch windows per call (bounded memory). With threads > 1, up to that many model calls
/// run at once on their own threads (the model must allow concurrent calls, as ml::Detector
/// does); the values do not depend on it.
Game makeEcgGame(const Eigen::MatrixXf& window, const Eigen::MatrixXf& baseline,
                 const std::vector<Player>& players, ModelFn model, int modelBatch = 64,
                 int threads = 1);

/// Which rows of a window are real leads (true) and which were absent from the recording.
using LeadMask = std::array<bool, 12>;

/// Every one of the 12 standard leads present.
inline LeadMask allLeadsPresent()
{
    LeadMask m;
    m.fill(true);
    return m;
}

struct ExplainOptions
{
    PlayerKind players = PlayerKind::Beats; ///< Beats falls back to 1 s segments if unreliable
    BaselineKind baseline = BaselineKind::Isoelectric;
    Eigen::MatrixXf normalBeat; ///< NormalTemplate: leads x L average normal beat (mV)
    int normalBeatRIndex = -1;  ///< NormalTemplate: R-peak sample within normalBeat
    /// Only present leads are players (rows past the 12th count as present); an absent lead keeps
    /// the window's samples in every coalition, so it can take no credit.
    LeadMask presentLeads = allLeadsPresent();
    int exactMaxPlayers = 14; ///< exact enumeration up to here, KernelSHAP above
    KernelOptions kernel;
    int modelBatch = 64; ///< windows per model call (the detector runs them in one pass)
    /// Model calls in flight at once, each on its own thread (see makeEcgGame). explainPrepared
    /// meanwhile runs the detector with one intra-op thread, as ml::analyse does, because
    /// intra-op threads wait for each other at every layer and stall when another process
    /// holds a core; the previous setting is restored afterwards.
    int threads = 2;
};

/// Per-(lead, segment) contributions of one window, log-odds scale.
struct Attribution
{
    std::vector<Player> players;
    ShapleyResult shap; ///< values per player, base value, output, efficiency check
    PlayerKind playerKind = PlayerKind::Beats; ///< what was actually used (after any fallback)
    BaselineKind baselineKind = BaselineKind::Isoelectric;
    double fsHz = 0.0;
    std::string note;         ///< e.g. why beats fell back to seconds
    Eigen::MatrixXf baseline; ///< the baseline window that replaced removed players

    double probability() const { return sigmoid(shap.fullValue); }
    double baseProbability() const { return sigmoid(shap.baseValue); }
};

/// Explains model(window) (window: leads x samples at fsHz, mV; beats: R-peak sample indices in
/// the window, may be empty): exact Shapley values up to exactMaxPlayers players, KernelSHAP
/// beyond. Fails on bad input or cancellation; an efficiency failure is reported in the result.
Result<Attribution> explainWindow(const Eigen::MatrixXf& window, double fsHz,
                                  const std::vector<int>& beats, const ModelFn& model,
                                  const ExplainOptions& options = {},
                                  const ProgressFn& progress = {});

} // namespace ecglens::xai
