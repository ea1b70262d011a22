#pragma once

// The first prototype's classical models on measurement features (features.h): L2 logistic
// regression (Eigen, Newton/IRLS), and random forest / gradient boosting with Debian's libxgboost
// (C API behind an opaque handle; no xgboost header outside classical*.cpp). A trained model is a
// folder like the neural ones: model.json, config.json, a weights file, manifest.json.

#include "core/result.h"
#include "ml/detector.h"
#include "ml/features.h"
#include "ml/model_files.h"

#include <Eigen/Core>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ecglens::ml {

/// "logreg", "forest", "gbm".
bool isClassicalArch(const std::string& arch);

/// Whether the model folder's model.json names a measurement model's architecture.
bool isClassicalModelDir(const std::string& modelDir);

struct LogisticFit
{
    Eigen::VectorXd coef;
    double intercept = 0.0;
    int iterations = 0;
    bool converged = false;
};

/// Minimises C * sum_i logloss(y_i, x_i.w + b) + 0.5 * |w|^2 (intercept unpenalised, as
/// scikit-learn's LogisticRegression(penalty="l2", C=C)) by Newton's method (IRLS) with a
/// backtracking line search, until the largest step is below `tol`.
LogisticFit fitLogistic(const Eigen::MatrixXd& x, const std::vector<int>& y, double c,
                        int maxIterations = 100, double tol = 1e-12);

/// Gradient-boosted trees or a random forest from libxgboost (binary:logistic). Move-only.
class XgbBooster
{
public:
    XgbBooster(XgbBooster&&) noexcept;
    XgbBooster& operator=(XgbBooster&&) noexcept;
    ~XgbBooster();

    /// Opens libxgboost if it is not open yet (once per process; train() and load() do the
    /// same). The error names the files tried and what to do.
    static Result<bool> libraryAvailable();

    /// Trains `rounds` boosting rounds on rows of x (NaN = missing) with xgboost parameters
    /// (e.g. {"max_depth", "3"}); `perRound`, if set, is called after each round with the
    /// booster so far and may return false to stop.
    static Result<XgbBooster>
    train(const Eigen::MatrixXd& x, const std::vector<int>& y,
          const std::vector<std::pair<std::string, std::string>>& params, int rounds,
          const std::function<bool(int round, const XgbBooster&)>& perRound = {});

    /// Loads a model from the bytes of a file written by save() (UBJSON or JSON, told apart by
    /// xgboost from the content); `name` names it in messages.
    static Result<XgbBooster> load(const std::string& bytes, const std::string& name);
    Result<bool> save(const std::string& path) const;

    /// Log-odds output (margin) per row.
    std::vector<double> margins(const Eigen::MatrixXd& x) const;
    /// Exact TreeSHAP: per row, one contribution per feature then the bias (last); each row sums
    /// to its margin.
    Eigen::MatrixXd contributions(const Eigen::MatrixXd& x) const;
    /// Boosting rounds in the model.
    int rounds() const;
    /// Number of input features the model was trained with.
    int featureCount() const;

private:
    XgbBooster();
    void* m_handle = nullptr;
};

struct ClassicalTrainConfig
{
    std::string dataDir;
    std::string arch = "logreg"; ///< "logreg", "forest" or "gbm"
    std::string name;            ///< model name (default: the arch)
    std::string outDir;
    std::uint64_t seed = 1;
    int maxRecords = 0; ///< 0 = all; else at most this many training records (smoke tests)
    int threads = 2;
};

struct ClassicalTrainReport
{
    double validationAuc = 0; ///< fold 9, before calibration (calibration is monotone)
    double seconds = 0;
    int trainRecords = 0, validationRecords = 0;
};

/// A loaded, verified classical model folder.
class ClassicalModel
{
public:
    ClassicalModel(ClassicalModel&&) noexcept;
    ClassicalModel& operator=(ClassicalModel&&) noexcept;
    ~ClassicalModel();

    /// Verifies every file against manifest.json (a tampered or missing file is refused with a
    /// message saying what to do), then reads model.json, the preprocessing and the weights.
    static Result<ClassicalModel> load(const std::string& modelDir);

    /// Uncalibrated log-odds of "abnormal" for raw feature rows (rawFeatureNames() order).
    std::vector<double> margins(const std::vector<FeatureRow>& rows) const;
    /// Calibrated probability (0-1) of "abnormal" for one margin (Platt, fitted on fold 9).
    double probability(double margin) const;
    /// Per model feature (featureNames()) contribution to the margin, then the bias (last); sums
    /// to the margin. Logistic regression: w_j * z_j on standardised features (the training
    /// mean is the baseline); trees: exact TreeSHAP.
    std::vector<double> contributions(const FeatureRow& row) const;
    /// Model features after preprocessing (imputed raw features, missing indicators).
    const std::vector<std::string>& featureNames() const;
    /// The preprocessing that turns raw features into the model's features.
    const FeaturePreprocessor& preprocessor() const;
    Thresholds thresholdsFor(std::optional<double> ageYears) const;
    const ModelInfo& info() const;

private:
    friend Result<ClassicalTrainReport>
    trainClassical(const ClassicalTrainConfig& config,
                   const std::function<void(const std::string&)>& log);
    /// load() without the manifest check (the trainer reads back what it just wrote); `model`
    /// is the folder's model.json when the caller has already read it; files in `verified` are
    /// taken from there instead of being read again.
    static Result<ClassicalModel> read(const std::string& modelDir, const std::string& sha256,
                                       const Json* model = nullptr,
                                       const VerifiedFiles* verified = nullptr);

    struct Impl;
    explicit ClassicalModel(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// Trains on folds 1-8, chooses hyperparameters (logistic C, boosting rounds) on fold 9, fits
/// Platt calibration and the per-age-group thresholds (chooseThresholds()) on fold 9 and
/// writes the model folder with its manifest. Deterministic for a seed.
Result<ClassicalTrainReport> trainClassical(const ClassicalTrainConfig& config,
                                            const std::function<void(const std::string&)>& log);

/// analyse() with a measurement model: the same windows (10 s, options.overlap), verdict,
/// flagged segments and validity warnings as the neural detector; each window's probability
/// comes from the measurements of that stretch at the recording's own rate (a recording of at
/// most 10 s is measured whole, as in training). Age and sex from `options`, else the recording.
Result<Analysis> analyse(const ClassicalModel& model, const Recording& recording,
                         const AnalysisOptions& options = {}, const ProgressFn& progress = {});

/// Why a measurement model gave its output for one analysis window: each model feature's
/// contribution to the log-odds of "abnormal" (exact TreeSHAP for trees, w_j * z_j on the
/// standardised features for logistic regression), which with `base` sum to `output`.
struct MeasurementExplanation
{
    /// One model feature (featureNames() order).
    struct Input
    {
        std::string feature;           ///< e.g. "qt_ms" or "qt_ms_missing"
        std::size_t rawFeature = 0;    ///< rawFeatureNames() index it comes from
        bool missingIndicator = false; ///< 1 when that raw feature could not be measured
        /// The raw measurement (NaN when it could not be measured), or the indicator's 1 / 0.
        double value = 0.0;
        double contribution = 0.0; ///< log-odds, + towards abnormal
    };
    double windowStartS = 0.0, windowEndS = 0.0; ///< the window measured (seconds)
    std::vector<Input> inputs;
    double base = 0.0;        ///< the trees' expected output, or the logistic intercept
    double output = 0.0;      ///< the model's log-odds for the window
    double probability = 0.0; ///< calibrated, as analyse() gives the window
    bool trees = false;       ///< TreeSHAP (forest, boosting); else logistic regression
    ModelInfo model;

    /// |base + sum of the contributions - output|.
    double efficiencyError() const;
    /// Indices into `inputs`, largest |contribution| first (ties in feature order).
    std::vector<std::size_t> strongestFirst() const;
};

/// Explains the analysis window (as analyse() lays them out with `options`) that starts nearest
/// to startS; its probability is the one analyse() gives that window. Fails on bad input or when
/// the window cannot be measured.
Result<MeasurementExplanation> explainMeasurements(const ClassicalModel& model,
                                                   const Recording& recording, double startS,
                                                   const AnalysisOptions& options = {});

/// Raw features as a matrix after preprocessing (one row per record).
Eigen::MatrixXd toMatrix(const FeaturePreprocessor& pre, const std::vector<FeatureRow>& rows);

} // namespace ecglens::ml
