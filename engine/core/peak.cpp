#include "core/peak.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ecglens {

float peakAbsFinite(const float* v, std::size_t n)
{
    constexpr float kLargest = std::numeric_limits<float>::max();
    // |x| <= kLargest is false for NaN and the infinities: they count as 0. No branch, so the
    // compiler keeps the eight maxima in vector registers (cmpleps, andps, maxps on x86-64).
    auto finiteAbs = [](float x) {
        const float a = std::fabs(x);
        return a <= kLargest ? a : 0.0f;
    };
    constexpr std::size_t kLanes = 8;
    float lane[kLanes] = {};
    std::size_t i = 0;
    for (; i + kLanes <= n; i += kLanes)
        for (std::size_t k = 0; k < kLanes; ++k)
            lane[k] = std::max(lane[k], finiteAbs(v[i + k]));
    float peak = 0.0f;
    for (const float p : lane)
        peak = std::max(peak, p);
    for (; i < n; ++i)
        peak = std::max(peak, finiteAbs(v[i]));
    return peak;
}

} // namespace ecglens
