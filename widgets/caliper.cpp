#include "caliper.h"

#include <algorithm>
#include <cmath>

namespace ecglens {

CaliperReading readCalipers(double aS, double bS, double valueA, double valueB, int lead)
{
    CaliperReading r;
    r.aS = aS;
    r.bS = bS;
    r.lead = lead;
    r.dtMs = std::abs(bS - aS) * 1000.0;
    r.valid = r.dtMs > 0.0;
    r.rateBpm = r.valid ? 60000.0 / r.dtMs : 0.0;
    r.dv = (std::isfinite(valueA) && std::isfinite(valueB)) ? valueB - valueA : 0.0;
    return r;
}

std::vector<double> marchOutTimes(double aS, double bS, double fromS, double toS, int maxCount)
{
    std::vector<double> out;
    const double d = bS - aS;
    if (std::abs(d) < 1e-6)
        return out;
    const double step = std::abs(d);
    const double lo = std::min(aS, bS);
    const double hi = std::max(aS, bS);
    for (double t = hi + step; t <= toS && int(out.size()) < maxCount; t += step)
        if (t >= fromS)
            out.push_back(t);
    for (double t = lo - step; t >= fromS && int(out.size()) < maxCount; t -= step)
        if (t <= toS)
            out.push_back(t);
    std::sort(out.begin(), out.end());
    return out;
}

long long snapToPeak(const float* samples, long long count, long long first, long long last,
                     long long fallback)
{
    first = std::max(0LL, first);
    last = std::min(count, last);
    double sum = 0.0;
    long long n = 0;
    for (long long i = first; i < last; ++i)
        if (std::isfinite(samples[i])) {
            sum += samples[i];
            ++n;
        }
    if (n == 0)
        return fallback;
    const double mean = sum / double(n);
    long long best = fallback;
    double bestDist = -1.0;
    for (long long i = first; i < last; ++i) {
        if (!std::isfinite(samples[i]))
            continue;
        const double dist = std::abs(samples[i] - mean);
        if (dist > bestDist) {
            bestDist = dist;
            best = i;
        }
    }
    return best;
}

} // namespace ecglens
