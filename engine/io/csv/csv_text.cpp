#include "csv_text.h"
#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace ecglens::io::csv {

namespace {

std::size_t countOutsideQuotes(std::string_view line, char c)
{
    std::size_t n = 0;
    bool quoted = false;
    for (char ch : line) {
        if (ch == '"')
            quoted = !quoted;
        else if (ch == c && !quoted)
            ++n;
    }
    return n;
}

} // namespace

const char* delimiterName(const Dialect& d)
{
    switch (d.delimiter) {
    case ',':
        return "comma";
    case ';':
        return "semicolon";
    case '\t':
        return "tab";
    default:
        return "whitespace";
    }
}

Dialect detectDialect(std::string_view header, std::string_view firstData)
{
    Dialect d;
    const char candidates[] = {'\t', ';', ','};
    bool found = false;
    for (char c : candidates) {
        const std::size_t h = countOutsideQuotes(header, c);
        if (h == 0)
            continue;
        if (firstData.empty() || countOutsideQuotes(firstData, c) == h) {
            d.delimiter = c;
            found = true;
            break;
        }
    }
    if (!found) {
        std::size_t best = 0;
        for (char c : candidates) {
            const std::size_t h = countOutsideQuotes(header, c);
            if (h > best) {
                best = h;
                d.delimiter = c;
                found = true;
            }
        }
    }
    if (!found) {
        // Whitespace-separated only when the data has several values too: a single column
        // may have a header like "II (mV)".
        const std::string data = trimmed(firstData);
        const bool spaced = header.find_first_of(" \t") != std::string_view::npos &&
                            (firstData.empty() || data.find_first_of(" \t") != std::string::npos);
        d.delimiter = spaced ? ' ' : ',';
    }
    d.decimalComma = d.delimiter != ',' && firstData.find(',') != std::string_view::npos;
    return d;
}

std::vector<Cell> splitLine(std::string_view line, const Dialect& d)
{
    std::vector<Cell> cells;
    if (d.delimiter == ' ') {
        std::size_t i = 0;
        while (i < line.size()) {
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
                ++i;
            std::size_t j = i;
            while (j < line.size() && line[j] != ' ' && line[j] != '\t')
                ++j;
            if (j > i)
                cells.push_back({std::string(line.substr(i, j - i))});
            i = j;
        }
        return cells;
    }
    std::string cur;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cur += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cur += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == d.delimiter) {
            cells.push_back({trimmed(cur)});
            cur.clear();
        } else {
            cur += c;
        }
    }
    cells.push_back({trimmed(cur)});
    return cells;
}

std::optional<double> parseNumber(const std::string& text, bool decimalComma)
{
    if (text.empty() || text.size() > 64)
        return std::nullopt;
    char buf[72];
    std::size_t n = 0;
    for (char c : text)
        buf[n++] = (decimalComma && c == ',') ? '.' : c;
    const char* b = buf;
    const char* e = buf + n;
    if (*b == '+')
        ++b;
    double v = 0;
    const auto [ptr, ec] = std::from_chars(b, e, v);
    if (ec != std::errc() || ptr != e || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::string normaliseUnit(const std::string& unit)
{
    const std::string u = lowercased(unit);
    if (u == "mv" || u == "millivolt" || u == "millivolts")
        return "mV";
    if (u == "uv" || u == "\xc2\xb5v" || u == "\xce\xbcv" || u == "microvolt" || u == "microvolts")
        return "uV";
    if (u == "v" || u == "volt" || u == "volts")
        return "V";
    if (u == "s" || u == "sec" || u == "seconds")
        return "s";
    if (u == "ms" || u == "milliseconds")
        return "ms";
    return {};
}

void splitUnit(const std::string& header, std::string& name, std::string& unit)
{
    name = trimmed(header);
    unit.clear();
    // "name (unit)" / "name [unit]"
    if (!name.empty() && (name.back() == ')' || name.back() == ']')) {
        const char open = name.back() == ')' ? '(' : '[';
        const std::size_t at = name.rfind(open);
        if (at != std::string::npos) {
            const std::string inside =
                trimmed(std::string_view(name).substr(at + 1, name.size() - at - 2));
            const std::string known = normaliseUnit(inside);
            unit = known.empty() ? inside : known;
            name = trimmed(std::string_view(name).substr(0, at));
            return;
        }
    }
    // "name_unit" / "name unit" with a known unit
    const std::size_t sep = name.find_last_of("_ ");
    if (sep != std::string::npos && sep > 0) {
        const std::string known = normaliseUnit(name.substr(sep + 1));
        if (!known.empty()) {
            unit = known;
            name = trimmed(std::string_view(name).substr(0, sep));
        }
    }
}

} // namespace ecglens::io::csv
