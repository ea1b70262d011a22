// Runs a libFuzzer target without libFuzzer: every seed file as is, then deterministic
// mutations of each (truncation, bit flips, overwritten runs, appended garbage). A crash, hang
// or sanitizer report fails the test. Seeds are paths relative to --data (env ECGLENS_DATA wins).

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv)
{
    std::string dataDir;
    int mutations = 300;
    std::vector<std::string> seeds;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--data" && i + 1 < argc)
            dataDir = argv[++i];
        else if (a == "--mutations" && i + 1 < argc)
            mutations = std::atoi(argv[++i]);
        else
            seeds.push_back(a);
    }
    if (const char* env = std::getenv("ECGLENS_DATA"); env && *env)
        dataDir = env;
    if (seeds.empty()) {
        std::fprintf(stderr, "replay: no seed files given\n");
        return 1;
    }
    std::mt19937 rng(12345);
    long runs = 0;
    for (const std::string& rel : seeds) {
        const std::string path =
            (dataDir.empty() || rel.empty() || rel[0] == '/') ? rel : dataDir + "/" + rel;
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::fprintf(stderr,
                         "replay: seed %s not found. Put the shared data beside the checkout "
                         "(../shared/data) or set ECGLENS_DATA.\n",
                         path.c_str());
            return 1;
        }
        std::vector<uint8_t> seed((std::istreambuf_iterator<char>(in)), {});
        LLVMFuzzerTestOneInput(seed.data(), seed.size());
        ++runs;
        for (int m = 0; m < mutations; ++m) {
            std::vector<uint8_t> v = seed;
            switch (m % 4) {
            case 0: // truncate
                v.resize(v.empty() ? 0 : rng() % v.size());
                break;
            case 1: // flip bits
                for (int k = 0; k < 1 + int(rng() % 8) && !v.empty(); ++k)
                    v[rng() % v.size()] ^= uint8_t(1u << (rng() % 8));
                break;
            case 2: { // overwrite a run with one byte value (0x00, 0xFF, '9', ...)
                if (v.empty())
                    break;
                const uint8_t values[] = {0x00, 0xFF, '9', '-', ' ', 0x7F, 0x80};
                const size_t at = rng() % v.size();
                const size_t len = std::min<size_t>(v.size() - at, 1 + rng() % 64);
                std::memset(v.data() + at, values[rng() % sizeof values], len);
                break;
            }
            default: // append garbage
                for (int k = 0; k < 1 + int(rng() % 256); ++k)
                    v.push_back(uint8_t(rng()));
                break;
            }
            LLVMFuzzerTestOneInput(v.data(), v.size());
            ++runs;
        }
    }
    std::printf("replay: %ld inputs ran without a crash\n", runs);
    return 0;
}
