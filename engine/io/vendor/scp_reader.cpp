// SCP-ECG (EN 1064 / ISO 11073-91064) reader: our own parser so that errors are ours and there
// is no global state (libbiosig's SCP decoder keeps its Huffman tables in globals).
//
// Layout: CRC(2) + record length(4), then sections, each with a 16-byte header: CRC(2), id(2),
// length(4, header included), section version(1), protocol version(1), reserved(6). Section 0
// holds 10-byte pointers: id(2), length(4), index(4, 1-based byte position in the record).

#include "io/messages.h"
#include "io/readers.h"
#include "io/vendor/scp_huffman.h"
#include "io/vendor/vendor_common.h"

#include "core/charset.h"
#include "core/lead_names.h"
#include "core/text.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>

namespace ecglens::io {

namespace vendor {

namespace {

using scp::HuffmanTable;

constexpr std::size_t kSectionHeader = 16;
constexpr int kMaxSections = 32;

/// CRC-CCITT (polynomial 0x1021, initial value 0xFFFF), as EN 1064 specifies.
std::uint16_t crcCcitt(const std::uint8_t* p, std::size_t n)
{
    std::uint16_t crc = 0xFFFF;
    for (std::size_t i = 0; i < n; ++i) {
        crc ^= std::uint16_t(p[i] << 8);
        for (int b = 0; b < 8; ++b)
            crc = (crc & 0x8000) ? std::uint16_t((crc << 1) ^ 0x1021) : std::uint16_t(crc << 1);
    }
    return crc;
}

struct SectionRef
{
    bool present = false;
    ByteView payload; ///< bytes after the 16-byte header
    std::uint8_t protocolVersion = 0;
};

struct LeadDef
{
    std::uint32_t start = 0; ///< 1-based sample numbers, inclusive
    std::uint32_t end = 0;
    unsigned code = 0;
};

struct Qrs
{
    std::uint16_t type = 0;
    std::uint32_t subStart = 0, fiducial = 0, subEnd = 0; ///< 1-based sample numbers
};

struct Context
{
    const std::string& name;
    Recording rec;
    std::array<SectionRef, kMaxSections> sections;
    TextEncoding encoding = TextEncoding::Undeclared; ///< section 1 tag 14's
    /// A text field (up to its NUL, trailing spaces removed) as UTF-8 in the file's encoding.
    std::string text(ByteView v) const
    {
        if (encoding != TextEncoding::Utf16Le)
            return decodeText(v.text(0, v.size()), encoding);
        // 16-bit units: the 0x00 bytes of ASCII letters are no terminator.
        std::string t = decodeText(
            std::string_view(reinterpret_cast<const char*>(v.data()), v.size()), encoding);
        dropTrailingBlanks(t);
        return t;
    }
    void warn(const MessageTemplate& t, std::vector<std::string> args = {})
    {
        rec.warnings.push_back(makeMessage(t, std::move(args)));
    }
};

std::string versionText(std::uint8_t v)
{
    if (v == 0)
        return "";
    return std::to_string(v / 10) + "." + std::to_string(v % 10);
}

/// Reads the section table of section 0 and validates every section header and CRC.
Result<bool> locateSections(ByteView file, Context& ctx)
{
    using R = Result<bool>;
    const std::size_t s0 = 6;
    const auto id0 = file.u16(s0 + 2);
    const auto len0 = file.u32(s0 + 4);
    if (!id0 || !len0 || *id0 != 0 || *len0 < kSectionHeader || !file.has(s0, *len0))
        return R::failure(makeMessage(messages::kScpNoTableOfContents, {ctx.name}));
    const std::size_t pointers = (*len0 - kSectionHeader) / 10;
    for (std::size_t i = 0; i < pointers; ++i) {
        const std::size_t at = s0 + kSectionHeader + i * 10;
        const unsigned id = *file.u16(at);
        const std::uint32_t length = *file.u32(at + 2);
        const std::uint32_t index = *file.u32(at + 6);
        if (length == 0)
            continue; // the section is absent
        if (id >= kMaxSections)
            continue; // manufacturer-specific sections are not needed here
        const std::string section = std::to_string(id);
        if (index == 0 || !file.has(index - 1, length) || length < kSectionHeader) {
            ctx.warn(messages::kScpSectionOutside,
                     {section, std::to_string(index), std::to_string(length),
                      std::to_string(file.size())});
            continue;
        }
        const std::size_t off = index - 1;
        const std::uint16_t storedId = *file.u16(off + 2);
        const std::uint32_t storedLen = *file.u32(off + 4);
        if (storedId != id || storedLen != length) {
            ctx.warn(messages::kScpSectionHeaderMismatch, {section, std::to_string(storedId)});
            continue;
        }
        if (crcCcitt(file.data() + off + 2, length - 2) != *file.u16(off))
            ctx.warn(messages::kScpSectionChecksum, {section});
        SectionRef& ref = ctx.sections[id];
        ref.present = true;
        ref.payload = file.sub(off + kSectionHeader, length - kSectionHeader);
        ref.protocolVersion = *file.u8(off + 9);
    }
    return true;
}

void readPatient(ByteView p, Context& ctx)
{
    Patient& pat = ctx.rec.patient;
    std::optional<Date> acquired;
    DateTime start;
    bool haveTime = false;
    std::string lastName, firstName, secondLastName; // tags 0, 1, 3
    // Fields (tag, length, value) up to tag 255; tag 14's language support code tells how the
    // text fields before and after it are encoded.
    std::vector<std::pair<unsigned, ByteView>> fields;
    for (std::size_t pos = 0; p.has(pos, 3);) {
        const unsigned tag = *p.u8(pos);
        const std::size_t len = *p.u16(pos + 1);
        pos += 3;
        if (tag == 255)
            break;
        if (!p.has(pos, len)) {
            ctx.warn(messages::kScpPatientFieldOverrun, {std::to_string(tag)});
            break;
        }
        fields.emplace_back(tag, p.sub(pos, len));
        if (tag == 14 && len > 16) {
            const unsigned code = *p.u8(pos + 16);
            if (const auto e = scpTextEncoding(code)) {
                ctx.encoding = *e;
            } else {
                char hex[8];
                std::snprintf(hex, sizeof hex, "0x%02X", code);
                ctx.warn(messages::kTextEncodingUndecoded,
                         {"'SCP-ECG language support code " + std::string(hex) + "'"});
            }
        }
        pos += len;
    }
    for (const auto& [tag, v] : fields) {
        const std::size_t len = v.size();
        switch (tag) {
        case 0:
            lastName = ctx.text(v);
            break;
        case 1:
            firstName = ctx.text(v);
            break;
        case 3:
            secondLastName = ctx.text(v);
            break;
        case 2:
            pat.id = ctx.text(v);
            break;
        case 4: // age: value(2) + unit(1): 1 years, 2 months, 3 weeks, 4 days, 5 hours
            if (len >= 3 && *v.u16(0) > 0) {
                static const double perYear[] = {1, 1, 12, 52.1775, 365.25, 8766};
                const unsigned unit = *v.u8(2);
                if (unit <= 5)
                    pat.ageYears = *v.u16(0) / perYear[unit];
            }
            break;
        case 5:
            if (len >= 4) {
                Date d{*v.u16(0), *v.u8(2), *v.u8(3)};
                if (plausibleDate(d))
                    pat.birthDate = d;
            }
            break;
        case 8:
            if (len >= 1)
                pat.sex = *v.u8(0) == 1 ? Sex::Male : *v.u8(0) == 2 ? Sex::Female : Sex::Unknown;
            break;
        case 13:
        case 30:
        case 35:
            if (std::string t = ctx.text(v); !t.empty())
                ctx.rec.notes.push_back((tag == 13 ? "Referral: " : "") + t);
            break;
        case 25:
            if (len >= 4) {
                Date d{*v.u16(0), *v.u8(2), *v.u8(3)};
                if (plausibleDate(d))
                    acquired = d;
            }
            break;
        case 26:
            if (len >= 3) {
                start.hour = *v.u8(0);
                start.minute = *v.u8(1);
                start.second = *v.u8(2);
                haveTime = start.hour < 24 && start.minute < 60 && start.second < 61;
            }
            break;
        default:
            break;
        }
    }
    if (acquired) {
        start.date = *acquired;
        start.hasDate = true;
    }
    if (acquired || haveTime)
        ctx.rec.start = start;
    pat.name = personName(lastName + " " + secondLastName, firstName);
    // Files often give the birth date but not the age (tag 4): derive it, as libbiosig does.
    if (!pat.ageYears && pat.birthDate && acquired)
        pat.ageYears = ageOnDate(*pat.birthDate, *acquired);
}

/// Sections 5 and 6 share their start: AVM (nV), sample interval (us), difference encoding.
struct WaveHeader
{
    unsigned avmNv = 0, intervalUs = 0, diff = 0, bimodal = 0;
    std::vector<ByteView> leadBytes;
};

/// The wordings of readWaveHeader's failures, after the values `before` (the file's name, or
/// nothing for a warning).
struct WaveHeaderErrors
{
    const MessageTemplate& tooShort;    ///< values: before
    const MessageTemplate& leadOverrun; ///< before, lead number, bytes
    const MessageTemplate& encoding;    ///< before, difference encoding
    std::vector<std::string> before;
};

Result<WaveHeader> readWaveHeader(ByteView p, std::size_t nLeads, const WaveHeaderErrors& errors)
{
    using R = Result<WaveHeader>;
    auto fail = [&](const MessageTemplate& t, std::vector<std::string> values) {
        values.insert(values.begin(), errors.before.begin(), errors.before.end());
        return R::failure(makeMessage(t, std::move(values)));
    };
    WaveHeader h;
    if (!p.has(0, 6 + 2 * nLeads))
        return fail(errors.tooShort, {});
    h.avmNv = *p.u16(0);
    h.intervalUs = *p.u16(2);
    h.diff = *p.u8(4);
    h.bimodal = *p.u8(5);
    std::size_t pos = 6 + 2 * nLeads;
    for (std::size_t i = 0; i < nLeads; ++i) {
        const std::size_t n = *p.u16(6 + 2 * i);
        if (!p.has(pos, n))
            return fail(errors.leadOverrun, {std::to_string(i + 1), std::to_string(n)});
        h.leadBytes.push_back(p.sub(pos, n));
        pos += n;
    }
    if (h.diff > 2)
        return fail(errors.encoding, {std::to_string(h.diff)});
    return h;
}

/// Huffman (or plain 16-bit) decoding followed by undoing the difference encoding.
std::vector<std::int32_t> decodeLead(ByteView bytes, const std::vector<HuffmanTable>* tables,
                                     std::size_t count, unsigned diff, Message& error)
{
    std::vector<std::int32_t> v;
    if (tables) {
        v = scp::decodeHuffman(bytes, *tables, count, error);
    } else {
        v.reserve(std::min(count, bytes.size() / 2));
        for (std::size_t i = 0; i < count && bytes.has(2 * i, 2); ++i)
            v.push_back(*bytes.i16(2 * i));
    }
    // Wrap-around arithmetic: corrupt input must not be undefined behaviour.
    auto wrap = [](std::int64_t x) { return std::int32_t(std::uint32_t(std::uint64_t(x))); };
    if (diff == 1)
        for (std::size_t i = 1; i < v.size(); ++i)
            v[i] = wrap(std::int64_t(v[i]) + v[i - 1]);
    else if (diff == 2)
        for (std::size_t i = 2; i < v.size(); ++i)
            v[i] = wrap(std::int64_t(v[i]) + 2 * std::int64_t(v[i - 1]) - v[i - 2]);
    return v;
}

void readStatements(ByteView p, Context& ctx, const MessageTemplate& overrun)
{
    // Confirmed flag(1), date(4), time(3), count(1), then: sequence(1), length(2), text.
    const auto count = p.u8(8);
    if (!count)
        return;
    std::size_t pos = 9;
    for (unsigned i = 0; i < *count && p.has(pos, 3); ++i) {
        const std::size_t len = *p.u16(pos + 1);
        pos += 3;
        if (!p.has(pos, len)) {
            ctx.warn(overrun, {std::to_string(i + 1)});
            return;
        }
        Statement st;
        st.text = ctx.text(p.sub(pos, len));
        if (!st.text.empty())
            ctx.rec.statements.push_back(st);
        pos += len;
    }
}

void readMeasurements(ByteView p, Context& ctx)
{
    // Blocks count(1), pacemaker spikes(1), mean RR(2), mean PP(2); then per reference beat:
    // P on, P off, QRS on, QRS off, T off (ms in the beat), P, QRS, T axes (degrees).
    // 29999 means "not computed".
    if (!p.has(0, 6 + 16) || *p.u8(0) == 0)
        return;
    auto val = [&](int k) -> std::optional<int> {
        const int v = *p.i16(6 + 2 * k);
        return (v == 29999 || v == 29998) ? std::nullopt : std::optional<int>(v);
    };
    std::string s = "SCP measurements (reference beat):";
    const auto pOn = val(0), qrsOn = val(2), qrsOff = val(3), tOff = val(4);
    if (pOn && qrsOn)
        s += " PR " + std::to_string(*qrsOn - *pOn) + " ms;";
    if (qrsOn && qrsOff)
        s += " QRS " + std::to_string(*qrsOff - *qrsOn) + " ms;";
    if (qrsOn && tOff)
        s += " QT " + std::to_string(*tOff - *qrsOn) + " ms;";
    const char* axes[] = {" P axis ", " QRS axis ", " T axis "};
    for (int k = 0; k < 3; ++k)
        if (auto a = val(5 + k))
            s += axes[k] + std::to_string(*a) + " deg;";
    if (s.back() == ';')
        ctx.rec.notes.push_back(s.substr(0, s.size() - 1));
}

} // namespace

Result<Recording> parseScp(const std::uint8_t* data, std::size_t size, const std::string& name,
                           const OpenOptions& options)
{
    using R = Result<Recording>;
    ByteView file(data, size);
    Context ctx{name, {}, {}};
    ctx.rec.sourcePath = name;
    if (size < 6 + kSectionHeader)
        return R::failure(makeMessage(messages::kScpTooShort, {name, std::to_string(size)}));
    const std::uint32_t declared = *file.u32(2);
    if (declared > size) {
        ctx.warn(messages::kScpFileTruncated, {std::to_string(size), std::to_string(declared)});
    } else {
        if (declared < size)
            ctx.warn(messages::kScpTrailingBytes, {std::to_string(size - declared)});
        if (declared >= 6 && crcCcitt(data + 2, declared - 2) != *file.u16(0))
            ctx.warn(messages::kScpFileChecksum);
        file = ByteView(data, std::max<std::size_t>(declared, 6 + kSectionHeader));
    }
    if (auto ok = locateSections(file, ctx); !ok)
        return R::failureOf(ok);
    auto& sec = ctx.sections;

    const std::uint8_t version = *file.u8(6 + 9); // protocol version of section 0
    ctx.rec.format = "SCP-ECG" + (version ? " v" + versionText(version) : std::string());

    if (sec[1].present)
        readPatient(sec[1].payload, ctx);

    std::optional<std::vector<HuffmanTable>> tables;
    if (sec[2].present) {
        auto t = scp::parseHuffmanTables(sec[2].payload, name);
        if (!t)
            return R::failureOf(t);
        tables = std::move(t.value());
    }

    if (!sec[3].present)
        return R::failure(makeMessage(messages::kScpNoLeadDefinitions, {name}));
    ByteView s3 = sec[3].payload;
    const unsigned nLeads = s3.u8(0).value_or(0);
    const unsigned flags = s3.u8(1).value_or(0);
    if (nLeads == 0 || !s3.has(2, std::size_t(nLeads) * 9))
        return R::failure(
            makeMessage(messages::kScpLeadDefinitionsShort, {name, std::to_string(nLeads)}));
    std::vector<LeadDef> defs(nLeads);
    for (unsigned i = 0; i < nLeads; ++i) {
        defs[i].start = *s3.u32(2 + 9 * i);
        defs[i].end = *s3.u32(2 + 9 * i + 4);
        defs[i].code = *s3.u8(2 + 9 * i + 8);
        if (defs[i].start == 0 || defs[i].end < defs[i].start)
            return R::failure(makeMessage(messages::kScpLeadRange, {name, std::to_string(i + 1)}));
    }
    const bool refBeatSubtracted = flags & 0x01;
    for (unsigned i = 1; i < nLeads; ++i)
        if (defs[i].start != defs[0].start)
            ctx.warn(messages::kScpLeadsNotAligned,
                     {scpLeadName(defs[i].code), std::to_string(defs[i].start),
                      std::to_string(defs[0].start)});

    if (!sec[6].present)
        return R::failure(makeMessage(messages::kScpNoRhythm, {name}));
    auto rhythm = readWaveHeader(sec[6].payload, nLeads,
                                 {messages::kScpRhythmShort,
                                  messages::kScpRhythmLeadOverrun,
                                  messages::kScpRhythmEncoding,
                                  {name}});
    if (!rhythm)
        return R::failureOf(rhythm);
    if (rhythm->bimodal)
        return R::failure(makeMessage(messages::kScpBimodal, {name}));
    if (rhythm->intervalUs == 0 || rhythm->avmNv == 0)
        return R::failure(makeMessage(messages::kScpRhythmZero, {name}));

    // Every sample takes at least one bit (Huffman) or two bytes (plain): refuse lying ranges
    // before allocating.
    std::uint64_t total = 0;
    for (unsigned i = 0; i < nLeads; ++i) {
        const std::uint64_t n = std::uint64_t(defs[i].end) - defs[i].start + 1;
        const std::uint64_t room =
            tables ? rhythm->leadBytes[i].size() * 8ull : rhythm->leadBytes[i].size() / 2;
        if (n > room)
            return R::failure(makeMessage(messages::kScpLeadDataShort,
                                          {name, scpLeadName(defs[i].code), std::to_string(n),
                                           std::to_string(rhythm->leadBytes[i].size())}));
        total += n;
    }
    if (total > options.maxTotalSamples)
        return R::failure(makeMessage(messages::kScpTooManySamples, {name, std::to_string(total)}));

    // Section 4 (QRS locations) and 5 (reference beats) for reference-beat addition.
    std::vector<Qrs> qrs;
    unsigned refLenMs = 0, refFiducial = 0;
    if (sec[4].present && sec[4].payload.has(0, 6)) {
        ByteView s4 = sec[4].payload;
        refLenMs = *s4.u16(0);
        refFiducial = *s4.u16(2);
        const unsigned n = *s4.u16(4);
        if (!s4.has(6, std::size_t(n) * 14))
            ctx.warn(messages::kScpQrsCount, {std::to_string(n)});
        for (unsigned k = 0; k < n && s4.has(6 + 14 * k, 14); ++k)
            qrs.push_back({*s4.u16(6 + 14 * k), *s4.u32(8 + 14 * k), *s4.u32(12 + 14 * k),
                           *s4.u32(16 + 14 * k)});
    }
    std::vector<std::vector<std::int32_t>> refBeats;
    unsigned refAvm = 0;
    if (refBeatSubtracted) {
        if (!sec[4].present || !sec[5].present || refLenMs == 0) {
            ctx.warn(messages::kScpReferenceBeatsMissing);
        } else {
            auto ref = readWaveHeader(sec[5].payload, nLeads,
                                      {messages::kScpReferenceBeatsShort,
                                       messages::kScpReferenceBeatsLeadOverrun,
                                       messages::kScpReferenceBeatsEncoding,
                                       {}});
            if (!ref) {
                ctx.rec.warnings.push_back(*ref.errorMessage());
            } else if (ref->intervalUs == 0) {
                ctx.warn(messages::kScpReferenceBeatsZeroInterval);
            } else {
                refAvm = ref->avmNv;
                const std::size_t len = std::size_t(refLenMs) * 1000 / ref->intervalUs;
                for (unsigned i = 0; i < nLeads; ++i) {
                    Message err;
                    refBeats.push_back(decodeLead(ref->leadBytes[i], tables ? &*tables : nullptr,
                                                  std::min<std::size_t>(len, 8 * size), ref->diff,
                                                  err));
                    if (!err.id.empty())
                        ctx.rec.warnings.push_back(messages::quoting(
                            messages::kScpReferenceBeatDamaged, {std::to_string(i + 1)}, err));
                }
            }
        }
    }

    // Common amplitude unit when reference beats and residual use different multipliers.
    const unsigned unitNv = refBeats.empty() ? rhythm->avmNv
                            : refAvm == 0    ? rhythm->avmNv
                                             : std::gcd(rhythm->avmNv, refAvm);
    const std::int64_t rhythmMul = rhythm->avmNv / unitNv;
    const std::int64_t refMul = refAvm ? refAvm / unitNv : 0;

    ctx.rec.fsHz = 1e6 / rhythm->intervalUs;
    for (unsigned i = 0; i < nLeads; ++i) {
        if (options.progress && !options.progress(double(i) / nLeads))
            return R::failure(name + ": reading cancelled.");
        const std::size_t n = std::size_t(defs[i].end) - defs[i].start + 1;
        Message err;
        std::vector<std::int32_t> v =
            decodeLead(rhythm->leadBytes[i], tables ? &*tables : nullptr, n, rhythm->diff, err);
        const std::string leadName = scpLeadName(defs[i].code);
        if (!err.id.empty())
            ctx.rec.warnings.push_back(
                messages::quoting(messages::kScpLeadDamaged, {leadName}, err));
        if (v.size() < n)
            ctx.warn(messages::kScpLeadShort,
                     {leadName, std::to_string(n), std::to_string(v.size())});
        std::vector<std::int64_t> full(n, 0);
        for (std::size_t k = 0; k < v.size(); ++k)
            full[k] = std::int64_t(v[k]) * rhythmMul;
        if (i < refBeats.size()) {
            const auto& ref = refBeats[i];
            for (const Qrs& q : qrs) {
                if (q.type != 0)
                    continue; // only beats of reference type 0 were subtracted
                for (std::uint64_t s = q.subStart; s <= q.subEnd && s >= 1 && s <= n; ++s) {
                    const std::int64_t r = std::int64_t(s) - q.fiducial + refFiducial - 1;
                    if (r >= 0 && std::size_t(r) < ref.size())
                        full[s - 1] += std::int64_t(ref[std::size_t(r)]) * refMul;
                }
            }
        }
        Lead lead;
        lead.name = normaliseLeadName(leadName);
        lead.originalName = leadName;
        lead.unit = "mV"; // converted from the file's nV multiplier so the viewer gets mV
        lead.fsHz = ctx.rec.fsHz;
        lead.gain = 1e6 / unitNv; // stored integers per mV
        lead.baseline = 0;
        lead.samples.assign(n, std::nanf(""));
        for (std::size_t k = 0; k < v.size(); ++k)
            lead.samples[k] = float(double(full[k]) * unitNv * 1e-6);
        // Stored integers beyond float's 24-bit mantissa would not round-trip through samples.
        for (std::size_t k = 0; k < v.size(); ++k)
            if (std::llabs(full[k]) > (1 << 23)) {
                lead.digital.assign(n, lead.invalidDigital);
                for (std::size_t j = 0; j < v.size(); ++j)
                    lead.digital[j] =
                        std::int32_t(std::clamp<std::int64_t>(full[j], INT32_MIN + 1, INT32_MAX));
                break;
            }
        ctx.rec.leads.push_back(std::move(lead));
    }
    for (const Qrs& q : qrs) {
        Annotation a;
        a.sample = std::int64_t(q.fiducial) - 1;
        a.timeS = double(a.sample) / ctx.rec.fsHz;
        a.code = "QRS";
        a.subtype = q.type;
        a.text = "reference beat type " + std::to_string(q.type);
        a.source = "SCP section 4";
        ctx.rec.annotations.push_back(a);
    }
    if (sec[7].present)
        readMeasurements(sec[7].payload, ctx);
    if (sec[8].present)
        readStatements(sec[8].payload, ctx, messages::kScpInterpretationOverrun);
    if (sec[11].present)
        readStatements(sec[11].payload, ctx, messages::kScpUniversalStatementOverrun);
    if (options.progress)
        options.progress(1.0);
    return std::move(ctx.rec);
}

} // namespace vendor

Result<Recording> readScp(const std::string& path, const OpenOptions& options)
{
    auto bytes = vendor::loadFile(path);
    if (!bytes)
        return Result<Recording>::failureOf(bytes);
    auto r = vendor::parseScp(bytes->data(), bytes->size(), path, options);
    if (r)
        r->sourcePath = path;
    return r;
}

} // namespace ecglens::io
