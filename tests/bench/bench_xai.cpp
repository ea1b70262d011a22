// Speed of the explanations (issue 6): one 10 s 12-lead window at 100 Hz,
//  - exact per-lead game (12 players, 4,096 coalitions + 2 ends),
//  - KernelSHAP over 120 beat x lead players (10 beats, default budget 2n + 2048 = 2,288),
// each batched through the model, against the naive loop that sends one coalition at a time.
//
// The model is a STAND-IN (tests/xai/stand_in_model.h: a fixed random 1-D CNN in Eigen, ~2.6 M
// multiply-adds per window) until ml::Detector (issue 5) is available; its cost per window is
// reported so the explanation time can be rescaled to the real detector's. "NullModel" runs the
// explanation machinery alone (masking, enumeration, regression, bootstrap) with a trivial model.
//
// The *_Detector runs use the shipped ml::Detector (models/resnet1d, or ECGLENS_MODEL_DIR) on the
// first PTB-XL fold-10 record through xai::explainPrepared, the path of the GUI and the CLI
// (beats fused over the record, players on present leads): the exact 12-lead game and KernelSHAP
// over beat x lead players. "Batched" runs 2 model calls of 64 windows at once, each with one
// intra-op thread (the default of ExplainOptions), "Batched1Thread" one call at a time on one
// thread, "Batched2IntraOp" one call at a time with 2 intra-op threads, "Naive" one coalition per
// forward pass, one at a time on one thread. Batched runs are repeated (median reported), the
// naive loop runs once; BM_DetectorForward gives the cost per window.
//
// After the runs, the ratios naive / batched of the median times are printed.

#include "../xai/stand_in_model.h"
#include "bench_util.h"
#include "io/open.h"
#include "ml/detector.h"
#include "ml/net.h"
#include "ml/ptbxl.h"
#include "ml/thread_waiting.h"
#include "xai/ecg_game.h"
#include "xai/explain_recording.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <optional>
#include <string>

using namespace ecglens::xai;

namespace {

struct Fixture
{
    std::vector<int> beats;
    Eigen::MatrixXf window;
    test::StandInModel model;
    Fixture() { window = test::syntheticWindow(100.0, 1000, 1.0, beats); } // 10 beats
};

Fixture& fixture()
{
    static Fixture f;
    return f;
}

ModelFn standIn()
{
    return [](const std::vector<Eigen::MatrixXf>& ws) { return fixture().model.logits(ws); };
}

ModelFn nullModel()
{
    return [](const std::vector<Eigen::MatrixXf>& ws) {
        std::vector<float> out;
        for (const auto& w : ws)
            out.push_back(0.01f * (w(0, 100) + w(5, 500) + w(11, 900)));
        return out;
    };
}

struct DetectorFixture
{
    std::optional<ecglens::ml::Detector> detector;
    std::optional<PreparedRecording> prepared;
    std::string error;
    DetectorFixture()
    {
        auto d = ecglens::ml::Detector::load(ecglens::ml::defaultModelDir());
        if (!d) {
            error = "detector: " + d.error();
            return;
        }
        detector.emplace(std::move(*d));
        auto index = ecglens::ml::readPtbxlIndex(ecglens::bench::dataDir());
        if (!index) {
            error = index.error();
            return;
        }
        for (const auto& e : *index)
            if (e.fold == 10) {
                auto rec = ecglens::io::open(e.recordPath);
                if (!rec) {
                    error = rec.error();
                    return;
                }
                auto p = prepareRecording(*rec);
                if (!p) {
                    error = p.error();
                    return;
                }
                prepared.emplace(std::move(*p));
                return;
            }
        error = "no PTB-XL fold-10 record in " + ecglens::bench::dataDir();
    }
};

DetectorFixture& detectorFixture()
{
    static DetectorFixture f;
    return f;
}

void recordCounters(benchmark::State& state, const Attribution& a)
{
    state.counters["players"] = double(a.players.size());
    state.counters["evaluations"] = double(a.shap.evaluations);
    state.counters["efficiency_error"] = a.shap.efficiencyError;
}

void runExplainOn(benchmark::State& state, const Eigen::MatrixXf& window,
                  const std::vector<int>& beats, PlayerKind kind, ModelFn model, int modelBatch);

void runExplain(benchmark::State& state, PlayerKind kind, ModelFn model, int modelBatch)
{
    runExplainOn(state, fixture().window, fixture().beats, kind, std::move(model), modelBatch);
}

// The GUI's and CLI's path: xai::explainPrepared on the whole prepared record (its own beats).
// `threads` concurrent model calls (ExplainOptions::threads; with 2, explainPrepared runs the
// detector with 1 intra-op thread); `intraOp` > 0 sets the detector's intra-op threads first
// (only in effect with threads = 1).
void runDetector(benchmark::State& state, PlayerKind kind, int modelBatch, int threads,
                 int intraOp = 0)
{
    DetectorFixture& d = detectorFixture();
    if (!d.error.empty()) {
        state.SkipWithError(d.error.c_str());
        return;
    }
    ExplainOptions o;
    o.players = kind;
    o.modelBatch = modelBatch;
    o.threads = threads;
    const int previousIntraOp = ecglens::ml::Net::threads();
    if (intraOp > 0)
        ecglens::ml::Detector::setThreads(intraOp);
    for (auto _ : state) {
        auto e = explainPrepared(*d.detector, *d.prepared, 0.0, o);
        if (!e.ok() || !e->attribution.shap.efficient) {
            state.SkipWithError(e.ok() ? "efficiency check failed" : e.error().c_str());
            return;
        }
        recordCounters(state, e->attribution);
        benchmark::DoNotOptimize(e->attribution.shap.values.data());
    }
    ecglens::ml::Detector::setThreads(previousIntraOp);
}

void runExplainOn(benchmark::State& state, const Eigen::MatrixXf& window,
                  const std::vector<int>& beats, PlayerKind kind, ModelFn model, int modelBatch)
{
    ExplainOptions o;
    o.players = kind;
    o.modelBatch = modelBatch;
    for (auto _ : state) {
        auto a = explainWindow(window, 100.0, beats, model, o);
        if (!a.ok() || !a->shap.efficient) {
            state.SkipWithError(a.ok() ? "efficiency check failed" : a.error().c_str());
            return;
        }
        recordCounters(state, *a);
        benchmark::DoNotOptimize(a->shap.values.data());
    }
}

void BM_StandInForward(benchmark::State& state)
{
    Fixture& f = fixture();
    const std::vector<Eigen::MatrixXf> batch(std::size_t(state.range(0)), f.window);
    for (auto _ : state)
        benchmark::DoNotOptimize(f.model.logits(batch).data());
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.counters["MMAC_per_window"] = f.model.macsPerWindow(1000) / 1e6;
}
BENCHMARK(BM_StandInForward)
    ->Arg(1)
    ->Arg(64)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

void BM_ExactLeads_Batched(benchmark::State& s)
{
    runExplain(s, PlayerKind::Leads, standIn(), 64);
}
void BM_ExactLeads_Naive(benchmark::State& s)
{
    runExplain(s, PlayerKind::Leads, standIn(), 1);
}
void BM_KernelBeats_Batched(benchmark::State& s)
{
    runExplain(s, PlayerKind::Beats, standIn(), 64);
}
void BM_KernelBeats_Naive(benchmark::State& s)
{
    runExplain(s, PlayerKind::Beats, standIn(), 1);
}
void BM_ExactLeads_NullModel(benchmark::State& s)
{
    runExplain(s, PlayerKind::Leads, nullModel(), 64);
}
void BM_KernelBeats_NullModel(benchmark::State& s)
{
    runExplain(s, PlayerKind::Beats, nullModel(), 64);
}
BENCHMARK(BM_ExactLeads_Batched)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK(BM_ExactLeads_Naive)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK(BM_KernelBeats_Batched)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK(BM_KernelBeats_Naive)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK(BM_ExactLeads_NullModel)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_KernelBeats_NullModel)->Unit(benchmark::kMillisecond);

void BM_DetectorForward(benchmark::State& state)
{
    DetectorFixture& d = detectorFixture();
    if (!d.error.empty()) {
        state.SkipWithError(d.error.c_str());
        return;
    }
    const std::vector<Eigen::MatrixXf> batch(std::size_t(state.range(0)),
                                             ecglens::ml::extractWindow(d.prepared->signal, 0));
    const int previousThreads = ecglens::ml::Net::threads();
    ecglens::ml::Detector::setThreads(int(state.range(1)));
    for (auto _ : state)
        benchmark::DoNotOptimize(d.detector->logits(batch).data());
    state.SetItemsProcessed(state.iterations() * state.range(0));
    ecglens::ml::Detector::setThreads(previousThreads);
}
BENCHMARK(BM_DetectorForward)
    ->ArgNames({"batch", "threads"})
    ->Args({1, 1})
    ->Args({64, 1})
    ->Args({256, 1})
    ->Args({64, 2})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

void BM_ExactLeads_Detector_Batched(benchmark::State& s)
{
    runDetector(s, PlayerKind::Leads, 64, 2);
}
void BM_ExactLeads_Detector_Batched1Thread(benchmark::State& s)
{
    runDetector(s, PlayerKind::Leads, 64, 1, 1);
}
void BM_ExactLeads_Detector_Batched2IntraOp(benchmark::State& s)
{
    runDetector(s, PlayerKind::Leads, 64, 1, 2);
}
void BM_ExactLeads_Detector_Naive(benchmark::State& s)
{
    runDetector(s, PlayerKind::Leads, 1, 1, 1);
}
void BM_KernelBeats_Detector_Batched(benchmark::State& s)
{
    runDetector(s, PlayerKind::Beats, 64, 2);
}
void BM_KernelBeats_Detector_Batched1Thread(benchmark::State& s)
{
    runDetector(s, PlayerKind::Beats, 64, 1, 1);
}
void BM_KernelBeats_Detector_Naive(benchmark::State& s)
{
    runDetector(s, PlayerKind::Beats, 1, 1, 1);
}
// Batched runs: median of 5; the naive loop (4-8 s a run) once.
#define ECGLENS_DETECTOR_BENCH(fn, repetitions)                                                    \
    BENCHMARK(fn)                                                                                  \
        ->Unit(benchmark::kMillisecond)                                                            \
        ->Iterations(1)                                                                            \
        ->Repetitions(repetitions)                                                                 \
        ->ReportAggregatesOnly(repetitions > 1)                                                    \
        ->MeasureProcessCPUTime()                                                                  \
        ->UseRealTime()
ECGLENS_DETECTOR_BENCH(BM_ExactLeads_Detector_Batched, 5);
ECGLENS_DETECTOR_BENCH(BM_ExactLeads_Detector_Batched1Thread, 5);
ECGLENS_DETECTOR_BENCH(BM_ExactLeads_Detector_Batched2IntraOp, 3);
ECGLENS_DETECTOR_BENCH(BM_ExactLeads_Detector_Naive, 1);
ECGLENS_DETECTOR_BENCH(BM_KernelBeats_Detector_Batched, 5);
ECGLENS_DETECTOR_BENCH(BM_KernelBeats_Detector_Batched1Thread, 5);
ECGLENS_DETECTOR_BENCH(BM_KernelBeats_Detector_Naive, 1);

// Collects median (or single-run) real times to print naive / batched ratios at the end.
class RatioReporter : public benchmark::ConsoleReporter
{
public:
    void ReportRuns(const std::vector<Run>& runs) override
    {
        for (const Run& r : runs) {
            const std::string name = r.benchmark_name();
            if (r.run_type == Run::RT_Aggregate && r.aggregate_name != "median")
                continue;
            std::string key = name.substr(0, name.find("_median"));
            key = key.substr(0, key.find("/iterations"));
            if (r.run_type == Run::RT_Aggregate || !m_times.count(key))
                m_times[key] = r.GetAdjustedRealTime();
        }
        ConsoleReporter::ReportRuns(runs);
    }
    void printRatios() const
    {
        for (const char* game :
             {"ExactLeads", "KernelBeats", "ExactLeads_Detector", "KernelBeats_Detector"}) {
            const auto b = m_times.find(std::string("BM_") + game + "_Batched");
            const auto n = m_times.find(std::string("BM_") + game + "_Naive");
            if (b != m_times.end() && n != m_times.end() && b->second > 0)
                std::printf("%s: batched %.0f ms, naive one-coalition-at-a-time %.0f ms, "
                            "ratio naive/batched %.2f\n",
                            game, b->second, n->second, n->second / b->second);
            const auto one = m_times.find(std::string("BM_") + game + "_Batched1Thread");
            if (b != m_times.end() && one != m_times.end() && b->second > 0)
                std::printf("%s: batched 1 thread %.0f ms, ratio 1 thread / 2 threads %.2f\n", game,
                            one->second, one->second / b->second);
            const auto intra = m_times.find(std::string("BM_") + game + "_Batched2IntraOp");
            if (b != m_times.end() && intra != m_times.end() && b->second > 0)
                std::printf("%s: batched, 1 call at a time with 2 intra-op threads %.0f ms, "
                            "ratio to 2 concurrent calls %.2f\n",
                            game, intra->second, intra->second / b->second);
        }
    }

private:
    std::map<std::string, double> m_times;
};

} // namespace

int main(int argc, char** argv)
{
    ecglens::ml::preferPassiveThreadWaiting(argv); // as ecglens and ecglens-cli do
    benchmark::Initialize(&argc, argv);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.printRatios();
    benchmark::Shutdown();
    return 0;
}
