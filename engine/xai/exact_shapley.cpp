#include "xai/exact_shapley.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace ecglens::xai {

double sigmoid(double logOdds)
{
    if (logOdds >= 0)
        return 1.0 / (1.0 + std::exp(-logOdds));
    const double e = std::exp(logOdds);
    return e / (1.0 + e);
}

std::vector<double> probabilityContributions(const ShapleyResult& result, double calibrationA,
                                             double calibrationB)
{
    const double dLogit = result.fullValue - result.baseValue;
    const double pFull = sigmoid(calibrationA * result.fullValue + calibrationB);
    const double pBase = sigmoid(calibrationA * result.baseValue + calibrationB);
    // As dLogit -> 0 the secant slope tends to the derivative a p (1 - p).
    const double scale =
        std::abs(dLogit) > 1e-9 ? (pFull - pBase) / dLogit : calibrationA * pBase * (1.0 - pBase);
    std::vector<double> out(result.values.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = result.values[i] * scale;
    return out;
}

std::string efficiencyMessage(const ShapleyResult& result)
{
    if (result.efficient)
        return {};
    std::ostringstream s;
    s << "Explanation failed its efficiency check: contributions sum to " << result.sum()
      << " but f(x) - f(baseline) = " << (result.fullValue - result.baseValue) << " (error "
      << result.efficiencyError << ", tolerance " << result.efficiencyTolerance
      << "); do not trust these contributions.";
    return s.str();
}

bool evaluateEnds(const Game& game, double& base, double& full, std::string& error)
{
    std::vector<Coalition> ends{Coalition(game.players, 0), Coalition(game.players, 1)};
    const std::vector<double> v = game.value(ends);
    if (v.size() != 2) {
        error = "value function returned " + std::to_string(v.size()) + " values for 2 coalitions";
        return false;
    }
    if (!std::isfinite(v[0]) || !std::isfinite(v[1])) {
        error = "model output is not finite for the original or the baseline window";
        return false;
    }
    base = v[0];
    full = v[1];
    return true;
}

void checkEfficiency(ShapleyResult& result)
{
    bool finite = std::isfinite(result.baseValue) && std::isfinite(result.fullValue);
    for (double v : result.values)
        finite = finite && std::isfinite(v);
    result.efficiencyError = std::abs(result.sum() - (result.fullValue - result.baseValue));
    if (!finite)
        result.efficiencyError = INFINITY;
    result.efficient = finite && result.efficiencyError <= result.efficiencyTolerance;
}

Result<ShapleyResult> exactShapley(const Game& game, const ExactOptions& options,
                                   const ProgressFn& progress)
{
    const int n = game.players;
    if (n < 1)
        return Result<ShapleyResult>::failure("a game needs at least one player");
    if (n > options.maxPlayers || n > 24)
        return Result<ShapleyResult>::failure("exact Shapley values need 2^" + std::to_string(n) +
                                              " model evaluations; use KernelSHAP above " +
                                              std::to_string(options.maxPlayers) + " players");
    if (!game.value)
        return Result<ShapleyResult>::failure("game has no value function");

    ShapleyResult result;
    result.method = ShapleyMethod::Exact;
    result.efficiencyTolerance = options.tolerance;
    std::string error;
    if (!evaluateEnds(game, result.baseValue, result.fullValue, error))
        return Result<ShapleyResult>::failure(error);

    const std::size_t total = std::size_t(1) << n;
    std::vector<double> v(total);
    const std::size_t chunk = std::size_t(std::max(1, options.chunkSize));
    std::vector<Coalition> batch;
    for (std::size_t first = 0; first < total; first += chunk) {
        const std::size_t last = std::min(total, first + chunk);
        batch.assign(last - first, Coalition(n, 0));
        for (std::size_t m = first; m < last; ++m)
            for (int i = 0; i < n; ++i)
                batch[m - first][i] = uint8_t((m >> i) & 1u);
        const std::vector<double> out = game.value(batch);
        if (out.size() != batch.size())
            return Result<ShapleyResult>::failure("value function returned " +
                                                  std::to_string(out.size()) + " values for " +
                                                  std::to_string(batch.size()) + " coalitions");
        for (std::size_t m = first; m < last; ++m) {
            if (!std::isfinite(out[m - first]))
                return Result<ShapleyResult>::failure("model output is not finite for a masked "
                                                      "window");
            v[m] = out[m - first];
        }
        if (progress && !progress(double(last) / double(total)))
            return Result<ShapleyResult>::failure("cancelled");
    }
    result.evaluations = (long long)total + 2;

    // weight(s) = s!(n-s-1)!/n! = 1 / (n * C(n-1, s))
    std::vector<double> weight(n);
    double binom = 1.0; // C(n-1, s)
    for (int s = 0; s < n; ++s) {
        weight[s] = 1.0 / (double(n) * binom);
        binom = binom * double(n - 1 - s) / double(s + 1);
    }
    result.values.assign(n, 0.0);
    result.standardErrors.assign(n, 0.0);
    for (std::size_t m = 0; m < total; ++m) {
        const int size = __builtin_popcountll((unsigned long long)m);
        if (size == n)
            continue;
        const double w = weight[size];
        for (int i = 0; i < n; ++i)
            if (!((m >> i) & 1u))
                result.values[i] += w * (v[m | (std::size_t(1) << i)] - v[m]);
    }
    checkEfficiency(result);
    return result;
}

} // namespace ecglens::xai
