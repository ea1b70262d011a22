#include "io/wfdb/wfdb_record.h"

#include "core/lead_names.h"
#include "io/messages.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>

namespace ecglens::io::wfdb {

namespace fs = std::filesystem;

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

void appendInvalid(Recording& out, std::int64_t frames, const std::vector<int>& spf)
{
    for (std::size_t i = 0; i < out.leads.size(); ++i) {
        Lead& lead = out.leads[i];
        const std::size_t n = std::size_t(frames) * std::size_t(spf[i]);
        lead.samples.insert(lead.samples.end(), n, kNaN);
        if (!lead.digital.empty())
            lead.digital.resize(lead.samples.size(), lead.invalidDigital);
    }
}

std::string secondsText(double s)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", s);
    return buf;
}

} // namespace

Result<bool> readMultiSegment(const Header& h, const std::string& headerPath,
                              const OpenOptions& options, const ProgressRange& progress,
                              Recording& out, HeaderOnly* headerOnly)
{
    using R = Result<bool>;
    const fs::path dir = fs::path(headerPath).parent_path();
    out.fsHz = h.fsHz;
    if (h.start)
        out.start = h.start;

    long double declaredTotal = 0; // int64 could overflow on a hostile header
    for (const SegmentSpec& s : h.segments)
        declaredTotal += (long double)s.frames;
    if (declaredTotal * (long double)std::max(1, h.signalCount) >
        (long double)options.maxTotalSamples)
        return R::failure(makeMessage(
            messages::kWfdbSegmentsTooLong,
            {headerPath, std::to_string((unsigned long long)std::min(declaredTotal, 1.8e19L)),
             std::to_string(options.maxTotalSamples)}));

    // Variable layout: the first segment has length 0 and describes every signal.
    bool variable = false;
    Header layout;
    std::size_t firstData = 0;
    if (!h.segments.empty() && h.segments[0].frames == 0 && h.segments[0].name != "~") {
        auto lh = readHeaderFile((dir / (h.segments[0].name + ".hea")).string());
        if (!lh)
            return R::failureOf(lh);
        layout = std::move(*lh);
        variable = true;
        firstData = 1;
    }

    std::vector<int> spf;
    std::vector<int> formats;
    bool leadsDefined = false;
    // Every segment adds its length from the master header to every lead: read samples, or
    // with `headerOnly` their number.
    auto appendGap = [&](std::int64_t frames) {
        if (!headerOnly)
            return appendInvalid(out, frames, spf);
        for (std::size_t i = 0; i < out.leads.size(); ++i)
            headerOnly->counts[i] += std::size_t(frames) * std::size_t(spf[i]);
    };
    auto framesSoFar = [&] {
        return headerOnly ? frameCountOf(out.leads, out.fsHz, headerOnly->counts)
                          : out.sampleCount();
    };
    auto defineLeads = [&](const std::vector<SignalSpec>& signals) {
        out.leads.clear();
        spf.clear();
        if (headerOnly)
            headerOnly->counts.assign(signals.size(), 0);
        for (std::size_t i = 0; i < signals.size(); ++i) {
            const SignalSpec& s = signals[i];
            Lead lead;
            lead.originalName = s.description;
            lead.name = s.description.empty() ? "signal " + std::to_string(i)
                                              : normaliseLeadName(s.description);
            lead.unit = s.units.empty() ? "mV" : s.units;
            lead.fsHz = h.fsHz * s.samplesPerFrame;
            lead.gain = s.gain == 0.0 ? 200.0 : s.gain;
            lead.baseline = s.baseline;
            lead.adcResolutionBits = s.adcResolution;
            lead.invalidDigital = -32768; // WFDB_INVALID_SAMPLE: what getvec returns in a gap
            out.leads.push_back(std::move(lead));
            spf.push_back(s.samplesPerFrame);
        }
        leadsDefined = true;
    };
    if (variable)
        defineLeads(layout.signals);

    const std::size_t nseg = h.segments.size();
    std::int64_t pendingGap = 0;
    for (std::size_t si = firstData; si < nseg; ++si) {
        const SegmentSpec& seg = h.segments[si];
        const ProgressRange sub{progress.progress,
                                progress.start + progress.span * double(si) / double(nseg),
                                progress.span / double(nseg)};
        if (!sub.report(0.0))
            return R::failure(headerPath + ": reading cancelled.");
        if (seg.name == "~") {
            if (leadsDefined)
                appendGap(seg.frames);
            else
                pendingGap += seg.frames;
            continue;
        }
        const std::string segPath = (dir / (seg.name + ".hea")).string();
        std::error_code ec;
        if (!fs::is_regular_file(segPath, ec)) {
            out.warnings.push_back(makeMessage(messages::kWfdbSegmentMissing,
                                               {seg.name, std::to_string(seg.frames),
                                                secondsText(double(framesSoFar()) / h.fsHz)}));
            break;
        }
        auto sh = readHeaderFile(segPath);
        if (!sh)
            return R::failureOf(sh);
        if (sh->segmentCount > 0)
            return R::failure(makeMessage(messages::kWfdbNestedSegment, {segPath}));
        Recording part;
        HeaderOnly partHeader;
        auto ok =
            readSingleSegment(*sh, segPath, options, sub, part, headerOnly ? &partHeader : nullptr);
        if (!ok)
            return R::failureOf(ok);
        for (const Message& w : part.warnings)
            out.warnings.push_back(messages::segmentWarning(seg.name, w));
        for (const SignalSpec& s : sh->signals)
            formats.push_back(s.format);
        if (!leadsDefined) {
            defineLeads(sh->signals);
            for (std::size_t i = 0; i < out.leads.size(); ++i) {
                out.leads[i].invalidDigital = part.leads[i].invalidDigital;
                out.leads[i].adcResolutionBits = part.leads[i].adcResolutionBits;
            }
            appendGap(pendingGap);
        }
        const std::int64_t frames = seg.frames;
        const std::size_t partFrames = partHeader.done
                                           ? frameCountOf(part.leads, part.fsHz, partHeader.counts)
                                           : part.sampleCount();
        if (partFrames != std::size_t(frames))
            out.warnings.push_back(
                makeMessage(messages::kWfdbSegmentLength,
                            {seg.name, std::to_string(frames), std::to_string(partFrames)}));
        if (headerOnly) {
            appendGap(frames);
            continue;
        }

        std::vector<bool> used(part.leads.size(), false);
        for (std::size_t li = 0; li < out.leads.size(); ++li) {
            Lead& lead = out.leads[li];
            const std::size_t n = std::size_t(frames) * std::size_t(spf[li]);
            // Fixed layout: signal i of every segment is signal i of the record.
            int src = -1;
            if (!variable) {
                src = li < part.leads.size() ? int(li) : -1;
            } else {
                for (std::size_t k = 0; k < part.leads.size(); ++k)
                    if (!used[k] && part.leads[k].originalName == lead.originalName) {
                        src = int(k);
                        used[k] = true;
                        break;
                    }
            }
            if (src < 0) {
                lead.samples.insert(lead.samples.end(), n, kNaN);
                if (!lead.digital.empty())
                    lead.digital.resize(lead.samples.size(), lead.invalidDigital);
                continue;
            }
            const Lead& from = part.leads[std::size_t(src)];
            const std::size_t have = std::min(n, from.samples.size());
            if (!variable) {
                if (!from.digital.empty() && lead.digital.empty())
                    lead.digital.assign(lead.samples.size(), lead.invalidDigital);
                lead.samples.insert(lead.samples.end(), from.samples.begin(),
                                    from.samples.begin() + std::ptrdiff_t(have));
                lead.samples.resize(lead.samples.size() + (n - have), kNaN);
                if (!lead.digital.empty()) {
                    for (std::size_t k = 0; k < have; ++k)
                        lead.digital.push_back(from.digitalAt(k));
                    lead.digital.resize(lead.samples.size(), lead.invalidDigital);
                }
                if (from.gain != lead.gain || from.baseline != lead.baseline)
                    out.warnings.push_back(
                        makeMessage(messages::kWfdbSegmentCalibration, {seg.name, lead.name}));
                continue;
            }
            // WFDB sigmap(): rescale the segment's integers to the layout's gain and baseline,
            // truncating toward zero, then convert with the layout's calibration.
            const double scale = lead.gain / from.gain;
            const double offset = lead.baseline - scale * from.baseline;
            lead.samples.reserve(lead.samples.size() + n);
            for (std::size_t k = 0; k < have; ++k) {
                if (std::isnan(from.samples[k])) {
                    lead.samples.push_back(kNaN);
                    continue;
                }
                const double v = double(from.digitalAt(k)) * scale + offset;
                const std::int32_t d = std::int32_t(v);
                lead.samples.push_back(float((double(d) - lead.baseline) / lead.gain));
            }
            lead.samples.resize(lead.samples.size() + (n - have), kNaN);
        }
    }
    out.format = formatLabel(formats);
    out.format += variable ? " (multi-segment, variable layout)" : " (multi-segment)";
    if (headerOnly)
        headerOnly->done = true;
    return true;
}

} // namespace ecglens::io::wfdb
