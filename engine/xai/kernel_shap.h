#pragma once

// KernelSHAP (Lundberg & Lee 2017) as in the shap package's KernelExplainer: coalition sizes are
// enumerated completely while the budget allows, the rest sampled in antithetic pairs (S and its
// complement), and the Shapley kernel weighted least-squares problem is solved with the
// efficiency constraint sum(phi) = f(x) - f(base) enforced exactly by eliminating one variable.

#include "core/result.h"
#include "xai/game.h"

#include <cstdint>

namespace ecglens::xai {

struct KernelOptions
{
    /// Coalitions to evaluate (besides the two ends); 0 = shap's default 2N + 2048. Capped at
    /// 2^N - 2, where the result is exact up to rounding.
    int budget = 0;
    uint64_t seed = 1;   ///< same seed, same game -> same values
    int bootstrap = 30;  ///< bootstrap replicates for the standard errors (0 = none)
    int chunkSize = 512; ///< coalitions per value-function call (bounds memory)
    double tolerance = kKernelEfficiencyTolerance;
};

/// Default budget for n players (the shap package's 2n + 2048).
int defaultKernelBudget(int players);

/// KernelSHAP estimate with per-player bootstrap standard errors (resampling the random pairs;
/// the enumerated coalition sizes are fixed). Standard errors are 0 when fully enumerated.
Result<ShapleyResult> kernelShap(const Game& game, const KernelOptions& options = {},
                                 const ProgressFn& progress = {});

} // namespace ecglens::xai
