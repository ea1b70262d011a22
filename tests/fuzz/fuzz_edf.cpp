// Fuzz target: the EDF/EDF+/BDF reader on arbitrary bytes, through io::open (sniffing included),
// and the header-only summary (io::describe) against it.

#include "fuzz_invariants.h"
#include "io/open.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // The reader works on files; the first byte picks EDF or BDF naming (content decides anyway).
    const bool bdf = size > 0 && data[0] == 0xFF;
    const std::string path =
        ecglens::fuzz::writeInputFile("edf", bdf ? ".bdf" : ".edf", data, size);
    if (path.empty())
        return 0;
    ecglens::io::OpenOptions options;
    options.maxTotalSamples = 20'000'000; // keep mutated headers from asking for gigabytes
    const auto opened = ecglens::io::open(path, options);
    ecglens::fuzz::checkReaderResult(opened);
    ecglens::fuzz::checkSummaryAgrees(opened, ecglens::io::describe(path, options));
    std::remove(path.c_str());
    return 0;
}
