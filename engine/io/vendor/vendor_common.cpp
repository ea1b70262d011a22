#include "io/vendor/vendor_common.h"
#include "io/messages.h"

#include <array>
#include <filesystem>
#include <fstream>

namespace ecglens::io::vendor {

Result<std::vector<std::uint8_t>> loadFile(const std::string& path)
{
    using R = Result<std::vector<std::uint8_t>>;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return R::failure(makeMessage(messages::kOpenUnreadable, {path, ec.message()}));
    if (size > kMaxVendorFileBytes)
        return R::failure(
            makeMessage(messages::kOpenTooLarge, {path, std::to_string(size / (1024 * 1024))}));
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return R::failure(makeMessage(messages::kOpenUnopenable, {path}));
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    in.read(reinterpret_cast<char*>(bytes.data()), std::streamsize(bytes.size()));
    if (static_cast<std::uint64_t>(in.gcount()) != size)
        return R::failure(makeMessage(messages::kOpenIncomplete, {path}));
    return bytes;
}

std::string ByteView::text(std::size_t offset, std::size_t count) const
{
    if (offset > m_size)
        return {};
    count = std::min(count, m_size - offset);
    std::string s;
    for (std::size_t i = 0; i < count && m_data[offset + i] != 0; ++i)
        s.push_back(char(m_data[offset + i]));
    dropTrailingBlanks(s);
    return s;
}

void dropTrailingBlanks(std::string& s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\n'))
        s.pop_back();
}

std::string scpLeadName(unsigned code)
{
    static const std::array<const char*, 86> names = {
        "unspecified", "I",    "II",   "V1",    "V2",     "V3",   "V4",  "V5",  "V6",  "V7",
        "V2R",         "V3R",  "V4R",  "V5R",   "V6R",    "V7R",  "X",   "Y",   "Z",   "CC5",
        "CM5",         "LA",   "RA",   "LL",    "fI",     "fE",   "fC",  "fA",  "fM",  "fF",
        "fH",          "dI",   "dII",  "dV1",   "dV2",    "dV3",  "dV4", "dV5", "dV6", "dV7",
        "dV2R",        "dV3R", "dV4R", "dV5R",  "dV6R",   "dV7R", "dX",  "dY",  "dZ",  "dCC5",
        "dCM5",        "dLA",  "dRA",  "dLL",   "dfI",    "dfE",  "dfC", "dfA", "dfM", "dfF",
        "dfH",         "III",  "aVR",  "aVL",   "aVF",    "-aVR", "V8",  "V9",  "V8R", "V9R",
        "D",           "A",    "J",    "Defib", "Extern", "A1",   "A2",  "A3",  "A4",  "dV8",
        "dV9",         "dV8R", "dV9R", "dD",    "dA",     "dJ"};
    if (code < names.size())
        return names[code];
    return "SCP lead " + std::to_string(code);
}

bool plausibleDate(const Date& d)
{
    return d.year >= 1800 && d.year <= 2200 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= 31;
}

std::optional<double> ageOnDate(const Date& birth, const Date& on)
{
    if (!plausibleDate(birth) || !plausibleDate(on))
        return std::nullopt;
    int years = on.year - birth.year;
    if (on.month < birth.month || (on.month == birth.month && on.day < birth.day))
        --years;
    if (years < 0 || years > 150)
        return std::nullopt;
    return double(years);
}

} // namespace ecglens::io::vendor
