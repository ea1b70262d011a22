#pragma once

// Shared helpers for benchmarks: data folder and peak resident memory.

#include <cstdlib>
#include <fstream>
#include <string>

namespace ecglens::bench {

inline std::string dataDir()
{
    if (const char* env = std::getenv("ECGLENS_DATA"); env && *env)
        return env;
    return ECGLENS_DEFAULT_DATA_DIR;
}

/// Current resident set size in bytes (Linux /proc/self/statm).
inline long long residentBytes()
{
    std::ifstream statm("/proc/self/statm");
    long long pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * 4096;
}

/// Peak resident set size so far in bytes (VmHWM).
inline long long peakResidentBytes()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") {
            long long kb = 0;
            status >> kb;
            return kb * 1024;
        }
        std::getline(status, key);
    }
    return 0;
}

} // namespace ecglens::bench
