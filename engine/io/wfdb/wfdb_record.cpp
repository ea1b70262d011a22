#include "io/wfdb/wfdb_record.h"

#include "core/lead_names.h"
#include "io/messages.h"
#include "io/wfdb/wfdb_signal.h"

#include <cmath>
#include <filesystem>
#include <limits>
#include <set>

namespace ecglens::io::wfdb {

namespace fs = std::filesystem;

namespace {

struct Group
{
    GroupLayout layout;
    std::vector<int> signals; ///< header indices
    int maxSkew = 0;
    bool null = false; ///< "~" file: no stored samples
};

std::string leadList(const Header& h, const std::vector<int>& signals)
{
    std::string s;
    for (int i : signals) {
        if (!s.empty())
            s += ", ";
        const std::string& d = h.signals[std::size_t(i)].description;
        s += d.empty() ? "signal " + std::to_string(i) : d;
    }
    return s;
}

/// "<leads>: <expected> samples expected, <file> holds <got> — file truncated?"
Message truncatedWarning(const Header& h, const Group& g, std::int64_t expected, std::int64_t got)
{
    return makeMessage(messages::kWfdbTruncated,
                       {leadList(h, g.signals), std::to_string(expected),
                        fs::path(g.layout.path).filename().string(), std::to_string(got)});
}

/// Leads whose stored integers a float cannot hold exactly keep them in Lead::digital.
bool needsDigital(int format)
{
    return format == 24 || format == 32 || format == 524 || format == 8;
}

/// Bits of a stored value for formats narrow enough for a lookup table (0 otherwise).
int storedBits(int format)
{
    switch (format) {
    case 80:
    case 508:
        return 8;
    case 310:
    case 311:
        return 10;
    case 212:
        return 12;
    case 16:
    case 61:
    case 160:
    case 516:
        return 16;
    default:
        return 0;
    }
}

} // namespace

std::string formatLabel(std::vector<int> formats)
{
    std::set<int> distinct(formats.begin(), formats.end());
    if (distinct.empty())
        return "WFDB";
    std::string s = "WFDB format ";
    bool first = true;
    for (int f : distinct) {
        if (!first)
            s += ", ";
        s += std::to_string(f);
        first = false;
    }
    return s;
}

Result<bool> readSingleSegment(const Header& h, const std::string& headerPath,
                               const OpenOptions& options, const ProgressRange& progress,
                               Recording& out, HeaderOnly* headerOnly)
{
    using R = Result<bool>;
    const fs::path dir = fs::path(headerPath).parent_path();
    out.fsHz = h.fsHz;
    if (h.start)
        out.start = h.start;

    std::int64_t frameSamples = 0;
    for (const SignalSpec& s : h.signals)
        frameSamples += s.samplesPerFrame;
    if (frameSamples > 10'000'000)
        return R::failure(makeMessage(messages::kWfdbFrameImplausible,
                                      {headerPath, std::to_string(frameSamples)}));

    // Signals sharing a file are consecutive in the header and form one group.
    std::vector<Group> groups;
    std::vector<int> formats;
    for (int i = 0; i < int(h.signals.size()); ++i) {
        const SignalSpec& s = h.signals[std::size_t(i)];
        const std::string label =
            s.description.empty() ? "signal " + std::to_string(i) : s.description;
        if (s.fileName != "~" && !isKnownFormat(s.format))
            return R::failure(makeMessage(messages::kWfdbUnknownFormat,
                                          {headerPath, label, std::to_string(s.format)}));
        if (groups.empty() || groups.back().layout.path != (dir / s.fileName).string() ||
            groups.back().null != (s.fileName == "~")) {
            Group g;
            g.null = s.fileName == "~" || s.format == 0;
            g.layout.path = (dir / s.fileName).string();
            g.layout.format = s.format;
            g.layout.byteOffset = s.byteOffset;
            groups.push_back(std::move(g));
        } else if (groups.back().layout.format != s.format) {
            return R::failure(
                makeMessage(messages::kWfdbMixedFormats,
                            {headerPath, s.fileName, std::to_string(groups.back().layout.format),
                             std::to_string(s.format)}));
        }
        Group& g = groups.back();
        g.signals.push_back(i);
        g.layout.spf.push_back(s.samplesPerFrame);
        g.layout.initial.push_back(s.initialValue);
        g.layout.frameSamples += s.samplesPerFrame;
        g.maxSkew = std::max(g.maxSkew, s.skew);
        if (!g.null)
            formats.push_back(s.format);
    }
    out.format = formatLabel(formats);

    // Sizes first: nothing is allocated for a length the files cannot back.
    std::vector<std::int64_t> available(groups.size(), -1); // frames on disk, -1 = unknown
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        Group& g = groups[gi];
        if (g.null)
            continue;
        std::error_code ec;
        if (!fs::is_regular_file(g.layout.path, ec))
            return R::failure(makeMessage(
                messages::kWfdbSignalFileMissing,
                {headerPath, fs::path(g.layout.path).filename().string(), leadList(h, g.signals)}));
        const std::uint64_t size = fs::file_size(g.layout.path, ec);
        if (isFlacFormat(g.layout.format))
            continue;
        const std::uint64_t usable = size > std::uint64_t(g.layout.byteOffset)
                                         ? size - std::uint64_t(g.layout.byteOffset)
                                         : 0;
        available[gi] = std::int64_t(samplesInBytes(g.layout.format, usable) /
                                     std::uint64_t(g.layout.frameSamples));
    }
    std::int64_t frames = h.framesGiven ? h.frames : -1;
    if (frames < 0) {
        // "100-no-len.hea": the length comes from the first signal file's size.
        for (std::size_t gi = 0; gi < groups.size() && frames < 0; ++gi)
            if (available[gi] >= 0)
                frames = available[gi];
    }

    if (frames >= 0) {
        const long double total = (long double)frames * (long double)frameSamples;
        if (total > (long double)options.maxTotalSamples)
            return R::failure(
                makeMessage(messages::kWfdbTooLong,
                            {headerPath, std::to_string(frames), std::to_string(h.signals.size()),
                             std::to_string(options.maxTotalSamples)}));
    }

    out.leads.resize(h.signals.size());
    for (std::size_t i = 0; i < h.signals.size(); ++i) {
        const SignalSpec& s = h.signals[i];
        Lead& lead = out.leads[i];
        lead.originalName = s.description;
        lead.name = s.description.empty() ? "signal " + std::to_string(i)
                                          : normaliseLeadName(s.description);
        lead.unit = s.units.empty() ? "mV" : s.units;
        lead.fsHz = h.fsHz * s.samplesPerFrame;
        lead.gain = s.gain == 0.0 ? 200.0 : s.gain;
        lead.baseline = s.baseline;
        lead.adcResolutionBits =
            s.adcResolution > 0 ? s.adcResolution : defaultResolution(s.format);
        lead.invalidDigital = invalidValue(s.format);
    }

    // Frames each group's signals get: the header's length, cut to what the file holds (a null
    // group: the header's length of invalid samples); -1 while only decoding can tell (FLAC).
    auto framesOfGroup = [&](std::size_t gi) -> Result<std::int64_t> {
        const Group& g = groups[gi];
        if (g.null)
            return std::max<std::int64_t>(frames, 0);
        std::int64_t leadFrames = frames;
        if (available[gi] >= 0 && (leadFrames < 0 || available[gi] < leadFrames)) {
            if (leadFrames > 0) {
                if (available[gi] == 0)
                    return Result<std::int64_t>::failure(
                        makeMessage(messages::kWfdbSignalFileEmpty,
                                    {headerPath, fs::path(g.layout.path).filename().string(),
                                     leadList(h, g.signals), std::to_string(leadFrames)}));
                out.warnings.push_back(truncatedWarning(h, g, leadFrames, available[gi]));
            }
            leadFrames = available[gi];
        }
        return leadFrames;
    };
    const bool anyFlac = std::any_of(groups.begin(), groups.end(), [](const Group& g) {
        return !g.null && isFlacFormat(g.layout.format);
    });
    if (headerOnly && !anyFlac) {
        headerOnly->counts.assign(h.signals.size(), 0);
        for (std::size_t gi = 0; gi < groups.size(); ++gi) {
            const auto leadFrames = framesOfGroup(gi);
            if (!leadFrames)
                return R::failureOf(leadFrames);
            for (int si : groups[gi].signals)
                headerOnly->counts[std::size_t(si)] =
                    std::size_t(*leadFrames) *
                    std::size_t(h.signals[std::size_t(si)].samplesPerFrame);
        }
        headerOnly->done = true;
        return true;
    }

    std::vector<std::int64_t> checksums(h.signals.size(), 0);
    std::vector<bool> complete(h.signals.size(), true);
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        Group& g = groups[gi];
        const ProgressRange sub{progress.progress,
                                progress.start + progress.span * double(gi) / double(groups.size()),
                                progress.span / double(groups.size())};
        const auto planned = framesOfGroup(gi);
        if (!planned)
            return R::failureOf(planned);
        std::int64_t leadFrames = *planned;
        if (g.null) {
            for (int si : g.signals) {
                Lead& lead = out.leads[std::size_t(si)];
                lead.samples.assign(std::size_t(leadFrames) *
                                        std::size_t(h.signals[std::size_t(si)].samplesPerFrame),
                                    std::numeric_limits<float>::quiet_NaN());
                complete[std::size_t(si)] = false;
            }
            continue;
        }
        // FLAC: the file size does not bound the length (a 20 kB file may hold millions of
        // samples), so memory grows with what is actually decoded, never with the header's claim.
        const bool growing = isFlacFormat(g.layout.format);
        const std::int64_t readFrames =
            leadFrames < 0 ? std::numeric_limits<std::int64_t>::max() : leadFrames + g.maxSkew;

        struct Target
        {
            Lead* lead;
            int spf;
            int skew;
            int pos; ///< first sample of this signal in the frame
            double gain;
            double baseline;
            std::int32_t invalid;
            bool digital;
            std::int64_t* checksum;
            /// Physical value of every stored value of a narrow format (index d - lutMin),
            /// computed once with the same arithmetic; NaN for the invalid value.
            std::vector<float> lut;
            std::int32_t lutMin = 0;
            float physical(std::int32_t d) const
            {
                // FLAC streams may be wider than the header's format says: range-check.
                const std::uint32_t k = std::uint32_t(std::int64_t(d) - lutMin);
                if (k < lut.size())
                    return lut[k];
                return d == invalid ? std::numeric_limits<float>::quiet_NaN()
                                    : float((double(d) - baseline) / gain);
            }
        };
        std::vector<Target> targets;
        int pos = 0;
        for (int si : g.signals) {
            const SignalSpec& s = h.signals[std::size_t(si)];
            Lead& lead = out.leads[std::size_t(si)];
            const bool digital = needsDigital(s.format);
            if (growing) {
                const std::int64_t want = leadFrames < 0 ? 0 : leadFrames * s.samplesPerFrame;
                lead.samples.reserve(std::size_t(std::min<std::int64_t>(want, 1 << 22)));
            } else {
                const std::size_t n = std::size_t(leadFrames) * std::size_t(s.samplesPerFrame);
                lead.samples.assign(n, std::numeric_limits<float>::quiet_NaN());
                if (digital)
                    lead.digital.assign(n, lead.invalidDigital);
            }
            targets.push_back(Target{&lead,
                                     s.samplesPerFrame,
                                     s.skew,
                                     pos,
                                     lead.gain,
                                     lead.baseline,
                                     lead.invalidDigital,
                                     digital,
                                     &checksums[std::size_t(si)],
                                     {},
                                     0});
            Target& t = targets.back();
            const int bits = storedBits(s.format);
            const std::int64_t expected = leadFrames * s.samplesPerFrame;
            if (bits > 0 && (growing || expected > 4 * (std::int64_t(1) << bits))) {
                t.lutMin = -(1 << (bits - 1));
                t.lut.resize(std::size_t(1) << bits);
                for (std::size_t k = 0; k < t.lut.size(); ++k) {
                    const std::int32_t d = t.lutMin + std::int32_t(k);
                    t.lut[k] = d == t.invalid ? std::numeric_limits<float>::quiet_NaN()
                                              : float((double(d) - t.baseline) / t.gain);
                }
            }
            pos += s.samplesPerFrame;
        }
        const std::int64_t declared = frames;
        const int fsamples = g.layout.frameSamples;
        FrameSink sink = [&](const std::int32_t* data, std::size_t n, std::int64_t first) {
            for (Target& t : targets) {
                const std::int32_t* p = data + t.pos;
                std::int64_t sum = 0;
                if (!growing && t.spf == 1 && t.skew == 0 && !t.digital && !t.lut.empty() &&
                    first + std::int64_t(n) <= std::min(declared, leadFrames)) {
                    // The common case (MIT-BIH, PTB-XL): one sample per frame, no skew.
                    float* out = t.lead->samples.data() + first;
                    const float* lut = t.lut.data();
                    const std::uint32_t size = std::uint32_t(t.lut.size());
                    for (std::size_t f = 0; f < n; ++f, p += fsamples) {
                        const std::int32_t d = *p;
                        sum += d;
                        const std::uint32_t k = std::uint32_t(d - t.lutMin);
                        out[f] = k < size ? lut[k] : t.physical(d);
                    }
                    *t.checksum += sum;
                    continue;
                }
                for (std::size_t f = 0; f < n; ++f, p += fsamples) {
                    const std::int64_t stored = first + std::int64_t(f);
                    if (declared < 0 || stored < declared)
                        for (int k = 0; k < t.spf; ++k)
                            sum += p[k];
                    const std::int64_t frame = stored - t.skew;
                    if (frame < 0)
                        continue;
                    if (growing) {
                        if (leadFrames >= 0 && frame >= leadFrames)
                            continue;
                        for (int k = 0; k < t.spf; ++k) {
                            const std::int32_t d = p[k];
                            t.lead->samples.push_back(t.physical(d));
                            if (t.digital)
                                t.lead->digital.push_back(d);
                        }
                        continue;
                    }
                    if (frame >= leadFrames)
                        continue;
                    float* out = t.lead->samples.data() + std::size_t(frame) * std::size_t(t.spf);
                    for (int k = 0; k < t.spf; ++k) {
                        const std::int32_t d = p[k];
                        out[k] = t.physical(d);
                    }
                    if (t.digital)
                        std::copy(p, p + t.spf,
                                  t.lead->digital.data() + std::size_t(frame) * std::size_t(t.spf));
                }
                *t.checksum += sum;
            }
            return true;
        };
        auto progressFn = [&](double f) { return sub.report(f); };
        auto decoded = isFlacFormat(g.layout.format)
                           ? decodeFlacGroup(g.layout, readFrames, sink, progressFn)
                           : decodeGroup(g.layout, readFrames, sink, progressFn);
        if (!decoded)
            return R::failureOf(decoded);
        if (decoded->cancelled)
            return R::failure(headerPath + ": reading cancelled.");
        const std::int64_t got = decoded->frames;
        if (growing && frames < 0)
            frames = got;
        if (leadFrames >= 0 && got < leadFrames)
            out.warnings.push_back(truncatedWarning(h, g, leadFrames, got));
        if (growing) {
            // Skewed signals started late: pad every signal to the common length.
            const std::int64_t finalFrames = leadFrames >= 0 ? std::min(leadFrames, got) : got;
            for (int si : g.signals) {
                Lead& lead = out.leads[std::size_t(si)];
                const std::size_t n = std::size_t(finalFrames) *
                                      std::size_t(h.signals[std::size_t(si)].samplesPerFrame);
                lead.samples.resize(n, std::numeric_limits<float>::quiet_NaN());
                if (!lead.digital.empty() || needsDigital(h.signals[std::size_t(si)].format))
                    lead.digital.resize(n, lead.invalidDigital);
                lead.samples.shrink_to_fit();
                lead.digital.shrink_to_fit();
            }
        }
        if (frames >= 0 && got < frames)
            for (int si : g.signals)
                complete[std::size_t(si)] = false;
        if (g.maxSkew > 0 && got < leadFrames + g.maxSkew) {
            std::vector<int> skewed;
            for (int si : g.signals)
                if (h.signals[std::size_t(si)].skew > 0)
                    skewed.push_back(si);
            out.warnings.push_back(
                makeMessage(messages::kWfdbSkewBeyondEnd,
                            {leadList(h, skewed), fs::path(g.layout.path).filename().string()}));
        }
    }

    for (std::size_t i = 0; i < h.signals.size(); ++i) {
        const SignalSpec& s = h.signals[i];
        if (!s.hasChecksum || !complete[i])
            continue;
        const std::int16_t got = std::int16_t(std::uint16_t(std::uint64_t(checksums[i]) & 0xFFFF));
        const std::int16_t want = std::int16_t(std::uint16_t(std::uint32_t(s.checksum) & 0xFFFF));
        if (got != want)
            out.warnings.push_back(
                makeMessage(messages::kWfdbChecksum,
                            {s.description.empty() ? "signal " + std::to_string(i) : s.description,
                             std::to_string(s.checksum), std::to_string(got)}));
    }
    return true;
}

} // namespace ecglens::io::wfdb
