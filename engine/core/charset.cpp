#include "core/charset.h"

#include "core/text.h"

#include <iconv.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <utility>

namespace ecglens {
namespace {

/// Code points of bytes 0xA0-0xFF (0x80-0x9F are the C1 controls in every part, U+0080-U+009F).
/// Generated once from the Unicode Consortium's mapping tables as Python's codecs carry them
/// (iso8859_N); tst_core checks every byte against ICU's converters through QStringDecoder.
using HighHalf = std::array<char16_t, 96>;
// Rows of eight: 0xA0-0xA7, 0xA8-0xAF, ...
// clang-format off
constexpr HighHalf kTables[] = {
    // ISO 8859-2 (Latin-2, Central European: DICOM ISO_IR 101, SCP-ECG 0x03)
    {{
        0x00A0, 0x0104, 0x02D8, 0x0141, 0x00A4, 0x013D, 0x015A, 0x00A7,
        0x00A8, 0x0160, 0x015E, 0x0164, 0x0179, 0x00AD, 0x017D, 0x017B,
        0x00B0, 0x0105, 0x02DB, 0x0142, 0x00B4, 0x013E, 0x015B, 0x02C7,
        0x00B8, 0x0161, 0x015F, 0x0165, 0x017A, 0x02DD, 0x017E, 0x017C,
        0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139, 0x0106, 0x00C7,
        0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E,
        0x0110, 0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7,
        0x0158, 0x016E, 0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF,
        0x0155, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7,
        0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F,
        0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x00F7,
        0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD, 0x0163, 0x02D9,
    }},
    // ISO 8859-3 (Latin-3, South European: DICOM ISO_IR 109)
    {{
        0x00A0, 0x0126, 0x02D8, 0x00A3, 0x00A4, 0xFFFD, 0x0124, 0x00A7,
        0x00A8, 0x0130, 0x015E, 0x011E, 0x0134, 0x00AD, 0xFFFD, 0x017B,
        0x00B0, 0x0127, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x0125, 0x00B7,
        0x00B8, 0x0131, 0x015F, 0x011F, 0x0135, 0x00BD, 0xFFFD, 0x017C,
        0x00C0, 0x00C1, 0x00C2, 0xFFFD, 0x00C4, 0x010A, 0x0108, 0x00C7,
        0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
        0xFFFD, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x0120, 0x00D6, 0x00D7,
        0x011C, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x016C, 0x015C, 0x00DF,
        0x00E0, 0x00E1, 0x00E2, 0xFFFD, 0x00E4, 0x010B, 0x0109, 0x00E7,
        0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
        0xFFFD, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x0121, 0x00F6, 0x00F7,
        0x011D, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x016D, 0x015D, 0x02D9,
    }},
    // ISO 8859-4 (Latin-4, North European: DICOM ISO_IR 110, SCP-ECG 0x0B)
    {{
        0x00A0, 0x0104, 0x0138, 0x0156, 0x00A4, 0x0128, 0x013B, 0x00A7,
        0x00A8, 0x0160, 0x0112, 0x0122, 0x0166, 0x00AD, 0x017D, 0x00AF,
        0x00B0, 0x0105, 0x02DB, 0x0157, 0x00B4, 0x0129, 0x013C, 0x02C7,
        0x00B8, 0x0161, 0x0113, 0x0123, 0x0167, 0x014A, 0x017E, 0x014B,
        0x0100, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x012E,
        0x010C, 0x00C9, 0x0118, 0x00CB, 0x0116, 0x00CD, 0x00CE, 0x012A,
        0x0110, 0x0145, 0x014C, 0x0136, 0x00D4, 0x00D5, 0x00D6, 0x00D7,
        0x00D8, 0x0172, 0x00DA, 0x00DB, 0x00DC, 0x0168, 0x016A, 0x00DF,
        0x0101, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x012F,
        0x010D, 0x00E9, 0x0119, 0x00EB, 0x0117, 0x00ED, 0x00EE, 0x012B,
        0x0111, 0x0146, 0x014D, 0x0137, 0x00F4, 0x00F5, 0x00F6, 0x00F7,
        0x00F8, 0x0173, 0x00FA, 0x00FB, 0x00FC, 0x0169, 0x016B, 0x02D9,
    }},
    // ISO 8859-5 (Cyrillic: DICOM ISO_IR 144, SCP-ECG 0x13)
    {{
        0x00A0, 0x0401, 0x0402, 0x0403, 0x0404, 0x0405, 0x0406, 0x0407,
        0x0408, 0x0409, 0x040A, 0x040B, 0x040C, 0x00AD, 0x040E, 0x040F,
        0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
        0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
        0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
        0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
        0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
        0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
        0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
        0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
        0x2116, 0x0451, 0x0452, 0x0453, 0x0454, 0x0455, 0x0456, 0x0457,
        0x0458, 0x0459, 0x045A, 0x045B, 0x045C, 0x00A7, 0x045E, 0x045F,
    }},
    // ISO 8859-6 (Arabic: DICOM ISO_IR 127, SCP-ECG 0x1B)
    {{
        0x00A0, 0xFFFD, 0xFFFD, 0xFFFD, 0x00A4, 0xFFFD, 0xFFFD, 0xFFFD,
        0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0x060C, 0x00AD, 0xFFFD, 0xFFFD,
        0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD,
        0xFFFD, 0xFFFD, 0xFFFD, 0x061B, 0xFFFD, 0xFFFD, 0xFFFD, 0x061F,
        0xFFFD, 0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0627,
        0x0628, 0x0629, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F,
        0x0630, 0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x0637,
        0x0638, 0x0639, 0x063A, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD,
        0x0640, 0x0641, 0x0642, 0x0643, 0x0644, 0x0645, 0x0646, 0x0647,
        0x0648, 0x0649, 0x064A, 0x064B, 0x064C, 0x064D, 0x064E, 0x064F,
        0x0650, 0x0651, 0x0652, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD,
        0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD,
    }},
    // ISO 8859-7 (Greek: DICOM ISO_IR 126, SCP-ECG 0x23)
    {{
        0x00A0, 0x2018, 0x2019, 0x00A3, 0x20AC, 0x20AF, 0x00A6, 0x00A7,
        0x00A8, 0x00A9, 0x037A, 0x00AB, 0x00AC, 0x00AD, 0xFFFD, 0x2015,
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x0384, 0x0385, 0x0386, 0x00B7,
        0x0388, 0x0389, 0x038A, 0x00BB, 0x038C, 0x00BD, 0x038E, 0x038F,
        0x0390, 0x0391, 0x0392, 0x0393, 0x0394, 0x0395, 0x0396, 0x0397,
        0x0398, 0x0399, 0x039A, 0x039B, 0x039C, 0x039D, 0x039E, 0x039F,
        0x03A0, 0x03A1, 0xFFFD, 0x03A3, 0x03A4, 0x03A5, 0x03A6, 0x03A7,
        0x03A8, 0x03A9, 0x03AA, 0x03AB, 0x03AC, 0x03AD, 0x03AE, 0x03AF,
        0x03B0, 0x03B1, 0x03B2, 0x03B3, 0x03B4, 0x03B5, 0x03B6, 0x03B7,
        0x03B8, 0x03B9, 0x03BA, 0x03BB, 0x03BC, 0x03BD, 0x03BE, 0x03BF,
        0x03C0, 0x03C1, 0x03C2, 0x03C3, 0x03C4, 0x03C5, 0x03C6, 0x03C7,
        0x03C8, 0x03C9, 0x03CA, 0x03CB, 0x03CC, 0x03CD, 0x03CE, 0xFFFD,
    }},
    // ISO 8859-8 (Hebrew: DICOM ISO_IR 138, SCP-ECG 0x2B)
    {{
        0x00A0, 0xFFFD, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
        0x00A8, 0x00A9, 0x00D7, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
        0x00B8, 0x00B9, 0x00F7, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0xFFFD,
        0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD,
        0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD,
        0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD,
        0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0x2017,
        0x05D0, 0x05D1, 0x05D2, 0x05D3, 0x05D4, 0x05D5, 0x05D6, 0x05D7,
        0x05D8, 0x05D9, 0x05DA, 0x05DB, 0x05DC, 0x05DD, 0x05DE, 0x05DF,
        0x05E0, 0x05E1, 0x05E2, 0x05E3, 0x05E4, 0x05E5, 0x05E6, 0x05E7,
        0x05E8, 0x05E9, 0x05EA, 0xFFFD, 0xFFFD, 0x200E, 0x200F, 0xFFFD,
    }},
    // ISO 8859-9 (Latin-5, Turkish: DICOM ISO_IR 148)
    {{
        0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
        0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
        0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
        0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
        0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
        0x011E, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7,
        0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x0130, 0x015E, 0x00DF,
        0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
        0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
        0x011F, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7,
        0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x0131, 0x015F, 0x00FF,
    }},
    // ISO 8859-11 (Thai: DICOM ISO_IR 166 (TIS 620), SCP-ECG 0x33)
    {{
        0x00A0, 0x0E01, 0x0E02, 0x0E03, 0x0E04, 0x0E05, 0x0E06, 0x0E07,
        0x0E08, 0x0E09, 0x0E0A, 0x0E0B, 0x0E0C, 0x0E0D, 0x0E0E, 0x0E0F,
        0x0E10, 0x0E11, 0x0E12, 0x0E13, 0x0E14, 0x0E15, 0x0E16, 0x0E17,
        0x0E18, 0x0E19, 0x0E1A, 0x0E1B, 0x0E1C, 0x0E1D, 0x0E1E, 0x0E1F,
        0x0E20, 0x0E21, 0x0E22, 0x0E23, 0x0E24, 0x0E25, 0x0E26, 0x0E27,
        0x0E28, 0x0E29, 0x0E2A, 0x0E2B, 0x0E2C, 0x0E2D, 0x0E2E, 0x0E2F,
        0x0E30, 0x0E31, 0x0E32, 0x0E33, 0x0E34, 0x0E35, 0x0E36, 0x0E37,
        0x0E38, 0x0E39, 0x0E3A, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0x0E3F,
        0x0E40, 0x0E41, 0x0E42, 0x0E43, 0x0E44, 0x0E45, 0x0E46, 0x0E47,
        0x0E48, 0x0E49, 0x0E4A, 0x0E4B, 0x0E4C, 0x0E4D, 0x0E4E, 0x0E4F,
        0x0E50, 0x0E51, 0x0E52, 0x0E53, 0x0E54, 0x0E55, 0x0E56, 0x0E57,
        0x0E58, 0x0E59, 0x0E5A, 0x0E5B, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD,
    }},
    // ISO 8859-15 (Latin-9: DICOM ISO_IR 203, SCP-ECG 0x3B)
    {{
        0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x20AC, 0x00A5, 0x0160, 0x00A7,
        0x0161, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x017D, 0x00B5, 0x00B6, 0x00B7,
        0x017E, 0x00B9, 0x00BA, 0x00BB, 0x0152, 0x0153, 0x0178, 0x00BF,
        0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
        0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
        0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7,
        0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,
        0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
        0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
        0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7,
        0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
    }},
};
// clang-format on

static_assert(std::size(kTables) == int(TextEncoding::Latin9) - int(TextEncoding::Latin2) + 1);

/// The table of a single-byte set: kTables holds Latin2 ... Latin9 in the enum's order; none for
/// Latin-1 (the identity).
const HighHalf* tableOf(TextEncoding e)
{
    const int i = int(e) - int(TextEncoding::Latin2);
    return i >= 0 && i < int(std::size(kTables)) ? &kTables[i] : nullptr;
}

/// iconv's names of the sets from Windows1250 on, in the enum's order (glibc spells them so).
constexpr const char* kIconvNames[] = {
    "CP1250", "CP1251", "CP1252", "CP1253", "CP1254",  "CP1255", "CP1256",
    "CP1257", "CP1258", "KOI8-R", "KOI8-U", "CP932",   "EUC-JP", "ISO-2022-JP",
    "EUC-KR", "CP949",  "EUC-CN", "GBK",    "GB18030", "BIG5",
};
static_assert(std::size(kIconvNames) ==
              int(TextEncoding::Big5) - int(TextEncoding::Windows1250) + 1);

const char* iconvName(TextEncoding e)
{
    const int i = int(e) - int(TextEncoding::Windows1250);
    return i >= 0 && i < int(std::size(kIconvNames)) ? kIconvNames[i] : nullptr;
}

/// One iconv conversion to UTF-8, closed when it goes out of scope.
class Iconv
{
public:
    explicit Iconv(const char* from) : m_cd(iconv_open("UTF-8", from)) {}
    ~Iconv()
    {
        if (ok())
            iconv_close(m_cd);
    }
    Iconv(const Iconv&) = delete;
    Iconv& operator=(const Iconv&) = delete;
    bool ok() const { return m_cd != reinterpret_cast<iconv_t>(-1); }

    /// `raw` as UTF-8; a sequence the set does not define, or one cut off at the end, is U+FFFD
    /// (iconv stops there; decoding goes on after the byte that failed).
    std::string decode(std::string_view raw)
    {
        std::string out;
        std::string in(raw); // iconv's input is char**, not const
        char* src = in.data();
        std::size_t left = in.size();
        while (left > 0) {
            if (convert(out, &src, &left))
                continue;
            flush(out); // EILSEQ, or EINVAL (cut off): U+FFFD after what is held back, go on
            out += "\xEF\xBF\xBD";
            ++src;
            --left;
        }
        flush(out);
        return out;
    }

private:
    /// Converts what it can of the input into `out`; false at a sequence it cannot convert.
    bool convert(std::string& out, char** src, std::size_t* left)
    {
        char buffer[256];
        char* dst = buffer;
        std::size_t room = sizeof buffer;
        const std::size_t r = iconv(m_cd, src, left, &dst, &room);
        out.append(buffer, std::size_t(dst - buffer));
        return r != std::size_t(-1) || errno == E2BIG;
    }
    /// The character a set that composes held back (windows-1255 and -1258 wait for a combining
    /// mark), and the initial shift state again (ISO-2022-JP).
    void flush(std::string& out)
    {
        char buffer[64];
        char* dst = buffer;
        std::size_t room = sizeof buffer;
        iconv(m_cd, nullptr, nullptr, &dst, &room);
        out.append(buffer, std::size_t(dst - buffer));
    }

    iconv_t m_cd;
};

void appendUtf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

std::string utf16LeToUtf8(std::string_view raw)
{
    std::string out;
    auto unit = [&](std::size_t i) {
        return char16_t(static_cast<unsigned char>(raw[i]) |
                        (static_cast<unsigned char>(raw[i + 1]) << 8));
    };
    for (std::size_t i = 0; i + 1 < raw.size(); i += 2) {
        const char16_t u = unit(i);
        if (u == 0)
            break;
        if (u >= 0xD800 && u < 0xDC00 && i + 3 < raw.size()) {
            const char16_t low = unit(i + 2);
            if (low >= 0xDC00 && low < 0xE000) {
                appendUtf8(out, 0x10000 + ((char32_t(u) - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
                continue;
            }
        }
        appendUtf8(out, u >= 0xD800 && u < 0xE000 ? char32_t(0xFFFD) : char32_t(u));
    }
    return out;
}

/// One value of (0008,0005): "ISO_IR 144" / "ISO 2022 IR 144" -> the registration number.
std::optional<TextEncoding> dicomTerm(std::string_view term)
{
    static constexpr std::pair<std::string_view, TextEncoding> kTerms[] = {
        {"6", TextEncoding::Undeclared},
        {"100", TextEncoding::Latin1},
        {"101", TextEncoding::Latin2},
        {"109", TextEncoding::Latin3},
        {"110", TextEncoding::Latin4},
        {"144", TextEncoding::Cyrillic},
        {"127", TextEncoding::Arabic},
        {"126", TextEncoding::Greek},
        {"138", TextEncoding::Hebrew},
        {"148", TextEncoding::Latin5},
        {"166", TextEncoding::Thai},
        {"203", TextEncoding::Latin9},
        {"13", TextEncoding::JisX0201},
        {"192", TextEncoding::Utf8}, // ISO_IR 192 only: UTF-8 has no ISO 2022 form
    };
    if (term == "GB18030")
        return TextEncoding::Gb18030;
    if (term == "GBK")
        return TextEncoding::Gbk;
    for (const std::string_view prefix :
         {std::string_view("ISO_IR "), std::string_view("ISO 2022 IR ")})
        if (term.substr(0, prefix.size()) == prefix) {
            const std::string_view number = term.substr(prefix.size());
            for (const auto& [n, e] : kTerms)
                if (n == number && !(e == TextEncoding::Utf8 && prefix != "ISO_IR "))
                    return e;
        }
    return std::nullopt;
}

} // namespace

bool textEncodingAvailable(TextEncoding encoding)
{
    const char* name = iconvName(encoding);
    return !name || Iconv(name).ok();
}

std::string decodeText(std::string_view raw, TextEncoding encoding)
{
    if (encoding == TextEncoding::Undeclared || encoding == TextEncoding::Utf8)
        return std::string(raw);
    if (encoding == TextEncoding::Utf16Le)
        return utf16LeToUtf8(raw);
    if (const char* name = iconvName(encoding)) {
        Iconv converter(name);
        return converter.ok() ? converter.decode(raw) : std::string(raw);
    }
    const HighHalf* table = tableOf(encoding);
    std::string out;
    out.reserve(raw.size() * 2);
    for (const char ch : raw) {
        const auto b = static_cast<unsigned char>(ch);
        if (encoding == TextEncoding::JisX0201)
            appendUtf8(out, b < 0x80                 ? char32_t(b)
                            : b >= 0xA1 && b <= 0xDF ? char32_t(0xFF61 + (b - 0xA1))
                                                     : char32_t(0xFFFD));
        else
            appendUtf8(out, b < 0xA0 || !table ? char16_t(b) : (*table)[b - 0xA0]);
    }
    return out;
}

std::optional<TextEncoding> dicomTextEncoding(std::string_view specificCharacterSet)
{
    // Values are separated by backslashes; every value must name the same set (ASCII aside).
    std::optional<TextEncoding> found = TextEncoding::Undeclared;
    std::string_view rest = specificCharacterSet;
    for (bool first = true; first || !rest.empty(); first = false) {
        const std::size_t bs = rest.find('\\');
        const std::string term = trimmed(rest.substr(0, bs));
        rest = bs == std::string_view::npos ? std::string_view() : rest.substr(bs + 1);
        if (term.empty())
            continue; // an empty first value is the default repertoire (ASCII)
        const auto e = dicomTerm(term);
        if (!e)
            return std::nullopt;
        if (*e == TextEncoding::Undeclared)
            continue;
        if (*found != TextEncoding::Undeclared && *found != *e)
            return std::nullopt; // switching between sets with ISO 2022 escapes
        found = e;
    }
    return found;
}

std::optional<TextEncoding> scpTextEncoding(unsigned languageSupportCode)
{
    const unsigned c = languageSupportCode & 0xFF;
    if ((c & 0x01) == 0)
        return TextEncoding::Undeclared;
    if ((c & 0x03) == 0x01)
        return TextEncoding::Latin1;
    // The multi-byte codes as ECGToolkit (the reference SCP-ECG implementation) reads and
    // writes them: the three JIS codes as EUC-JP, GB 2312 as code page 936 (GBK, which .NET
    // calls gb2312), KS C 5601 as code page 949 (ks_c_5601-1987).
    static constexpr std::pair<unsigned, TextEncoding> kCodes[] = {
        {0x03, TextEncoding::Latin2},   {0x07, TextEncoding::Utf16Le}, {0x0B, TextEncoding::Latin4},
        {0x13, TextEncoding::Cyrillic}, {0x1B, TextEncoding::Arabic},  {0x23, TextEncoding::Greek},
        {0x2B, TextEncoding::Hebrew},   {0x33, TextEncoding::Thai},    {0x3B, TextEncoding::Latin9},
        {0x0F, TextEncoding::EucJp},    {0x17, TextEncoding::EucJp},   {0x1F, TextEncoding::EucJp},
        {0x27, TextEncoding::Gbk},      {0x2F, TextEncoding::Uhc},
    };
    for (const auto& [code, e] : kCodes)
        if (code == c)
            return textEncodingAvailable(e) ? std::optional(e) : std::nullopt;
    return std::nullopt;
}

std::optional<TextEncoding> xmlTextEncoding(std::string_view name)
{
    std::string n = lowercased(trimmed(name));
    for (char& c : n)
        if (c == '_')
            c = '-';
    if (n == "utf-8" || n == "utf8" || n == "us-ascii" || n == "ascii")
        return TextEncoding::Utf8; // ASCII is UTF-8
    if (n.rfind("utf-16", 0) == 0 || n.rfind("utf-32", 0) == 0 || n.rfind("ucs-", 0) == 0)
        return TextEncoding::Undeclared; // the parser's own business
    static constexpr std::pair<std::string_view, TextEncoding> kNames[] = {
        {"1", TextEncoding::Latin1}, {"2", TextEncoding::Latin2},   {"3", TextEncoding::Latin3},
        {"4", TextEncoding::Latin4}, {"5", TextEncoding::Cyrillic}, {"6", TextEncoding::Arabic},
        {"7", TextEncoding::Greek},  {"8", TextEncoding::Hebrew},   {"9", TextEncoding::Latin5},
        {"11", TextEncoding::Thai},  {"15", TextEncoding::Latin9},
    };
    for (const std::string_view prefix :
         {std::string_view("iso-8859-"), std::string_view("iso8859-")})
        if (n.compare(0, prefix.size(), prefix) == 0)
            for (const auto& [part, e] : kNames)
                if (n.substr(prefix.size()) == part)
                    return e;
    // IANA names and the aliases writers use; iconv is given ECG Lens's name for a set, never
    // the file's.
    static constexpr std::pair<std::string_view, TextEncoding> kAliases[] = {
        {"latin1", TextEncoding::Latin1},
        {"latin2", TextEncoding::Latin2},
        {"latin3", TextEncoding::Latin3},
        {"latin4", TextEncoding::Latin4},
        {"latin5", TextEncoding::Latin5},
        {"latin-9", TextEncoding::Latin9},
        {"latin9", TextEncoding::Latin9},
        {"tis-620", TextEncoding::Thai},
        {"koi8-r", TextEncoding::Koi8R},
        {"koi8-u", TextEncoding::Koi8U},
        {"shift-jis", TextEncoding::ShiftJis},
        {"sjis", TextEncoding::ShiftJis},
        {"x-sjis", TextEncoding::ShiftJis},
        {"euc-jp", TextEncoding::EucJp},
        {"iso-2022-jp", TextEncoding::Iso2022Jp},
        {"euc-kr", TextEncoding::EucKr},
        {"ks-c-5601-1987", TextEncoding::Uhc},
        {"cp949", TextEncoding::Uhc},
        {"windows-949", TextEncoding::Uhc},
        {"gb2312", TextEncoding::Gb2312},
        {"euc-cn", TextEncoding::Gb2312},
        {"gbk", TextEncoding::Gbk},
        {"cp936", TextEncoding::Gbk},
        {"windows-936", TextEncoding::Gbk},
        {"gb18030", TextEncoding::Gb18030},
        {"big5", TextEncoding::Big5},
    };
    std::optional<TextEncoding> found;
    for (const auto& [alias, e] : kAliases)
        if (n == alias)
            found = e;
    // windows-1250 ... windows-1258, also as cp1250 ...
    for (const std::string_view prefix : {std::string_view("windows-"), std::string_view("cp")})
        if (n.size() == prefix.size() + 4 && n.compare(0, prefix.size(), prefix) == 0 &&
            n.compare(prefix.size(), 3, "125") == 0 && n.back() >= '0' && n.back() <= '8')
            found = TextEncoding(int(TextEncoding::Windows1250) + (n.back() - '0'));
    if (found && !textEncodingAvailable(*found))
        return std::nullopt;
    return found;
}

std::string xmlDeclaredEncoding(std::string_view xml)
{
    if (xml.substr(0, 3) == "\xEF\xBB\xBF")
        xml.remove_prefix(3);
    if (xml.substr(0, 5) != "<?xml")
        return {};
    const std::string_view decl = xml.substr(0, xml.find("?>"));
    const std::size_t at = decl.find("encoding");
    if (at == std::string_view::npos)
        return {};
    std::size_t i = at + 8;
    auto skipSpace = [&] {
        while (i < decl.size() && std::strchr(" \t\r\n", decl[i]) && decl[i] != '\0')
            ++i;
    };
    skipSpace();
    if (i >= decl.size() || decl[i] != '=')
        return {};
    ++i;
    skipSpace();
    if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\''))
        return {};
    const std::size_t end = decl.find(decl[i], i + 1);
    return end == std::string_view::npos ? std::string()
                                         : std::string(decl.substr(i + 1, end - i - 1));
}

} // namespace ecglens
