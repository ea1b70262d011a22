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

double medianOf(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

/// Width (samples) of the slope envelope around centre: extent above 30 % of its peak.
double envelopeWidth(const std::vector<double>& env, std::int64_t centre, std::int64_t before,
                     std::int64_t after, std::int64_t gap)
{
    const std::int64_t n = std::int64_t(env.size());
    const std::int64_t lo = std::max<std::int64_t>(0, centre - before);
    const std::int64_t hi = std::min(n - 1, centre + after);
    if (hi <= lo)
        return 0.0;
    double peak = 0.0;
    const std::int64_t core = std::max<std::int64_t>(1, gap);
    for (std::int64_t i = std::max(lo, centre - core); i <= std::min(hi, centre + core); ++i)
        peak = std::max(peak, env[std::size_t(i)]);
    const double th = 0.3 * peak;
    std::int64_t first = centre, lastIdx = centre, below = 0;
    for (std::int64_t i = centre; i >= lo; --i) {
        if (env[std::size_t(i)] >= th) {
            first = i;
            below = 0;
        } else if (++below > gap) {
            break;
        }
    }
    below = 0;
    for (std::int64_t i = centre; i <= hi; ++i) {
        if (env[std::size_t(i)] >= th) {
            lastIdx = i;
            below = 0;
        } else if (++below > gap) {
            break;
        }
    }
    return double(lastIdx - first);
}

} // namespace

std::vector<Beat> classifyBeats(const std::vector<const std::vector<float>*>& leads, double fsHz,
                                const std::vector<std::int64_t>& rPeaks, bool inputConditioned)
{
    std::vector<Beat> beats(rPeaks.size());
    if (rPeaks.empty() || leads.empty() || fsHz <= 0)
        return beats;
    const std::size_t n = leads[0]->size();
    const double high = std::min(40.0, 0.45 * fsHz);
    const auto sos = butterworth(2, FilterKind::BandPass, fsHz, 1.0, high);
    std::vector<std::vector<double>> z;
    std::vector<double> env(n, 0.0);
    for (const auto* lead : leads) {
        std::vector<double> x(lead->begin(), lead->end());
        if (!bridgeNaN(x))
            std::fill(x.begin(), x.end(), 0.0);
        if (!inputConditioned)
            x = sosFiltFilt(sos, x);
        std::vector<double> d(n, 0.0);
        for (std::size_t i = 1; i + 1 < n; ++i)
            d[i] = std::abs(x[i + 1] - x[i - 1]);
        // Per-lead scale: median of the slope maxima at the beats.
        std::vector<double> peaks;
        for (std::int64_t r : rPeaks) {
            double m = 0.0;
            for (std::int64_t i = std::max<std::int64_t>(0, r - std::int64_t(0.05 * fsHz));
                 i < std::min<std::int64_t>(std::int64_t(n), r + std::int64_t(0.05 * fsHz)); ++i)
                m = std::max(m, d[std::size_t(i)]);
            peaks.push_back(m);
        }
        const double scale = std::max(medianOf(peaks), 1e-12);
        for (std::size_t i = 0; i < n; ++i)
            env[i] += d[i] / scale;
        z.push_back(std::move(x));
    }

    // Dominant template: per-sample median over all beats of a -100..+150 ms window.
    const std::int64_t pre = std::int64_t(std::lround(0.10 * fsHz));
    const std::int64_t post = std::int64_t(std::lround(0.15 * fsHz));
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
    const double tMean = std::accumulate(tmpl.begin(), tmpl.end(), 0.0) / double(tmpl.size());
    double tNorm = 0.0;
    for (double v : tmpl)
        tNorm += (v - tMean) * (v - tMean);

    const std::int64_t gap = std::int64_t(std::lround(0.012 * fsHz));
    const std::int64_t before = std::int64_t(std::lround(0.12 * fsHz));
    const std::int64_t after = std::int64_t(std::lround(0.16 * fsHz));
    std::vector<double> widths(rPeaks.size(), 0.0);
    for (std::size_t b = 0; b < rPeaks.size(); ++b)
        widths[b] = envelopeWidth(env, rPeaks[b], before, after, gap) * 1000.0 / fsHz;
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
        if (inside && tNorm > 0) {
            double mean = 0.0;
            for (std::size_t l = 0; l < z.size(); ++l)
                for (std::size_t k = 0; k < len; ++k)
                    mean += z[l][std::size_t(rPeaks[b] - pre) + k];
            mean /= double(len * z.size());
            double num = 0.0, den = 0.0;
            for (std::size_t l = 0; l < z.size(); ++l)
                for (std::size_t k = 0; k < len; ++k) {
                    const double v = z[l][std::size_t(rPeaks[b] - pre) + k] - mean;
                    num += v * (tmpl[l * len + k] - tMean);
                    den += v * v;
                }
            beat.correlation = den > 0 ? num / std::sqrt(den * tNorm) : 0.0;
        } else {
            beat.correlation = 1.0;
        }
        const double localRr =
            normalRr.empty()
                ? beat.rrPreviousMs
                : std::accumulate(normalRr.begin(), normalRr.end(), 0.0) / double(normalRr.size());
        beat.prematurity = (b > 0 && localRr > 0) ? beat.rrPreviousMs / localRr : 1.0;

        const bool wide = beat.qrsWidthMs > std::max(120.0, 1.25 * normalWidth);
        if (!inside) {
            beat.beatClass = BeatClass::Unknown;
        } else if ((beat.correlation < 0.75 && wide) || beat.correlation < 0.5) {
            beat.beatClass = BeatClass::Ventricular;
        } else if (b > 0 && beat.prematurity < 0.8) {
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

} // namespace ecglens::dsp
