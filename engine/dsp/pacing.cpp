#include "dsp/pacing.h"

#include "dsp/measurements.h"
#include "dsp/signal_kind.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

namespace ecglens::dsp {

namespace {

constexpr double kSpikeMv = 0.15;     // distance from the local median
constexpr double kHalfWindowMs = 4.0; // the median's half width
constexpr double kMergeMs = 10.0;     // one stimulus, however many samples it spans
// The residual against the steeper flank's step just outside the window (see markSpikes): 0.7
// is the middle of the range (0.55-1.0) that finds all six PACE records of PTB-XL's 500 Hz ones
// and flags none of the others, of LUDB or of MIT-BIH (tst_measurements
// pacemakerSpikesOnRealRecords); without it sharp, tall R waves (LVH) passed for stimuli.
constexpr double kSharpness = 0.7;

/// The leads to search: recorded ECG leads in voltage units at one rate (the record's when any
/// is, else the one most ECG leads share, the higher on a tie), all of that rate's length.
std::vector<const Lead*> searchedLeads(const Recording& rec, double& fs)
{
    auto usable = [](const Lead& l) {
        return !l.computed && mayBeEcg(l) && isVoltageUnit(l.unit) && !l.samples.empty();
    };
    std::map<double, std::size_t> perRate;
    bool atRecordRate = false;
    for (const Lead& l : rec.leads) {
        if (!usable(l))
            continue;
        const double rate = l.fsHz > 0 ? l.fsHz : rec.fsHz;
        atRecordRate = atRecordRate || rate == rec.fsHz;
        ++perRate[rate];
    }
    if (perRate.empty())
        return {};
    fs = atRecordRate
             ? rec.fsHz
             : std::max_element(perRate.begin(), perRate.end(), [](auto a, auto b) {
                   return a.second < b.second || (a.second == b.second && a.first < b.first);
               })->first;
    std::size_t length = 0;
    for (const Lead& l : rec.leads)
        if (usable(l) && (l.fsHz > 0 ? l.fsHz : rec.fsHz) == fs)
            length = std::max(length, l.samples.size());
    std::vector<const Lead*> out;
    for (const Lead& l : rec.leads)
        if (usable(l) && (l.fsHz > 0 ? l.fsHz : rec.fsHz) == fs && l.samples.size() == length)
            out.push_back(&l);
    return out;
}

/// Adds 1 to hits[i] (saturating) where lead sample i lies more than kSpikeMv from the median
/// of the samples within h of it; NaN anywhere in the window is no hit.
void markSpikes(const Lead& lead, std::size_t h, std::vector<std::uint8_t>& hits)
{
    const std::vector<float>& x = lead.samples;
    const std::size_t n = x.size();
    if (n < 2 * h + 3)
        return;
    const double threshold = kSpikeMv / millivoltsPerUnit(lead.unit);
    std::vector<float> window(2 * h + 1);
    for (std::size_t i = h + 1; i + h + 1 < n; ++i) {
        const float v = x[i];
        // Cheap necessary condition first: the median can only be that far from v if the
        // window's lowest or highest sample is.
        float lo = v, hi = v;
        for (std::size_t j = i - h; j <= i + h; ++j) {
            lo = std::min(lo, x[j]);
            hi = std::max(hi, x[j]);
        }
        if (!(v - lo > threshold || hi - v > threshold)) // NaN fails both
            continue;
        bool finite = true;
        for (std::size_t j = 0; j < window.size(); ++j) {
            window[j] = x[i - h + j];
            finite = finite && std::isfinite(window[j]);
        }
        if (!finite)
            continue;
        std::nth_element(window.begin(), window.begin() + std::ptrdiff_t(h), window.end());
        const double residual = std::fabs(double(v) - double(window[h]));
        // A stimulus stands out of a trace that runs on smoothly around it; the apex of a tall,
        // sharp R wave stands out by about the slope of its flanks, which are just as steep
        // outside the window.
        const double flanks = std::max(std::fabs(double(x[i - h]) - double(x[i - h - 1])),
                                       std::fabs(double(x[i + h + 1]) - double(x[i + h])));
        if (residual > threshold && residual > kSharpness * flanks && hits[i] < 255)
            ++hits[i];
    }
}

} // namespace

PacingSpikes findPacingSpikes(const Recording& raw, const std::vector<Beat>& beats)
{
    PacingSpikes out;
    double fs = 0.0;
    const std::vector<const Lead*> leads = searchedLeads(raw, fs);
    if (leads.empty() || !(fs >= kPacingMinFsHz))
        return out;
    out.searched = true;
    out.fsHz = fs;
    out.leadCount = leads.size();

    const std::size_t n = leads.front()->samples.size();
    const auto h = std::size_t(std::max(1.0, std::round(kHalfWindowMs * 1e-3 * fs)));
    std::vector<std::uint8_t> hits(n, 0);
    for (const Lead* l : leads)
        markSpikes(*l, h, hits);
    const std::size_t need =
        leads.size() == 1 ? 1 : std::max<std::size_t>(2, (leads.size() + 1) / 2);
    const auto merge = std::int64_t(std::llround(kMergeMs * 1e-3 * fs));
    std::vector<std::int64_t> spikes; // sample indices at fs
    for (std::size_t i = 0; i < n; ++i) {
        if (hits[i] < need)
            continue;
        if (spikes.empty() || std::int64_t(i) - spikes.back() > merge)
            spikes.push_back(std::int64_t(i));
    }
    out.timesS.reserve(spikes.size());
    for (const std::int64_t s : spikes)
        out.timesS.push_back(double(s) / fs);

    // A beat is paced when a stimulus falls in [R - kPacingBeforeRMs, R + kPacingAfterRMs].
    std::size_t next = 0;
    for (std::size_t b = 0; b < beats.size(); ++b) {
        const double r = beats[b].timeS;
        const double from = r - kPacingBeforeRMs * 1e-3, to = r + kPacingAfterRMs * 1e-3;
        while (next < out.timesS.size() && out.timesS[next] < from)
            ++next;
        if (next < out.timesS.size() && out.timesS[next] <= to)
            out.pacedBeats.push_back(b);
    }
    return out;
}

namespace {
constexpr double kShapeBeforeRMs = 60.0, kShapeAfterRMs = 160.0;
} // namespace

std::vector<std::size_t> beatsShapedAsPaced(const Recording& conditioned,
                                            const std::vector<Beat>& beats,
                                            const std::vector<std::size_t>& pacedBeats)
{
    if (pacedBeats.empty() || conditioned.fsHz <= 0)
        return {};
    // The template: the median beat of the beats with a stimulus, all of them whatever their
    // class (a paced beat is often classed ventricular; medianBeat would prefer the others).
    std::vector<Beat> stimulated;
    std::vector<bool> paced(beats.size(), false);
    for (std::size_t i : pacedBeats)
        if (i < beats.size()) {
            paced[i] = true;
            stimulated.push_back(beats[i]);
            stimulated.back().beatClass = BeatClass::Normal;
        }
    const MedianBeat median = medianBeat(conditioned, stimulated);
    if (median.beatCount == 0)
        return {};
    const auto samples = [&](double ms) {
        return std::int64_t(std::lround(ms * 1e-3 * conditioned.fsHz));
    };
    const std::int64_t from = -samples(kShapeBeforeRMs), to = samples(kShapeAfterRMs);
    std::vector<std::size_t> out;
    for (std::size_t b = 0; b < beats.size(); ++b)
        if (!paced[b] && windowCorrelation(conditioned, beats[b].sample, median, from, to) >=
                             kPacedShapeCorrelation) // NaN (not judged) is never
            out.push_back(b);
    return out;
}

bool pacemakerStimuli(const PacingSpikes& pacing)
{
    return pacing.pacedBeats.size() >= kPacingMinBeats;
}

} // namespace ecglens::dsp
