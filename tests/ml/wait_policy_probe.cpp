// Probe for tst_ml_core::passiveWaitingRestart: calls ml::preferPassiveThreadWaiting() as the
// programs do, then prints what the *loaded image* was started with (/proc/self/environ: what
// libgomp saw when it initialised, unlike getenv(), which setenv() alone would satisfy), the
// pid and the arguments, one per line.
#include "ml/thread_waiting.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

int main(int argc, char** argv)
{
    ecglens::ml::preferPassiveThreadWaiting(argv);
    std::ifstream env("/proc/self/environ", std::ios::binary);
    const std::string all((std::istreambuf_iterator<char>(env)), std::istreambuf_iterator<char>());
    std::string policy = "(unset)";
    for (std::size_t at = 0; at < all.size();) {
        const std::size_t end = all.find('\0', at);
        const std::string kv = all.substr(at, end == std::string::npos ? end : end - at);
        if (kv.rfind("OMP_WAIT_POLICY=", 0) == 0)
            policy = kv.substr(16);
        if (end == std::string::npos)
            break;
        at = end + 1;
    }
    std::printf("start-environment OMP_WAIT_POLICY=%s\n", policy.c_str());
    for (int i = 1; i < argc; ++i)
        std::printf("arg %s\n", argv[i]);
    return 0;
}
