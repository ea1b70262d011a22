#include "dsp/beats.h"

#include "dsp/filters.h"
#include "dsp/signal_kind.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <numeric>

namespace ecglens::dsp {

namespace {

// Tuned on MIT-BIH DS1 (see tests/dsp/tst_beats.cpp for the resulting figures).
constexpr double kThreshold = 0.3;   ///< fraction of (signal - noise) level
constexpr double kSnrPower = 1.0;    ///< lead weight = (peak / mean of the feature)^power
constexpr double kSearchBack = 1.66; ///< search back after this many mean RR intervals
constexpr double kSbSlope = 0.3;     ///< search-back beats need this fraction of QRS slope

std::vector<double> bridged(const std::vector<float>& x)
{
    std::vector<double> d(x.begin(), x.end());
    if (!bridgeNaN(d))
        std::fill(d.begin(), d.end(), 0.0);
    return d;
}

/// Median of a copy (empty -> 0).
double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

/// Typical peak height of a non-negative feature (of |f| with absolute): median of the maxima of
/// 2 s blocks.
double typicalPeak(const std::vector<double>& f, double fsHz, bool absolute = false)
{
    const std::size_t block = std::max<std::size_t>(1, std::size_t(2.0 * fsHz));
    std::vector<double> maxima;
    for (std::size_t i = 0; i < f.size(); i += block) {
        const std::size_t end = std::min(f.size(), i + block);
        double mx = absolute ? std::abs(f[i]) : f[i];
        for (std::size_t j = i + 1; j < end; ++j) { // branch-free max
            const double v = absolute ? std::abs(f[j]) : f[j];
            mx = v > mx ? v : mx;
        }
        maxima.push_back(mx);
    }
    return median(maxima);
}

/// Centered moving average of x(i), i in [0, n), with an odd window of w samples.
template <typename X> std::vector<double> movingAverage(const X& x, std::size_t n, std::size_t w)
{
    const std::size_t h = w / 2;
    std::vector<double> y(n);
    double acc = 0.0;
    std::size_t lo = 0, hi = 0; // window [lo, hi)
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t wantHi = std::min(n, i + h + 1), wantLo = i > h ? i - h : 0;
        while (hi < wantHi)
            acc += x(hi++);
        while (lo < wantLo)
            acc -= x(lo++);
        y[i] = acc / double(w);
    }
    return y;
}

struct Features
{
    std::vector<double> energy;                  ///< fused, normalised integrated energy
    std::vector<std::vector<double>> bandPassed; ///< per lead, 5-15 Hz, at fsHz / decim
    std::vector<double> leadScale;               ///< per lead, typical |band-passed| peak
    // Fused normalised |derivative| (slope), computed where asked instead of stored: only the
    // candidate peaks need it.
    double fsD = 0.0;
    std::vector<double> slopeScale; ///< per lead, 1 / sqrt(typical energy peak) (0: flat lead)
    std::size_t block = 1, blocks = 0;
    std::vector<double> weights; ///< per block and lead (block-major)

    /// Derivative of lead l's band-passed signal at i (0 within 2 samples of the ends).
    double derivative(std::size_t l, std::size_t i) const
    {
        const std::vector<double>& y = bandPassed[l];
        if (i < 2 || i + 2 >= y.size())
            return 0.0;
        return (2.0 * y[i + 2] + y[i + 1] - y[i - 1] - 2.0 * y[i - 2]) * fsD / 8.0;
    }
    /// Interpolation between block centres: blocks b0, b1 and the weight t of b1.
    void blockPosition(std::size_t i, std::size_t& b0, std::size_t& b1, double& t) const
    {
        const double pos = (double(i) + 0.5) / double(block) - 0.5;
        b0 = pos <= 0 ? 0 : std::min(blocks - 1, std::size_t(pos));
        b1 = std::min(blocks - 1, b0 + 1);
        t = std::clamp(pos - double(b0), 0.0, 1.0);
    }
    double leadWeight(std::size_t l, std::size_t b0, std::size_t b1, double t) const
    {
        const std::size_t nl = bandPassed.size();
        return (1.0 - t) * weights[b0 * nl + l] + t * weights[b1 * nl + l];
    }
    /// Fused normalised |slope| at i.
    double slope(std::size_t i) const
    {
        std::size_t b0, b1;
        double t;
        blockPosition(i, b0, b1, t);
        double s = 0.0;
        for (std::size_t l = 0; l < bandPassed.size(); ++l)
            s += leadWeight(l, b0, b1, t) * (std::abs(derivative(l, i)) * slopeScale[l]);
        return s;
    }
};

/// y[j] = sum over |k| < d of (d - |k|) * x[j * d + k] / d^2 (indices clamped: edges held).
template <typename T>
void triangularDecimate(const T* x, std::size_t nFull, std::size_t decim, std::vector<double>& y)
{
    const std::int64_t d = std::int64_t(decim), last = std::int64_t(nFull) - 1;
    const std::int64_t n = std::int64_t(y.size());
    const double norm = 1.0 / double(d * d);
    std::vector<double> weight(std::size_t(2 * d - 1));
    for (std::int64_t k = -(d - 1); k <= d - 1; ++k)
        weight[std::size_t(k + d - 1)] = double(d - std::abs(k));
    auto edgeValue = [&](std::int64_t c) {
        double acc = 0.0;
        for (std::int64_t k = -(d - 1); k <= d - 1; ++k)
            acc += weight[std::size_t(k + d - 1)] *
                   double(x[std::clamp<std::int64_t>(c + k, 0, last)]);
        return acc * norm;
    };
    // Interior outputs need no clamping (same terms in the same order as at the edges).
    const std::int64_t jLo = std::min(n, (d - 1 + d - 1) / d);
    const std::int64_t jHi = std::max(jLo, std::min(n, (last - (d - 1)) / d + 1));
    for (std::int64_t j = 0; j < jLo; ++j)
        y[std::size_t(j)] = edgeValue(j * d);
    const double* w = weight.data();
    for (std::int64_t j = jLo; j < jHi; ++j) {
        const T* p = x + (j * d - (d - 1));
        double acc = 0.0;
        for (std::int64_t k = 0; k < 2 * d - 1; ++k)
            acc += w[k] * double(p[k]);
        y[std::size_t(j)] = acc * norm;
    }
    for (std::int64_t j = jHi; j < n; ++j)
        y[std::size_t(j)] = edgeValue(j * d);
}

/// x[i * decim] after a centred triangular low-pass of 2 * decim - 1 taps (zeros at multiples of
/// fsHz / decim, so nothing aliases into the 5-15 Hz band); NaN bridged (all NaN -> zeros).
std::vector<double> decimated(const std::vector<float>& x, std::size_t decim)
{
    const std::size_t nFull = x.size(), n = (nFull + decim - 1) / decim;
    bool anyNaN = false;
    for (float v : x)
        anyNaN |= std::isnan(v);
    std::vector<double> y(n);
    if (anyNaN) {
        const std::vector<double> b = bridged(x);
        if (decim == 1)
            return b;
        triangularDecimate(b.data(), nFull, decim, y);
    } else if (decim == 1) {
        std::copy(x.begin(), x.end(), y.begin());
    } else {
        triangularDecimate(x.data(), nFull, decim, y);
    }
    return y;
}

/// Features at fsHz / decim: the leads are low-passed and decimated first, then band-passed.
Features computeFeatures(const std::vector<const std::vector<float>*>& leads, double fsHz,
                         std::size_t decim)
{
    Features f;
    const std::size_t nFull = leads.empty() ? 0 : leads[0]->size();
    const std::size_t n = (nFull + decim - 1) / decim;
    const double fsD = fsHz / double(decim);
    const double high = std::min(15.0, 0.45 * fsD);
    const auto sos = butterworth(2, FilterKind::BandPass, fsD, 5.0, high);
    const std::size_t w = std::size_t(std::lround(0.15 * fsD)) | 1u;
    std::vector<std::vector<double>> perLead, filtered;
    for (const auto* lead : leads)
        filtered.push_back(decimated(*lead, decim));
    sosFiltFiltMany(sos, filtered); // all leads at once
    f.fsD = fsD;
    f.bandPassed = std::move(filtered);
    std::vector<double> d(n); // one lead's derivative at a time
    for (std::size_t l = 0; l < f.bandPassed.size(); ++l) {
        // Energy: derivative squared, averaged over 150 ms.
        for (std::size_t i = 0; i < n; ++i)
            d[i] = f.derivative(l, i);
        std::vector<double> m = movingAverage([&d](std::size_t i) { return d[i] * d[i]; }, n, w);
        const double amp = typicalPeak(m, fsD);
        f.leadScale.push_back(std::max(typicalPeak(f.bandPassed[l], fsD, true), 1e-12));
        // In place: m becomes the normalised energy.
        if (amp > 0) {
            for (std::size_t i = 0; i < n; ++i)
                m[i] = std::sqrt(m[i] / amp);
            f.slopeScale.push_back(1.0 / std::sqrt(amp));
        } else {
            std::fill(m.begin(), m.end(), 0.0);
            f.slopeScale.push_back(0.0);
        }
        perLead.push_back(std::move(m));
    }
    // Fuse with weights from each lead's local peak-to-mean ratio (4 s blocks, interpolated),
    // so a lead drowned in noise or artefact contributes little where it is bad.
    const std::size_t nl = perLead.size();
    if (nl == 0)
        return f;
    f.block = std::max<std::size_t>(1, std::size_t(4.0 * fsD));
    const std::size_t block = f.block;
    const std::size_t nb = f.blocks = (n + block - 1) / block;
    std::vector<double>& wts = f.weights;
    wts.assign(nb * nl, 1.0);
    for (std::size_t b = 0; b < nb && nl > 1; ++b) {
        double sum = 0.0;
        for (std::size_t l = 0; l < nl; ++l) {
            double mx = 0.0, mean = 0.0;
            const std::size_t lo = b * block, hi = std::min(n, lo + block);
            for (std::size_t i = lo; i < hi; ++i) {
                mx = std::max(mx, perLead[l][i]);
                mean += perLead[l][i];
            }
            mean /= double(hi - lo);
            const double snr = mean > 0 ? mx / mean : 0.0;
            wts[b * nl + l] = std::pow(snr, kSnrPower);
            sum += wts[b * nl + l];
        }
        for (std::size_t l = 0; l < nl; ++l)
            wts[b * nl + l] = sum > 0 ? wts[b * nl + l] * double(nl) / sum : 1.0;
    }
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t b0, b1;
        double t;
        f.blockPosition(i, b0, b1, t);
        double energy = 0.0;
        for (std::size_t l = 0; l < nl; ++l)
            energy += f.leadWeight(l, b0, b1, t) * perLead[l][i];
        perLead[0][i] = energy; // the first lead's buffer becomes the fused energy
    }
    f.energy = std::move(perLead[0]);
    return f;
}

/// Local maxima of f that are the largest within +-half samples.
std::vector<std::size_t> candidatePeaks(const std::vector<double>& f, std::size_t half)
{
    std::vector<std::size_t> out;
    const std::size_t n = f.size();
    std::deque<std::size_t> dq; // indices with decreasing values over window [i-half, i+half]
    std::size_t next = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t hi = std::min(n - 1, i + half);
        while (next <= hi) {
            while (!dq.empty() && f[dq.back()] <= f[next])
                dq.pop_back();
            dq.push_back(next++);
        }
        while (dq.front() + half < i)
            dq.pop_front();
        if (dq.front() == i && f[i] > 0 && (i == 0 || f[i] > f[i - 1]))
            out.push_back(i);
    }
    return out;
}

/// Largest fused slope within +-half samples of c.
double slopeMax(const Features& f, std::int64_t c, std::int64_t half)
{
    const std::int64_t n = std::int64_t(f.energy.size());
    double m = 0.0;
    for (std::int64_t i = std::max<std::int64_t>(0, c - half); i <= std::min(n - 1, c + half); ++i)
        m = std::max(m, f.slope(std::size_t(i)));
    return m;
}

} // namespace

const char* beatCode(BeatClass beatClass)
{
    switch (beatClass) {
    case BeatClass::Normal:
        return "N";
    case BeatClass::SupraventricularPremature:
        return "S";
    case BeatClass::Ventricular:
        return "V";
    case BeatClass::Unknown:
        break;
    }
    return "Q";
}

std::vector<std::int64_t> detectQrs(const std::vector<const std::vector<float>*>& leads,
                                    double fsHz, double refractoryMs)
{
    if (leads.empty() || fsHz <= 0 || leads[0]->size() < std::size_t(fsHz))
        return {};
    // Thresholding runs at about 150 Hz (the 5-15 Hz band needs no more); R peaks are refined
    // at the full rate.
    const std::size_t decim = std::max<std::size_t>(1, std::size_t(fsHz / 150.0));
    const Features f = computeFeatures(leads, fsHz, decim);
    const double fsFull = fsHz;
    fsHz /= double(decim); // feature rate from here to the refinement
    const std::int64_t refr = std::int64_t(std::lround(refractoryMs * 1e-3 * fsHz));
    const auto cands = candidatePeaks(f.energy, std::size_t(refr));
    const std::int64_t slopeHalf = std::int64_t(std::lround(0.075 * fsHz));

    struct Cand
    {
        std::int64_t pos;
        double height;
        double slope;
    };
    std::vector<Cand> cs;
    cs.reserve(cands.size());
    for (std::size_t c : cands)
        cs.push_back({std::int64_t(c), f.energy[c], slopeMax(f, std::int64_t(c), slopeHalf)});

    // Adaptive thresholds (features are normalised so a typical QRS peak is about 1). The
    // signal level is the median of the last 8 QRS peaks, so one huge artefact cannot blind the
    // detector; it decays when nothing is found for too long.
    std::deque<double> qrsPeaks(8, 1.0);
    double npk = 0.05;
    auto spkNow = [&] {
        std::vector<double> v(qrsPeaks.begin(), qrsPeaks.end());
        std::nth_element(v.begin(), v.begin() + 4, v.end());
        return v[4];
    };
    double spk = 1.0;
    std::deque<double> qrsSlopes;
    auto slopeNow = [&] {
        if (qrsSlopes.empty())
            return 0.0;
        std::vector<double> v(qrsSlopes.begin(), qrsSlopes.end());
        std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
        return v[v.size() / 2];
    };
    std::deque<double> rrs;
    double rrAvg = fsHz; // samples
    std::vector<std::size_t> accepted;
    std::int64_t last = -1;
    double lastSlope = 0.0;
    auto accept = [&](std::size_t k) {
        const Cand& c = cs[k];
        if (last >= 0) {
            rrs.push_back(double(c.pos - last));
            if (rrs.size() > 8)
                rrs.pop_front();
            rrAvg = std::accumulate(rrs.begin(), rrs.end(), 0.0) / double(rrs.size());
        }
        qrsPeaks.pop_front();
        qrsPeaks.push_back(c.height);
        spk = spkNow();
        last = c.pos;
        lastSlope = c.slope;
        qrsSlopes.push_back(c.slope);
        if (qrsSlopes.size() > 8)
            qrsSlopes.pop_front();
        accepted.push_back(k);
    };
    std::size_t searchFrom = 0; // first candidate index after the last accepted beat
    for (std::size_t k = 0; k < cs.size(); ++k) {
        const Cand& c = cs[k];
        // Search back for a missed beat when the gap is too long.
        int decays = 0;
        while (last >= 0 && double(c.pos - last) > kSearchBack * rrAvg) {
            const double th2 = 0.5 * (npk + kThreshold * (spk - npk));
            std::size_t best = cs.size();
            for (std::size_t j = searchFrom; j < k; ++j) {
                if (cs[j].pos <= last + refr || cs[j].pos >= c.pos - refr)
                    continue;
                if (cs[j].slope < kSbSlope * slopeNow())
                    continue;
                if (cs[j].height > th2 && (best == cs.size() || cs[j].height > cs[best].height))
                    best = j;
            }
            if (best == cs.size()) {
                if (double(c.pos - last) < 1.5 * fsHz || decays++ >= 3)
                    break;
                for (double& q : qrsPeaks)
                    q *= 0.5; // nothing for a long time: the signal got smaller
                spk = spkNow();
                continue;
            }
            accept(best);
            searchFrom = best + 1;
        }
        const double th1 = npk + kThreshold * (spk - npk);
        bool isQrs = c.height > th1 && (last < 0 || c.pos - last >= refr);
        if (isQrs && last >= 0 && double(c.pos - last) < 0.36 * fsHz && c.slope < 0.5 * lastSlope &&
            c.slope < 0.5 * slopeNow())
            isQrs = false; // T wave: much gentler slope than the preceding QRS
        if (isQrs) {
            accept(k);
            searchFrom = k + 1;
        } else {
            npk = 0.125 * c.height + 0.875 * npk;
        }
    }

    // Refine each beat to the largest normalised band-passed deflection near the energy peak:
    // first on the decimated band-passed leads (+-80 ms), then between the neighbouring
    // decimated samples at the full rate (cubic interpolation of the band-limited signal).
    const std::int64_t nD = std::int64_t(f.energy.size());
    const std::int64_t nFull = std::int64_t(leads[0]->size());
    const std::int64_t half = std::int64_t(std::lround(0.08 * fsHz));
    const std::int64_t refrFull = std::int64_t(std::lround(refractoryMs * 1e-3 * fsFull));
    const std::size_t nl = f.bandPassed.size();
    auto bpAt = [&](std::size_t l, std::int64_t j) {
        return f.bandPassed[l][std::size_t(std::clamp<std::int64_t>(j, 0, nD - 1))];
    };
    auto valueAtFull = [&](std::int64_t i) { // sum over leads of |band-passed| / scale
        const std::int64_t d = std::int64_t(decim);
        const std::int64_t j = i / d;
        const double t = double(i - j * d) / double(d);
        double v = 0.0;
        for (std::size_t l = 0; l < nl; ++l) {
            double y = bpAt(l, j);
            if (t > 0) { // Catmull-Rom between samples j and j + 1
                const double p0 = bpAt(l, j - 1), p1 = y, p2 = bpAt(l, j + 1), p3 = bpAt(l, j + 2);
                y = p1 + 0.5 * t *
                             (p2 - p0 +
                              t * (2.0 * p0 - 5.0 * p1 + 4.0 * p2 - p3 +
                                   t * (3.0 * (p1 - p2) + p3 - p0)));
            }
            v += std::abs(y) / f.leadScale[l];
        }
        return v;
    };
    std::vector<std::int64_t> peaks;
    for (std::size_t k : accepted) {
        const std::int64_t c = cs[k].pos;
        std::int64_t bestD = c;
        double bestV = -1.0;
        for (std::int64_t j = std::max<std::int64_t>(0, c - half); j <= std::min(nD - 1, c + half);
             ++j) {
            double v = 0.0;
            for (std::size_t l = 0; l < nl; ++l)
                v += std::abs(f.bandPassed[l][std::size_t(j)]) / f.leadScale[l];
            if (v > bestV) {
                bestV = v;
                bestD = j;
            }
        }
        const std::int64_t centre = bestD * std::int64_t(decim);
        std::int64_t best = std::min(centre, nFull - 1);
        bestV = -1.0;
        for (std::int64_t i = std::max<std::int64_t>(0, centre - std::int64_t(decim) + 1);
             i <= std::min(nFull - 1, centre + std::int64_t(decim) - 1); ++i) {
            const double v = valueAtFull(i);
            if (v > bestV) {
                bestV = v;
                best = i;
            }
        }
        if (peaks.empty() || best - peaks.back() >= refrFull / 2)
            peaks.push_back(best);
    }
    return peaks;
}

void atRecordRate(std::vector<Beat>& beats, double fsHz)
{
    for (Beat& b : beats)
        b.sample = std::int64_t(std::llround(b.timeS * fsHz));
}

std::optional<std::vector<Beat>>
detectBeats(const Recording& recording, const DetectOptions& options, const ProgressFn& progress)
{
    if (options.lead < 0) {
        if (const auto ecg = ecgAtItsOwnRate(recording)) {
            auto beats = detectBeats(*ecg, options, progress);
            if (beats)
                atRecordRate(*beats, recording.fsHz);
            return beats;
        }
    }
    std::vector<const std::vector<float>*> leads;
    const double fs = recording.fsHz;
    if (options.lead >= 0) {
        if (options.lead < int(recording.leads.size()))
            leads.push_back(&recording.leads[std::size_t(options.lead)].samples);
    } else {
        for (const Lead& l : recording.leads)
            if ((l.fsHz == fs || l.fsHz == 0) && l.samples.size() == recording.sampleCount() &&
                mayBeEcg(l))
                leads.push_back(&l.samples);
    }
    if (leads.empty() || fs <= 0)
        return std::vector<Beat>{};
    if (progress && !progress(0.0))
        return std::nullopt;
    const auto peaks = detectQrs(leads, fs, options.refractoryMs);
    if (progress && !progress(0.6))
        return std::nullopt;
    std::vector<Beat> beats;
    if (options.classify) {
        beats = classifyBeats(leads, fs, peaks, options.inputConditioned);
    } else {
        for (std::size_t i = 0; i < peaks.size(); ++i) {
            Beat b;
            b.sample = peaks[i];
            b.timeS = double(peaks[i]) / fs;
            b.rrPreviousMs = i > 0 ? double(peaks[i] - peaks[i - 1]) * 1000.0 / fs : 0.0;
            b.rrNextMs = i + 1 < peaks.size() ? double(peaks[i + 1] - peaks[i]) * 1000.0 / fs : 0.0;
            beats.push_back(b);
        }
    }
    if (progress && !progress(1.0))
        return std::nullopt;
    return beats;
}

bool isBeatCode(const std::string& code)
{
    static const std::string codes = "NLRBAaJSVrFejnE/fQ?";
    return code.size() == 1 && codes.find(code[0]) != std::string::npos;
}

void referenceBeats(const std::vector<Annotation>& annotations, std::vector<std::int64_t>& beats,
                    std::vector<std::pair<std::int64_t, std::int64_t>>& flutter)
{
    beats.clear();
    flutter.clear();
    std::int64_t open = -1;
    for (const Annotation& a : annotations) {
        if (a.lead >= 0 || a.sample < 0) // per-lead files (LUDB) are delineation, not beats
            continue;
        if (isBeatCode(a.code))
            beats.push_back(a.sample);
        else if (a.code == "[")
            open = a.sample;
        else if (a.code == "]" && open >= 0) {
            flutter.emplace_back(open, a.sample + 1);
            open = -1;
        }
    }
    if (open >= 0)
        flutter.emplace_back(open, std::numeric_limits<std::int64_t>::max());
    std::sort(beats.begin(), beats.end());
}

double BeatComparison::sensitivityPercent() const
{
    const int d = truePositives + falseNegatives;
    return d > 0 ? 100.0 * truePositives / d : 100.0;
}

double BeatComparison::positivePredictivityPercent() const
{
    const int d = truePositives + falsePositives;
    return d > 0 ? 100.0 * truePositives / d : 100.0;
}

BeatComparison compareBeats(const std::vector<std::int64_t>& reference,
                            const std::vector<std::int64_t>& detected, double fsHz, double windowS,
                            const std::vector<std::pair<std::int64_t, std::int64_t>>& excluded)
{
    auto keep = [&](std::int64_t s) {
        for (const auto& [a, b] : excluded)
            if (s >= a && s < b)
                return false;
        return true;
    };
    std::vector<std::int64_t> ref, det;
    std::copy_if(reference.begin(), reference.end(), std::back_inserter(ref), keep);
    std::copy_if(detected.begin(), detected.end(), std::back_inserter(det), keep);
    std::sort(ref.begin(), ref.end());
    std::sort(det.begin(), det.end());
    const double w = windowS * fsHz;
    BeatComparison c;
    std::vector<bool> used(det.size(), false);
    std::size_t j0 = 0;
    for (std::int64_t r : ref) {
        while (j0 < det.size() && double(det[j0]) < double(r) - w)
            ++j0;
        std::size_t best = det.size();
        for (std::size_t j = j0; j < det.size() && double(det[j]) <= double(r) + w; ++j) {
            if (used[j])
                continue;
            if (best == det.size() || std::abs(det[j] - r) < std::abs(det[best] - r))
                best = j;
        }
        if (best < det.size()) {
            used[best] = true;
            ++c.truePositives;
        } else {
            ++c.falseNegatives;
        }
    }
    c.falsePositives = int(std::count(used.begin(), used.end(), false));
    return c;
}

} // namespace ecglens::dsp
