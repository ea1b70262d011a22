#include "edf_tal.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace ecglens::io::edf {

namespace {

/// "+12.5" / "-0.2" (a sign is mandatory for onsets); durations have no sign.
bool parseSeconds(const std::string& s, bool signRequired, double& out)
{
    if (s.empty())
        return false;
    std::size_t i = 0;
    if (s[0] == '+' || s[0] == '-')
        i = 1;
    else if (signRequired)
        return false;
    bool digit = false, dot = false;
    for (std::size_t k = i; k < s.size(); ++k) {
        if (std::isdigit(static_cast<unsigned char>(s[k])))
            digit = true;
        else if (s[k] == '.' && !dot)
            dot = true;
        else
            return false;
    }
    if (!digit)
        return false;
    out = std::strtod(s.c_str(), nullptr);
    return std::isfinite(out);
}

} // namespace

std::vector<Tal> parseTals(const char* data, std::size_t size, int& malformed)
{
    std::vector<Tal> tals;
    std::size_t pos = 0;
    while (pos < size) {
        if (data[pos] == '\0') { // padding between / after TALs
            ++pos;
            continue;
        }
        std::size_t end = pos;
        while (end < size && data[end] != '\0')
            ++end;
        const std::string tal(data + pos, end - pos);
        pos = end + 1;

        const std::size_t firstSep = tal.find('\x14');
        if (firstSep == std::string::npos) {
            ++malformed;
            continue;
        }
        const std::string timing = tal.substr(0, firstSep);
        Tal t;
        const std::size_t durSep = timing.find('\x15');
        const bool onsetOk = parseSeconds(timing.substr(0, durSep), true, t.onsetS);
        const bool durationOk = durSep == std::string::npos ||
                                parseSeconds(timing.substr(durSep + 1), false, t.durationS);
        if (!onsetOk || !durationOk) {
            ++malformed;
            continue;
        }
        std::size_t p = firstSep + 1;
        while (p < tal.size()) {
            std::size_t q = tal.find('\x14', p);
            if (q == std::string::npos)
                q = tal.size();
            if (q > p)
                t.texts.push_back(tal.substr(p, q - p));
            p = q + 1;
        }
        tals.push_back(std::move(t));
    }
    return tals;
}

} // namespace ecglens::io::edf
