#include "ml/trainer.h"

#include "core/lead_names.h"

#include "ml/metrics.h"
#include "ml/model_files.h"
#include "ml/net.h"
#include "ml/ptbxl.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include <sys/resource.h>

namespace ecglens::ml {

namespace fs = std::filesystem;

std::string archFor(const std::string& name)
{
    return name.rfind("cnn_lstm", 0) == 0 ? "cnn_lstm" : "resnet1d";
}

namespace {

struct Example
{
    Window window; // normalised 12 x 1000
    int label = 0;
    double age = -1;
    int fold = 0;
    std::vector<float> aux; // auxiliary labels (TrainConfig::auxiliary), 0/1
};

/// The auxiliary label names of `kind` (TrainConfig::auxiliary) and each entry's 0/1 targets.
Result<std::vector<std::string>> auxiliaryLabels(const std::string& kind,
                                                 const std::string& dataDir,
                                                 const std::vector<PtbxlEntry>& train,
                                                 std::vector<std::vector<float>>& targets)
{
    using R = Result<std::vector<std::string>>;
    targets.assign(train.size(), {});
    if (kind == "none")
        return std::vector<std::string>{};
    std::vector<std::string> names;
    std::function<std::set<std::string>(const PtbxlEntry&)> present;
    std::map<std::string, std::string> superclass;
    if (kind == "super") {
        auto classes = readScpSuperclasses(dataDir);
        if (!classes)
            return R::failure(classes.error());
        superclass = std::move(*classes);
        names = {"MI", "STTC", "CD", "HYP"};
        present = [&](const PtbxlEntry& e) {
            std::set<std::string> s;
            for (const auto& c : e.scpCodes)
                if (auto it = superclass.find(c); it != superclass.end())
                    s.insert(it->second);
            return s;
        };
    } else if (kind == "codes") {
        std::map<std::string, int> count;
        for (const auto& e : train)
            for (const auto& c : e.scpCodes)
                ++count[c];
        for (const auto& [code, n] : count)
            if (n >= 25 && code != "NORM")
                names.push_back(code);
        present = [](const PtbxlEntry& e) {
            return std::set<std::string>(e.scpCodes.begin(), e.scpCodes.end());
        };
    } else {
        return R::failure("unknown auxiliary labels \"" + kind + "\" (none, super or codes)");
    }
    for (std::size_t i = 0; i < train.size(); ++i) {
        const auto s = present(train[i]);
        for (const auto& n : names)
            targets[i].push_back(s.count(n) ? 1.0f : 0.0f);
    }
    return names;
}

using Clock = std::chrono::steady_clock;

double report0Seconds(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

/// CPU seconds of this process (user + system, all threads).
double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           1e-6 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

void augment(Window& w, std::mt19937_64& rng, double leadDropout, bool doAugment)
{
    std::uniform_real_distribution<double> u(0.0, 1.0);
    if (doAugment) {
        const long n = w.cols();
        const long shift = long(u(rng) * double(n));
        if (shift > 0) {
            Window rolled(w.rows(), n);
            rolled.rightCols(n - shift) = w.leftCols(n - shift);
            rolled.leftCols(shift) = w.rightCols(shift);
            w = rolled;
        }
        const float scale = float(0.8 + 0.45 * u(rng));
        w *= scale;
        const double sigma = 0.03 * u(rng);
        const double wanderMv = 0.1 * u(rng);
        const double wanderHz = 0.05 + 0.45 * u(rng);
        const double phase = 6.283185307 * u(rng);
        std::normal_distribution<float> noise(0.0f, 1.0f);
        for (long r = 0; r < w.rows(); ++r)
            for (long c = 0; c < n; ++c)
                w(r, c) += float(sigma) * noise(rng) +
                           float(wanderMv * std::sin(6.283185307 * wanderHz * double(c) / 100.0 +
                                                     phase + 0.5 * double(r)));
    }
    if (u(rng) < leadDropout) {
        const double pick = u(rng);
        std::array<bool, kModelLeads> mask;
        if (pick < 0.3) {
            mask = leadSetMask("limb6");
        } else if (pick < 0.55) {
            mask = leadSetMask("2");
        } else if (pick < 0.75) {
            mask = leadSetMask("1");
        } else {
            for (auto& m : mask)
                m = u(rng) < 0.5;
            mask[std::size_t(u(rng) * kModelLeads) % kModelLeads] = true;
        }
        applyLeadMask(w, mask);
    }
}

/// batch x members log-odds (row-major) of `data` with the leads outside `mask` zeroed.
std::vector<float> predictMembers(const Net& net, const std::vector<Example>& data,
                                  const std::array<bool, kModelLeads>& mask)
{
    return forwardWindows(
        net, data.size(), [&](std::size_t i) -> const Window& { return data[i].window; }, true,
        &mask);
}

/// Log-odds per record: with one member its output; with k > 1 the out-of-fold output (of the
/// member that did not learn from the record's fold).
std::vector<double> predictLogits(const Net& net, const std::vector<Example>& data,
                                  const std::array<bool, kModelLeads>& mask)
{
    const int k = net.spec().members;
    const auto y = predictMembers(net, data, mask);
    std::vector<double> out(data.size());
    for (std::size_t i = 0; i < data.size(); ++i)
        out[i] =
            k == 1 ? y[i] : y[i * std::size_t(k) + std::size_t(heldOutMember(data[i].fold, k))];
    return out;
}

std::vector<int> labelsOf(const std::vector<Example>& d)
{
    std::vector<int> y;
    for (const auto& e : d)
        y.push_back(e.label);
    return y;
}

double meanLogLoss(const std::vector<double>& logits, const std::vector<int>& y)
{
    double s = 0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        const double p = std::clamp(sigmoid(logits[i]), 1e-7, 1 - 1e-7);
        s -= y[i] ? std::log(p) : std::log(1 - p);
    }
    return y.empty() ? 0 : s / double(y.size());
}

/// Platt calibration and per-age-group thresholds on held-out predictions (fold 9, or the
/// out-of-fold predictions of folds 1-9 for a cross-fitted ensemble), plus AUC per lead set.
Json fitOnValidation(const Net& net, const std::vector<Example>& val)
{
    const bool crossFit = net.spec().members > 1;
    const std::string source =
        crossFit ? "out-of-fold predictions on PTB-XL strat_folds 1-9" : "PTB-XL strat_fold 9";
    const auto yVal = labelsOf(val);
    const auto logits = predictLogits(net, val, leadSetMask("12"));
    double a = 1, b = 0;
    fitPlatt(logits, yVal, a, b);
    std::vector<double> probs, ages;
    for (std::size_t i = 0; i < logits.size(); ++i) {
        probs.push_back(sigmoid(a * logits[i] + b));
        ages.push_back(val[i].age);
    }
    Json cal = Json::object();
    cal.set("method", "platt");
    cal.set("a", a);
    cal.set("b", b);
    cal.set("fitted_on", source);
    if (crossFit)
        cal.set("note", "fitted on single-member out-of-fold log-odds and applied to the "
                        "ensemble mean log-odds");

    const Json th = thresholdsJson(chooseThresholds(probs, yVal, ages), source);
    // The same rule on the same records scored with each reduced lead set (the absent leads
    // zero, as at run time), so a recording with those leads gets thresholds chosen for them.
    Json sets = Json::object(), bySet = Json::object();
    for (const char* set : {"12", "limb6", "2", "1"}) {
        const auto setLogits = predictLogits(net, val, leadSetMask(set));
        sets.set(set, rocAuc(setLogits, yVal));
        if (std::string(set) == "12")
            continue;
        std::vector<double> setProbs;
        for (double l : setLogits)
            setProbs.push_back(sigmoid(a * l + b));
        bySet.set(set, thresholdsJson(chooseThresholds(setProbs, yVal, ages),
                                      source + ", lead set " + set));
    }
    Json out = Json::object();
    if (crossFit) {
        // Same records as a single model's fold-9 validation: comparable model selection.
        std::vector<double> l9;
        std::vector<int> y9;
        for (std::size_t i = 0; i < val.size(); ++i)
            if (val[i].fold == 9) {
                l9.push_back(logits[i]);
                y9.push_back(yVal[i]);
            }
        out.set("oof_auc_fold9", rocAuc(l9, y9));
    }
    out.set("calibration", cal);
    out.set("thresholds", th);
    out.set("thresholds_by_lead_set", bySet);
    out.set("fold9_auc_by_lead_set", sets);
    return out;
}

std::string loadExamples(const std::vector<PtbxlEntry>& entries, std::vector<Example>& out,
                         const char* what, const LogFn& log)
{
    for (std::size_t i = 0; i < entries.size(); ++i) {
        auto w = loadPtbxlWindow(entries[i]);
        if (!w)
            return w.error();
        out.push_back(
            {std::move(*w), entries[i].abnormal ? 1 : 0, entries[i].ageYears, entries[i].fold, {}});
        if ((i + 1) % 250 == 0 || i + 1 == entries.size())
            log(std::string("loaded ") + std::to_string(i + 1) + "/" +
                std::to_string(entries.size()) + " " + what + " records");
    }
    return {};
}

} // namespace

Result<bool> recalibrateModel(const std::string& dataDir, const std::string& modelDir,
                              const LogFn& log)
{
    using R = Result<bool>;
    const fs::path dir(modelDir);
    auto model = readModelJson(modelDir);
    if (!model)
        return R::failure(model.error());
    NetSpec spec;
    spec.arch = (*model)["arch"].string();
    spec.members = int((*model)["members"].number(1));
    spec.width = int((*model)["width"].number(32));
    const std::string weightsPath = (dir / kWeightsFile).string();
    const auto weights = readTextFile(weightsPath);
    if (!weights)
        return R::failure(weights.error());
    auto net = Net::load(spec, *weights, weightsPath);
    if (!net)
        return R::failure(net.error());
    const auto index = readPtbxlIndex(dataDir);
    if (!index)
        return R::failure(index.error());
    std::vector<PtbxlEntry> valEntries;
    for (const auto& e : *index)
        if (spec.members > 1 ? (e.fold >= 1 && e.fold <= 9) : e.fold == 9)
            valEntries.push_back(e);
    std::vector<Example> val;
    if (auto err = loadExamples(valEntries, val, "validation", log); !err.empty())
        return R::failure(err);
    const Json fitted = fitOnValidation(*net, val);
    model->set("calibration", fitted["calibration"]);
    model->set("thresholds", fitted["thresholds"]);
    model->set("thresholds_by_lead_set", fitted["thresholds_by_lead_set"]);
    if (auto v = stampVersion(modelDir, *model, kWeightsFile); !v)
        return R::failure(v.error());
    if (!writeTextFile((dir / kModelFile).string(), model->dump() + "\n"))
        return R::failure(modelDir + ": cannot write model.json");
    log(std::string("recalibrated on ") + (spec.members > 1 ? "out-of-fold folds 1-9" : "fold 9") +
        "; run evaluate again to refresh metrics and the model card");
    return writeManifest(modelDir, {kModelFile, kWeightsFile, kConfigFile});
}

Result<TrainReport> trainModel(const TrainConfig& cfg, const LogFn& log,
                               const std::function<bool(double)>& progress)
{
    using R = Result<TrainReport>;
    const auto t0 = Clock::now();
    Net::setThreads(cfg.threads);
    const auto index = readPtbxlIndex(cfg.dataDir);
    if (!index)
        return R::failure(index.error());

    const int k = std::max(1, cfg.members);
    const bool crossFit = k > 1;
    std::vector<PtbxlEntry> trainEntries, valEntries;
    for (const auto& e : *index) {
        if (e.fold >= 1 && e.fold <= (crossFit ? 9 : 8))
            trainEntries.push_back(e);
        else if (e.fold == 9)
            valEntries.push_back(e);
        // fold 10 is the test fold: never loaded here.
    }
    if (cfg.maxRecords > 0) {
        // Keep both classes in small runs: alternate normal and abnormal records.
        auto limit = [](std::vector<PtbxlEntry>& v, std::size_t n) {
            std::vector<PtbxlEntry> normal, abnormal, out;
            for (auto& e : v)
                (e.abnormal ? abnormal : normal).push_back(e);
            for (std::size_t i = 0; out.size() < n && (i < normal.size() || i < abnormal.size());
                 ++i) {
                if (i < normal.size() && out.size() < n)
                    out.push_back(normal[i]);
                if (i < abnormal.size() && out.size() < n)
                    out.push_back(abnormal[i]);
            }
            v = out;
        };
        limit(trainEntries, std::size_t(cfg.maxRecords));
        limit(valEntries, std::size_t(std::max(8, cfg.maxRecords / 2)));
    }
    if (crossFit)
        valEntries.clear(); // the out-of-fold predictions of folds 1-9 serve as validation
    if (trainEntries.empty() || (!crossFit && valEntries.empty()))
        return R::failure("no training (folds 1-8) or validation (fold 9) records found in " +
                          ptbxlFolder(cfg.dataDir));

    std::vector<Example> train, val;
    if (auto err = loadExamples(trainEntries, train, "training", log); !err.empty())
        return R::failure(err);
    if (auto err = loadExamples(valEntries, val, "validation", log); !err.empty())
        return R::failure(err);
    // Cross-fitting: validation = the training records themselves, scored out of fold.
    const std::vector<Example>& monitor = crossFit ? train : val;
    const auto yVal = labelsOf(monitor);
    std::vector<std::vector<float>> auxTargets;
    const auto auxNames = auxiliaryLabels(cfg.auxiliary, cfg.dataDir, trainEntries, auxTargets);
    if (!auxNames)
        return R::failure(auxNames.error());
    for (std::size_t i = 0; i < train.size(); ++i)
        train[i].aux = auxTargets[i];
    const std::size_t nAux = auxNames->size();

    NetSpec spec;
    spec.arch = archFor(cfg.name);
    if (spec.arch == "resnet1d") {
        spec.members = k;
        spec.width = cfg.width;
    } else if (crossFit) {
        return R::failure("cross-fitted ensembles (--members > 1) need the ResNet architecture");
    }
    auto created = Net::create(spec, cfg.seed);
    if (!created)
        return R::failure(created.error());
    Net net = std::move(*created);
    if (nAux > 0) {
        if (auto a = net.enableAuxiliary(int(nAux)); !a)
            return R::failure(a.error());
        std::string list;
        for (const auto& n : *auxNames)
            list += (list.empty() ? "" : " ") + n;
        log("auxiliary labels (" + cfg.auxiliary + ", weight " + std::to_string(cfg.auxWeight) +
            "): " + list);
    }
    log("model " + cfg.name + " (" + spec.arch + "), " + std::to_string(net.parameterCount()) +
        " parameters; " + std::to_string(train.size()) + " training / " +
        (crossFit ? std::to_string(k) + " cross-fitted members (out-of-fold validation)"
                  : std::to_string(val.size()) + " validation records") +
        "; seed " + std::to_string(cfg.seed));

    std::mt19937_64 rng(cfg.seed);
    std::vector<std::size_t> order(train.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<float> buf, labels, memberMask, aux;
    const auto all12 = leadSetMask("12");
    double bestAuc = -1;
    int bestEpoch = 0, epochsRun = 0;
    std::vector<char> best = net.snapshot();
    Json history = Json::array();
    for (int epoch = 1; epoch <= cfg.epochs; ++epoch) {
        const double lr = cfg.learningRate * 0.5 *
                          (1.0 + std::cos(3.14159265358979 * double(epoch - 1) / cfg.epochs));
        net.setLearningRate(lr, cfg.weightDecay);
        std::shuffle(order.begin(), order.end(), rng);
        double lossSum = 0;
        int batches = 0;
        for (std::size_t i = 0; i < order.size(); i += std::size_t(cfg.batchSize)) {
            const std::size_t m =
                std::min<std::size_t>(std::size_t(cfg.batchSize), order.size() - i);
            if (m < 2)
                break; // batch norm needs two examples
            buf.assign(m * kModelLeads * kWindowSamples, 0.0f);
            labels.assign(m, 0.0f);
            memberMask.assign(m * std::size_t(k), 1.0f);
            aux.assign(m * nAux, 0.0f);
            for (std::size_t j = 0; j < m; ++j) {
                const Example& ex = train[order[i + j]];
                Window w = ex.window;
                augment(w, rng, cfg.leadDropout, cfg.augment);
                windowToBuffer(w, buf.data() + j * kModelLeads * kWindowSamples);
                labels[j] = float(ex.label);
                std::copy(ex.aux.begin(), ex.aux.end(), aux.begin() + std::ptrdiff_t(j * nAux));
                if (crossFit)
                    memberMask[j * std::size_t(k) + std::size_t(heldOutMember(ex.fold, k))] = 0.0f;
            }
            lossSum += net.trainStepMasked(buf.data(), labels.data(), memberMask.data(), int(m),
                                           1.0f, nAux ? aux.data() : nullptr, float(cfg.auxWeight));
            ++batches;
            if (progress &&
                !progress((epoch - 1 + double(i + m) / double(order.size())) / cfg.epochs))
                return R::failure("training cancelled");
        }
        const auto logits = predictLogits(net, monitor, all12);
        const double auc = rocAuc(logits, yVal);
        const double valLoss = meanLogLoss(logits, yVal);
        epochsRun = epoch;
        const double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
        char line[200];
        std::snprintf(line, sizeof line,
                      "epoch %d/%d  lr %.5f  train loss %.4f  %s loss %.4f  AUC %.4f  "
                      "(%.0f s, %.0f s CPU)",
                      epoch, cfg.epochs, lr, batches ? lossSum / batches : 0.0,
                      crossFit ? "out-of-fold" : "fold-9", valLoss, auc, elapsed, cpuSeconds());
        log(line);
        Json h = Json::object();
        h.set("epoch", epoch);
        h.set("train_loss", batches ? lossSum / batches : 0.0);
        h.set("val_loss", valLoss);
        h.set("val_auc", auc);
        history.push(h);
        if (crossFit) {
            // No early stopping: out-of-fold predictions must not choose anything per fold;
            // the last epoch (end of the cosine schedule) is kept.
            bestAuc = std::isfinite(auc) ? auc : 0.0;
            bestEpoch = epoch;
            best = net.snapshot();
        } else if (std::isfinite(auc) ? auc > bestAuc : bestAuc < 0) {
            bestAuc = std::isfinite(auc) ? auc : 0.0;
            bestEpoch = epoch;
            best = net.snapshot();
        } else if (epoch - bestEpoch >= cfg.patience) {
            log("early stopping: no fold-9 improvement for " + std::to_string(cfg.patience) +
                " epochs");
            break;
        }
    }
    net.restore(best);

    const Json fitted = fitOnValidation(net, monitor);
    std::error_code ec;
    fs::create_directories(cfg.outDir, ec);
    const fs::path out(cfg.outDir);
    if (auto saved = net.save((out / kWeightsFile).string()); !saved)
        return R::failure(saved.error());

    Json model = Json::object();
    model.set("name", cfg.name);
    model.set("version", ""); // stamped below from the content
    model.set("arch", spec.arch);
    if (spec.arch == "resnet1d") {
        model.set("members", spec.members);
        model.set("width", spec.width);
    }
    model.set("input_fs_hz", kModelFsHz);
    model.set("window_samples", kWindowSamples);
    Json leads = Json::array();
    for (const char* l : kStandardLeads)
        leads.push(l);
    model.set("leads", leads);
    Json sets = Json::array();
    for (const char* s : {"12", "limb6", "2", "1"})
        sets.push(s);
    model.set("trained_lead_sets", sets);
    model.set("calibration", fitted["calibration"]);
    model.set("thresholds", fitted["thresholds"]);
    model.set("thresholds_by_lead_set", fitted["thresholds_by_lead_set"]);
    model.set("label", "abnormal = not (scp_codes NORM with likelihood >= 50)");
    model.set("data", "PTB-XL (Wagner et al., Scientific Data 2020), CC-BY 4.0");

    Json config = Json::object();
    config.set("name", cfg.name);
    config.set("arch", spec.arch);
    config.set("seed", (long long)cfg.seed);
    config.set("epochs_max", cfg.epochs);
    config.set("epochs_run", epochsRun);
    config.set("best_epoch", bestEpoch);
    config.set("patience", cfg.patience);
    config.set("batch_size", cfg.batchSize);
    config.set("learning_rate", cfg.learningRate);
    config.set("schedule", "cosine over epochs_max, AdamW");
    config.set("weight_decay", cfg.weightDecay);
    config.set("lead_dropout", cfg.leadDropout);
    config.set("augment", cfg.augment);
    config.set("threads", cfg.threads);
    config.set("max_records", cfg.maxRecords);
    config.set("train_records", (long long)train.size());
    config.set("validation_records", (long long)monitor.size());
    config.set("train_folds", crossFit ? "1-9" : "1-8");
    config.set("validation_fold", crossFit ? "out-of-fold 1-9" : "9");
    config.set("members", k);
    config.set("width", cfg.width);
    if (nAux > 0) {
        Json names = Json::array();
        for (const auto& n : *auxNames)
            names.push(n);
        config.set("auxiliary", cfg.auxiliary);
        config.set("auxiliary_weight", cfg.auxWeight);
        config.set("auxiliary_labels", names);
    }
    if (crossFit)
        config.set("cross_fitting",
                   std::to_string(k) +
                       " members trained side by side; member m never learns "
                       "from the folds f with (f - 1) % " +
                       std::to_string(k) +
                       " == m; no early stopping; the shipped output is the mean of the members' "
                       "log-odds; calibration, thresholds and the AUCs above are on out-of-fold "
                       "predictions");
    config.set("cpu_seconds", cpuSeconds());
    config.set("parameters", (long long)net.parameterCount());
    config.set("normalisation", "per window, per lead: median removed, clipped to +-5 mV");
    config.set("fold9_auc_by_lead_set", fitted["fold9_auc_by_lead_set"]);
    if (crossFit)
        config.set("oof_auc_fold9", fitted["oof_auc_fold9"]);
    config.set("seconds", std::chrono::duration<double>(Clock::now() - t0).count());
    config.set("history", history);

    if (auto v = stampVersion(cfg.outDir, model, kWeightsFile); !v)
        return R::failure(v.error());
    if (!writeTextFile((out / kModelFile).string(), model.dump() + "\n") ||
        !writeTextFile((out / kConfigFile).string(), config.dump() + "\n"))
        return R::failure(cfg.outDir + ": cannot write model files");
    if (auto m = writeManifest(cfg.outDir, {kModelFile, kWeightsFile, kConfigFile}); !m)
        return R::failure(m.error());

    log("training wall time " + std::to_string(int(report0Seconds(t0))) + " s, CPU time " +
        std::to_string(int(cpuSeconds())) + " s (all threads)");
    TrainReport report;
    report.epochsRun = epochsRun;
    report.bestEpoch = bestEpoch;
    report.bestValidationAuc = bestAuc;
    report.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return report;
}

} // namespace ecglens::ml
