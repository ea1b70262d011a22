#include "xai/explain_recording.h"

#include "dsp/beats.h"

#include <cmath>

namespace ecglens::xai {

double RecordingExplanation::playerStartS(std::size_t i) const
{
    return windowStartS + attribution.players[i].start / fsHz;
}

double RecordingExplanation::playerEndS(std::size_t i) const
{
    return windowStartS + attribution.players[i].end / fsHz;
}

std::vector<int> windowBeats(const Eigen::MatrixXf& window, double fsHz)
{
    std::vector<std::vector<float>> rows(std::size_t(window.rows()));
    std::vector<const std::vector<float>*> leads;
    for (Eigen::Index r = 0; r < window.rows(); ++r) {
        rows[std::size_t(r)].resize(std::size_t(window.cols()));
        Eigen::Map<Eigen::RowVectorXf>(rows[std::size_t(r)].data(), window.cols()) = window.row(r);
        leads.push_back(&rows[std::size_t(r)]);
    }
    std::vector<int> beats;
    if (!leads.empty())
        for (const std::int64_t b : dsp::detectQrs(leads, fsHz))
            beats.push_back(int(b));
    return beats;
}

Result<PreparedRecording> prepareRecording(const Recording& recording, bool detectBeats)
{
    auto signal = ml::prepareSignal(recording);
    if (!signal)
        return Result<PreparedRecording>::failureOf(signal);
    PreparedRecording out;
    out.signal = std::move(signal).value();
    if (detectBeats) {
        // Beats from the QRS detector fused over the present leads of the whole prepared signal
        // (more context than the window alone); each window keeps those inside it.
        std::vector<const std::vector<float>*> leads;
        for (int k = 0; k < ml::kModelLeads; ++k)
            if (out.signal.present[std::size_t(k)] && !out.signal.leads[std::size_t(k)].empty())
                leads.push_back(&out.signal.leads[std::size_t(k)]);
        if (!leads.empty())
            out.beats = dsp::detectQrs(leads, ml::kModelFsHz);
    }
    return out;
}

Result<RecordingExplanation> explainPrepared(const ml::Detector& detector,
                                             const PreparedRecording& prepared, double startS,
                                             const ExplainOptions& options,
                                             const ProgressFn& progress)
{
    using R = Result<RecordingExplanation>;
    const ml::PreparedSignal& p = prepared.signal;
    const Result<long> first = ml::windowStartSample(startS, p.samples);
    if (!first)
        return R::failure(first.error());
    const long start = *first;
    const ml::Window w = ml::extractWindow(p, start);

    std::vector<int> beats;
    if (options.players != PlayerKind::Seconds)
        for (const std::int64_t r : prepared.beats)
            if (r >= start && r < start + w.cols())
                beats.push_back(int(r - start));

    // Absent leads are zero in every coalition: they are no players.
    ExplainOptions o = options;
    for (std::size_t k = 0; k < o.presentLeads.size(); ++k)
        o.presentLeads[k] = o.presentLeads[k] && p.present[k];
    // Concurrent model calls with one intra-op thread each (see ExplainOptions::threads).
    const ml::Detector::ScopedThreads intraOp(options.threads > 1 ? 1 : 0);
    auto attribution = explainWindow(
        w, ml::kModelFsHz, beats,
        [&detector](const std::vector<Eigen::MatrixXf>& batch) { return detector.logits(batch); },
        o, progress);
    if (!attribution)
        return R::failure(attribution.error());

    RecordingExplanation e;
    e.attribution = std::move(attribution).value();
    const ShapleyResult& s = e.attribution.shap;
    e.windowStartS = double(start) / ml::kModelFsHz; // the window explained, to its sample
    e.windowEndS = e.windowStartS + w.cols() / ml::kModelFsHz;
    e.fsHz = ml::kModelFsHz;
    e.probability = detector.probability(float(s.fullValue));
    e.baseProbability = detector.probability(float(s.baseValue));
    e.model = detector.info();
    e.probabilityValues = probabilityContributions(s, e.model.calibrationA, e.model.calibrationB);
    e.efficiencyProblem = efficiencyMessage(s);
    e.leadsPresent = p.present;
    e.leadsDerived = p.derived;
    for (std::size_t i = 0; i < e.attribution.players.size(); ++i) {
        const int lead = e.attribution.players[i].lead;
        if (lead >= 0 && lead < ml::kModelLeads && i < s.values.size())
            e.leadSums[std::size_t(lead)] += s.values[i];
    }
    return e;
}

Result<RecordingExplanation> explainRecording(const ml::Detector& detector,
                                              const Recording& recording, double startS,
                                              const ExplainOptions& options,
                                              const ProgressFn& progress)
{
    if (progress && !progress(0.0))
        return Result<RecordingExplanation>::failure("explanation cancelled");
    auto prepared = prepareRecording(recording, options.players != PlayerKind::Seconds);
    if (!prepared)
        return Result<RecordingExplanation>::failureOf(prepared);
    return explainPrepared(detector, *prepared, startS, options, progress);
}

} // namespace ecglens::xai
