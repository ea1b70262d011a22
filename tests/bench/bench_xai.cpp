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
// The *_Detector runs use the shipped ml::Detector (models/resnet1d, LibTorch, all its ensemble
// members) on the first PTB-XL fold-10 record: the exact 12-lead game and KernelSHAP over beat x
// lead players (beats from dsp::detectQrs on the window; 1 s segments if none). Batched runs are
// repeated 3 times and the median reported.
//
// After the runs, the ratios naive / batched of the median times are printed.

#include "../xai/stand_in_model.h"
#include "bench_util.h"
#include "dsp/beats.h"
#include "ml/detector.h"
#include "ml/ptbxl.h"
#include "xai/ecg_game.h"

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
    Eigen::MatrixXf window;
    std::vector<int> beats;
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
                auto w = ecglens::ml::loadPtbxlWindow(e);
                if (!w) {
                    error = w.error();
                    return;
                }
                window = *w;
                std::vector<std::vector<float>> rows(std::size_t(window.rows()));
                std::vector<const std::vector<float>*> leads;
                for (long r = 0; r < window.rows(); ++r) {
                    rows[std::size_t(r)].resize(std::size_t(window.cols()));
                    for (long c = 0; c < window.cols(); ++c)
                        rows[std::size_t(r)][std::size_t(c)] = window(r, c);
                    leads.push_back(&rows[std::size_t(r)]);
                }
                for (const std::int64_t b : ecglens::dsp::detectQrs(leads, 100.0))
                    beats.push_back(int(b));
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

ModelFn detectorModel()
{
    return [](const std::vector<Eigen::MatrixXf>& ws) {
        return detectorFixture().detector->logits(ws);
    };
}

void runExplainOn(benchmark::State& state, const Eigen::MatrixXf& window,
                  const std::vector<int>& beats, PlayerKind kind, ModelFn model, int modelBatch);

void runExplain(benchmark::State& state, PlayerKind kind, ModelFn model, int modelBatch)
{
    runExplainOn(state, fixture().window, fixture().beats, kind, std::move(model), modelBatch);
}

void runDetector(benchmark::State& state, PlayerKind kind, int modelBatch)
{
    DetectorFixture& d = detectorFixture();
    if (!d.error.empty()) {
        state.SkipWithError(d.error.c_str());
        return;
    }
    runExplainOn(state, d.window, d.beats, kind, detectorModel(), modelBatch);
}

void runExplainOn(benchmark::State& state, const Eigen::MatrixXf& window,
                  const std::vector<int>& beats, PlayerKind kind, ModelFn model, int modelBatch)
{
    ExplainOptions o;
    o.players = kind;
    o.modelBatch = modelBatch;
    long long evaluations = 0;
    double efficiencyError = 0;
    std::size_t players = 0;
    for (auto _ : state) {
        auto a = explainWindow(window, 100.0, beats, model, o);
        if (!a.ok() || !a->shap.efficient) {
            state.SkipWithError(a.ok() ? "efficiency check failed" : a.error().c_str());
            return;
        }
        evaluations = a->shap.evaluations;
        efficiencyError = a->shap.efficiencyError;
        players = a->players.size();
        benchmark::DoNotOptimize(a->shap.values.data());
    }
    state.counters["players"] = double(players);
    state.counters["evaluations"] = double(evaluations);
    state.counters["efficiency_error"] = efficiencyError;
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
    const std::vector<Eigen::MatrixXf> batch(std::size_t(state.range(0)), d.window);
    for (auto _ : state)
        benchmark::DoNotOptimize(d.detector->logits(batch).data());
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_DetectorForward)
    ->Arg(1)
    ->Arg(16)
    ->Arg(64)
    ->Arg(256)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

void BM_ExactLeads_Detector_Batched(benchmark::State& s)
{
    runDetector(s, PlayerKind::Leads, 64);
}
void BM_ExactLeads_Detector_Naive(benchmark::State& s)
{
    runDetector(s, PlayerKind::Leads, 1);
}
void BM_KernelBeats_Detector_Batched(benchmark::State& s)
{
    runDetector(s, PlayerKind::Beats, 64);
}
void BM_KernelBeats_Detector_Naive(benchmark::State& s)
{
    runDetector(s, PlayerKind::Beats, 1);
}
BENCHMARK(BM_ExactLeads_Detector_Batched)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK(BM_ExactLeads_Detector_Naive)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK(BM_KernelBeats_Detector_Batched)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true)
    ->MeasureProcessCPUTime()
    ->UseRealTime();
BENCHMARK(BM_KernelBeats_Detector_Naive)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

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
        }
    }

private:
    std::map<std::string, double> m_times;
};

} // namespace

int main(int argc, char** argv)
{
    benchmark::Initialize(&argc, argv);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.printRatios();
    benchmark::Shutdown();
    return 0;
}
