// DICOM waveform reader (12-lead ECG, general ECG IODs): a minimal parser for the two
// uncompressed little-endian transfer syntaxes, enough to walk to the Waveform Sequence.
// Every length is checked against the bytes that remain, so a lying length cannot allocate.

#include "io/messages.h"
#include "io/readers.h"
#include "io/vendor/vendor_common.h"

#include "core/dicom_text.h"
#include "core/lead_names.h"
#include "core/text.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>

namespace ecglens::io {

namespace vendor {

namespace {

constexpr std::uint32_t tag(std::uint16_t g, std::uint16_t e)
{
    return (std::uint32_t(g) << 16) | e;
}

constexpr std::uint32_t kItem = tag(0xFFFE, 0xE000);
constexpr std::uint32_t kItemEnd = tag(0xFFFE, 0xE00D);
constexpr std::uint32_t kSequenceEnd = tag(0xFFFE, 0xE0DD);
constexpr std::uint32_t kUndefined = 0xFFFFFFFF;
constexpr int kMaxDepth = 12;

/// VRs whose explicit-VR header has 2 reserved bytes and a 32-bit length.
bool isLongVr(const std::string& vr)
{
    static const char* const longVrs[] = {"OB", "OD", "OF", "OL", "OW", "SQ", "UC",
                                          "UN", "UR", "UT", "OV", "SV", "UV"};
    for (const char* v : longVrs)
        if (vr == v)
            return true;
    return false;
}

std::string tagText(std::uint32_t t)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "(%04X,%04X)", unsigned(t >> 16), unsigned(t & 0xFFFF));
    return buf;
}

struct Dataset;

struct Element
{
    std::uint32_t tag = 0;
    ByteView value;
    std::vector<Dataset> items; ///< sequence items (empty for plain values)
};

struct Dataset
{
    std::vector<Element> elements;
    const Element* find(std::uint32_t t) const
    {
        for (const Element& e : elements)
            if (e.tag == t)
                return &e;
        return nullptr;
    }
    std::string str(std::uint32_t t) const
    {
        const Element* e = find(t);
        return e ? e->value.text(0, e->value.size()) : std::string();
    }
    std::optional<double> ds(std::uint32_t t) const
    {
        std::string s = str(t);
        const auto bs = s.find('\\');
        if (bs != std::string::npos)
            s.resize(bs);
        std::size_t b = s.find_first_not_of(' ');
        if (b == std::string::npos)
            return std::nullopt;
        if (s[b] == '+')
            ++b;
        double v = 0;
        auto [p, ec] = std::from_chars(s.data() + b, s.data() + s.size(), v);
        if (ec != std::errc() || !std::isfinite(v))
            return std::nullopt;
        return v;
    }
    std::optional<std::uint32_t> uint(std::uint32_t t) const
    {
        const Element* e = find(t);
        if (!e)
            return std::nullopt;
        if (e->value.size() == 2)
            return e->value.u16(0);
        return e->value.u32(0);
    }
    const Dataset* firstItem(std::uint32_t t) const
    {
        const Element* e = find(t);
        return e && !e->items.empty() ? &e->items.front() : nullptr;
    }
};

class Parser
{
public:
    /// `name`: the file, for the errors.
    Parser(ByteView bytes, bool explicitVr, const std::string& name)
        : m_bytes(bytes), m_explicit(explicitVr), m_name(name)
    {}

    /// Parses elements in [pos, end) into `out`; stops at an item/sequence delimiter when
    /// `inItem` (undefined-length item). Returns false with m_error set on damage.
    bool parse(std::size_t& pos, std::size_t end, Dataset& out, int depth, bool inItem)
    {
        if (depth > kMaxDepth)
            return fail(messages::kDicomTooDeep);
        while (pos < end) {
            if (!m_bytes.has(pos, 8) || pos + 8 > end)
                return fail(messages::kDicomElementCut);
            const std::uint32_t t = tag(*m_bytes.u16(pos), *m_bytes.u16(pos + 2));
            if (t == kItemEnd || t == kSequenceEnd) {
                pos += 8;
                if (inItem)
                    return true;
                continue; // stray delimiter at top level: skip it
            }
            std::uint32_t length = 0;
            std::string vr;
            if (m_explicit && (t >> 16) != 0xFFFE) {
                vr = {char(*m_bytes.u8(pos + 4)), char(*m_bytes.u8(pos + 5))};
                if (isLongVr(vr)) {
                    if (!m_bytes.has(pos, 12))
                        return fail(messages::kDicomElementCut);
                    length = *m_bytes.u32(pos + 8);
                    pos += 12;
                } else {
                    length = *m_bytes.u16(pos + 6);
                    pos += 8;
                }
            } else {
                length = *m_bytes.u32(pos + 4);
                pos += 8;
            }
            Element el;
            el.tag = t;
            const bool sequence = vr == "SQ" || length == kUndefined ||
                                  (vr.empty() && length >= 8 && m_bytes.has(pos, 4) &&
                                   tag(*m_bytes.u16(pos), *m_bytes.u16(pos + 2)) == kItem);
            if (length != kUndefined && (length > end - pos || !m_bytes.has(pos, length)))
                return fail(messages::kDicomElementLength,
                            {tagText(t), std::to_string(length), std::to_string(end - pos)});
            if (sequence) {
                const std::size_t seqEnd = length == kUndefined ? end : pos + length;
                if (!parseItems(pos, seqEnd, el, depth, length == kUndefined))
                    return false;
                if (length != kUndefined)
                    pos = seqEnd;
            } else {
                el.value = m_bytes.sub(pos, length);
                pos += length;
            }
            if (++m_count > 200000)
                return fail(messages::kDicomTooManyElements);
            out.elements.push_back(std::move(el));
        }
        if (inItem && m_undefinedItem)
            return fail(messages::kDicomItemNoEnd);
        return true;
    }

    const Message& error() const { return m_error; }

private:
    bool parseItems(std::size_t& pos, std::size_t end, Element& el, int depth, bool undefined)
    {
        while (pos < end) {
            if (!m_bytes.has(pos, 8))
                return fail(messages::kDicomItemCut);
            const std::uint32_t t = tag(*m_bytes.u16(pos), *m_bytes.u16(pos + 2));
            const std::uint32_t length = *m_bytes.u32(pos + 4);
            pos += 8;
            if (t == kSequenceEnd)
                return true;
            if (t != kItem)
                return fail(messages::kDicomNotItem, {tagText(el.tag)});
            Dataset item;
            if (length == kUndefined) {
                const bool saved = m_undefinedItem;
                m_undefinedItem = true;
                if (!parse(pos, end, item, depth + 1, true))
                    return false;
                m_undefinedItem = saved;
            } else {
                if (length > end - pos)
                    return fail(
                        messages::kDicomItemLength,
                        {tagText(el.tag), std::to_string(length), std::to_string(end - pos)});
                std::size_t p = pos;
                const bool saved = m_undefinedItem;
                m_undefinedItem = false;
                if (!parse(p, pos + length, item, depth + 1, true))
                    return false;
                m_undefinedItem = saved;
                pos += length;
            }
            el.items.push_back(std::move(item));
        }
        if (undefined)
            return fail(messages::kDicomSequenceNoEnd, {tagText(el.tag)});
        return true;
    }

    bool fail(const MessageTemplate& what, std::vector<std::string> values = {})
    {
        if (m_error.id.empty())
            m_error = messages::aboutFile(what, m_name, std::move(values));
        return false;
    }

    ByteView m_bytes;
    bool m_explicit;
    bool m_undefinedItem = false;
    std::size_t m_count = 0;
    std::string m_name;
    Message m_error; ///< empty id: none
};

/// A DICOM PN value (PS3.5 6.2.1) as one line: the alphabetic group (before the first "=")
/// as personName writes family^given^middle^prefix^suffix, then the ideographic group (kanji,
/// hanja, hanzi) in brackets, family name first and no comma, as these names are written:
/// "Yamada^Tarou=山田^太郎" is "Yamada, Tarou (山田 太郎)". A
/// name without an alphabetic group shows its ideographic one, or else its phonetic one.
std::string dicomPersonName(std::string_view pn)
{
    std::string groups[3][5];
    std::size_t g = 0, k = 0;
    for (const char c : pn) {
        if (c == '=') {
            if (++g == std::size(groups))
                break;
            k = 0;
        } else if (c == '^') {
            ++k;
        } else if (k < std::size(groups[g])) { // a sixth component is not in the standard
            groups[g][k] += c;
        }
    }
    auto familyFirst = [](const std::string(&parts)[5]) {
        std::string out;
        for (const std::string& part : {parts[0], parts[1], parts[2]})
            if (const std::string t = trimmed(part); !t.empty())
                out += (out.empty() ? "" : " ") + t;
        return out;
    };
    const auto& a = groups[0];
    const std::string alphabetic = personName(a[0], a[1], a[2], a[3], a[4]);
    const std::string ideographic = familyFirst(groups[1]);
    if (alphabetic.empty())
        return ideographic.empty() ? familyFirst(groups[2]) : ideographic;
    return ideographic.empty() ? alphabetic : alphabetic + " (" + ideographic + ")";
}

std::optional<Date> parseDa(const std::string& s)
{
    if (s.size() < 8)
        return std::nullopt;
    int v[3] = {};
    const int widths[3] = {4, 2, 2};
    std::size_t at = 0;
    for (int k = 0; k < 3; ++k) {
        auto [p, ec] = std::from_chars(s.data() + at, s.data() + at + widths[k], v[k]);
        if (ec != std::errc() || p != s.data() + at + widths[k])
            return std::nullopt;
        at += widths[k];
    }
    Date d{v[0], v[1], v[2]};
    return plausibleDate(d) ? std::optional<Date>(d) : std::nullopt;
}

/// "HHMMSS.ffffff" (also "HH:MM:SS") into `t`.
void parseTm(std::string s, DateTime& t)
{
    std::erase(s, ':');
    int h = 0, m = 0;
    if (s.size() >= 4 && std::from_chars(s.data(), s.data() + 2, h).ec == std::errc() &&
        std::from_chars(s.data() + 2, s.data() + 4, m).ec == std::errc() && h < 24 && m < 60) {
        t.hour = h;
        t.minute = m;
        double sec = 0;
        if (s.size() > 4 &&
            std::from_chars(s.data() + 4, s.data() + s.size(), sec).ec == std::errc() && sec >= 0 &&
            sec < 61)
            t.second = sec;
    }
}

/// Lead name from a Channel Source Sequence item: SCP-ECG codes "5.6.3-9-<n>" map through the
/// SCP lead table; otherwise the code meaning ("Lead I (Einthoven)" -> "I").
std::pair<std::string, std::string> leadNameOf(const Dataset* source, std::size_t index)
{
    if (!source)
        return {"channel " + std::to_string(index + 1), "channel " + std::to_string(index + 1)};
    const std::string value = source->str(tag(0x0008, 0x0100));
    const std::string meaning = source->str(tag(0x0008, 0x0104));
    const std::string original = !meaning.empty() ? meaning : value;
    const std::string prefix = "5.6.3-9-";
    if (value.rfind(prefix, 0) == 0) {
        unsigned code = 0;
        auto [p, ec] =
            std::from_chars(value.data() + prefix.size(), value.data() + value.size(), code);
        if (ec == std::errc() && p == value.data() + value.size())
            return {normaliseLeadName(scpLeadName(code)), original};
    }
    std::string cleaned = meaning;
    if (const auto paren = cleaned.find(" ("); paren != std::string::npos)
        cleaned.resize(paren);
    const std::string name = normaliseLeadName(cleaned.empty() ? value : cleaned);
    if (name.empty()) // a channel source without code value or meaning
        return {"channel " + std::to_string(index + 1), original};
    return {name, original};
}

} // namespace

Result<Recording> parseDicom(const std::uint8_t* data, std::size_t size, const std::string& name,
                             const OpenOptions& options)
{
    using R = Result<Recording>;
    ByteView bytes(data, size);
    std::size_t pos = 0;
    Dataset meta, ds;
    bool explicitVr = false;
    if (size >= 132 && std::string(reinterpret_cast<const char*>(data) + 128, 4) == "DICM") {
        pos = 132;
        // File meta information: always explicit VR little endian, group 0002.
        Parser metaParser(bytes, true, name);
        std::size_t metaEnd = pos;
        while (bytes.has(metaEnd, 8) && *bytes.u16(metaEnd) == 0x0002) {
            const bool longForm =
                isLongVr({char(*bytes.u8(metaEnd + 4)), char(*bytes.u8(metaEnd + 5))});
            const std::size_t len =
                longForm ? bytes.u32(metaEnd + 8).value_or(kUndefined) : *bytes.u16(metaEnd + 6);
            const std::size_t next = metaEnd + (longForm ? 12 : 8) + len;
            if (len == kUndefined || next > size)
                return R::failure(makeMessage(messages::kDicomMetaDamaged, {name}));
            metaEnd = next;
        }
        if (!metaParser.parse(pos, metaEnd, meta, 0, false))
            return R::failure(metaParser.error());
        const std::string ts = meta.str(tag(0x0002, 0x0010));
        if (ts == "1.2.840.10008.1.2.1")
            explicitVr = true;
        else if (ts == "1.2.840.10008.1.2")
            explicitVr = false;
        else
            return R::failure(ts.empty()
                                  ? makeMessage(messages::kDicomTransferSyntaxMissing, {name})
                                  : makeMessage(messages::kDicomTransferSyntax, {name, ts}));
    } else {
        // No preamble: a bare data set. Explicit VR if bytes 4-5 look like a VR.
        explicitVr = size >= 6 && std::isupper(data[4]) && std::isupper(data[5]);
    }
    Parser parser(bytes, explicitVr, name);
    if (!parser.parse(pos, size, ds, 0, false))
        return R::failure(parser.error());

    const Element* waveforms = ds.find(tag(0x5400, 0x0100));
    if (!waveforms || waveforms->items.empty())
        return R::failure(makeMessage(messages::kDicomNoWaveform, {name}));
    const Dataset* wf = &waveforms->items.front();
    for (const Dataset& item : waveforms->items)
        if (item.str(tag(0x003A, 0x0020)) == "RHYTHM") {
            wf = &item;
            break;
        }

    Recording rec;
    rec.format = "DICOM 12-lead ECG";
    rec.sourcePath = name;
    const std::string sop = meta.str(tag(0x0002, 0x0002)).empty() ? ds.str(tag(0x0008, 0x0016))
                                                                  : meta.str(tag(0x0002, 0x0002));
    if (!sop.empty() && sop != "1.2.840.10008.5.1.4.1.1.9.1.1")
        rec.format = "DICOM waveform";
    if (waveforms->items.size() > 1) {
        std::string labels;
        for (const Dataset& item : waveforms->items)
            labels += (labels.empty() ? "" : ", ") + item.str(tag(0x003A, 0x0020));
        rec.notes.push_back("DICOM waveform groups: " + labels + "; the " +
                            (wf->str(tag(0x003A, 0x0020)).empty() ? std::string("first")
                                                                  : wf->str(tag(0x003A, 0x0020))) +
                            " group is shown.");
    }

    const auto channels = wf->uint(tag(0x003A, 0x0005)).value_or(0);
    const auto samples = wf->uint(tag(0x003A, 0x0010)).value_or(0);
    const auto fs = wf->ds(tag(0x003A, 0x001A));
    const auto bits = wf->uint(tag(0x5400, 0x1004)).value_or(16);
    const std::string interp = wf->str(tag(0x5400, 0x1006));
    const Element* dataEl = wf->find(tag(0x5400, 0x1010));
    if (channels == 0 || samples == 0)
        return R::failure(makeMessage(messages::kDicomWaveformSize,
                                      {name, std::to_string(channels), std::to_string(samples)}));
    if (!fs || *fs <= 0 || *fs > 1e6)
        return R::failure(makeMessage(messages::kDicomNoFrequency, {name}));
    if (!dataEl)
        return R::failure(makeMessage(messages::kDicomNoData, {name}));
    const bool isSigned = interp == "SS" || interp == "SB" || interp == "SL";
    if (!(interp == "SS" || interp == "US" || interp == "SB" || interp == "UB" || interp == "SL" ||
          interp == "UL"))
        return R::failure(makeMessage(messages::kDicomInterpretation, {name, "'" + interp + "'"}));
    if (bits != 8 && bits != 16 && bits != 32)
        return R::failure(makeMessage(messages::kDicomBits, {name, std::to_string(bits)}));
    const std::size_t bytesPer = bits / 8;
    const std::size_t frameBytes = std::size_t(channels) * bytesPer;
    std::size_t n = samples;
    // The declared count is checked against the data that exist before anything is allocated.
    if (std::uint64_t(samples) * frameBytes > dataEl->value.size()) {
        n = dataEl->value.size() / frameBytes;
        rec.warnings.push_back(
            makeMessage(messages::kDicomTruncated, {std::to_string(samples), std::to_string(n)}));
    }
    if (n == 0)
        return R::failure(
            makeMessage(messages::kDicomNoFrame,
                        {name, std::to_string(dataEl->value.size()), std::to_string(channels)}));
    if (std::uint64_t(n) * channels > options.maxTotalSamples)
        return R::failure(makeMessage(messages::kOpenTooManySamples, {name}));

    const Element* defs = wf->find(tag(0x003A, 0x0200));
    if (!defs || defs->items.size() < channels)
        rec.warnings.push_back(makeMessage(messages::kDicomChannelDefinitionsMissing));
    rec.fsHz = *fs;
    for (std::size_t c = 0; c < channels; ++c) {
        if (options.progress && !options.progress(double(c) / channels))
            return R::failure(name + ": reading cancelled.");
        const Dataset* def = defs && c < defs->items.size() ? &defs->items[c] : nullptr;
        Lead lead;
        auto [leadName, original] =
            leadNameOf(def ? def->firstItem(tag(0x003A, 0x0208)) : nullptr, c);
        lead.name = leadName;
        lead.originalName = original;
        lead.fsHz = *fs;
        double sensitivity = 1, correction = 1, baseline = 0, mvPerUnit = 1;
        if (def) {
            sensitivity = def->ds(tag(0x003A, 0x0210)).value_or(1.0);
            correction = def->ds(tag(0x003A, 0x0212)).value_or(1.0);
            baseline = def->ds(tag(0x003A, 0x0213)).value_or(0.0);
            const Dataset* units = def->firstItem(tag(0x003A, 0x0211));
            const std::string unit = units ? units->str(tag(0x0008, 0x0100)) : "";
            if (unit == "uV")
                mvPerUnit = 1e-3;
            else if (unit == "mV")
                mvPerUnit = 1;
            else if (unit == "V")
                mvPerUnit = 1e3;
            else
                rec.warnings.push_back(makeMessage(messages::kDicomUnknownUnit, {lead.name, unit}));
            if (const auto skew = def->ds(tag(0x003A, 0x0215)); skew && *skew != 0)
                rec.warnings.push_back(
                    makeMessage(messages::kDicomSkew, {lead.name, std::to_string(*skew)}));
        }
        const double step = sensitivity * correction; // file units per stored integer
        if (step == 0 || !std::isfinite(step))
            return R::failure(makeMessage(messages::kDicomZeroSensitivity, {name, lead.name}));
        // Physical value = stored * sensitivity * correction + baseline (file units), then mV.
        lead.unit = "mV"; // converted from the file's unit: the viewer expects mV
        lead.gain = 1.0 / (step * mvPerUnit);
        lead.baseline = baseline != 0 ? -baseline / step : 0.0;
        lead.adcResolutionBits = int(wf->uint(tag(0x003A, 0x021A)).value_or(0));
        lead.samples.resize(n);
        const ByteView& v = dataEl->value;
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t at = i * frameBytes + c * bytesPer;
            double stored = 0;
            if (bytesPer == 2)
                stored = isSigned ? double(*v.i16(at)) : double(*v.u16(at));
            else if (bytesPer == 1)
                stored = isSigned ? double(std::int8_t(*v.u8(at))) : double(*v.u8(at));
            else
                stored = isSigned ? double(std::int32_t(*v.u32(at))) : double(*v.u32(at));
            lead.samples[i] = float((stored * step + baseline) * mvPerUnit);
        }
        rec.leads.push_back(std::move(lead));
    }

    // Names and IDs in the character sets the file declares (0008,0005), if decoded here.
    const DicomTextDecoder text(ds.str(tag(0x0008, 0x0005)));
    if (!text.undecoded().empty())
        rec.warnings.push_back(
            makeMessage(messages::kTextEncodingUndecoded, {"'" + text.undecoded() + "'"}));
    Patient& p = rec.patient;
    p.id = text.decode(ds.str(tag(0x0010, 0x0020)));
    p.name = dicomPersonName(text.decode(ds.str(tag(0x0010, 0x0010)), true));
    p.birthDate = parseDa(ds.str(tag(0x0010, 0x0030)));
    const std::string sex = ds.str(tag(0x0010, 0x0040));
    p.sex = sex == "M" ? Sex::Male : sex == "F" ? Sex::Female : Sex::Unknown;
    const std::string age = ds.str(tag(0x0010, 0x1010)); // AS: "049Y", "006M", "003W", "010D"
    if (age.size() == 4) {
        int v = 0;
        if (std::from_chars(age.data(), age.data() + 3, v).ec == std::errc()) {
            const char u = age[3];
            const double perYear = u == 'Y' ? 1 : u == 'M' ? 12 : u == 'W' ? 52.1775 : 365.25;
            if (u == 'Y' || u == 'M' || u == 'W' || u == 'D')
                p.ageYears = v / perYear;
        }
    }
    DateTime start;
    const std::string dt = ds.str(tag(0x0008, 0x002A)); // AcquisitionDateTime
    if (auto d = parseDa(dt)) {
        start.date = *d;
        start.hasDate = true;
        parseTm(dt.substr(8), start);
    } else {
        for (auto [dtag, ttag] : {std::pair{0x0022, 0x0032}, {0x0023, 0x0033}, {0x0020, 0x0030}})
            if (auto d2 = parseDa(ds.str(tag(0x0008, std::uint16_t(dtag))))) {
                start.date = *d2;
                start.hasDate = true;
                parseTm(ds.str(tag(0x0008, std::uint16_t(ttag))), start);
                break;
            }
    }
    if (start.hasDate) {
        rec.start = start;
        if (!p.ageYears && p.birthDate)
            p.ageYears = ageOnDate(*p.birthDate, start.date);
    }
    if (options.progress)
        options.progress(1.0);
    return rec;
}

} // namespace vendor

Result<Recording> readDicom(const std::string& path, const OpenOptions& options)
{
    auto bytes = vendor::loadFile(path);
    if (!bytes)
        return Result<Recording>::failureOf(bytes);
    auto r = vendor::parseDicom(bytes->data(), bytes->size(), path, options);
    if (r)
        r->sourcePath = path;
    return r;
}

} // namespace ecglens::io
