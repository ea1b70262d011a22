#include "ml/preprocess.h"

#include "ml/messages.h"

#include "core/lead_names.h"
#include "core/limb_leads.h"
#include "dsp/filters.h"
#include "dsp/signal_kind.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ecglens::ml {

Result<PreparedSignal> prepareSignal(const Recording& recording)
{
    PreparedSignal out;
    out.sourceFsHz = recording.fsHz;
    std::array<int, kModelLeads> source;
    source.fill(-1);
    for (std::size_t i = 0; i < recording.leads.size(); ++i) {
        const Lead& lead = recording.leads[i];
        const int idx = analysisLeadIndex(lead.name);
        if (idx < 0) {
            // An ECG lead of another name ("vx", "V") is worth a word; a blood pressure or
            // respiration is not a lead at all (the measurements name those).
            if (dsp::mayBeEcg(lead))
                out.warnings.push_back(makeMessage(messages::kUnknownLead, {lead.name}));
            continue;
        }
        if (source[std::size_t(idx)] >= 0)
            continue; // first occurrence wins
        if (lead.samples.empty() || lead.fsHz <= 0 || lead.computed)
            continue; // computed leads are the display's; the input computes its own
        source[std::size_t(idx)] = int(i);
    }
    // Each lead in mV, invalid (NaN) samples bridged with zero (its baseline is removed per
    // window later), at 100 Hz; the limb leads it lacks are computed there (linear, so the same
    // as computing them before resampling, at a fifth of the memory for a 500 Hz Holter).
    LeadSignals in;
    for (int k = 0; k < kModelLeads; ++k) {
        if (source[std::size_t(k)] < 0)
            continue;
        const Lead& lead = recording.leads[std::size_t(source[std::size_t(k)])];
        std::vector<float> x = lead.samples;
        const double scale = millivoltsPerUnit(lead.unit);
        for (float& v : x)
            v = std::isfinite(v) ? float(v * scale) : 0.0f;
        if (std::fabs(lead.fsHz - kModelFsHz) > 1e-6)
            x = dsp::resample(x, lead.fsHz, kModelFsHz);
        in.mv[std::size_t(k)] = std::move(x);
        in.fsHz[std::size_t(k)] = lead.fsHz;
    }
    // Limb leads that break Einthoven's law (the reader warns) are no basis for computing others.
    const auto einthoven = checkEinthoven(recording);
    out.limbLeadsInconsistent = einthoven && !einthoven->consistent();
    if (!out.limbLeadsInconsistent)
        out.derived = deriveLimbLeads(in);
    if (std::find(out.derived.begin(), out.derived.end(), true) != out.derived.end()) {
        std::array<bool, kModelLeads> recorded{};
        for (int k = 0; k < 6; ++k) // the recorded limb leads they were computed from
            recorded[std::size_t(k)] =
                !in.mv[std::size_t(k)].empty() && !out.derived[std::size_t(k)];
        out.warnings.push_back(makeMessage(
            messages::kDerivedLeads, {leadNames(out.derived, ", "), leadNames(recorded, ", ")}));
    }
    long n = 0;
    for (int k = 0; k < kModelLeads; ++k) {
        n = std::max<long>(n, long(in.mv[std::size_t(k)].size()));
        out.present[std::size_t(k)] = !in.mv[std::size_t(k)].empty();
    }
    if (n == 0)
        return Result<PreparedSignal>::failure(makeMessage(messages::kNoStandardLead));
    out.leads = std::move(in.mv);
    out.samples = n;
    return out;
}

std::array<bool, kModelLeads> deriveLimbLeads(LeadSignals& leads)
{
    constexpr int kLimb = kLimbLeadCount;
    std::array<bool, kModelLeads> derived{};
    auto& mv = leads.mv;
    auto together = [&](int a, int b) {
        const auto ua = std::size_t(a), ub = std::size_t(b);
        return !mv[ua].empty() && mv[ua].size() == mv[ub].size() && leads.fsHz[ua] > 0 &&
               leads.fsHz[ua] == leads.fsHz[ub];
    };
    // The first two recorded together in lead order: two of I, II, III where there are.
    int a = -1, b = -1;
    for (int i = 0; i < kLimb && a < 0; ++i)
        for (int j = i + 1; j < kLimb && a < 0; ++j)
            if (together(i, j))
                a = i, b = j;
    if (a < 0)
        return derived;
    for (int t = 0; t < kLimb; ++t) {
        if (!mv[std::size_t(t)].empty())
            continue;
        const auto [wa, wb] = limbLeadWeights(t, a, b);
        const std::vector<float>& xa = mv[std::size_t(a)];
        const std::vector<float>& xb = mv[std::size_t(b)];
        std::vector<float> x(xa.size());
        for (std::size_t i = 0; i < x.size(); ++i)
            x[i] = float(wa) * xa[i] + float(wb) * xb[i];
        mv[std::size_t(t)] = std::move(x);
        leads.fsHz[std::size_t(t)] = leads.fsHz[std::size_t(a)];
        derived[std::size_t(t)] = true;
    }
    return derived;
}

void normaliseWindow(Window& w)
{
    std::vector<float> tmp(std::size_t(w.cols()));
    for (long r = 0; r < w.rows(); ++r) {
        for (long c = 0; c < w.cols(); ++c)
            tmp[std::size_t(c)] = w(r, c);
        auto mid = tmp.begin() + long(tmp.size() / 2);
        std::nth_element(tmp.begin(), mid, tmp.end());
        const float median = tmp.empty() ? 0.0f : *mid;
        for (long c = 0; c < w.cols(); ++c)
            w(r, c) = std::clamp(w(r, c) - median, -5.0f, 5.0f);
    }
}

Result<long> windowStartSample(double startS, long samples)
{
    using R = Result<long>;
    char msg[200];
    if (!std::isfinite(startS) || startS < 0) {
        std::snprintf(msg, sizeof msg, "the window start must be a time in seconds >= 0, not %g",
                      startS);
        return R::failure(msg);
    }
    const long last = std::max<long>(0, samples - kWindowSamples);
    const double wanted = startS * kModelFsHz; // finite or +inf: no rounding overflows
    if (wanted > double(last) + 1.0) {
        if (samples <= kWindowSamples)
            std::snprintf(msg, sizeof msg,
                          "no window starts at %g s: the recording (%g s) has one 10 s "
                          "window, at 0 s",
                          startS, double(samples) / kModelFsHz);
        else
            std::snprintf(msg, sizeof msg,
                          "a 10 s window at %g s runs past the end of the recording (%g s): "
                          "the last one starts at %g s",
                          startS, double(samples) / kModelFsHz, double(last) / kModelFsHz);
        return R::failure(msg);
    }
    return std::min(std::lround(wanted), last);
}

Window extractWindow(const PreparedSignal& p, long start)
{
    Window w = Window::Zero(kModelLeads, kWindowSamples);
    const long len = std::max<long>(0, std::min<long>(kWindowSamples, p.samples - start));
    if (len <= 0)
        return w;
    Window part = Window::Zero(kModelLeads, len);
    for (int k = 0; k < kModelLeads; ++k) {
        const auto& x = p.leads[std::size_t(k)];
        for (long c = 0; c < len && start + c < long(x.size()); ++c)
            part(k, c) = x[std::size_t(start + c)];
    }
    // Normalise only the real part so zero padding stays zero.
    normaliseWindow(part);
    w.leftCols(len) = part;
    for (int k = 0; k < kModelLeads; ++k)
        if (!p.present[std::size_t(k)])
            w.row(k).setZero();
    return w;
}

std::array<bool, kModelLeads> leadSetMask(const std::string& name)
{
    std::array<bool, kModelLeads> m{};
    if (name == "12") {
        m.fill(true);
    } else if (name == "limb6") {
        for (int i = 0; i < 6; ++i)
            m[std::size_t(i)] = true;
    } else if (name == "2") {
        m[1] = true; // II (MIT-BIH MLII)
        m[6] = true; // V1 (MIT-BIH's usual second lead)
    } else if (name == "1") {
        m[1] = true;
    } else if (name == "v1") {
        m[6] = true; // V1 alone: a bedside monitoring lead such as MCL1
    } else if (name == "v5") {
        m[10] = true; // V5 alone: a Holter lead such as CM5
    } else if (name == "chest6") {
        for (int i = 6; i < kModelLeads; ++i)
            m[std::size_t(i)] = true;
    }
    return m;
}

bool containsLeadSet(const std::array<bool, kModelLeads>& present,
                     const std::vector<std::string>& sets)
{
    std::vector<std::string> all = sets;
    all.push_back("12");
    return std::any_of(all.begin(), all.end(), [&](const std::string& name) {
        const auto mask = leadSetMask(name);
        bool any = false, inside = true;
        for (int k = 0; k < kModelLeads; ++k) {
            any = any || mask[std::size_t(k)];
            inside = inside && (!mask[std::size_t(k)] || present[std::size_t(k)]);
        }
        return any && inside;
    });
}

std::string nearestLeadSet(const std::array<bool, kModelLeads>& present,
                           const std::vector<std::string>& candidates)
{
    std::string best = "12";
    int bestDiff = kModelLeads + 1, bestSize = 0;
    std::vector<std::string> all = candidates;
    all.insert(all.begin(), "12");
    for (const std::string& name : all) {
        const auto mask = leadSetMask(name);
        int diff = 0, size = 0;
        for (int k = 0; k < kModelLeads; ++k) {
            diff += mask[std::size_t(k)] != present[std::size_t(k)];
            size += mask[std::size_t(k)];
        }
        if (size == 0)
            continue; // not a known set
        if (diff < bestDiff || (diff == bestDiff && size > bestSize)) {
            best = name;
            bestDiff = diff;
            bestSize = size;
        }
    }
    return best;
}

std::vector<std::string> leadNames(const std::array<bool, kModelLeads>& present)
{
    std::vector<std::string> out;
    for (int k = 0; k < kModelLeads; ++k)
        if (present[std::size_t(k)])
            out.emplace_back(kStandardLeads[std::size_t(k)]);
    return out;
}

std::string leadNames(const std::array<bool, kModelLeads>& present, const std::string& separator)
{
    std::string out;
    for (const std::string& name : leadNames(present))
        out += (out.empty() ? "" : separator) + name;
    return out;
}

void windowToBuffer(const Window& w, float* out)
{
    const long rows = std::min<long>(w.rows(), kModelLeads);
    const long cols = std::min<long>(w.cols(), kWindowSamples);
    for (long r = 0; r < rows; ++r)
        for (long c = 0; c < cols; ++c)
            out[r * kWindowSamples + c] = w(r, c);
}

void applyLeadMask(Window& w, const std::array<bool, kModelLeads>& mask)
{
    for (int k = 0; k < kModelLeads && k < w.rows(); ++k)
        if (!mask[std::size_t(k)])
            w.row(k).setZero();
}

} // namespace ecglens::ml
