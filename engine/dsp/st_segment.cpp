#include "dsp/st_segment.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

namespace ecglens::dsp {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kSpanMs = 10.0;

/// The samples [first, last] of a median beat's lead of `size` samples over [fromMs, toMs]
/// relative to R; none when the span leaves the median beat.
std::optional<std::pair<std::int64_t, std::int64_t>>
samplesOver(const MedianBeat& m, std::size_t size, double fromMs, double toMs)
{
    if (!std::isfinite(fromMs) || !std::isfinite(toMs) || m.fsHz <= 0)
        return std::nullopt;
    const auto index = [&](double t) {
        return m.rIndex + std::int64_t(std::lround(t * 1e-3 * m.fsHz));
    };
    const std::int64_t from = index(fromMs), to = std::max(from, index(toMs));
    if (from < 0 || to >= std::int64_t(size))
        return std::nullopt;
    return std::pair{from, to};
}

/// Mean of lead `x` over [fromMs, toMs] relative to R (sample rIndex); NaN when the span leaves
/// the median beat or holds a sample that is not a number.
double meanOver(const MedianBeat& m, const std::vector<float>& x, double fromMs, double toMs)
{
    const auto span = samplesOver(m, x.size(), fromMs, toMs);
    if (!span)
        return kNaN;
    double sum = 0;
    for (std::int64_t i = span->first; i <= span->second; ++i)
        sum += double(x[std::size_t(i)]);
    return sum / double(span->second - span->first + 1); // NaN if any sample is
}

} // namespace

std::vector<StLevel> stLevels(const MedianBeat& beat)
{
    const Fiducials& f = beat.fiducials;
    const double j = f.qrsOffsetMs, j60 = f.qrsOffsetMs + kStAfterJMs;
    const bool beforeTEnd = !std::isfinite(f.tOffsetMs) || j60 < f.tOffsetMs;
    std::vector<StLevel> out;
    for (std::size_t l = 0; l < beat.leads.size(); ++l) {
        if (std::none_of(beat.leads[l].begin(), beat.leads[l].end(),
                         [](float v) { return std::isfinite(v); }))
            continue; // no median: a lead at another rate or not an ECG
        StLevel s;
        s.lead = l < beat.leadNames.size() ? beat.leadNames[l] : std::string();
        s.computed = l < beat.computed.size() && beat.computed[l];
        const auto& x = beat.leads[l];
        const double toMv = l < beat.mvPerUnit.size() ? beat.mvPerUnit[l] : 1.0;
        const double base = meanOver(beat, x, f.qrsOnsetMs - kSpanMs, f.qrsOnsetMs);
        s.jMv = (meanOver(beat, x, j - kSpanMs / 2, j + kSpanMs / 2) - base) * toMv;
        s.j60Mv = beforeTEnd
                      ? (meanOver(beat, x, j60 - kSpanMs / 2, j60 + kSpanMs / 2) - base) * toMv
                      : kNaN;
        s.qrsAreaMvMs = netAreaOver(beat, x, f.qrsOnsetMs, f.qrsOffsetMs, base) * toMv;
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace ecglens::dsp
