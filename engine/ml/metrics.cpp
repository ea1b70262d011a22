#include "ml/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <random>

namespace ecglens::ml {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(int a, int b)
{
    return b > 0 ? double(a) / double(b) : kNaN;
}
} // namespace

double sigmoid(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}

double rocAuc(const std::vector<double>& scores, const std::vector<int>& labels)
{
    // Mann-Whitney U with average ranks for ties.
    const std::size_t n = scores.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    double rankSumPos = 0;
    std::size_t pos = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && scores[order[j]] == scores[order[i]])
            ++j;
        const double avgRank = 0.5 * double(i + 1 + j); // ranks i+1..j
        for (std::size_t k = i; k < j; ++k)
            if (labels[order[k]] == 1)
                rankSumPos += avgRank;
        i = j;
    }
    for (int l : labels)
        pos += l == 1;
    const std::size_t neg = n - pos;
    if (pos == 0 || neg == 0)
        return kNaN;
    return (rankSumPos - double(pos) * double(pos + 1) / 2.0) / (double(pos) * double(neg));
}

std::vector<RocPoint> rocCurve(const std::vector<double>& scores, const std::vector<int>& labels)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    int pos = 0, neg = 0;
    for (int l : labels)
        (l == 1 ? pos : neg)++;
    std::vector<RocPoint> out;
    out.push_back({std::numeric_limits<double>::infinity(), 0.0, 0.0});
    int tp = 0, fp = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]]) {
            (labels[order[j]] == 1 ? tp : fp)++;
            ++j;
        }
        out.push_back({scores[order[i]], ratio(fp, neg), ratio(tp, pos)});
        i = j;
    }
    return out;
}

double brierScore(const std::vector<double>& p, const std::vector<int>& y)
{
    if (p.empty())
        return kNaN;
    double s = 0;
    for (std::size_t i = 0; i < p.size(); ++i)
        s += (p[i] - y[i]) * (p[i] - y[i]);
    return s / double(p.size());
}

std::vector<ReliabilityBin> reliabilityBins(const std::vector<double>& p, const std::vector<int>& y,
                                            int bins)
{
    std::vector<ReliabilityBin> out(std::size_t(std::max(bins, 1)));
    for (std::size_t b = 0; b < out.size(); ++b) {
        out[b].low = double(b) / double(out.size());
        out[b].high = double(b + 1) / double(out.size());
    }
    for (std::size_t i = 0; i < p.size(); ++i) {
        const int b =
            std::clamp(int(std::ceil(p[i] * double(out.size()))) - 1, 0, int(out.size()) - 1);
        ReliabilityBin& r = out[std::size_t(b)];
        r.meanPredicted += p[i];
        r.positives += y[i];
        r.n++;
    }
    for (auto& r : out)
        if (r.n > 0)
            r.meanPredicted /= double(r.n);
    return out;
}

double ReliabilityBin::observed() const
{
    return n > 0 ? double(positives) / double(n) : kNaN;
}

double expectedCalibrationError(const std::vector<double>& p, const std::vector<int>& y, int bins)
{
    if (p.empty())
        return kNaN;
    double ece = 0;
    for (const ReliabilityBin& r : reliabilityBins(p, y, bins))
        if (r.n > 0)
            ece += double(r.n) / double(p.size()) * std::fabs(r.meanPredicted - r.observed());
    return ece;
}

Proportion wilsonInterval(int k, int n, double z)
{
    if (n <= 0)
        return {kNaN, kNaN};
    const double ph = double(k) / double(n), z2n = z * z / double(n);
    const double centre = (ph + z2n / 2.0) / (1.0 + z2n);
    const double half = z / (1.0 + z2n) * std::sqrt(ph * (1.0 - ph) / double(n) + z2n / (4.0 * n));
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

double Confusion::sensitivity() const
{
    return ratio(tp, tp + fn);
}
double Confusion::specificity() const
{
    return ratio(tn, tn + fp);
}
double Confusion::precision() const
{
    return ratio(tp, tp + fp);
}
double Confusion::accuracy() const
{
    return ratio(tp + tn, tp + tn + fp + fn);
}
double Confusion::f1() const
{
    return ratio(2 * tp, 2 * tp + fp + fn);
}

Confusion confusionAt(const std::vector<double>& scores, const std::vector<int>& labels,
                      double threshold)
{
    Confusion c;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const bool positive = scores[i] >= threshold;
        if (labels[i] == 1)
            (positive ? c.tp : c.fn)++;
        else
            (positive ? c.fp : c.tn)++;
    }
    return c;
}

namespace {

/// Linear interpolation between order statistics (numpy.percentile's default); `sorted` ascending
/// and not empty.
double percentileOfSorted(const std::vector<double>& sorted, double q)
{
    const double pos = q * double(sorted.size() - 1);
    const std::size_t lo = std::size_t(std::floor(pos));
    const std::size_t hi = std::min(sorted.size() - 1, lo + 1);
    return sorted[lo] + (pos - double(lo)) * (sorted[hi] - sorted[lo]);
}

} // namespace

Interval bootstrapCi(
    const std::vector<double>& scores, const std::vector<int>& labels,
    const std::function<double(const std::vector<double>&, const std::vector<int>&)>& statistic,
    int rounds, std::uint64_t seed, double level)
{
    std::vector<int> own(scores.size());
    for (std::size_t i = 0; i < own.size(); ++i)
        own[i] = int(i);
    return clusterBootstrapCi(scores, labels, own, statistic, rounds, seed, level);
}

Interval clusterBootstrapCi(
    const std::vector<double>& scores, const std::vector<int>& labels,
    const std::vector<int>& clusters,
    const std::function<double(const std::vector<double>&, const std::vector<int>&)>& statistic,
    int rounds, std::uint64_t seed, double level)
{
    Interval out;
    out.value = statistic(scores, labels);
    // Items of each cluster, clusters in order of first appearance.
    std::vector<std::vector<std::size_t>> members;
    std::map<int, std::size_t> index;
    for (std::size_t i = 0; i < scores.size() && i < clusters.size(); ++i) {
        const auto [it, added] = index.emplace(clusters[i], members.size());
        if (added)
            members.emplace_back();
        members[it->second].push_back(i);
    }
    if (members.empty()) {
        out.low = out.high = kNaN;
        return out;
    }
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::size_t> pick(0, members.size() - 1);
    std::vector<double> stats;
    stats.reserve(std::size_t(rounds));
    std::vector<double> s;
    std::vector<int> l;
    for (int r = 0; r < rounds; ++r) {
        s.clear();
        l.clear();
        for (std::size_t c = 0; c < members.size(); ++c)
            for (std::size_t k : members[pick(rng)]) {
                s.push_back(scores[k]);
                l.push_back(labels[k]);
            }
        const double v = statistic(s, l);
        if (std::isfinite(v))
            stats.push_back(v);
    }
    if (stats.empty()) {
        out.low = out.high = kNaN;
        return out;
    }
    std::sort(stats.begin(), stats.end());
    const double alpha = (1.0 - level) / 2.0;
    out.low = percentileOfSorted(stats, alpha);
    out.high = percentileOfSorted(stats, 1.0 - alpha);
    return out;
}

SubsampleComparison compareWithStratifiedSubsamples(
    const std::vector<double>& scores, const std::vector<int>& labels,
    const std::vector<int>& strata, const std::map<int, std::size_t>& sizes,
    const std::function<double(const std::vector<double>&, const std::vector<int>&)>& statistic,
    double observed, int rounds, std::uint64_t seed)
{
    SubsampleComparison out;
    const std::size_t n = std::min({scores.size(), labels.size(), strata.size()});
    // Each stratum's records, and how many of them a draw takes.
    std::vector<std::vector<std::size_t>> pools;
    std::vector<std::size_t> take;
    std::size_t size = 0;
    bool feasible = rounds >= 1;
    for (const auto& [stratum, count] : sizes) {
        if (count == 0)
            continue;
        std::vector<std::size_t> pool;
        for (std::size_t i = 0; i < n; ++i)
            if (strata[i] == stratum)
                pool.push_back(i);
        feasible = feasible && pool.size() >= count;
        pools.push_back(std::move(pool));
        take.push_back(count);
        size += count;
    }
    if (!feasible || size == 0) {
        out.median = out.p5 = out.p95 = out.shareAtOrBelow = out.shareAtOrAbove = kNaN;
        return out;
    }
    std::mt19937_64 rng(seed);
    std::vector<double> stats, s;
    std::vector<int> l;
    stats.reserve(std::size_t(rounds));
    int below = 0, above = 0;
    for (int r = 0; r < rounds; ++r) {
        s.clear();
        l.clear();
        for (std::size_t k = 0; k < pools.size(); ++k) {
            auto& pool = pools[k];
            // Partial Fisher-Yates: the first take[k] entries of the pool are a uniform draw.
            for (std::size_t i = 0; i < take[k]; ++i) {
                std::uniform_int_distribution<std::size_t> pick(i, pool.size() - 1);
                std::swap(pool[i], pool[pick(rng)]);
                s.push_back(scores[pool[i]]);
                l.push_back(labels[pool[i]]);
            }
        }
        const double v = statistic(s, l);
        if (!std::isfinite(v))
            continue;
        stats.push_back(v);
        below += v <= observed + 1e-12 ? 1 : 0;
        above += v >= observed - 1e-12 ? 1 : 0;
    }
    out.draws = int(stats.size());
    if (stats.empty()) {
        out.median = out.p5 = out.p95 = out.shareAtOrBelow = out.shareAtOrAbove = kNaN;
        return out;
    }
    std::sort(stats.begin(), stats.end());
    out.median = percentileOfSorted(stats, 0.5);
    out.p5 = percentileOfSorted(stats, 0.05);
    out.p95 = percentileOfSorted(stats, 0.95);
    out.shareAtOrBelow = double(below) / double(stats.size());
    out.shareAtOrAbove = double(above) / double(stats.size());
    return out;
}

SubsampleComparison compareWithSubsamples(
    const std::vector<double>& scores, const std::vector<int>& labels, std::size_t size,
    const std::function<double(const std::vector<double>&, const std::vector<int>&)>& statistic,
    double observed, int rounds, std::uint64_t seed)
{
    const std::vector<int> one(std::min(scores.size(), labels.size()), 0);
    return compareWithStratifiedSubsamples(scores, labels, one, {{0, size}}, statistic, observed,
                                           rounds, seed);
}

CalibrationCheck eceUnderPerfectCalibration(const std::vector<double>& p, const std::vector<int>& y,
                                            int bins, int rounds, std::uint64_t seed)
{
    CalibrationCheck out;
    out.observed = expectedCalibrationError(p, y, bins);
    if (p.empty() || rounds < 1) {
        out.median = out.p95 = out.pValue = kNaN;
        return out;
    }
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<double> stats;
    stats.reserve(std::size_t(rounds));
    std::vector<int> drawn(p.size());
    int atLeast = 0;
    for (int r = 0; r < rounds; ++r) {
        for (std::size_t i = 0; i < p.size(); ++i)
            drawn[i] = u(rng) < p[i] ? 1 : 0;
        stats.push_back(expectedCalibrationError(p, drawn, bins));
        atLeast += stats.back() >= out.observed - 1e-12 ? 1 : 0;
    }
    std::sort(stats.begin(), stats.end());
    out.median = percentileOfSorted(stats, 0.5);
    out.p95 = percentileOfSorted(stats, 0.95);
    out.pValue = double(atLeast) / double(rounds);
    return out;
}

void fitPlatt(const std::vector<double>& x, const std::vector<int>& y, double& a, double& b)
{
    a = 1.0;
    b = 0.0;
    // Newton-Raphson on the mean log loss with a tiny ridge to stay finite on separable data.
    const double ridge = 1e-6;
    for (int it = 0; it < 100; ++it) {
        double ga = ridge * (a - 1.0), gb = 0, haa = ridge, hab = 0, hbb = ridge;
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double p = sigmoid(a * x[i] + b);
            const double r = p - y[i];
            const double w = std::max(p * (1 - p), 1e-12);
            ga += r * x[i];
            gb += r;
            haa += w * x[i] * x[i];
            hab += w * x[i];
            hbb += w;
        }
        const double det = haa * hbb - hab * hab;
        if (std::fabs(det) < 1e-18)
            break;
        const double da = (hbb * ga - hab * gb) / det;
        const double db = (haa * gb - hab * ga) / det;
        a -= da;
        b -= db;
        if (std::fabs(da) + std::fabs(db) < 1e-10)
            break;
    }
}

} // namespace ecglens::ml
