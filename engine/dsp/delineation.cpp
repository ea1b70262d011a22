// Median beat and its multi-lead delineation: QRS from the spatial velocity (onset / offset: from
// the spatial deviation off the PR / ST-segment level on to the velocity's floor), T end and
// P boundaries with the trapezium-area method (Vazquez-Seisdedos et al. 2011) on the spatial
// magnitude of the baseline-corrected median beats; the T end then refined over the leads
// (same method per lead, near the spatial T end).

#include "core/lead_names.h"
#include "dsp/measurements.h"
#include "dsp/signal_kind.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace ecglens::dsp {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Tuned on the LUDB development records (ID % 4 == 1); tests/dsp/tst_measurements.cpp reports
// the held-out records (ID % 4 == 3) separately.
// QRS boundaries: spatial velocity falls below this fraction of its peak above the floor (the
// boundaries found so are preliminary: the onset places the PR-segment baseline and bounds the
// P search, the offset places the ST level and starts the T search).
constexpr double kOn = 0.02;
constexpr double kOff = 0.04;
// The preliminary onset search also stops at a velocity valley below 15 % of the peak (a P
// wave close to the QRS must not pull it back); kRise = how much the velocity must rise again.
constexpr double kOnValley = 0.15;
constexpr double kRise = 0.05;
// QRS onset: walking back from R, the first sample where the leads' spatial deviation from
// their PR-segment level falls below kOnDevMv x sqrt(leads / 12) (80 uV over 12 leads: 23 uV
// RMS per lead, so that fewer leads keep the same per-lead level), then on
// to where the spatial velocity falls below kOnFloor x its median in the isoelectric stretch
// 50-20 ms before that point (or below kOn x its peak) for kOnHoldMs, or has a valley.
constexpr double kOnDevMv = 0.08;
constexpr double kOnFloor = 3.0;
constexpr double kOnHoldMs = 4.0;
// QRS offset likewise, walking forward from R: spatial deviation from the ST level (each lead's
// mean 15-35 ms after the preliminary offset) below kOffDevMv x sqrt(leads / 12), then on to
// where the velocity falls below kOffFloor x its median 20-50 ms further on, or has a valley.
constexpr double kOffDevMv = 0.04;
constexpr double kOffFloor = 2.0;
constexpr double kStLevelFromS = 0.015;
constexpr double kStLevelToS = 0.035;
// Systematic lag of the threshold points behind the cardiologists' earliest onset / latest
// offset over 12 leads (mean error on the development records), subtracted.
constexpr double kOnLagMs = 12.0;
constexpr double kOffLagMs = 4.0;
constexpr double kTOffLagMs = 2.0; // median, not mean: LUDB 29 and 61 mark one lead 130 ms late
// The spatial magnitude's T end (before the per-lead refinement) + this bounds the P search.
constexpr double kTSpatialLagMs = 10.0;
constexpr double kPOnLagMs = 9.0;
constexpr double kPOffLagMs = 5.0;
// P offset: humps after the P peak at least this fraction of the peak (above the lowest
// magnitude before QRS onset) belong to a notched P wave (LUDB 43: two humps 40 ms apart).
constexpr double kPHump = 0.3;
// The P search starts after the preceding T wave, but no later than this before QRS onset.
constexpr double kPWindowMinS = 0.200;
// P offset: trapezium from the steepest descent to 80 ms later, but at most to this before the
// QRS onset point (a P wave running into the QRS otherwise pulls the offset late).
constexpr double kPOffGapS = 0.020;
// T wave: peak searched up to min(0.7 RR + 60 ms, 500 ms) after R; T end by the trapezium
// between the steepest descent and a point 200 ms later.
constexpr double kTMaxMs = 500.0;
constexpr double kTFarS = 0.200;
// The T search stops at the next beat's P wave with at most this many leads (LUDB II + V1:
// development T offset SD 77.9 -> 43.0 ms; LUDB 12 leads: no change). Not yet with more: the
// shipped measurement models were trained on 12-lead measurements without it, and it would
// change 15 of the 1810 PTB-XL records (RR 430-720 ms, T end 460-650 ms, some past the next R).
constexpr std::size_t kTNextPMaxLeads = 11;
// ... and only where the T peak is later than this x sqrt(RR / 1 s) (Bazett-corrected; LUDB
// development II + V1: at most 338 ms, 556 and 597 where the next P wave was taken): a "P
// wave" that is really the previous T wave at fast rates otherwise cuts a normal T wave short.
constexpr double kTPeakMaxBazettMs = 450.0;
// T end over leads (the reference is the latest lead's T end): the per-lead ends' 75th
// percentile, leads with a T wave of at least 20 % of the largest, ends 30 ms before to 40 ms
// after the spatial T end; lead T peak in the 150 ms before, steepest slope up to 60 ms after.
constexpr double kTLeadQuantile = 0.75;
constexpr double kTLeadAmp = 0.2;
constexpr double kTLeadEarlyS = 0.030;
constexpr double kTLeadLateS = 0.040;
constexpr double kTLeadPreS = 0.150;
constexpr double kTLeadSlopeS = 0.060;

/// Trapezium-area boundary: between the steepest point m and the far end r of a decaying
/// curve x, the i that maximises 0.5 * |x[m] - x[i]| * (2 r - i - m) (|r - i| for direction).
std::int64_t trapezium(const std::vector<double>& x, std::int64_t m, std::int64_t r)
{
    const std::int64_t step = r >= m ? 1 : -1;
    std::int64_t best = m;
    double bestA = -1.0;
    for (std::int64_t i = m; i != r + step; i += step) {
        const double a =
            0.5 * std::abs(x[std::size_t(m)] - x[std::size_t(i)]) * double(std::abs(2 * r - i - m));
        if (a > bestA) {
            bestA = a;
            best = i;
        }
    }
    return best;
}

/// y[i] = mean of x over [i - half, i + half] (clipped at the ends) for i in [from, to].
template <typename Samples>
void boxMean(const Samples& x, int half, std::int64_t from, std::int64_t to, std::vector<double>& y)
{
    const std::int64_t n = std::int64_t(x.size());
    for (std::int64_t i = from; i <= to; ++i) {
        double s = 0;
        const std::int64_t k0 = std::max<std::int64_t>(0, i - half);
        const std::int64_t k1 = std::min<std::int64_t>(n - 1, i + half);
        for (std::int64_t k = k0; k <= k1; ++k)
            s += x[std::size_t(k)];
        y[std::size_t(i)] = s / double(k1 - k0 + 1);
    }
}

std::vector<double> smooth(const std::vector<double>& x, int half)
{
    std::vector<double> y(x.size());
    boxMean(x, half, 0, std::int64_t(x.size()) - 1, y);
    return y;
}

/// T end (fractional index) as the reference marks it, the latest over leads: per lead, the
/// trapezium from its steepest slope towards its level at `spatialEnd` (the spatial magnitude's T
/// end), its T peak searched in the kTLeadPreS before; the kTLeadQuantile of the leads whose T
/// wave reaches kTLeadAmp of the largest and whose end lies within [-kTLeadEarlyS, +kTLeadLateS]
/// of `spatialEnd` (else `spatialEnd`).
double tEndOverLeads(const std::vector<const std::vector<float>*>& leads, std::int64_t spatialEnd,
                     std::int64_t tSearch0, std::int64_t last, double fs)
{
    const std::int64_t len = last + 1;
    const int half = int(std::lround(0.008 * fs));
    const std::int64_t a = std::max(tSearch0, spatialEnd - std::lround(kTLeadPreS * fs));
    const std::int64_t b = std::max(a + 2, spatialEnd);
    const std::int64_t slopeEnd = std::min(len - 2, spatialEnd + std::lround(kTLeadSlopeS * fs));
    if (b >= len || slopeEnd <= a)
        return double(spatialEnd);
    // Smoothed (+-8 ms) only where read: from a to the farthest trapezium end.
    const std::int64_t x0 = a, x1 = std::min(len - 1, slopeEnd + std::lround(kTFarS * fs));
    std::vector<double> x(leads[0]->size());
    std::vector<double> ends, amps;
    for (const auto* l : leads) {
        boxMean(*l, half, x0, x1, x);
        const double level = x[std::size_t(spatialEnd)];
        std::int64_t pk = a;
        for (std::int64_t i = a; i < b; ++i)
            if (std::abs(x[std::size_t(i)] - level) > std::abs(x[std::size_t(pk)] - level))
                pk = i;
        const double pol = x[std::size_t(pk)] >= level ? 1.0 : -1.0;
        std::int64_t steep = pk;
        double steepV = -std::numeric_limits<double>::infinity();
        for (std::int64_t i = pk; i < slopeEnd; ++i) {
            const double s = pol * (x[std::size_t(i)] - x[std::size_t(i + 1)]);
            if (s > steepV) {
                steepV = s;
                steep = i;
            }
        }
        ends.push_back(
            double(trapezium(x, steep, std::min(len - 1, steep + std::lround(kTFarS * fs)))));
        amps.push_back(std::abs(x[std::size_t(pk)] - level));
    }
    const double ampMax = *std::max_element(amps.begin(), amps.end());
    std::vector<double> kept;
    for (std::size_t k = 0; k < ends.size(); ++k)
        if (amps[k] >= kTLeadAmp * ampMax && ends[k] >= double(spatialEnd) - kTLeadEarlyS * fs &&
            ends[k] <= double(spatialEnd) + kTLeadLateS * fs)
            kept.push_back(ends[k]);
    if (kept.empty())
        return double(spatialEnd);
    std::sort(kept.begin(), kept.end());
    const double pos = kTLeadQuantile * double(kept.size() - 1);
    const std::size_t lo = std::size_t(pos);
    const std::size_t hi = std::min(lo + 1, kept.size() - 1);
    return kept[lo] + (pos - double(lo)) * (kept[hi] - kept[lo]);
}

/// QRS boundary (index) from the spatial velocity `vel` (peak vmax) and the spatial deviation
/// `dev` over `leadCount` leads from the neighbouring level (PR segment for the onset, ST segment
/// for the offset): walking from R in `step` (-1 onset, +1 offset) to the first sample where `dev`
/// falls below devMv x sqrt(leads / 12), never past `limit`, then on to where the velocity falls
/// below floorFactor x its median 20-50 ms further on (or below kOn x its peak) for kOnHoldMs, or
/// has a valley (a P wave running into the QRS, a notch).
std::int64_t qrsBoundary(const std::vector<double>& vel, const std::vector<double>& dev,
                         std::size_t leadCount, std::int64_t r, std::int64_t limit, int step,
                         double devMv, double floorFactor, double fs, double vmax)
{
    const std::int64_t last = std::int64_t(vel.size()) - 1;
    const double devTh = devMv * std::sqrt(double(leadCount) / 12.0);
    std::int64_t i = r;
    while ((step < 0 ? i > limit : i < limit) && dev[std::size_t(i)] >= devTh)
        i += step;
    auto at = [&](double s) {
        return std::clamp<std::int64_t>(i + step * std::lround(s * fs), 0, last);
    };
    const std::int64_t w0 = std::min(at(0.050), at(0.020));
    const std::int64_t w1 = std::max(w0 + 1, std::max(at(0.050), at(0.020)));
    std::vector<double> iso(vel.begin() + w0, vel.begin() + w1);
    std::nth_element(iso.begin(), iso.begin() + std::ptrdiff_t(iso.size() / 2), iso.end());
    const double th = std::max(floorFactor * iso[iso.size() / 2], kOn * vmax);
    const std::int64_t hold = std::max<std::int64_t>(1, std::lround(kOnHoldMs * 1e-3 * fs));
    const std::int64_t stop = at(0.040);
    std::int64_t minI = i;
    for (std::int64_t below = 0; i != stop; i += step) {
        if (vel[std::size_t(i)] > vel[std::size_t(minI)])
            return minI;
        minI = i;
        if (vel[std::size_t(i)] >= th)
            below = 0;
        else if (++below >= hold)
            return i - step * (hold - 1);
    }
    return i;
}

/// Spatial deviation y[i] = sqrt(sum over leads of (x - level)^2) for i in [from, to], each
/// lead's level its mean over [b0, b1).
void spatialDeviation(const std::vector<const std::vector<float>*>& leads, std::int64_t b0,
                      std::int64_t b1, std::int64_t from, std::int64_t to, std::vector<double>& y)
{
    std::fill(y.begin() + from, y.begin() + to + 1, 0.0);
    for (const auto* l : leads) {
        double base = 0;
        for (std::int64_t i = b0; i < b1; ++i)
            base += (*l)[std::size_t(i)];
        base /= double(b1 - b0);
        for (std::int64_t i = from; i <= to; ++i) {
            const double v = (*l)[std::size_t(i)] - base;
            y[std::size_t(i)] += v * v;
        }
    }
    for (std::int64_t i = from; i <= to; ++i)
        y[std::size_t(i)] = std::sqrt(y[std::size_t(i)]);
}

typedef float Float4 __attribute__((vector_size(16)));

/// Element-wise (a[k], b[k]) <- (min, max) over n floats (NaN-free); four at a time (GCC/Clang
/// vector extension, plain SSE2 minps/maxps).
void sortRowPair(float* a, float* b, std::size_t n)
{
    std::size_t k = 0;
    for (; k + 4 <= n; k += 4) {
        Float4 x, y;
        std::memcpy(&x, a + k, sizeof x);
        std::memcpy(&y, b + k, sizeof y);
        const Float4 lo = y < x ? y : x, hi = y < x ? x : y;
        std::memcpy(a + k, &lo, sizeof lo);
        std::memcpy(b + k, &hi, sizeof hi);
    }
    for (; k < n; ++k) {
        const float x = a[k], y = b[k];
        a[k] = y < x ? y : x;
        b[k] = y < x ? x : y;
    }
}

} // namespace

MedianBeat medianBeat(const Recording& rec, const std::vector<Beat>& beats, std::int64_t from,
                      std::int64_t to, const std::optional<LimbLeadSources>& computed)
{
    MedianBeat m;
    m.fsHz = rec.fsHz;
    if (rec.fsHz <= 0 || rec.leads.empty())
        return m;
    const std::int64_t n = std::int64_t(rec.sampleCount());
    if (to < 0 || to > n)
        to = n;
    const std::int64_t pre = std::int64_t(std::lround(0.45 * rec.fsHz));
    const std::int64_t post = std::int64_t(std::lround(0.70 * rec.fsHz));
    std::vector<std::int64_t> use, any;
    for (const Beat& b : beats) {
        if (b.sample < from || b.sample >= to || b.sample - pre < 0 || b.sample + post >= n)
            continue;
        any.push_back(b.sample);
        if (b.beatClass == BeatClass::Normal)
            use.push_back(b.sample);
    }
    if (use.size() < 3)
        use = any;
    if (use.empty())
        return m;
    // At most 300 beats, evenly spread, keep long records fast.
    if (use.size() > 300) {
        std::vector<std::int64_t> sub;
        for (std::size_t i = 0; i < 300; ++i)
            sub.push_back(use[i * use.size() / 300]);
        use.swap(sub);
    }
    m.rIndex = pre;
    m.beatCount = int(use.size());
    const std::size_t len = std::size_t(pre + post + 1);
    std::vector<float> column(use.size());
    std::vector<float> segments(use.size() * len); // beat-major copy: sequential reads
    // The median over the beats of one lead, whose samples from `at` on `segment(at, out)`
    // writes to out[0, len).
    const auto medianOf = [&](const auto& segment) {
        std::vector<float> med(len, std::nanf(""));
        for (std::size_t b = 0; b < use.size(); ++b)
            segment(use[b] - pre, &segments[b * len]);
        if (use.size() <= 24 &&
            std::none_of(segments.begin(), segments.end(), [](float v) { return v != v; })) {
            // A window's few beats: odd-even transposition sort of the rows, every column at
            // once (branch-free min/max over contiguous rows), then the middle row.
            const std::size_t c = use.size();
            for (std::size_t round = 0; round < c; ++round)
                for (std::size_t i = round & 1u; i + 1 < c; i += 2)
                    sortRowPair(&segments[i * len], &segments[(i + 1) * len], len);
            std::copy_n(segments.begin() + std::ptrdiff_t((c / 2) * len), len, med.begin());
            return med;
        }
        for (std::size_t k = 0; k < len; ++k) {
            std::size_t c = 0;
            for (std::size_t b = 0; b < use.size(); ++b) {
                const float v = segments[b * len + k];
                if (!std::isnan(v))
                    column[c++] = v;
            }
            if (c == 0)
                continue;
            if (c <= 24) { // insertion sort beats nth_element on a window's few beats
                for (std::size_t i = 1; i < c; ++i) {
                    const float v = column[i];
                    std::size_t j = i;
                    for (; j > 0 && column[j - 1] > v; --j)
                        column[j] = column[j - 1];
                    column[j] = v;
                }
            } else {
                std::nth_element(column.begin(), column.begin() + std::ptrdiff_t(c / 2),
                                 column.begin() + std::ptrdiff_t(c));
            }
            med[k] = column[c / 2];
        }
        return med;
    };
    const auto measurable = [&](const Lead& lead) {
        return lead.samples.size() == std::size_t(n) && mayBeEcg(lead);
    };
    for (const Lead& lead : rec.leads) {
        m.leadNames.push_back(lead.name);
        m.mvPerUnit.push_back(millivoltsPerUnit(lead.unit));
        m.computed.push_back(lead.computed);
        if (!measurable(lead)) {
            m.leads.emplace_back(len, std::nanf(""));
            continue;
        }
        m.leads.push_back(medianOf([&](std::int64_t at, float* out) {
            std::copy_n(lead.samples.begin() + std::ptrdiff_t(at), len, out);
        }));
    }
    if (!computed || computed->leadA >= rec.leads.size() || computed->leadB >= rec.leads.size())
        return m;
    const Lead& a = rec.leads[computed->leadA];
    const Lead& b = rec.leads[computed->leadB];
    if (!measurable(a) || !measurable(b))
        return m;
    const double sa = millivoltsPerUnit(a.unit), sb = millivoltsPerUnit(b.unit);
    for (const int t : computed->missing) {
        const auto [wa, wb] = limbLeadWeights(t, computed->limbA, computed->limbB);
        const auto fa = float(wa), fb = float(wb * sb / sa); // in the first source's unit
        m.leadNames.push_back(kStandardLeads[std::size_t(t)]);
        m.mvPerUnit.push_back(sa);
        m.computed.push_back(true);
        m.leads.push_back(medianOf([&](std::int64_t at, float* out) {
            for (std::size_t k = 0; k < len; ++k)
                out[k] = fa * a.samples[std::size_t(at) + k] + fb * b.samples[std::size_t(at) + k];
        }));
    }
    return m;
}

double windowCorrelation(const Recording& rec, std::int64_t at, const MedianBeat& m,
                         std::int64_t fromSample, std::int64_t toSample)
{
    const std::int64_t n = std::int64_t(rec.sampleCount());
    if (m.leads.empty() || toSample < fromSample || at + fromSample < 0 || at + toSample >= n ||
        m.rIndex + fromSample < 0 || m.rIndex + toSample >= std::int64_t(m.leads[0].size()))
        return kNaN;
    const double count = double(toSample - fromSample + 1);
    double num = 0, da = 0, db = 0;
    for (std::size_t l = 0; l < m.leads.size() && l < rec.leads.size(); ++l) {
        const auto& x = rec.leads[l].samples;
        const auto& y = m.leads[l];
        if (x.size() != std::size_t(n) || std::isnan(y[std::size_t(m.rIndex)]))
            continue; // not this lead's median (another rate, another kind of signal)
        double mx = 0, my = 0;
        for (std::int64_t k = fromSample; k <= toSample; ++k) {
            mx += double(x[std::size_t(at + k)]);
            my += double(y[std::size_t(m.rIndex + k)]);
        }
        mx /= count;
        my /= count;
        for (std::int64_t k = fromSample; k <= toSample; ++k) {
            const double a = double(x[std::size_t(at + k)]) - mx;
            const double c = double(y[std::size_t(m.rIndex + k)]) - my;
            num += a * c;
            da += a * a;
            db += c * c;
        }
    }
    return da > 0 && db > 0 ? num / std::sqrt(da * db) : kNaN; // NaN also when a sample was
}

Fiducials delineate(const MedianBeat& beat, double rrMs)
{
    Fiducials f;
    f.pOnsetMs = f.pPeakMs = f.pOffsetMs = f.qrsOnsetMs = f.qrsOffsetMs = f.tPeakMs = f.tOffsetMs =
        kNaN;
    const double fs = beat.fsHz;
    if (beat.leads.empty() || fs <= 0 || beat.beatCount == 0)
        return f;
    const std::int64_t len = std::int64_t(beat.leads[0].size());
    const std::int64_t r = beat.rIndex;
    auto ms = [&](std::int64_t i) { return double(i - r) * 1000.0 / fs; };
    auto idx = [&](double t) {
        return std::clamp<std::int64_t>(r + std::int64_t(std::lround(t * 1e-3 * fs)), 0, len - 1);
    };
    std::vector<const std::vector<float>*> leads;
    for (const auto& l : beat.leads)
        if (!l.empty() && !std::isnan(l[std::size_t(r)]))
            leads.push_back(&l);
    if (leads.empty())
        return f;

    // Spatial velocity over +-4 ms differences.
    const std::int64_t d = std::max<std::int64_t>(1, std::lround(0.004 * fs));
    std::vector<double> vel(std::size_t(len), 0.0);
    const std::int64_t a0 = idx(-80), a1 = idx(80);
    for (std::int64_t i = d; i + d < len; ++i) {
        double s = 0;
        for (const auto* l : leads) {
            const double v = double((*l)[std::size_t(i + d)]) - double((*l)[std::size_t(i - d)]);
            s += v * v;
        }
        vel[std::size_t(i)] = std::sqrt(s);
    }
    const std::int64_t peakOn =
        std::max_element(vel.begin() + a0, vel.begin() + r + 1) - vel.begin();
    const std::int64_t peakOff =
        std::max_element(vel.begin() + r, vel.begin() + a1 + 1) - vel.begin();
    const double vmax = std::max(vel[std::size_t(peakOn)], vel[std::size_t(peakOff)]);
    // Noise floor: median velocity of the first 120 ms (well before any P wave).
    std::vector<double> early(vel.begin() + d, vel.begin() + std::max(d + 1, idx(-330)));
    std::nth_element(early.begin(), early.begin() + std::ptrdiff_t(early.size() / 2), early.end());
    const double floorV = early.empty() ? 0.0 : early[early.size() / 2];
    const double thOn = floorV + kOn * (vmax - floorV), thOff = floorV + kOff * (vmax - floorV);
    const std::int64_t hold = std::max<std::int64_t>(1, std::lround(0.006 * fs));
    // Walks from the peak slope outwards until the velocity stays below th for `hold` samples,
    // or stops at a valley (the velocity rises again: a neighbouring wave) once below kValley.
    auto boundary = [&](std::int64_t from, std::int64_t to, double th, double valley) {
        const std::int64_t step = to > from ? 1 : -1;
        std::int64_t at = from, below = 0, minI = -1;
        for (std::int64_t i = from; i != to; i += step) {
            const double v = vel[std::size_t(i)];
            if (v < valley * (vmax - floorV) + floorV) {
                if (minI < 0 || v < vel[std::size_t(minI)])
                    minI = i;
                else if (v > vel[std::size_t(minI)] + kRise * (vmax - floorV))
                    return minI;
            }
            if (v < th) {
                if (++below >= hold)
                    return i - step * (hold - 1);
            } else {
                below = 0;
                at = i;
            }
        }
        return at;
    };
    // `on` (a relative velocity threshold) places the PR-segment baseline and bounds the P wave.
    const std::int64_t on = boundary(peakOn, idx(-200), thOn, kOnValley);
    const std::int64_t off = boundary(peakOff, idx(220), thOff, 0.0);

    // Baseline per lead from the PR segment just before QRS onset.
    const std::int64_t b0 = std::max<std::int64_t>(0, on - std::lround(0.020 * fs));
    const std::int64_t b1 = std::max<std::int64_t>(b0 + 1, on - std::lround(0.004 * fs));
    std::vector<double> mag(std::size_t(len), 0.0);
    spatialDeviation(leads, b0, b1, 0, len - 1, mag);
    const std::int64_t qrsOn =
        qrsBoundary(vel, mag, leads.size(), r, b0, -1, kOnDevMv, kOnFloor, fs, vmax);
    f.qrsOnsetMs = ms(qrsOn) - kOnLagMs;
    // QRS offset likewise from the ST level just after the preliminary offset.
    {
        const std::int64_t s0 = std::min(len - 2, off + std::lround(kStLevelFromS * fs));
        const std::int64_t s1 =
            std::min(len - 1, std::max(s0 + 1, off + std::lround(kStLevelToS * fs)));
        const std::int64_t limit = std::min(len - 1, off + std::lround(0.060 * fs));
        std::vector<double> stDev(std::size_t(len), 0.0);
        spatialDeviation(leads, s0, s1, r, limit, stDev);
        f.qrsOffsetMs = ms(qrsBoundary(vel, stDev, leads.size(), r, limit, +1, kOffDevMv, kOffFloor,
                                       fs, vmax)) +
                        kOffLagMs;
    }
    mag = smooth(mag, int(std::lround(0.008 * fs)));

    // T wave: largest magnitude between QRS offset + 60 ms and min(R + 0.7 RR, end).
    const double tLimitMs =
        std::min(std::isfinite(rrMs) && rrMs > 0 ? std::min(kTMaxMs, 0.7 * rrMs + 60) : kTMaxMs,
                 ms(len - 1) - 20);
    const std::int64_t t0 = std::min(len - 2, off + std::lround(0.06 * fs));
    const std::int64_t t1 = std::max(t0 + 1, idx(tLimitMs));
    double spatialTEndMs = kNaN; // bounds the P search
    // The T wave with its peak before `tEnd` and its end at most at `last`.
    auto tWave = [&](std::int64_t tEnd, std::int64_t last) {
        if (tEnd <= t0 + 2)
            return;
        const std::int64_t tp =
            std::max_element(mag.begin() + t0, mag.begin() + tEnd) - mag.begin();
        f.tPeakMs = ms(tp);
        // Steepest descent after the peak, then trapezium to +150 ms.
        std::int64_t steep = tp;
        double steepV = 0;
        const std::int64_t sEnd = std::min(last - 1, tp + std::lround(0.12 * fs));
        for (std::int64_t i = tp; i < sEnd; ++i) {
            const double s = mag[std::size_t(i)] - mag[std::size_t(i + 1)];
            if (s > steepV) {
                steepV = s;
                steep = i;
            }
        }
        const std::int64_t far = std::min(last, steep + std::lround(kTFarS * fs));
        const std::int64_t spatialEnd = trapezium(mag, steep, far);
        spatialTEndMs = ms(spatialEnd) + kTSpatialLagMs;
        f.tOffsetMs =
            (tEndOverLeads(leads, spatialEnd, t0, last, fs) - double(r)) * 1000.0 / fs + kTOffLagMs;
    };
    tWave(t1, len - 1);

    // P wave: largest magnitude between onset - 300 ms and onset - 40 ms, and after the end of
    // the previous beat's T wave (T offset - RR), which reaches into that window at fast rates
    // (never after onset - 200 ms, should the T offset be late).
    // Noise: spread of the magnitude over the 80 ms before that window, or over the first
    // 40 ms after the previous T wave.
    std::int64_t p0 = std::max<std::int64_t>(d + 1, on - std::lround(0.30 * fs));
    std::int64_t n0 = std::max<std::int64_t>(0, p0 - std::lround(0.08 * fs)), n1 = p0;
    if (std::isfinite(spatialTEndMs) && std::isfinite(rrMs) && rrMs > 0) {
        const std::int64_t prevT =
            std::min(idx(spatialTEndMs - rrMs), on - std::lround(kPWindowMinS * fs));
        p0 = std::max(p0, prevT);
        if (prevT > n0) {
            n0 = prevT;
            n1 = std::min(len - 1, std::max(p0, prevT + std::lround(0.04 * fs)));
        }
    }
    const std::int64_t p1 = on - std::lround(0.04 * fs);
    if (p1 > p0 + 4) {
        const std::int64_t pp = std::max_element(mag.begin() + p0, mag.begin() + p1) - mag.begin();
        const double qrsAmp = *std::max_element(mag.begin() + on, mag.begin() + off + 1);
        double lo = mag[std::size_t(p0)], hi = lo;
        for (std::int64_t i = n0; i <= n1; ++i) {
            lo = std::min(lo, mag[std::size_t(i)]);
            hi = std::max(hi, mag[std::size_t(i)]);
        }
        const double pAmp = mag[std::size_t(pp)] - std::min(lo, mag[std::size_t(p1)]);
        f.pWavePresent = pAmp > 0.04 * qrsAmp && pAmp > 2.0 * (hi - lo) && pp > p0 && pp < p1 - 1;
        if (f.pWavePresent) {
            f.pPeakMs = ms(pp);
            std::int64_t up = pp, down = pp;
            double su = 0, sd = 0;
            for (std::int64_t i = std::max(p0 - std::lround(0.06 * fs), d + 1); i < pp; ++i)
                if (mag[std::size_t(i + 1)] - mag[std::size_t(i)] > su) {
                    su = mag[std::size_t(i + 1)] - mag[std::size_t(i)];
                    up = i;
                }
            // A notched (bifid) P wave: its offset follows the last hump, not the tallest.
            std::int64_t lastHump = pp;
            {
                const double lvl = *std::min_element(mag.begin() + pp, mag.begin() + on);
                const double th = lvl + kPHump * (mag[std::size_t(pp)] - lvl);
                const std::int64_t w = std::max<std::int64_t>(1, std::lround(0.008 * fs));
                for (std::int64_t i = pp + 1; i < on - w; ++i)
                    if (mag[std::size_t(i)] >= th &&
                        mag[std::size_t(i)] ==
                            *std::max_element(mag.begin() + (i - w), mag.begin() + (i + w + 1)))
                        lastHump = i;
            }
            for (std::int64_t i = lastHump; i < on - 1; ++i)
                if (mag[std::size_t(i)] - mag[std::size_t(i + 1)] > sd) {
                    sd = mag[std::size_t(i)] - mag[std::size_t(i + 1)];
                    down = i;
                }
            f.pOnsetMs =
                ms(trapezium(mag, up, std::max<std::int64_t>(0, up - std::lround(0.08 * fs)))) -
                kPOnLagMs;
            const std::int64_t pEnd =
                std::min(qrsOn - std::lround(kPOffGapS * fs), down + std::lround(0.08 * fs));
            f.pOffsetMs =
                std::min(ms(trapezium(mag, down, std::max(down, pEnd))) + kPOffLagMs, f.qrsOnsetMs);
        }
    }
    // At fast rates the next beat's P wave (RR later) can outgrow a flat T wave: where the T
    // peak lies past the next P onset and later than a T peak can be (kTPeakMaxBazettMs), the
    // T wave is searched again, peak and end before that P onset.
    // The P search above keeps the first T end (a P search after the bounded T wave raised the
    // MIT-BIH AF windows with a PR from 5 to 7).
    if (leads.size() <= kTNextPMaxLeads && f.pWavePresent && std::isfinite(rrMs) && rrMs > 0) {
        const std::int64_t tEnd = std::max(t0 + 1, idx(rrMs + f.pOnsetMs));
        if (tEnd < t1 && f.tPeakMs >= ms(tEnd) &&
            f.tPeakMs > kTPeakMaxBazettMs * std::sqrt(rrMs / 1000.0))
            tWave(tEnd, tEnd);
    }
    // A T wave cannot end at or after the next beat's QRS onset (RR later): such an end (fast
    // rates, a flat T wave running into the next P and QRS) is not reported rather than
    // reported wrong, so QT and QTc stay empty instead of impossible (QT >= RR).
    if (std::isfinite(rrMs) && rrMs > 0 && std::isfinite(f.tOffsetMs) &&
        std::isfinite(f.qrsOnsetMs) && f.tOffsetMs >= rrMs + f.qrsOnsetMs)
        f.tOffsetMs = kNaN;
    return f;
}

} // namespace ecglens::dsp
