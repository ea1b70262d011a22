// DSP speed: condition + detect + measure on a 30-minute 2-lead 360 Hz record (MIT-BIH 101,
// aim < 100 ms) and a 10 s 12-lead 500 Hz record (LUDB 1, aim < 10 ms). Stages are timed
// separately too; the baseline is one pass that only reads every sample (memory bound), and the
// pipeline reports x_baseline = its time / the baseline's time measured in the same run.

#include "bench_util.h"

#include "dsp/beats.h"
#include "dsp/filters.h"
#include "dsp/measurements.h"
#include "dsp/rhythm.h"
#include "io/open.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <vector>

using namespace ecglens;

namespace {

const Recording& record(const std::string& rel)
{
    static std::map<std::string, Recording> cache;
    auto it = cache.find(rel);
    if (it == cache.end()) {
        auto r = io::open(bench::dataDir() + "/" + rel);
        if (!r) {
            std::fprintf(stderr, "bench_dsp: %s\n", r.error().c_str());
            std::exit(1);
        }
        it = cache.emplace(rel, std::move(*r)).first;
    }
    return it->second;
}

/// Median wall time in s of the baseline (one pass reading every sample) over 9 runs, measured
/// in the same process just before the benchmark it is compared with.
double baselineSeconds(const Recording& r)
{
    std::vector<double> t;
    for (int k = 0; k < 9; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        double s = 0;
        for (const Lead& l : r.leads)
            for (float v : l.samples)
                s += v;
        benchmark::DoNotOptimize(s);
        t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::nth_element(t.begin(), t.begin() + 4, t.end());
    return t[4];
}

void setCounters(benchmark::State& state, const Recording& r, double baselineS = 0,
                 double loopS = 0)
{
    state.counters["realtime_x"] =
        benchmark::Counter(r.durationS(), benchmark::Counter::kIsIterationInvariantRate);
    // Wall time per iteration divided by the baseline's time (same run, same load).
    if (baselineS > 0 && state.iterations() > 0)
        state.counters["x_baseline"] = loopS / double(state.iterations()) / baselineS;
}

void BM_Baseline_ReadSamples(benchmark::State& state, const char* rel)
{
    const Recording& r = record(rel);
    for (auto _ : state) {
        double s = 0;
        for (const Lead& l : r.leads)
            for (float v : l.samples)
                s += v;
        benchmark::DoNotOptimize(s);
    }
    setCounters(state, r);
}

void BM_Condition(benchmark::State& state, const char* rel)
{
    const Recording& r = record(rel);
    for (auto _ : state)
        benchmark::DoNotOptimize(dsp::condition(r, {}));
    setCounters(state, r);
}

void BM_Detect(benchmark::State& state, const char* rel)
{
    const Recording c = *dsp::condition(record(rel), {});
    dsp::DetectOptions o;
    o.inputConditioned = true;
    for (auto _ : state)
        benchmark::DoNotOptimize(dsp::detectBeats(c, o));
    setCounters(state, c);
}

void BM_Measure(benchmark::State& state, const char* rel)
{
    const Recording c = *dsp::condition(record(rel), {});
    dsp::DetectOptions o;
    o.inputConditioned = true;
    const auto beats = *dsp::detectBeats(c, o);
    for (auto _ : state) {
        auto m = dsp::measure(c, beats);
        benchmark::DoNotOptimize(dsp::rhythmFindings(beats, m));
    }
    setCounters(state, c);
}

/// The pacemaker-stimulus search on the raw recording (part of the pipeline's analyse).
void BM_Pacing(benchmark::State& state, const char* rel)
{
    const Recording& r = record(rel);
    const auto beats = *dsp::detectBeats(r);
    for (auto _ : state)
        benchmark::DoNotOptimize(dsp::findPacingSpikes(r, beats));
    setCounters(state, r);
}

/// The acceptance figure: condition + detect + measure (+ rhythm findings).
void BM_Pipeline(benchmark::State& state, const char* rel)
{
    const Recording& r = record(rel);
    const double base = baselineSeconds(r);
    const auto t0 = std::chrono::steady_clock::now();
    for (auto _ : state) {
        auto a = dsp::analyse(r);
        benchmark::DoNotOptimize(dsp::rhythmFindings(a->beats, a->measurements));
    }
    setCounters(state, r, base,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
}

} // namespace

#define ECGLENS_DSP_BENCH(fn, name, rel)                                                           \
    BENCHMARK_CAPTURE(fn, name, rel)->Unit(benchmark::kMillisecond)->UseRealTime()

ECGLENS_DSP_BENCH(BM_Baseline_ReadSamples, mitdb101_30min_2lead_360Hz, "mitdb/101.hea");
ECGLENS_DSP_BENCH(BM_Condition, mitdb101_30min_2lead_360Hz, "mitdb/101.hea");
ECGLENS_DSP_BENCH(BM_Detect, mitdb101_30min_2lead_360Hz, "mitdb/101.hea");
ECGLENS_DSP_BENCH(BM_Measure, mitdb101_30min_2lead_360Hz, "mitdb/101.hea");
ECGLENS_DSP_BENCH(BM_Pacing, mitdb101_30min_2lead_360Hz, "mitdb/101.hea");
ECGLENS_DSP_BENCH(BM_Pipeline, mitdb101_30min_2lead_360Hz, "mitdb/101.hea");
ECGLENS_DSP_BENCH(BM_Baseline_ReadSamples, ludb1_10s_12lead_500Hz, "ludb/data/1.hea");
ECGLENS_DSP_BENCH(BM_Condition, ludb1_10s_12lead_500Hz, "ludb/data/1.hea");
ECGLENS_DSP_BENCH(BM_Detect, ludb1_10s_12lead_500Hz, "ludb/data/1.hea");
ECGLENS_DSP_BENCH(BM_Measure, ludb1_10s_12lead_500Hz, "ludb/data/1.hea");
ECGLENS_DSP_BENCH(BM_Pacing, ludb1_10s_12lead_500Hz, "ludb/data/1.hea");
ECGLENS_DSP_BENCH(BM_Pipeline, ludb1_10s_12lead_500Hz, "ludb/data/1.hea");
// A paced ECG with some beats unpaced is detected and measured twice (dsp::measurePacedApart);
// beside it an unpaced one of the same size, and one with every beat paced (no second pass).
ECGLENS_DSP_BENCH(BM_Pipeline, ptbxl1_10s_12lead_500Hz_unpaced,
                  "ptbxl/records500/00000/00001_hr.hea");
ECGLENS_DSP_BENCH(BM_Pipeline, ptbxl143_10s_12lead_500Hz_all_paced,
                  "ptbxl/records500/00000/00143_hr.hea");
ECGLENS_DSP_BENCH(BM_Pipeline, ptbxl498_10s_12lead_500Hz_7_of_11_paced,
                  "ptbxl/records500/00000/00498_hr.hea");

BENCHMARK_MAIN();
