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
// S: rrPrevious < kSPrem x local normal RR, followed by a longer interval (> kSComp x rrPrevious;
// premature beats amid irregular RR, e.g. atrial fibrillation, are not called S).
constexpr double kSPrem = 0.8, kSComp = 1.15;

double medianOf(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
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

    std::deque<double> normalRr;
    for (std::size_t b = 0; b < rPeaks.size(); ++b) {
        Beat& beat = beats[b];
        beat.sample = rPeaks[b];
        beat.timeS = double(rPeaks[b]) / fsHz;
        beat.rrPreviousMs = b > 0 ? double(rPeaks[b] - rPeaks[b - 1]) * 1000.0 / fsHz : 0.0;
        beat.rrNextMs =
            b + 1 < rPeaks.size() ? double(rPeaks[b + 1] - rPeaks[b]) * 1000.0 / fsHz : 0.0;
        beat.qrsWidthMs = widths[b];
        const bool inside = rPeaks[b] - pre >= 0 && rPeaks[b] + post < std::int64_t(n);
        beat.correlation = inside ? match(rPeaks[b]).corr : 1.0;
        const double localRr =
            normalRr.empty()
                ? beat.rrPreviousMs
                : std::accumulate(normalRr.begin(), normalRr.end(), 0.0) / double(normalRr.size());
        beat.prematurity = (b > 0 && localRr > 0) ? beat.rrPreviousMs / localRr : 1.0;

        const bool wide = beat.qrsWidthMs > std::max(120.0, 1.25 * normalWidth);
        if (!inside) {
            beat.beatClass = BeatClass::Unknown;
        } else if ((beat.correlation < kCWide && wide) || beat.correlation < kCLow ||
                   (beat.correlation < kCPrem && b > 0 && beat.prematurity < 0.85)) {
            beat.beatClass = BeatClass::Ventricular;
        } else if (b > 0 && beat.prematurity < kSPrem &&
                   (beat.rrNextMs <= 0 || beat.rrNextMs > kSComp * beat.rrPreviousMs)) {
            beat.beatClass = BeatClass::SupraventricularPremature;
        } else {
            beat.beatClass = BeatClass::Normal;
        }
        if (b > 0 && beat.beatClass == BeatClass::Normal &&
            (b < 2 || beats[b - 1].beatClass == BeatClass::Normal)) {
            normalRr.push_back(beat.rrPreviousMs);
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
