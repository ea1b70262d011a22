#pragma once

// The "open + decode a recording" benchmark body shared by the reader benchmarks: wall time of
// io::open, stored bytes per second, and the peak resident memory of the open relative to the
// float samples it produced (counter peak_over_floats; aim <= 1.5).

#include "io/open.h"

#include "bench_util.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <string>

namespace ecglens::bench {

/// Resets the kernel's peak-RSS counter (VmHWM) of this process.
inline void resetPeakResident()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

/// Times io::open(path, options) per iteration; storedBytes = the bytes the reader decodes.
inline void runOpenBenchmark(benchmark::State& state, const std::string& path,
                             const io::OpenOptions& options, std::uintmax_t storedBytes)
{
    double peakRatio = 0;
    for (auto _ : state) {
        state.PauseTiming();
        resetPeakResident();
        const long long before = residentBytes();
        state.ResumeTiming();
        auto rec = io::open(path, options);
        state.PauseTiming();
        if (!rec.ok()) {
            state.SkipWithError(rec.error().c_str());
            return;
        }
        double floatBytes = 0;
        for (const auto& lead : rec->leads)
            floatBytes += double(lead.samples.size() * sizeof(float));
        peakRatio = std::max(peakRatio, double(peakResidentBytes() - before) / floatBytes);
        benchmark::DoNotOptimize(rec->leads[0].samples.data());
        {
            auto gone = std::move(rec);
        } // free outside the timed region
        state.ResumeTiming();
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(storedBytes));
    state.counters["peak_over_floats"] = peakRatio;
}

} // namespace ecglens::bench
