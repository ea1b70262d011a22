// Beat classification: RR prematurity against the local normal rhythm, QRS width from the
// multi-lead slope envelope, and correlation with the dominant (median) beat.

#include "dsp/beats.h"
#include "dsp/filters.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <numeric>

namespace ecglens::dsp {

namespace {

// Tuned on the MIT-BIH DS1 records (tests/dsp/tst_beats.cpp reports per-class Se / +P).
constexpr double kPreS = 0.10, kPostS = 0.15; ///< template window around R
constexpr double kAlignS = 0.04;              ///< beats aligned to the template within +-40 ms
// V: correlation with the dominant beat below kCLow, or below kCWide with a wide QRS or below
// kCPrem when premature (< 0.85 of the local normal RR).
constexpr double kCLow = 0.7, kCWide = 0.85, kCPrem = 0.85;
// S: rrPrevious < kSPrem x the reference (normal) RR and either followed by a longer interval
// (> kSComp x rrPrevious) or part of a run (the previous or next beat equally early, RR within
// kSRunTol of each other: supraventricular tachycardia); or, mildly early (< kSPrem2), followed by
// a clearly longer interval (> kSComp2 x rrPrevious, longer than the reference). Never amid
// irregularly irregular RR (local median |delta RR| / median RR > kSIrregular over +-kSSpan
// beats, e.g. atrial fibrillation).
constexpr double kSPrem = 0.8, kSComp = 1.15, kSRunTol = 0.15;
constexpr double kSPrem2 = 0.9, kSComp2 = 1.25;
constexpr double kSIrregular = 0.10;
constexpr std::size_t kSSpan = 16;
// The reference RR is the mean of the last 8 normal-to-normal intervals, forgotten after a run of
// kVRun ventricular beats (the rhythm after ventricular tachycardia is not judged by the one
// before it); when the newest is more than kRefAge beats old it is the median RR over the last
// kRefAge beats of the intervals that end in a normal beat and do not start at a ventricular one,
// or if there is none (ventricular bigeminy, a supraventricular run) the last mean.
constexpr std::size_t kRefAge = 16, kVRun = 8;

double medianOf(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

/// Per beat: median |rr[j] - rr[j - 1]| / median rr[j] over the beats within +-span (rr[0] = 0
/// is no interval); 0 where too few intervals.
std::vector<double> localIrregularity(const std::vector<double>& rr, std::size_t span)
{
    const std::size_t n = rr.size();
    std::vector<double> out(n, 0.0), diffs, rrs;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t lo = i > span ? i - span : 0, hi = std::min(n - 1, i + span);
        diffs.clear();
        rrs.clear();
        for (std::size_t j = lo; j <= hi; ++j) {
            if (rr[j] <= 0)
                continue;
            rrs.push_back(rr[j]);
            if (j >= 1 && rr[j - 1] > 0)
                diffs.push_back(std::abs(rr[j] - rr[j - 1]));
        }
        if (!diffs.empty() && !rrs.empty())
            out[i] = medianOf(diffs) / medianOf(rrs);
    }
    return out;
}

/// Width (samples) of the slope envelope env(i), i in [0, n), around centre: extent above 30 %
/// of its peak.
template <typename Env>
double envelopeWidth(const Env& envAt, std::int64_t n, std::int64_t centre, std::int64_t before,
                     std::int64_t after, std::int64_t gap)
{
    const std::int64_t lo = std::max<std::int64_t>(0, centre - before);
    const std::int64_t hi = std::min(n - 1, centre + after);
    if (hi <= lo)
        return 0.0;
    double peak = 0.0;
    const std::int64_t core = std::max<std::int64_t>(1, gap);
    for (std::int64_t i = std::max(lo, centre - core); i <= std::min(hi, centre + core); ++i)
        peak = std::max(peak, envAt(i));
    const double th = 0.3 * peak;
    std::int64_t first = centre, lastIdx = centre, below = 0;
    for (std::int64_t i = centre; i >= lo; --i) {
        if (envAt(i) >= th) {
            first = i;
            below = 0;
        } else if (++below > gap) {
            break;
        }
    }
    below = 0;
    for (std::int64_t i = centre; i <= hi; ++i) {
        if (envAt(i) >= th) {
            lastIdx = i;
            below = 0;
        } else if (++below > gap) {
            break;
        }
    }
    return double(lastIdx - first);
}

/// Classification on the prepared (band-limited, NaN-free) leads z, each n samples long.
template <typename T>
std::vector<Beat> classifyPrepared(const std::vector<const T*>& z, std::size_t n, double fsHz,
                                   const std::vector<std::int64_t>& rPeaks)
{
    std::vector<Beat> beats(rPeaks.size());
    // Per-lead slope scale: median of the |central difference| maxima at the beats.
    std::vector<double> scale;
    for (const T* x : z) {
        std::vector<double> peaks;
        peaks.reserve(rPeaks.size());
        for (std::int64_t r : rPeaks) {
            double m = 0.0;
            const std::int64_t lo = std::max<std::int64_t>(1, r - std::int64_t(0.05 * fsHz));
            const std::int64_t hi =
                std::min<std::int64_t>(std::int64_t(n) - 1, r + std::int64_t(0.05 * fsHz));
            for (std::int64_t i = lo; i < hi; ++i)
                m = std::max(m, std::abs(double(x[i + 1]) - double(x[i - 1])));
            peaks.push_back(m);
        }
        scale.push_back(std::max(medianOf(std::move(peaks)), 1e-12));
    }
    // Slope envelope: sum over leads of |central difference| / scale (0 at the ends).
    auto envAt = [&](std::int64_t i) {
        if (i <= 0 || i + 1 >= std::int64_t(n))
            return 0.0;
        double e = 0.0;
        for (std::size_t l = 0; l < z.size(); ++l)
            e += std::abs(double(z[l][i + 1]) - double(z[l][i - 1])) / scale[l];
        return e;
    };

    // Dominant template: per-sample median over the beats of a -100..+150 ms window, built
    // twice (the second time from beats aligned to the first template).
    const std::int64_t shift = std::int64_t(std::lround(kAlignS * fsHz));
    const std::int64_t pre = std::int64_t(std::lround(kPreS * fsHz)) + shift;
    const std::int64_t post = std::int64_t(std::lround(kPostS * fsHz)) + shift;
    const std::size_t len = std::size_t(pre + post + 1);
    std::vector<std::size_t> usable;
    for (std::size_t b = 0; b < rPeaks.size(); ++b)
        if (rPeaks[b] - pre >= 0 && rPeaks[b] + post < std::int64_t(n))
            usable.push_back(b);
    std::vector<double> tmpl(len * z.size(), 0.0);
    {
        std::vector<double> column;
        const std::size_t step = std::max<std::size_t>(1, usable.size() / 300);
        for (std::size_t l = 0; l < z.size(); ++l)
            for (std::size_t k = 0; k < len; ++k) {
                column.clear();
                for (std::size_t u = 0; u < usable.size(); u += step)
                    column.push_back(z[l][std::size_t(rPeaks[usable[u]] - pre) + k]);
                tmpl[l * len + k] = medianOf(column);
            }
    }
    const std::size_t inner = len - std::size_t(2 * shift);
    // Template mean and norm over the inner window (fixed while the template is).
    double tm = 0, tn = 0;
    auto templateStats = [&] {
        tm = 0;
        tn = 0;
        for (std::size_t l = 0; l < z.size(); ++l)
            for (std::size_t k = 0; k < inner; ++k)
                tm += tmpl[l * len + std::size_t(shift) + k];
        tm /= double(inner * z.size());
        for (std::size_t l = 0; l < z.size(); ++l)
            for (std::size_t k = 0; k < inner; ++k) {
                const double t = tmpl[l * len + std::size_t(shift) + k] - tm;
                tn += t * t;
            }
    };
    templateStats();
    // Correlations at kGroup shifts at once: every shift keeps its own sums in the same order
    // as one at a time (same values), but the independent sums overlap in the pipeline. The
    // group size is fixed (unused slots repeat a shift) so the sums stay in registers.
    constexpr std::size_t kGroup = 4;
    auto corrGroup = [&](std::int64_t r, const std::int64_t* sft, double* out) {
        constexpr std::size_t count = kGroup;
        double xm[kGroup] = {}, num[kGroup] = {}, den[kGroup] = {};
        const T* x[kGroup];
        for (std::size_t l = 0; l < z.size(); ++l) {
            for (std::size_t j = 0; j < count; ++j)
                x[j] = &z[l][std::size_t(r - pre + shift + sft[j])];
            for (std::size_t k = 0; k < inner; ++k)
#pragma GCC unroll 4
                for (std::size_t j = 0; j < count; ++j)
                    xm[j] += x[j][k];
        }
        for (std::size_t j = 0; j < count; ++j)
            xm[j] /= double(inner * z.size());
        for (std::size_t l = 0; l < z.size(); ++l) {
            for (std::size_t j = 0; j < count; ++j)
                x[j] = &z[l][std::size_t(r - pre + shift + sft[j])];
            const double* t = &tmpl[l * len + std::size_t(shift)];
            for (std::size_t k = 0; k < inner; ++k) {
                const double tk = t[k] - tm;
#pragma GCC unroll 4
                for (std::size_t j = 0; j < count; ++j) {
                    const double d = x[j][k] - xm[j];
                    num[j] += d * tk;
                    den[j] += d * d;
                }
            }
        }
        for (std::size_t j = 0; j < count; ++j)
            out[j] = den[j] > 0 && tn > 0 ? num[j] / std::sqrt(den[j] * tn) : 0.0;
    };
    // Correlation of a beat with the template over the inner window, all leads concatenated,
    // at the best shift within +-shift samples (R may sit on R or S of an rS complex).
    struct Match
    {
        double corr = -1.0;
        std::int64_t shift = 0;
    };
    auto match = [&](std::int64_t r) {
        // Coarse search every 3rd shift, then the neighbours of the best (first best wins).
        Match best;
        std::int64_t sfts[kGroup];
        double corrs[kGroup];
        auto scan = [&](std::size_t count) {
            for (std::size_t j = count; j < kGroup; ++j)
                sfts[j] = sfts[0];
            corrGroup(r, sfts, corrs);
            for (std::size_t j = 0; j < count; ++j)
                if (corrs[j] > best.corr) {
                    best.corr = corrs[j];
                    best.shift = sfts[j];
                }
        };
        std::size_t count = 0;
        for (std::int64_t sft = -shift; sft <= shift; sft += 3) {
            sfts[count++] = sft;
            if (count == kGroup) {
                scan(count);
                count = 0;
            }
        }
        if (count > 0)
            scan(count);
        const std::int64_t coarse = best.shift;
        count = 0;
        for (std::int64_t sft = std::max(-shift, coarse - 2); sft <= std::min(shift, coarse + 2);
             ++sft)
            if (sft != coarse)
                sfts[count++] = sft;
        if (count > 0)
            scan(count);
        return best;
    };
    // Second pass: rebuild the template from the beats aligned to the first one.
    if (shift > 0) {
        std::vector<double> column;
        const std::size_t step = std::max<std::size_t>(1, usable.size() / 300);
        std::vector<std::int64_t> aligned;
        for (std::size_t u = 0; u < usable.size(); u += step) {
            const Match m = match(rPeaks[usable[u]]);
            if (m.corr > 0.5)
                aligned.push_back(rPeaks[usable[u]] + m.shift);
        }
        if (aligned.size() >= 3) {
            std::vector<double> t2(tmpl.size(), 0.0);
            for (std::size_t l = 0; l < z.size(); ++l)
                for (std::size_t k = std::size_t(shift); k < len - std::size_t(shift); ++k) {
                    column.clear();
                    for (std::int64_t r : aligned)
                        column.push_back(z[l][std::size_t(r - pre) + k]);
                    t2[l * len + k] = medianOf(column);
                }
            tmpl.swap(t2);
            templateStats();
        }
    }
    const std::int64_t gap = std::int64_t(std::lround(0.012 * fsHz));
    const std::int64_t before = std::int64_t(std::lround(0.12 * fsHz));
    const std::int64_t after = std::int64_t(std::lround(0.16 * fsHz));
    std::vector<double> widths(rPeaks.size(), 0.0);
    for (std::size_t b = 0; b < rPeaks.size(); ++b)
        widths[b] =
            envelopeWidth(envAt, std::int64_t(n), rPeaks[b], before, after, gap) * 1000.0 / fsHz;
    const double normalWidth = medianOf(widths);

    const std::size_t nb = rPeaks.size();
    std::vector<double> rr(nb, 0.0); // rr[b]: from beat b - 1 to b in ms (0 for the first)
    for (std::size_t b = 1; b < nb; ++b)
        rr[b] = double(rPeaks[b] - rPeaks[b - 1]) * 1000.0 / fsHz;
    const std::vector<double> irregular = localIrregularity(rr, kSSpan);
    std::deque<std::pair<std::size_t, double>> normalRr; // (beat, RR) of recent N-N intervals
    std::vector<double> recent;
    std::size_t vRun = 0; // consecutive ventricular beats
    for (std::size_t b = 0; b < nb; ++b) {
        Beat& beat = beats[b];
        beat.sample = rPeaks[b];
        beat.timeS = double(rPeaks[b]) / fsHz;
        beat.rrPreviousMs = rr[b];
        beat.rrNextMs = b + 1 < nb ? rr[b + 1] : 0.0;
        beat.qrsWidthMs = widths[b];
        const bool inside = rPeaks[b] - pre >= 0 && rPeaks[b] + post < std::int64_t(n);
        beat.correlation = inside ? match(rPeaks[b]).corr : 1.0;
        double refRr = beat.rrPreviousMs;
        if (!normalRr.empty()) {
            refRr = 0.0;
            for (const auto& [at, v] : normalRr)
                refRr += v;
            refRr /= double(normalRr.size());
        }
        if (b > kRefAge && (normalRr.empty() || b - normalRr.back().first > kRefAge)) {
            recent.clear();
            for (std::size_t j = b - kRefAge; j < b; ++j)
                if (beats[j - 1].beatClass != BeatClass::Ventricular &&
                    beats[j].beatClass == BeatClass::Normal)
                    recent.push_back(rr[j]);
            if (!recent.empty())
                refRr = medianOf(recent);
        }
        beat.prematurity = (b > 0 && refRr > 0) ? beat.rrPreviousMs / refRr : 1.0;
        const double nextPrematurity = beat.rrNextMs > 0 && refRr > 0 ? beat.rrNextMs / refRr : 1.0;

        const bool wide = beat.qrsWidthMs > std::max(120.0, 1.25 * normalWidth);
        if (!inside) {
            beat.beatClass = BeatClass::Unknown;
        } else if ((beat.correlation < kCWide && wide) || beat.correlation < kCLow ||
                   (beat.correlation < kCPrem && b > 0 && beat.prematurity < 0.85)) {
            beat.beatClass = BeatClass::Ventricular;
        } else {
            const double rp = beat.rrPreviousMs, rn = beat.rrNextMs;
            bool early = false;
            if (b > 0 && beat.prematurity < kSPrem) {
                const bool runGoesOn =
                    beats[b - 1].beatClass == BeatClass::SupraventricularPremature &&
                    std::abs(rp - rr[b - 1]) < kSRunTol * rr[b - 1];
                const bool runStarts =
                    rn > 0 && nextPrematurity < kSPrem && std::abs(rn - rp) < kSRunTol * rp;
                early = rn <= 0 || rn > kSComp * rp || runGoesOn || runStarts;
            } else if (b > 0 && beat.prematurity < kSPrem2) {
                early = rn > kSComp2 * rp && nextPrematurity > 1.0;
            }
            beat.beatClass = early && !(irregular[b] > kSIrregular)
                                 ? BeatClass::SupraventricularPremature
                                 : BeatClass::Normal;
        }
        vRun = beat.beatClass == BeatClass::Ventricular ? vRun + 1 : 0;
        if (vRun >= kVRun)
            normalRr.clear();
        if (b > 0 && beat.beatClass == BeatClass::Normal &&
            (b < 2 || beats[b - 1].beatClass == BeatClass::Normal)) {
            normalRr.emplace_back(b, beat.rrPreviousMs);
            if (normalRr.size() > 8)
                normalRr.pop_front();
        }
    }
    return beats;
}

} // namespace

std::vector<Beat> classifyBeats(const std::vector<const std::vector<float>*>& leads, double fsHz,
                                const std::vector<std::int64_t>& rPeaks, bool inputConditioned)
{
    if (rPeaks.empty() || leads.empty() || fsHz <= 0)
        return std::vector<Beat>(rPeaks.size());
    const std::size_t n = leads[0]->size();
    // Conditioned NaN-free leads are used as they are (no copy); otherwise bridged and
    // band-passed 1-40 Hz copies.
    bool copy = !inputConditioned;
    for (const auto* lead : leads)
        for (float v : *lead)
            copy |= std::isnan(v);
    if (!copy) {
        std::vector<const float*> z;
        for (const auto* lead : leads)
            z.push_back(lead->data());
        return classifyPrepared(z, n, fsHz, rPeaks);
    }
    const double high = std::min(40.0, 0.45 * fsHz);
    const auto sos = butterworth(2, FilterKind::BandPass, fsHz, 1.0, high);
    std::vector<std::vector<double>> copies;
    std::vector<const double*> z;
    for (const auto* lead : leads) {
        std::vector<double> x(lead->begin(), lead->end());
        if (!bridgeNaN(x))
            std::fill(x.begin(), x.end(), 0.0);
        if (!inputConditioned)
            x = sosFiltFilt(sos, x);
        copies.push_back(std::move(x));
        z.push_back(copies.back().data());
    }
    return classifyPrepared(z, n, fsHz, rPeaks);
}

} // namespace ecglens::dsp
