// Fuzz target: the CSV/text reader on arbitrary bytes. Odd-sized inputs are opened with an
// explicit sampling rate and unit, even-sized ones without (time column or error path).

#include "fuzz_invariants.h"
#include "io/open.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string path = ecglens::fuzz::writeInputFile("csv", ".csv", data, size);
    if (path.empty())
        return 0;
    ecglens::io::OpenOptions options;
    options.maxTotalSamples = 20'000'000;
    if (size % 2 == 1) {
        options.fsHz = 250.0;
        options.unit = "uV";
    }
    ecglens::fuzz::checkReaderResult(ecglens::io::open(path, options));
    std::remove(path.c_str());
    return 0;
}
