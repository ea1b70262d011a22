// Fuzz target: the CSV/text reader on arbitrary bytes. Odd-sized inputs are opened with an
// explicit sampling rate and unit, even-sized ones without (time column or error path).

#include "io/open.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const std::string path = "/tmp/ecglens_fuzz_csv_" + std::to_string(getpid()) + ".csv";
    if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
    } else {
        return 0;
    }
    ecglens::io::OpenOptions options;
    options.maxTotalSamples = 20'000'000;
    if (size % 2 == 1) {
        options.fsHz = 250.0;
        options.unit = "uV";
    }
    const auto result = ecglens::io::open(path, options);
    if (result.ok()) {
        volatile double sum = 0;
        for (const auto& lead : result->leads)
            for (float v : lead.samples)
                sum = sum + v;
    }
    std::remove(path.c_str());
    return 0;
}
