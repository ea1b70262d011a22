// PTB-XL (Wagner et al. 2020): demographics and SCP statements live in ptbxl_database.csv,
// not in the WFDB headers. The CSV (21,799 rows in the full set) is parsed once per process
// and folder, then looked up by the record's relative path (filename_lr / filename_hr).

#include "io/messages.h"
#include "io/wfdb/wfdb_record.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace ecglens::io::wfdb {

namespace fs = std::filesystem;

namespace {

struct PtbxlRow
{
    std::string patientId;
    std::string age;
    std::string sex;
    std::string scpCodes;
    std::string recordingDate;
};

struct PtbxlIndex
{
    std::unordered_map<std::string, std::shared_ptr<const PtbxlRow>>
        byFile;                                                ///< "records100/00000/00001_lr"
    std::unordered_map<std::string, std::string> descriptions; ///< SCP code -> text
};

/// RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines.
template <typename RowFn> void parseCsv(const std::string& text, RowFn onRow)
{
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            row.push_back(std::move(field));
            field.clear();
            onRow(row);
            row.clear();
        } else {
            field += c;
        }
    }
    if (!field.empty() || !row.empty()) {
        row.push_back(std::move(field));
        onRow(row);
    }
}

std::string readText(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

std::shared_ptr<const PtbxlIndex> loadIndex(const fs::path& csv)
{
    auto index = std::make_shared<PtbxlIndex>();
    std::map<std::string, std::size_t> col;
    bool header = true;
    parseCsv(readText(csv), [&](const std::vector<std::string>& row) {
        if (header) {
            for (std::size_t i = 0; i < row.size(); ++i)
                col[row[i]] = i;
            header = false;
            return;
        }
        auto get = [&](const char* name) -> std::string {
            auto it = col.find(name);
            return it != col.end() && it->second < row.size() ? row[it->second] : std::string();
        };
        auto r = std::make_shared<PtbxlRow>();
        r->patientId = get("patient_id");
        r->age = get("age");
        r->sex = get("sex");
        r->scpCodes = get("scp_codes");
        r->recordingDate = get("recording_date");
        for (const char* key : {"filename_lr", "filename_hr"}) {
            const std::string f = get(key);
            if (!f.empty())
                index->byFile[f] = r;
        }
    });
    const fs::path statements = csv.parent_path() / "scp_statements.csv";
    std::error_code ec;
    if (fs::is_regular_file(statements, ec)) {
        header = true;
        std::size_t descCol = 1;
        parseCsv(readText(statements), [&](const std::vector<std::string>& row) {
            if (header) {
                for (std::size_t i = 0; i < row.size(); ++i)
                    if (row[i] == "description")
                        descCol = i;
                header = false;
                return;
            }
            if (!row.empty() && descCol < row.size())
                index->descriptions[row[0]] = row[descCol];
        });
    }
    return index;
}

/// One parse per CSV per process; later opens share it.
std::shared_ptr<const PtbxlIndex> cachedIndex(const fs::path& csv)
{
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const PtbxlIndex>> cache;
    std::error_code ec;
    const std::string key = fs::weakly_canonical(csv, ec).string() + "|" +
                            std::to_string(fs::last_write_time(csv, ec).time_since_epoch().count());
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(key);
    if (it != cache.end())
        return it->second;
    auto index = loadIndex(csv);
    cache[key] = index;
    return index;
}

std::string stripDotZero(std::string s)
{
    const std::size_t dot = s.find('.');
    if (dot != std::string::npos && s.find_first_not_of('0', dot + 1) == std::string::npos)
        s.resize(dot);
    return s;
}

/// "{'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}" -> code/likelihood pairs.
std::vector<std::pair<std::string, double>> parseScpCodes(const std::string& s)
{
    std::vector<std::pair<std::string, double>> out;
    std::size_t i = 0;
    while ((i = s.find('\'', i)) != std::string::npos) {
        const std::size_t end = s.find('\'', i + 1);
        if (end == std::string::npos)
            break;
        const std::string code = s.substr(i + 1, end - i - 1);
        std::size_t v = s.find(':', end);
        if (v == std::string::npos)
            break;
        ++v;
        while (v < s.size() && s[v] == ' ')
            ++v;
        std::size_t ve = v;
        while (ve < s.size() && s[ve] != ',' && s[ve] != '}')
            ++ve;
        double likelihood = -1;
        if (!parseDouble(s.substr(v, ve - v), likelihood))
            likelihood = -1;
        out.emplace_back(code, likelihood);
        i = ve;
    }
    return out;
}

} // namespace

bool applyPtbxlIndex(const std::string& headerPath, Recording& rec)
{
    std::error_code ec;
    fs::path record = fs::absolute(headerPath, ec);
    record.replace_extension();
    fs::path dir = record.parent_path();
    for (int depth = 0; depth < 4 && !dir.empty(); ++depth, dir = dir.parent_path()) {
        const fs::path csv = dir / "ptbxl_database.csv";
        if (!fs::is_regular_file(csv, ec))
            continue;
        const auto index = cachedIndex(csv);
        const std::string rel = record.lexically_relative(dir).generic_string();
        auto it = index->byFile.find(rel);
        if (it == index->byFile.end()) {
            rec.warnings.push_back(makeMessage(messages::kPtbxlNotListed, {rel, csv.string()}));
            return true;
        }
        const PtbxlRow& row = *it->second;
        rec.patient.id = stripDotZero(row.patientId);
        double age = 0;
        if (parseDouble(row.age, age) && age >= 0) {
            if (age >= 300) {
                rec.patient.ageYears = 90;
                rec.notes.push_back(
                    "PTB-XL age 300: the patient was 90 years or older (age shown as 90).");
            } else {
                rec.patient.ageYears = age;
            }
        }
        const std::string sex = stripDotZero(row.sex);
        rec.patient.sex = sex == "0" ? Sex::Male : sex == "1" ? Sex::Female : Sex::Unknown;
        for (const auto& [code, likelihood] : parseScpCodes(row.scpCodes)) {
            Statement st;
            st.code = code;
            // PTB-XL sets the likelihood to 0 where it is unknown (nearly every rhythm
            // statement: "SR: 0.0"), which must not read as "0 %".
            st.likelihood = likelihood > 0 ? likelihood : -1;
            auto d = index->descriptions.find(code);
            if (d != index->descriptions.end())
                st.text = d->second;
            rec.statements.push_back(std::move(st));
        }
        // "1984-11-09 09:17:34"
        int y = 0, mo = 0, d = 0, hh = 0, mm = 0, ss = 0;
        if (std::sscanf(row.recordingDate.c_str(), "%d-%d-%d %d:%d:%d", &y, &mo, &d, &hh, &mm,
                        &ss) == 6) {
            DateTime dt;
            dt.date = Date{y, mo, d};
            dt.hour = hh;
            dt.minute = mm;
            dt.second = ss;
            dt.hasDate = true;
            rec.start = dt;
        }
        return true;
    }
    return false;
}

} // namespace ecglens::io::wfdb
