#include "dsp/measurements.h"

#include "core/lead_names.h"
#include "dsp/rhythm.h"
#include "dsp/signal_kind.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

namespace ecglens::dsp {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kPi = 3.14159265358979323846;

int leadByName(const MedianBeat& m, const char* name)
{
    for (std::size_t i = 0; i < m.leadNames.size(); ++i)
        if (m.leadNames[i] == name)
            return int(i);
    return -1;
}

/// Median-beat lead l's factor to mV (1 when the beat does not say).
double mvPerUnitOf(const MedianBeat& m, int l)
{
    return std::size_t(l) < m.mvPerUnit.size() ? m.mvPerUnit[std::size_t(l)] : 1.0;
}

/// The sample of a median beat's lead of n samples at `tMs` relative to R, clamped to the beat.
std::int64_t sampleAt(const MedianBeat& m, std::int64_t n, double tMs)
{
    return std::clamp<std::int64_t>(m.rIndex + std::int64_t(std::lround(tMs * 1e-3 * m.fsHz)), 0,
                                    n - 1);
}

/// Lead l of a median beat between two times relative to R, with the level at `baseMs` as its
/// baseline; empty (x null) when it cannot be measured: no lead, a time or the baseline not
/// finite.
struct LeadSpan
{
    const std::vector<float>* x = nullptr;
    std::int64_t from = 0, to = -1;
    double base = kNaN;
};
LeadSpan leadSpan(const MedianBeat& m, int l, double fromMs, double toMs, double baseMs)
{
    LeadSpan span;
    if (l < 0 || !std::isfinite(fromMs) || !std::isfinite(toMs) || !std::isfinite(baseMs))
        return span;
    const auto& x = m.leads[std::size_t(l)];
    const std::int64_t n = std::int64_t(x.size());
    if (n == 0)
        return span;
    span.base = x[std::size_t(sampleAt(m, n, baseMs))];
    if (!std::isfinite(span.base))
        return span;
    span.x = &x;
    span.from = sampleAt(m, n, fromMs);
    span.to = sampleAt(m, n, toMs);
    return span;
}

/// Net area of lead l between two times relative to R, baseline the level at `baseMs`
/// (netAreaOver); NaN when not measurable.
double netArea(const MedianBeat& m, int l, double fromMs, double toMs, double baseMs)
{
    const LeadSpan span = leadSpan(m, l, fromMs, toMs, baseMs);
    return span.x ? netAreaOver(m, *span.x, fromMs, toMs, span.base) : kNaN;
}

/// Largest deflection above (R) and below (S) the baseline at QRS onset in lead l between two
/// times relative to R, in mV; NaN without the lead or without a finite sample.
struct Deflections
{
    double r = kNaN, s = kNaN;
};
Deflections deflections(const MedianBeat& m, int l, double fromMs, double toMs, double baseMs)
{
    Deflections d;
    const LeadSpan span = leadSpan(m, l, fromMs, toMs, baseMs);
    if (!span.x)
        return d;
    const double toMv = mvPerUnitOf(m, l);
    for (std::int64_t i = span.from; i <= span.to; ++i) {
        const double v = (double((*span.x)[std::size_t(i)]) - span.base) * toMv;
        if (!std::isfinite(v))
            continue;
        d.r = std::isfinite(d.r) ? std::max(d.r, v) : std::max(0.0, v);
        d.s = std::isfinite(d.s) ? std::max(d.s, -v) : std::max(0.0, -v);
    }
    return d;
}

/// Frontal axis in degrees from net areas in I and aVF (derived from I/II/III when needed).
double axis(const MedianBeat& m, double fromMs, double toMs, double baseMs)
{
    const int iI = leadByName(m, "I"), iII = leadByName(m, "II"), iIII = leadByName(m, "III"),
              iAvf = leadByName(m, "aVF");
    double areaI = netArea(m, iI, fromMs, toMs, baseMs);
    double areaAvf = netArea(m, iAvf, fromMs, toMs, baseMs);
    const double aII = netArea(m, iII, fromMs, toMs, baseMs);
    const double aIII = netArea(m, iIII, fromMs, toMs, baseMs);
    if (!std::isfinite(areaI) && std::isfinite(aII) && std::isfinite(aIII))
        areaI = aII - aIII;
    if (!std::isfinite(areaAvf) && std::isfinite(aII) && std::isfinite(aIII))
        areaAvf = 0.5 * (aII + aIII);
    if (!std::isfinite(areaAvf) && std::isfinite(areaI) && std::isfinite(aII))
        areaAvf = aII - 0.5 * areaI;
    if (!std::isfinite(areaI) || !std::isfinite(areaAvf) || (areaI == 0 && areaAvf == 0))
        return kNaN;
    // aVF is scaled by 2/sqrt(3) to put it on the same scale as lead I in the hexaxial system.
    return std::atan2(areaAvf * 2.0 / std::sqrt(3.0), areaI) * 180.0 / kPi;
}

/// Rate, RR and HRV over beats[first, first + count).
void rhythmValues(const std::vector<Beat>& beats, std::size_t first, std::size_t count,
                  IntervalValues& v)
{
    v.beatCount = int(count);
    std::vector<double> rr, nn;
    for (std::size_t i = first + 1; i < first + count; ++i) {
        const double d = (beats[i].timeS - beats[i - 1].timeS) * 1000.0;
        rr.push_back(d);
        nn.push_back(beats[i].beatClass == BeatClass::Normal &&
                             beats[i - 1].beatClass == BeatClass::Normal
                         ? d
                         : kNaN);
    }
    for (std::size_t i = first; i < first + count; ++i) {
        v.ventricularBeats += beats[i].beatClass == BeatClass::Ventricular;
        v.supraventricularBeats += beats[i].beatClass == BeatClass::SupraventricularPremature;
    }
    if (rr.empty()) {
        v.heartRateBpm = v.rrMeanMs = v.rrMinMs = v.rrMaxMs = kNaN;
        v.sdnnMs = v.rmssdMs = v.pnn50Percent = kNaN;
        return;
    }
    v.rrMeanMs = std::accumulate(rr.begin(), rr.end(), 0.0) / double(rr.size());
    v.rrMinMs = *std::min_element(rr.begin(), rr.end());
    v.rrMaxMs = *std::max_element(rr.begin(), rr.end());
    v.heartRateBpm = 60000.0 / v.rrMeanMs;
    std::vector<double> valid;
    for (double x : nn)
        if (std::isfinite(x))
            valid.push_back(x);
    if (valid.size() >= 2) {
        const double mean = std::accumulate(valid.begin(), valid.end(), 0.0) / double(valid.size());
        double ss = 0;
        for (double x : valid)
            ss += (x - mean) * (x - mean);
        v.sdnnMs = std::sqrt(ss / double(valid.size() - 1));
    } else {
        v.sdnnMs = kNaN;
    }
    // Successive differences only between adjacent NN intervals.
    double sq = 0;
    int pairs = 0, over50 = 0;
    for (std::size_t i = 1; i < nn.size(); ++i) {
        if (!std::isfinite(nn[i]) || !std::isfinite(nn[i - 1]))
            continue;
        const double dd = nn[i] - nn[i - 1];
        sq += dd * dd;
        over50 += std::abs(dd) > 50.0;
        ++pairs;
    }
    v.rmssdMs = pairs > 0 ? std::sqrt(sq / pairs) : kNaN;
    v.pnn50Percent = pairs > 0 ? 100.0 * over50 / pairs : kNaN;
}

double medianRrMs(const std::vector<Beat>& beats, std::size_t first, std::size_t count)
{
    std::vector<double> rr;
    for (std::size_t i = first + 1; i < first + count; ++i)
        rr.push_back((beats[i].timeS - beats[i - 1].timeS) * 1000.0);
    if (rr.empty())
        return kNaN;
    std::nth_element(rr.begin(), rr.begin() + std::ptrdiff_t(rr.size() / 2), rr.end());
    return rr[rr.size() / 2];
}

} // namespace

double qtcBazettMs(double qtMs, double rrMs)
{
    return std::isfinite(rrMs) && rrMs > 0 ? qtMs / std::sqrt(rrMs / 1000.0) : kNaN;
}

double qtcFridericiaMs(double qtMs, double rrMs)
{
    return std::isfinite(rrMs) && rrMs > 0 ? qtMs / std::cbrt(rrMs / 1000.0) : kNaN;
}

double qtBogossianMs(double qtMs, double qrsMs)
{
    return qtMs - kBogossianQrsFraction * qrsMs;
}

double netAreaOver(const MedianBeat& m, const std::vector<float>& x, double fromMs, double toMs,
                   double baseline)
{
    if (x.empty() || m.fsHz <= 0 || !std::isfinite(fromMs) || !std::isfinite(toMs) ||
        !std::isfinite(baseline))
        return kNaN;
    const std::int64_t n = std::int64_t(x.size());
    const std::int64_t from = sampleAt(m, n, fromMs), to = sampleAt(m, n, toMs);
    double sum = 0;
    for (std::int64_t i = from; i <= to; ++i)
        sum += double(x[std::size_t(i)]) - baseline; // NaN if any sample is
    return sum * 1e3 / m.fsHz;
}

namespace {

void intervalValues(const MedianBeat& m, const Fiducials& f, IntervalValues& v)
{
    v.prMs = f.pWavePresent ? f.qrsOnsetMs - f.pOnsetMs : kNaN;
    v.qrsMs = f.qrsOffsetMs - f.qrsOnsetMs;
    v.qtMs = f.tOffsetMs - f.qrsOnsetMs;
    v.qtcBazettMs = qtcBazettMs(v.qtMs, v.rrMeanMs);
    v.qtcFridericiaMs = qtcFridericiaMs(v.qtMs, v.rrMeanMs);
    v.qrsAxisDeg = axis(m, f.qrsOnsetMs, f.qrsOffsetMs, f.qrsOnsetMs);
    v.tAxisDeg = axis(m, f.qrsOffsetMs, f.tOffsetMs, f.qrsOnsetMs);
    v.pAxisDeg = f.pWavePresent ? axis(m, f.pOnsetMs, f.pOffsetMs, f.pOnsetMs) : kNaN;
    // QRS voltages (Hancock et al. 2009): Sokolow-Lyon S(V1) + max(R(V5), R(V6)); Cornell
    // R(aVL) + S(V3).
    auto qrs = [&](const char* lead) {
        return deflections(m, leadByName(m, lead), f.qrsOnsetMs, f.qrsOffsetMs, f.qrsOnsetMs);
    };
    v.sokolowLyonMv = qrs("V1").s + std::fmax(qrs("V5").r, qrs("V6").r);
    v.cornellMv = qrs("aVL").r + qrs("V3").s;
}

/// Whether most of beats[first, first + count) show the median beat's P wave: per beat, the
/// correlation over all leads between its samples and the median's from P onset to P offset
/// (each lead's mean removed) is at least kPBeatCorrelation.
/// At irregular RR the previous beat's T wave can sit in the P window (fast AF): a P wave keeps
/// its distance to its own QRS, a T wave to the previous one. So among the beats whose RR differs
/// from the median RR by at least kPLockMinShiftS (at least kPLockMinBeats of them), the wave is
/// not a P wave when in most of them it correlates better with the median's window placed the
/// median RR after the previous beat than after its own.
constexpr double kPBeatCorrelation = 0.5;
constexpr double kPLockMinShiftS = 0.020;
constexpr int kPLockMinBeats = 5;
bool pWaveInMostBeats(const Recording& rec, const std::vector<Beat>& beats, std::size_t first,
                      std::size_t count, const MedianBeat& m, const Fiducials& f)
{
    if (!f.pWavePresent || m.fsHz <= 0 || m.leads.empty())
        return false;
    const std::int64_t from = std::int64_t(std::lround(f.pOnsetMs * 1e-3 * m.fsHz));
    const std::int64_t to = std::int64_t(std::lround(f.pOffsetMs * 1e-3 * m.fsHz));
    const std::int64_t len = std::int64_t(m.leads[0].size());
    if (to <= from + 2 || m.rIndex + from < 0 || m.rIndex + to >= len)
        return true;
    // Correlation of the recording around sample `at` with the median's P window; NaN where
    // it cannot be judged.
    auto correlation = [&](std::int64_t at) { return windowCorrelation(rec, at, m, from, to); };
    const double rrMed = medianRrMs(beats, first, count) * 1e-3 * rec.fsHz;
    int judged = 0, shown = 0, shifted = 0, lockedToPrevious = 0;
    for (std::size_t b = first; b < first + count; ++b) {
        const std::int64_t r = beats[b].sample;
        const double own = correlation(r);
        if (!std::isfinite(own))
            continue;
        ++judged;
        shown += own >= kPBeatCorrelation;
        // Only a normal beat after a normal beat votes on what the wave follows: a premature
        // or unclassifiable beat, or one after a compensatory pause, shifts for other reasons.
        if (b == 0 || !std::isfinite(rrMed) || beats[b].beatClass != BeatClass::Normal ||
            beats[b - 1].beatClass != BeatClass::Normal)
            continue;
        const std::int64_t prev = beats[b - 1].sample;
        if (std::abs(double(r - prev) - rrMed) < kPLockMinShiftS * rec.fsHz)
            continue;
        const double previous = correlation(prev + std::lround(rrMed));
        if (!std::isfinite(previous))
            continue;
        ++shifted;
        lockedToPrevious += previous > own;
    }
    if (shifted >= kPLockMinBeats && 2 * lockedToPrevious > shifted)
        return false;
    return judged == 0 || 2 * shown > judged;
}

/// Drops the P wave (so PR and the P axis are NaN) of a median beat over beats[first, first +
/// count) when RR is irregular and most beats do not show it.
void checkPWave(const Recording& rec, const std::vector<Beat>& beats, std::size_t first,
                std::size_t count, const MedianBeat& m, double afIrregularity, Fiducials& f)
{
    if (!f.pWavePresent || !(rrIrregularity(beats, first, count) > afIrregularity) ||
        pWaveInMostBeats(rec, beats, first, count, m, f))
        return;
    f.pWavePresent = false;
    f.pOnsetMs = f.pPeakMs = f.pOffsetMs = kNaN;
}

/// The time from QRS onset to the largest deflection above the baseline in median-beat lead l
/// (its level at onset); NaN without the lead or the QRS.
double rPeakTimeMs(const MedianBeat& m, int l)
{
    const double on = m.fiducials.qrsOnsetMs;
    const LeadSpan span = leadSpan(m, l, on, m.fiducials.qrsOffsetMs, on);
    if (!span.x)
        return kNaN;
    std::int64_t peak = -1;
    double top = 0;
    for (std::int64_t i = span.from; i <= span.to; ++i) {
        const double x = double((*span.x)[std::size_t(i)]) - span.base;
        if (std::isfinite(x) && (peak < 0 || x > top)) {
            peak = i;
            top = x;
        }
    }
    return peak < 0 ? kNaN : double(peak - span.from) * 1e3 / m.fsHz;
}

} // namespace

QrsConduction qrsConduction(const MedianBeat& m, const IntervalValues& v)
{
    QrsConduction c;
    const Fiducials& f = m.fiducials;
    const double on = f.qrsOnsetMs, off = f.qrsOffsetMs;
    c.qrsMs = v.qrsMs;
    const int iI = leadByName(m, "I"), iV1 = leadByName(m, "V1"), iV6 = leadByName(m, "V6");
    const Deflections v1 = deflections(m, iV1, on, off, on);
    const Deflections qI = deflections(m, iI, on, on + 30.0, on);
    const Deflections qV6 = deflections(m, iV6, on, on + 30.0, on);
    const Deflections sI = deflections(m, iI, on, off, on);
    const Deflections sV6 = deflections(m, iV6, on, off, on);
    c.v1RMv = v1.r;
    c.v1SMv = v1.s;
    c.v1AreaMvMs = netArea(m, iV1, on, off, on) * mvPerUnitOf(m, iV1);
    c.rPeakTimeMs = std::fmax(rPeakTimeMs(m, iI), rPeakTimeMs(m, iV6));
    c.qMv = std::fmax(qI.s, qV6.s);
    c.sMv = std::fmax(sI.s, sV6.s);
    const bool known = std::isfinite(c.qrsMs) && std::isfinite(c.v1RMv) && std::isfinite(c.v1SMv) &&
                       std::isfinite(c.v1AreaMvMs) && std::isfinite(qI.s) && std::isfinite(qV6.s) &&
                       std::isfinite(sI.s) && std::isfinite(sV6.s);
    if (!known)
        return c;
    if (c.qrsMs >= kLbbbMinQrsMs && c.v1AreaMvMs < 0 && c.v1SMv > 2.0 * c.v1RMv &&
        c.rPeakTimeMs >= kLbbbMinRPeakTimeMs && c.qMv < kLbbbMaxQMv)
        c.block = BundleBranchBlock::Left;
    else if (c.qrsMs >= kRbbbMinQrsMs && c.v1AreaMvMs > kRbbbMinV1AreaMvMs && c.v1RMv > c.v1SMv &&
             c.sMv >= kRbbbMinSMv)
        c.block = BundleBranchBlock::Right;
    return c;
}

FascicularShape fascicularShape(const MedianBeat& m, const IntervalValues& v)
{
    FascicularShape c;
    const double on = m.fiducials.qrsOnsetMs, off = m.fiducials.qrsOffsetMs;
    c.axisDeg = v.qrsAxisDeg;
    const int avl = leadByName(m, "aVL");
    const Deflections avlQ = deflections(m, avl, on, on + 30.0, on);
    const Deflections avlQrs = deflections(m, avl, on, off, on);
    c.avlQMv = avlQ.s;
    c.avlRMv = avlQrs.r;
    c.avlSMv = avlQrs.s;
    c.avlRPeakTimeMs = rPeakTimeMs(m, avl);
    c.inferiorRMv = c.inferiorRsMargin = std::numeric_limits<double>::infinity();
    for (const char* name : {"II", "III", "aVF"}) {
        const int l = leadByName(m, name);
        const Deflections initial = deflections(m, l, on, on + 30.0, on);
        const Deflections qrs = deflections(m, l, on, off, on);
        // fmin would pass over a NaN: a missing lead makes the shape unknown.
        for (auto [out, x] :
             {std::pair{&c.inferiorRMv, initial.r}, std::pair{&c.inferiorRsMargin, qrs.s - qrs.r}})
            *out = std::isnan(x) || std::isnan(*out) ? kNaN : std::min(*out, x);
    }
    const bool known = std::isfinite(c.axisDeg) && std::isfinite(c.avlQMv) &&
                       std::isfinite(c.avlRMv) && std::isfinite(c.avlSMv) &&
                       std::isfinite(c.avlRPeakTimeMs) && std::isfinite(c.inferiorRMv) &&
                       std::isfinite(c.inferiorRsMargin);
    c.leftAnterior = known && c.axisDeg <= kLafbMaxAxisDeg && c.axisDeg >= -90.0 &&
                     c.avlQMv > kLafbMinAvlQMv && c.avlRMv > c.avlSMv &&
                     c.avlRPeakTimeMs >= kLafbMinAvlRPeakTimeMs &&
                     c.inferiorRMv > kLafbMinInferiorRMv && c.inferiorRsMargin > 0;
    return c;
}

namespace {

/// Lead l's Q wave (qWaves' reading) from QRS onset to offset.
QWave qWaveOf(const MedianBeat& m, int l)
{
    QWave q;
    q.lead = m.leadNames[std::size_t(l)];
    const double on = m.fiducials.qrsOnsetMs;
    const LeadSpan span = leadSpan(m, l, on, m.fiducials.qrsOffsetMs, on);
    if (!span.x) {
        q.widthMs = q.depthMv = kNaN;
        return q;
    }
    const double toMv = mvPerUnitOf(m, l);
    const auto at = [&](std::int64_t i) {
        return (double((*span.x)[std::size_t(i)]) - span.base) * toMv;
    };
    std::int64_t first = -1;
    for (std::int64_t i = span.from; i <= span.to; ++i) {
        const double v = at(i);
        if (!std::isfinite(v)) {
            q.widthMs = q.depthMv = kNaN;
            return q;
        }
        if (std::abs(v) >= kQWaveMinMv) {
            first = i;
            break;
        }
    }
    if (first < 0 || at(first) > 0)
        return q; // no deflection, or the first one is an R
    // Back to where it left the baseline (kQWaveEdgeMv below it; QRS onset lies on the
    // baseline) and on to where it comes back, each between the samples on either side.
    std::int64_t a = first;
    while (a > span.from && at(a) < -kQWaveEdgeMv)
        --a;
    const double start = at(a) >= -kQWaveEdgeMv
                             ? double(a) + (at(a) + kQWaveEdgeMv) / (at(a) - at(a + 1))
                             : double(a);
    std::int64_t b = first;
    while (b <= span.to && at(b) < 0) {
        q.depthMv = std::max(q.depthMv, -at(b));
        ++b;
    }
    const double end =
        b > span.to ? double(span.to) : double(b - 1) + at(b - 1) / (at(b - 1) - at(b));
    q.widthMs = (end - start) * 1e3 / m.fsHz;
    return q;
}

} // namespace

bool QWaves::inferior() const
{
    return std::any_of(found.begin(), found.end(),
                       [](const std::string& l) { return l == "II" || l == "III" || l == "aVF"; });
}

QWaves qWaves(const MedianBeat& m)
{
    QWaves out;
    if (!std::isfinite(m.fiducials.qrsOnsetMs) || !std::isfinite(m.fiducials.qrsOffsetMs) ||
        m.fsHz <= 0)
        return out;
    for (std::size_t l = 0; l < m.leadNames.size() && l < m.leads.size(); ++l) {
        const std::string& name = m.leadNames[l];
        // A standard lead once (a file may name two leads alike: the first is read, as
        // leadByName reads it).
        if (standardLeadIndex(name) < 0 ||
            std::any_of(out.leads.begin(), out.leads.end(),
                        [&](const QWave& q) { return q.lead == name; }))
            continue;
        QWave q = qWaveOf(m, int(l));
        if (name == "V2" || name == "V3")
            q.meets = q.widthMs > kQWaveV2V3MinMs;
        else if (name != "aVR" && name != "V1")
            q.meets = q.widthMs >= kQWaveMinMs && q.depthMv >= kQWaveMinDepthMv;
        out.leads.push_back(std::move(q));
    }
    const auto meets = [&](const std::string& name) {
        return std::any_of(out.leads.begin(), out.leads.end(),
                           [&](const QWave& q) { return q.lead == name && q.meets; });
    };
    std::vector<std::string> paired;
    for (const auto& [a, b] : contiguousLeadPairs())
        if (meets(a) && meets(b))
            paired.insert(paired.end(), {a, b});
    for (const QWave& q : out.leads)
        if (std::find(paired.begin(), paired.end(), q.lead) != paired.end()) {
            out.found.push_back(q.lead);
            out.widestMs = std::max(out.widestMs, q.widthMs);
            out.deepestMv = std::max(out.deepestMv, q.depthMv);
        }
    return out;
}

Measurements measure(const Recording& rec, const std::vector<Beat>& beats,
                     const MeasureOptions& options)
{
    Measurements out;
    rhythmValues(beats, 0, beats.size(), out.values);
    const std::optional<LimbLeadSources> limbSources = limbLeadSources(rec);
    std::vector<Beat> chosen; // MeasureOptions::medianOf
    if (options.medianOf.size() == beats.size())
        for (std::size_t i = 0; i < beats.size(); ++i)
            if (options.medianOf[i])
                chosen.push_back(beats[i]);
    out.medianBeat = medianBeat(rec, chosen.size() >= 3 ? chosen : beats, 0, -1, limbSources);
    out.medianBeat.fiducials = delineate(out.medianBeat, medianRrMs(beats, 0, beats.size()));
    checkPWave(rec, beats, 0, beats.size(), out.medianBeat, options.afIrregularity,
               out.medianBeat.fiducials);
    intervalValues(out.medianBeat, out.medianBeat.fiducials, out.values);
    if (!options.windows || options.windowS <= 0 || rec.fsHz <= 0)
        return out;
    const double duration = rec.durationS();
    std::size_t b = 0;
    for (double start = 0; start < duration - 1e-9; start += options.windowS) {
        WindowMeasurements w;
        w.startS = start;
        w.endS = std::min(duration, start + options.windowS);
        while (b < beats.size() && beats[b].timeS < start)
            ++b;
        w.firstBeat = b;
        std::size_t e = b;
        while (e < beats.size() && beats[e].timeS < w.endS)
            ++e;
        w.beatCount = e - b;
        rhythmValues(beats, b, w.beatCount, w.values);
        if (w.beatCount >= 3) {
            const MedianBeat m = medianBeat(rec, beats, std::int64_t(start * rec.fsHz),
                                            std::int64_t(w.endS * rec.fsHz), limbSources);
            w.fiducials = delineate(m, medianRrMs(beats, b, w.beatCount));
            checkPWave(rec, beats, b, w.beatCount, m, options.afIrregularity, w.fiducials);
            intervalValues(m, w.fiducials, w.values);
        } else {
            w.fiducials = delineate(MedianBeat{}, kNaN);
            intervalValues(MedianBeat{}, w.fiducials, w.values);
        }
        out.windows.push_back(std::move(w));
    }
    return out;
}

namespace {

ProgressFn scaledProgress(const ProgressFn& progress, double lo, double hi)
{
    if (!progress)
        return {};
    return [=](double p) { return progress(lo + (hi - lo) * p); };
}

} // namespace

std::optional<Analysis> analyseConditioned(const Recording& conditioned,
                                           const MeasureOptions& options,
                                           const ProgressFn& progress)
{
    if (const auto ecg = ecgAtItsOwnRate(conditioned)) { // measured at the ECG's own rate
        auto a = analyseConditioned(*ecg, options, progress);
        if (a)
            atRecordRate(a->beats, conditioned.fsHz);
        return a;
    }
    DetectOptions detect;
    detect.inputConditioned = true;
    auto beats = detectBeats(conditioned, detect, scaledProgress(progress, 0.0, 0.67));
    if (!beats)
        return std::nullopt;
    Analysis a;
    a.beats = std::move(*beats);
    a.measurements = measure(conditioned, a.beats, options);
    if (progress && !progress(1.0))
        return std::nullopt;
    return a;
}

std::optional<Analysis> analyse(const Recording& recording, const ConditionOptions& condition,
                                const MeasureOptions& options, const ProgressFn& progress)
{
    const auto conditioned =
        dsp::condition(recording, condition, scaledProgress(progress, 0.0, 0.4));
    if (!conditioned)
        return std::nullopt;
    auto a = analyseConditioned(*conditioned, options, scaledProgress(progress, 0.4, 0.95));
    if (a && !measurePacedApart(recording, *conditioned, *a, options,
                                scaledProgress(progress, 0.95, 1.0)))
        return std::nullopt;
    return a;
}

bool measurePacedApart(const Recording& raw, const Recording& conditioned, Analysis& a,
                       const MeasureOptions& options, const ProgressFn& progress)
{
    a.measurements.pacing = findPacingSpikes(raw, a.beats);
    PacingSpikes& found = a.measurements.pacing;
    const std::size_t n = a.beats.size();
    if (!pacemakerStimuli(found) || found.pacedBeats.size() >= n)
        return !progress || progress(1.0);
    // Paced: a stimulus found before the beat, or the QRS shape of those with one.
    found.pacedByShape = beatsShapedAsPaced(conditioned, a.beats, found.pacedBeats);
    std::vector<bool> paced(n, false);
    for (const auto* list : {&found.pacedBeats, &found.pacedByShape})
        for (std::size_t i : *list)
            if (i < n)
                paced[i] = true;
    const std::size_t pacedCount = std::size_t(std::count(paced.begin(), paced.end(), true));
    if (pacedCount >= n) { // every beat paced: the median beat is already theirs
        a.measurements.medianOf = Measurements::MedianOf::PacedBeats;
        a.measurements.medianOfCount = n;
        return !progress || progress(1.0);
    }
    const bool ofPaced = medianBeatPaced(pacedCount, n);
    const std::size_t count = ofPaced ? pacedCount : n - pacedCount;
    if (count < kPacingMinBeats)
        return !progress || progress(1.0);
    MeasureOptions apart = options;
    apart.medianOf.assign(n, false);
    for (std::size_t i = 0; i < n; ++i)
        apart.medianOf[i] = paced[i] == ofPaced;
    auto again = analyseConditioned(conditioned, apart, progress);
    if (!again)
        return false;
    if (again->beats.size() != n) // the same signal gives the same beats; never mix two lists
        return true;
    PacingSpikes pacing = std::move(a.measurements.pacing);
    a.measurements = std::move(again->measurements);
    a.measurements.pacing = std::move(pacing);
    a.measurements.medianOf =
        ofPaced ? Measurements::MedianOf::PacedBeats : Measurements::MedianOf::UnpacedBeats;
    a.measurements.medianOfCount = count;
    return true;
}

} // namespace ecglens::dsp
