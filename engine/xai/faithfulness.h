#pragma once

// Deletion curves: does removing the segments with the largest contributions lower the
// predicted probability faster than removing random segments?

#include "core/result.h"
#include "xai/ecg_game.h"

#include <cstdint>
#include <vector>

namespace ecglens::xai {

struct DeletionCurve
{
    std::vector<double> byShap;   ///< probability after removing the k top players, k = 0..maxK
    std::vector<double> byRandom; ///< mean probability over random removal orders, k = 0..maxK
};

/// Deletion curves for one window: players sorted by contribution (largest towards "abnormal"
/// first) versus `randomRepeats` random orders (seeded); removed players take the baseline.
Result<DeletionCurve> deletionCurve(const Eigen::MatrixXf& window, const Eigen::MatrixXf& baseline,
                                    const std::vector<Player>& players,
                                    const std::vector<double>& values, const ModelFn& model,
                                    int maxK, int randomRepeats = 10, uint64_t seed = 1,
                                    int modelBatch = 64);

/// Area under a curve sampled at k = 0..K, trapezoid rule on k/K in [0, 1] (probability units).
double normalisedArea(const std::vector<double>& curve);

/// Point-wise mean of curves of equal length (the per-record average for the README).
DeletionCurve averageCurves(const std::vector<DeletionCurve>& curves);

} // namespace ecglens::xai
