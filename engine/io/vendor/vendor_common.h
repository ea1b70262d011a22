#pragma once

// Helpers shared by the SCP-ECG, HL7 aECG and DICOM readers: whole-file loading with a size
// limit, bounds-checked little-endian access, and the in-memory entry points that the file
// readers and the fuzz targets both call.

#include "io/open.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ecglens::io::vendor {

/// Largest vendor file we load into memory (these formats hold minutes, not days, of ECG).
inline constexpr std::uint64_t kMaxVendorFileBytes = 512ull * 1024 * 1024;

/// Reads a whole file; fails with a message naming the file (missing, unreadable, too large).
Result<std::vector<std::uint8_t>> loadFile(const std::string& path);

/// A read-only view of bytes with bounds-checked little-endian reads (nullopt when out of range).
class ByteView
{
public:
    ByteView() = default;
    ByteView(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}

    std::size_t size() const { return m_size; }
    const std::uint8_t* data() const { return m_data; }
    bool has(std::size_t offset, std::size_t count) const
    {
        return offset <= m_size && count <= m_size - offset;
    }
    std::optional<std::uint8_t> u8(std::size_t at) const
    {
        return has(at, 1) ? std::optional<std::uint8_t>(m_data[at]) : std::nullopt;
    }
    std::optional<std::uint16_t> u16(std::size_t at) const
    {
        if (!has(at, 2))
            return std::nullopt;
        return std::uint16_t(m_data[at] | (m_data[at + 1] << 8));
    }
    std::optional<std::int16_t> i16(std::size_t at) const
    {
        auto v = u16(at);
        return v ? std::optional<std::int16_t>(std::int16_t(*v)) : std::nullopt;
    }
    std::optional<std::uint32_t> u32(std::size_t at) const
    {
        if (!has(at, 4))
            return std::nullopt;
        return std::uint32_t(m_data[at]) | (std::uint32_t(m_data[at + 1]) << 8) |
               (std::uint32_t(m_data[at + 2]) << 16) | (std::uint32_t(m_data[at + 3]) << 24);
    }
    /// Sub-view [offset, offset+count); empty view when out of range.
    ByteView sub(std::size_t offset, std::size_t count) const
    {
        return has(offset, count) ? ByteView(m_data + offset, count) : ByteView();
    }
    /// Bytes as text up to the first NUL (or the end), trailing spaces removed.
    std::string text(std::size_t offset, std::size_t count) const;

private:
    const std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
};

/// Removes trailing spaces, CRs and LFs (the padding of fixed-length text fields).
void dropTrailingBlanks(std::string& s);

/// Age in whole years on `on` of someone born on `birth`; nullopt if the dates are implausible.
std::optional<double> ageOnDate(const Date& birth, const Date& on);

/// Lead name for an SCP-ECG lead identification code (EN 1064 table; also used by DICOM's
/// SCPECG coding scheme "5.6.3-9-<code>"); "SCP lead <code>" when not in the table.
std::string scpLeadName(unsigned code);

/// True when year/month/day form a plausible calendar date.
bool plausibleDate(const Date& d);

// In-memory parsers (the file readers load the file and call these; fuzz targets call them
// directly). `name` is used in messages.
Result<Recording> parseScp(const std::uint8_t* data, std::size_t size, const std::string& name,
                           const OpenOptions& options);
Result<Recording> parseHl7Aecg(const char* data, std::size_t size, const std::string& name,
                               const OpenOptions& options);
Result<Recording> parseDicom(const std::uint8_t* data, std::size_t size, const std::string& name,
                             const OpenOptions& options);

} // namespace ecglens::io::vendor
