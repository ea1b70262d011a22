// Detector speed: model load, one 10 s 12-lead window on one core (against the CNN-LSTM
// baseline model measured in the same run), batched windows, and a 24-hour 3-lead Holter
// (demo generator, 250 Hz) analysed with 50 % overlap on 2 threads; and whole program runs of
// ecglens-cli, `info` (reads a recording; no detector) as the baseline for `analyze` (the same
// plus the detector's first use in a fresh process: LibTorch opened, model loaded, one window).
#include "bench_util.h"

#include "io/open.h"
#include "ml/detector.h"
#include "ml/thread_waiting.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ecglens;

namespace {

std::string modelDir(const char* name)
{
    return ml::defaultModelDir(name); // ECGLENS_MODEL_DIR, installed, or the source tree
}

ml::Window window()
{
    ml::Window w(12, 1000);
    for (int r = 0; r < 12; ++r)
        for (int c = 0; c < 1000; ++c)
            w(r, c) = 0.5f * float(std::sin(0.06 * c + r)) * float((c % 80) < 8 ? 3 : 1);
    return w;
}

void BM_ModelLoad(benchmark::State& state)
{
    for (auto _ : state) {
        auto d = ml::Detector::load(modelDir("resnet1d"));
        if (!d) {
            state.SkipWithError(d.error().c_str());
            return;
        }
        benchmark::DoNotOptimize(d);
    }
    state.SetLabel("limit 200 ms");
}

void windowBench(benchmark::State& state, const char* name)
{
    auto d = ml::Detector::load(modelDir(name));
    if (!d) {
        state.SkipWithError(d.error().c_str());
        return;
    }
    ml::Detector::setThreads(1);
    const std::vector<ml::Window> batch(std::size_t(state.range(0)), window());
    benchmark::DoNotOptimize(d->logits(batch)); // warm-up: oneDNN primitive creation
    for (auto _ : state)
        benchmark::DoNotOptimize(d->logits(batch));
    state.counters["ms_per_window"] = benchmark::Counter(
        double(state.range(0)) * 1e-3,
        benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
    state.SetLabel(std::string(name) + ", 1 thread, limit 10 ms/window");
}

void BM_WindowShipped(benchmark::State& s)
{
    windowBench(s, "resnet1d");
}
void BM_WindowBaselineCnnLstm(benchmark::State& s)
{
    windowBench(s, "cnn_lstm");
}

void BM_Holter24h3Lead(benchmark::State& state)
{
    auto d = ml::Detector::load(modelDir("resnet1d"));
    if (!d) {
        state.SkipWithError(d.error().c_str());
        return;
    }
    const char* seconds = std::getenv("ECGLENS_BENCH_HOLTER_SECONDS");
    const std::string spec =
        std::string("demo:seconds=") + (seconds ? seconds : "86400") + ",fs=250,leads=3";
    auto rec = io::open(spec); // generated once, outside the timed loop
    if (!rec) {
        state.SkipWithError(rec.error().c_str());
        return;
    }
    ml::AnalysisOptions options;
    options.threads = 2;
    // Process CPU seconds (all threads): on a loaded machine wall time overstates the cost;
    // cpu_s_all_threads / 2 is the wall time on two otherwise idle cores.
    auto cpuSeconds = [] {
        rusage u{};
        getrusage(RUSAGE_SELF, &u);
        return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
               1e-6 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
    };
    for (auto _ : state) {
        const double cpu0 = cpuSeconds();
        auto a = ml::analyse(*d, *rec, options);
        state.counters["cpu_s_all_threads"] = cpuSeconds() - cpu0;
        if (!a) {
            state.SkipWithError(a.error().c_str());
            return;
        }
        state.counters["windows"] = double(a->windows.size());
    }
    state.SetLabel(spec + ", 2 threads, limit 60 s");
}

} // namespace

// Medians of repeated runs (the machine is shared; single runs are noisy).
BENCHMARK(BM_ModelLoad)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_WindowShipped)
    ->Arg(1)
    ->Arg(64)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_WindowBaselineCnnLstm)
    ->Arg(1)
    ->Arg(64)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_Holter24h3Lead)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

/// One run of ecglens-cli COMMAND on PTB-XL record 1 (500 Hz), output discarded. (No memory
/// counter: a child's ru_maxrss keeps the spawning benchmark's own high-water mark across exec.)
void cliRun(benchmark::State& state, const char* command)
{
    const std::string record = bench::dataDir() + "/ptbxl/records500/00000/00001_hr";
    std::vector<std::string> args = {ECGLENS_CLI, command, record};
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    for (auto _ : state) {
        pid_t pid = 0;
        if (posix_spawn(&pid, ECGLENS_CLI, &actions, nullptr, argv.data(), environ) != 0) {
            state.SkipWithError("cannot start ecglens-cli");
            break;
        }
        int status = 0;
        waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            state.SkipWithError(("ecglens-cli " + std::string(command) + " " + record +
                                 " failed (is the data folder there? ECGLENS_DATA)")
                                    .c_str());
            break;
        }
    }
    posix_spawn_file_actions_destroy(&actions);
}

void BM_CliInfoBaseline(benchmark::State& state)
{
    cliRun(state, "info");
}
void BM_CliAnalyzeFirstUse(benchmark::State& state)
{
    cliRun(state, "analyze");
}

BENCHMARK(BM_CliInfoBaseline)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->UseRealTime()
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_CliAnalyzeFirstUse)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->UseRealTime()
    ->ReportAggregatesOnly(true);

int main(int argc, char** argv)
{
    ml::preferPassiveThreadWaiting(argv); // as ecglens and ecglens-cli do
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
