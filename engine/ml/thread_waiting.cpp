#include "ml/thread_waiting.h"

#include <cstdlib>

#if defined(__linux__)
#include <unistd.h>
#endif

namespace ecglens::ml {

void preferPassiveThreadWaiting(char** argv)
{
#if defined(__linux__)
    if (argv == nullptr || argv[0] == nullptr || std::getenv("OMP_WAIT_POLICY") != nullptr)
        return;
    if (setenv("OMP_WAIT_POLICY", "PASSIVE", 1) != 0)
        return;
    execv("/proc/self/exe", argv);
    // Still here: the restart failed (no /proc). The variable stays set for child processes;
    // this process keeps libgomp's default, which is slower only on a busy machine.
#else
    (void)argv;
#endif
}

} // namespace ecglens::ml
