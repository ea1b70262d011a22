#include "ml/ptbxl.h"

#include "io/open.h"
#include "ml/json_lite.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

namespace ecglens::ml {

namespace fs = std::filesystem;

std::vector<std::string> splitCsvLine(const std::string& line)
{
    std::vector<std::string> out;
    std::string cur;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cur.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cur.push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.push_back(cur);
            cur.clear();
        } else if (c != '\r') {
            cur.push_back(c);
        }
    }
    out.push_back(cur);
    return out;
}

std::string ptbxlFolder(const std::string& dataDir)
{
    if (fs::exists(fs::path(dataDir) / "ptbxl_database.csv"))
        return dataDir;
    return (fs::path(dataDir) / "ptbxl").string();
}

namespace {

/// Likelihood of `code` in a scp_codes dict text like "{'NORM': 100.0, 'SR': 0.0}"; -1 absent.
double scpLikelihood(const std::string& dict, const std::string& code)
{
    const std::string key = "'" + code + "'";
    const auto pos = dict.find(key);
    if (pos == std::string::npos)
        return -1;
    const auto colon = dict.find(':', pos + key.size());
    if (colon == std::string::npos)
        return -1;
    return std::strtod(dict.c_str() + colon + 1, nullptr);
}

/// The keys of a scp_codes dict text, in order.
std::vector<std::string> scpKeys(const std::string& dict)
{
    std::vector<std::string> keys;
    for (std::size_t pos = dict.find('\''); pos != std::string::npos;) {
        const auto end = dict.find('\'', pos + 1);
        if (end == std::string::npos)
            break;
        keys.push_back(dict.substr(pos + 1, end - pos - 1));
        // Skip the value: the next key starts after the next comma.
        const auto comma = dict.find(',', end);
        pos = comma == std::string::npos ? comma : dict.find('\'', comma);
    }
    return keys;
}

} // namespace

Result<std::map<std::string, std::string>> readScpSuperclasses(const std::string& dataDir)
{
    using R = Result<std::map<std::string, std::string>>;
    const std::string csv = (fs::path(ptbxlFolder(dataDir)) / "scp_statements.csv").string();
    std::ifstream in(csv);
    if (!in)
        return R::failure(csv + ": not found; it comes with PTB-XL beside ptbxl_database.csv");
    std::string line;
    std::getline(in, line);
    const auto header = splitCsvLine(line);
    std::size_t diagnostic = header.size(), cls = header.size();
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == "diagnostic")
            diagnostic = i;
        if (header[i] == "diagnostic_class")
            cls = i;
    }
    if (diagnostic == header.size() || cls == header.size())
        return R::failure(csv + ": columns \"diagnostic\" and \"diagnostic_class\" needed");
    std::map<std::string, std::string> out;
    while (std::getline(in, line)) {
        const auto f = splitCsvLine(line);
        if (f.size() <= std::max(diagnostic, cls))
            continue;
        if (std::strtod(f[diagnostic].c_str(), nullptr) == 1.0 && !f[cls].empty())
            out[f[0]] = f[cls];
    }
    return out;
}

Result<std::vector<PtbxlEntry>> readPtbxlIndex(const std::string& dataDir)
{
    using R = Result<std::vector<PtbxlEntry>>;
    const std::string folder = ptbxlFolder(dataDir);
    const std::string csv = (fs::path(folder) / "ptbxl_database.csv").string();
    std::ifstream in(csv);
    if (!in)
        return R::failure(csv + ": not found; pass --data with the shared data folder or its "
                                "ptbxl subfolder");
    std::string line;
    std::getline(in, line);
    const auto header = splitCsvLine(line);
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < header.size(); ++i)
        col[header[i]] = i;
    for (const char* need : {"ecg_id", "age", "sex", "scp_codes", "strat_fold", "filename_lr"})
        if (!col.count(need))
            return R::failure(csv + ": column \"" + need + "\" missing");
    std::vector<PtbxlEntry> out;
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        const auto f = splitCsvLine(line);
        if (f.size() < header.size())
            return R::failure(csv + ": malformed line \"" + line.substr(0, 40) + "...\"");
        PtbxlEntry e;
        e.ecgId = std::atoi(f[col["ecg_id"]].c_str());
        e.fold = std::atoi(f[col["strat_fold"]].c_str());
        if (col.count("patient_id"))
            e.patientId = int(std::strtod(f[col["patient_id"]].c_str(), nullptr)); // "11498.0"
        const std::string age = f[col["age"]];
        if (!age.empty()) {
            e.ageYears = std::strtod(age.c_str(), nullptr);
            if (e.ageYears >= 300)
                e.ageYears = 90;
        }
        const std::string sex = f[col["sex"]];
        e.sex = sex == "0" ? Sex::Male : sex == "1" ? Sex::Female : Sex::Unknown;
        e.abnormal = !(scpLikelihood(f[col["scp_codes"]], "NORM") >= 50.0);
        e.scpCodes = scpKeys(f[col["scp_codes"]]);
        e.validatedByHuman =
            col.count("validated_by_human") && f[col["validated_by_human"]] == "True";
        e.recordPath = (fs::path(folder) / (f[col["filename_lr"]] + ".hea")).string();
        out.push_back(std::move(e));
    }
    return out;
}

Result<Window> loadPtbxlWindow(const PtbxlEntry& entry)
{
    io::OpenOptions options;
    options.loadAnnotations = false;
    auto rec = io::open(entry.recordPath, options);
    if (!rec)
        return Result<Window>::failure(rec.error());
    auto prepared = prepareSignal(*rec);
    if (!prepared)
        return Result<Window>::failure(entry.recordPath + ": " + prepared.error());
    return extractWindow(*prepared, 0);
}

const char* ageGroup(double age)
{
    if (age < 0 || !std::isfinite(age))
        return "unknown";
    if (age < 40)
        return "<40";
    if (age < 65)
        return "40-64";
    return ">=65";
}

} // namespace ecglens::ml
