#pragma once
// The character sets ECG files declare for their text (DICOM's Specific Character Set
// (0008,0005), SCP-ECG's language support code in section 1 tag 14, an XML declaration),
// decoded to UTF-8 without Qt so that the readers can use them: ISO 8859 from tables here, the
// Windows, KOI8 and multi-byte East Asian sets with the C library's iconv (glibc's converters).

#include <optional>
#include <string>
#include <string_view>

namespace ecglens {

/// A declared single-byte character set, or UTF-8. `Undeclared` is a file that names none (or
/// ASCII only): its bytes are left as they are and core/text.h displayText reads them as UTF-8
/// if they are, else as ISO 8859-1, as writers that declare nothing store them.
enum class TextEncoding {
    Undeclared,
    Latin1,   ///< ISO 8859-1
    Latin2,   ///< ISO 8859-2
    Latin3,   ///< ISO 8859-3
    Latin4,   ///< ISO 8859-4
    Cyrillic, ///< ISO 8859-5
    Arabic,   ///< ISO 8859-6
    Greek,    ///< ISO 8859-7
    Hebrew,   ///< ISO 8859-8
    Latin5,   ///< ISO 8859-9
    Thai,     ///< ISO 8859-11 (TIS 620 with U+00A0)
    Latin9,   ///< ISO 8859-15
    Utf8,
    Utf16Le,  ///< ISO 10646 as SCP-ECG stores it: 16-bit units, little-endian, ending at 0x0000
    JisX0201, ///< DICOM ISO_IR 13: ASCII, half-width katakana at 0xA1-0xDF
    // Decoded with iconv:
    Windows1250,
    Windows1251,
    Windows1252,
    Windows1253,
    Windows1254,
    Windows1255,
    Windows1256,
    Windows1257,
    Windows1258,
    Koi8R,
    Koi8U,
    ShiftJis,
    EucJp,     ///< also JIS X 0208 and JIS X 0212 as DICOM's ISO 2022 escapes switch to them
    Iso2022Jp, ///< RFC 1468 (e-mail's Japanese)
    EucKr,     ///< KS X 1001 (KS C 5601) in G1: also DICOM's ISO 2022 IR 149
    Uhc,       ///< Windows code page 949, which Windows calls ks_c_5601-1987
    Gb2312,    ///< EUC-CN: GB 2312 in G1, also DICOM's ISO 2022 IR 58
    Gbk,
    Gb18030,
    Big5,
};

/// Whether this machine decodes `encoding`: always for the tables here; for an iconv set, when
/// the C library has its converter (glibc's gconv modules, part of libc6 on Debian).
bool textEncodingAvailable(TextEncoding encoding);

/// `raw` in `encoding` as UTF-8. Bytes below 0x80 are ASCII in every single-byte set here; a
/// byte or sequence a set leaves undefined becomes U+FFFD, as does a multi-byte character cut
/// off at the end. UTF-16LE ends at a 0x0000 unit (an odd last byte is dropped, an unpaired
/// surrogate becomes U+FFFD). UTF-8 and Undeclared text is returned unchanged, and so is text in
/// an iconv set this machine cannot decode (see textEncodingAvailable).
std::string decodeText(std::string_view raw, TextEncoding encoding);

/// The one encoding that DICOM's Specific Character Set names (PS3.3 C.12.1.1.2; "ISO_IR 144"
/// and "ISO 2022 IR 144" alike, "GB18030", "GBK", "ISO_IR 13"): Undeclared for none or ASCII
/// ("ISO_IR 6", an empty first value); nullopt for a value that is not one set decoded here: an
/// unknown term, or ISO 2022 code extensions between sets (two sets, or the multi-byte IR 87,
/// 159, 149, 58), which DicomTextDecoder (core/dicom_text.h) reads.
std::optional<TextEncoding> dicomTextEncoding(std::string_view specificCharacterSet);

/// The encoding that SCP-ECG's language support code names (EN 1064 section 1 tag 14, byte 16):
/// bit 0 clear is ASCII only (Undeclared); 0x01 ISO 8859-1 (bit 1 clear); 0x03 -2, 0x0B -4,
/// 0x13 -5, 0x1B -6, 0x23 -7, 0x2B -8, 0x33 -11, 0x3B -15; and as ECGToolkit reads and writes
/// them 0x07 ISO 10646 (UTF-16LE), 0x0F/0x17/0x1F JIS (EUC-JP), 0x27 GB 2312 (GBK), 0x2F KS C
/// 5601 (code page 949); nullopt for undefined codes and a set this machine cannot decode.
std::optional<TextEncoding> scpTextEncoding(unsigned languageSupportCode);

/// The encoding an XML declaration names (encoding="..." in <?xml ...?>, IANA names, any case):
/// "ISO-8859-5", "ISO_8859-5", "ISO8859-5", "latin2", "windows-1251", "Shift_JIS", "GB18030"
/// and the like; UTF-8 for "UTF-8" and "US-ASCII"; Undeclared for the UTF-16 and UTF-32 forms,
/// which an XML parser reads itself from the byte order; nullopt for a name not decoded here
/// (one not in the list, or an iconv set this machine lacks).
std::optional<TextEncoding> xmlTextEncoding(std::string_view name);

/// The value of the encoding pseudo-attribute of the XML declaration at the start of `xml`
/// (after a UTF-8 byte order mark, if any); empty when there is none.
std::string xmlDeclaredEncoding(std::string_view xml);

} // namespace ecglens
