#include "advice/advice.h"

#include "ml/json_lite.h"

#include <cmath>
#include <initializer_list>
#include <map>
#include <utility>

namespace ecglens::advice {

namespace {

using ml::Json;

const char* typeName(Json::Type type)
{
    switch (type) {
    case Json::Type::Null:
        return "null";
    case Json::Type::Bool:
        return "a boolean";
    case Json::Type::Number:
        return "a number";
    case Json::Type::String:
        return "a string";
    case Json::Type::Array:
        return "an array";
    case Json::Type::Object:
        return "an object";
    }
    return "unknown";
}

/// The value among `values` whose name() is `text`; false when none is.
template <typename E>
bool named(const std::string& text, std::initializer_list<E> values, const char* (*name)(E), E& out)
{
    for (E value : values)
        if (text == name(value)) {
            out = value;
            return true;
        }
    return false;
}

/// Parses one item; returns an error message (empty on success).
class ItemParser
{
public:
    ItemParser(const Json& item, std::size_t index,
               const std::map<std::string, std::string>& sources)
        : m_item(item), m_index(index), m_sources(sources)
    {}

    std::string parse(Rule& rule)
    {
        if (!m_item.isObject())
            return where() + "is " + typeName(m_item.type()) + ", expected an object";
        if (!text("code", rule.code) || !text("title", rule.title) || !text("text", rule.text))
            return m_error;
        if (!m_item.contains("source") || !m_item["source"].isString() ||
            m_item["source"].string().empty())
            return where() + "has no source; every advice item must cite the document it comes "
                             "from";
        rule.sourceKey = m_item["source"].string();
        const auto source = m_sources.find(rule.sourceKey);
        if (source == m_sources.end())
            return where() + "cites unknown source \"" + rule.sourceKey +
                   "\" (not a key of \"sources\")";
        rule.source = source->second;
        std::string severity;
        if (!text("severity", severity))
            return m_error;
        if (!named(severity, {Severity::Info, Severity::Consider, Severity::Prompt}, severityName,
                   rule.severity))
            return where() + "has unknown severity \"" + severity +
                   "\" (expected info, consider or prompt)";
        if (!trigger(rule) || !optionalNumber("age_min", rule.ageMinYears) ||
            !optionalNumber("age_max", rule.ageMaxYears) ||
            !flag("age_unknown", rule.ageUnknownOnly) ||
            !flag("adult_criteria", rule.adultCriteria) || !sex(rule) ||
            !optionalFlag("paced", rule.paced) || !optionalFlag("lbbb", rule.lbbb))
            return m_error;
        if (m_item.contains("withheld")) {
            if (!m_item["withheld"].isString() || m_item["withheld"].string().empty())
                return where() + "has a \"withheld\" that is not a reason (a non-empty text)";
            rule.withheld = m_item["withheld"].string();
        }
        return {};
    }

private:
    std::string where() const
    {
        std::string w = "advice catalogue: item " + std::to_string(m_index + 1);
        if (m_item.isObject() && m_item["code"].isString())
            w += " (\"" + m_item["code"].string() + "\")";
        return w + " ";
    }

    bool fail(std::string message)
    {
        m_error = where() + message;
        return false;
    }

    bool text(const char* key, std::string& out)
    {
        const Json& v = m_item[key];
        if (!v.isString() || v.string().empty())
            return fail(std::string("has no \"") + key + "\" text");
        out = v.string();
        return true;
    }

    bool number(const Json& v, const char* key, double& out)
    {
        if (!v.isNumber() || !std::isfinite(v.number()))
            return fail(std::string("\"") + key + "\" must be a number, got " + typeName(v.type()));
        out = v.number();
        return true;
    }

    bool optionalNumber(const char* key, std::optional<double>& out)
    {
        if (!m_item.contains(key))
            return true;
        double value = 0.0;
        if (!number(m_item[key], key, value))
            return false;
        out = value;
        return true;
    }

    bool flag(const char* key, bool& out)
    {
        if (!m_item.contains(key))
            return true;
        if (m_item[key].type() != Json::Type::Bool)
            return fail(std::string("\"") + key + "\" must be true or false");
        out = m_item[key].boolean();
        return true;
    }

    /// An optional true / false key (absent: unset).
    bool optionalFlag(const char* key, std::optional<bool>& out)
    {
        if (!m_item.contains(key))
            return true;
        bool value = false;
        if (!flag(key, value))
            return false;
        out = value;
        return true;
    }

    bool sex(Rule& rule)
    {
        if (!m_item.contains("sex"))
            return true;
        const Json& v = m_item["sex"];
        const std::string s = v.isString() ? v.string() : std::string();
        if (s == "M")
            rule.sex = Sex::Male;
        else if (s == "F")
            rule.sex = Sex::Female;
        else if (s == "unknown")
            rule.sex = Sex::Unknown;
        else
            return fail("has unknown sex \"" + s + "\" (expected M, F or unknown)");
        return true;
    }

    bool trigger(Rule& rule)
    {
        const Json& when = m_item["when"];
        if (!when.isObject())
            return fail("has no \"when\" object saying what triggers it");
        if (when.contains("always")) {
            rule.trigger = Rule::Trigger::Always;
            return true;
        }
        if (when.contains("finding")) {
            rule.trigger = Rule::Trigger::Finding;
            const Json& finding = when["finding"];
            std::vector<const Json*> codes;
            if (finding.isArray())
                for (const Json& code : finding.items())
                    codes.push_back(&code);
            else
                codes.push_back(&finding);
            for (const Json* code : codes) {
                if (!code->isString() || code->string().empty())
                    return fail("\"when.finding\" must be a rhythm finding code or a list of "
                                "them");
                rule.findings.push_back(code->string());
            }
            if (rule.findings.empty())
                return fail("\"when.finding\" must be a rhythm finding code or a list of them");
            return true;
        }
        if (when.contains("verdict")) {
            rule.trigger = Rule::Trigger::Verdict;
            const std::string v = when["verdict"].isString() ? when["verdict"].string() : "";
            if (!named(v, {VerdictState::Normal, VerdictState::Borderline, VerdictState::Anomalous},
                       verdictStateName, rule.verdict))
                return fail("has unknown verdict \"" + v +
                            "\" (expected normal, borderline or anomalous)");
            return true;
        }
        if (when.contains("st_elevation"))
            return stElevation(when["st_elevation"], rule);
        if (when.contains("st_depression"))
            return stDepression(when["st_depression"], rule);
        if (when.contains("st_elevation_concordant")) {
            rule.trigger = Rule::Trigger::StElevationConcordant;
            return levels(when["st_elevation_concordant"], "st_elevation_concordant",
                          {{"mv", &rule.stConcordant.elevationMv},
                           {"max_duration_s", &rule.stConcordant.maxDurationS}});
        }
        if (when.contains("lvh_voltage")) {
            rule.trigger = Rule::Trigger::LvhVoltage;
            auto& c = rule.lvhVoltage;
            return levels(when["lvh_voltage"], "lvh_voltage",
                          {{"sokolow_lyon_mv", &c.sokolowLyonMv},
                           {"cornell_man_mv", &c.cornellManMv},
                           {"cornell_woman_mv", &c.cornellWomanMv},
                           {"max_duration_s", &c.maxDurationS}});
        }
        if (!when.contains("measure"))
            return fail("\"when\" names no trigger (always, measure, finding, verdict, "
                        "st_elevation, st_depression, st_elevation_concordant or lvh_voltage)");
        rule.trigger = Rule::Trigger::Measure;
        static const std::map<std::string, Rule::Measure> measures = {
            {"heart_rate_bpm", Rule::Measure::HeartRateBpm},
            {"pr_ms", Rule::Measure::PrMs},
            {"qrs_ms", Rule::Measure::QrsMs},
            {"qtc_ms", Rule::Measure::QtcMs},
            {"qtc_qrs_adjusted_ms", Rule::Measure::QtcQrsAdjustedMs},
            {"duration_s", Rule::Measure::DurationS}};
        static const std::map<std::string, Rule::Op> ops = {
            {"<", Rule::Op::Less}, {">", Rule::Op::Greater}, {">=", Rule::Op::AtLeast}};
        const std::string measure = when["measure"].isString() ? when["measure"].string() : "";
        const auto m = measures.find(measure);
        if (m == measures.end())
            return fail("has unknown measure \"" + measure +
                        "\" (expected heart_rate_bpm, pr_ms, qrs_ms, qtc_ms, "
                        "qtc_qrs_adjusted_ms or duration_s)");
        rule.measure = m->second;
        const std::string op = when["op"].isString() ? when["op"].string() : "";
        const auto o = ops.find(op);
        if (o == ops.end())
            return fail("has unknown operator \"" + op + "\" (expected <, > or >=)");
        rule.op = o->second;
        if (!when.contains("threshold"))
            return fail("has no threshold");
        return number(when["threshold"], "threshold", rule.threshold);
    }

    /// {"mv": other leads, "v2_v3_man_40_plus_mv", "v2_v3_man_under_40_mv", "v2_v3_woman_mv",
    /// "max_duration_s"}: every key required, thresholds positive.
    bool stElevation(const Json& st, Rule& rule)
    {
        rule.trigger = Rule::Trigger::StElevation;
        return levels(st, "st_elevation",
                      {{"mv", &rule.st.otherLeadsMv},
                       {"v2_v3_man_40_plus_mv", &rule.st.v2v3Man40PlusMv},
                       {"v2_v3_man_under_40_mv", &rule.st.v2v3ManUnder40Mv},
                       {"v2_v3_woman_mv", &rule.st.v2v3WomanMv},
                       {"max_duration_s", &rule.st.maxDurationS}});
    }

    /// {"mv": depth, "upslope_tolerance_mv", "max_duration_s"}: every key required, positive.
    bool stDepression(const Json& st, Rule& rule)
    {
        rule.trigger = Rule::Trigger::StDepression;
        auto& c = rule.stDepression;
        return levels(st, "st_depression",
                      {{"mv", &c.depthMv},
                       {"upslope_tolerance_mv", &c.upslopeToleranceMv},
                       {"max_duration_s", &c.maxDurationS}});
    }

    /// The positive numbers `keys` names, all required, from the object `when.<what>`.
    bool levels(const Json& st, const std::string& what,
                std::initializer_list<std::pair<const char*, double*>> keys)
    {
        if (!st.isObject())
            return fail("\"when." + what + "\" must be an object of thresholds");
        for (const auto& [key, out] : keys) {
            if (!st.contains(key))
                return fail("\"when." + what + "\" has no \"" + key + "\"");
            if (!number(st[key], key, *out))
                return false;
            if (!(*out > 0))
                return fail("\"when." + what + "." + key + "\" must be positive");
        }
        return true;
    }

    const Json& m_item;
    std::size_t m_index;
    const std::map<std::string, std::string>& m_sources;
    std::string m_error;
};

} // namespace

const char* severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return "info";
    case Severity::Consider:
        return "consider";
    case Severity::Prompt:
        return "prompt";
    }
    return "info";
}

Result<Catalogue> parseCatalogue(const std::string& json)
{
    using R = Result<Catalogue>;
    const auto parsed = Json::parse(json);
    if (!parsed)
        return R::failure("advice catalogue: not valid JSON: " + parsed.error());
    const Json& root = *parsed;
    if (!root.isObject())
        return R::failure("advice catalogue: the top level must be an object");
    Catalogue catalogue;
    if (root.contains("schema")) {
        if (!root["schema"].isNumber() || root["schema"].number() != 1.0)
            return R::failure("advice catalogue: schema must be 1");
    }
    if (root.contains("adult_age_years")) {
        if (!root["adult_age_years"].isNumber())
            return R::failure(std::string("advice catalogue: \"adult_age_years\" must be a "
                                          "number, got ") +
                              typeName(root["adult_age_years"].type()));
        catalogue.adultAgeYears = root["adult_age_years"].number();
    }
    std::map<std::string, std::string> sources;
    if (!root["sources"].isObject())
        return R::failure("advice catalogue: no \"sources\" object (key -> full citation)");
    for (const auto& [key, value] : root["sources"].members()) {
        if (!value.isString() || value.string().empty())
            return R::failure("advice catalogue: source \"" + key +
                              "\" must be a non-empty citation");
        sources[key] = value.string();
    }
    if (!root["items"].isArray() || root["items"].items().empty())
        return R::failure("advice catalogue: no \"items\" array");
    const auto& items = root["items"].items();
    for (std::size_t i = 0; i < items.size(); ++i) {
        Rule rule;
        const std::string error = ItemParser(items[i], i, sources).parse(rule);
        if (!error.empty())
            return R::failure(error);
        for (const Rule& earlier : catalogue.rules)
            if (earlier.code == rule.code)
                return R::failure("advice catalogue: code \"" + rule.code + "\" appears twice");
        catalogue.rules.push_back(std::move(rule));
    }
    return catalogue;
}

} // namespace ecglens::advice
