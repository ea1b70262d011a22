// CSV / delimited text: a header row of lead names (one column per lead, e.g.
// "I,II,III,aVR,..."), an optional time column, `,` `;` tab or whitespace delimiters, decimal
// commas, units in the header ("II (mV)", "V1_uV", "[µV]") or from OpenOptions::unit.

#include "csv_text.h"
#include "io/messages.h"
#include "io/readers.h"

#include "core/lead_names.h"
#include "core/text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>

namespace ecglens::io {

namespace {

using csv::Cell;

enum class TimeKind { None, Seconds, Milliseconds, SampleNumber };

struct Column
{
    std::string original; ///< header text as written
    std::string name;     ///< without the unit
    std::string unit;     ///< from the header, normalised ("mV", "uV", "V", "s", "ms"), or ""
};

TimeKind timeKindOf(const Column& c)
{
    const std::string n = lowercased(c.name);
    if (n == "sample" || n == "samples" || n == "sample_index" || n == "index" || n == "n" ||
        n == "sample_number" || n == "sample #" || n == "sample#")
        return TimeKind::SampleNumber;
    if (n == "time_ms" || n == "t_ms" || n == "ms" || n == "milliseconds" ||
        ((n == "time" || n == "t") && c.unit == "ms"))
        return TimeKind::Milliseconds;
    if (n == "time" || n == "t" || n == "time_s" || n == "t_s" || n == "times" || n == "seconds" ||
        n == "sec" || n == "secs" || n == "elapsed time" || n == "elapsed_time" || n == "time (s)")
        return TimeKind::Seconds;
    return TimeKind::None;
}

std::string fmt(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

} // namespace

Result<Recording> readCsv(const std::string& path, const OpenOptions& options)
{
    auto fail = [&](const MessageTemplate& why, std::vector<std::string> values = {}) {
        return Result<Recording>::failure(messages::aboutFile(why, path, std::move(values)));
    };
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail(messages::kOpenUnopenable);
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0);
    if (size <= 0)
        return Result<Recording>::failure(makeMessage(messages::kOpenEmpty, {path}));
    // Every sample needs at least two characters ("0,"), so the text bounds the sample count.
    if (std::uint64_t(size) / 2 > options.maxTotalSamples * 4)
        return fail(messages::kCsvTooLarge, {std::to_string(size)});
    std::string text(std::size_t(size), '\0');
    in.read(text.data(), size);
    text.resize(std::size_t(in.gcount()));

    std::size_t pos = 0;
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        pos = 3; // UTF-8 byte order mark
    if (text.find('\0') != std::string::npos)
        return fail(messages::kCsvBinary);

    Recording rec;
    rec.sourcePath = path;
    rec.format = "CSV";

    // Lines: LF, CRLF or CR. Leading '#' lines are kept as notes.
    std::vector<std::pair<std::size_t, std::size_t>> lines; // [begin, end) per non-empty line
    std::vector<std::size_t> lineNumbers;
    {
        std::size_t lineNo = 0;
        while (pos < text.size()) {
            std::size_t end = text.find_first_of("\r\n", pos);
            if (end == std::string::npos)
                end = text.size();
            ++lineNo;
            std::size_t b = pos, e = end;
            while (b < e && (text[b] == ' ' || text[b] == '\t'))
                ++b;
            while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t'))
                --e;
            if (e > b) {
                if (lines.empty() && text[b] == '#')
                    rec.notes.push_back(text.substr(b + 1, e - b - 1));
                else {
                    lines.emplace_back(pos, end);
                    lineNumbers.push_back(lineNo);
                }
            }
            pos = end;
            if (pos < text.size() && text[pos] == '\r')
                ++pos;
            if (pos < text.size() && text[pos] == '\n')
                ++pos;
        }
    }
    if (lines.empty())
        return fail(messages::kCsvNoLines);
    auto lineText = [&](std::size_t i) {
        return std::string_view(text).substr(lines[i].first, lines[i].second - lines[i].first);
    };

    const csv::Dialect dialect =
        csv::detectDialect(lineText(0), lines.size() > 1 ? lineText(1) : std::string_view());
    std::vector<Cell> header = csv::splitLine(lineText(0), dialect);
    bool hasHeader = false;
    for (const Cell& c : header)
        if (!c.text.empty() && !csv::parseNumber(c.text, dialect.decimalComma).has_value())
            hasHeader = true;
    std::vector<Column> columns;
    if (hasHeader) {
        for (const Cell& c : header) {
            Column col;
            col.original = c.text;
            csv::splitUnit(c.text, col.name, col.unit);
            if (col.name.empty()) // e.g. an unnamed index column: "ch<n>" like headerless files
                col.name = "ch" + std::to_string(columns.size() + 1);
            columns.push_back(col);
        }
    } else {
        for (std::size_t i = 0; i < header.size(); ++i)
            columns.push_back({"", "ch" + std::to_string(i + 1), ""});
        rec.warnings.push_back(
            makeMessage(messages::kCsvNoHeader, {std::to_string(header.size())}));
    }
    // A trailing delimiter leaves an empty last header cell: drop it.
    while (!columns.empty() && columns.back().original.empty() && hasHeader)
        columns.pop_back();
    if (columns.empty())
        return fail(messages::kCsvNoColumns);
    const std::size_t firstData = hasHeader ? 1 : 0;
    const std::size_t rows = lines.size() - firstData;
    if (rows == 0)
        return fail(messages::kCsvNoRows);

    int timeColumn = -1;
    TimeKind timeKind = TimeKind::None;
    for (std::size_t i = 0; i < columns.size() && hasHeader; ++i) {
        const TimeKind k = timeKindOf(columns[i]);
        if (k != TimeKind::None) {
            timeColumn = int(i);
            timeKind = k;
            break;
        }
    }
    const std::size_t leadCount = columns.size() - (timeColumn >= 0 ? 1 : 0);
    if (leadCount == 0)
        return fail(messages::kCsvNoSignals);
    if (double(rows) * double(leadCount) > double(options.maxTotalSamples))
        return fail(messages::kCsvTooManySamples, {std::to_string(rows), std::to_string(leadCount),
                                                   std::to_string(options.maxTotalSamples)});

    std::vector<std::vector<float>> data(leadCount, std::vector<float>(rows));
    std::vector<double> times;
    if (timeColumn >= 0)
        times.resize(rows);
    std::size_t badCells = 0, shortRows = 0;
    // The first bad cell (line, quoted column name, quoted content) and the first short row
    // (line, values, columns), for the warnings.
    std::vector<std::string> firstBad, firstShort;
    std::vector<Cell> cells;
    for (std::size_t r = 0; r < rows; ++r) {
        const std::size_t li = firstData + r;
        cells = csv::splitLine(lineText(li), dialect);
        while (cells.size() > columns.size() && cells.back().text.empty())
            cells.pop_back(); // trailing delimiter
        if (cells.size() > columns.size())
            return fail(messages::kCsvRowTooLong,
                        {std::to_string(lineNumbers[li]), std::to_string(cells.size()),
                         std::to_string(columns.size())});
        if (cells.size() < columns.size() && shortRows++ == 0)
            firstShort = {std::to_string(lineNumbers[li]), std::to_string(cells.size()),
                          std::to_string(columns.size())};
        std::size_t lead = 0;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const bool present = c < cells.size();
            const std::optional<double> v =
                present ? csv::parseNumber(cells[c].text, dialect.decimalComma) : std::nullopt;
            if (present && !v && badCells++ == 0)
                firstBad = {std::to_string(lineNumbers[li]), "\"" + columns[c].original + "\"",
                            "\"" + cells[c].text.substr(0, 20) + "\""};
            if (int(c) == timeColumn) {
                if (!v)
                    return fail(messages::kCsvTimeMissing, {std::to_string(lineNumbers[li])});
                times[r] = *v;
                continue;
            }
            data[lead++][r] = v ? float(*v) : std::numeric_limits<float>::quiet_NaN();
        }
    }
    if (badCells > 0) {
        firstBad.insert(firstBad.begin(), std::to_string(badCells));
        rec.warnings.push_back(makeMessage(messages::kCsvBadCells, firstBad));
    }
    if (shortRows > 0) {
        firstShort.insert(firstShort.begin(), std::to_string(shortRows));
        rec.warnings.push_back(makeMessage(messages::kCsvShortRows, firstShort));
    }

    // Sampling rate: the time column (uniform spacing checked) or the option.
    double fs = 0.0;
    if (timeColumn >= 0 && timeKind != TimeKind::SampleNumber && rows >= 2) {
        const double scale = timeKind == TimeKind::Milliseconds ? 1e-3 : 1.0;
        const double step = (times.back() - times.front()) / double(rows - 1) * scale;
        if (!(step > 0))
            return fail(messages::kCsvTimeNotIncreasing,
                        {messages::quoted(columns[std::size_t(timeColumn)].original)});
        // Each interval against the typical (median) one; the rate itself comes from the whole
        // span, which is immune to the rounding of printed time stamps.
        std::vector<double> diffs(rows - 1);
        for (std::size_t r = 1; r < rows; ++r)
            diffs[r - 1] = times[r] - times[r - 1];
        std::nth_element(diffs.begin(), diffs.begin() + long(diffs.size() / 2), diffs.end());
        const double typical = diffs[diffs.size() / 2];
        diffs = {};
        for (std::size_t r = 1; r < rows; ++r) {
            const double d = times[r] - times[r - 1];
            if (std::abs(d - typical) > 0.25 * std::abs(typical)) {
                const std::vector<std::string> where{std::to_string(lineNumbers[firstData + r]),
                                                     fmt(times[r]), fmt(times[r - 1]),
                                                     fmt(typical)};
                if (!options.fsHz)
                    return fail(messages::kCsvTimeIrregular, where);
                rec.warnings.push_back(makeMessage(messages::kCsvTimeNotUniform, where));
                break;
            }
        }
        if (std::abs(typical * scale - step) > 0.01 * step) {
            const std::vector<std::string> steps{fmt(step / scale), fmt(typical)};
            if (!options.fsHz)
                return fail(messages::kCsvTimeGaps, steps);
            rec.warnings.push_back(makeMessage(messages::kCsvTimeStepDiffers, steps));
        }
        fs = 1.0 / step;
        const double rounded = std::round(fs);
        if (std::abs(fs - rounded) < 1e-3 * fs)
            fs = rounded;
        rec.notes.push_back("Sampling rate " + fmt(fs) + " Hz from the time column \"" +
                            columns[std::size_t(timeColumn)].original + "\".");
    }
    if (options.fsHz) {
        if (!(*options.fsHz > 0) || !std::isfinite(*options.fsHz))
            return fail(messages::kCsvRateNotPositive, {fmt(*options.fsHz)});
        if (fs > 0 && std::abs(fs - *options.fsHz) > 1e-3 * fs)
            rec.warnings.push_back(
                makeMessage(messages::kCsvRateConflict, {fmt(fs), fmt(*options.fsHz)}));
        fs = *options.fsHz;
    }
    if (!(fs > 0))
        return fail(messages::kCsvNoRate);
    rec.fsHz = fs;

    // Units: header, else the option, else mV (warned).
    std::string defaultUnit = "mV";
    if (options.unit) {
        defaultUnit = csv::normaliseUnit(*options.unit);
        if (defaultUnit.empty())
            return fail(messages::kCsvUnknownUnit, {messages::quoted(*options.unit)});
    }
    bool assumed = false;
    std::size_t lead = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (int(c) == timeColumn)
            continue;
        Lead l;
        l.originalName = columns[c].original.empty() ? columns[c].name : columns[c].original;
        l.name = normaliseLeadName(columns[c].name);
        for (const Lead& other : rec.leads)
            if (other.name == l.name)
                l.name = l.originalName;
        l.unit = columns[c].unit.empty() ? defaultUnit : columns[c].unit;
        assumed = assumed || (columns[c].unit.empty() && !options.unit);
        l.fsHz = fs;
        l.gain = l.unit == "uV" ? 1.0 : l.unit == "V" ? 1e6 : 1000.0; // digital = microvolts
        l.samples = std::move(data[lead++]);
        rec.leads.push_back(std::move(l));
    }
    if (assumed)
        rec.warnings.push_back(makeMessage(messages::kCsvUnitAssumed));
    rec.notes.push_back(std::string("Delimiter ") + csv::delimiterName(dialect) +
                        (dialect.decimalComma ? ", decimal comma." : "."));
    return rec;
}

} // namespace ecglens::io
