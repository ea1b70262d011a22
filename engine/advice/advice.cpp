#include "advice/advice.h"

#include "dsp/measurements.h"
#include "dsp/rhythm.h"
#include "ml/detector.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ecglens::advice {

namespace {

/// "45" or "49.9": whole numbers without decimals, others with one, so a value just below a
/// threshold never reads as the threshold itself.
std::string numberText(double v)
{
    char buf[32];
    if (std::abs(v - std::round(v)) < 1e-9)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

double measured(const AdviceInput& in, Rule::Measure m)
{
    switch (m) {
    case Rule::Measure::HeartRateBpm:
        return in.heartRateBpm;
    case Rule::Measure::PrMs:
        return in.prMs;
    case Rule::Measure::QrsMs:
        return in.qrsMs;
    case Rule::Measure::QtcMs:
        return in.qtcMs;
    case Rule::Measure::DurationS:
        return in.durationS;
    }
    return kMissing;
}

std::string measureText(const AdviceInput& in, Rule::Measure m, double v)
{
    switch (m) {
    case Rule::Measure::HeartRateBpm:
        return "heart rate " + numberText(v) + " bpm";
    case Rule::Measure::PrMs:
        return "PR " + numberText(v) + " ms";
    case Rule::Measure::QrsMs:
        return "QRS " + numberText(v) + " ms";
    case Rule::Measure::QtcMs:
        return "QTc " + numberText(v) + " ms (" + in.qtcFormula + ")";
    case Rule::Measure::DurationS:
        return "recording " + numberText(std::round(v)) + " s";
    }
    return {};
}

bool compare(double value, Rule::Op op, double threshold)
{
    switch (op) {
    case Rule::Op::Less:
        return value < threshold;
    case Rule::Op::Greater:
        return value > threshold;
    case Rule::Op::AtLeast:
        return value >= threshold;
    }
    return false;
}

bool patientMatches(const Rule& rule, const AdviceInput& in, double adultAgeYears)
{
    const bool ageKnown = in.ageYears.has_value();
    if (rule.ageUnknownOnly && ageKnown)
        return false;
    if ((rule.ageMinYears || rule.ageMaxYears) && !ageKnown)
        return false;
    if (rule.ageMinYears && *in.ageYears < *rule.ageMinYears)
        return false;
    if (rule.ageMaxYears && *in.ageYears >= *rule.ageMaxYears)
        return false;
    if (rule.adultCriteria && ageKnown && *in.ageYears < adultAgeYears)
        return false;
    return !rule.sex || *rule.sex == in.sex;
}

/// The trigger's part of the basis, or nothing when the rule does not fire.
std::optional<std::string> triggered(const Rule& rule, const AdviceInput& in)
{
    switch (rule.trigger) {
    case Rule::Trigger::Always:
        return std::string();
    case Rule::Trigger::Measure: {
        const double v = measured(in, rule.measure);
        if (!std::isfinite(v) || !compare(v, rule.op, rule.threshold))
            return std::nullopt;
        return measureText(in, rule.measure, v);
    }
    case Rule::Trigger::Finding:
        if (std::find(in.findingCodes.begin(), in.findingCodes.end(), rule.finding) ==
            in.findingCodes.end())
            return std::nullopt;
        return "rhythm finding " + rule.finding;
    case Rule::Trigger::Verdict: {
        if (in.verdict != rule.verdict)
            return std::nullopt;
        std::string text = std::string("detector verdict ") + verdictStateName(in.verdict);
        if (in.probability) {
            char buf[48];
            std::snprintf(buf, sizeof buf, " (probability of abnormal %.3f)", *in.probability);
            text += buf;
        }
        return text;
    }
    }
    return std::nullopt;
}

std::string patientText(const Rule& rule, const AdviceInput& in)
{
    std::string text;
    if (rule.sex)
        text = in.sex == Sex::Male     ? "man, "
               : in.sex == Sex::Female ? "woman, "
                                       : "sex not recorded, ";
    text += in.ageYears ? "age " + numberText(std::floor(*in.ageYears * 10.0) / 10.0)
                        : std::string("age not recorded");
    return text;
}

double positiveOrMissing(double v)
{
    return std::isfinite(v) && v > 0 ? v : kMissing;
}

} // namespace

const char* verdictStateName(VerdictState verdict)
{
    switch (verdict) {
    case VerdictState::None:
        return "none";
    case VerdictState::Normal:
        return "normal";
    case VerdictState::Borderline:
        return "borderline";
    case VerdictState::Anomalous:
        return "anomalous";
    }
    return "none";
}

const Catalogue& builtinCatalogue()
{
    static const Catalogue catalogue = [] {
        auto parsed = parseCatalogue(builtinCatalogueJson());
        return parsed ? std::move(parsed).value() : Catalogue{};
    }();
    return catalogue;
}

std::vector<AdviceItem> adviceFor(const AdviceInput& input, const Catalogue& catalogue)
{
    std::vector<AdviceItem> items;
    for (const Rule& rule : catalogue.rules) {
        if (!rule.withheld.empty())
            continue;
        if (!patientMatches(rule, input, catalogue.adultAgeYears))
            continue;
        const auto trigger = triggered(rule, input);
        if (!trigger)
            continue;
        AdviceItem item;
        item.code = rule.code;
        item.severity = rule.severity;
        item.title = rule.title;
        item.text = rule.text;
        item.basis = trigger->empty() ? patientText(rule, input)
                                      : *trigger + "; " + patientText(rule, input);
        item.source = rule.source;
        items.push_back(std::move(item));
    }
    std::stable_sort(items.begin(), items.end(), [](const AdviceItem& a, const AdviceItem& b) {
        return static_cast<int>(a.severity) > static_cast<int>(b.severity);
    });
    return items;
}

double gradedQtcMs(const dsp::IntervalValues& values)
{
    return values.qtcFridericiaMs;
}

AdviceInput inputFor(const Patient& patient, double durationS, int leadCount,
                     const dsp::Measurements* measurements,
                     const std::vector<dsp::Finding>& findings, const ml::Analysis* detection)
{
    AdviceInput in;
    in.ageYears = patient.ageYears;
    in.sex = patient.sex;
    in.durationS = positiveOrMissing(durationS);
    in.leadCount = leadCount;
    if (measurements && measurements->values.beatCount > 0) {
        const dsp::IntervalValues& v = measurements->values;
        in.heartRateBpm = positiveOrMissing(v.heartRateBpm);
        in.prMs = positiveOrMissing(v.prMs);
        in.qrsMs = positiveOrMissing(v.qrsMs);
        in.qtMs = positiveOrMissing(v.qtMs);
        in.qtcMs = positiveOrMissing(gradedQtcMs(v));
        in.qtcFormula = kGradedQtcFormula;
    }
    for (const dsp::Finding& f : findings)
        if (std::find(in.findingCodes.begin(), in.findingCodes.end(), f.code) ==
            in.findingCodes.end())
            in.findingCodes.push_back(f.code);
    if (detection) {
        in.probability = detection->probability;
        switch (detection->verdict) {
        case ml::Verdict::Normal:
            in.verdict = VerdictState::Normal;
            break;
        case ml::Verdict::Borderline:
            in.verdict = VerdictState::Borderline;
            break;
        case ml::Verdict::Anomalous:
            in.verdict = VerdictState::Anomalous;
            break;
        }
    }
    return in;
}

AdviceInput inputFor(const Recording& recording, const dsp::Measurements* measurements,
                     const std::vector<dsp::Finding>& findings, const ml::Analysis* detection)
{
    return inputFor(recording.patient, recording.durationS(), int(recording.leads.size()),
                    measurements, findings, detection);
}

} // namespace ecglens::advice
