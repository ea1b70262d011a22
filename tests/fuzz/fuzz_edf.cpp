// Fuzz target: the EDF/EDF+/BDF reader on arbitrary bytes, through io::open (sniffing included).

#include "io/open.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // The reader works on files; the first byte picks EDF or BDF naming (content decides anyway).
    static const std::string base = "/tmp/ecglens_fuzz_edf_" + std::to_string(getpid());
    const std::string path = base + ((size > 0 && data[0] == 0xFF) ? ".bdf" : ".edf");
    if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
    } else {
        return 0;
    }
    ecglens::io::OpenOptions options;
    options.maxTotalSamples = 20'000'000; // keep mutated headers from asking for gigabytes
    const auto result = ecglens::io::open(path, options);
    if (result.ok()) {
        // Touch what a viewer would: every sample and annotation.
        volatile double sum = 0;
        for (const auto& lead : result->leads)
            for (float v : lead.samples)
                sum = sum + v;
        for (const auto& a : result->annotations)
            sum = sum + a.timeS;
    }
    std::remove(path.c_str());
    return 0;
}
