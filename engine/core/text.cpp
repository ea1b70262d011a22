#include "core/text.h"

#include <algorithm>
#include <cctype>

namespace ecglens {

std::string trimmed(std::string_view s)
{
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    return std::string(s.substr(b, e - b));
}

std::string lowercased(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string uppercased(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(std::toupper(c)); });
    return s;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator)
{
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out.append(i ? separator : std::string_view()).append(parts[i]);
    return out;
}

namespace {

/// Length of the UTF-8 sequence at s[i] (1-4), or 0 when it is not well formed (overlong forms,
/// surrogates and code points above U+10FFFF are not).
std::size_t utf8SequenceLength(std::string_view s, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80)
        return 1;
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF; // range of the second byte
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    } else
        return 0;
    if (i + n > s.size() || byte(i + 1) < lo || byte(i + 1) > hi)
        return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF)
            return 0;
    return n;
}

bool isUtf8(std::string_view s)
{
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8SequenceLength(s, i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

} // namespace

std::string displayText(std::string_view raw, std::size_t maxBytes)
{
    std::string utf8;
    if (isUtf8(raw)) {
        utf8 = raw;
    } else {
        for (const char ch : raw) {
            const auto c = static_cast<unsigned char>(ch);
            if (c < 0x80) {
                utf8.push_back(ch);
            } else {
                utf8.push_back(char(0xC0 | (c >> 6)));
                utf8.push_back(char(0x80 | (c & 0x3F)));
            }
        }
    }
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t n = utf8SequenceLength(utf8, i);
        const auto c = static_cast<unsigned char>(utf8[i]);
        // C0 controls, DEL and the C1 controls (U+0080-U+009F, two bytes C2 80-9F) separate.
        const bool control =
            c < 0x20 || c == 0x7F ||
            (n == 2 && c == 0xC2 && static_cast<unsigned char>(utf8[i + 1]) < 0xA0);
        if (control || c == ' ') {
            space = !out.empty();
        } else {
            const std::size_t needed = n + (space ? 1 : 0);
            if (out.size() + needed > maxBytes)
                break;
            if (space)
                out.push_back(' ');
            out.append(utf8, i, n);
            space = false;
        }
        i += n;
    }
    return out;
}

std::string personName(std::string_view family, std::string_view given, std::string_view middle,
                       std::string_view prefix, std::string_view suffix)
{
    std::string first;
    for (std::string_view part : {prefix, given, middle}) {
        const std::string t = trimmed(part);
        if (!t.empty())
            first += (first.empty() ? "" : " ") + t;
    }
    std::string out = trimmed(family);
    for (const std::string& t : {first, trimmed(suffix)})
        if (!t.empty())
            out += (out.empty() ? "" : ", ") + t;
    return out;
}

} // namespace ecglens
