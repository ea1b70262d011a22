// Fuzz target for the WFDB header parser, signal decoders and MIT annotation reader.
// Input: header text, optionally followed by a NUL byte and the signal-file bytes. Without a
// NUL (a plain .hea seed) the signal bytes are the input itself repeated to 6 KB, so every
// storage format sees data. Every file the header names is written with those bytes.

#include "fuzz_invariants.h"
#include "io/open.h"
#include "io/readers.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path& workDir()
{
    static const fs::path dir = [] {
        std::string tmpl = (fs::temp_directory_path() / "fuzz_wfdb_XXXXXX").string();
        if (!mkdtemp(tmpl.data()))
            std::abort();
        return fs::path(tmpl);
    }();
    return dir;
}

void writeFile(const fs::path& p, const char* data, std::size_t size)
{
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(data, std::streamsize(size));
}

bool safeName(const std::string& n)
{
    if (n.empty() || n.size() > 64 || n == "." || n == "..")
        return false;
    for (char c : n)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'))
            return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::size_t nul = input.find('\0');
    const std::string header = input.substr(0, nul);
    std::string signal;
    if (nul != std::string::npos) {
        signal = input.substr(nul + 1);
    } else {
        while (!input.empty() && signal.size() < 6144)
            signal += input;
        signal.resize(std::min<std::size_t>(signal.size(), 6144));
    }

    const fs::path& dir = workDir();
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        fs::remove(entry.path(), ec);
    writeFile(dir / "f.hea", header.data(), header.size());
    writeFile(dir / "f.atr", signal.data(), signal.size());
    // The first token of each line after the record line names a signal file or a segment.
    std::size_t pos = 0;
    int files = 0;
    bool first = true;
    while (pos < header.size() && files < 8) {
        std::size_t end = header.find('\n', pos);
        if (end == std::string::npos)
            end = header.size();
        const std::string line = header.substr(pos, end - pos);
        pos = end + 1;
        if (line.empty() || line[0] == '#')
            continue;
        if (first) {
            first = false;
            continue;
        }
        const std::string name = line.substr(0, line.find_first_of(" \t\r"));
        if (!safeName(name) || name == "f.hea")
            continue;
        writeFile(dir / name, signal.data(), signal.size());
        ++files;
    }

    ecglens::io::OpenOptions options;
    options.maxTotalSamples = 2'000'000; // keep each run small
    const std::string hea = (dir / "f.hea").string();
    const auto opened = ecglens::io::open(hea, options);
    ecglens::fuzz::checkReaderResult(opened);
    ecglens::fuzz::checkSummaryAgrees(opened, ecglens::io::describe(hea, options));
    (void)ecglens::io::readWfdbAnnotations((dir / "f.hea").string(), "atr", 250.0);
    return 0;
}
