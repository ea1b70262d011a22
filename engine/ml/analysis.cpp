#include "ml/analysis_common.h"
#include "ml/detector.h"
#include "ml/messages.h"
#include "ml/net.h"
#include "ml/ptbxl.h"

#include "core/lead_names.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>

namespace ecglens::ml {

namespace {

std::string fmt(const char* f, double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

/// Flat or noisy leads at 100 Hz (mV). Flat: robust spread below 0.01 mV. Noisy: the median
/// absolute second difference (high-frequency content between beats) above 0.08 mV.
void signalQualityWarnings(const PreparedSignal& p, const Recording& rec,
                           std::vector<Message>& warnings)
{
    for (int k = 0; k < kModelLeads; ++k) {
        const auto& x = p.leads[std::size_t(k)];
        if (x.size() < 10 || p.derived[std::size_t(k)]) // a computed lead repeats its sources
            continue;
        const std::size_t stride = std::max<std::size_t>(1, x.size() / 200000);
        std::vector<float> v, d2;
        for (std::size_t i = 2; i < x.size(); i += stride) {
            v.push_back(x[i]);
            d2.push_back(std::fabs(x[i] - 2 * x[i - 1] + x[i - 2]));
        }
        auto quantile = [](std::vector<float> a, double q) {
            auto it = a.begin() + long(q * double(a.size() - 1));
            std::nth_element(a.begin(), it, a.end());
            return *it;
        };
        const double spread = quantile(v, 0.95) - quantile(v, 0.05);
        const double hf = quantile(d2, 0.5);
        const std::string name = kStandardLeads[std::size_t(k)];
        if (spread < 0.01)
            warnings.push_back(makeMessage(messages::kFlatLead, {name, fmt("%.3f", spread)}));
        else if (hf > 0.08)
            warnings.push_back(makeMessage(messages::kNoisyLead, {name, fmt("%.2f", hf)}));
    }
    // Invalid (NaN) samples in the source.
    for (const Lead& lead : rec.leads) {
        if (lead.samples.empty())
            continue;
        std::size_t bad = 0;
        for (float s : lead.samples)
            bad += !std::isfinite(s);
        if (bad * 10 > lead.samples.size())
            warnings.push_back(makeMessage(
                messages::kInvalidSamples,
                {lead.name, fmt("%.0f", 100.0 * double(bad) / double(lead.samples.size()))}));
    }
}

} // namespace

/// Warnings where the model is outside what it was validated on: age, leads, rate, length,
/// flat or noisy leads.
void addValidityWarnings(const PreparedSignal& p, const Recording& recording,
                         std::optional<double> age, std::vector<Message>& warnings)
{
    if (age && *age < 18)
        warnings.push_back(makeMessage(messages::kUnderAge, {fmt("%.0f", *age)}));
    const auto present = std::count(p.present.begin(), p.present.end(), true);
    if (present < kModelLeads)
        warnings.push_back(makeMessage(messages::kFewLeads,
                                       {std::to_string(present), leadNames(p.present, ", ")}));
    double minFs = recording.fsHz;
    for (const Lead& l : recording.leads)
        if (l.fsHz > 0)
            minFs = std::min(minFs, l.fsHz);
    if (minFs > 0 && minFs < kModelFsHz)
        warnings.push_back(makeMessage(messages::kLowRate, {fmt("%g", minFs)}));
    if (p.samples < kWindowSamples)
        warnings.push_back(
            makeMessage(messages::kShort, {fmt("%.1f", double(p.samples) / kModelFsHz)}));
    // Validated on 10 s resting ECGs; evaluate's MIT-BIH check shows what happens on Holter data.
    if (double(p.samples) / kModelFsHz > kLongRecordingS)
        warnings.push_back(
            makeMessage(messages::kLong, {fmt("%.1f", double(p.samples) / kModelFsHz / 60.0)}));
    signalQualityWarnings(p, recording, warnings);
    if (p.limbLeadsInconsistent)
        warnings.push_back(makeMessage(messages::kLimbLeadsInconsistent));
}

std::vector<long> windowStarts(long samples, double overlap)
{
    // 10 s windows with the requested overlap; the last one ends at the end.
    std::vector<long> starts;
    if (samples <= kWindowSamples) {
        starts.push_back(0);
    } else {
        const long step = std::max<long>(1, long(std::lround(kWindowSamples * (1.0 - overlap))));
        for (long s = 0; s + kWindowSamples <= samples; s += step)
            starts.push_back(s);
        if (starts.back() + kWindowSamples < samples)
            starts.push_back(samples - kWindowSamples);
    }
    return starts;
}

void finishAnalysis(Analysis& a, const std::vector<long>& starts, long samples,
                    const std::vector<double>& probabilities, const Thresholds& thresholds)
{
    double sum = 0;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        WindowResult w;
        w.startS = double(starts[i]) / kModelFsHz;
        w.endS = double(std::min<long>(starts[i] + kWindowSamples, std::max<long>(samples, 1))) /
                 kModelFsHz;
        w.probability = probabilities[i];
        sum += w.probability;
        a.windows.push_back(w);
    }
    a.probability = a.windows.empty() ? 0.0 : sum / double(a.windows.size());
    a.thresholds = thresholds;
    a.verdict = verdictFor(a.probability, thresholds);
    for (const WindowResult& w : a.windows) {
        if (verdictFor(w.probability, thresholds) != Verdict::Anomalous)
            continue;
        if (!a.flagged.empty() && w.startS <= a.flagged.back().endS) {
            a.flagged.back().endS = std::max(a.flagged.back().endS, w.endS);
            a.flagged.back().probability = std::max(a.flagged.back().probability, w.probability);
        } else {
            a.flagged.push_back(w);
        }
    }
}

Patient analysedPatient(const Recording& recording, const AnalysisOptions& options)
{
    Patient patient = recording.patient;
    if (options.ageYears)
        patient.ageYears = options.ageYears;
    if (options.sex != Sex::Unknown)
        patient.sex = options.sex;
    return patient;
}

Result<AnalysisSetup> beginAnalysis(const ModelInfo& model, const Recording& recording,
                                    const AnalysisOptions& options, const ProgressFn& progress)
{
    using R = Result<AnalysisSetup>;
    AnalysisSetup setup;
    setup.analysis.model = model;
    if (progress && !progress(0.0))
        return R::failure("analysis cancelled");
    auto prepared = prepareSignal(recording);
    if (!prepared)
        return R::failureOf(prepared);
    setup.prepared = std::move(*prepared);
    const PreparedSignal& p = setup.prepared;
    setup.analysis.leadsUsed = p.present;
    setup.analysis.warnings = p.warnings;
    setup.ageYears = analysedPatient(recording, options).ageYears;
    setup.analysis.thresholdAgeGroup = ageGroup(setup.ageYears.value_or(-1.0));
    addValidityWarnings(p, recording, setup.ageYears, setup.analysis.warnings);
    setup.starts = windowStarts(p.samples, options.overlap);
    return setup;
}

Result<Analysis> analyse(const Detector& detector, const Recording& recording,
                         const AnalysisOptions& options, const ProgressFn& progress)
{
    using R = Result<Analysis>;
    auto setup = beginAnalysis(detector.info(), recording, options, progress);
    if (!setup)
        return R::failureOf(setup);
    Analysis& a = setup->analysis;
    const PreparedSignal& p = setup->prepared;
    const std::vector<long>& starts = setup->starts;
    const std::vector<std::string> sets = detector.info().thresholdLeadSets();
    // Lead sets the model has thresholds for; on other leads alone (V1, V5, the chest leads) it
    // marked nearly every held-out ECG abnormal (evaluate's v1, v5 and chest6 rows), so no
    // verdict. A model without lead-set thresholds (older) is applied as it always was.
    if (!sets.empty() && !containsLeadSet(p.present, sets))
        return R::failure(makeMessage(messages::kLeadsUnsupported, {leadNames(p.present, " + ")}));

    std::vector<float> logits(starts.size());
    const std::size_t batch = std::size_t(std::max(1, options.batchSize));
    const int threads = starts.size() > 2 * batch ? std::max(1, options.threads) : 1;
    std::atomic<std::size_t> done{0};
    std::atomic<bool> cancelled{false};
    // Chunks are assigned round-robin so the result does not depend on timing.
    auto work = [&](int t) {
        std::vector<Window> windows;
        for (std::size_t c = std::size_t(t) * batch; c < starts.size();
             c += std::size_t(threads) * batch) {
            if (cancelled)
                return;
            const std::size_t m = std::min(batch, starts.size() - c);
            windows.clear();
            for (std::size_t j = 0; j < m; ++j)
                windows.push_back(extractWindow(p, starts[c + j]));
            const auto y = detector.logits(windows);
            std::copy(y.begin(), y.end(), logits.begin() + long(c));
            done += m;
        }
    };
    if (threads == 1) {
        for (std::size_t c = 0; c < starts.size(); c += batch) {
            std::vector<Window> windows;
            const std::size_t m = std::min(batch, starts.size() - c);
            for (std::size_t j = 0; j < m; ++j)
                windows.push_back(extractWindow(p, starts[c + j]));
            const auto y = detector.logits(windows);
            std::copy(y.begin(), y.end(), logits.begin() + long(c));
            if (progress && !progress(0.05 + 0.95 * double(c + m) / double(starts.size())))
                return R::failure("analysis cancelled");
        }
    } else {
        // One intra-op thread per worker: the workers themselves use the cores.
        const Detector::ScopedThreads oneEach(1);
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t)
            pool.emplace_back(work, t);
        while (done < starts.size() && !cancelled) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            if (progress && !progress(0.05 + 0.95 * double(done) / double(starts.size())))
                cancelled = true;
        }
        for (auto& th : pool)
            th.join();
        if (cancelled)
            return R::failure("analysis cancelled");
    }

    std::vector<double> probabilities;
    for (float l : logits)
        probabilities.push_back(detector.probability(l));
    a.thresholdLeadSet = nearestLeadSet(p.present, sets);
    // A recording holding one of the sets and more (II + V5) borrows the nearest set's thresholds.
    if (const auto set = leadSetMask(a.thresholdLeadSet); set != p.present)
        a.warnings.push_back(makeMessage(messages::kUnevaluatedLeads,
                                         {leadNames(p.present, " + "), leadNames(set, " + ")}));
    finishAnalysis(a, starts, p.samples, probabilities,
                   detector.thresholdsFor(setup->ageYears, a.thresholdLeadSet));
    if (progress)
        progress(1.0);
    return std::move(a);
}

const WindowResult* mostProbableWindow(const Analysis& analysis, const WindowResult& segment)
{
    const WindowResult* best = nullptr;
    for (const WindowResult& w : analysis.windows)
        if (w.startS >= segment.startS - 1e-6 && w.endS <= segment.endS + 1e-6 &&
            (!best || w.probability > best->probability))
            best = &w;
    return best;
}

const WindowResult* mostProbableWindow(const Analysis& analysis)
{
    const WindowResult* best = nullptr;
    for (const WindowResult& w : analysis.windows)
        if (!best || w.probability > best->probability)
            best = &w;
    return best;
}

std::vector<WindowResult> strongestWindows(const Analysis& analysis, std::size_t n)
{
    std::vector<WindowResult> candidates;
    for (const WindowResult& w : analysis.windows)
        if (verdictFor(w.probability, analysis.thresholds) == Verdict::Anomalous)
            candidates.push_back(w);
    std::stable_sort(
        candidates.begin(), candidates.end(),
        [](const WindowResult& a, const WindowResult& b) { return a.probability > b.probability; });
    std::vector<WindowResult> chosen;
    for (const WindowResult& w : candidates) {
        if (chosen.size() >= n)
            break;
        const bool near = std::any_of(chosen.begin(), chosen.end(), [&](const WindowResult& c) {
            return std::abs(w.startS - c.startS) < kStrongestSpacingS;
        });
        if (!near)
            chosen.push_back(w);
    }
    return chosen;
}

std::vector<WindowResult> reviewFirstWindows(const Analysis& analysis)
{
    if (analysis.windows.empty() || !(analysis.windows.back().endS > kLongRecordingS))
        return {};
    return strongestWindows(analysis);
}

const WindowResult* mostAbnormalWindow(const Analysis& analysis)
{
    const WindowResult* segment = nullptr;
    for (const WindowResult& f : analysis.flagged)
        if (!segment || f.probability > segment->probability)
            segment = &f;
    return segment ? mostProbableWindow(analysis, *segment) : nullptr;
}

} // namespace ecglens::ml
