#pragma once

// Cooperative games and Shapley-value results, independent of ECGs and of any model.
// A game is N players and a batched value function v(S); batching lets the caller send many
// coalitions through a neural network in one forward pass.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ecglens::xai {

/// One coalition: mask[i] == 1 when player i is present (keeps its own input).
using Coalition = std::vector<uint8_t>;

/// Batched value function: returns v(S) for every coalition, in the same order.
using ValueFn = std::function<std::vector<double>(const std::vector<Coalition>& coalitions)>;

struct Game
{
    int players = 0;
    ValueFn value;
};

enum class ShapleyMethod { Exact, Kernel };

/// Shapley values of one game and the run-time efficiency check. The values are on the scale
/// of the value function (for the ECG games: log-odds of "abnormal").
struct ShapleyResult
{
    ShapleyMethod method = ShapleyMethod::Exact;
    std::vector<double> values;         ///< phi_i, one per player
    std::vector<double> standardErrors; ///< per player; 0 for exact values
    double baseValue = 0.0; ///< v(empty coalition), evaluated on its own (not taken from a batch)
    double fullValue = 0.0; ///< v(all players) = f(x), evaluated on its own
    /// |sum(phi) - (fullValue - baseValue)|; compares against the separately evaluated ends, so a
    /// model whose output depends on the batch it is in shows up here.
    double efficiencyError = 0.0;
    double efficiencyTolerance = 0.0; ///< 1e-4 exact, 1e-3 kernel
    bool efficient = false;           ///< efficiencyError <= efficiencyTolerance and all finite
    long long evaluations = 0;        ///< coalitions sent to the value function (incl. the 2 ends)
    int budget = 0;                   ///< KernelSHAP sample budget actually used (0 for exact)
    bool fullyEnumerated = false;     ///< KernelSHAP found the budget covers every coalition

    double sum() const
    {
        double s = 0.0;
        for (double v : values)
            s += v;
        return s;
    }
};

/// Default efficiency tolerances on the log-odds scale (issue 6).
inline constexpr double kExactEfficiencyTolerance = 1e-4;
inline constexpr double kKernelEfficiencyTolerance = 1e-3;

/// Human-readable one-line description of a failed efficiency check, empty when it passed.
std::string efficiencyMessage(const ShapleyResult& result);

/// Logistic function: probability from log-odds.
double sigmoid(double logOdds);

/// Contributions rescaled for display on the probability scale: with the calibrated log-odds
/// g = a * f + b (Platt; a = 1, b = 0 for none), phi_i * (p(x) - p(base)) / (f(x) - f(base)) with
/// p = sigmoid(g), so they sum to p(x) - p(base). A display aid (the link is non-linear), not
/// the Shapley values of the probability game.
std::vector<double> probabilityContributions(const ShapleyResult& result, double calibrationA = 1.0,
                                             double calibrationB = 0.0);

} // namespace ecglens::xai
