#include "ml/thresholds.h"

#include "ml/ptbxl.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace ecglens::ml {

const std::vector<std::string>& thresholdAgeGroups()
{
    static const std::vector<std::string> groups{"<40", "40-64", ">=65"};
    return groups;
}

double thresholdForSensitivity(const std::vector<double>& probs, const std::vector<int>& labels,
                               const std::vector<double>& ages, double target)
{
    std::map<std::string, std::vector<double>> positives;
    for (std::size_t i = 0; i < probs.size(); ++i)
        if (labels[i] == 1)
            positives[ageGroup(ages[i])].push_back(probs[i]);
    double t = 1.0;
    for (auto& [group, p] : positives) {
        std::sort(p.begin(), p.end(), std::greater<>());
        const std::size_t k = std::size_t(std::ceil(target * double(p.size()) - 1e-9));
        t = std::min(t, p[std::min(p.size(), std::max<std::size_t>(k, 1)) - 1]);
    }
    return t;
}

ThresholdChoice chooseThresholds(const std::vector<double>& probs, const std::vector<int>& labels,
                                 const std::vector<double>& ages, const ThresholdRule& rule)
{
    const auto& names = thresholdAgeGroups();
    auto groupIndex = [&](double age) {
        const std::string g = ageGroup(age);
        for (std::size_t k = 0; k < names.size(); ++k)
            if (names[k] == g)
                return int(k);
        return -1;
    };
    std::vector<int> positives(names.size(), 0), records(names.size(), 0);
    for (std::size_t i = 0; i < probs.size(); ++i)
        if (const int g = groupIndex(ages[i]); g >= 0) {
            ++records[std::size_t(g)];
            positives[std::size_t(g)] += labels[i] == 1 ? 1 : 0;
        }
    ThresholdChoice choice;
    choice.unknownAge = {1.0, 1.0};
    for (std::size_t g = 0; g < names.size(); ++g) {
        // Pool with the neighbouring group(s) while too few abnormal records.
        std::size_t lo = g, hi = g;
        auto pooledPositives = [&] {
            int n = 0;
            for (std::size_t k = lo; k <= hi; ++k)
                n += positives[k];
            return n;
        };
        while (pooledPositives() < rule.minGroupAbnormal &&
               (lo > 0 || hi + 1 < names.size())) {
            if (lo > 0)
                --lo;
            if (pooledPositives() < rule.minGroupAbnormal && hi + 1 < names.size())
                ++hi;
        }
        std::vector<double> p, pseudoAge;
        std::vector<int> y;
        for (std::size_t i = 0; i < probs.size(); ++i)
            if (const int k = groupIndex(ages[i]); k >= int(lo) && k <= int(hi)) {
                p.push_back(probs[i]);
                y.push_back(labels[i] == 1 ? 1 : 0);
                pseudoAge.push_back(20.0); // one pseudo-group: the pooled records
            }
        const int pos = pooledPositives();
        AgeGroupThresholds t;
        t.group = names[g];
        t.thresholds.anomalous =
            pos ? thresholdForSensitivity(p, y, pseudoAge, rule.anomalousSensitivity) : 0.5;
        t.thresholds.borderline =
            pos ? thresholdForSensitivity(p, y, pseudoAge, rule.borderlineSensitivity) : 0.5;
        // Borderline strictly below anomalous.
        t.thresholds.borderline = std::min(t.thresholds.borderline, 0.999 * t.thresholds.anomalous);
        t.records = records[g];
        t.abnormal = positives[g];
        for (std::size_t k = lo; k <= hi; ++k)
            t.chosenOnGroups += (t.chosenOnGroups.empty() ? "" : " + ") + names[k];
        t.chosenOnAbnormal = pos;
        choice.unknownAge.anomalous = std::min(choice.unknownAge.anomalous, t.thresholds.anomalous);
        choice.unknownAge.borderline =
            std::min(choice.unknownAge.borderline, t.thresholds.borderline);
        choice.groups.push_back(t);
    }
    return choice;
}

const char* thresholdRule()
{
    return "per age group (<40, 40-64, >=65) on held-out calibrated probabilities (fold 9, or "
           "out-of-fold on folds 1-9 for a cross-fitted ensemble): anomalous = largest "
           "probability with sensitivity >= 0.95 (a margin over the 0.90 target), borderline = "
           "the same for 0.98 and strictly below anomalous; a group with fewer than 20 abnormal "
           "held-out records is pooled with its neighbouring group(s) until it has 20; unknown "
           "age: the lowest of the groups' thresholds";
}

Json thresholdsJson(const ThresholdChoice& choice, const std::string& source)
{
    Json groups = Json::object();
    for (const AgeGroupThresholds& g : choice.groups) {
        Json t = Json::object();
        t.set("borderline", g.thresholds.borderline);
        t.set("anomalous", g.thresholds.anomalous);
        t.set("fold9_records", (long long)g.records);
        t.set("fold9_abnormal", g.abnormal);
        t.set("chosen_on_groups", g.chosenOnGroups);
        t.set("chosen_on_abnormal", g.chosenOnAbnormal);
        groups.set(g.group, t);
    }
    Json th = Json::object();
    th.set("borderline", choice.unknownAge.borderline);
    th.set("anomalous", choice.unknownAge.anomalous);
    th.set("by_age_group", groups);
    th.set("chosen_on", source);
    th.set("rule", thresholdRule());
    return th;
}

void readThresholds(const Json& th, Thresholds& unknownAge,
                    std::vector<std::pair<std::string, Thresholds>>& byAgeGroup)
{
    unknownAge.borderline = th["borderline"].number(0.5);
    unknownAge.anomalous = th["anomalous"].number(0.5);
    byAgeGroup.clear();
    for (const auto& [group, t] : th["by_age_group"].members())
        byAgeGroup.push_back(
            {group, Thresholds{t["borderline"].number(0.5), t["anomalous"].number(0.5)}});
}

Thresholds thresholdsForAge(const std::vector<std::pair<std::string, Thresholds>>& byAgeGroup,
                            const Thresholds& unknownAge, std::optional<double> ageYears)
{
    if (ageYears) {
        const std::string group = ageGroup(*ageYears);
        for (const auto& [g, t] : byAgeGroup)
            if (g == group)
                return t;
    }
    return unknownAge;
}

} // namespace ecglens::ml
