#include "view/lead_scale.h"

#include "dsp/signal_kind.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ecglens::view {

ValueRange typicalRange(const Lead& lead)
{
    constexpr std::size_t kMaxLooked = 200000;
    const std::size_t n = lead.samples.size();
    const std::size_t stride = std::max<std::size_t>(1, (n + kMaxLooked - 1) / kMaxLooked);
    std::vector<float> v;
    v.reserve(n / stride + 1);
    for (std::size_t i = 0; i < n; i += stride)
        if (std::isfinite(lead.samples[i]))
            v.push_back(lead.samples[i]);
    if (v.empty())
        return {};
    auto at = [&](double q) {
        const auto k = std::ptrdiff_t(std::lround(q * double(v.size() - 1)));
        std::nth_element(v.begin(), v.begin() + k, v.end());
        return double(v[std::size_t(k)]);
    };
    const double lo = at(0.01);
    return {lo, at(0.99)};
}

double stepAtLeast(double value)
{
    if (!(value > 0) || !std::isfinite(value))
        return 1.0;
    const double decade = std::pow(10.0, std::floor(std::log10(value)));
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (m * decade >= value * (1 - 1e-9))
            return m * decade;
    return 10.0 * decade;
}

LeadScaleBasis scaleBasis(const Lead& lead)
{
    if (dsp::mayBeEcg(lead))
        return {};
    return {false, typicalRange(lead)};
}

LeadScale leadScale(const Lead& lead, const LeadScaleBasis& basis, double gainMmPerMv, double fitMm)
{
    LeadScale s;
    if (basis.ecg) {
        s.mmPerUnit = millivoltsPerUnit(lead.unit) * gainMmPerMv;
        return s;
    }
    s.ecg = false;
    const ValueRange& typical = basis.typical;
    const double span = typical.hi - typical.lo;
    s.unitsPer10Mm = stepAtLeast(fitMm > 0 ? span * 10.0 / fitMm : 0.0);
    s.mmPerUnit = 10.0 / s.unitsPer10Mm;
    s.centre = std::isfinite(span) ? 0.5 * (typical.lo + typical.hi) : 0.0;
    return s;
}

} // namespace ecglens::view
