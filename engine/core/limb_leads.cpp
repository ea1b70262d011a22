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

std::pair<double, double> limbLeadWeights(int target, int a, int b)
{
    // Each limb lead as a combination of I and II.
    static constexpr double kOfIandII[kLimbLeadCount][2] = {{1, 0},       {0, 1},    {-1, 1},
                                                            {-0.5, -0.5}, {1, -0.5}, {-0.5, 1}};
    const double* ca = kOfIandII[a];
    const double* cb = kOfIandII[b];
    const double* ct = kOfIandII[target];
    // target = wa * a + wb * b, solving a and b for I and II.
    const double det = ca[0] * cb[1] - ca[1] * cb[0];
    return {(ct[0] * cb[1] - ct[1] * cb[0]) / det, (ct[1] * ca[0] - ct[0] * ca[1]) / det};
}

std::optional<LimbLeadSources> limbLeadSources(const Recording& recording)
{
    // The recorded sources; a lead computed before is no source but is not computed again.
    const Lead* limb[kLimbLeadCount] = {};
    std::size_t index[kLimbLeadCount] = {};
    bool present[kLimbLeadCount] = {};
    for (std::size_t i = 0; i < recording.leads.size(); ++i) {
        const Lead& lead = recording.leads[i];
        const int k = analysisLeadIndex(lead.name);
        if (k < 0 || k >= kLimbLeadCount)
            continue;
        present[k] = true;
        if (!limb[k] && !lead.computed && lead.fsHz > 0 && !lead.samples.empty()) {
            limb[k] = &lead;
            index[k] = i;
        }
    }
    LimbLeadSources sources;
    for (int t = 0; t < kLimbLeadCount; ++t)
        if (!present[t])
            sources.missing.push_back(t);
    if (sources.missing.empty())
        return std::nullopt;
    for (int i = 0; i < kLimbLeadCount && sources.limbA < 0; ++i)
        for (int j = i + 1; j < kLimbLeadCount && sources.limbA < 0; ++j)
            if (limb[i] && limb[j] && limb[i]->fsHz == limb[j]->fsHz &&
                limb[i]->size() == limb[j]->size()) {
                sources.limbA = i;
                sources.limbB = j;
            }
    if (sources.limbA < 0)
        return std::nullopt;
    if (const auto einthoven = checkEinthoven(recording); einthoven && !einthoven->consistent())
        return std::nullopt;
    sources.leadA = index[sources.limbA];
    sources.leadB = index[sources.limbB];
    return sources;
}

std::vector<Lead> computedLimbLeads(const Recording& recording)
{
    const auto sources = limbLeadSources(recording);
    if (!sources)
        return {};
    const Lead& a = recording.leads[sources->leadA];
    const Lead& b = recording.leads[sources->leadB];
    const std::size_t n = a.size();
    std::size_t total = sources->missing.size() * n;
    for (const Lead& lead : recording.leads)
        total += lead.size();
    if (total > kMaxSamplesWithComputedLeads)
        return {};
    const double sa = millivoltsPerUnit(a.unit), sb = millivoltsPerUnit(b.unit);
    std::vector<Lead> out;
    for (const int t : sources->missing) {
        const auto [wa, wb] = limbLeadWeights(t, sources->limbA, sources->limbB);
        Lead lead;
        lead.name = lead.originalName = kStandardLeads[std::size_t(t)];
        lead.unit = "mV";
        lead.fsHz = a.fsHz;
        lead.gain = 1000.0; // uV steps, should anything ask for stored values
        lead.computed = true;
        lead.samples.resize(n);
        const auto fa = float(wa * sa), fb = float(wb * sb);
        for (std::size_t i = 0; i < n; ++i)
            lead.samples[i] = fa * a.samples[i] + fb * b.samples[i];
        out.push_back(std::move(lead));
    }
    return out;
}

std::size_t addComputedLimbLeads(Recording& recording)
{
    std::vector<Lead> extra = computedLimbLeads(recording);
    for (Lead& lead : extra)
        recording.leads.push_back(std::move(lead));
    return extra.size();
}

} // namespace ecglens
