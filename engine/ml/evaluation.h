#pragma once

// Honest evaluation of a model folder on PTB-XL folds (default: the test fold 10) and the model
// card generated from the numbers (nothing typed by hand).

#include "core/result.h"
#include "ml/json_lite.h"
#include "ml/metrics.h"

#include <functional>
#include <string>
#include <vector>

namespace ecglens::ml {

struct EvaluationConfig
{
    std::string dataDir;
    std::string modelDir;
    std::vector<int> folds{10};
    int bootstrapRounds = 2000;
    std::uint64_t seed = 20201;
    /// Also run ambulatoryCheck() on DATA/mitdb (MIT-BIH Arrhythmia).
    bool ambulatory = true;
    /// For a cross-fitted ensemble evaluated on folds outside 1-9: also the out-of-fold estimate
    /// on folds 1-9 (metrics.json "out_of_fold").
    bool outOfFold = true;
};

/// {"value", "ci_low", "ci_high"}: how metrics.json holds an interval.
Json intervalJson(const Interval& interval);

/// Metrics with bootstrap 95 % CIs: overall, by age group and sex, and by lead set, at the
/// model's shipped thresholds; ROC points. The result is what metrics.json holds.
Result<Json> evaluateModel(const EvaluationConfig& config,
                           const std::function<void(const std::string&)>& log = {});

/// Writes metrics.json and MODEL_CARD.md into the model folder (the card includes a comparison
/// with every sibling model folder that has a metrics.json for the same folds) and refreshes
/// manifest.json so it covers them.
Result<bool> writeEvaluation(const std::string& modelDir, const Json& metrics);

/// The model card text for a model folder and its metrics (siblings: other models' metrics).
std::string modelCard(const Json& model, const Json& config, const Json& metrics,
                      const std::vector<Json>& siblings);

} // namespace ecglens::ml
