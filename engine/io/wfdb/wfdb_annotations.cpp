#include "io/messages.h"
#include "io/readers.h"
#include "io/wfdb/wfdb_header.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

namespace ecglens::io {

namespace fs = std::filesystem;

namespace {

/// MIT annotation codes (WFDB ecgcodes.h) and their mnemonics.
std::string mnemonic(int code)
{
    static const char* const kCodes[] = {
        "",  "N",    "L", "R",    "a", "V", "F", "J", "A",  "S", "E", "j", "/", "Q",
        "~", "[15]", "|", "[17]", "s", "T", "*", "D", "\"", "=", "p", "B", "^", "t",
        "+", "u",    "?", "!",    "[", "]", "e", "n", "@",  "x", "f", "(", ")", "r"};
    if (code >= 0 && code < int(sizeof kCodes / sizeof kCodes[0]))
        return kCodes[code];
    return "[" + std::to_string(code) + "]";
}

constexpr int kSkip = 59;
constexpr int kNum = 60;
constexpr int kSub = 61;
constexpr int kChn = 62;
constexpr int kAux = 63;
constexpr int kNote = 22;

} // namespace

Result<std::vector<Annotation>> readWfdbAnnotations(const std::string& recordPath,
                                                    const std::string& ext, double fsHz)
{
    using R = Result<std::vector<Annotation>>;
    fs::path base(recordPath);
    std::string e = base.extension().string();
    std::transform(e.begin(), e.end(), e.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (e == ".hea")
        base.replace_extension();
    const std::string annPath = base.string() + "." + ext;
    if (fsHz <= 0) {
        auto h = wfdb::readHeaderFile(base.string() + ".hea");
        if (!h)
            return R::failure(h.errorMessage() ? messages::quoting(messages::kWfdbAnnotationsHeader,
                                                                   {annPath}, *h.errorMessage())
                                               : makeMessage(messages::kWfdbAnnotationsHeader,
                                                             {annPath, h.error()}));
        fsHz = h->fsHz;
    }
    std::ifstream in(annPath, std::ios::binary);
    if (!in)
        return R::failure(makeMessage(messages::kWfdbAnnotationsUnopenable, {annPath}));
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
    if (bytes.size() > (std::size_t(1) << 31))
        return R::failure(makeMessage(messages::kWfdbAnnotationsTooLarge, {annPath}));

    std::vector<Annotation> out;
    std::int64_t time = 0;
    int num = 0, chan = 0;
    bool haveCurrent = false;
    double timeScale = 1.0; // annotation ticks -> record samples ("## time resolution")
    std::size_t i = 0;
    auto word = [&](std::size_t at) { return std::uint16_t(bytes[at] | (bytes[at + 1] << 8)); };
    while (i + 1 < bytes.size()) {
        const std::uint16_t w = word(i);
        i += 2;
        const int a = w >> 10;
        const int value = w & 0x3FF;
        if (a == 0 && value == 0)
            break; // end of file
        switch (a) {
        case kSkip: {
            if (i + 3 >= bytes.size())
                return R::failure(makeMessage(messages::kWfdbAnnotationsSkipCut, {annPath}));
            // PDP-11 long: high 16-bit word first, each word little-endian.
            const std::uint32_t hi = word(i), lo = word(i + 2);
            time += std::int32_t((hi << 16) | lo);
            i += 4;
            continue;
        }
        case kNum:
            num = value >= 512 ? value - 1024 : value;
            if (haveCurrent)
                out.back().num = num;
            continue;
        case kSub:
            if (haveCurrent)
                out.back().subtype = value >= 512 ? value - 1024 : value;
            continue;
        case kChn:
            chan = value;
            continue;
        case kAux: {
            if (i + std::size_t(value) > bytes.size())
                return R::failure(makeMessage(messages::kWfdbAnnotationsAuxCut, {annPath}));
            std::string aux(reinterpret_cast<const char*>(bytes.data() + i), std::size_t(value));
            const std::size_t nul = aux.find('\0');
            if (nul != std::string::npos)
                aux.resize(nul);
            i += std::size_t(value) + (value & 1);
            if (!haveCurrent)
                continue;
            Annotation& cur = out.back();
            cur.text = wfdb::toUtf8(aux);
            // A note at time 0 "## time resolution: 1000" gives the tick rate of the file.
            static const std::string kRes = "## time resolution: ";
            if (cur.code == "\"" && cur.sample == 0 && cur.text.rfind(kRes, 0) == 0) {
                double res = 0;
                if (wfdb::parseDouble(cur.text.substr(kRes.size()), res) && res > 0)
                    timeScale = fsHz / res;
                out.pop_back();
                haveCurrent = false;
            }
            continue;
        }
        default:
            break;
        }
        // An annotation: 'a' is its type, 'value' the time since the previous one.
        time += value;
        Annotation ann;
        ann.sample = std::int64_t(double(time) * timeScale + 0.5);
        ann.timeS = double(time) * timeScale / fsHz;
        ann.code = mnemonic(a);
        ann.num = num;
        ann.lead = -1;
        ann.source = ext;
        (void)chan;
        (void)kNote;
        out.push_back(std::move(ann));
        haveCurrent = true;
    }
    return out;
}

} // namespace ecglens::io
