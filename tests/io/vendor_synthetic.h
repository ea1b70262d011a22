#pragma once

// Builders of small synthetic SCP-ECG and DICOM files for tst_vendor, written from the layouts in
// EN 1064 and DICOM PS3.5 (not from the readers): they exercise paths the shared sample files do
// not (reference-beat addition, difference encodings, sections 1/8, explicit VR, undefined
// lengths, a non-first RHYTHM group, mV units, baseline and correction factor).

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QPair>
#include <QString>

#include <cstdint>

namespace vendor_test {

/// Test-local CRC-CCITT (poly 0x1021, init 0xFFFF), written from the EN 1064 text.
inline std::uint16_t crc(const QByteArray& b, int from, int to)
{
    std::uint16_t c = 0xFFFF;
    for (int i = from; i < to; ++i) {
        c ^= std::uint16_t(std::uint8_t(b[i]) << 8);
        for (int k = 0; k < 8; ++k)
            c = (c & 0x8000) ? std::uint16_t((c << 1) ^ 0x1021) : std::uint16_t(c << 1);
    }
    return c;
}

inline void put(QByteArray& b, int at, std::uint32_t v, int n)
{
    for (int i = 0; i < n; ++i)
        b[at + i] = char((v >> (8 * i)) & 0xFF);
}

/// One SCP section: 16-byte header (CRC over id..end, id, length, versions, reserved) + payload.
inline QByteArray scpSection(int id, const QByteArray& payload)
{
    QByteArray s(16, '\0');
    put(s, 2, std::uint32_t(id), 2);
    put(s, 4, std::uint32_t(16 + payload.size()), 4);
    s[8] = 20;
    s[9] = 20;
    if (id == 0)
        s.replace(10, 6, "SCPECG");
    s += payload;
    put(s, 0, crc(s, 2, int(s.size())), 2);
    return s;
}

inline QByteArray int16s(const QList<int>& v)
{
    QByteArray b(2 * v.size(), '\0');
    for (int i = 0; i < v.size(); ++i)
        put(b, 2 * i, std::uint32_t(std::uint16_t(std::int16_t(v[i]))), 2);
    return b;
}

/// A one-lead, 20-sample SCP file without Huffman coding (no section 2: plain int16), with a
/// 5-sample reference beat subtracted around one QRS, written from the EN 1064 layout. With
/// `extras`, sections 1 and 8; a `languageCode` >= 0 adds section 1 tag 14 (acquiring device)
/// with that language support code, and `lastName` replaces tag 0's value.
inline QByteArray syntheticScp(int diff, const QList<int>& residual, bool extras = false,
                               int languageCode = -1, const QByteArray& lastName = {})
{
    QByteArray s3(2 + 9, '\0');
    s3[0] = 1;
    s3[1] = char(0x01 | 0x04 | (1 << 3)); // reference beat subtracted, simultaneous, 1 lead
    put(s3, 2, 1, 4);                     // first sample 1
    put(s3, 6, 20, 4);                    // last sample 20
    s3[10] = 1;                           // lead I
    QByteArray s4(6 + 14 + 8, '\0');
    put(s4, 0, 10, 2); // reference beat 10 ms = 5 samples at 2000 us
    put(s4, 2, 3, 2);  // fiducial at reference beat sample 3
    put(s4, 4, 1, 2);  // one QRS
    put(s4, 6, 0, 2);  // type 0 (the subtracted reference type)
    put(s4, 8, 5, 4);  // subtraction from sample 5
    put(s4, 12, 7, 4); // fiducial at sample 7
    put(s4, 16, 9, 4); // to sample 9
    put(s4, 20, 5, 4); // protected zone
    put(s4, 24, 9, 4);
    QByteArray s5(8, '\0');
    put(s5, 0, 1000, 2); // AVM 1000 nV
    put(s5, 2, 2000, 2); // 2000 us
    put(s5, 6, 10, 2);   // 10 bytes for lead 1
    s5 += int16s({10, 20, 30, 40, 50});
    QByteArray s6(8, '\0');
    put(s6, 0, 1000, 2);
    put(s6, 2, 2000, 2);
    s6[4] = char(diff);
    put(s6, 6, std::uint32_t(2 * residual.size()), 2);
    s6 += int16s(residual);
    QList<QPair<int, QByteArray>> sections = {{3, s3}, {4, s4}, {5, s5}, {6, s6}};
    if (extras) {
        // Section 1 tags: 0 last name, 1 first name, 3 second last name (ISO 8859-1 bytes),
        // 2 patient ID, 4 age 18 months, 8 sex 2 (female), 25 acquisition date 2020-02-29,
        // 26 time 23:59:58, 30 free text, 255 end.
        QByteArray s1;
        auto tag = [&](int t, const QByteArray& v) {
            QByteArray h(3, '\0');
            h[0] = char(t);
            put(h, 1, std::uint32_t(v.size()), 2);
            s1 += h + v;
        };
        // With language support code 0x07 (ISO 10646) the text fields are UTF-16LE, written
        // here with QString's encoder from the ISO 8859-1 text, ending with a 0x0000 unit.
        auto text = [&](const QByteArray& latin1) {
            if (languageCode != 0x07)
                return latin1;
            const QString t = QString::fromLatin1(latin1.left(latin1.indexOf('\0')));
            QByteArray wide;
            for (const QChar c : QString(t + QChar(0)))
                wide += char(c.unicode() & 0xFF), wide += char(c.unicode() >> 8);
            return wide;
        };
        tag(0, lastName.isEmpty() ? text(QByteArray("M\xFCller\0", 7)) : lastName);
        if (languageCode >= 0) {
            // Institution, department, device ID (2 each), type, manufacturer, model (6),
            // protocol revision, compatibility level, language support code (byte 16),
            // capabilities, mains frequency, 16 reserved, an empty program revision (length 0).
            QByteArray device(36, '\0');
            device.replace(8, 6, "SYNTH1");
            device[14] = 20;
            device[16] = char(languageCode);
            tag(14, device);
        }
        tag(1, text(QByteArray("Hans\0", 5)));
        tag(3, text(QByteArray("L\xFC"
                               "denscheid\0",
                               12)));
        tag(2, text(QByteArray("P-7\0", 4)));
        tag(4, QByteArray("\x12\x00\x02", 3));
        tag(8, QByteArray("\x02", 1));
        tag(25, QByteArray("\xE4\x07\x02\x1D", 4));
        tag(26, QByteArray("\x17\x3B\x3A", 3));
        tag(30, text(QByteArray("synthetic test\0", 15)));
        tag(255, QByteArray());
        sections.prepend({1, s1});
        // Section 8: confirmed(1), date(4), time(3), count(1), then seq(1) length(2) text.
        QByteArray s8(9, '\0');
        s8[8] = 2;
        int sequence = 0;
        for (const char* statement : {"Sinus rhythm", "Normal ECG"}) {
            const QByteArray t = text(QByteArray(statement) + '\0');
            QByteArray h(3, '\0');
            h[0] = char(++sequence);
            put(h, 1, std::uint32_t(t.size()), 2);
            s8 += h + t;
        }
        sections.append({8, s8});
    }
    QList<QByteArray> body;
    QByteArray pointers;
    int offset = 6 + 16 + int(sections.size()) * 10;
    for (const auto& [id, payload] : sections) {
        body << scpSection(id, payload);
        QByteArray p(10, '\0');
        put(p, 0, std::uint32_t(id), 2);
        put(p, 2, std::uint32_t(body.back().size()), 4);
        put(p, 6, std::uint32_t(offset + 1), 4); // 1-based index
        pointers += p;
        offset += int(body.back().size());
    }
    QByteArray file(6, '\0');
    file += scpSection(0, pointers);
    for (const QByteArray& b : body)
        file += b;
    put(file, 2, std::uint32_t(file.size()), 4);
    put(file, 0, crc(file, 2, int(file.size())), 2);
    return file;
}

inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// ---- DICOM (PS3.5 data elements; explicit or implicit VR little endian) ----

inline QByteArray u16le(std::uint32_t v)
{
    QByteArray b(2, '\0');
    put(b, 0, v, 2);
    return b;
}

inline QByteArray u32le(std::uint32_t v)
{
    QByteArray b(4, '\0');
    put(b, 0, v, 4);
    return b;
}

struct DicomWriter
{
    bool explicitVr = true;

    QByteArray tag(int g, int e) const { return u16le(std::uint32_t(g)) + u16le(std::uint32_t(e)); }

    QByteArray el(int g, int e, const char* vr, QByteArray v) const
    {
        if (v.size() % 2)
            v += (QByteArray(vr) == "UI" || QByteArray(vr) == "OB") ? '\0' : ' ';
        const QByteArray vrs(vr);
        const bool longVr = vrs == "OB" || vrs == "OW" || vrs == "SQ" || vrs == "UN" || vrs == "UT";
        if (g == 0x0002 || explicitVr) // the file meta group is always explicit
            return tag(g, e) + vrs +
                   (longVr ? u16le(0) + u32le(std::uint32_t(v.size()))
                           : u16le(std::uint32_t(v.size()))) +
                   v;
        return tag(g, e) + u32le(std::uint32_t(v.size())) + v;
    }
    /// A sequence of undefined length ending with (FFFE,E0DD), or of defined length.
    QByteArray seq(int g, int e, const QByteArray& items, bool undefined) const
    {
        const QByteArray head = explicitVr ? tag(g, e) + QByteArray("SQ") + u16le(0) : tag(g, e);
        if (undefined)
            return head + u32le(0xFFFFFFFF) + items + tag(0xFFFE, 0xE0DD) + u32le(0);
        return head + u32le(std::uint32_t(items.size())) + items;
    }
    QByteArray item(const QByteArray& content, bool undefined) const
    {
        if (undefined)
            return tag(0xFFFE, 0xE000) + u32le(0xFFFFFFFF) + content + tag(0xFFFE, 0xE00D) +
                   u32le(0);
        return tag(0xFFFE, 0xE000) + u32le(std::uint32_t(content.size())) + content;
    }
};

/// A DICOM ECG with two waveform groups: a 1-channel "MEDIAN" group first (undefined-length
/// item), then the "RHYTHM" group (defined-length item): 250 Hz, 3 frames of 2 channels:
/// ch 1 SCPECG code 5.6.3-9-62 (aVR), 0.005 mV x correction 2 + baseline 0.1 mV;
/// ch 2 code meaning "Lead I (Einthoven)", 2.5 uV. Frames (100, -4), (-200, 8), (32767, -32768).
/// `charset` adds a Specific Character Set (0008,0005); `name` replaces the patient's name.
inline QByteArray syntheticDicom(bool explicitVr, const QByteArray& charset = {},
                                 const QByteArray& name = {})
{
    DicomWriter w{explicitVr};
    QByteArray f(128, '\0');
    f += "DICM";
    f += w.el(0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.9.1.1");
    f += w.el(0x0002, 0x0010, "UI", explicitVr ? "1.2.840.10008.1.2.1" : "1.2.840.10008.1.2");
    if (!charset.isEmpty())
        f += w.el(0x0008, 0x0005, "CS", charset);
    f += w.el(0x0008, 0x002A, "DT", "20200229235958.5");
    // PS3.5 6.2.1.1's example name, with an ideographic group after "=" that is not shown.
    f += w.el(0x0010, 0x0010, "PN",
              name.isEmpty() ? QByteArray("Adams^John Robert Quincy^^Rev.^B.A. M.Div.=Ad^Jo")
                             : name);
    f += w.el(0x0010, 0x0020, "LO", "P-9");
    f += w.el(0x0010, 0x0040, "CS", "F");
    f += w.el(0x0010, 0x1010, "AS", "007M");
    auto source = [&](const QByteArray& code, const QByteArray& meaning) {
        return w.seq(0x003A, 0x0208,
                     w.item(w.el(0x0008, 0x0100, "SH", code) +
                                w.el(0x0008, 0x0102, "SH", "SCPECG") +
                                w.el(0x0008, 0x0104, "LO", meaning),
                            false),
                     false);
    };
    auto units = [&](const QByteArray& u) {
        return w.seq(0x003A, 0x0211, w.item(w.el(0x0008, 0x0100, "SH", u), true), true);
    };
    const QByteArray median =
        w.el(0x003A, 0x0005, "US", u16le(1)) + w.el(0x003A, 0x0010, "UL", u32le(2)) +
        w.el(0x003A, 0x001A, "DS", "1000") + w.el(0x003A, 0x0020, "CS", "MEDIAN") +
        w.seq(0x003A, 0x0200,
              w.item(source("5.6.3-9-2", "Lead II") + w.el(0x003A, 0x0210, "DS", "1"), false),
              false) +
        w.el(0x5400, 0x1004, "US", u16le(16)) + w.el(0x5400, 0x1006, "CS", "SS") +
        w.el(0x5400, 0x1010, "OW", u16le(7) + u16le(9));
    const QByteArray ch1 = source("5.6.3-9-62", "Lead aVR") + w.el(0x003A, 0x0210, "DS", "0.005") +
                           units("mV") + w.el(0x003A, 0x0212, "DS", "2") +
                           w.el(0x003A, 0x0213, "DS", "0.1");
    const QByteArray ch2 =
        source("2:1", "Lead I (Einthoven)") + w.el(0x003A, 0x0210, "DS", "2.5") + units("uV");
    QByteArray data;
    for (int v : {100, -4, -200, 8, 32767, -32768})
        data += u16le(std::uint32_t(std::uint16_t(std::int16_t(v))));
    const QByteArray rhythm =
        w.el(0x003A, 0x0005, "US", u16le(2)) + w.el(0x003A, 0x0010, "UL", u32le(3)) +
        w.el(0x003A, 0x001A, "DS", "250") + w.el(0x003A, 0x0020, "CS", "RHYTHM") +
        w.seq(0x003A, 0x0200, w.item(ch1, true) + w.item(ch2, false), true) +
        w.el(0x5400, 0x1004, "US", u16le(16)) + w.el(0x5400, 0x1006, "CS", "SS") +
        w.el(0x5400, 0x1010, "OW", data);
    f += w.seq(0x5400, 0x0100, w.item(median, true) + w.item(rhythm, false), true);
    return f;
}

} // namespace vendor_test
