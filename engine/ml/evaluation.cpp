#include "ml/evaluation.h"

#include "ml/ambulatory.h"
#include "ml/classical.h"
#include "ml/detector.h"
#include "ml/metrics.h"
#include "ml/model_files.h"
#include "ml/ptbxl.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

namespace ecglens::ml {

namespace fs = std::filesystem;

namespace {

using Stat = std::function<double(const std::vector<double>&, const std::vector<int>&)>;

/// The expected calibration error every card reports: 10 equal-width bins.
double ece10(const std::vector<double>& p, const std::vector<int>& y)
{
    return expectedCalibrationError(p, y, 10);
}

/// "brier" and "ece" (10 bins) with bootstrap CIs.
void setCalibration(Json& o, const std::vector<double>& p, const std::vector<int>& y,
                    const EvaluationConfig& cfg)
{
    o.set("brier", intervalJson(bootstrapCi(p, y, brierScore, cfg.bootstrapRounds, cfg.seed)));
    o.set("ece", intervalJson(bootstrapCi(p, y, ece10, cfg.bootstrapRounds, cfg.seed)));
}

/// p: calibrated probabilities; mA / mB: p minus the record's anomalous / borderline threshold
/// (thresholds depend on the age group), so "positive" is margin >= 0.
Json subsetMetrics(const std::vector<double>& p, const std::vector<int>& y,
                   const std::vector<double>& mA, const std::vector<double>& mB,
                   const EvaluationConfig& cfg, bool full)
{
    Json o = Json::object();
    int pos = 0;
    for (int l : y)
        pos += l;
    o.set("n", (long long)y.size());
    o.set("n_abnormal", pos);
    const int r = cfg.bootstrapRounds;
    const std::uint64_t s = cfg.seed;
    o.set("auc", intervalJson(bootstrapCi(p, y, rocAuc, r, s)));
    auto at = [](double (Confusion::*m)() const) -> Stat {
        return [m](const std::vector<double>& ps, const std::vector<int>& ys) {
            return (confusionAt(ps, ys, 0.0).*m)();
        };
    };
    o.set("sensitivity", intervalJson(bootstrapCi(mA, y, at(&Confusion::sensitivity), r, s)));
    o.set("specificity", intervalJson(bootstrapCi(mA, y, at(&Confusion::specificity), r, s)));
    o.set("accuracy", intervalJson(bootstrapCi(mA, y, at(&Confusion::accuracy), r, s)));
    if (full) {
        o.set("precision", intervalJson(bootstrapCi(mA, y, at(&Confusion::precision), r, s)));
        o.set("f1", intervalJson(bootstrapCi(mA, y, at(&Confusion::f1), r, s)));
        o.set("sensitivity_at_borderline",
              intervalJson(bootstrapCi(mB, y, at(&Confusion::sensitivity), r, s)));
        o.set("specificity_at_borderline",
              intervalJson(bootstrapCi(mB, y, at(&Confusion::specificity), r, s)));
        setCalibration(o, p, y, cfg);
        Json rel = Json::array();
        for (const ReliabilityBin& b : reliabilityBins(p, y, 10)) {
            Json j = Json::object();
            j.set("low", b.low);
            j.set("high", b.high);
            j.set("n", b.n);
            j.set("abnormal", b.positives);
            if (b.n > 0) {
                const Proportion ci = wilsonInterval(b.positives, b.n);
                j.set("mean_predicted", b.meanPredicted);
                j.set("observed", b.observed());
                j.set("observed_ci_low", ci.low);
                j.set("observed_ci_high", ci.high);
            }
            rel.push(j);
        }
        o.set("reliability", rel);
        // What a perfectly calibrated model would show on the same records.
        const CalibrationCheck cc = eceUnderPerfectCalibration(p, y, 10, 4000, s);
        Json cj = Json::object();
        cj.set("median", cc.median);
        cj.set("p95", cc.p95);
        cj.set("p_value", cc.pValue);
        o.set("ece_if_perfectly_calibrated", cj);
        const Confusion c = confusionAt(mA, y, 0.0);
        Json cm = Json::object();
        cm.set("tp", c.tp);
        cm.set("fp", c.fp);
        cm.set("tn", c.tn);
        cm.set("fn", c.fn);
        o.set("confusion_at_anomalous", cm);
        Json roc = Json::array();
        for (const RocPoint& pt : rocCurve(p, y)) {
            Json q = Json::array();
            q.push(std::isfinite(pt.threshold) ? pt.threshold : 1.0);
            q.push(pt.fpr);
            q.push(pt.tpr);
            roc.push(q);
        }
        o.set("roc_points_threshold_fpr_tpr", roc);
    }
    return o;
}

/// The fields every metrics.json starts with (model, folds, bootstrap, thresholds).
Json headerJson(const ModelInfo& info, const EvaluationConfig& cfg)
{
    Json out = Json::object();
    Json folds = Json::array();
    for (int f : cfg.folds)
        folds.push(f);
    out.set("model", info.name);
    out.set("version", info.version);
    out.set("arch", info.arch);
    out.set("folds", folds);
    out.set("bootstrap_rounds", cfg.bootstrapRounds);
    // The validation AUC is what model selection uses (fold 10 never is): on the fold-9 records
    // for every model (out of fold for a cross-fitted ensemble), so all are scored on the same
    // records.
    if (const auto text = readTextFile((fs::path(cfg.modelDir) / kConfigFile).string())) {
        if (const auto c = Json::parse(*text)) {
            out.set("fold9_auc", (*c)["fold9_auc_by_lead_set"]["12"]);
            const bool oof = (*c)["oof_auc_fold9"].isNumber();
            out.set("selection_auc",
                    oof ? (*c)["oof_auc_fold9"] : (*c)["fold9_auc_by_lead_set"]["12"]);
            out.set("selection_auc_on", oof ? "fold-9 records, out-of-fold predictions"
                                            : "fold-9 records (validation fold)");
        }
    }
    out.set("input", isClassicalArch(info.arch) ? "measurements" : "12-lead signal");
    out.set("bootstrap_seed", (long long)cfg.seed);
    Json th = Json::object();
    th.set("borderline", info.thresholds.borderline);
    th.set("anomalous", info.thresholds.anomalous);
    Json groups = Json::object();
    for (const auto& [g, t] : info.ageGroupThresholds) {
        Json gt = Json::object();
        gt.set("borderline", t.borderline);
        gt.set("anomalous", t.anomalous);
        groups.set(g, gt);
    }
    th.set("by_age_group", groups);
    out.set("thresholds", th);
    return out;
}

/// Records scored at the shipped thresholds: calibrated probability, margins to the record's
/// anomalous / borderline thresholds, label; one per entry.
struct Scored
{
    std::vector<double> p, mA, mB, tA;
    std::vector<int> y;

    void add(double probability, const Thresholds& t, bool abnormal)
    {
        p.push_back(probability);
        tA.push_back(t.anomalous);
        mA.push_back(probability - t.anomalous);
        mB.push_back(probability - t.borderline);
        y.push_back(abnormal ? 1 : 0);
    }
};

/// subsetMetrics() over the records `keep` selects; withCalibration adds Brier and ECE.
Json subsetWhere(const std::vector<PtbxlEntry>& entries, const Scored& s,
                 const std::function<bool(const PtbxlEntry&)>& keep, const EvaluationConfig& cfg,
                 bool withCalibration)
{
    Scored sub;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (keep(entries[i])) {
            sub.p.push_back(s.p[i]);
            sub.mA.push_back(s.mA[i]);
            sub.mB.push_back(s.mB[i]);
            sub.tA.push_back(s.tA[i]);
            sub.y.push_back(s.y[i]);
        }
    Json o = subsetMetrics(sub.p, sub.y, sub.mA, sub.mB, cfg, false);
    if (withCalibration)
        setCalibration(o, sub.p, sub.y, cfg);
    return o;
}

/// The three age groups (< 40, 40-64, >= 65).
Json byAgeGroup(const std::vector<PtbxlEntry>& entries, const Scored& s,
                const EvaluationConfig& cfg, bool withCalibration)
{
    Json byAge = Json::object();
    for (const char* g : {"<40", "40-64", ">=65"})
        byAge.set(g,
                  subsetWhere(
                      entries, s,
                      [g](const PtbxlEntry& e) { return std::string(ageGroup(e.ageYears)) == g; },
                      cfg, withCalibration));
    return byAge;
}

/// The abnormal records scored below their anomalous threshold (the misses behind the
/// sensitivities), lowest probability first: not flagged Anomalous (Borderline or Normal).
Json missedAbnormal(const std::vector<PtbxlEntry>& entries, const Scored& s)
{
    std::vector<std::size_t> missed;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (s.y[i] == 1 && s.mA[i] < 0)
            missed.push_back(i);
    std::stable_sort(missed.begin(), missed.end(),
                     [&](std::size_t a, std::size_t b) { return s.p[a] < s.p[b]; });
    Json out = Json::array();
    for (std::size_t i : missed) {
        const PtbxlEntry& e = entries[i];
        Json r = Json::object();
        r.set("ecg_id", e.ecgId);
        r.set("patient_id", e.patientId);
        r.set("age", e.ageYears >= 0 ? Json(e.ageYears) : Json());
        r.set("age_group", ageGroup(e.ageYears));
        r.set("sex", e.sex == Sex::Male ? "male" : e.sex == Sex::Female ? "female" : "unknown");
        r.set("probability", s.p[i]);
        r.set("anomalous_threshold", s.tA[i]);
        r.set("below_borderline", s.mB[i] < 0);
        Json codes = Json::array();
        for (const auto& c : e.scpCodes)
            codes.push(c);
        r.set("scp_codes", codes);
        out.push(r);
    }
    return out;
}

/// by_age_group and by_sex (the fairness table) from the 12-lead scores, and the missed
/// abnormal records.
void setFairness(Json& out, const std::vector<PtbxlEntry>& entries, const Scored& s,
                 const EvaluationConfig& cfg)
{
    out.set("missed_abnormal", missedAbnormal(entries, s));
    out.set("by_age_group", byAgeGroup(entries, s, cfg, false));
    Json bySex = Json::object();
    for (Sex sex : {Sex::Male, Sex::Female})
        bySex.set(sex == Sex::Male ? "male" : "female",
                  subsetWhere(
                      entries, s, [sex](const PtbxlEntry& e) { return e.sex == sex; }, cfg, false));
    out.set("by_sex", bySex);
}

Result<std::vector<PtbxlEntry>> foldEntries(const EvaluationConfig& cfg)
{
    using R = Result<std::vector<PtbxlEntry>>;
    const auto index = readPtbxlIndex(cfg.dataDir);
    if (!index)
        return R::failure(index.error());
    std::vector<PtbxlEntry> entries;
    for (const auto& e : *index)
        if (std::find(cfg.folds.begin(), cfg.folds.end(), e.fold) != cfg.folds.end())
            entries.push_back(e);
    if (entries.empty())
        return R::failure("no PTB-XL records in the requested folds");
    return entries;
}

/// The record's age, or none when PTB-XL does not give it.
std::optional<double> knownAge(const PtbxlEntry& e)
{
    return e.ageYears >= 0 ? std::optional<double>(e.ageYears) : std::nullopt;
}

/// A record's age group and label as one stratum (for composition-matched draws).
int ageLabelStratum(const PtbxlEntry& e)
{
    const std::string g = ageGroup(e.ageYears);
    const int group = g == "<40" ? 1 : g == "40-64" ? 2 : g == ">=65" ? 3 : 0;
    return group * 2 + (e.abnormal ? 1 : 0);
}

/// For a cross-fitted ensemble evaluated on fold 10: every record of folds 1-9 scored by the
/// member that never learned from its fold, calibrated and thresholded as shipped (12 leads),
/// into out["out_of_fold"]: overall, by age group, and the human-validated records (fold 10 holds
/// only such records). 26 times the test fold's records, but not independent of the choices:
/// calibration and thresholds were fitted on these predictions and model selection used them.
/// Also where the test fold's AUC and ECE lie among draws of its size and of its composition
/// from these predictions ("test_sized_draws", "test_composition_draws").
Result<bool> addOutOfFold(Json& out, const Detector& detector, const EvaluationConfig& cfg,
                          const std::vector<PtbxlEntry>& testEntries,
                          const std::function<void(const std::string&)>& log)
{
    const int k = detector.members();
    const bool testOnly =
        std::all_of(cfg.folds.begin(), cfg.folds.end(), [](int f) { return f < 1 || f > 9; });
    if (!cfg.outOfFold || k < 2 || !testOnly)
        return true;
    const auto index = readPtbxlIndex(cfg.dataDir);
    if (!index)
        return Result<bool>::failure(index.error());
    std::vector<PtbxlEntry> entries;
    std::vector<Window> windows;
    for (const auto& e : *index) {
        if (e.fold < 1 || e.fold > 9)
            continue;
        auto w = loadPtbxlWindow(e);
        if (!w)
            return Result<bool>::failure(w.error());
        windows.push_back(std::move(*w));
        entries.push_back(e);
    }
    if (log)
        log("out-of-fold estimate on " + std::to_string(entries.size()) + " records of folds 1-9");
    const auto member = detector.memberLogits(windows);
    Scored sc;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const PtbxlEntry& e = entries[i];
        const float l = member[i * std::size_t(k) + std::size_t(heldOutMember(e.fold, k))];
        sc.add(detector.probability(l), detector.thresholdsFor(knownAge(e), "12"), e.abnormal);
    }
    Json oof = subsetWhere(
        entries, sc, [](const PtbxlEntry&) { return true; }, cfg, true);
    oof.set("folds", "1-9");
    oof.set("by_age_group", byAgeGroup(entries, sc, cfg, true));
    oof.set("validated_by_human",
            subsetWhere(
                entries, sc, [](const PtbxlEntry& e) { return e.validatedByHuman; }, cfg, true));
    // How the test fold's AUC and ECE compare with test-sized draws from these predictions.
    if (const Json& test = out["overall"]; test.isObject() && test["n"].number(0) > 0) {
        const auto size = std::size_t(test["n"].number());
        // Plain draws of the test fold's size, and draws with its composition by age group and
        // label (how many normal / abnormal records of each age group it holds).
        std::vector<int> strata;
        for (const PtbxlEntry& e : entries)
            strata.push_back(ageLabelStratum(e));
        std::map<int, std::size_t> composition;
        for (const PtbxlEntry& e : testEntries)
            ++composition[ageLabelStratum(e)];
        auto draws = [&](const Stat& stat, double observed, bool matched) {
            const SubsampleComparison c =
                matched ? compareWithStratifiedSubsamples(sc.p, sc.y, strata, composition, stat,
                                                          observed, cfg.bootstrapRounds, cfg.seed)
                        : compareWithSubsamples(sc.p, sc.y, size, stat, observed,
                                                cfg.bootstrapRounds, cfg.seed);
            Json j = Json::object();
            j.set("test_value", observed);
            j.set("draws", c.draws);
            j.set("median", c.median);
            j.set("p5", c.p5);
            j.set("p95", c.p95);
            j.set("share_at_or_below_test", c.shareAtOrBelow);
            j.set("share_at_or_above_test", c.shareAtOrAbove);
            return j;
        };
        for (const bool matched : {false, true}) {
            Json like = Json::object();
            like.set("size", (long long)size);
            like.set("auc", draws(rocAuc, test["auc"]["value"].number(NAN), matched));
            like.set("ece", draws(ece10, test["ece"]["value"].number(NAN), matched));
            oof.set(matched ? "test_composition_draws" : "test_sized_draws", like);
        }
    }
    out.set("out_of_fold", oof);
    return true;
}

/// With cfg.ambulatory, ambulatoryCheck() on DATA/mitdb (real Holter recordings beside PTB-XL,
/// outside the validation data) into out["ambulatory"].
Result<bool> addAmbulatory(Json& out, const EvaluationConfig& cfg, const AnalyseFn& analyse,
                           const std::function<void(const std::string&)>& log)
{
    if (!cfg.ambulatory)
        return true;
    const std::string mitdb = (fs::path(cfg.dataDir) / "mitdb").string();
    if (!fs::is_directory(mitdb))
        return Result<bool>::failure(mitdb + " not found: the ambulatory check needs the MIT-BIH "
                                             "Arrhythmia records there (or pass --no-ambulatory)");
    auto amb = ambulatoryCheck(analyse, mitdb, cfg.bootstrapRounds, cfg.seed, log);
    if (!amb)
        return Result<bool>::failure(amb.error());
    out.set("ambulatory", *amb);
    return true;
}

/// The measurement models (logreg, forest, gbm): same metrics and bootstrap as the neural path,
/// on features measured from the same records; 12 leads only.
Result<Json> evaluateClassical(const EvaluationConfig& cfg,
                               const std::function<void(const std::string&)>& log)
{
    using R = Result<Json>;
    auto model = ClassicalModel::load(cfg.modelDir);
    if (!model)
        return R::failure(model.error());
    const ModelInfo& info = model->info();
    const auto entries = foldEntries(cfg);
    if (!entries)
        return R::failure(entries.error());
    if (log)
        log("evaluating " + info.name + " on " + std::to_string(entries->size()) + " records");
    const auto rows = ptbxlFeatureTable(*entries, 2, log);
    if (!rows)
        return R::failure(rows.error());
    const auto margins = model->margins(*rows);
    Scored sc;
    for (std::size_t i = 0; i < entries->size(); ++i) {
        const PtbxlEntry& e = (*entries)[i];
        sc.add(model->probability(margins[i]), model->thresholdsFor(knownAge(e)), e.abnormal);
    }
    Json out = headerJson(info, cfg);
    out.set("overall", subsetMetrics(sc.p, sc.y, sc.mA, sc.mB, cfg, true));
    Json leadSets = Json::object();
    leadSets.set("12", subsetMetrics(sc.p, sc.y, sc.mA, sc.mB, cfg, false));
    out.set("by_lead_set", leadSets);
    setFairness(out, *entries, sc, cfg);
    if (auto amb = addAmbulatory(
            out, cfg, [&](const Recording& r) { return analyse(*model, r); }, log);
        !amb)
        return R::failure(amb.error());
    return out;
}

} // namespace

Json intervalJson(const Interval& i)
{
    Json o = Json::object();
    o.set("value", i.value);
    o.set("ci_low", i.low);
    o.set("ci_high", i.high);
    return o;
}

Result<Json> evaluateModel(const EvaluationConfig& cfg,
                           const std::function<void(const std::string&)>& log)
{
    using R = Result<Json>;
    if (isClassicalModelDir(cfg.modelDir))
        return evaluateClassical(cfg, log);
    auto detector = Detector::load(cfg.modelDir);
    if (!detector)
        return R::failure(detector.error());
    const ModelInfo info = detector->info();
    const auto found = foldEntries(cfg);
    if (!found)
        return R::failure(found.error());
    const std::vector<PtbxlEntry>& entries = *found;
    std::vector<Window> windows;
    std::vector<std::optional<double>> ages;
    for (const auto& e : entries) {
        auto w = loadPtbxlWindow(e);
        if (!w)
            return R::failure(w.error());
        windows.push_back(std::move(*w));
        ages.push_back(knownAge(e));
    }
    // Each lead set at the thresholds analyse() applies to a recording with those leads: its own
    // (the 12-lead ones for a model without them). V1 alone (a bedside MCL1), V5 alone (a Holter
    // CM5) and the chest leads have none: scored at those of the nearest set the model has, they
    // show why analyse() gives no verdict on them.
    if (log)
        log("evaluating " + info.name + " on " + std::to_string(entries.size()) + " records");

    Json out = headerJson(info, cfg);
    Json leadSets = Json::object();
    Scored sc12;
    const std::vector<std::string> thresholdSets = info.thresholdLeadSets();
    for (const char* set : {"12", "limb6", "2", "1", "v1", "v5", "chest6"}) {
        std::vector<Window> masked = windows;
        for (auto& w : masked)
            applyLeadMask(w, leadSetMask(set));
        const auto logits = detector->logits(masked);
        const std::string applied = nearestLeadSet(leadSetMask(set), thresholdSets);
        Scored sc;
        for (std::size_t i = 0; i < entries.size(); ++i)
            sc.add(detector->probability(logits[i]), detector->thresholdsFor(ages[i], applied),
                   entries[i].abnormal);
        if (std::string(set) == "12") {
            out.set("overall", subsetMetrics(sc.p, sc.y, sc.mA, sc.mB, cfg, true));
            sc12 = sc;
        }
        leadSets.set(set, subsetMetrics(sc.p, sc.y, sc.mA, sc.mB, cfg, false));
        if (log)
            log(std::string("lead set ") + set + " done");
    }
    out.set("by_lead_set", leadSets);
    setFairness(out, entries, sc12, cfg);
    if (auto oof = addOutOfFold(out, *detector, cfg, entries, log); !oof)
        return R::failure(oof.error());
    if (auto amb = addAmbulatory(
            out, cfg, [&](const Recording& r) { return analyse(*detector, r); }, log);
        !amb)
        return R::failure(amb.error());
    return out;
}

Result<bool> writeEvaluation(const std::string& modelDir, const Json& metrics)
{
    using R = Result<bool>;
    const fs::path dir(modelDir);
    auto model = readTextFile((dir / kModelFile).string());
    auto config = readTextFile((dir / kConfigFile).string());
    if (!model || !config)
        return R::failure(modelDir + ": model.json or config.json missing");
    auto mj = Json::parse(*model);
    auto cj = Json::parse(*config);
    if (!mj || !cj)
        return R::failure(modelDir + ": model.json or config.json damaged");
    if (!writeTextFile((dir / "metrics.json").string(), metrics.dump() + "\n"))
        return R::failure(modelDir + ": cannot write metrics.json");
    std::vector<Json> siblings;
    std::error_code ec;
    std::vector<fs::path> others;
    for (const auto& entry : fs::directory_iterator(dir.parent_path(), ec))
        if (entry.is_directory() && fs::exists(entry.path() / "metrics.json"))
            others.push_back(entry.path());
    std::sort(others.begin(), others.end());
    for (const auto& p : others) {
        auto t = readTextFile((p / "metrics.json").string());
        if (!t)
            continue;
        auto j = Json::parse(*t);
        if (j && (*j)["folds"].dump() == metrics["folds"].dump())
            siblings.push_back(*j);
    }
    if (!writeTextFile((dir / "MODEL_CARD.md").string(), modelCard(*mj, *cj, metrics, siblings)))
        return R::failure(modelDir + ": cannot write MODEL_CARD.md");
    // Measurement models name their weights file in model.json (weights.json / weights.ubj).
    const std::string weights =
        isClassicalArch((*mj)["arch"].string()) ? (*mj)["weights_file"].string() : kWeightsFile;
    return writeManifest(modelDir,
                         {kModelFile, weights, kConfigFile, "metrics.json", "MODEL_CARD.md"});
}

} // namespace ecglens::ml
