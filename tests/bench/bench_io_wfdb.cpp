// WFDB decode speed and memory: open + decode MIT-BIH record 101 (30 min, 2 leads, format
// 212, 1.95 MB stored). Reports MB/s of stored signal bytes and the peak resident memory the
// open added, as a ratio to the float samples it returns (aim: >= 200 MB/s, <= 1.5x).
// Baseline in the same run: a plain read of the same .dat into memory (the I/O floor).

#include "io/open.h"

#include "bench_open.h"
#include "bench_util.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <vector>

namespace {

std::string recordPath()
{
    return ecglens::bench::dataDir() + "/mitdb/101.hea";
}

std::string datPath()
{
    return ecglens::bench::dataDir() + "/mitdb/101.dat";
}

void BM_ReadDatFile(benchmark::State& state)
{
    const auto bytes = std::filesystem::file_size(datPath());
    for (auto _ : state) {
        std::ifstream in(datPath(), std::ios::binary);
        std::vector<char> buf(bytes);
        in.read(buf.data(), std::streamsize(bytes));
        benchmark::DoNotOptimize(buf.data());
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes));
}
BENCHMARK(BM_ReadDatFile)->Unit(benchmark::kMillisecond);

void BM_OpenWfdb101(benchmark::State& state)
{
    ecglens::io::OpenOptions options;
    options.loadAnnotations = false;
    ecglens::bench::runOpenBenchmark(state, recordPath(), options,
                                     std::filesystem::file_size(datPath()));
}
BENCHMARK(BM_OpenWfdb101)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
