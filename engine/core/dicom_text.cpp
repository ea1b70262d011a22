#include "core/dicom_text.h"

#include "core/text.h"

#include <charconv>
#include <optional>
#include <utility>
#include <vector>

namespace ecglens {
namespace {

using Set = DicomTextDecoder::Set;

/// The sets one designates: G0's and G1's for a term of (0008,0005) or an escape sequence.
struct Designation
{
    enum Target { G0, G1 } target;
    Set set;
    TextEncoding encoding = TextEncoding::Undeclared; ///< for Set::Single
};

/// ISO 8859 parts by the final byte of the escape ESC - F that designates them to G1 (PS3.3
/// Table C.12-3); their registration numbers are dicomTextEncoding's.
constexpr std::pair<char, TextEncoding> kSingleByteEscapes[] = {
    {'A', TextEncoding::Latin1}, {'B', TextEncoding::Latin2},   {'C', TextEncoding::Latin3},
    {'D', TextEncoding::Latin4}, {'L', TextEncoding::Cyrillic}, {'G', TextEncoding::Arabic},
    {'F', TextEncoding::Greek},  {'H', TextEncoding::Hebrew},   {'M', TextEncoding::Latin5},
    {'T', TextEncoding::Thai},   {'b', TextEncoding::Latin9},
};

/// "ISO 2022 IR 149" (or "ISO_IR 149") -> what it designates; nullopt for other terms.
std::optional<Designation> termDesignation(std::string_view term)
{
    int ir = -1;
    for (const std::string_view prefix :
         {std::string_view("ISO 2022 IR "), std::string_view("ISO_IR ")})
        if (term.substr(0, prefix.size()) == prefix) {
            const std::string_view n = term.substr(prefix.size());
            if (std::from_chars(n.data(), n.data() + n.size(), ir).ptr != n.data() + n.size())
                return std::nullopt;
        }
    switch (ir) {
    case 6:
        return Designation{Designation::G0, Set::Ascii};
    case 13:
        return Designation{Designation::G1, Set::Katakana};
    case 87:
        return Designation{Designation::G0, Set::JisX0208};
    case 159:
        return Designation{Designation::G0, Set::JisX0212};
    case 149:
        return Designation{Designation::G1, Set::KsX1001};
    case 58:
        return Designation{Designation::G1, Set::Gb2312};
    default:
        if (const auto e = dicomTextEncoding(term);
            e && *e >= TextEncoding::Latin1 && *e <= TextEncoding::Latin9)
            return Designation{Designation::G1, Set::Single, *e};
        return std::nullopt;
    }
}

/// The escape sequence at the start of `s` (after ESC) -> its length and designation.
std::pair<std::size_t, std::optional<Designation>> escapeDesignation(std::string_view s)
{
    auto is = [&](std::string_view seq) { return s.substr(0, seq.size()) == seq; };
    if (is("(B") || is("(J"))
        return {2, Designation{Designation::G0, Set::Ascii}};
    if (is(")I"))
        return {2, Designation{Designation::G1, Set::Katakana}};
    if (is("$B") || is("$@"))
        return {2, Designation{Designation::G0, Set::JisX0208}};
    if (is("$(D"))
        return {3, Designation{Designation::G0, Set::JisX0212}};
    if (is("$)C"))
        return {3, Designation{Designation::G1, Set::KsX1001}};
    if (is("$)A"))
        return {3, Designation{Designation::G1, Set::Gb2312}};
    if (s.size() >= 2 && s[0] == '-')
        for (const auto& [final, encoding] : kSingleByteEscapes)
            if (final == s[1])
                return {2, Designation{Designation::G1, Set::Single, encoding}};
    return {0, std::nullopt};
}

/// The iconv set that decodes a two-byte set's characters once they are in EUC form.
TextEncoding eucOf(Set s)
{
    return s == Set::KsX1001  ? TextEncoding::EucKr
           : s == Set::Gb2312 ? TextEncoding::Gb2312
                              : TextEncoding::EucJp;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD in UTF-8

/// Output collected in runs of one encoding, each decoded when the encoding changes.
class Runs
{
public:
    void add(TextEncoding e, std::string_view bytes)
    {
        if (e != m_encoding)
            flush();
        m_encoding = e;
        m_pending += bytes;
    }
    std::string finish()
    {
        flush();
        return std::move(m_out);
    }

private:
    void flush()
    {
        m_out += decodeText(m_pending, m_encoding);
        m_pending.clear();
    }
    TextEncoding m_encoding = TextEncoding::Utf8;
    std::string m_pending, m_out;
};

} // namespace

DicomTextDecoder::DicomTextDecoder(std::string_view specificCharacterSet)
{
    std::vector<std::string> terms; // the first may be empty: ASCII
    for (std::string_view rest = specificCharacterSet;;) {
        const std::size_t bs = rest.find('\\');
        terms.push_back(trimmed(rest.substr(0, bs)));
        if (bs == std::string_view::npos)
            break;
        rest.remove_prefix(bs + 1);
    }
    std::size_t named = 0;
    for (const std::string& term : terms) {
        named += !term.empty();
        m_iso2022 |= term.rfind("ISO 2022 IR ", 0) == 0;
    }
    if (!m_iso2022 && named <= 1) {
        const auto whole = dicomTextEncoding(specificCharacterSet);
        if (whole && textEncodingAvailable(*whole))
            m_whole = *whole;
        else
            m_undecoded = std::string(specificCharacterSet);
        return;
    }
    // Code extensions: every term must be one ISO 2022 designates (ISO_IR 192 and GB18030 have
    // no ISO 2022 form); the first term's sets are in force where a value starts.
    m_iso2022 = true;
    for (std::size_t k = 0; k < terms.size(); ++k) {
        if (terms[k].empty())
            continue;
        const auto d = termDesignation(terms[k]);
        const bool multiByte = d && (d->set == Set::JisX0208 || d->set == Set::JisX0212 ||
                                     d->set == Set::KsX1001 || d->set == Set::Gb2312);
        if (!d || (multiByte && !textEncodingAvailable(eucOf(d->set)))) {
            m_undecoded = std::string(specificCharacterSet);
            return;
        }
        // Where the first term puts nothing in G1, the first later term's G1 set reads bytes
        // from 0x80 that come without an escape: writers that declare one extra set often
        // leave the escape out, and compliant text never has such bytes undesignated.
        if (d->target == Designation::G1 && (k == 0 || m_initialG1 == Set::None)) {
            m_initialG1 = d->set;
            m_initialG1Encoding = d->encoding;
        }
    }
}

std::string DicomTextDecoder::decode(std::string_view raw, bool personName) const
{
    if (!m_undecoded.empty())
        return std::string(raw);
    if (!m_iso2022)
        return decodeText(raw, m_whole);
    Set g0 = Set::Ascii, g1 = m_initialG1;
    TextEncoding g1Encoding = m_initialG1Encoding;
    Runs out;
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(raw[i]); };
    auto twoByte = [](Set s) { return s == Set::JisX0208 || s == Set::JisX0212; };
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const unsigned char b = byte(i);
        if (b == 0x1B) {
            const auto [length, d] = escapeDesignation(raw.substr(i + 1));
            if (!d) {
                out.add(TextEncoding::Utf8, kReplacement);
                continue;
            }
            (d->target == Designation::G0 ? g0 : g1) = d->set;
            if (d->target == Designation::G1)
                g1Encoding = d->encoding;
            i += length;
            continue;
        }
        const bool control = b == '\r' || b == '\n' || b == '\f' || b == '\t';
        const bool delimiter = b == '\\' || (personName && (b == '^' || b == '='));
        if (control || (delimiter && !twoByte(g0))) {
            g0 = Set::Ascii;
            g1 = m_initialG1;
            g1Encoding = m_initialG1Encoding;
            out.add(TextEncoding::Undeclared, raw.substr(i, 1));
            continue;
        }
        const bool pairFollows = i + 1 < raw.size();
        if (b < 0x80) {
            if (!twoByte(g0) || b < 0x21 || b == 0x7F) {
                out.add(TextEncoding::Undeclared, raw.substr(i, 1));
            } else if (pairFollows && byte(i + 1) >= 0x21 && byte(i + 1) < 0x7F) {
                // JIS X 0208 / 0212 in G0 -> EUC-JP: both bytes with the high bit set, 0212's
                // after the single shift SS3 (0x8F).
                std::string euc;
                if (g0 == Set::JisX0212)
                    euc += '\x8F';
                euc += char(b | 0x80);
                euc += char(byte(i + 1) | 0x80);
                out.add(TextEncoding::EucJp, euc);
                ++i;
            } else {
                out.add(TextEncoding::Utf8, kReplacement);
            }
            continue;
        }
        switch (g1) {
        case Set::Single:
            out.add(g1Encoding, raw.substr(i, 1));
            break;
        case Set::Katakana:
            out.add(TextEncoding::JisX0201, raw.substr(i, 1));
            break;
        case Set::KsX1001:
        case Set::Gb2312:
            // Already EUC: G1 in the right half is what EUC-KR and EUC-CN are.
            if (b >= 0xA1 && b < 0xFF && pairFollows && byte(i + 1) >= 0xA1 && byte(i + 1) < 0xFF) {
                out.add(eucOf(g1), raw.substr(i, 2));
                ++i;
            } else {
                out.add(TextEncoding::Utf8, kReplacement);
            }
            break;
        default:
            out.add(TextEncoding::Utf8, kReplacement); // nothing in G1
        }
    }
    return out.finish();
}

} // namespace ecglens
