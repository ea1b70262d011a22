#pragma once

// Exact Shapley values by enumerating all 2^N coalitions, evaluated in bounded batches.

#include "core/result.h"
#include "xai/game.h"

namespace ecglens::xai {

struct ExactOptions
{
    int maxPlayers = 14; ///< refuse larger games (2^N evaluations); hard cap 24
    int chunkSize = 512; ///< coalitions per value-function call (bounds memory)
    double tolerance = kExactEfficiencyTolerance;
};

/// Exact Shapley values phi_i = sum_S |S|!(N-|S|-1)!/N! (v(S+i) - v(S)); 2^N + 2 evaluations.
Result<ShapleyResult> exactShapley(const Game& game, const ExactOptions& options = {},
                                   const ProgressFn& progress = {});

/// Evaluates v on the empty and the full coalition in one call of their own; used by both
/// estimators for the efficiency check. Returns false on a wrong-sized or non-finite answer.
bool evaluateEnds(const Game& game, double& base, double& full, std::string& error);

/// Fills efficiencyError / efficient from values, baseValue, fullValue and tolerance.
void checkEfficiency(ShapleyResult& result);

} // namespace ecglens::xai
