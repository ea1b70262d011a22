// Fuzz target for the DICOM reader: parses the bytes in memory (no temporary file).

#include "fuzz_invariants.h"
#include "io/vendor/vendor_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    ecglens::io::OpenOptions options;
    options.maxTotalSamples = 50'000'000; // keep single inputs cheap
    ecglens::fuzz::checkReaderResult(
        ecglens::io::vendor::parseDicom(data, size, "fuzz.dcm", options));
    return 0;
}
