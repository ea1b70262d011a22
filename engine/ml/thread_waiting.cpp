#include "ml/thread_waiting.h"

#include "ml/shared_library.h"

#include <cstdlib>

#if defined(__linux__)
#include <unistd.h>
#endif

namespace ecglens::ml {

void preferPassiveThreadWaiting(char** argv)
{
#if defined(__linux__)
    if (std::getenv("OMP_WAIT_POLICY") != nullptr)
        return;
    if (setenv("OMP_WAIT_POLICY", "PASSIVE", 1) != 0)
        return;
    if (argv != nullptr && argv[0] != nullptr && openMpRuntimeLoaded()) {
        execv("/proc/self/exe", argv); // returns only on failure
    }
    // Still here: libgomp loads later and will read the variable, or the restart failed (no
    // /proc); then the variable stays set for child processes and this process keeps libgomp's
    // default, which is slower only on a busy machine.
#else
    (void)argv;
#endif
}

bool openMpRuntimeLoaded()
{
    return sharedLibraryMapped("libgomp.so");
}

} // namespace ecglens::ml
