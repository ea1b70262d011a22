#include "io/open.h"

#include "core/limb_leads.h"
#include "io/messages.h"
#include "io/readers.h"

#include "core/peak.h"
#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <new>

namespace ecglens::io {

namespace fs = std::filesystem;

const char* formatName(Format format)
{
    switch (format) {
    case Format::Demo:
        return "demo";
    case Format::Wfdb:
        return "WFDB";
    case Format::Edf:
        return "EDF/BDF";
    case Format::Csv:
        return "CSV";
    case Format::Scp:
        return "SCP-ECG";
    case Format::Hl7Aecg:
        return "HL7 aECG";
    case Format::Dicom:
        return "DICOM";
    case Format::Unknown:
        break;
    }
    return "unknown";
}

namespace {

/// ECG amplitudes stay within tens of mV (with DC offsets of electrodes, a few hundred).
constexpr double kMaxPlausibleMv = 1000.0;

std::string shortNumber(double v)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", v);
    return text;
}

std::string fixedNumber(double v, int decimals)
{
    char text[48];
    std::snprintf(text, sizeof text, "%.*f", decimals, v);
    return text;
}

/// What every reader's result is checked for, whatever the format: a lead sampled at a rate no
/// ECG has (1e308 Hz in a damaged header would make filtering and resampling run out of memory
/// or time) is refused; a lead in volts far beyond any ECG (a damaged gain: 1e-30 gave 1e32 mV)
/// is kept as stored and said to be miscalibrated (other units, mmHg or counts, are no ECG
/// leads); an age no patient can have (a damaged field) would choose the detector's thresholds
/// and the advice, so it becomes unknown, and said. The patient's ID and name are made text to
/// show (core/text.h displayText: Latin-1 bytes read as such, no control characters, a length
/// a page can hold).
Result<Recording> checkedForPlausibility(Recording r, const std::string& path)
{
    for (const Lead& lead : r.leads) {
        if (!(lead.fsHz >= kMinFsHz && lead.fsHz <= kMaxFsHz))
            return Result<Recording>::failure(makeMessage(
                messages::kOpenSamplingRate, {path, lead.name, shortNumber(lead.fsHz),
                                              shortNumber(kMinFsHz), shortNumber(kMaxFsHz)}));
        if (!isVoltageUnit(lead.unit))
            continue; // not a voltage ECG Lens knows
        const float peak = peakAbsFinite(lead.samples.data(), lead.samples.size());
        const double mv = double(peak) * millivoltsPerUnit(lead.unit);
        if (mv > kMaxPlausibleMv)
            r.warnings.push_back(
                makeMessage(messages::kAmplitudeImplausible, {lead.name, shortNumber(mv)}));
    }
    // Limb leads that break Einthoven's law: a mislabelled lead, a wrong gain, rescaled leads.
    if (const auto e = checkEinthoven(r); e && !e->consistent())
        r.warnings.push_back(makeMessage(messages::kLimbLeadsInconsistent,
                                         {fixedNumber(e->residualMv, 2),
                                          fixedNumber(100.0 * e->residualMv / e->amplitudeMv, 0)}));
    r.patient.id = displayText(r.patient.id);
    r.patient.name = displayText(r.patient.name);
    if (r.patient.ageYears && !plausibleAgeYears(*r.patient.ageYears)) {
        r.warnings.push_back(
            makeMessage(messages::kAgeImplausible, {shortNumber(*r.patient.ageYears)}));
        r.patient.ageYears.reset();
    }
    return r;
}

std::string lowerExtension(const std::string& path)
{
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return ext;
}

bool startsWith(const std::string& s, const char* prefix)
{
    return s.rfind(prefix, 0) == 0;
}

/// The WFDB header of a record given as .hea, .dat, .atr, ... or the bare record name.
std::string wfdbHeaderFor(const std::string& path)
{
    fs::path p(path);
    std::error_code ec;
    if (lowerExtension(path) == ".hea")
        return fs::is_regular_file(p, ec) ? path : std::string();
    fs::path hea = p;
    hea.replace_extension(".hea");
    if (fs::is_regular_file(hea, ec))
        return hea.string();
    fs::path appended = fs::path(path + ".hea");
    if (fs::is_regular_file(appended, ec))
        return appended.string();
    return {};
}

bool looksLikeWfdbHeader(const std::string& head)
{
    // First non-comment line: "name[/segments] nsig [fs[/counter][(base)] [nsamp [time [date]]]]".
    std::size_t pos = 0;
    while (pos < head.size()) {
        std::size_t end = head.find('\n', pos);
        if (end == std::string::npos)
            end = head.size();
        std::string line = head.substr(pos, end - pos);
        pos = end + 1;
        if (line.empty() || line[0] == '#' || line == "\r")
            continue;
        std::size_t sp = line.find_first_of(" \t");
        if (sp == std::string::npos || sp == 0)
            return false;
        for (std::size_t i = 0; i < sp; ++i) {
            const unsigned char c = static_cast<unsigned char>(line[i]);
            if (!(std::isalnum(c) || c == '_' || c == '-' || c == '/' || c == '.'))
                return false;
        }
        std::size_t d = line.find_first_not_of(" \t", sp);
        return d != std::string::npos && std::isdigit(static_cast<unsigned char>(line[d]));
    }
    return false;
}

} // namespace

Format sniff(const std::string& path)
{
    if (startsWith(path, "demo:"))
        return Format::Demo;

    std::ifstream in(path, std::ios::binary);
    char buf[512] = {};
    in.read(buf, sizeof buf);
    const std::size_t n = static_cast<std::size_t>(in.gcount());
    const std::string head(buf, n);
    const std::string ext = lowerExtension(path);

    if (n >= 8 &&
        (std::memcmp(buf, "0       ", 8) == 0 ||
         (static_cast<unsigned char>(buf[0]) == 0xFF && std::memcmp(buf + 1, "BIOSEMI", 7) == 0)))
        return Format::Edf;
    if (n >= 132 && std::memcmp(buf + 128, "DICM", 4) == 0)
        return Format::Dicom;
    // SCP-ECG: CRC(2) + length(4), then section 0 whose header is CRC(2), id 0 (2), length(4),
    // version, protocol, and "SCPECG" reserved bytes at offset 16 of the section.
    if (n >= 22 && std::memcmp(buf + 16, "SCPECG", 6) == 0)
        return Format::Scp;
    {
        std::string lower = head;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        if (lower.find("<annotatedecg") != std::string::npos ||
            lower.find("urn:hl7-org:v3") != std::string::npos)
            return Format::Hl7Aecg;
    }
    if (ext == ".hea" && looksLikeWfdbHeader(head))
        return Format::Wfdb;
    if (ext != ".csv" && ext != ".txt" && ext != ".tsv" && !wfdbHeaderFor(path).empty())
        return Format::Wfdb;
    if (ext == ".csv" || ext == ".txt" || ext == ".tsv")
        return Format::Csv;
    if (ext == ".xml") {
        // An aECG without a declaration or namespace in its first 512 bytes is still XML.
        std::ifstream whole(path, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(whole)), {});
        if (text.find("AnnotatedECG") != std::string::npos)
            return Format::Hl7Aecg;
    }
    if (ext == ".edf" || ext == ".bdf")
        return Format::Edf; // let the reader explain what is wrong with it
    if (ext == ".scp")
        return Format::Scp;
    if (ext == ".dcm")
        return Format::Dicom;
    return Format::Unknown;
}

namespace {

Result<Recording> openWith(const std::string& path, const OpenOptions& options,
                           HeaderOnly* headerOnly)
{
    try {
        if (!startsWith(path, "demo:")) {
            std::error_code ec;
            if (path.empty())
                return Result<Recording>::failure(makeMessage(messages::kOpenNoFileName));
            const std::string hea = wfdbHeaderFor(path);
            if (fs::is_directory(path, ec))
                return Result<Recording>::failure(makeMessage(messages::kOpenFolder, {path}));
            if (!fs::exists(path, ec) && hea.empty())
                return Result<Recording>::failure(makeMessage(messages::kOpenNoSuchFile, {path}));
            if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0)
                return Result<Recording>::failure(makeMessage(messages::kOpenEmpty, {path}));
        }
        const Format format = sniff(path);
        Result<Recording> result = Result<Recording>::failure("");
        switch (format) {
        case Format::Demo:
            result = openDemo(path, options);
            break;
        case Format::Wfdb: {
            const std::string hea = wfdbHeaderFor(path);
            result = readWfdb(hea.empty() ? path : hea, options, headerOnly);
            break;
        }
        case Format::Edf:
            result = readEdf(path, options, headerOnly);
            break;
        case Format::Csv:
            result = readCsv(path, options);
            break;
        case Format::Scp:
            result = readScp(path, options);
            break;
        case Format::Hl7Aecg:
            result = readHl7Aecg(path, options);
            break;
        case Format::Dicom:
            result = readDicom(path, options);
            break;
        case Format::Unknown:
            return Result<Recording>::failure(makeMessage(messages::kOpenUnrecognised, {path}));
        }
        if (result.ok() && result->sourcePath.empty())
            result->sourcePath = path;
        return result.ok() ? checkedForPlausibility(std::move(result).value(), path) : result;
    } catch (const std::bad_alloc&) {
        return Result<Recording>::failure(makeMessage(messages::kOpenOutOfMemory, {path}));
    } catch (const std::exception& e) {
        return Result<Recording>::failure(path + ": " + e.what());
    } catch (...) {
        return Result<Recording>::failure(makeMessage(messages::kOpenUnexpected, {path}));
    }
}

} // namespace

Result<Recording> open(const std::string& path, const OpenOptions& options)
{
    return openWith(path, options, nullptr);
}

RecordingSummary summaryOf(const Recording& recording)
{
    RecordingSummary s;
    s.format = recording.format;
    s.patient = recording.patient;
    s.start = recording.start;
    s.durationS = recording.durationS();
    s.leadCount = recording.leads.size();
    s.fsHz = recording.fsHz;
    return s;
}

Result<RecordingSummary> describe(const std::string& path, const OpenOptions& options)
{
    OpenOptions o = options;
    o.loadAnnotations = false; // not part of a summary
    HeaderOnly headerOnly;
    const Result<Recording> r = openWith(path, o, &headerOnly);
    if (!r)
        return Result<RecordingSummary>::failureOf(r);
    RecordingSummary s = summaryOf(*r);
    if (headerOnly.done) {
        s.durationS = r->fsHz > 0
                          ? double(frameCountOf(r->leads, r->fsHz, headerOnly.counts)) / r->fsHz
                          : 0.0;
        s.samplesRead = false;
    }
    return s;
}

} // namespace ecglens::io
