#include "ml/evaluation.h"

#include "ml/classical.h"
#include "ml/detector.h"

#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

namespace ecglens::ml {

namespace {

std::string num(double v, const char* f = "%.3f")
{
    if (!std::isfinite(v))
        return "n/a";
    char buf[32];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

/// "0.912 (0.85–0.96)" from {value, ci_low, ci_high}.
std::string ci(const Json& j)
{
    if (!j.isObject())
        return "n/a";
    const double v = j["value"].isNumber() ? j["value"].number() : NAN;
    if (!std::isfinite(v))
        return "n/a";
    return num(v) + " (" + num(j["ci_low"].isNumber() ? j["ci_low"].number() : NAN) + "–" +
           num(j["ci_high"].isNumber() ? j["ci_high"].number() : NAN) + ")";
}

std::string count(const Json& j)
{
    return num(j.number(), "%.0f");
}

/// "Model and training" for the measurement models (logreg, forest, gbm), up to the thresholds.
void classicalTraining(std::ostringstream& md, const Json& model, const Json& config)
{
    const std::string arch = model["arch"].string();
    const char* what =
        arch == "logreg" ? "L2-penalised logistic regression (Eigen; Newton/IRLS to convergence)"
        : arch == "forest"
            ? "random forest (libxgboost: one round of parallel trees with row and per-node column "
              "subsampling, no shrinkage)"
            : "gradient-boosted trees (libxgboost, binary:logistic)";
    md << "## Model and training\n\n"
       << "- Architecture `" << arch << "`: " << what << ", on " << count(config["features"])
       << " features.\n"
       << "- Hyperparameters:";
    for (const auto& [k, v] : config["hyperparameters"].members())
        md << " " << k << " = " << (v.isString() ? v.string() : num(v.number(), "%g")) << ";";
    if (!config["hyperparameters"].contains("seed"))
        md << " seed " << count(config["seed"]) << ";";
    md << " " << num(config["seconds"].number(), "%.0f") << " s wall time with "
       << count(config["threads"]) << " threads (measuring the records takes most of it).\n";
    if (config["selection"].isArray()) {
        md << "- C chosen on fold 9 (AUC):";
        for (const Json& sel : config["selection"].items())
            md << " C " << num(sel["C"].number(), "%g") << ": " << num(sel["fold9_auc"].number())
               << ";";
        md << "\n";
    }
    if (config.contains("rounds_chosen_by"))
        md << "- Boosting rounds chosen by " << config["rounds_chosen_by"].string() << ".\n";
    md << "- Calibration: Platt scaling on fold 9, a = "
       << num(model["calibration"]["a"].number(), "%.4f")
       << ", b = " << num(model["calibration"]["b"].number(), "%.4f") << ".\n"
       << "- Per-feature contributions to the log-odds (exact TreeSHAP from xgboost for trees; "
          "w_j * z_j on standardised features for logistic regression) sum to the model's margin "
          "and are available for a \"why\" view.\n\n"
       << "| feature | missing in folds 1-8 | fold-9 mean abs. contribution (log-odds) |\n"
       << "|---|---|---|\n";
    const Json& missing = config["feature_missing_fraction_train"];
    for (const auto& [name, imp] : config["fold9_mean_abs_contribution"].members()) {
        const Json& miss = missing[name];
        md << "| " << name << " | "
           << (miss.isNumber() ? num(100.0 * miss.number(), "%.1f %%") : std::string("-")) << " | "
           << num(imp.number(), "%.4f") << " |\n";
    }
    md << "\n";
}

/// "Which model ships and why" and the comparison table of all models on the same records.
void selectionSection(std::ostringstream& md, const Json& model, const std::vector<Json>& siblings,
                      const std::string& folds)
{
    const std::string shipped = defaultModelName();
    // Validation AUC on the fold-9 records; older metrics.json files only have fold9_auc.
    auto selectionAuc = [](const Json& m) {
        return m["selection_auc"].isNumber() ? m["selection_auc"].number()
                                             : m["fold9_auc"].number(NAN);
    };
    std::string best;
    double bestAuc = -1;
    for (const Json& s : siblings)
        if (const double auc = selectionAuc(s); std::isfinite(auc) && auc > bestAuc) {
            bestAuc = auc;
            best = s["model"].string();
        }
    md << "## Which model ships and why\n\n"
       << "Selection criterion, fixed before any fold-" << folds
       << " result was seen: the default model is the one with the highest validation AUC on "
          "the PTB-XL fold-9 records — fold 9 for models trained on folds 1–8, the out-of-fold "
          "predictions on the same fold-9 records for a cross-fitted ensemble (whose members "
          "were trained on folds 1–9 but each fold-9 record is scored by the member that never "
          "learnt from it) — so every model is scored on the same records. Candidates must meet "
          "the speed budget (model load <= 200 ms, <= 10 ms per 10 s 12-lead window on one "
          "core, a 24-hour 3-lead recording in <= 60 s on 2 cores; measured by `bench_ml`). "
          "Fold "
       << folds << " (the table below) is reported, never used to choose.\n\n";
    if (best.empty()) {
        md << "No model in this folder has a validation AUC yet.\n\n";
    } else if (best == shipped) {
        md << "Shipped: **" << shipped << "**, the highest validation AUC (" << num(bestAuc)
           << ") of the " << siblings.size() << " models compared below.";
    } else {
        md << "Shipped: **" << shipped << "**; by the criterion above **" << best
           << "** (validation AUC " << num(bestAuc)
           << ") ranks first — the default must be revisited.";
    }
    md << (model["name"].string() == shipped ? " This card is the shipped model's."
                                             : " This card is not the shipped model's.")
       << "\n\n";

    md << "## Comparison of all models on the same fold(s)\n\n"
       << "Every model below was evaluated by `ecglens-cli evaluate` on the same fold-" << folds
       << " records, at its own shipped thresholds.\n\n"
       << "| model | input | validation AUC (fold-9 records) | fold-" << folds
       << " AUC | sensitivity | specificity | Brier | ECE |\n"
       << "|---|---|---|---|---|---|---|---|\n";
    for (const Json& s : siblings) {
        const Json& so = s["overall"];
        const std::string name = s["model"].string();
        md << "| " << name << (name == shipped ? " (shipped)" : "") << " | "
           << (s["input"].isString() ? s["input"].string() : s["arch"].string()) << " | "
           << num(selectionAuc(s))
           << (s["selection_auc_on"].string().find("out-of-fold") != std::string::npos
                   ? " (out of fold)"
                   : "")
           << " | " << ci(so["auc"]) << " | " << ci(so["sensitivity"]) << " | "
           << ci(so["specificity"]) << " | " << ci(so["brier"]) << " | " << ci(so["ece"]) << " |\n";
    }
}

/// The MIT-BIH check (ambulatoryCheck() in metrics.json "ambulatory").
void ambulatorySection(std::ostringstream& md, const Json& a)
{
    md << "## Ambulatory recordings: MIT-BIH Arrhythmia (outside the validation data)\n\n"
       << "The " << count(a["records"]) << " MIT-BIH Arrhythmia records in the shared data "
       << "(30-minute 2-lead Holter recordings, 360 Hz) analysed as the app analyses them (leads "
          "mapped by name, 10 s windows with 50 % overlap, the thresholds of the record's lead "
          "set and age group). Each window is compared with the cardiologists' annotations: it "
          "holds an *event* when "
       << a["event_definition"].string() << " (" << count(a["event_windows"]) << " of "
       << count(a["windows"])
       << " windows). This is not the PTB-XL label: a window without "
          "events can still be an abnormal ECG (hypertrophy, ST changes), so read it as how the "
          "probability track and the flags behave on Holter data, not as accuracy. 95 % CIs from "
          "a bootstrap over records.\n\n"
       << "| measure | value (95 % CI) |\n|---|---|\n"
       << "| window AUC, event vs no event (pooled) | " << ci(a["window_auc"]) << " |\n"
       << "| windows without events that are flagged | " << ci(a["event_free_flagged"]) << " |\n"
       << "| windows with events that are flagged | " << ci(a["event_flagged"]) << " |\n"
       << "| median window AUC within a record (" << count(a["records_with_both_kinds"])
       << " records with both kinds of window) | " << num(a["median_within_record_auc"].number(NAN))
       << " |\n";
    // Older metrics.json files have no such entry.
    if (a["strongest_with_events"].isObject())
        md << "| windows with events, of the " << count(a["strongest_per_record"])
           << " listed to look at first per record (Look first) | "
           << ci(a["strongest_with_events"]) << " |\n"
           << "| windows with events, of all windows | " << ci(a["windows_with_events"]) << " |\n"
           << "| records with both kinds of window whose windows listed first hold events more "
              "often / less often / as often as all their windows | "
           << count(a["strongest_against_record"]["more_often"]) << " / "
           << count(a["strongest_against_record"]["less_often"]) << " / "
           << count(a["strongest_against_record"]["as_often"]) << " |\n";
    md << "\n| record | leads | age | windows | with events | flagged without events | flagged "
          "with events | window AUC | listed first with events |\n"
          "|---|---|---|---|---|---|---|---|---|\n";
    auto share = [](const Json& v) { return v.isNumber() ? num(v.number(), "%.2f") : "-"; };
    for (const Json& r : a["per_record"].items())
        md << "| " << r["record"].string() << " | " << r["leads"].string() << " | "
           << (r["age"].isNumber() ? count(r["age"]) : std::string("-")) << " | "
           << count(r["windows"]) << " | " << count(r["event_windows"]) << " | "
           << share(r["event_free_flagged"]) << " | " << share(r["event_flagged"]) << " | "
           << share(r["window_auc"]) << " | " << share(r["strongest_with_events"]) << " |\n";
    md << "\nWhere records without events are flagged throughout, the flagged-segment list of a "
          "long recording is a list of everything; the probability track's ups and downs within "
          "a record are then the more useful guide, and for a recording over a minute the app "
          "lists its most probable flagged windows, each a minute or more from the others, to "
          "look at first "
          "(`ml::strongestWindows`).\n\n";
}

} // namespace

std::string modelCard(const Json& model, const Json& config, const Json& metrics,
                      const std::vector<Json>& siblings)
{
    std::ostringstream md;
    const bool classical = isClassicalArch(model["arch"].string());
    const bool crossFit = config["cross_fitting"].isString();
    const Json& o = metrics["overall"];
    std::string folds;
    for (const Json& f : metrics["folds"].items())
        folds += (folds.empty() ? "" : ", ") + count(f);
    md << "# Model card: " << model["name"].string() << " " << model["version"].string() << "\n\n"
       << "*Generated by `ecglens-cli evaluate` from `metrics.json`, `model.json` and "
          "`config.json`; no figure in this file is typed by hand.*\n\n"
       << "Version `" << model["version"].string()
       << "`: the date it was stamped and the first 12 hex digits of the SHA-256 of its content "
          "(the weights file's SHA-256 and every other field of `model.json`); any change to "
          "weights, calibration, thresholds or preprocessing gives a new version. The app shows "
          "it in the verdict banner and `ecglens-cli analyze --json` in `model.version`.\n\n"
       << "## Intended use\n\n"
       << "Decision support for clinicians reviewing resting 12-lead and ambulatory ECGs in ECG "
          "Lens: a calibrated probability that a 10 s ECG is abnormal (anything other than a "
          "normal ECG), a Normal / Borderline / Anomalous verdict and flagged segments to review. "
          "**It is decision support, not a diagnosis**: every verdict must be reviewed by a "
          "qualified clinician. Not validated for children (< 18 years), pacemaker rhythms, or "
          "recordings outside the conditions listed under Limitations.\n\n"
       << "## Data\n\n"
       << "Trained and evaluated on PTB-XL (Wagner, P., Strodthoff, N., Bousseljot, R.-D. et al. "
          "*PTB-XL, a large publicly available electrocardiography dataset*. Scientific Data 7, "
          "154 (2020); PhysioNet), licence Creative Commons Attribution 4.0 — the subset of "
          "1,810 records in the project's shared data, 100 Hz versions, 12 leads, 10 s.\n\n"
       << "- Label: normal when `scp_codes` has `NORM` with likelihood >= 50, otherwise "
          "abnormal.\n"
       << "- Patient-wise folds from `strat_fold`: "
       << (crossFit ? "1–9 cross-fitted (" + count(config["train_records"]) + " records; " +
                          config["cross_fitting"].string() +
                          "), so \"fold-9\" below means "
                          "out-of-fold on folds 1–9; evaluation fold(s) "
                    : "1–8 training (" + count(config["train_records"]) +
                          " records), 9 validation (" + count(config["validation_records"]) +
                          " records: " + (classical ? "hyperparameters" : "early stopping") +
                          ", Platt calibration, thresholds), evaluation fold(s) ")
       << folds << " (" << count(o["n"]) << " records, " << count(o["n_abnormal"])
       << " abnormal) — never used for any choice.\n"
       << "- Input: " << config["normalisation"].string();
    if (classical) {
        md << "; age in years and sex (female = 1) from the database.\n\n";
        classicalTraining(md, model, config);
    } else {
        md << "; missing leads are zero. Training used lead dropout (probability "
           << num(config["lead_dropout"].number(), "%.2f")
           << " per example: 6 limb leads, II+V1, II only, or a random subset) so one model "
              "serves reduced lead sets.\n\n"
           << "## Model and training\n\n"
           << "- Architecture `" << model["arch"].string() << "`, " << count(config["parameters"])
           << " parameters.\n"
           << "- Seed " << count(config["seed"]) << ", batch " << count(config["batch_size"])
           << ", peak learning rate " << num(config["learning_rate"].number(), "%g") << " ("
           << config["schedule"].string() << "), weight decay "
           << num(config["weight_decay"].number(), "%g") << ", augmentation "
           << (config["augment"].boolean() ? "on (circular shift, amplitude scale, noise, baseline "
                                             "wander)"
                                           : "off")
           << "; " << count(config["epochs_run"]) << " of at most " << count(config["epochs_max"])
           << " epochs, "
           << (crossFit ? std::string("the last one kept (no early stopping)")
                        : "best fold-9 epoch " + count(config["best_epoch"]))
           << "; " << num(config["seconds"].number() / 60.0, "%.1f") << " min wall time"
           << (config["cpu_seconds"].isNumber()
                   ? " (" + num(config["cpu_seconds"].number() / 60.0, "%.1f") + " min CPU)"
                   : std::string())
           << " with " << count(config["threads"]) << " threads, data loading included.\n";
        if (config["auxiliary_labels"].isArray()) {
            std::string labels;
            for (const auto& l : config["auxiliary_labels"].items())
                labels += (labels.empty() ? "" : ", ") + l.string();
            md << "- Auxiliary labels (`--aux " << config["auxiliary"].string()
               << "`): besides normal / abnormal, each member learnt " << labels
               << " with its own training-only linear head on the pooled features (loss weight "
               << num(config["auxiliary_weight"].number(), "%g")
               << "; the labels from PTB-XL's scp_statements.csv); the heads are not shipped and "
                  "the output is the normal / abnormal head alone.\n";
        }
        md << "- Calibration: Platt scaling on " << model["calibration"]["fitted_on"].string()
           << ", a = " << num(model["calibration"]["a"].number(), "%.4f")
           << ", b = " << num(model["calibration"]["b"].number(), "%.4f") << ".\n";
    }
    md << "- Fold-9 AUC by lead set:";
    for (const auto& [set, auc] : config["fold9_auc_by_lead_set"].members())
        md << " " << set << ": " << num(auc.number());
    md << ".\n"
       << "- Thresholds on the calibrated probability, chosen on "
       << model["thresholds"]["chosen_on"].string() << " by the rule every ECG Lens model uses "
       << "(`ml::chooseThresholds`): " << model["thresholds"]["rule"].string() << ".\n\n"
       << "| age group | held-out records | held-out abnormal | chosen on | borderline >= | "
          "anomalous >= |\n"
       << "|---|---|---|---|---|---|\n";
    for (const auto& [g, t] : model["thresholds"]["by_age_group"].members())
        md << "| " << g << " | " << count(t["fold9_records"]) << " | " << count(t["fold9_abnormal"])
           << " | "
           << (t["chosen_on_groups"].isString() ? t["chosen_on_groups"].string() + " (" +
                                                      count(t["chosen_on_abnormal"]) + " abnormal)"
                                                : g)
           << " | " << num(t["borderline"].number(), "%.4f") << " | "
           << num(t["anomalous"].number(), "%.4f") << " |\n";
    md << "| unknown age | | | | " << num(model["thresholds"]["borderline"].number(), "%.4f")
       << " | " << num(model["thresholds"]["anomalous"].number(), "%.4f") << " |\n\n"
       << "A group with few abnormal held-out records is pooled with its neighbour(s) (see "
          "\"chosen on\"); its own sensitivity is then not guaranteed, and a low threshold "
          "costs specificity.\n\n";
    if (const Json& bySet = model["thresholds_by_lead_set"]; !bySet.members().empty()) {
        md << "Reduced lead sets have their own thresholds, chosen by the same rule on the same "
              "held-out records scored with only those leads (the others zero); a recording "
              "gets the set nearest to its leads (`ml::nearestLeadSet`). Borderline / anomalous:"
              "\n\n| lead set";
        for (const std::string& g : thresholdAgeGroups())
            md << " | " << g;
        md << " | unknown age |\n|---";
        for (std::size_t i = 0; i <= thresholdAgeGroups().size(); ++i)
            md << "|---";
        md << "|\n";
        for (const auto& [set, th] : bySet.members()) {
            md << "| " << set;
            for (const std::string& g : thresholdAgeGroups())
                md << " | " << num(th["by_age_group"][g]["borderline"].number(NAN), "%.4f") << " / "
                   << num(th["by_age_group"][g]["anomalous"].number(NAN), "%.4f");
            md << " | " << num(th["borderline"].number(NAN), "%.4f") << " / "
               << num(th["anomalous"].number(NAN), "%.4f") << " |\n";
        }
        md << "\n";
    }

    md << "## Results on fold(s) " << folds << " (12 leads)\n\n"
       << "Bootstrap 95 % confidence intervals (" << count(metrics["bootstrap_rounds"])
       << " resamples of records, percentile method). Threshold metrics at each record's age-group "
          "anomalous "
          "threshold.\n\n"
       << "| metric | value (95 % CI) |\n|---|---|\n"
       << "| AUC | " << ci(o["auc"]) << " |\n"
       << "| sensitivity (recall) | " << ci(o["sensitivity"]) << " |\n"
       << "| specificity | " << ci(o["specificity"]) << " |\n"
       << "| precision | " << ci(o["precision"]) << " |\n"
       << "| F1 | " << ci(o["f1"]) << " |\n"
       << "| accuracy | " << ci(o["accuracy"]) << " |\n"
       << "| sensitivity at borderline threshold | " << ci(o["sensitivity_at_borderline"]) << " |\n"
       << "| specificity at borderline threshold | " << ci(o["specificity_at_borderline"]) << " |\n"
       << "| Brier score | " << ci(o["brier"]) << " |\n"
       << "| expected calibration error (10 bins) | " << ci(o["ece"]) << " |\n\n"
       << "ROC points are in `metrics.json` (`overall.roc_points_threshold_fpr_tpr`).\n\n";
    if (const Json& cc = o["ece_if_perfectly_calibrated"]; cc.isObject()) {
        const double pv = cc["p_value"].number(NAN);
        md << "Calibration check: were the predicted probabilities exactly right, labels drawn "
              "from them would give an ECE of "
           << num(cc["median"].number(NAN)) << " (median; 95th percentile "
           << num(cc["p95"].number(NAN)) << ") on these " << count(o["n"])
           << " records — a small test set has a large ECE even for a calibrated model. The "
              "observed ECE is reached or exceeded in "
           << num(100.0 * pv, "%.1f") << " % of such draws, so miscalibration is "
           << (pv < 0.05 ? "**shown** at the 5 % level" : "not shown at the 5 % level") << ".\n\n";
    }

    if (const Json& rel = o["reliability"]; rel.isArray() && !rel.items().empty()) {
        md << "Reliability (the 10 bins of the ECE; observed = fraction abnormal, Wilson 95 % "
              "interval):\n\n"
           << "| predicted probability | records | abnormal | mean predicted | observed |\n"
           << "|---|---|---|---|---|\n";
        for (const Json& b : rel.items()) {
            if (b["n"].number(0) <= 0)
                continue;
            md << "| " << num(b["low"].number(NAN), "%.1f") << "–"
               << num(b["high"].number(NAN), "%.1f") << " | " << count(b["n"]) << " | "
               << count(b["abnormal"]) << " | " << num(b["mean_predicted"].number(NAN)) << " | "
               << num(b["observed"].number(NAN)) << " (" << num(b["observed_ci_low"].number(NAN))
               << "–" << num(b["observed_ci_high"].number(NAN)) << ") |\n";
        }
        md << "\n";
    }

    auto groupTable = [&](const Json& groups) {
        md << "| group | n | abnormal | AUC | sensitivity | specificity | accuracy |\n"
           << "|---|---|---|---|---|---|---|\n";
        for (const auto& [name, g] : groups.members())
            md << "| " << name << " | " << count(g["n"]) << " | " << count(g["n_abnormal"]) << " | "
               << ci(g["auc"]) << " | " << ci(g["sensitivity"]) << " | " << ci(g["specificity"])
               << " | " << ci(g["accuracy"]) << " |\n";
        md << "\n";
    };
    md << "## Fairness: by age group and sex (12 leads)\n\n";
    groupTable(metrics["by_age_group"]);
    groupTable(metrics["by_sex"]);
    md << "Small groups give wide intervals; a group without both classes has no AUC.\n\n";
    if (const Json& missed = metrics["missed_abnormal"]; missed.isArray()) {
        std::set<int> patients;
        int minors = 0, paced = 0, borderline = 0;
        for (const Json& r : missed.items()) {
            if (const int id = int(r["patient_id"].number(0)); id > 0)
                patients.insert(id); // PTB-XL always has patient_id
            minors += r["age"].isNumber() && r["age"].number() < 18 ? 1 : 0;
            for (const Json& c : r["scp_codes"].items())
                paced += c.string() == "PACE" ? 1 : 0;
            borderline += r["below_borderline"].boolean() ? 0 : 1;
        }
        md << "Abnormal test records below their anomalous threshold (12 leads; "
           << missed.items().size() << " of " << count(o["n_abnormal"]) << " ECGs, from "
           << patients.size() << " patient(s)), lowest probability first: the abnormal ECGs the "
           << "model did not flag as Anomalous; " << borderline
           << " of them got a Borderline verdict (\"below borderline\" no), the others Normal. "
           << "Outside the intended use stated above: " << minors
           << " ECG(s) of patients under 18 (the app warns), " << paced
           << " pacemaker ECG(s) (PACE). Statements are PTB-XL's `scp_codes` (meanings in "
              "`scp_statements.csv`).\n\n";
        if (!missed.items().empty()) {
            md << "| ecg_id | patient_id | age | sex | probability | anomalous from | below "
                  "borderline | statements |\n"
               << "|---|---|---|---|---|---|---|---|\n";
            for (const Json& r : missed.items()) {
                std::string codes;
                for (const Json& c : r["scp_codes"].items())
                    codes += (codes.empty() ? "" : ", ") + c.string();
                md << "| " << count(r["ecg_id"]) << " | " << count(r["patient_id"]) << " | "
                   << (r["age"].isNumber() ? num(r["age"].number(), "%.0f") : std::string("-"))
                   << " | " << r["sex"].string() << " | " << num(r["probability"].number(NAN))
                   << " | " << num(r["anomalous_threshold"].number(NAN), "%.4f") << " | "
                   << (r["below_borderline"].boolean() ? "yes" : "no") << " | " << codes << " |\n";
            }
            md << "\n";
        }
    }
    if (const Json& f = metrics["out_of_fold"]; f.isObject()) {
        md << "## Out-of-fold estimate on folds 1–9 (larger, not independent)\n\n"
           << "Every record of folds 1–9 scored by the ensemble member that never learned from "
              "its fold, with the shipped calibration and age-group thresholds (12 leads). It has "
           << count(f["n"]) << " records against the test fold's " << count(o["n"])
           << ", so its intervals are narrower, but it is **not** an independent test: the "
              "calibration and the thresholds were fitted on these very predictions (so "
              "sensitivity and calibration error here are optimistic by construction) and the "
              "architecture and training length were chosen by their AUC. One member scores each "
              "record here; the shipped output averages all members. Fold 10 holds only records "
              "whose report a cardiologist validated; the last row is the records of folds 1–9 "
              "that are marked so.\n\n"
           << "| records | n | abnormal | AUC | sensitivity | specificity | ECE (10 bins) | Brier "
              "|\n"
           << "|---|---|---|---|---|---|---|---|\n";
        auto row = [&](const std::string& name, const Json& g) {
            md << "| " << name << " | " << count(g["n"]) << " | " << count(g["n_abnormal"]) << " | "
               << ci(g["auc"]) << " | " << ci(g["sensitivity"]) << " | " << ci(g["specificity"])
               << " | " << ci(g["ece"]) << " | " << ci(g["brier"]) << " |\n";
        };
        row("all, folds 1–9", f);
        for (const auto& [name, g] : f["by_age_group"].members())
            row("age " + name, g);
        row("validated by a cardiologist", f["validated_by_human"]);
        md << "\n";
        auto drawsSentence = [&](const Json& d, const std::string& how) {
            if (!d.isObject())
                return;
            const Json& auc = d["auc"];
            const Json& ece = d["ece"];
            md << how << ", " << count(auc["draws"])
               << " draws without replacement: these predictions give an AUC of "
               << num(auc["median"].number(NAN)) << " (median; 5th percentile "
               << num(auc["p5"].number(NAN)) << "), at or below the test fold's "
               << num(auc["test_value"].number(NAN)) << " in "
               << num(100.0 * auc["share_at_or_below_test"].number(NAN), "%.1f")
               << " % of draws, and an ECE of " << num(ece["median"].number(NAN))
               << " (median; 95th percentile " << num(ece["p95"].number(NAN))
               << "), at or above the test fold's " << num(ece["test_value"].number(NAN)) << " in "
               << num(100.0 * ece["share_at_or_above_test"].number(NAN), "%.1f")
               << " % of draws.\n\n";
        };
        drawsSentence(f["test_sized_draws"], "Drawn " + count(f["test_sized_draws"]["size"]) +
                                                 " at a time (the test fold's size)");
        drawsSentence(f["test_composition_draws"],
                      "Drawn with the test fold's composition (as many normal and abnormal "
                      "records of each age group as it holds)");
    }
    if (classical) {
        md << "## Reduced lead sets\n\n"
           << "Not evaluated: the measurements (axes, intervals) are taken from all 12 leads; "
              "with fewer leads some are missing or measured differently.\n\n";
    } else {
        md << "## Reduced lead sets (same model, absent leads zero)\n\n"
           << "`limb6` = I, II, III, aVR, aVL, aVF; `2` = II + V1 (like MIT-BIH); `1` = II; "
              "`v1` = V1 alone (a bedside monitoring lead such as MCL1, read as V1); `v5` = V5 "
              "alone (a Holter lead such as CM5); `chest6` = V1-V6. Sensitivity and specificity "
              "are at each set's own thresholds when the model has them (see above), else at "
              "those of the nearest set it has. Where a row's specificity is low, long "
              "recordings with that lead set are flagged for much of their length. A model with "
              "lead-set thresholds gives no verdict on a recording that holds none of its sets "
              "(`v1`, `v5`, `chest6` here: `ml::containsLeadSet`). A recording with two limb "
              "leads (I + II, II + III, I + aVF, ...) is scored as `limb6`: the app computes the "
              "other four as electrocardiographs do (`ml::deriveLimbLeads`), and on PTB-XL's "
              "records they equal the stored ones within 3 uV.\n\n";
        groupTable(metrics["by_lead_set"]);
    }
    if (const Json& a = metrics["ambulatory"]; a.isObject())
        ambulatorySection(md, a);

    selectionSection(md, model, siblings, folds);
    md << "\n## Limitations\n\n"
       << "- Small evaluation set: the test fold of the shared data holds only " << count(o["n"])
       << " records, so the confidence intervals are wide; the targets (AUC >= 0.92, "
          "sensitivity >= 0.90 in every age group, ECE <= 0.05) must be read against the "
          "intervals, not the point estimates.\n"
       << "- Trained on " << count(config["train_records"])
       << " records from one source (PTB, Germany, 1989–1996); devices, populations and "
          "label conventions elsewhere differ.\n"
       << "- Binary normal/abnormal only; it does not say which abnormality.\n";
    if (classical)
        md << "- Its inputs are ECG Lens's own automatic measurements: a delineation error (e.g. "
              "a missed P wave, a wrong T end) changes the prediction; the missing indicators "
              "only cover values the delineation leaves empty. On PTB-XL only whole 10 s "
              "12-lead records were evaluated; the MIT-BIH check above shows how it behaves on "
              "2-lead Holter windows.\n";
    else
        md << "- Reduced lead sets, other sampling rates (resampled to 100 Hz) and long ambulatory "
              "recordings (10 s windows with 50 % overlap) are outside the data it was validated "
              "on: lead masking above simulates fewer leads, and the MIT-BIH check above shows "
              "how it behaves on real Holter records; the app warns in those cases.\n";
    md << "- Children and adolescents (< 18 years) are not represented in a way that was "
          "validated.\n";
    return md.str();
}

} // namespace ecglens::ml
