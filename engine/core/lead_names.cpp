#include "lead_names.h"
#include "core/text.h"

#include <algorithm>
#include <cctype>

namespace ecglens {

namespace {} // namespace

std::string normaliseLeadName(const std::string& name)
{
    const std::string bare = trimmed(name);
    std::string key = uppercased(bare);
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
        if (key == uppercased(standard))
            return standard;
    // Roman numerals written with digits ("1", "2", "3") are ambiguous with channel numbers,
    // so they are deliberately not mapped.
    return bare;
}

int standardLeadIndex(const std::string& normalisedName)
{
    for (std::size_t i = 0; i < kStandardLeads.size(); ++i)
        if (normalisedName == kStandardLeads[i])
            return int(i);
    return -1;
}

int analysisLeadIndex(const std::string& rawName)
{
    const std::string name = normaliseLeadName(rawName);
    if (const int idx = standardLeadIndex(name); idx >= 0)
        return idx;
    std::string upper;
    for (char c : name)
        upper.push_back(char(std::toupper(static_cast<unsigned char>(c))));
    if (upper == "MLII" || upper == "ML2")
        return 1;
    if (upper == "MLI" || upper == "ML1")
        return 0;
    if (upper == "MLIII" || upper == "ML3")
        return 2;
    // MV1..MV6 (MIT-BIH's modified chest leads) and MCL1..MCL6 (the monitoring leads with the
    // positive electrode at the chest position and the negative one below the left clavicle,
    // the usual bedside substitute for V1 and V6).
    const std::size_t prefix = upper.rfind("MV", 0) == 0 ? 2 : upper.rfind("MCL", 0) == 0 ? 3 : 0;
    if (prefix > 0 && upper.size() == prefix + 1 && upper[prefix] >= '1' && upper[prefix] <= '6')
        return 6 + (upper[prefix] - '1');
    return -1;
}

const std::vector<std::pair<std::string, std::string>>& contiguousLeadPairs()
{
    static const std::vector<std::pair<std::string, std::string>> pairs = {
        {"V1", "V2"},  {"V2", "V3"},  {"V3", "V4"},   {"V4", "V5"}, {"V5", "V6"},
        {"II", "III"}, {"II", "aVF"}, {"III", "aVF"}, {"I", "aVL"}};
    return pairs;
}

} // namespace ecglens
