// EDF, EDF+ (C and D) and BDF reader.

#include "core/text.h"
#include "edf_header.h"
#include "edf_tal.h"
#include "io/messages.h"
#include "io/readers.h"

#include "core/lead_names.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>

namespace ecglens::io {

namespace {

using edf::EdfHeader;
using edf::EdfSignal;

struct FileCloser
{
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

/// "ECG I", "EKG V1", "ECG-aVR" -> the standard name; anything else unchanged.
std::string leadNameFor(const std::string& label)
{
    std::string name = normaliseLeadName(label);
    if (standardLeadIndex(name) >= 0)
        return name;
    const std::string l = lowercased(label);
    for (const char* prefix : {"ecg", "ekg"}) {
        if (l.rfind(prefix, 0) == 0 && l.size() > 3) {
            std::size_t i = 3;
            while (i < l.size() && (l[i] == ' ' || l[i] == '-' || l[i] == '_' || l[i] == ':'))
                ++i;
            if (i > 3 || std::isalpha(static_cast<unsigned char>(l[i])) == 0) {
                const std::string rest = normaliseLeadName(label.substr(i));
                if (standardLeadIndex(rest) >= 0)
                    return rest;
            }
        }
    }
    return name;
}

bool isEcgLabel(const std::string& label)
{
    const std::string l = lowercased(label);
    return standardLeadIndex(leadNameFor(label)) >= 0 || l.find("ecg") != std::string::npos ||
           l.find("ekg") != std::string::npos;
}

/// EDF text should be ASCII; real files carry Latin-1 (0xB5 micro, 0xB0 degree) or UTF-8.
std::string toUtf8(const std::string& s)
{
    bool ascii = true, validUtf8 = true;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80)
            continue;
        ascii = false;
        int extra = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
        if (extra < 0 || i + std::size_t(extra) >= s.size()) {
            validUtf8 = false;
            break;
        }
        for (int k = 1; k <= extra; ++k)
            if (i + std::size_t(k) >= s.size() ||
                (static_cast<unsigned char>(s[i + std::size_t(k)]) & 0xC0) != 0x80)
                validUtf8 = false;
        if (!validUtf8)
            break;
        i += std::size_t(extra);
    }
    if (ascii || validUtf8)
        return s;
    std::string out;
    for (unsigned char c : s) {
        if (c < 0x80) {
            out += char(c);
        } else {
            out += char(0xC0 | (c >> 6));
            out += char(0x80 | (c & 0x3F));
        }
    }
    return out;
}

std::string unitFor(const std::string& dimension)
{
    const std::string u = toUtf8(dimension);
    if (u == "uV" || u == "\xC2\xB5V" || u == "\xCE\xBCV" || u == "UV" || u == "microV")
        return "uV";
    return u;
}

std::string fmt(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

} // namespace

Result<Recording> readEdf(const std::string& path, const OpenOptions& options,
                          HeaderOnly* headerOnly)
{
    auto fail = [&](const MessageTemplate& why, std::vector<std::string> values = {}) {
        return Result<Recording>::failure(messages::aboutFile(why, path, std::move(values)));
    };
    std::error_code ec;
    const std::uintmax_t fileSize = std::filesystem::file_size(path, ec);
    if (ec)
        return fail(messages::kOpenUnreadable, {ec.message()});
    File file(std::fopen(path.c_str(), "rb"));
    if (!file)
        return fail(messages::kOpenUnopenable);

    std::string head(256, '\0');
    head.resize(std::fread(head.data(), 1, 256, file.get()));
    EdfHeader h;
    int ns = 0;
    if (Message err = edf::parseFixedHeader(path, head, h, ns); !err.id.empty())
        return Result<Recording>::failure(std::move(err));
    const std::size_t headerSize = 256u * std::size_t(ns + 1);
    if (fileSize < headerSize)
        return fail(messages::kEdfHeaderTruncated,
                    {std::to_string(ns), std::to_string(headerSize), std::to_string(fileSize)});
    head.resize(headerSize);
    if (std::fread(head.data() + 256, 1, headerSize - 256, file.get()) != headerSize - 256)
        return fail(messages::kEdfSignalHeadersUnreadable);
    if (Message err = edf::parseSignalHeaders(path, head, ns, h); !err.id.empty())
        return Result<Recording>::failure(std::move(err));

    Recording rec;
    rec.sourcePath = path;
    const char* family = h.bdf ? "BDF" : "EDF";
    rec.format = h.edfPlus ? std::string(family) + (h.discontinuous ? "+D" : "+C") : family;
    if (h.headerBytes != std::int64_t(headerSize))
        rec.warnings.push_back(makeMessage(
            messages::kEdfHeaderSize,
            {std::to_string(h.headerBytes), std::to_string(ns), std::to_string(headerSize)}));

    // Signals: ordinary ones become leads, annotation signals feed Recording::annotations.
    std::vector<int> ordinary, annotationSignals;
    for (int i = 0; i < ns; ++i)
        (h.signals[i].annotation ? annotationSignals : ordinary).push_back(i);
    if (!ordinary.empty() && !(h.recordDurationS > 0))
        return fail(messages::kEdfZeroDuration);
    for (int i : ordinary) {
        const EdfSignal& s = h.signals[i];
        if (s.digitalMax <= s.digitalMin)
            return fail(messages::kEdfDigitalRange,
                        {std::to_string(i + 1), messages::quoted(s.label), fmt(s.digitalMax),
                         fmt(s.digitalMin)});
        if (s.physicalMax == s.physicalMin)
            return fail(messages::kEdfPhysicalRange,
                        {std::to_string(i + 1), messages::quoted(s.label), fmt(s.physicalMin)});
    }

    // Data records present: the header's count, checked against the file size.
    const std::int64_t recordBytes = h.recordBytes();
    const std::uint64_t dataBytes = fileSize - headerSize;
    const std::int64_t available = std::int64_t(dataBytes / std::uint64_t(recordBytes));
    std::int64_t records = h.recordCount;
    std::int64_t samplesPerRecordAll = 0;
    for (int i : ordinary)
        samplesPerRecordAll += h.signals[i].samplesPerRecord;
    if (records >= 0 &&
        double(records) * double(samplesPerRecordAll) > double(options.maxTotalSamples))
        return fail(messages::kEdfTooManyRecords,
                    {std::to_string(records), fmt(double(records) * double(samplesPerRecordAll)),
                     std::to_string(options.maxTotalSamples)});
    if (records < 0) {
        records = available;
        rec.warnings.push_back(
            makeMessage(messages::kEdfRecordCountUnknown, {std::to_string(available)}));
    } else if (records > available) {
        rec.warnings.push_back(makeMessage(messages::kEdfTruncated,
                                           {std::to_string(records), std::to_string(available)}));
        records = available;
    } else if (std::uint64_t(records) * std::uint64_t(recordBytes) < dataBytes) {
        rec.warnings.push_back(makeMessage(
            messages::kEdfTrailingBytes,
            {std::to_string(dataBytes - std::uint64_t(records) * std::uint64_t(recordBytes))}));
    }
    if (records == 0 && !ordinary.empty())
        rec.warnings.push_back(makeMessage(messages::kEdfNoCompleteRecord));
    if (double(records) * double(samplesPerRecordAll) > double(options.maxTotalSamples))
        return fail(messages::kEdfTooManySamples,
                    {fmt(double(records) * double(samplesPerRecordAll)),
                     std::to_string(options.maxTotalSamples)});

    const int bps = h.bytesPerSample();
    std::vector<std::int64_t> signalOffset(std::size_t(ns) + 1, 0);
    for (int i = 0; i < ns; ++i)
        signalOffset[i + 1] = signalOffset[i] + h.signals[i].samplesPerRecord * bps;

    auto readRecordsAt = [&](std::int64_t first, std::int64_t count, std::vector<char>& buf) {
        buf.resize(std::size_t(count * recordBytes));
        if (std::fseek(file.get(), long(headerSize + std::uint64_t(first) * recordBytes),
                       SEEK_SET) != 0)
            return false;
        return std::fread(buf.data(), 1, buf.size(), file.get()) == buf.size();
    };

    // Record start times (EDF+D): the first TAL of the first annotation signal of each record.
    std::vector<double> recordStart(std::size_t(records), 0.0);
    int malformedTals = 0;
    if (h.discontinuous && !annotationSignals.empty() && records > 0) {
        const EdfSignal& a = h.signals[annotationSignals.front()];
        std::vector<char> buf(std::size_t(a.samplesPerRecord * bps));
        for (std::int64_t r = 0; r < records; ++r) {
            const std::uint64_t at = headerSize + std::uint64_t(r) * recordBytes +
                                     std::uint64_t(signalOffset[annotationSignals.front()]);
            if (std::fseek(file.get(), long(at), SEEK_SET) != 0 ||
                std::fread(buf.data(), 1, buf.size(), file.get()) != buf.size())
                return fail(messages::kEdfRecordUnreadable, {std::to_string(r + 1)});
            int bad = 0;
            const std::vector<edf::Tal> tals = edf::parseTals(buf.data(), buf.size(), bad);
            recordStart[std::size_t(r)] =
                tals.empty() ? (r > 0 ? recordStart[std::size_t(r - 1)] + h.recordDurationS : 0.0)
                             : tals.front().onsetS;
        }
    } else {
        for (std::int64_t r = 0; r < records; ++r)
            recordStart[std::size_t(r)] = double(r) * h.recordDurationS;
        if (h.discontinuous)
            rec.warnings.push_back(makeMessage(messages::kEdfDiscontinuousWithoutAnnotations));
    }
    // Placement of each record on the time axis, in samples of its own signal rate; gaps are
    // kept as NaN so that the time axis stays true.
    const double t0 = records > 0 ? recordStart[0] : 0.0;
    std::vector<double> recordOffsetS(std::size_t(records), 0.0);
    {
        double expected = t0;
        std::int64_t gaps = 0, overlaps = 0;
        double gapTotal = 0;
        for (std::int64_t r = 0; r < records; ++r) {
            double s = recordStart[std::size_t(r)];
            if (s > expected + 1e-6) {
                ++gaps;
                gapTotal += s - expected;
            } else if (s < expected - 1e-6) {
                ++overlaps;
                s = expected;
            }
            recordOffsetS[std::size_t(r)] = s - t0;
            expected = s + h.recordDurationS;
        }
        if (gaps > 0)
            rec.warnings.push_back(
                makeMessage(messages::kEdfGaps, {std::to_string(gaps), fmt(gapTotal)}));
        if (overlaps > 0)
            rec.warnings.push_back(makeMessage(messages::kEdfOverlaps, {std::to_string(overlaps)}));
    }
    const double spanS = records > 0 ? recordOffsetS.back() + h.recordDurationS : 0.0;
    if (spanS > 8 * 86400.0 && spanS > 100.0 * double(records) * h.recordDurationS)
        return fail(messages::kEdfRecordTimesSpan,
                    {fmt(spanS), fmt(double(records) * h.recordDurationS)});

    // Leads.
    std::vector<std::int64_t> leadLength(ordinary.size(), 0);
    double totalSamples = 0;
    for (std::size_t k = 0; k < ordinary.size(); ++k) {
        const EdfSignal& s = h.signals[ordinary[k]];
        leadLength[k] =
            std::int64_t(std::llround(spanS / h.recordDurationS * double(s.samplesPerRecord)));
        totalSamples += double(leadLength[k]);
    }
    if (totalSamples > double(options.maxTotalSamples))
        return fail(messages::kEdfRecordTimesTooLong,
                    {fmt(spanS), fmt(totalSamples), std::to_string(options.maxTotalSamples)});
    rec.leads.resize(ordinary.size());
    for (std::size_t k = 0; k < ordinary.size(); ++k) {
        const EdfSignal& s = h.signals[ordinary[k]];
        Lead& lead = rec.leads[k];
        lead.originalName = toUtf8(s.label);
        lead.name = leadNameFor(lead.originalName);
        for (std::size_t j = 0; j < k; ++j)
            if (rec.leads[j].name == lead.name)
                lead.name =
                    lead.originalName; // two signals map to one name: keep the file's spelling
        if (lead.name.empty()) {       // a blank label: still a name the viewer can show
            lead.name = "signal " + std::to_string(k + 1);
            rec.warnings.push_back(
                makeMessage(messages::kEdfUnlabelledSignal, {std::to_string(k + 1), lead.name}));
        }
        lead.unit = unitFor(s.physicalDimension);
        lead.fsHz = double(s.samplesPerRecord) / h.recordDurationS;
        lead.gain = (s.digitalMax - s.digitalMin) / (s.physicalMax - s.physicalMin);
        lead.baseline = s.digitalMin - s.physicalMin * lead.gain;
        lead.adcResolutionBits = h.bdf ? 24 : 16;
        const bool gapsPresent =
            h.discontinuous && std::int64_t(records) * s.samplesPerRecord < leadLength[k];
        if (!headerOnly) {
            lead.samples.assign(std::size_t(leadLength[k]),
                                gapsPresent ? std::numeric_limits<float>::quiet_NaN() : 0.0f);
            if (h.bdf) // 24-bit values do not all survive a float round trip
                lead.digital.assign(std::size_t(leadLength[k]), lead.invalidDigital);
        }
        if (!s.transducer.empty() || !s.prefilter.empty())
            rec.notes.push_back(s.label + ": transducer \"" + s.transducer + "\", prefilter \"" +
                                s.prefilter + "\"");
    }
    double bestEcg = 0, bestAny = 0;
    for (std::size_t k = 0; k < ordinary.size(); ++k) {
        bestAny = std::max(bestAny, rec.leads[k].fsHz);
        if (isEcgLabel(h.signals[ordinary[k]].label))
            bestEcg = std::max(bestEcg, rec.leads[k].fsHz);
    }
    rec.fsHz = bestEcg > 0 ? bestEcg : bestAny;

    // What the header says about the patient and the time (after the data's own warnings).
    auto headerFields = [&] {
        rec.start = edf::parseStart(h, rec.warnings);
        if (rec.start && t0 != 0.0 && t0 > 0 && t0 < 1.0)
            rec.start->second += t0; // EDF+ sub-second start offset of the first record
        edf::parsePatient(h, rec.start, rec.patient);
        if (!h.patient.empty())
            rec.notes.insert(rec.notes.begin(), "Patient: " + h.patient);
        if (!h.recording.empty())
            rec.notes.insert(rec.notes.begin() + (h.patient.empty() ? 0 : 1),
                             "Recording: " + h.recording);
        if (ordinary.empty())
            rec.warnings.push_back(makeMessage(messages::kEdfAnnotationsOnly));
    };
    if (headerOnly) {
        headerFields();
        headerOnly->counts.assign(leadLength.begin(), leadLength.end());
        headerOnly->done = true;
        return rec;
    }

    // Data records, in chunks of about 8 MB.
    const std::int64_t chunkRecords = std::max<std::int64_t>(1, (8 << 20) / recordBytes);
    std::vector<char> buf;
    for (std::int64_t r0 = 0; r0 < records; r0 += chunkRecords) {
        const std::int64_t count = std::min(chunkRecords, records - r0);
        if (!readRecordsAt(r0, count, buf))
            return fail(messages::kEdfRecordsUnreadable,
                        {std::to_string(r0 + 1), std::to_string(r0 + count)});
        for (std::int64_t r = r0; r < r0 + count; ++r) {
            const char* base = buf.data() + (r - r0) * recordBytes;
            for (std::size_t k = 0; k < ordinary.size(); ++k) {
                const EdfSignal& s = h.signals[ordinary[k]];
                Lead& lead = rec.leads[k];
                const std::int64_t spr = s.samplesPerRecord;
                std::int64_t at = h.discontinuous
                                      ? std::llround(recordOffsetS[std::size_t(r)] * lead.fsHz)
                                      : r * spr;
                at = std::clamp<std::int64_t>(at, 0, std::int64_t(lead.samples.size()) - spr);
                const unsigned char* p =
                    reinterpret_cast<const unsigned char*>(base + signalOffset[ordinary[k]]);
                const double scale = 1.0 / lead.gain;
                const double offset = s.physicalMin - s.digitalMin * scale;
                float* out = lead.samples.data() + at;
                if (h.bdf) {
                    std::int32_t* dig = lead.digital.data() + at;
                    for (std::int64_t i = 0; i < spr; ++i, p += 3) {
                        std::int32_t d =
                            std::int32_t(std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 |
                                         std::uint32_t(p[2]) << 16);
                        if (d & 0x800000)
                            d -= 0x1000000;
                        dig[i] = d;
                        out[i] = float(d * scale + offset);
                    }
                } else {
                    for (std::int64_t i = 0; i < spr; ++i, p += 2) {
                        const std::int16_t d =
                            std::int16_t(std::uint16_t(p[0]) | std::uint16_t(p[1]) << 8);
                        out[i] = float(d * scale + offset);
                    }
                }
            }
            for (std::size_t a = 0; a < annotationSignals.size() && options.loadAnnotations; ++a) {
                const int si = annotationSignals[a];
                const std::vector<edf::Tal> tals = edf::parseTals(
                    base + signalOffset[si], std::size_t(signalOffset[si + 1] - signalOffset[si]),
                    malformedTals);
                for (std::size_t t = 0; t < tals.size(); ++t) {
                    if (a == 0 && t == 0 && tals[t].texts.empty())
                        continue; // the record's time-keeping TAL
                    for (const std::string& text : tals[t].texts) {
                        Annotation an;
                        an.timeS = tals[t].onsetS - t0;
                        an.durationS = tals[t].durationS;
                        an.code = toUtf8(text);
                        an.text = an.code;
                        an.source = "EDF+";
                        an.sample = rec.fsHz > 0 ? std::llround(an.timeS * rec.fsHz) : -1;
                        rec.annotations.push_back(std::move(an));
                    }
                }
            }
        }
        if (options.progress && !options.progress(double(r0 + count) / double(records)))
            return Result<Recording>::failure(path + ": cancelled.");
    }
    if (malformedTals > 0)
        rec.warnings.push_back(
            makeMessage(messages::kEdfMalformedAnnotations, {std::to_string(malformedTals)}));
    std::stable_sort(rec.annotations.begin(), rec.annotations.end(),
                     [](const Annotation& a, const Annotation& b) { return a.timeS < b.timeS; });

    headerFields();
    return rec;
}

} // namespace ecglens::io
