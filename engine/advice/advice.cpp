#include "advice/advice.h"

#include "core/lead_names.h"
#include "core/text.h"
#include "dsp/measurements.h"
#include "dsp/rhythm.h"
#include "dsp/st_segment.h"
#include "ml/detector.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

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

/// "0.25": ST levels and their thresholds, to the hundredth of a millivolt (0.1 mm at 10 mm/mV).
std::string millivoltText(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

/// The levels of the standard leads (any spelling) that `meets` accepts (by standard name; NaN
/// levels fail every comparison) and that have a contiguous lead it accepts too, in the levels'
/// order.
template <typename Meets>
std::vector<dsp::StLevel> contiguousLeads(const std::vector<dsp::StLevel>& levels, Meets meets)
{
    std::vector<std::string> names; // standard names of the levels that meet it, else ""
    std::set<std::string> met;
    for (const dsp::StLevel& l : levels) {
        const std::string name = normaliseLeadName(l.lead);
        const bool meetsIt = standardLeadIndex(name) >= 0 && meets(name, l);
        names.push_back(meetsIt ? name : std::string());
        if (meetsIt)
            met.insert(name);
    }
    std::set<std::string> paired;
    for (const auto& [a, b] : contiguousLeadPairs())
        if (met.count(a) && met.count(b))
            paired.insert({a, b});
    std::vector<dsp::StLevel> out;
    for (std::size_t i = 0; i < levels.size(); ++i)
        if (paired.count(names[i]))
            out.push_back(levels[i]);
    return out;
}

/// "V2 0.26 mV, V3 0.21 mV": the levels at J of `levels`, by standard lead name.
std::string levelsAtJText(const std::vector<dsp::StLevel>& levels)
{
    std::string listed;
    for (const dsp::StLevel& l : levels)
        listed += (listed.empty() ? "" : ", ") + normaliseLeadName(l.lead) + " " +
                  millivoltText(l.jMv) + " mV";
    return listed;
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
    case Rule::Measure::QtcQrsAdjustedMs:
        return in.qtcQrsAdjustedMs;
    case Rule::Measure::DurationS:
        return in.durationS;
    }
    return kMissing;
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

/// The wordings of a basis: measured values, findings, verdicts and the patient.
const std::vector<MessageTemplate>& basisTemplates()
{
    static const std::vector<MessageTemplate> all = {
        {"advice.heart_rate", "heart rate %1 bpm"},
        {"advice.pr", "PR %1 ms"},
        {"advice.qrs", "QRS %1 ms"},
        {"advice.qtc", "QTc %1 ms (%2)"},
        {"advice.qtc_qrs_adjusted",
         "QTc %1 ms (Fridericia, of QT %2 ms less 48.5 % of QRS %3 ms: Bogossian)"},
        {"advice.duration", "recording %1 s"},
        {"advice.st_elevation",
         "ST elevation at J: %1 (thresholds %2 mV in V2 and V3, %3 mV in other leads)", 0,
         wordsArg(1)},
        {"advice.st_depression",
         "ST depression at J: %1 (at least %2 mV at J and J+60 ms, horizontal or downsloping)", 0,
         wordsArg(1)},
        {"advice.st_elevation_concordant",
         "ST elevation at J concordant with the QRS: %1 (at least %2 mV where the QRS is mainly "
         "positive)",
         0, wordsArg(1)},
        {"advice.lvh_sokolow_lyon",
         "Sokolow-Lyon (S in V1 + R in V5 or V6) %1 mV, criterion at least %2 mV"},
        {"advice.lvh_cornell", "Cornell (R in aVL + S in V3) %1 mV, criterion above %2 mV"},
        {"advice.paced_beats", "pacemaker spikes before %1 of %2 beats"},
        {"advice.paced_beats_shape",
         "pacemaker spikes before %1 of %2 beats, %3 more paced by their QRS shape"},
        {"advice.st_compared_also", "also met on the ECG compared with (%1)", 0, wordsArg(1)},
        {"advice.st_compared_not", "not met on the ECG compared with"},
        {"advice.st_computed_leads", "%1 computed from two recorded limb leads", 0, wordsArg(1)},
        {"advice.finding", "rhythm finding: %1"},
        {"advice.finding_leads", "leads %1"},
        {"advice.finding_compared_also", "also found on the ECG compared with"},
        {"advice.finding_compared_also_leads", "also found on the ECG compared with (leads %1)"},
        {"advice.finding_compared_not", "not found on the ECG compared with"},
        {"advice.finding.sinus_rhythm", "rhythm finding: sinus rhythm"},
        {"advice.finding.sinus_bradycardia", "rhythm finding: sinus bradycardia"},
        {"advice.finding.sinus_tachycardia", "rhythm finding: sinus tachycardia"},
        {"advice.finding.bradycardia", "rhythm finding: bradycardia, P waves not identified"},
        {"advice.finding.tachycardia", "rhythm finding: tachycardia, P waves not identified"},
        {"advice.finding.normal_rate_no_p_wave", "rhythm finding: P waves not identified"},
        {"advice.finding.irregular_rhythm_possible_af",
         "rhythm finding: irregular rhythm without P waves"},
        {"advice.finding.pause", "rhythm finding: pause"},
        {"advice.finding.premature_ventricular_beats",
         "rhythm finding: premature ventricular / wide-QRS beats"},
        {"advice.finding.premature_supraventricular_beats",
         "rhythm finding: premature narrow beats"},
        {"advice.finding.arm_electrode_reversal", "finding: P and QRS negative in lead I"},
        {"advice.finding.arm_leg_electrode_reversal", "finding: P and QRS negative in lead II"},
        {"advice.finding.pacemaker_spikes", "finding: pacemaker spikes before beats"},
        {"advice.finding.left_bundle_branch_block",
         "finding: QRS shaped as left bundle branch block"},
        {"advice.finding.right_bundle_branch_block",
         "finding: QRS shaped as right bundle branch block"},
        {"advice.finding.left_anterior_fascicular_block",
         "finding: QRS shaped as left anterior fascicular block"},
        {"advice.finding.pathological_q_waves",
         "finding: pathological Q waves in two contiguous leads"},
        {"advice.verdict.none", "no detector verdict"},
        {"advice.verdict.normal", "detector verdict normal (probability of abnormal %1)"},
        {"advice.verdict.borderline", "detector verdict borderline (probability of abnormal %1)"},
        {"advice.verdict.anomalous", "detector verdict anomalous (probability of abnormal %1)"},
        {"advice.verdict.normal.bare", "detector verdict normal"},
        {"advice.verdict.borderline.bare", "detector verdict borderline"},
        {"advice.verdict.anomalous.bare", "detector verdict anomalous"},
        {"advice.patient.age", "age %1", ageArg(1)},
        {"advice.patient.no_age", "age not recorded"},
        {"advice.patient.man", "man, age %1", ageArg(1)},
        {"advice.patient.man.no_age", "man, age not recorded"},
        {"advice.patient.woman", "woman, age %1", ageArg(1)},
        {"advice.patient.woman.no_age", "woman, age not recorded"},
        {"advice.patient.sex_unknown", "sex not recorded, age %1", ageArg(1)},
        {"advice.patient.sex_unknown.no_age", "sex not recorded, age not recorded"},
    };
    return all;
}

const MessageTemplate* basisTemplate(const std::string& id)
{
    for (const MessageTemplate& t : basisTemplates())
        if (id == t.id)
            return &t;
    return nullptr;
}

/// Every id this file asks for is listed above; an unlisted one would read as a finding code.
Message basisMessage(const std::string& id, std::vector<std::string> args = {})
{
    if (const MessageTemplate* t = basisTemplate(id))
        return makeMessage(*t, std::move(args));
    return makeMessage(*basisTemplate("advice.finding"), {id});
}

Message measureMessage(const AdviceInput& in, Rule::Measure m, double v)
{
    switch (m) {
    case Rule::Measure::HeartRateBpm:
        return basisMessage("advice.heart_rate", {numberText(v)});
    case Rule::Measure::PrMs:
        return basisMessage("advice.pr", {numberText(v)});
    case Rule::Measure::QrsMs:
        return basisMessage("advice.qrs", {numberText(v)});
    case Rule::Measure::QtcMs:
        return basisMessage("advice.qtc", {numberText(v), in.qtcFormula});
    case Rule::Measure::QtcQrsAdjustedMs:
        return basisMessage("advice.qtc_qrs_adjusted",
                            {numberText(v), numberText(in.qtMs), numberText(in.qrsMs)});
    case Rule::Measure::DurationS:
        return basisMessage("advice.duration", {numberText(std::round(v))});
    }
    return {};
}

/// An ST trigger: the leads `find` finds on the input, nothing when none; else the basis `part`
/// makes of them, which of them were computed from two recorded limb leads, and with an ECG
/// shown for comparison whether `find` finds the criteria met on it too (with its levels).
template <typename Find, typename Part>
std::optional<std::vector<Message>> stTriggered(const AdviceInput& in, Find find, Part part)
{
    const std::vector<dsp::StLevel> leads = find(in);
    if (leads.empty())
        return std::nullopt;
    std::vector<Message> parts{part(leads)};
    // Which of the leads were computed (a recording without them: an I, II, V1-V6 cart file).
    std::string computed;
    for (const dsp::StLevel& l : leads)
        if (l.computed)
            computed += (computed.empty() ? "" : ", ") + normaliseLeadName(l.lead);
    if (!computed.empty())
        parts.push_back(basisMessage("advice.st_computed_leads", {computed}));
    if (in.comparedStLevels) {
        AdviceInput compared = in;
        compared.stLevels = *in.comparedStLevels;
        const std::vector<dsp::StLevel> then = find(compared);
        parts.push_back(then.empty()
                            ? basisMessage("advice.st_compared_not")
                            : basisMessage("advice.st_compared_also", {levelsAtJText(then)}));
    }
    return parts;
}

/// The leads `leads` holds for `code`, none without any.
std::vector<std::string> leadsOf(const std::map<std::string, std::vector<std::string>>& leads,
                                 const std::string& code)
{
    const auto it = leads.find(code);
    return it != leads.end() ? it->second : std::vector<std::string>{};
}

/// The trigger's part of the basis (none for rules that always apply), or nothing at all when
/// the rule does not fire.
std::optional<std::vector<Message>> triggered(const Rule& rule, const AdviceInput& in)
{
    switch (rule.trigger) {
    case Rule::Trigger::Always:
        return std::vector<Message>{};
    case Rule::Trigger::Measure: {
        const double v = measured(in, rule.measure);
        if (!std::isfinite(v) || !compare(v, rule.op, rule.threshold))
            return std::nullopt;
        return std::vector<Message>{measureMessage(in, rule.measure, v)};
    }
    case Rule::Trigger::Finding: {
        std::vector<Message> parts;
        for (const std::string& finding : rule.findings) {
            if (std::find(in.findingCodes.begin(), in.findingCodes.end(), finding) ==
                in.findingCodes.end())
                return std::nullopt;
            // A finding without its own wording (a catalogue newer than this list) is named by
            // code.
            const std::string id = "advice.finding." + finding;
            parts.push_back(basisTemplate(id) ? basisMessage(id)
                                              : basisMessage("advice.finding", {finding}));
            if (const auto leads = leadsOf(in.findingLeads, finding); !leads.empty())
                parts.push_back(basisMessage("advice.finding_leads", {joined(leads)}));
        }
        if (const auto& then = in.comparedFindings) {
            // Found there too (every one of the rule's findings), with the leads it had there.
            std::vector<std::string> leads;
            for (const std::string& finding : rule.findings) {
                if (std::find(then->codes.begin(), then->codes.end(), finding) ==
                    then->codes.end()) {
                    parts.push_back(basisMessage("advice.finding_compared_not"));
                    return parts;
                }
                const auto l = leadsOf(then->leads, finding);
                leads.insert(leads.end(), l.begin(), l.end());
            }
            parts.push_back(leads.empty() ? basisMessage("advice.finding_compared_also")
                                          : basisMessage("advice.finding_compared_also_leads",
                                                         {joined(leads)}));
        }
        return parts;
    }
    case Rule::Trigger::StElevation:
        return stTriggered(
            in, [&](const AdviceInput& i) { return contiguousStElevation(i, rule.st); },
            [&](const std::vector<dsp::StLevel>& leads) {
                return basisMessage("advice.st_elevation",
                                    {levelsAtJText(leads),
                                     millivoltText(stV2V3ThresholdMv(rule.st, in.sex, in.ageYears)),
                                     millivoltText(rule.st.otherLeadsMv)});
            });
    case Rule::Trigger::StDepression:
        return stTriggered(
            in, [&](const AdviceInput& i) { return contiguousStDepression(i, rule.stDepression); },
            [&](const std::vector<dsp::StLevel>& leads) {
                return basisMessage(
                    "advice.st_depression",
                    {levelsAtJText(leads), millivoltText(rule.stDepression.depthMv)});
            });
    case Rule::Trigger::StElevationConcordant:
        return stTriggered(
            in, [&](const AdviceInput& i) { return concordantStElevation(i, rule.stConcordant); },
            [&](const std::vector<dsp::StLevel>& leads) {
                return basisMessage(
                    "advice.st_elevation_concordant",
                    {levelsAtJText(leads), millivoltText(rule.stConcordant.elevationMv)});
            });
    case Rule::Trigger::LvhVoltage: {
        const LvhVoltageMet met = lvhVoltageMet(in, rule.lvhVoltage);
        if (!met.any())
            return std::nullopt;
        std::vector<Message> parts;
        if (met.sokolowLyon)
            parts.push_back(basisMessage(
                "advice.lvh_sokolow_lyon",
                {millivoltText(in.sokolowLyonMv), millivoltText(rule.lvhVoltage.sokolowLyonMv)}));
        if (met.cornell)
            parts.push_back(
                basisMessage("advice.lvh_cornell",
                             {millivoltText(in.cornellMv),
                              millivoltText(cornellThresholdMv(rule.lvhVoltage, in.sex))}));
        return parts;
    }
    case Rule::Trigger::Verdict: {
        if (in.verdict != rule.verdict)
            return std::nullopt;
        const std::string id = std::string("advice.verdict.") + verdictStateName(in.verdict);
        if (in.verdict == VerdictState::None)
            return std::vector<Message>{basisMessage(id)};
        if (!in.probability)
            return std::vector<Message>{basisMessage(id + ".bare")};
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.3f", *in.probability);
        return std::vector<Message>{basisMessage(id, {buf})};
    }
    }
    return std::nullopt;
}

Message patientMessage(const Rule& rule, const AdviceInput& in)
{
    std::string id = "advice.patient";
    if (rule.sex)
        id += in.sex == Sex::Male ? ".man" : in.sex == Sex::Female ? ".woman" : ".sex_unknown";
    if (!in.ageYears)
        return basisMessage(id + ".no_age");
    if (!rule.sex)
        id += ".age";
    return basisMessage(id, {numberText(std::floor(*in.ageYears * 10.0) / 10.0)});
}

double positiveOrMissing(double v)
{
    return std::isfinite(v) && v > 0 ? v : kMissing;
}

} // namespace

std::vector<MessageTemplate> basisMessageTemplates()
{
    return basisTemplates();
}

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
        if (rule.paced && *rule.paced != input.medianBeatPaced())
            continue;
        if (rule.lbbb && *rule.lbbb != input.lbbbShape())
            continue;
        const auto trigger = triggered(rule, input);
        if (!trigger)
            continue;
        AdviceItem item;
        item.code = rule.code;
        item.severity = rule.severity;
        item.title = rule.title;
        item.text = rule.text;
        item.basisParts = *trigger;
        if (rule.paced && *rule.paced)
            item.basisParts.push_back(
                input.pacedByShapeCount > 0
                    ? basisMessage("advice.paced_beats_shape",
                                   {numberText(input.pacedBeatCount), numberText(input.beatCount),
                                    numberText(input.pacedByShapeCount)})
                    : basisMessage("advice.paced_beats", {numberText(input.pacedBeatCount),
                                                          numberText(input.beatCount)}));
        if (rule.lbbb && *rule.lbbb)
            item.basisParts.push_back(basisMessage("advice.finding.left_bundle_branch_block"));
        item.basisParts.push_back(patientMessage(rule, input));
        item.basis = joinedText(item.basisParts, "; ");
        item.source = rule.source;
        items.push_back(std::move(item));
    }
    std::stable_sort(items.begin(), items.end(), [](const AdviceItem& a, const AdviceItem& b) {
        return static_cast<int>(a.severity) > static_cast<int>(b.severity);
    });
    return items;
}

double stV2V3ThresholdMv(const Rule::StCriteria& c, Sex sex, std::optional<double> ageYears)
{
    const double man = !ageYears         ? std::min(c.v2v3Man40PlusMv, c.v2v3ManUnder40Mv)
                       : *ageYears >= 40 ? c.v2v3Man40PlusMv
                                         : c.v2v3ManUnder40Mv;
    switch (sex) {
    case Sex::Male:
        return man;
    case Sex::Female:
        return c.v2v3WomanMv;
    case Sex::Unknown:
        break;
    }
    return std::min(man, c.v2v3WomanMv);
}

std::vector<dsp::StLevel> contiguousStElevation(const AdviceInput& in, const Rule::StCriteria& c)
{
    if (std::isfinite(in.durationS) && in.durationS > c.maxDurationS)
        return {};
    const double v2v3 = stV2V3ThresholdMv(c, in.sex, in.ageYears);
    return contiguousLeads(in.stLevels, [&](const std::string& name, const dsp::StLevel& l) {
        return l.jMv >= (name == "V2" || name == "V3" ? v2v3 : c.otherLeadsMv);
    });
}

std::vector<dsp::StLevel> contiguousStDepression(const AdviceInput& in,
                                                 const Rule::StDepressionCriteria& c)
{
    if (std::isfinite(in.durationS) && in.durationS > c.maxDurationS)
        return {};
    return contiguousLeads(in.stLevels, [&](const std::string&, const dsp::StLevel& l) {
        return l.jMv <= -c.depthMv && l.j60Mv <= -c.depthMv &&
               l.j60Mv <= l.jMv + c.upslopeToleranceMv;
    });
}

std::vector<dsp::StLevel> concordantStElevation(const AdviceInput& in,
                                                const Rule::StConcordantCriteria& c)
{
    if (std::isfinite(in.durationS) && in.durationS > c.maxDurationS)
        return {};
    std::vector<dsp::StLevel> out;
    for (const dsp::StLevel& l : in.stLevels)
        if (standardLeadIndex(normaliseLeadName(l.lead)) >= 0 && l.jMv >= c.elevationMv &&
            l.qrsAreaMvMs > 0)
            out.push_back(l);
    return out;
}

double cornellThresholdMv(const Rule::LvhVoltageCriteria& c, Sex sex)
{
    switch (sex) {
    case Sex::Male:
        return c.cornellManMv;
    case Sex::Female:
        return c.cornellWomanMv;
    case Sex::Unknown:
        break;
    }
    return std::min(c.cornellManMv, c.cornellWomanMv);
}

LvhVoltageMet lvhVoltageMet(const AdviceInput& in, const Rule::LvhVoltageCriteria& c)
{
    if (std::isfinite(in.durationS) && in.durationS > c.maxDurationS)
        return {};
    // NaN fails both comparisons.
    return {in.sokolowLyonMv >= c.sokolowLyonMv, in.cornellMv > cornellThresholdMv(c, in.sex)};
}

double gradedQtcMs(const dsp::IntervalValues& values)
{
    return values.qtcFridericiaMs;
}

double qrsAdjustedQtcMs(const dsp::IntervalValues& values)
{
    const double qt = positiveOrMissing(values.qtMs), qrs = positiveOrMissing(values.qrsMs);
    return dsp::qtcFridericiaMs(dsp::qtBogossianMs(qt, qrs), values.rrMeanMs);
}

bool medianBeatPaced(const std::vector<dsp::Finding>& findings)
{
    const auto pacing = dsp::pacingSummary(findings);
    return pacing && pacing->medianPaced;
}

bool lbbbShape(const std::vector<dsp::Finding>& findings)
{
    return std::any_of(findings.begin(), findings.end(), [](const dsp::Finding& f) {
        return f.kind == dsp::FindingKind::LeftBundleBranchBlock;
    });
}

bool AdviceInput::lbbbShape() const
{
    const std::string code = dsp::findingCode(dsp::FindingKind::LeftBundleBranchBlock);
    return std::find(findingCodes.begin(), findingCodes.end(), code) != findingCodes.end();
}

AdviceInput::Found foundFindings(const std::vector<dsp::Finding>& findings)
{
    AdviceInput::Found out;
    for (const dsp::Finding& f : findings) {
        if (std::find(out.codes.begin(), out.codes.end(), f.code) == out.codes.end())
            out.codes.push_back(f.code);
        if (!f.leads.empty())
            out.leads[f.code] = f.leads;
    }
    return out;
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
        in.qtcQrsAdjustedMs = positiveOrMissing(qrsAdjustedQtcMs(v));
        in.stLevels = dsp::stLevels(measurements->medianBeat);
        in.sokolowLyonMv = positiveOrMissing(v.sokolowLyonMv);
        in.cornellMv = positiveOrMissing(v.cornellMv);
    }
    AdviceInput::Found found = foundFindings(findings);
    in.findingCodes = std::move(found.codes);
    in.findingLeads = std::move(found.leads);
    if (const auto pacing = dsp::pacingSummary(findings)) {
        in.pacedBeatCount = int(pacing->pacedBeats);
        in.beatCount = int(pacing->beats);
        in.pacedMedian = pacing->medianPaced;
        in.pacedByShapeCount = int(pacing->pacedByShape);
    }
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
