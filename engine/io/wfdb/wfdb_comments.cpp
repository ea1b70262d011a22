#include "core/text.h"
#include "io/wfdb/wfdb_header.h"

#include <algorithm>
#include <cctype>

namespace ecglens::io::wfdb {

namespace {

bool isUnknownValue(const std::string& v)
{
    const std::string l = lowercased(trimmed(v));
    return l.empty() || l == "?" || l == "??" || l == "n/a" || l == "na" || l == "nan" ||
           l == "unknown" || l == "(none)" || l == "none";
}

void setAge(const std::string& value, Patient& p)
{
    std::string v = trimmed(value);
    if (!v.empty() && v[0] == '>')
        v.erase(0, 1);
    double age = 0;
    if (!isUnknownValue(v) && parseDouble(v, age) && age >= 0 && age < 150)
        p.ageYears = age;
}

void setSex(const std::string& value, Patient& p)
{
    const std::string v = lowercased(trimmed(value));
    if (v == "m" || v == "male")
        p.sex = Sex::Male;
    else if (v == "f" || v == "female")
        p.sex = Sex::Female;
}

void addStatement(Recording& r, std::string code, std::string text)
{
    Statement s;
    s.code = std::move(code);
    s.text = std::move(text);
    r.statements.push_back(std::move(s));
}

/// "<age>: 25  <sex>: M  <diagnoses>: (none)": LUDB and some PhysioNet headers put several
/// angle-bracketed keys on one line. Returns false if the line has none.
bool parseBracketedPairs(const std::string& line,
                         std::vector<std::pair<std::string, std::string>>& out)
{
    std::size_t pos = line.find('<');
    if (pos == std::string::npos)
        return false;
    while (pos != std::string::npos) {
        const std::size_t close = line.find(">:", pos);
        if (close == std::string::npos)
            break;
        const std::string key = lowercased(trimmed(line.substr(pos + 1, close - pos - 1)));
        const std::size_t next = line.find('<', close + 2);
        out.emplace_back(key, trimmed(line.substr(
                                  close + 2, next == std::string::npos ? next : next - close - 2)));
        pos = next;
    }
    return !out.empty();
}

} // namespace

void applyHeaderComments(const std::vector<std::string>& comments, Recording& r)
{
    bool mitDemographicsSeen = false;
    enum class Block { None, Ludb, Ptb } block = Block::None;
    for (const std::string& raw : comments) {
        const std::string line = trimmed(raw);
        if (line.empty()) {
            if (block == Block::Ptb)
                block = Block::None;
            continue;
        }
        r.notes.push_back(line);

        std::vector<std::pair<std::string, std::string>> pairs;
        if (parseBracketedPairs(line, pairs)) {
            block = Block::None;
            for (const auto& [key, value] : pairs) {
                if (key == "age")
                    setAge(value, r.patient);
                else if (key == "sex")
                    setSex(value, r.patient);
                else if (key == "diagnoses" || key == "diagnosis") {
                    if (isUnknownValue(value))
                        block =
                            pairs.size() == 1 && trimmed(value).empty() ? Block::Ludb : Block::None;
                    else
                        addStatement(r, "", value);
                }
            }
            continue;
        }
        if (block == Block::Ludb) {
            addStatement(r, "", line);
            continue;
        }

        // MIT-BIH: "69 M 1085 1629 x1" (age, sex, then recording details).
        if (!mitDemographicsSeen) {
            std::size_t i = 0;
            while (i < line.size() &&
                   (std::isdigit(static_cast<unsigned char>(line[i])) || line[i] == '?'))
                ++i;
            if (i > 0 && i <= 3 && i + 1 < line.size() && line[i] == ' ') {
                const char sex = line[i + 1];
                const bool endOfToken = i + 2 == line.size() || line[i + 2] == ' ';
                if ((sex == 'M' || sex == 'F' || sex == '?') && endOfToken) {
                    mitDemographicsSeen = true;
                    setAge(line.substr(0, i), r.patient);
                    setSex(std::string(1, sex), r.patient);
                    continue;
                }
            }
        }

        const std::size_t colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        const std::string key = lowercased(trimmed(line.substr(0, colon)));
        const std::string value = trimmed(line.substr(colon + 1));
        if (block == Block::Ptb) {
            if (!isUnknownValue(value) && lowercased(value) != "no")
                addStatement(r, "", line);
            continue;
        }
        if (key == "age")
            setAge(value, r.patient);
        else if (key == "sex")
            setSex(value, r.patient);
        else if (key == "dx") {
            // PhysioNet/CinC 2020-21: comma-separated SNOMED CT codes.
            std::size_t start = 0;
            while (start <= value.size()) {
                std::size_t comma = value.find(',', start);
                if (comma == std::string::npos)
                    comma = value.size();
                const std::string code = trimmed(value.substr(start, comma - start));
                if (!code.empty())
                    addStatement(r, code, "");
                start = comma + 1;
            }
        } else if (key == "diagnose" || key == "diagnoses" || key == "diagnosis") {
            if (value.empty())
                block = Block::Ptb;
            else if (!isUnknownValue(value))
                addStatement(r, "", value);
        }
    }
}

} // namespace ecglens::io::wfdb
