#include "lead_names.h"

#include <algorithm>
#include <cctype>

namespace ecglens {

namespace {

std::string trim(const std::string& s)
{
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    return s.substr(b, e - b);
}

std::string upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(std::toupper(c)); });
    return s;
}

} // namespace

std::string normaliseLeadName(const std::string& name)
{
    const std::string trimmed = trim(name);
    std::string key = upper(trimmed);
    // Drop a "LEAD" prefix and separators: "Lead II", "LEAD_II", "lead-avr".
    if (key.rfind("LEAD", 0) == 0) {
        std::size_t i = 4;
        while (i < key.size() && (key[i] == ' ' || key[i] == '_' || key[i] == '-'))
            ++i;
        if (i < key.size())
            key = key.substr(i);
    }
    key.erase(std::remove_if(key.begin(), key.end(),
                             [](char c) { return c == ' ' || c == '_' || c == '-'; }),
              key.end());
    for (const char* standard : kStandardLeads)
        if (key == upper(standard))
            return standard;
    // Roman numerals written with digits ("1", "2", "3") are ambiguous with channel numbers,
    // so they are deliberately not mapped.
    return trimmed;
}

int standardLeadIndex(const std::string& normalisedName)
{
    for (std::size_t i = 0; i < kStandardLeads.size(); ++i)
        if (normalisedName == kStandardLeads[i])
            return int(i);
    return -1;
}

} // namespace ecglens
