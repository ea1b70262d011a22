// EDF decode speed and memory: a 24-hour, 3-lead, 250 Hz EDF (16-bit, 1-s records, 123.6 MB
// stored) generated here from the built-in demo into /tmp, then open + decode. Reports MB/s of
// stored signal bytes and the peak resident memory the open added, as a ratio to the float
// samples it returns (aim: >= 200 MB/s, <= 1.5x). Baseline in the same run: a plain read of the
// same file into memory (the I/O floor). Also times the generator itself, the header-only
// summary a worklist row needs (io::describe) and the file's SHA-256 (its review's key).

#include "core/peak.h"
#include "core/sha256.h"
#include "io/open.h"

#include "bench_open.h"
#include "bench_util.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

constexpr const char* kSpec = "demo:seconds=86400,fs=250,leads=3";

std::string field(const std::string& s, std::size_t width)
{
    std::string out = s.substr(0, width);
    out.resize(width, ' ');
    return out;
}

/// Writes the demo as EDF: physical range +-10 mV on 16 bits, 1-s data records.
std::string edfPath()
{
    static const std::string path = [] {
        const std::string p = "/tmp/ecglens_bench_24h_" + std::to_string(getpid()) + ".edf";
        auto rec = ecglens::io::open(kSpec);
        if (!rec.ok()) {
            std::fprintf(stderr, "demo failed: %s\n", rec.error().c_str());
            std::exit(1);
        }
        const int fs = 250, ns = int(rec->leads.size());
        const std::size_t records = rec->leads[0].size() / fs;
        std::ofstream out(p, std::ios::binary);
        std::string h = field("0", 8) + field("DEMO-SYNTHETIC M X Demo", 80) +
                        field("Startdate 01-JAN-2020 X X ecglens-bench", 80) + "01.01.20" +
                        "00.00.00" + field(std::to_string(256 * (ns + 1)), 8) + field("EDF+C", 44) +
                        field(std::to_string(records), 8) + field("1", 8) +
                        field(std::to_string(ns), 4);
        for (const auto& l : rec->leads)
            h += field("ECG " + l.name, 16);
        for (int i = 0; i < ns; ++i)
            h += field("", 80);
        for (int i = 0; i < ns; ++i)
            h += field("mV", 8);
        for (int i = 0; i < ns; ++i)
            h += field("-10", 8);
        for (int i = 0; i < ns; ++i)
            h += field("10", 8);
        for (int i = 0; i < ns; ++i)
            h += field("-32768", 8);
        for (int i = 0; i < ns; ++i)
            h += field("32767", 8);
        for (int i = 0; i < ns; ++i)
            h += field("", 80);
        for (int i = 0; i < ns; ++i)
            h += field(std::to_string(fs), 8);
        for (int i = 0; i < ns; ++i)
            h += field("", 32);
        out.write(h.data(), std::streamsize(h.size()));
        std::vector<char> block(std::size_t(ns * fs * 2));
        for (std::size_t r = 0; r < records; ++r) {
            char* p2 = block.data();
            for (const auto& l : rec->leads)
                for (int i = 0; i < fs; ++i) {
                    const double v = l.samples[r * fs + std::size_t(i)];
                    const long d = std::clamp(std::lround((v + 10.0) * 65535.0 / 20.0 - 32768.0),
                                              -32768L, 32767L);
                    *p2++ = char(d & 0xFF);
                    *p2++ = char((d >> 8) & 0xFF);
                }
            out.write(block.data(), std::streamsize(block.size()));
        }
        return p;
    }();
    return path;
}

struct Cleanup
{
    ~Cleanup()
    {
        std::remove(("/tmp/ecglens_bench_24h_" + std::to_string(getpid()) + ".edf").c_str());
    }
} cleanup;

void BM_GenerateDemo24h(benchmark::State& state)
{
    for (auto _ : state) {
        auto rec = ecglens::io::open(kSpec);
        benchmark::DoNotOptimize(rec->leads[0].samples.data());
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * 86400 * 250 * 3);
}
BENCHMARK(BM_GenerateDemo24h)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_ReadEdfFile(benchmark::State& state)
{
    const std::string path = edfPath();
    const auto bytes = std::filesystem::file_size(path);
    for (auto _ : state) {
        std::ifstream in(path, std::ios::binary);
        std::vector<char> buf(bytes);
        in.read(buf.data(), std::streamsize(bytes));
        benchmark::DoNotOptimize(buf.data());
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes));
}
BENCHMARK(BM_ReadEdfFile)->Unit(benchmark::kMillisecond);

/// The readers' amplitude check over 24 h of 3 leads at 250 Hz (64.8 million samples), as
/// `io::open` runs it on every file: core/peak.h against the plain loop it replaced (baseline).
const std::vector<float>& peakSamples()
{
    static const std::vector<float> v = [] {
        std::vector<float> s(std::size_t(86400) * 250 * 3);
        std::uint32_t x = 20261206;
        for (float& f : s) {
            x = x * 1664525u + 1013904223u; // LCG: reproducible, no library
            f = float(std::int32_t(x >> 8) - (1 << 23)) * 1e-6f;
        }
        s[s.size() / 2] = std::numeric_limits<float>::quiet_NaN(); // a gap, as readers mark them
        return s;
    }();
    return v;
}

void BM_PeakAbsPlainLoop(benchmark::State& state)
{
    const std::vector<float>& s = peakSamples();
    for (auto _ : state) {
        float peak = 0.0f;
        for (const float v : s)
            if (std::isfinite(v))
                peak = std::max(peak, std::abs(v));
        benchmark::DoNotOptimize(peak);
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(s.size()));
}
BENCHMARK(BM_PeakAbsPlainLoop)->Unit(benchmark::kMillisecond);

void BM_PeakAbsFinite(benchmark::State& state)
{
    const std::vector<float>& s = peakSamples();
    for (auto _ : state)
        benchmark::DoNotOptimize(ecglens::peakAbsFinite(s.data(), s.size()));
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(s.size()));
}
BENCHMARK(BM_PeakAbsFinite)->Unit(benchmark::kMillisecond);

void BM_OpenEdf24h(benchmark::State& state)
{
    const std::string path = edfPath();
    ecglens::bench::runOpenBenchmark(state, path, {}, std::filesystem::file_size(path) - 256 * 4);
}
BENCHMARK(BM_OpenEdf24h)->Unit(benchmark::kMillisecond);

// What a worklist row costs: the header-only summary (io::describe) and the SHA-256 of the
// file that keys its review, against the plain read above.
void BM_DescribeEdf24h(benchmark::State& state)
{
    const std::string path = edfPath();
    const long long before = ecglens::bench::residentBytes();
    for (auto _ : state) {
        auto s = ecglens::io::describe(path);
        if (!s.ok()) {
            state.SkipWithError(s.error().c_str());
            return;
        }
        benchmark::DoNotOptimize(s->durationS);
    }
    state.counters["added_MB"] = double(ecglens::bench::residentBytes() - before) / 1e6;
}
BENCHMARK(BM_DescribeEdf24h)->Unit(benchmark::kMillisecond);

void BM_Sha256Edf24h(benchmark::State& state)
{
    const std::string path = edfPath();
    const auto bytes = std::filesystem::file_size(path);
    for (auto _ : state) {
        auto h = ecglens::sha256File(path);
        benchmark::DoNotOptimize(h);
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(bytes));
}
BENCHMARK(BM_Sha256Edf24h)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
