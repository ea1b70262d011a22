#include "xai/faithfulness.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace ecglens::xai {

Result<DeletionCurve> deletionCurve(const Eigen::MatrixXf& window, const Eigen::MatrixXf& baseline,
                                    const std::vector<Player>& players,
                                    const std::vector<double>& values, const ModelFn& model,
                                    int maxK, int randomRepeats, uint64_t seed, int modelBatch)
{
    const int n = int(players.size());
    if (int(values.size()) != n)
        return Result<DeletionCurve>::failure("one contribution per player expected");
    maxK = std::clamp(maxK, 0, n);
    randomRepeats = std::max(0, randomRepeats);

    // Orders: 0 = by contribution, 1.. = random permutations (own draws: portable sequence).
    std::vector<std::vector<int>> orders(std::size_t(1 + randomRepeats), std::vector<int>(n));
    std::iota(orders[0].begin(), orders[0].end(), 0);
    std::stable_sort(orders[0].begin(), orders[0].end(),
                     [&](int a, int b) { return values[a] > values[b]; });
    std::mt19937_64 rng(seed);
    for (int r = 1; r <= randomRepeats; ++r) {
        auto& o = orders[std::size_t(r)];
        std::iota(o.begin(), o.end(), 0);
        for (int i = n - 1; i > 0; --i)
            std::swap(o[i], o[rng() % uint64_t(i + 1)]);
    }

    std::vector<Coalition> coalitions;
    for (const auto& order : orders) {
        Coalition c(n, 1);
        coalitions.push_back(c);
        for (int k = 1; k <= maxK; ++k) {
            c[order[k - 1]] = 0;
            coalitions.push_back(c);
        }
    }
    const Game game = makeEcgGame(window, baseline, players, model, modelBatch);
    const std::vector<double> logits = game.value(coalitions);
    if (logits.size() != coalitions.size())
        return Result<DeletionCurve>::failure("model returned the wrong number of outputs");

    DeletionCurve curve;
    curve.byShap.resize(std::size_t(maxK) + 1);
    curve.byRandom.assign(std::size_t(maxK) + 1, 0.0);
    for (int k = 0; k <= maxK; ++k)
        curve.byShap[std::size_t(k)] = sigmoid(logits[std::size_t(k)]);
    for (int r = 1; r <= randomRepeats; ++r)
        for (int k = 0; k <= maxK; ++k)
            curve.byRandom[std::size_t(k)] +=
                sigmoid(logits[std::size_t(r) * std::size_t(maxK + 1) + std::size_t(k)]) /
                randomRepeats;
    return curve;
}

double normalisedArea(const std::vector<double>& curve)
{
    if (curve.size() < 2)
        return curve.empty() ? 0.0 : curve[0];
    double area = 0.0;
    for (std::size_t k = 1; k < curve.size(); ++k)
        area += 0.5 * (curve[k - 1] + curve[k]);
    return area / double(curve.size() - 1);
}

DeletionCurve averageCurves(const std::vector<DeletionCurve>& curves)
{
    DeletionCurve mean;
    if (curves.empty())
        return mean;
    const std::size_t len = curves.front().byShap.size();
    mean.byShap.assign(len, 0.0);
    mean.byRandom.assign(len, 0.0);
    for (const DeletionCurve& c : curves)
        for (std::size_t k = 0; k < len && k < c.byShap.size() && k < c.byRandom.size(); ++k) {
            mean.byShap[k] += c.byShap[k] / double(curves.size());
            mean.byRandom[k] += c.byRandom[k] / double(curves.size());
        }
    return mean;
}

} // namespace ecglens::xai
