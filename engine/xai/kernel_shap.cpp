#include "xai/kernel_shap.h"

#include "xai/exact_shapley.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

namespace ecglens::xai {

namespace {

// Portable draws from the standard-defined mt19937_64 stream (std:: distributions differ
// between standard libraries, which would break "same seed, same values").
class Rng
{
public:
    explicit Rng(uint64_t seed) : m_engine(seed) {}
    double uniform() { return double(m_engine() >> 11) * 0x1.0p-53; }
    std::size_t below(std::size_t n) // uniform in [0, n)
    {
        const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
        uint64_t x;
        do {
            x = m_engine();
        } while (x >= limit);
        return std::size_t(x % n);
    }

private:
    std::mt19937_64 m_engine;
};

double binomial(int n, int k)
{
    double r = 1.0;
    for (int i = 1; i <= k; ++i)
        r = r * double(n - k + i) / double(i);
    return r;
}

// Calls f(mask) for every subset of {0..n-1} of size k, in lexicographic order.
template <typename F> void forEachCombination(int n, int k, F&& f)
{
    std::vector<int> idx(k);
    std::iota(idx.begin(), idx.end(), 0);
    Coalition mask(n, 0);
    while (true) {
        std::fill(mask.begin(), mask.end(), uint8_t(0));
        for (int i : idx)
            mask[i] = 1;
        f(mask);
        int i = k - 1;
        while (i >= 0 && idx[i] == n - k + i)
            --i;
        if (i < 0)
            return;
        ++idx[i];
        for (int j = i + 1; j < k; ++j)
            idx[j] = idx[j - 1] + 1;
    }
}

struct Design
{
    std::vector<Coalition> masks;
    std::vector<double> weights;
    std::size_t fixedCount = 0; // enumerated samples come first
    // One random draw = one sample index, plus its complement's index (or -1).
    std::vector<std::pair<int, int>> draws;
    double weightLeft = 0.0; // kernel mass the random samples stand for
};

Design buildDesign(int n, int budget, Rng& rng)
{
    Design d;
    const int numSizes = (n - 1 + 1) / 2; // ceil((n-1)/2)
    const int numPaired = (n - 1) / 2;    // floor((n-1)/2)
    std::vector<double> w(numSizes);
    for (int s = 1; s <= numSizes; ++s)
        w[s - 1] = double(n - 1) / (double(s) * double(n - s)) * (s <= numPaired ? 2.0 : 1.0);
    const double wsum = std::accumulate(w.begin(), w.end(), 0.0);
    for (double& x : w)
        x /= wsum;

    int fullSizes = 0;
    double samplesLeft = budget;
    std::vector<double> remaining = w;
    for (int s = 1; s <= numSizes; ++s) {
        double subsets = binomial(n, s) * (s <= numPaired ? 2.0 : 1.0);
        if (samplesLeft * remaining[s - 1] / subsets >= 1.0 - 1e-8) {
            ++fullSizes;
            samplesLeft -= subsets;
            if (remaining[s - 1] < 1.0) {
                const double r = remaining[s - 1];
                for (double& x : remaining)
                    x /= (1.0 - r);
            }
            double wi = w[s - 1] / binomial(n, s);
            if (s <= numPaired)
                wi /= 2.0;
            forEachCombination(n, s, [&](const Coalition& mask) {
                d.masks.push_back(mask);
                d.weights.push_back(wi);
                if (s <= numPaired) {
                    Coalition c(mask);
                    for (auto& b : c)
                        b = uint8_t(1 - b);
                    d.masks.push_back(std::move(c));
                    d.weights.push_back(wi);
                }
            });
        } else {
            break;
        }
    }
    d.fixedCount = d.masks.size();
    long long left = budget - (long long)d.fixedCount;
    if (fullSizes == numSizes || left <= 0)
        return d;

    // Sample the remaining sizes in proportion to their kernel mass, pairs counted once.
    std::vector<double> p(w.begin() + fullSizes, w.end());
    for (int s = fullSizes + 1; s <= numSizes; ++s)
        if (s <= numPaired)
            p[s - fullSizes - 1] /= 2.0;
    std::vector<double> cdf(p.size());
    std::partial_sum(p.begin(), p.end(), cdf.begin());
    for (double& c : cdf)
        c /= cdf.back();
    d.weightLeft = std::accumulate(w.begin() + fullSizes, w.end(), 0.0);

    std::map<Coalition, std::pair<int, int>> used; // mask -> (index, complement index or -1)
    std::vector<int> perm(n);
    const long long maxDraws = 4 * left;
    for (long long draw = 0; left > 0 && draw < maxDraws; ++draw) {
        const double u = rng.uniform();
        const int sizeIndex = int(std::lower_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
        const int s = std::min(int(cdf.size()) - 1, sizeIndex) + fullSizes + 1;
        std::iota(perm.begin(), perm.end(), 0);
        Coalition mask(n, 0);
        for (int j = 0; j < s; ++j) {
            const std::size_t k = j + rng.below(std::size_t(n - j));
            std::swap(perm[j], perm[k]);
            mask[perm[j]] = 1;
        }
        auto it = used.find(mask);
        if (it != used.end()) {
            // A repeated draw adds weight to the stored pair instead of a new evaluation.
            d.weights[std::size_t(it->second.first)] += 1.0;
            if (it->second.second >= 0)
                d.weights[std::size_t(it->second.second)] += 1.0;
            d.draws.push_back(it->second);
            continue;
        }
        const int index = int(d.masks.size());
        d.masks.push_back(mask);
        d.weights.push_back(1.0);
        --left;
        int complement = -1;
        if (s <= numPaired && left > 0) {
            for (auto& b : mask)
                b = uint8_t(1 - b);
            complement = int(d.masks.size());
            d.masks.push_back(mask);
            d.weights.push_back(1.0);
            --left;
        }
        used.emplace(d.masks[std::size_t(index)], std::make_pair(index, complement));
        d.draws.emplace_back(index, complement);
    }
    return d;
}

// The constraint sum(phi) = total eliminates the last player: with e_j = z_j - z_last and
// yAdj = y - z_last * total, the weighted least-squares problem in phi_1..n-1 is unconstrained.
struct Reduced
{
    Eigen::MatrixXd e;
    Eigen::VectorXd yAdj;
};

Reduced reduce(const Eigen::MatrixXd& z, const Eigen::VectorXd& y, double total)
{
    const Eigen::Index n = z.cols();
    Reduced r;
    r.e = z.leftCols(n - 1).colwise() - z.col(n - 1);
    r.yAdj = y - z.col(n - 1) * total;
    return r;
}

Eigen::VectorXd solve(const Reduced& r, const Eigen::VectorXd& w, double total)
{
    const Eigen::Index m = r.e.cols(); // n - 1
    const Eigen::VectorXd sw = w.cwiseSqrt();
    const Eigen::MatrixXd we = r.e.array().colwise() * sw.array();
    Eigen::MatrixXd a = Eigen::MatrixXd::Zero(m, m);
    a.selfadjointView<Eigen::Lower>().rankUpdate(we.transpose());
    a = a.selfadjointView<Eigen::Lower>();
    const Eigen::VectorXd b = we.transpose() * (r.yAdj.array() * sw.array()).matrix();
    Eigen::LDLT<Eigen::MatrixXd> ldlt(a);
    Eigen::VectorXd x;
    if (ldlt.info() == Eigen::Success && ldlt.isPositive() && ldlt.rcond() > 1e-12)
        x = ldlt.solve(b);
    else // too few distinct coalitions for a unique solution: minimum-norm least squares
        x = a.completeOrthogonalDecomposition().solve(b);
    Eigen::VectorXd phi(m + 1);
    phi.head(m) = x;
    phi(m) = total - x.sum();
    return phi;
}

} // namespace

int defaultKernelBudget(int players)
{
    return 2 * players + 2048;
}

Result<ShapleyResult> kernelShap(const Game& game, const KernelOptions& options,
                                 const ProgressFn& progress)
{
    const int n = game.players;
    if (n < 1)
        return Result<ShapleyResult>::failure("a game needs at least one player");
    if (!game.value)
        return Result<ShapleyResult>::failure("game has no value function");

    ShapleyResult result;
    result.method = ShapleyMethod::Kernel;
    result.efficiencyTolerance = options.tolerance;
    std::string error;
    if (!evaluateEnds(game, result.baseValue, result.fullValue, error))
        return Result<ShapleyResult>::failure(error);
    const double total = result.fullValue - result.baseValue;

    long long budget = options.budget > 0 ? options.budget : defaultKernelBudget(n);
    if (n <= 30)
        budget = std::min(budget, (1LL << n) - 2);
    result.budget = int(budget);
    if (n == 1 || budget <= 0) {
        result.values.assign(n, total / n);
        result.standardErrors.assign(n, 0.0);
        result.fullyEnumerated = n == 1;
        result.evaluations = 2;
        checkEfficiency(result);
        return result;
    }

    Rng rng(options.seed);
    Design d = buildDesign(n, int(budget), rng);
    result.fullyEnumerated =
        d.draws.empty() && d.fixedCount == std::size_t((1LL << std::min(n, 62)) - 2);
    const std::size_t k = d.masks.size();

    // Evaluate every coalition in bounded chunks.
    Eigen::VectorXd y(Eigen::Index(k), 1);
    const std::size_t chunk = std::size_t(std::max(1, options.chunkSize));
    std::vector<Coalition> batch;
    for (std::size_t first = 0; first < k; first += chunk) {
        const std::size_t last = std::min(k, first + chunk);
        batch.assign(d.masks.begin() + first, d.masks.begin() + last);
        const std::vector<double> out = game.value(batch);
        if (out.size() != batch.size())
            return Result<ShapleyResult>::failure("value function returned " +
                                                  std::to_string(out.size()) + " values for " +
                                                  std::to_string(batch.size()) + " coalitions");
        for (std::size_t i = first; i < last; ++i) {
            if (!std::isfinite(out[i - first]))
                return Result<ShapleyResult>::failure("model output is not finite for a masked "
                                                      "window");
            y(Eigen::Index(i)) = out[i - first] - result.baseValue;
        }
        if (progress && !progress(0.95 * double(last) / double(k)))
            return Result<ShapleyResult>::failure("cancelled");
    }
    result.evaluations = (long long)k + 2;

    Eigen::MatrixXd z(Eigen::Index(k), n);
    for (std::size_t i = 0; i < k; ++i)
        for (int j = 0; j < n; ++j)
            z(Eigen::Index(i), j) = d.masks[i][j];

    auto weightsFor = [&](const std::vector<double>& counts) {
        Eigen::VectorXd w(Eigen::Index(k), 1);
        for (std::size_t i = 0; i < d.fixedCount; ++i)
            w(Eigen::Index(i)) = d.weights[i];
        double sampled = 0.0;
        for (std::size_t i = d.fixedCount; i < k; ++i)
            sampled += counts[i];
        for (std::size_t i = d.fixedCount; i < k; ++i)
            w(Eigen::Index(i)) = sampled > 0 ? counts[i] * d.weightLeft / sampled : 0.0;
        return w;
    };

    const Reduced reduced = reduce(z, y, total);
    const Eigen::VectorXd phi = solve(reduced, weightsFor(d.weights), total);
    result.values.assign(phi.data(), phi.data() + n);
    result.standardErrors.assign(n, 0.0);

    if (!d.draws.empty() && options.bootstrap > 1) {
        Rng boot(options.seed ^ 0x9E3779B97F4A7C15ull);
        Eigen::MatrixXd reps(options.bootstrap, n);
        std::vector<double> counts(k);
        for (int b = 0; b < options.bootstrap; ++b) {
            std::fill(counts.begin(), counts.end(), 0.0);
            for (std::size_t r = 0; r < d.draws.size(); ++r) {
                const auto& draw = d.draws[boot.below(d.draws.size())];
                counts[std::size_t(draw.first)] += 1.0;
                if (draw.second >= 0)
                    counts[std::size_t(draw.second)] += 1.0;
            }
            reps.row(b) = solve(reduced, weightsFor(counts), total).transpose();
            if (progress && !progress(0.95 + 0.05 * double(b + 1) / options.bootstrap))
                return Result<ShapleyResult>::failure("cancelled");
        }
        const Eigen::RowVectorXd mean = reps.colwise().mean();
        for (int j = 0; j < n; ++j)
            result.standardErrors[j] =
                std::sqrt((reps.col(j).array() - mean(j)).square().sum() / (options.bootstrap - 1));
    }
    checkEfficiency(result);
    return result;
}

} // namespace ecglens::xai
