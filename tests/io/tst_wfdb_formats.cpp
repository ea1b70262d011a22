// WFDB reader details checked in-process against independent references: a second, deliberately
// different decoder (arithmetic on bytes) for every storage format of binformats, hand-decoded
// bytes, PhysioNet's published beat counts for record 100, and header comment conventions.

#include "io/open.h"
#include "io/readers.h"

#include "test_data.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ecglens;

namespace {

QByteArray readData(const QString& rel)
{
    QFile f(test::dataPath(rel));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

long long signedOf(long long v, int bits)
{
    const long long half = 1LL << (bits - 1);
    return v >= half ? v - 2 * half : v;
}

/// Independent decoder: unsigned byte arithmetic, no shifts or masks shared with the reader.
std::vector<long long> referenceDecode(int format, const QByteArray& raw, long long initial)
{
    std::vector<long long> out;
    auto b = [&](int i) { return (long long)(unsigned char)raw[i]; };
    const int n = int(raw.size());
    switch (format) {
    case 8: { // first differences from the initial value
        long long acc = initial;
        for (int i = 0; i < n; ++i)
            out.push_back(acc += signedOf(b(i), 8));
        break;
    }
    case 16:
        for (int i = 0; i + 1 < n; i += 2)
            out.push_back(signedOf(b(i) + 256 * b(i + 1), 16));
        break;
    case 61: // big-endian
        for (int i = 0; i + 1 < n; i += 2)
            out.push_back(signedOf(256 * b(i) + b(i + 1), 16));
        break;
    case 80: // offset binary
        for (int i = 0; i < n; ++i)
            out.push_back(b(i) - 128);
        break;
    case 160:
        for (int i = 0; i + 1 < n; i += 2)
            out.push_back(b(i) + 256 * b(i + 1) - 32768);
        break;
    case 24:
        for (int i = 0; i + 2 < n; i += 3)
            out.push_back(signedOf(b(i) + 256 * b(i + 1) + 65536 * b(i + 2), 24));
        break;
    case 32:
        for (int i = 0; i + 3 < n; i += 4)
            out.push_back(
                signedOf(b(i) + 256 * b(i + 1) + 65536 * b(i + 2) + 16777216 * b(i + 3), 32));
        break;
    case 212: // byte 1 holds the high nibbles: low nibble -> sample 0, high nibble -> sample 1
        for (int i = 0; i + 1 < n; i += 3) {
            out.push_back(signedOf(b(i) + 256 * (b(i + 1) % 16), 12));
            if (i + 2 < n)
                out.push_back(signedOf(b(i + 2) + 256 * (b(i + 1) / 16), 12));
        }
        break;
    case 310: // two 16-bit words; bit 0 unused; sample 2 from the top 5 bits of both words
        for (int i = 0; i + 1 < n; i += 4) {
            const long long w0 = b(i) + 256 * b(i + 1);
            out.push_back(signedOf((w0 / 2) % 1024, 10));
            if (i + 3 < n) {
                const long long w1 = b(i + 2) + 256 * b(i + 3);
                out.push_back(signedOf((w1 / 2) % 1024, 10));
                out.push_back(signedOf(w0 / 2048 + 32 * (w1 / 2048), 10));
            }
        }
        break;
    case 311: // one 32-bit word, three 10-bit fields from the bottom
        for (int i = 0; i + 1 < n; i += 4) {
            long long w = 0, scale = 1;
            for (int k = 0; k < 4 && i + k < n; ++k, scale *= 256)
                w += b(i + k) * scale;
            const int avail = std::min(4, n - i);
            out.push_back(signedOf(w % 1024, 10));
            if (avail >= 3)
                out.push_back(signedOf((w / 1024) % 1024, 10));
            if (avail >= 4)
                out.push_back(signedOf((w / 1048576) % 1024, 10));
        }
        break;
    default:
        break;
    }
    return out;
}

} // namespace

class TestWfdbFormats : public QObject
{
    Q_OBJECT

private slots:
    void binformatsAgainstReferenceDecoder();
    void handDecodedBytes();
    void flacLongConstant();
    void leadRatesAndNames();
    void mitAnnotations();
    void ludbPerLeadAnnotations();
    void headerComments_data();
    void headerComments();
    void startTime();
};

void TestWfdbFormats::binformatsAgainstReferenceDecoder()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/binformats.hea"));
    const auto rec =
        io::open(test::dataPath(QStringLiteral("wfdb-samples/binformats.hea")).toStdString());
    QVERIFY2(rec.ok(), rec.error().c_str());
    QCOMPARE(rec->format, std::string("WFDB format 8, 16, 24, 32, 61, 80, 160, 212, 310, 311"));
    // The test's full-scale 24- and 32-bit signals, calibrated in mV at 200 adu/mV, reach
    // 2^23/200 and 2^31/200 mV: an ECG program says so (io::open's amplitude check); nothing else.
    QCOMPARE(rec->warnings.size(), std::size_t(2));
    QCOMPARE(rec->warnings[0].id, std::string("reader.amplitude_implausible"));
    QCOMPARE(rec->warnings[0].args, (std::vector<std::string>{"sig 8, fmt 24", "41943"}));
    QCOMPARE(rec->warnings[1].args, (std::vector<std::string>{"sig 9, fmt 32", "1.07374e+07"}));
    // Signal i is in binformats.d<i>; formats and initial values from the header lines.
    const int formats[10] = {8, 16, 61, 80, 160, 212, 310, 311, 24, 32};
    const long long initial[10] = {-2047, -32766, -32765, -124,     -32763,
                                   -2042, -505,   -504,   -8388599, -2147483638};
    for (int s = 0; s < 10; ++s) {
        const QByteArray raw = readData(QStringLiteral("wfdb-samples/binformats.d%1").arg(s));
        const std::vector<long long> want = referenceDecode(formats[s], raw, initial[s]);
        QVERIFY2(want.size() >= 499, qPrintable(QString::number(s)));
        const Lead& lead = rec->leads[std::size_t(s)];
        QCOMPARE(lead.size(), std::size_t(499));
        QCOMPARE(want[0], initial[s]);
        QCOMPARE(lead.gain, 200.0);
        int invalid = 0;
        for (std::size_t i = 0; i < 499; ++i) {
            QCOMPARE((long long)lead.digitalAt(i), want[i]);
            if (std::isnan(lead.samples[i])) {
                ++invalid;
                QCOMPARE((long long)lead.invalidDigital, want[i]);
            } else {
                QCOMPARE(lead.samples[i], float(double(want[i]) / 200.0));
            }
        }
        // 24/32-bit values do not fit a float: the reader keeps the stored integers.
        if (formats[s] == 24 || formats[s] == 32)
            QCOMPARE(lead.digital.size(), std::size_t(499));
        if (formats[s] == 8)
            QCOMPARE(invalid, 0); // differences cannot mark invalid samples
    }
}

void TestWfdbFormats::handDecodedBytes()
{
    // binformats.d5 (212) starts 06 98 22: sample 0 = 0x806 -> -2042, sample 1 = 0x922 -> -1758.
    // binformats.d6 (310) starts 0e ec c4 2e: words 0xec0e, 0x2ec4; sample 0 = (0xec0e >> 1) &
    // 0x3ff
    //   = 0x207 -> -505; sample 1 = (0x2ec4 >> 1) & 0x3ff = 0x362 -> -158;
    //   sample 2 = 0xec0e >> 11 (0x1d) | (0x2ec4 >> 11 = 0x05) << 5 = 0xbd = 189.
    // binformats.d7 (311) starts 08 8e ed 0b: word 0x0bed8e08: 0x208 -> -504, 0x363 -> -157,
    //   0x0be = 190.
    // binformats.d8 (24) starts 09 00 80: 0x800009 -> -8388599.
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/binformats.hea"));
    const auto rec =
        io::open(test::dataPath(QStringLiteral("wfdb-samples/binformats.hea")).toStdString());
    QVERIFY2(rec.ok(), rec.error().c_str());
    QCOMPARE(rec->leads[5].digitalAt(0), -2042);
    QCOMPARE(rec->leads[5].digitalAt(1), -1758);
    QCOMPARE(rec->leads[6].digitalAt(0), -505);
    QCOMPARE(rec->leads[6].digitalAt(1), -158);
    QCOMPARE(rec->leads[6].digitalAt(2), 189);
    QCOMPARE(rec->leads[7].digitalAt(0), -504);
    QCOMPARE(rec->leads[7].digitalAt(1), -157);
    QCOMPARE(rec->leads[7].digitalAt(2), 190);
    QCOMPARE(rec->leads[8].digitalAt(0), -8388599);
}

void TestWfdbFormats::flacLongConstant()
{
    // flac_3_constant: 5,600,000 frames of format 508 whose header initial values are 25, 50, 75
    // and checksums 15104, 30208, -20224 = 25, 50, 75 x 5,600,000 mod 2^16: constant signals.
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/flac_3_constant.hea"));
    QCOMPARE((25LL * 5600000) % 65536, 15104LL);
    const auto rec =
        io::open(test::dataPath(QStringLiteral("wfdb-samples/flac_3_constant.hea")).toStdString());
    QVERIFY2(rec.ok(), rec.error().c_str());
    QVERIFY(rec->warnings.empty());
    QCOMPARE(rec->sampleCount(), std::size_t(5600000));
    for (int s = 0; s < 3; ++s) {
        const Lead& lead = rec->leads[std::size_t(s)];
        const float want = float(25 * (s + 1)) / 200.0f;
        std::size_t same = 0;
        for (float v : lead.samples)
            same += v == want;
        QCOMPARE(same, std::size_t(5600000));
    }
}

void TestWfdbFormats::leadRatesAndNames()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/mixedsignals.hea"));
    // mixedsignals: 62.4725 frames/s; II, III, V at 4 samples per frame, ABP and Pleth at 2.
    auto rec =
        io::open(test::dataPath(QStringLiteral("wfdb-samples/mixedsignals.hea")).toStdString());
    QVERIFY2(rec.ok(), rec.error().c_str());
    QCOMPARE(rec->fsHz, 62.4725);
    QCOMPARE(rec->leads[0].fsHz, 62.4725 * 4);
    QCOMPARE(rec->leads[3].fsHz, 62.4725 * 2);
    QCOMPARE(rec->leads[5].fsHz, 62.4725);
    QCOMPARE(rec->leads[0].size(), std::size_t(14400 * 4));
    QCOMPARE(rec->sampleCount(), std::size_t(14400));
    QCOMPARE(rec->leads[3].unit, std::string("mmHg"));
    QCOMPARE(rec->leads[3].baseline, 800.0);
    QCOMPARE(rec->leads[0].baseline, 8192.0); // ADC zero when no baseline is given

    // s0010_re: lower-case PTB names are normalised; the file's spelling is kept.
    rec = io::open(test::dataPath(QStringLiteral("wfdb-samples/s0010_re.hea")).toStdString());
    QVERIFY2(rec.ok(), rec.error().c_str());
    QCOMPARE(rec->leads[3].name, std::string("aVR"));
    QCOMPARE(rec->leads[3].originalName, std::string("avr"));
    QCOMPARE(rec->leads[12].name, std::string("vx"));
    QCOMPARE(rec->leads[0].gain, 2000.0);
    // 100: MLII is not renamed; no gain units given -> mV; baseline = ADC zero 1024.
    rec = io::open(test::dataPath(QStringLiteral("wfdb-samples/100.hea")).toStdString());
    QVERIFY2(rec.ok(), rec.error().c_str());
    QCOMPARE(rec->leads[0].name, std::string("MLII"));
    QCOMPARE(rec->leads[0].unit, std::string("mV"));
    QCOMPARE(rec->leads[0].baseline, 1024.0);
    QCOMPARE(rec->leads[0].adcResolutionBits, 11);
    QCOMPARE(rec->format, std::string("WFDB format 212"));
    // v102s: ADC resolution 0 in the header -> the format's default (12 bits for 212).
    rec = io::open(test::dataPath(QStringLiteral("wfdb-samples/v102s.hea")).toStdString());
    QVERIFY2(rec.ok(), rec.error().c_str());
    QCOMPARE(rec->leads[0].adcResolutionBits, 12);
    QCOMPARE(rec->leads[2].unit, std::string("NU"));
}

void TestWfdbFormats::mitAnnotations()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/100.atr"));
    // 100.atr starts 12 70 03 fc 28 4e 00 00 3b 04: word 0x7012 = code 28 ('+') after 18 samples;
    // 0xfc03 = AUX of 3 bytes "(N\0" (padded to 4); 0x043b = code 1 ('N') 59 samples later (77).
    const auto anns = io::readWfdbAnnotations(
        test::dataPath(QStringLiteral("wfdb-samples/100.hea")).toStdString(), "atr");
    QVERIFY2(anns.ok(), anns.error().c_str());
    QCOMPARE((*anns)[0].code, std::string("+"));
    QCOMPARE((*anns)[0].sample, 18);
    QCOMPARE((*anns)[0].text, std::string("(N"));
    QCOMPARE((*anns)[0].timeS, 18.0 / 360.0);
    QCOMPARE((*anns)[1].code, std::string("N"));
    QCOMPARE((*anns)[1].sample, 77);
    // PhysioNet's MIT-BIH directory, record 100: 2239 normal beats, 33 APCs, 1 PVC.
    int n = 0, a = 0, v = 0;
    for (const Annotation& x : *anns) {
        n += x.code == "N";
        a += x.code == "A";
        v += x.code == "V";
        QCOMPARE(x.source, std::string("atr"));
    }
    QCOMPARE(n, 2239);
    QCOMPARE(a, 33);
    QCOMPARE(v, 1);
    QCOMPARE(anns->back().sample, 649991); // the last beat, within the 650000 samples

    // io::open loads the annotator the options name.
    io::OpenOptions options;
    options.annotator = "qrs";
    const auto rec =
        io::open(test::dataPath(QStringLiteral("wfdb-samples/100.hea")).toStdString(), options);
    QVERIFY2(rec.ok(), rec.error().c_str());
    QVERIFY(rec->annotations.size() > 2000);
    QCOMPARE(rec->annotations.back().source, std::string("qrs"));
    options.loadAnnotations = false;
    QVERIFY(io::open(test::dataPath(QStringLiteral("wfdb-samples/100.hea")).toStdString(), options)
                ->annotations.empty());
}

void TestWfdbFormats::ludbPerLeadAnnotations()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("ludb/data/1.hea"));
    const auto rec = io::open(test::dataPath(QStringLiteral("ludb/data/1.hea")).toStdString());
    QVERIFY2(rec.ok(), rec.error().c_str());
    // Each wave is "(" onset, peak ("p", "N" or "t"), ")" offset in the lead's own file.
    for (int lead = 0; lead < 12; ++lead) {
        std::vector<const Annotation*> mine;
        for (const Annotation& a : rec->annotations)
            if (a.lead == lead)
                mine.push_back(&a);
        QVERIFY(mine.size() >= 3);
        int depth = 0;
        for (const Annotation* a : mine) {
            if (a->code == "(")
                ++depth;
            else if (a->code == ")")
                --depth;
            else
                QVERIFY2(a->code == "p" || a->code == "N" || a->code == "t", a->code.c_str());
            QVERIFY(depth == 0 || depth == 1);
        }
    }
    const auto ii = io::readWfdbAnnotations(
        test::dataPath(QStringLiteral("ludb/data/1.hea")).toStdString(), "ii");
    QVERIFY2(ii.ok(), ii.error().c_str());
    QCOMPARE(ii->front().source, std::string("ii"));
}

void TestWfdbFormats::headerComments_data()
{
    QTest::addColumn<QByteArray>("comments");
    QTest::addColumn<double>("age"); // -1 = unknown
    QTest::addColumn<QString>("sex");
    QTest::addColumn<QStringList>("statements"); // code or text of each statement
    QTest::newRow("MIT-BIH LF") << QByteArray("# 69 M 1085 1629 x1\n# Aldomet, Inderal\n") << 69.0
                                << "M" << QStringList();
    QTest::newRow("MIT-BIH CRLF") << QByteArray("# 75 F 1011 654 x1\r\n# Diapres\r\n") << 75.0
                                  << "F" << QStringList();
    QTest::newRow("MIT-BIH unknown")
        << QByteArray("# ? ? 1011 654 x1\n") << -1.0 << "" << QStringList();
    QTest::newRow("PTB")
        << QByteArray("# age: 81\r\n# sex: female\r\n\r\n# Diagnose:\r\n# Reason for admission: "
                      "Myocardial infarction\r\n# Smoker: no\r\n# Previous infarction (1) date: "
                      "n/a\r\n\r\n# Therapy:\r\n# Dosage (lytic agent): 30 mg\r\n")
        << 81.0 << "F"
        << QStringList{QStringLiteral("Reason for admission: Myocardial infarction")};
    QTest::newRow("challenge")
        << QByteArray("#Age: 51\n#Sex: Male\n#Dx: 164889003,59118001\n#Rx: Unknown\n") << 51.0
        << "M" << QStringList{QStringLiteral("164889003"), QStringLiteral("59118001")};
    QTest::newRow("LUDB") << QByteArray("#<age>: 51\n#<sex>: F\n#<diagnoses>:\n#Rhythm: Sinus "
                                        "bradycardia.\n#Left ventricular hypertrophy. \n")
                          << 51.0 << "F"
                          << QStringList{QStringLiteral("Rhythm: Sinus bradycardia."),
                                         QStringLiteral("Left ventricular hypertrophy.")};
    QTest::newRow("one line")
        << QByteArray("# <age>: 25  <sex>: M  <diagnoses>: (none)  <medications>: (none)\n") << 25.0
        << "M" << QStringList();
    QTest::newRow("unknown") << QByteArray("# <age>: ?? <sex>: ?\n") << -1.0 << "" << QStringList();
}

void TestWfdbFormats::headerComments()
{
    QFETCH(QByteArray, comments);
    QFETCH(double, age);
    QFETCH(QString, sex);
    QFETCH(QStringList, statements);
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/100.dat"));
    QTemporaryDir dir;
    QFile hea(dir.filePath(QStringLiteral("r.hea")));
    QVERIFY(hea.open(QIODevice::WriteOnly));
    hea.write("r 1 360 10\r\nr.dat 16 200 16 0 0 0 0 x\r\n" + comments);
    hea.close();
    QFile dat(dir.filePath(QStringLiteral("r.dat")));
    QVERIFY(dat.open(QIODevice::WriteOnly));
    dat.write(QByteArray(20, '\0'));
    dat.close();
    const auto rec = io::open(dir.filePath(QStringLiteral("r.hea")).toStdString());
    QVERIFY2(rec.ok(), rec.error().c_str());
    if (age < 0)
        QVERIFY(!rec->patient.ageYears);
    else
        QCOMPARE(rec->patient.ageYears.value_or(-1), age);
    QCOMPARE(QString::fromLatin1(sexCode(rec->patient.sex)), sex);
    QStringList got;
    for (const Statement& s : rec->statements)
        got << QString::fromStdString(s.code.empty() ? s.text : s.code);
    QCOMPARE(got, statements);
    // Every comment line is kept as a note, trimmed, without '#'.
    const QList<QByteArray> lines = comments.split('\n');
    int nonEmpty = 0;
    for (const QByteArray& l : lines)
        nonEmpty += !l.trimmed().isEmpty();
    QCOMPARE(int(rec->notes.size()), nonEmpty);
}

void TestWfdbFormats::startTime()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/03700181.hea"));
    // "03700181 3 125 75000 17:27:45 15/08/1994"
    auto rec = io::open(test::dataPath(QStringLiteral("wfdb-samples/03700181.hea")).toStdString());
    QVERIFY2(rec.ok(), rec.error().c_str());
    QVERIFY(rec->start && rec->start->hasDate);
    QCOMPARE(rec->start->hour, 17);
    QCOMPARE(rec->start->minute, 27);
    QCOMPARE(rec->start->second, 45.0);
    QCOMPARE(rec->start->date.year, 1994);
    QCOMPARE(rec->start->date.month, 8);
    QCOMPARE(rec->start->date.day, 15);
    // "3000003_0003 2 125 1028 19:46:25.757": time of day only.
    rec = io::open(test::dataPath(QStringLiteral("wfdb-samples/3000003_0003.hea")).toStdString());
    QVERIFY2(rec.ok(), rec.error().c_str());
    QVERIFY(rec->start && !rec->start->hasDate);
    QCOMPARE(rec->start->second, 25.757);
}

QTEST_GUILESS_MAIN(TestWfdbFormats)
#include "tst_wfdb_formats.moc"
