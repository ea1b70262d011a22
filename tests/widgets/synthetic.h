#pragma once

// Synthetic recordings for widget tests, built from closed-form signals so the expected pixel
// distances and intervals follow from arithmetic, not from the code under test.

#include "core/recording.h"
#include "view/signal_view.h"

#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace ecglens::test {

inline std::shared_ptr<const view::SignalView> makeView(Recording rec)
{
    return view::SignalView::build(std::make_shared<const Recording>(std::move(rec)));
}

/// One lead named `name`; value(t) in mV.
template <typename F>
Recording makeRecording(double fsHz, double seconds, F value,
                        const std::vector<std::string>& names = {"II"})
{
    Recording rec;
    rec.fsHz = fsHz;
    rec.format = "synthetic";
    rec.synthetic = true;
    const auto n = std::size_t(std::llround(fsHz * seconds));
    for (const std::string& name : names) {
        Lead lead;
        lead.name = lead.originalName = name;
        lead.fsHz = fsHz;
        lead.samples.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            lead.samples[i] = float(value(double(i) / fsHz));
        rec.leads.push_back(std::move(lead));
    }
    return rec;
}

/// Narrow Gaussian "R waves" (sigma 10 ms, 1.2 mV) at 0.5 s + k * 60/bpm, plus a small T wave.
inline double beats(double t, double bpm)
{
    const double rr = 60.0 / bpm;
    const double k = std::round((t - 0.5) / rr);
    const double dt = t - (0.5 + k * rr);
    const double dtT = t - (0.5 + k * rr + 0.25);
    return 1.2 * std::exp(-dt * dt / (2 * 0.01 * 0.01)) +
           0.25 * std::exp(-dtT * dtT / (2 * 0.04 * 0.04));
}

inline std::vector<std::string> twelveLeads()
{
    return {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};
}

} // namespace ecglens::test
