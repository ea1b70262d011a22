#include "ml/shared_library.h"

#include <dlfcn.h>

#include <filesystem>
#include <fstream>
#include <system_error>

namespace ecglens::ml {

Result<SharedLibrary> openSharedLibrary(const std::vector<std::string>& candidates,
                                        const std::string& what, const std::string& remedy)
{
    std::string tried;
    for (const auto& candidate : candidates) {
        if (candidate.empty())
            continue;
        dlerror();
        if (void* h = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL))
            return SharedLibrary{h, candidate};
        const char* reason = dlerror();
        // The loader's message names the file ("PATH: cannot open shared object file: ...").
        tried += std::string(tried.empty() ? "" : "; ") +
                 (reason ? std::string(reason) : candidate + ": not loadable");
    }
    return Result<SharedLibrary>::failure(
        what + " could not be loaded. Tried: " + (tried.empty() ? std::string("nothing") : tried) +
        ". " + remedy);
}

void* librarySymbol(const SharedLibrary& library, const char* name)
{
    return library.handle ? dlsym(library.handle, name) : nullptr;
}

bool sharedLibraryMapped(const std::string& fileStart)
{
    std::ifstream maps("/proc/self/maps");
    const std::string needle = "/" + fileStart;
    std::string line;
    while (std::getline(maps, line))
        if (line.find(needle) != std::string::npos)
            return true;
    return false;
}

std::string executableFolder()
{
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : exe.parent_path().string();
}

} // namespace ecglens::ml
