#pragma once

// Binary classification metrics used by training (model selection, calibration, thresholds) and
// evaluation. Labels: 1 = abnormal (positive), 0 = normal. Scores may be logits or probabilities.

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

namespace ecglens::ml {

/// Area under the ROC curve (ties count 1/2, like sklearn.metrics.roc_auc_score). NaN when a
/// class is missing.
double rocAuc(const std::vector<double>& scores, const std::vector<int>& labels);

struct RocPoint
{
    double threshold, fpr, tpr;
};
/// ROC points at every distinct score (descending thresholds), starting at (0,0).
std::vector<RocPoint> rocCurve(const std::vector<double>& scores, const std::vector<int>& labels);

/// Mean squared error of probabilities.
double brierScore(const std::vector<double>& probs, const std::vector<int>& labels);

/// Expected calibration error with `bins` equal-width bins on [0,1] (bin i holds
/// i/bins < p <= (i+1)/bins, p = 0 in the first bin): sum over bins of n_b/N * |mean(p) - mean(y)|.
double expectedCalibrationError(const std::vector<double>& probs, const std::vector<int>& labels,
                                int bins = 10);

/// One bin of a reliability diagram (the same bins as expectedCalibrationError).
struct ReliabilityBin
{
    double low = 0, high = 0; ///< low < p <= high (p = 0 falls in the first bin)
    int n = 0;                ///< records in the bin
    int positives = 0;        ///< abnormal records among them
    double meanPredicted = 0; ///< mean probability (0 when empty)
    double observed() const;  ///< positives / n, NaN when empty
};
std::vector<ReliabilityBin> reliabilityBins(const std::vector<double>& probs,
                                            const std::vector<int>& labels, int bins = 10);

/// Wilson score interval for k successes in n trials (z = 1.96: 95 %); {NaN, NaN} when n = 0.
struct Proportion
{
    double low, high;
};
Proportion wilsonInterval(int k, int n, double z = 1.959963984540054);

struct Confusion
{
    int tp = 0, fp = 0, tn = 0, fn = 0;
    double sensitivity() const; ///< recall, NaN without positives
    double specificity() const;
    double precision() const;
    double accuracy() const;
    double f1() const;
};
/// Positive when score >= threshold.
Confusion confusionAt(const std::vector<double>& scores, const std::vector<int>& labels,
                      double threshold);

struct Interval
{
    double value = 0, low = 0, high = 0; ///< point estimate and percentile 95 % CI
};

/// Percentile bootstrap (resampling records with replacement, `rounds` times, mt19937_64 seeded
/// with `seed`) of a statistic; resamples where the statistic is NaN are dropped.
Interval bootstrapCi(
    const std::vector<double>& scores, const std::vector<int>& labels,
    const std::function<double(const std::vector<double>&, const std::vector<int>&)>& statistic,
    int rounds = 2000, std::uint64_t seed = 20201, double level = 0.95);

/// bootstrapCi() resampling whole clusters (e.g. all windows of one recording) instead of single
/// items, for items that are not independent; clusters[i] names item i's cluster. With every item
/// its own cluster it is bootstrapCi() draw for draw.
Interval clusterBootstrapCi(
    const std::vector<double>& scores, const std::vector<int>& labels,
    const std::vector<int>& clusters,
    const std::function<double(const std::vector<double>&, const std::vector<int>&)>& statistic,
    int rounds = 2000, std::uint64_t seed = 20201, double level = 0.95);

/// How large the expected calibration error of these probabilities would be if they were
/// perfectly calibrated: labels drawn as Bernoulli(p_i) `rounds` times (mt19937_64, `seed`).
/// On a small test set the ECE of a perfectly calibrated model is far from 0; this tells
/// whether an observed ECE is evidence of miscalibration.
struct CalibrationCheck
{
    double observed = 0; ///< ECE of the real labels
    double median = 0;   ///< median ECE under perfect calibration
    double p95 = 0;      ///< its 95th percentile
    double pValue = 0;   ///< fraction of draws with ECE >= observed
};
CalibrationCheck eceUnderPerfectCalibration(const std::vector<double>& probs,
                                            const std::vector<int>& labels, int bins = 10,
                                            int rounds = 4000, std::uint64_t seed = 20201);

/// Where a small test set's statistic lies among subsets of the same size drawn without
/// replacement from a larger set of scored records (`rounds` draws, mt19937_64, `seed`; draws
/// where the statistic is NaN are dropped): its median and 5th / 95th percentiles over the draws
/// and the share of draws at or below / at or above `observed`.
struct SubsampleComparison
{
    int draws = 0;
    double median = 0, p5 = 0, p95 = 0;
    double shareAtOrBelow = 0, shareAtOrAbove = 0;
};
SubsampleComparison compareWithSubsamples(
    const std::vector<double>& scores, const std::vector<int>& labels, std::size_t size,
    const std::function<double(const std::vector<double>&, const std::vector<int>&)>& statistic,
    double observed, int rounds = 2000, std::uint64_t seed = 20201);

/// The same with the test set's composition: strata[i] names record i's stratum (e.g. age group
/// and label) and each draw takes sizes[s] records from stratum s, without replacement.
/// compareWithSubsamples() is its one-stratum case, draw for draw.
SubsampleComparison compareWithStratifiedSubsamples(
    const std::vector<double>& scores, const std::vector<int>& labels,
    const std::vector<int>& strata, const std::map<int, std::size_t>& sizes,
    const std::function<double(const std::vector<double>&, const std::vector<int>&)>& statistic,
    double observed, int rounds = 2000, std::uint64_t seed = 20201);

/// Platt scaling: fits a, b minimising the log loss of sigmoid(a * logit + b) (Newton's method).
void fitPlatt(const std::vector<double>& logits, const std::vector<int>& labels, double& a,
              double& b);

double sigmoid(double x);

} // namespace ecglens::ml
