// HL7 aECG (annotated ECG, HL7 v3 XML) reader built on pugixml. Reads the rhythm series
// (series code RHYTHM, else the first series) — never the derived representative beats —,
// the demographics of the trial subject, and the annotation set when it is time-stamped.

#include "io/messages.h"
#include "io/readers.h"
#include "io/vendor/vendor_common.h"

#include "core/charset.h"
#include "core/lead_names.h"
#include "core/text.h"

#include <pugixml.hpp>

#include <charconv>
#include <cmath>
#include <cstring>
#include <string_view>

namespace ecglens::io {

namespace vendor {

namespace {

std::string_view localName(const pugi::xml_node& n)
{
    std::string_view s = n.name();
    const auto colon = s.find(':');
    return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& n, std::string_view name)
{
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && localName(c) == name)
            return c;
    return {};
}

/// Attribute by local name ("xsi:type" and "type" both match "type").
pugi::xml_attribute attr(const pugi::xml_node& n, std::string_view name)
{
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
        std::string_view s = a.name();
        const auto colon = s.find(':');
        if ((colon == std::string_view::npos ? s : s.substr(colon + 1)) == name)
            return a;
    }
    return {};
}

std::string codeOf(const pugi::xml_node& n)
{
    return attr(child(n, "code"), "code").as_string();
}

/// Depth-first search for the first descendant element with this local name.
pugi::xml_node findDescendant(const pugi::xml_node& n, std::string_view name)
{
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element)
            continue;
        if (localName(c) == name)
            return c;
        if (pugi::xml_node d = findDescendant(c, name))
            return d;
    }
    return {};
}

std::optional<double> number(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    double v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

/// HL7 TS "YYYYMMDD[HHMM[SS[.sss]]][+ZZzz]".
std::optional<DateTime> parseTs(std::string_view s)
{
    auto num = [&](std::size_t at, std::size_t n) -> std::optional<int> {
        if (s.size() < at + n)
            return std::nullopt;
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(s[i])))
                return std::nullopt;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    auto y = num(0, 4), mo = num(4, 2), d = num(6, 2);
    if (!y || !mo || !d)
        return std::nullopt;
    DateTime t;
    t.date = {*y, *mo, *d};
    t.hasDate = plausibleDate(t.date);
    if (!t.hasDate)
        return std::nullopt;
    if (auto h = num(8, 2), mi = num(10, 2); h && mi) {
        t.hour = *h;
        t.minute = *mi;
        if (s.size() > 12 && std::isdigit(static_cast<unsigned char>(s[12]))) {
            std::size_t end = 12;
            while (end < s.size() &&
                   (std::isdigit(static_cast<unsigned char>(s[end])) || s[end] == '.'))
                ++end;
            t.second = number(s.substr(12, end - 12)).value_or(0.0);
        }
    }
    return t;
}

/// Seconds since 1970 (civil calendar, no time zone): only differences are used.
double epochSeconds(const DateTime& t)
{
    int y = t.date.year;
    const unsigned m = unsigned(t.date.month), d = unsigned(t.date.day);
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const double days = double(era) * 146097 + double(doe) - 719468;
    return days * 86400.0 + t.hour * 3600.0 + t.minute * 60.0 + t.second;
}

/// Microvolts per unit of a physical-quantity unit, or nullopt for a unit we do not know.
std::optional<double> microvoltsPer(std::string_view unit)
{
    if (unit == "uV" || unit == "µV" || unit == "microvolt")
        return 1.0;
    if (unit == "mV")
        return 1000.0;
    if (unit == "nV")
        return 0.001;
    if (unit == "V")
        return 1e6;
    return std::nullopt;
}

std::optional<double> secondsPer(std::string_view unit)
{
    if (unit == "s" || unit.empty())
        return 1.0;
    if (unit == "ms")
        return 0.001;
    if (unit == "us")
        return 1e-6;
    return std::nullopt;
}

struct Ctx
{
    const std::string& name;
    const OpenOptions& options;
    Recording rec;
    std::optional<DateTime> start;
    void warn(const MessageTemplate& t, std::vector<std::string> args = {})
    {
        rec.warnings.push_back(makeMessage(t, std::move(args)));
    }
};

Result<bool> readLead(const pugi::xml_node& seq, const std::string& fileCode, Ctx& ctx,
                      std::size_t& totalSamples)
{
    using R = Result<bool>;
    // A sequence without a lead code (or with the bare MDC_ECG_LEAD_ prefix) still gets a name the
    // viewer can show, and the messages name it.
    const std::string shortName =
        fileCode.rfind("MDC_ECG_LEAD_", 0) == 0 ? fileCode.substr(13) : fileCode;
    std::string name = normaliseLeadName(shortName);
    const bool unnamed = name.empty();
    if (unnamed)
        name = "lead " + std::to_string(ctx.rec.leads.size() + 1);
    const std::string code = unnamed ? name + " (no lead code)" : fileCode;
    const pugi::xml_node value = child(seq, "value");
    const std::string type = attr(value, "type").as_string();
    const pugi::xml_node origin = child(value, "origin"), scale = child(value, "scale");
    const auto scaleValue = number(attr(scale, "value").as_string());
    const auto originValue = number(attr(origin, "value").as_string()).value_or(0.0);
    std::string unit = attr(scale, "unit").as_string();
    if (type != "SLIST_PQ" && type != "SLIST_INT") {
        ctx.warn(messages::kHl7NotSampled, {code, type});
        return true;
    }
    if (!scaleValue || *scaleValue == 0)
        return R::failure(makeMessage(messages::kHl7NoScale, {ctx.name, code}));
    if (unit.empty()) {
        unit = "uV";
        ctx.warn(messages::kHl7NoUnit, {code});
    }
    const auto uvPerUnit = microvoltsPer(unit);
    if (!uvPerUnit)
        return R::failure(
            makeMessage(messages::kHl7UnknownUnit, {ctx.name, code, "'" + unit + "'"}));
    const std::string originUnit = attr(origin, "unit").as_string();
    const double originUv =
        originValue * (originUnit.empty() ? *uvPerUnit : microvoltsPer(originUnit).value_or(1.0));
    const double scaleUv = *scaleValue * *uvPerUnit;

    const pugi::xml_node digits = child(value, "digits");
    const char* text = digits.child_value();
    const std::size_t len = std::strlen(text);
    Lead lead;
    lead.name = name;
    lead.originalName = fileCode;
    if (unnamed)
        ctx.warn(messages::kHl7NoLeadCode, {name});
    lead.unit = "mV";             // the file's µV (or other unit) converted: the viewer expects mV
    lead.gain = 1000.0 / scaleUv; // digits per mV
    lead.baseline = originUv != 0 ? -originUv / scaleUv : 0.0; // digit for 0 mV
    // Each value takes at least two characters ("0 "): bound the reservation by the text.
    lead.samples.reserve(len / 2 + 1);
    std::size_t pos = 0, bad = 0;
    while (pos < len) {
        while (pos < len && std::isspace(static_cast<unsigned char>(text[pos])))
            ++pos;
        if (pos >= len)
            break;
        std::size_t end = pos;
        while (end < len && !std::isspace(static_cast<unsigned char>(text[end])))
            ++end;
        const auto v = number(std::string_view(text + pos, end - pos));
        if (!v)
            ++bad;
        lead.samples.push_back(v ? float((originUv + *v * scaleUv) / 1000.0) : std::nanf(""));
        pos = end;
        if (++totalSamples > ctx.options.maxTotalSamples)
            return R::failure(makeMessage(messages::kOpenTooManySamples, {ctx.name}));
    }
    if (bad)
        ctx.warn(messages::kHl7NotNumbers, {code, std::to_string(bad)});
    if (lead.samples.empty()) {
        ctx.warn(messages::kHl7NoSamples, {code});
        return true;
    }
    ctx.rec.leads.push_back(std::move(lead));
    return true;
}

Result<bool> readSeries(const pugi::xml_node& series, Ctx& ctx)
{
    using R = Result<bool>;
    std::optional<double> intervalS;
    std::size_t total = 0;
    std::size_t seqCount = 0;
    for (pugi::xml_node comp = series.first_child(); comp; comp = comp.next_sibling()) {
        if (localName(comp) != "component")
            continue;
        const pugi::xml_node set = child(comp, "sequenceSet");
        for (pugi::xml_node c = set.first_child(); c; c = c.next_sibling()) {
            const pugi::xml_node seq = child(c, "sequence");
            if (!seq)
                continue;
            ++seqCount;
            if (ctx.options.progress && !ctx.options.progress(std::min(0.95, seqCount / 16.0)))
                return R::failure(ctx.name + ": reading cancelled.");
            const std::string code = codeOf(seq);
            const pugi::xml_node value = child(seq, "value");
            const std::string type = attr(value, "type").as_string();
            if (type == "GLIST_TS" || type == "GLIST_PQ") {
                const pugi::xml_node inc = child(value, "increment");
                const auto v = number(attr(inc, "value").as_string());
                const auto per = secondsPer(attr(inc, "unit").as_string());
                if (!intervalS && v && per && *v > 0)
                    intervalS = *v * *per;
                if (type == "GLIST_TS" && !ctx.start)
                    ctx.start = parseTs(attr(child(value, "head"), "value").as_string());
                continue;
            }
            if (auto ok = readLead(seq, code, ctx, total); !ok)
                return ok;
        }
        if (!ctx.rec.leads.empty())
            break; // one sequence set: further sets would repeat the leads
    }
    if (!intervalS)
        return R::failure(makeMessage(messages::kHl7NoIncrement, {ctx.name}));
    ctx.rec.fsHz = 1.0 / *intervalS;
    return true;
}

/// An HL7 v3 PN: plain text ("Clark", as in the 2003 aECG sample) or parts (family, given,
/// prefix, suffix; a second given name is a middle name).
std::string personNameOf(const pugi::xml_node& name)
{
    std::string family, given, middle, prefix, suffix;
    bool structured = false;
    for (pugi::xml_node part = name.first_child(); part; part = part.next_sibling()) {
        if (part.type() != pugi::node_element)
            continue;
        structured = true;
        const std::string_view what = localName(part);
        std::string* into = what == "family"   ? &family
                            : what == "given"  ? (given.empty() ? &given : &middle)
                            : what == "prefix" ? &prefix
                            : what == "suffix" ? &suffix
                                               : nullptr; // a delimiter, an unknown part
        if (into)
            *into += (into->empty() ? "" : " ") + std::string(part.text().as_string());
    }
    return structured ? personName(family, given, middle, prefix, suffix)
                      : std::string(name.text().as_string());
}

void readPatient(const pugi::xml_node& root, Ctx& ctx)
{
    Patient& p = ctx.rec.patient;
    if (pugi::xml_node subject = findDescendant(root, "trialSubject")) {
        const pugi::xml_node id = child(subject, "id");
        p.id = attr(id, "extension").as_string();
        if (p.id.empty())
            p.id = attr(id, "root").as_string();
        const pugi::xml_node person = findDescendant(subject, "subjectDemographicPerson");
        p.name = personNameOf(child(person, "name"));
        const std::string sex = attr(child(person, "administrativeGenderCode"), "code").as_string();
        p.sex = sex == "M" ? Sex::Male : sex == "F" ? Sex::Female : Sex::Unknown;
        if (auto bt = parseTs(attr(child(person, "birthTime"), "value").as_string()))
            p.birthDate = bt->date;
    }
    // Reported age: a controlVariable observation with LOINC 21612-7.
    std::optional<double> reported;
    for (pugi::xml_node cv = root.first_child(); cv; cv = cv.next_sibling()) {
        if (localName(cv) != "controlVariable")
            continue;
        const pugi::xml_node obs = child(cv, "relatedObservation");
        if (codeOf(obs) != "21612-7")
            continue;
        const pugi::xml_node value = child(obs, "value");
        const auto v = number(attr(value, "value").as_string());
        const std::string unit = attr(value, "unit").as_string();
        const double perYear = unit == "mo"   ? 12
                               : unit == "wk" ? 52.1775
                               : unit == "d"  ? 365.25
                                              : 1;
        if (v && *v >= 0)
            reported = *v / perYear;
    }
    std::optional<double> fromBirth;
    if (p.birthDate && ctx.start)
        fromBirth = ageOnDate(*p.birthDate, ctx.start->date);
    // The birth date and the recording date are primary data; a reported age is secondary.
    p.ageYears = fromBirth ? fromBirth : reported;
    if (fromBirth && reported && std::abs(*fromBirth - *reported) >= 1.0)
        ctx.warn(messages::kHl7AgeConflict,
                 {std::to_string(int(*reported)), std::to_string(int(*fromBirth))});
}

void readAnnotation(const pugi::xml_node& ann, Ctx& ctx, double startS, int depth)
{
    if (depth > 32)
        return;
    const pugi::xml_node value = child(ann, "value");
    std::string code = attr(value, "code").as_string();
    if (code.empty())
        code = codeOf(ann);
    std::optional<double> low, high;
    int leadIndex = -1;
    const pugi::xml_node roi = child(child(ann, "support"), "supportingROI");
    for (pugi::xml_node comp = roi.first_child(); comp; comp = comp.next_sibling()) {
        const pugi::xml_node b = child(comp, "boundary");
        if (!b)
            continue;
        const std::string bcode = codeOf(b);
        const pugi::xml_node bv = child(b, "value");
        auto timeOf = [&](const char* which) -> std::optional<double> {
            const pugi::xml_node n = child(bv, which);
            if (!n)
                return std::nullopt;
            if (bcode == "TIME_ABSOLUTE") {
                auto t = parseTs(attr(n, "value").as_string());
                return t ? std::optional<double>(epochSeconds(*t) - startS) : std::nullopt;
            }
            const auto v = number(attr(n, "value").as_string());
            const auto per = secondsPer(attr(n, "unit").as_string());
            return v && per ? std::optional<double>(*v * *per) : std::nullopt;
        };
        if (bcode == "TIME_ABSOLUTE" || bcode == "TIME_RELATIVE") {
            low = timeOf("low");
            high = timeOf("high");
        } else if (bcode.rfind("MDC_ECG_LEAD_", 0) == 0) {
            leadIndex = ctx.rec.leadIndex(normaliseLeadName(bcode.substr(13)));
        }
    }
    if ((low || high) && !code.empty()) {
        Annotation a;
        a.timeS = low ? *low : *high;
        a.durationS = low && high ? std::max(0.0, *high - *low) : 0.0;
        a.sample = ctx.rec.fsHz > 0 ? std::llround(a.timeS * ctx.rec.fsHz) : -1;
        a.code = code;
        a.text = !low ? "offset" : !high ? "onset" : "";
        a.lead = leadIndex;
        a.source = "aECG";
        if (std::isfinite(a.timeS) && std::abs(a.timeS) < 1e9)
            ctx.rec.annotations.push_back(a);
    }
    for (pugi::xml_node comp = ann.first_child(); comp; comp = comp.next_sibling())
        if (localName(comp) == "component")
            if (pugi::xml_node sub = child(comp, "annotation"))
                readAnnotation(sub, ctx, startS, depth + 1);
}

} // namespace

Result<Recording> parseHl7Aecg(const char* data, std::size_t size, const std::string& name,
                               const OpenOptions& options)
{
    using R = Result<Recording>;
    // Text in the encoding the XML declaration names: pugixml reads UTF-8, UTF-16 and UTF-32 by
    // itself; another declared set (ISO 8859, windows-125x, Shift_JIS, GB18030, ...) is decoded
    // to UTF-8 first, as the names need (the markup is ASCII in each of them).
    std::string converted;
    pugi::xml_encoding encoding = pugi::encoding_auto;
    std::vector<Message> encodingWarnings;
    if (const std::string declared =
            xmlDeclaredEncoding(std::string_view(data, std::min<std::size_t>(size, 1024)));
        !declared.empty()) {
        const auto e = xmlTextEncoding(declared);
        if (!e) {
            encodingWarnings.push_back(
                makeMessage(messages::kTextEncodingUndecoded, {"'" + declared + "'"}));
        } else if (*e != TextEncoding::Utf8 && *e != TextEncoding::Undeclared) {
            converted = decodeText(std::string_view(data, size), *e);
            data = converted.data();
            size = converted.size();
            encoding = pugi::encoding_utf8;
        }
    }
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed =
        doc.load_buffer(data, size, pugi::parse_default, encoding);
    if (!parsed)
        return R::failure(makeMessage(messages::kHl7NotWellFormed,
                                      {name, parsed.description(), std::to_string(parsed.offset)}));
    pugi::xml_node root;
    for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling())
        if (n.type() == pugi::node_element && localName(n) == "AnnotatedECG")
            root = n;
    if (!root)
        return R::failure(makeMessage(messages::kHl7NotAecg, {name}));

    Ctx ctx{name, options, {}, {}};
    ctx.rec.warnings = std::move(encodingWarnings);
    ctx.rec.format = "HL7 aECG";
    ctx.rec.sourcePath = name;

    pugi::xml_node first, coded;
    std::size_t seriesCount = 0;
    for (pugi::xml_node comp = root.first_child(); comp; comp = comp.next_sibling()) {
        if (localName(comp) != "component")
            continue;
        const pugi::xml_node series = child(comp, "series");
        if (!series)
            continue;
        ++seriesCount;
        if (!first)
            first = series;
        if (!coded && codeOf(series) == "RHYTHM")
            coded = series;
    }
    const pugi::xml_node rhythm = coded ? coded : first;
    if (!rhythm)
        return R::failure(makeMessage(messages::kHl7NoSeries, {name}));
    if (seriesCount > 1)
        ctx.rec.notes.push_back("the file holds " + std::to_string(seriesCount) +
                                " series; only the rhythm series is shown.");
    if (auto ok = readSeries(rhythm, ctx); !ok)
        return R::failureOf(ok);
    if (ctx.rec.leads.empty())
        return R::failure(makeMessage(messages::kHl7NoLeads, {name}));

    std::size_t n = 0;
    for (Lead& lead : ctx.rec.leads) {
        lead.fsHz = ctx.rec.fsHz;
        n = std::max(n, lead.samples.size());
    }
    for (const Lead& lead : ctx.rec.leads)
        if (lead.samples.size() != n)
            ctx.warn(messages::kHl7LengthDiffers,
                     {lead.name, std::to_string(lead.samples.size()), std::to_string(n)});

    // Leads the file does not hold are reported, not derived (III = II - I etc. would present
    // computed values as recorded ones).
    if (ctx.rec.leadIndex("I") >= 0 && ctx.rec.leadIndex("II") >= 0) {
        std::string missing;
        for (const char* limb : {"III", "aVR", "aVL", "aVF"})
            if (ctx.rec.leadIndex(limb) < 0)
                missing += std::string(missing.empty() ? "" : ", ") + limb;
        if (!missing.empty())
            ctx.rec.notes.push_back("The file does not hold " + missing +
                                    " (they are not derived from I and II).");
    }
    if (!ctx.start) // fall back to the ECG's effective time
        if (pugi::xml_node et = child(root, "effectiveTime"))
            ctx.start = parseTs(attr(child(et, "center"), "value").as_string());
    if (!ctx.start)
        if (pugi::xml_node et = child(rhythm, "effectiveTime"))
            ctx.start = parseTs(attr(child(et, "low"), "value").as_string());
    ctx.rec.start = ctx.start;
    readPatient(root, ctx);

    const double startS = ctx.start ? epochSeconds(*ctx.start) : 0.0;
    for (pugi::xml_node s = rhythm.first_child(); s; s = s.next_sibling()) {
        if (localName(s) != "subjectOf")
            continue;
        const pugi::xml_node set = child(s, "annotationSet");
        for (pugi::xml_node comp = set.first_child(); comp; comp = comp.next_sibling())
            if (localName(comp) == "component")
                if (pugi::xml_node ann = child(comp, "annotation"))
                    readAnnotation(ann, ctx, startS, 0);
    }
    if (options.progress)
        options.progress(1.0);
    return std::move(ctx.rec);
}

} // namespace vendor

Result<Recording> readHl7Aecg(const std::string& path, const OpenOptions& options)
{
    auto bytes = vendor::loadFile(path);
    if (!bytes)
        return Result<Recording>::failureOf(bytes);
    auto r = vendor::parseHl7Aecg(reinterpret_cast<const char*>(bytes->data()), bytes->size(), path,
                                  options);
    if (r)
        r->sourcePath = path;
    return r;
}

} // namespace ecglens::io
