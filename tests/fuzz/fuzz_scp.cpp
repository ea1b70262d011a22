// Fuzz target for the SCP reader: parses the bytes in memory (no temporary file) and
// checks the invariants every reader promises: an error message or a consistent recording.

#include "io/vendor/vendor_common.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    ecglens::io::OpenOptions options;
    options.maxTotalSamples = 50'000'000; // keep single inputs cheap
    auto r = ecglens::io::vendor::parseScp(data, size, "fuzz.scp", options);
    if (!r) {
        if (r.error().empty())
            std::abort(); // a failure must say why
        return 0;
    }
    for (const ecglens::Lead& lead : r->leads) {
        if (lead.gain == 0 || lead.name.empty())
            std::abort();
        for (std::size_t i = 0; i < lead.size(); i += 97)
            (void)lead.digitalAt(i);
    }
    (void)r->sampleCount();
    return 0;
}
