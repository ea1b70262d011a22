#include "core/limb_leads.h"

#include "core/lead_names.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ecglens {

namespace {

constexpr double kAbsoluteToleranceMv = 0.05;
constexpr double kRelativeTolerance = 0.10;
constexpr std::size_t kMaxCompared = 200000;

/// The 95th percentile of |x - median(x)|.
double spread95(std::vector<double> x)
{
    auto mid = x.begin() + long(x.size() / 2);
    std::nth_element(x.begin(), mid, x.end());
    const double median = *mid;
    for (double& v : x)
        v = std::fabs(v - median);
    auto q = x.begin() + long(0.95 * double(x.size() - 1));
    std::nth_element(x.begin(), q, x.end());
    return *q;
}

} // namespace

bool EinthovenCheck::consistent() const
{
    return residualMv <= std::max(kAbsoluteToleranceMv, kRelativeTolerance * amplitudeMv);
}

std::optional<EinthovenCheck> checkEinthoven(const Recording& recording)
{
    const Lead* limb[3] = {nullptr, nullptr, nullptr};
    for (const Lead& lead : recording.leads) {
        const int k = standardLeadIndex(normaliseLeadName(lead.name));
        if (k >= 0 && k < 3 && !limb[k])
            limb[k] = &lead;
    }
    for (const Lead* l : limb)
        if (!l || l->fsHz <= 0 || l->fsHz != limb[0]->fsHz ||
            l->samples.size() != limb[0]->samples.size() || !isVoltageUnit(l->unit))
            return std::nullopt;
    double scale[3];
    for (int k = 0; k < 3; ++k)
        scale[k] = millivoltsPerUnit(limb[k]->unit);
    // At most about kMaxCompared samples, evenly spread: a 24-hour recording costs no more
    // than a few minutes of it (percentiles of 200,000 samples are as good as of all).
    std::vector<double> residual, lead[3];
    const std::size_t n = limb[0]->samples.size();
    const std::size_t stride = std::max<std::size_t>(1, n / kMaxCompared);
    for (std::size_t i = 0; i < n; i += stride) {
        const double a = limb[0]->samples[i] * scale[0], b = limb[1]->samples[i] * scale[1],
                     c = limb[2]->samples[i] * scale[2];
        if (!std::isfinite(a) || !std::isfinite(b) || !std::isfinite(c))
            continue;
        residual.push_back(b - a - c);
        lead[0].push_back(a);
        lead[1].push_back(b);
        lead[2].push_back(c);
    }
    if (double(residual.size() * stride) < limb[0]->fsHz)
        return std::nullopt;
    EinthovenCheck check;
    check.samples = long(residual.size());
    check.residualMv = spread95(std::move(residual));
    for (auto& x : lead)
        check.amplitudeMv = std::max(check.amplitudeMv, spread95(std::move(x)));
    return check;
}

} // namespace ecglens
