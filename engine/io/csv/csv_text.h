#pragma once

// Text-level helpers of the CSV reader: dialect detection, cell splitting, numbers, units.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecglens::io::csv {

struct Dialect
{
    char delimiter = ',';      ///< ',', ';', '\t', or ' ' for runs of whitespace
    bool decimalComma = false; ///< "0,25" means 0.25 (only with a delimiter other than ',')
};

struct Cell
{
    std::string text; ///< unquoted, trimmed
};

/// Delimiter from the header and the first data line (consistent counts win; tab, ';', ','
/// in that order, else whitespace), and whether numbers use a decimal comma.
Dialect detectDialect(std::string_view header, std::string_view firstData);

/// Cells of one line ("..." quoting with "" escapes).
std::vector<Cell> splitLine(std::string_view line, const Dialect& dialect);

/// A finite number, or nullopt for empty / NaN / non-numeric text.
std::optional<double> parseNumber(const std::string& text, bool decimalComma);

/// "II (mV)", "V1_uV", "aVR [µV]", "time_ms" -> name and normalised unit ("" when none).
void splitUnit(const std::string& header, std::string& name, std::string& unit);

/// "mv" -> "mV", "µV"/"uv"/"microvolt" -> "uV", "v" -> "V", "s", "ms"; "" when unknown.
std::string normaliseUnit(const std::string& unit);

const char* delimiterName(const Dialect& dialect);

} // namespace ecglens::io::csv
