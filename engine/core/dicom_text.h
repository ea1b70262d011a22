#pragma once
// DICOM text in the character sets a data set's Specific Character Set (0008,0005) names,
// including ISO 2022 code extensions (PS3.5 6.1.2.5): escape sequences inside a value switch
// between the sets, as Japanese (ISO 2022 IR 13, 87, 159), Korean (IR 149) and Chinese (IR 58)
// names are written, and the alphabetic sets combine (IR 100 with IR 126, ...).

#include "core/charset.h"

#include <string>
#include <string_view>

namespace ecglens {

/// (0008,0005) read once for a data set; decode() then gives each value as UTF-8.
class DicomTextDecoder
{
public:
    explicit DicomTextDecoder(std::string_view specificCharacterSet);

    /// The value of (0008,0005) when a term in it is not decoded here (the reader's warning
    /// names it; text then stays as the file has it); empty when every term is.
    const std::string& undecoded() const { return m_undecoded; }

    /// One value as UTF-8. With ISO 2022 terms, ESC sequences designate the sets of PS3.3 Table
    /// C.12-3/-4 (ESC ( B, ESC ( J, ESC ) I, ESC - A ... ESC - b, ESC $ B, ESC $ @, ESC $ ( D,
    /// ESC $ ) C, ESC $ ) A); the first term's sets are in force again after CR, LF, FF, TAB and
    /// a backslash, and in a person name (`personName`) after '^' and '='. A byte no set in force
    /// defines, and an escape not in the tables, become U+FFFD.
    std::string decode(std::string_view raw, bool personName = false) const;

    /// The set in G0 (bytes 0x21-0x7E) or G1 (0xA0-0xFF) of ISO 2022.
    enum class Set : unsigned char {
        None,     ///< G1 only: nothing designated
        Ascii,    ///< ISO-IR 6, and JIS X 0201's Roman half (ISO-IR 14, ASCII here)
        Katakana, ///< JIS X 0201's katakana (ISO-IR 13), G1
        JisX0208, ///< ISO-IR 87, two bytes, G0
        JisX0212, ///< ISO-IR 159, two bytes, G0
        KsX1001,  ///< ISO-IR 149, two bytes, G1
        Gb2312,   ///< ISO-IR 58, two bytes, G1
        Single,   ///< an ISO 8859 part in G1 (m_initialG1Encoding or the escape's)
    };

private:
    bool m_iso2022 = false;                                      ///< code extensions in use
    TextEncoding m_whole = TextEncoding::Undeclared;             ///< the one set otherwise
    Set m_initialG1 = Set::None;                                 ///< the first term's G1
    TextEncoding m_initialG1Encoding = TextEncoding::Undeclared; ///< when m_initialG1 is Single
    std::string m_undecoded;
};

} // namespace ecglens
