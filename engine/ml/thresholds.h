#pragma once

// The one rule that turns held-out calibrated probabilities into the per-age-group Borderline /
// Anomalous thresholds of every model (neural and measurement models alike).

#include "ml/json_lite.h"

#include <optional>
#include <string>
#include <vector>

namespace ecglens::ml {

struct Thresholds
{
    double borderline = 0.5; ///< calibrated probability at or above which a record is borderline
    double anomalous = 0.5;  ///< calibrated probability at or above which it is anomalous
};

/// Parameters of the threshold rule; the defaults are the shipped rule (see thresholdRule()).
struct ThresholdRule
{
    double anomalousSensitivity = 0.95;  ///< a margin over the 0.90 target
    double borderlineSensitivity = 0.98; ///< borderline is also kept strictly below anomalous
    int minGroupAbnormal = 20; ///< fewer held-out abnormal records: pool with neighbouring groups
};

/// Thresholds of one age group and the held-out records they were chosen on.
struct AgeGroupThresholds
{
    std::string group; ///< "<40", "40-64", ">=65"
    Thresholds thresholds;
    int records = 0;            ///< held-out records in the group itself
    int abnormal = 0;           ///< of which abnormal
    std::string chosenOnGroups; ///< e.g. "<40 + 40-64" when pooled
    int chosenOnAbnormal = 0;   ///< abnormal records of the pooled groups
};

struct ThresholdChoice
{
    std::vector<AgeGroupThresholds> groups; ///< "<40", "40-64", ">=65" in that order
    Thresholds unknownAge; ///< the lowest (most sensitive) of the groups' thresholds
};

/// The age groups of the thresholds, youngest first.
const std::vector<std::string>& thresholdAgeGroups();

/// Largest threshold t at which every age group with positives has sensitivity >= target on
/// (probs, labels, ages); groups as ageGroup(); 1.0 without positives.
double thresholdForSensitivity(const std::vector<double>& probs, const std::vector<int>& labels,
                               const std::vector<double>& ages, double target);

/// Per-age-group thresholds from held-out calibrated probabilities (0-1), labels (1 = abnormal)
/// and ages (years; < 0 = unknown, such records count in no group): anomalous = largest
/// probability with sensitivity >= rule.anomalousSensitivity in the group, borderline the same
/// for rule.borderlineSensitivity and strictly below anomalous; a group with fewer than
/// rule.minGroupAbnormal abnormal records is pooled with its neighbour(s) (younger first, then
/// older) until it has enough; a pool without any abnormal record gets 0.5.
ThresholdChoice chooseThresholds(const std::vector<double>& probs, const std::vector<int>& labels,
                                 const std::vector<double>& ages, const ThresholdRule& rule = {});

/// The text of the shipped rule, as stored in model.json and printed in the model card.
const char* thresholdRule();

/// model.json "thresholds": the choice, where it was chosen (`source`) and the rule text.
Json thresholdsJson(const ThresholdChoice& choice, const std::string& source);

/// Reads model.json "thresholds": the general (unknown age) and the per-age-group thresholds.
void readThresholds(const Json& thresholds, Thresholds& unknownAge,
                    std::vector<std::pair<std::string, Thresholds>>& byAgeGroup);

/// The thresholds for a patient age (years): the age group's, else `unknownAge`.
Thresholds thresholdsForAge(const std::vector<std::pair<std::string, Thresholds>>& byAgeGroup,
                            const Thresholds& unknownAge, std::optional<double> ageYears);

} // namespace ecglens::ml
