// Training the classical measurement models: folds 1-8 train, fold 9 hyperparameters, Platt
// calibration and thresholds; fold 10 is never read here.

#include "ml/classical.h"

#include "ml/metrics.h"
#include "ml/model_files.h"
#include "ml/ptbxl.h"
#include "ml/thresholds.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>

namespace ecglens::ml {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;
using Params = std::vector<std::pair<std::string, std::string>>;

constexpr const char* kLogregWeights = "weights.json";
constexpr const char* kXgbWeights = "weights.ubj";

/// Keeps both classes in small runs: alternates normal and abnormal records (as the neural
/// trainer does).
std::vector<PtbxlEntry> limitEntries(const std::vector<PtbxlEntry>& v, std::size_t n)
{
    std::vector<PtbxlEntry> normal, abnormal, out;
    for (const auto& e : v)
        (e.abnormal ? abnormal : normal).push_back(e);
    for (std::size_t i = 0; out.size() < n && (i < normal.size() || i < abnormal.size()); ++i) {
        if (i < normal.size() && out.size() < n)
            out.push_back(normal[i]);
        if (i < abnormal.size() && out.size() < n)
            out.push_back(abnormal[i]);
    }
    return out;
}

double meanLogLoss(const std::vector<double>& margins, const std::vector<int>& y)
{
    double s = 0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        const double p = std::clamp(sigmoid(margins[i]), 1e-12, 1 - 1e-12);
        s -= y[i] ? std::log(p) : std::log(1 - p);
    }
    return y.empty() ? 0 : s / double(y.size());
}

/// Platt calibration on fold 9 and the per-age-group thresholds by the rule every model uses
/// (chooseThresholds()).
Json fitOnValidation(const std::vector<double>& margins, const std::vector<int>& yVal,
                     const std::vector<double>& ages)
{
    const char* source = "PTB-XL strat_fold 9";
    double a = 1, b = 0;
    fitPlatt(margins, yVal, a, b);
    std::vector<double> probs;
    for (double m : margins)
        probs.push_back(sigmoid(a * m + b));
    Json cal = Json::object();
    cal.set("method", "platt");
    cal.set("a", a);
    cal.set("b", b);
    cal.set("fitted_on", source);
    Json out = Json::object();
    out.set("calibration", cal);
    out.set("thresholds", thresholdsJson(chooseThresholds(probs, yVal, ages), source));
    return out;
}

Params forestParams(std::uint64_t seed, int threads, std::size_t features)
{
    // A random forest in xgboost: many parallel trees in one round, no shrinkage, row and
    // per-node column subsampling.
    const double colsample =
        std::min(1.0, std::max(0.1, std::sqrt(double(features)) /
                                        double(std::max<std::size_t>(1, features))));
    return {{"booster", "gbtree"},
            {"objective", "binary:logistic"},
            {"tree_method", "hist"},
            {"num_parallel_tree", "200"},
            {"learning_rate", "1"},
            {"subsample", "0.632"},
            {"colsample_bynode", std::to_string(colsample)},
            {"max_depth", "6"},
            {"min_child_weight", "2"},
            {"reg_lambda", "1"},
            {"seed", std::to_string(seed)},
            {"nthread", std::to_string(threads)},
            {"verbosity", "1"}};
}

Params gbmParams(std::uint64_t seed, int threads)
{
    return {{"booster", "gbtree"},
            {"objective", "binary:logistic"},
            {"tree_method", "exact"},
            {"learning_rate", "0.05"},
            {"max_depth", "3"},
            {"subsample", "0.8"},
            {"colsample_bytree", "0.8"},
            {"min_child_weight", "3"},
            {"reg_lambda", "1"},
            {"seed", std::to_string(seed)},
            {"nthread", std::to_string(threads)},
            {"verbosity", "1"}};
}

Json paramsJson(const Params& params, int rounds)
{
    Json o = Json::object();
    for (const auto& [k, v] : params)
        if (k != "nthread" && k != "verbosity")
            o.set(k, v);
    o.set("rounds", rounds);
    return o;
}

std::vector<int> labelsOf(const std::vector<PtbxlEntry>& entries)
{
    std::vector<int> y;
    for (const auto& e : entries)
        y.push_back(e.abnormal ? 1 : 0);
    return y;
}

} // namespace

Result<ClassicalTrainReport> trainClassical(const ClassicalTrainConfig& cfg,
                                            const std::function<void(const std::string&)>& logFn)
{
    using R = Result<ClassicalTrainReport>;
    const auto t0 = Clock::now();
    auto log = [&](const std::string& s) {
        if (logFn)
            logFn(s);
    };
    if (!isClassicalArch(cfg.arch))
        return R::failure("unknown measurement model \"" + cfg.arch +
                          "\"; use logreg, forest or gbm");
    const std::string name = cfg.name.empty() ? cfg.arch : cfg.name;
    const auto index = readPtbxlIndex(cfg.dataDir);
    if (!index)
        return R::failure(index.error());
    std::vector<PtbxlEntry> trainEntries, valEntries;
    for (const auto& e : *index) {
        if (e.fold >= 1 && e.fold <= 8)
            trainEntries.push_back(e);
        else if (e.fold == 9)
            valEntries.push_back(e);
        // fold 10 is the test fold: never read here.
    }
    if (cfg.maxRecords > 0) {
        trainEntries = limitEntries(trainEntries, std::size_t(cfg.maxRecords));
        valEntries = limitEntries(valEntries, std::size_t(std::max(8, cfg.maxRecords / 2)));
    }
    if (trainEntries.empty() || valEntries.empty())
        return R::failure("no training (folds 1-8) or validation (fold 9) records found in " +
                          ptbxlFolder(cfg.dataDir));
    log("measuring " + std::to_string(trainEntries.size()) + " training and " +
        std::to_string(valEntries.size()) + " validation records");
    const auto trainRows = ptbxlFeatureTable(trainEntries, cfg.threads, log);
    if (!trainRows)
        return R::failure(trainRows.error());
    const auto valRows = ptbxlFeatureTable(valEntries, cfg.threads, log);
    if (!valRows)
        return R::failure(valRows.error());
    const auto yTrain = labelsOf(trainEntries), yVal = labelsOf(valEntries);
    std::vector<double> valAges;
    for (const auto& e : valEntries)
        valAges.push_back(e.ageYears);

    // Fitted on folds 1-8 only; read back through its JSON so training and the saved model
    // compute exactly the same inputs.
    const Json preJson = FeaturePreprocessor::fit(*trainRows).toJson();
    auto pre = FeaturePreprocessor::fromJson(*Json::parse(preJson.dump()));
    if (!pre)
        return R::failure(pre.error());
    const Eigen::MatrixXd xTrain = toMatrix(*pre, *trainRows);
    const Eigen::MatrixXd xVal = toMatrix(*pre, *valRows);
    log(std::to_string(pre->outputSize()) + " model features (" +
        std::to_string(rawFeatureNames().size()) + " measurements + missing indicators)");

    std::error_code ec;
    fs::create_directories(cfg.outDir, ec);
    const fs::path out(cfg.outDir);
    Json config = Json::object();
    config.set("name", name);
    config.set("arch", cfg.arch);
    config.set("seed", (long long)cfg.seed);
    config.set("threads", cfg.threads);
    config.set("max_records", cfg.maxRecords);
    config.set("train_records", (long long)trainEntries.size());
    config.set("validation_records", (long long)valEntries.size());
    config.set("train_folds", "1-8");
    config.set("validation_fold", "9");
    config.set("features", (long long)pre->outputSize());
    config.set("normalisation",
               "measurements by ECG Lens's own delineation (dsp::analyse, 0.5 Hz high-pass, 50 Hz "
               "notch, 40 Hz low-pass) of the 100 Hz record, whole 10 s; missing values imputed "
               "with the folds 1-8 median plus a missing indicator; standardised with folds 1-8 "
               "mean and SD");
    Json missing = Json::object();
    for (std::size_t j = 0; j < rawFeatureNames().size(); ++j) {
        int n = 0;
        for (const auto& r : *trainRows)
            n += std::isfinite(r[j]) ? 0 : 1;
        missing.set(rawFeatureNames()[j], double(n) / double(trainRows->size()));
    }
    config.set("feature_missing_fraction_train", missing);

    std::string weightsFile;
    if (cfg.arch == "logreg") {
        weightsFile = kLogregWeights;
        Json selection = Json::array();
        double bestAuc = -1, bestC = 0;
        LogisticFit best;
        for (double c : {0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0}) {
            const LogisticFit fit = fitLogistic(xTrain, yTrain, c);
            const Eigen::VectorXd z = (xVal * fit.coef).array() + fit.intercept;
            const double auc = rocAuc(std::vector<double>(z.data(), z.data() + z.size()), yVal);
            char line[160];
            std::snprintf(line, sizeof line, "C %-6g fold-9 AUC %.4f (%d Newton steps%s)", c, auc,
                          fit.iterations, fit.converged ? "" : ", NOT converged");
            log(line);
            Json s = Json::object();
            s.set("C", c);
            s.set("fold9_auc", auc);
            s.set("newton_iterations", fit.iterations);
            s.set("converged", fit.converged);
            selection.push(s);
            if (std::isfinite(auc) && auc > bestAuc + 1e-12) {
                bestAuc = auc;
                bestC = c;
                best = fit;
            }
        }
        if (bestAuc < 0)
            return R::failure("logistic regression: no fold-9 AUC (one class missing?)");
        Json w = Json::object();
        Json coef = Json::array();
        for (Eigen::Index j = 0; j < best.coef.size(); ++j)
            coef.push(best.coef[j]);
        w.set("features", preJson["features"]);
        w.set("coef", coef);
        w.set("intercept", best.intercept);
        w.set("C", bestC);
        if (!writeTextFile((out / weightsFile).string(), w.dump() + "\n"))
            return R::failure(cfg.outDir + ": cannot write " + weightsFile);
        Json hp = Json::object();
        hp.set("penalty", "l2 (C * sum log loss + 0.5 |w|^2, intercept unpenalised)");
        hp.set("solver", "Newton (IRLS) with backtracking, step < 1e-12");
        hp.set("C", bestC);
        hp.set("C_chosen_by", "fold-9 AUC");
        config.set("hyperparameters", hp);
        config.set("selection", selection);
    } else {
        weightsFile = kXgbWeights;
        Params params = cfg.arch == "forest"
                            ? forestParams(cfg.seed, cfg.threads, pre->outputSize())
                            : gbmParams(cfg.seed, cfg.threads);
        int rounds = 1;
        if (cfg.arch == "gbm") {
            // Number of rounds by fold-9 log loss (early stopping, patience 100), then the model
            // is trained again with that many rounds (same seed, so the same trees).
            const int maxRounds = 1500, patience = 100;
            double bestLoss = 1e300;
            int bestRound = 1;
            Json history = Json::array();
            auto trained = XgbBooster::train(
                xTrain, yTrain, params, maxRounds, [&](int r, const XgbBooster& b) {
                    const double loss = meanLogLoss(b.margins(xVal), yVal);
                    if (r % 50 == 0) {
                        Json h = Json::object();
                        h.set("round", r);
                        h.set("fold9_logloss", loss);
                        history.push(h);
                        log("round " + std::to_string(r) + " fold-9 log loss " +
                            std::to_string(loss));
                    }
                    if (loss < bestLoss - 1e-9) {
                        bestLoss = loss;
                        bestRound = r;
                    }
                    return r - bestRound < patience;
                });
            if (!trained)
                return R::failure(trained.error());
            rounds = bestRound;
            config.set("history", history);
            config.set("rounds_chosen_by", "fold-9 log loss, early stopping with patience 100");
        }
        auto booster = XgbBooster::train(xTrain, yTrain, params, rounds);
        if (!booster)
            return R::failure(booster.error());
        if (auto s = booster->save((out / weightsFile).string()); !s)
            return R::failure(s.error());
        config.set("hyperparameters", paramsJson(params, rounds));
        log(cfg.arch + ": " + std::to_string(rounds) + " boosting round(s)");
    }

    Json model = Json::object();
    model.set("name", name);
    model.set("version", ""); // stamped below from the content
    model.set("arch", cfg.arch);
    model.set("kind", "measurements");
    model.set("weights_file", weightsFile);
    model.set("preprocessing", preJson);
    model.set("label", "abnormal = not (scp_codes NORM with likelihood >= 50)");
    model.set("data", "PTB-XL (Wagner et al., Scientific Data 2020), CC-BY 4.0");
    if (!writeTextFile((out / kModelFile).string(), model.dump() + "\n"))
        return R::failure(cfg.outDir + ": cannot write model.json");
    // Calibrate and choose thresholds with the model exactly as it will be loaded.
    auto written = ClassicalModel::read(cfg.outDir, {});
    if (!written)
        return R::failure(written.error());
    const auto valMargins = written->margins(*valRows);
    const double valAuc = rocAuc(valMargins, yVal);
    const Json fitted = fitOnValidation(valMargins, yVal, valAges);
    model.set("calibration", fitted["calibration"]);
    model.set("thresholds", fitted["thresholds"]);
    if (auto v = stampVersion(cfg.outDir, model, weightsFile); !v)
        return R::failure(v.error());
    Json sets = Json::object();
    sets.set("12", valAuc);
    config.set("fold9_auc_by_lead_set", sets);
    // Global importance: mean |contribution| on fold 9 (TreeSHAP for trees, w_j z_j for logreg).
    {
        std::vector<double> imp(pre->outputSize(), 0.0);
        for (const auto& r : *valRows) {
            const auto c = written->contributions(r);
            for (std::size_t j = 0; j < imp.size() && j < c.size(); ++j)
                imp[j] += std::fabs(c[j]) / double(valRows->size());
        }
        Json o = Json::object();
        for (std::size_t j = 0; j < imp.size(); ++j)
            o.set(pre->names()[j], imp[j]);
        config.set("fold9_mean_abs_contribution", o);
    }
    config.set("seconds", std::chrono::duration<double>(Clock::now() - t0).count());
    if (!writeTextFile((out / kModelFile).string(), model.dump() + "\n") ||
        !writeTextFile((out / kConfigFile).string(), config.dump() + "\n"))
        return R::failure(cfg.outDir + ": cannot write model files");
    if (auto m = writeManifest(cfg.outDir, {kModelFile, weightsFile, kConfigFile}); !m)
        return R::failure(m.error());
    // The folder must load through the verified path and reproduce the fold-9 margins.
    auto loaded = ClassicalModel::load(cfg.outDir);
    if (!loaded)
        return R::failure("the written model does not load: " + loaded.error());
    if (loaded->margins(*valRows) != valMargins)
        return R::failure("the written model does not reproduce its fold-9 outputs");

    ClassicalTrainReport report;
    report.validationAuc = valAuc;
    report.trainRecords = int(trainEntries.size());
    report.validationRecords = int(valEntries.size());
    report.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return report;
}

} // namespace ecglens::ml
