// Probe for tst_ml_core::libraryLoadingOnFirstUse: links Qt 6 Core and starts as ecglens and
// ecglens-cli do (ml::preferPassiveThreadWaiting(argv) first), reports which of the detector's
// libraries are mapped, opens those named in argv[1] ("torch", "xgboost" or "torch,xgboost"),
// reports again and prints the further arguments. With OMP_DISPLAY_ENV=VERBOSE, libgomp prints the
// wait policy and spin count it read whenever it is loaded.
#include "ml/classical.h"
#include "ml/net.h"
#include "ml/shared_library.h"
#include "ml/thread_waiting.h"

#include <QtGlobal>

#include <cstdio>
#include <string>

namespace {

void report(const char* when)
{
    std::printf("%s openmp=%s torch=%s xgboost=%s\n", when,
                ecglens::ml::openMpRuntimeLoaded() ? "yes" : "no",
                ecglens::ml::sharedLibraryMapped("libtorch_cpu.so") ? "yes" : "no",
                ecglens::ml::sharedLibraryMapped("libxgboost.so") ? "yes" : "no");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    ecglens::ml::preferPassiveThreadWaiting(argv);
    std::printf("Qt %s\n", qVersion()); // linked like the programs (Qt 6 Core loads libgomp)
    report("start");
    const std::string which = argc > 1 ? argv[1] : "";
    if (which.find("torch") != std::string::npos)
        if (auto ok = ecglens::ml::Net::backendAvailable(); !ok) {
            std::printf("error %s\n", ok.error().c_str());
            return 1;
        }
    if (which.find("xgboost") != std::string::npos)
        if (auto ok = ecglens::ml::XgbBooster::libraryAvailable(); !ok) {
            std::printf("error %s\n", ok.error().c_str());
            return 1;
        }
    report("after");
    for (int i = 2; i < argc; ++i) // the arguments survive the restart
        std::printf("arg %s\n", argv[i]);
    return 0;
}
