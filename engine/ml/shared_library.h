#pragma once

// Libraries the detector needs only when it runs (LibTorch through ECG Lens's own module,
// libxgboost for the measurement models) are opened on first use with dlopen instead of being
// linked: linked, they load with every start of the programs (about 280 shared libraries, 0.5 s
// and 165 MB before main(), even for `ecglens-cli info`).

#include "core/result.h"

#include <string>
#include <vector>

namespace ecglens::ml {

/// An opened shared library. Never closed: its code may still be referenced by objects with
/// static lifetime (LibTorch registers operators and allocators globally).
struct SharedLibrary
{
    void* handle = nullptr;
    std::string path; ///< the candidate that opened
};

/// Opens the first of `candidates` (file paths, or bare sonames searched by the dynamic loader)
/// that loads, with RTLD_NOW | RTLD_LOCAL. On failure the message names `what`, every candidate
/// with the loader's reason, and `remedy`.
Result<SharedLibrary> openSharedLibrary(const std::vector<std::string>& candidates,
                                        const std::string& what, const std::string& remedy);

/// The address of `name` in `library`, or nullptr.
void* librarySymbol(const SharedLibrary& library, const char* name);

/// Whether a shared library whose file name starts with `fileStart` (e.g. "libgomp.so") is
/// mapped into this process (Linux: /proc/self/maps); false where that cannot be told.
bool sharedLibraryMapped(const std::string& fileStart);

/// The folder of the running executable (Linux: /proc/self/exe), or empty.
std::string executableFolder();

} // namespace ecglens::ml
