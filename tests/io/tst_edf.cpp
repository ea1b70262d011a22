// EDF / EDF+ / BDF reader. References: the WFDB twin of test_generator_2 (decoded byte by byte
// here), values counted once from the shared files with a few lines of Python (856 TAL texts
// in test_edfann.edf), header arithmetic, and files written at test time by the small
// independent writer below.

#include "io/open.h"
#include "test_data.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

using namespace ecglens;

namespace {

/// Fixed-width, space-padded ASCII field (truncated when too long, as a careless writer would).
std::string field(const std::string& s, std::size_t width)
{
    std::string out = s.substr(0, width);
    out.resize(width, ' ');
    return out;
}

struct WSignal
{
    std::string label;
    std::string dim = "uV";
    std::string physMin = "-3276.8", physMax = "3276.7";
    std::string digMin = "-32768", digMax = "32767";
    int spr = 10;
    std::vector<std::int32_t> digital; ///< all records, concatenated; annotation signals ignore
    bool annotation = false;
    std::vector<std::string> tals; ///< annotation signal: raw TAL bytes per record
};

WSignal sig(const std::string& label, const std::string& dim, const std::string& physMin,
            const std::string& physMax, const std::string& digMin, const std::string& digMax,
            int spr, std::vector<std::int32_t> digital)
{
    WSignal s;
    s.label = label;
    s.dim = dim;
    s.physMin = physMin;
    s.physMax = physMax;
    s.digMin = digMin;
    s.digMax = digMax;
    s.spr = spr;
    s.digital = std::move(digital);
    return s;
}

struct WFile
{
    bool bdf = false;
    std::string patient = "X X X X";
    std::string recording = "Startdate X X X X";
    std::string date = "10.12.09", time = "12.44.02";
    std::string reserved;    ///< "EDF+C", "EDF+D", "" ...
    std::string records;     ///< empty: the real count
    std::string headerBytes; ///< empty: the real size
    std::string duration = "1";
    int recordCount = 1;
    std::vector<WSignal> sigs;
};

std::string edfBytes(const WFile& f)
{
    const std::size_t ns = f.sigs.size();
    std::string h;
    h += f.bdf ? std::string("\xFF") + "BIOSEMI" : field("0", 8);
    h += field(f.patient, 80) + field(f.recording, 80) + field(f.date, 8) + field(f.time, 8);
    h += field(f.headerBytes.empty() ? std::to_string(256 * (ns + 1)) : f.headerBytes, 8);
    h += field(f.bdf && f.reserved.empty() ? "24BIT" : f.reserved, 44);
    h += field(f.records.empty() ? std::to_string(f.recordCount) : f.records, 8);
    h += field(f.duration, 8) + field(std::to_string(ns), 4);
    for (const WSignal& s : f.sigs)
        h += field(s.label, 16);
    for (std::size_t i = 0; i < ns; ++i)
        h += field("AgAgCl electrode", 80);
    for (const WSignal& s : f.sigs)
        h += field(s.dim, 8);
    for (const WSignal& s : f.sigs)
        h += field(s.physMin, 8);
    for (const WSignal& s : f.sigs)
        h += field(s.physMax, 8);
    for (const WSignal& s : f.sigs)
        h += field(s.digMin, 8);
    for (const WSignal& s : f.sigs)
        h += field(s.digMax, 8);
    for (std::size_t i = 0; i < ns; ++i)
        h += field("HP:0.05Hz LP:150Hz", 80);
    for (const WSignal& s : f.sigs)
        h += field(std::to_string(s.spr), 8);
    for (std::size_t i = 0; i < ns; ++i)
        h += field("", 32);
    const int bps = f.bdf ? 3 : 2;
    for (int r = 0; r < f.recordCount; ++r) {
        for (const WSignal& s : f.sigs) {
            if (s.annotation) {
                std::string block = std::size_t(r) < s.tals.size() ? s.tals[std::size_t(r)] : "";
                block.resize(std::size_t(s.spr * bps), '\0');
                h += block;
                continue;
            }
            for (int i = 0; i < s.spr; ++i) {
                const std::uint32_t v = std::uint32_t(s.digital[std::size_t(r * s.spr + i)]);
                h += char(v & 0xFF);
                h += char((v >> 8) & 0xFF);
                if (f.bdf)
                    h += char((v >> 16) & 0xFF);
            }
        }
    }
    return h;
}

std::vector<std::int32_t> ramp(int n, int from, int step)
{
    std::vector<std::int32_t> v;
    for (int i = 0; i < n; ++i)
        v.push_back(from + i * step);
    return v;
}

/// Physical value by the EDF formula, computed here in double.
double physical(double d, double dmin, double dmax, double pmin, double pmax)
{
    return (d - dmin) * (pmax - pmin) / (dmax - dmin) + pmin;
}

} // namespace

class TestEdf : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString& name, const std::string& bytes)
    {
        const QString path = m_dir.filePath(name);
        std::ofstream out(path.toStdString(), std::ios::binary);
        out.write(bytes.data(), std::streamsize(bytes.size()));
        return path;
    }

    static Recording mustOpen(const QString& path)
    {
        Result<Recording> r = io::open(path.toStdString());
        if (!r.ok())
            qFatal("%s", r.error().c_str());
        return std::move(r).value();
    }

    static bool anyWarningContains(const Recording& rec, const char* text)
    {
        for (const Message& w : rec.warnings)
            if (w.text.find(text) != std::string::npos)
                return true;
        return false;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    /// test_generator_2.edf against its WFDB twin (16-bit little endian, 200 samples of each of
    /// 11 sigs + 51 of the annotation channel per 1-s frame; gain 32.7675 adu/uV).
    void generatorMatchesWfdbTwin()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/test_generator_2.edf"));
        ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/test_generator_2.dat"));
        const Recording rec =
            mustOpen(ecglens::test::dataPath(QStringLiteral("wfdb-samples/test_generator_2.edf")));
        QFile dat(ecglens::test::dataPath(QStringLiteral("wfdb-samples/test_generator_2.dat")));
        QVERIFY(dat.open(QIODevice::ReadOnly));
        const QByteArray bytes = dat.readAll();
        const int frameSamples = 11 * 200 + 51;
        QCOMPARE(bytes.size(), 600 * frameSamples * 2); // 600 frames
        QCOMPARE(QString::fromStdString(rec.format), QStringLiteral("EDF+C"));
        QCOMPARE(rec.leads.size(), std::size_t(11));
        QCOMPARE(rec.fsHz, 200.0);
        QCOMPARE(rec.sampleCount(), std::size_t(120000));
        const char* names[] = {"squarewave", "ramp",       "pulse",     "ECG",
                               "noise",      "sine 1 Hz",  "sine 8 Hz", "sine 8.5 Hz",
                               "sine 15 Hz", "sine 17 Hz", "sine 50 Hz"};
        for (int k = 0; k < 11; ++k) {
            const Lead& lead = rec.leads[std::size_t(k)];
            QCOMPARE(QString::fromStdString(lead.name), QString::fromLatin1(names[k]));
            QCOMPARE(lead.size(), std::size_t(120000));
            QVERIFY(std::abs(lead.gain - 32.7675) < 1e-9);
            for (int frame = 0; frame < 600; ++frame) {
                for (int i = 0; i < 200; ++i) {
                    const int at = (frame * frameSamples + k * 200 + i) * 2;
                    const auto lo = std::uint8_t(bytes[at]), hi = std::uint8_t(bytes[at + 1]);
                    const int d = std::int16_t(std::uint16_t(lo | (hi << 8)));
                    const std::size_t s = std::size_t(frame * 200 + i);
                    if (lead.digitalAt(s) != d)
                        QFAIL(qPrintable(QStringLiteral("%1 sample %2: %3 vs WFDB %4")
                                             .arg(QLatin1String(names[k]))
                                             .arg(s)
                                             .arg(lead.digitalAt(s))
                                             .arg(d)));
                    // WFDB physical = d / 32.7675 uV; EDF's own range puts 0 half a step away.
                    const double wfdb = d / 32.7675;
                    if (std::abs(lead.samples[s] - wfdb) > 0.5 / 32.7675 + 1e-3)
                        QFAIL("physical value differs from the WFDB twin");
                }
            }
        }
        QCOMPARE(QString::fromStdString(rec.leads[0].unit), QStringLiteral("uV"));
        // The WFDB header's start: 12:44:02 10/12/2009.
        QVERIFY(rec.start.has_value());
        QCOMPARE(rec.start->date.year, 2009);
        QCOMPARE(rec.start->date.month, 12);
        QCOMPARE(rec.start->date.day, 10);
        QCOMPARE(rec.start->hour, 12);
        QCOMPARE(rec.start->minute, 44);
        QCOMPARE(rec.start->second, 2.0);
        // TALs in the file bytes: "+0.0000\x14RECORD START", "+600.0000\x14REC STOP".
        QCOMPARE(rec.annotations.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(rec.annotations[0].code), QStringLiteral("RECORD START"));
        QCOMPARE(rec.annotations[1].timeS, 600.0);
    }

    void annotationOnlyFile()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/test_edfann.edf"));
        const Recording rec =
            mustOpen(ecglens::test::dataPath(QStringLiteral("wfdb-samples/test_edfann.edf")));
        QCOMPARE(rec.leads.size(), std::size_t(0));
        QCOMPARE(rec.annotations.size(), std::size_t(856)); // counted once with Python
        QCOMPARE(QString::fromStdString(rec.annotations[0].code), QStringLiteral("Sleep stage W"));
        QCOMPARE(rec.annotations[0].durationS, 30.0);
        QCOMPARE(rec.annotations[2].timeS, 33.43);
        QCOMPARE(QString::fromStdString(rec.annotations[2].text),
                 QStringLiteral("Lights off@@EEG F4-A1"));
        QCOMPARE(QString::fromStdString(rec.patient.id), QStringLiteral("SN001"));
    }

    /// Two rates, prefixed lead names, per-signal ranges, Latin-1 micro sign.
    void multiRateAndNames()
    {
        WFile f;
        f.recordCount = 3;
        WSignal a =
            sig("ECG I", "uV", "-3276.8", "3276.7", "-32768", "32767", 250, ramp(750, -30000, 80));
        WSignal b = sig("EKG V1", "mV", "-5", "5", "-2048", "2047", 125, ramp(375, -2048, 10));
        WSignal c = sig("Resp", "\xB5V", "0", "1000", "0", "1000", 25, ramp(75, 0, 13));
        f.sigs = {a, b, c};
        const Recording rec = mustOpen(write(QStringLiteral("multi.edf"), edfBytes(f)));
        QCOMPARE(QString::fromStdString(rec.format), QStringLiteral("EDF"));
        QCOMPARE(rec.leads.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(rec.leads[0].name), QStringLiteral("I"));
        QCOMPARE(QString::fromStdString(rec.leads[0].originalName), QStringLiteral("ECG I"));
        QCOMPARE(QString::fromStdString(rec.leads[1].name), QStringLiteral("V1"));
        QCOMPARE(QString::fromStdString(rec.leads[2].name), QStringLiteral("Resp"));
        QCOMPARE(QString::fromStdString(rec.leads[2].unit), QStringLiteral("uV"));
        QCOMPARE(QString::fromStdString(rec.leads[1].unit), QStringLiteral("mV"));
        QCOMPARE(rec.leads[0].fsHz, 250.0);
        QCOMPARE(rec.leads[1].fsHz, 125.0);
        QCOMPARE(rec.leads[2].fsHz, 25.0);
        QCOMPARE(rec.fsHz, 250.0); // the highest ECG rate
        QCOMPARE(rec.sampleCount(), std::size_t(750));
        const WSignal* sig[] = {&a, &b, &c};
        for (int k = 0; k < 3; ++k) {
            const WSignal& s = *sig[k];
            const Lead& lead = rec.leads[std::size_t(k)];
            QCOMPARE(lead.size(), s.digital.size());
            for (std::size_t i = 0; i < s.digital.size(); ++i) {
                const double want = physical(s.digital[i], std::stod(s.digMin), std::stod(s.digMax),
                                             std::stod(s.physMin), std::stod(s.physMax));
                QVERIFY(std::abs(lead.samples[i] - want) <= 1e-6 * std::max(1.0, std::abs(want)));
                QCOMPARE(lead.digitalAt(i), s.digital[i]);
            }
        }
    }

    /// Blank labels (16 spaces): each signal still gets a name, and a warning says so.
    void blankLabels()
    {
        WFile f;
        f.recordCount = 1;
        f.sigs = {sig("", "mV", "-5", "5", "-2048", "2047", 100, ramp(100, -2048, 40)),
                  sig("", "mV", "-5", "5", "-2048", "2047", 100, ramp(100, 0, 20))};
        const Recording rec = mustOpen(write(QStringLiteral("blank.edf"), edfBytes(f)));
        QCOMPARE(rec.leads.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(rec.leads[0].name), QStringLiteral("signal 1"));
        QCOMPARE(QString::fromStdString(rec.leads[1].name), QStringLiteral("signal 2"));
        int warned = 0;
        for (const Message& w : rec.warnings)
            warned += w.text.find("has no label") != std::string::npos ? 1 : 0;
        QCOMPARE(warned, 2);
    }

    void bdf24Bit()
    {
        WFile f;
        f.bdf = true;
        f.recordCount = 2;
        std::vector<std::int32_t> v = {-8388608, 8388607, 0, -1, 1, 123456, -654321, 4000000};
        WSignal s = sig("ECG II", "uV", "-262144", "262143", "-8388608", "8388607", 4, v);
        f.sigs = {s};
        const Recording rec = mustOpen(write(QStringLiteral("x.bdf"), edfBytes(f)));
        QCOMPARE(QString::fromStdString(rec.format), QStringLiteral("BDF"));
        QCOMPARE(rec.leads[0].adcResolutionBits, 24);
        QCOMPARE(QString::fromStdString(rec.leads[0].name), QStringLiteral("II"));
        for (std::size_t i = 0; i < v.size(); ++i) {
            QCOMPARE(rec.leads[0].digitalAt(i), v[i]);
            const double want = physical(v[i], -8388608, 8388607, -262144, 262143);
            QVERIFY(std::abs(rec.leads[0].samples[i] - want) <=
                    1e-6 * std::max(1.0, std::abs(want)));
        }
    }

    /// EDF+D: records at 0, 1 and 4 s (1-s records) -> 5 s on the time axis, 2-4 s missing.
    void discontinuousGaps()
    {
        WFile f;
        f.reserved = "EDF+D";
        f.recordCount = 3;
        WSignal s = sig("V2", "mV", "-10", "10", "-1000", "1000", 10, ramp(30, -100, 7));
        WSignal a;
        a.label = "EDF Annotations";
        a.spr = 30;
        a.annotation = true;
        a.tals = {std::string("+0\x14\x14\0", 5) + std::string("+0.5\x15"
                                                               "0.25\x14"
                                                               "Beat\x14"
                                                               "Noise\x14\0",
                                                               23),
                  std::string("+1\x14\x14\0", 5),
                  std::string("+4\x14\x14\0", 5) + std::string("+4.5\x14"
                                                               "Event\x14\0",
                                                               13)};
        f.sigs = {s, a};
        const Recording rec = mustOpen(write(QStringLiteral("gaps.edf"), edfBytes(f)));
        QCOMPARE(QString::fromStdString(rec.format), QStringLiteral("EDF+D"));
        QCOMPARE(rec.leads.size(), std::size_t(1));
        QCOMPARE(rec.leads[0].size(), std::size_t(50));
        for (std::size_t i = 0; i < 50; ++i) {
            const bool gap = i >= 20 && i < 40;
            QCOMPARE(std::isnan(rec.leads[0].samples[i]), gap);
            if (!gap) {
                const std::size_t src = i < 20 ? i : i - 20;
                QVERIFY(std::abs(rec.leads[0].samples[i] - (-100 + 7 * int(src)) / 100.0) < 1e-5);
            }
        }
        QVERIFY(anyWarningContains(rec, "gap"));
        QCOMPARE(rec.annotations.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(rec.annotations[0].code), QStringLiteral("Beat"));
        QCOMPARE(rec.annotations[0].durationS, 0.25);
        QCOMPARE(QString::fromStdString(rec.annotations[1].code), QStringLiteral("Noise"));
        QCOMPARE(rec.annotations[2].timeS, 4.5);
        QCOMPARE(rec.annotations[2].sample, std::int64_t(45));
    }

    void patientAndDates_data()
    {
        QTest::addColumn<QString>("reserved");
        QTest::addColumn<QString>("patient");
        QTest::addColumn<QString>("recording");
        QTest::addColumn<QString>("date");
        QTest::addColumn<int>("year");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("sex");
        QTest::addColumn<double>("age");
        QTest::addColumn<QString>("name");
        // EDF+ specification example patient field (2.1.3.3: the name's spaces written as
        // "_"); age at 10-DEC-2009 is 58.
        QTest::newRow("EDF+ example")
            << QStringLiteral("EDF+C") << QStringLiteral("MCH-0234567 F 02-MAY-1951 Haagse_Harry")
            << QStringLiteral("Startdate 10-DEC-2009 X X X") << QStringLiteral("10.12.09") << 2009
            << QStringLiteral("MCH-0234567") << QStringLiteral("F") << 58.0
            << QStringLiteral("Haagse Harry");
        QTest::newRow("birthday not yet")
            << QStringLiteral("EDF+C") << QStringLiteral("P1 M 11-DEC-1950 X")
            << QStringLiteral("Startdate 10-DEC-2009 X X X") << QStringLiteral("10.12.09") << 2009
            << QStringLiteral("P1") << QStringLiteral("M") << 58.0 << QString();
        // Plain EDF's patient field is free text: all of it is the ID, no name is guessed.
        QTest::newRow("year 85 -> 1985")
            << QString() << QStringLiteral("Some patient") << QStringLiteral("rec")
            << QStringLiteral("01.02.85") << 1985 << QStringLiteral("Some patient") << QString()
            << -1.0 << QString();
        QTest::newRow("year 84 -> 2084")
            << QString() << QStringLiteral("X") << QStringLiteral("rec")
            << QStringLiteral("01.02.84") << 2084 << QStringLiteral("X") << QString() << -1.0
            << QString();
        QTest::newRow("EDF+ unknowns")
            << QStringLiteral("EDF+C") << QStringLiteral("X X X X")
            << QStringLiteral("Startdate X X X X") << QStringLiteral("31.12.99") << 1999
            << QString() << QString() << -1.0 << QString();
    }
    void patientAndDates()
    {
        QFETCH(QString, reserved);
        QFETCH(QString, patient);
        QFETCH(QString, recording);
        QFETCH(QString, date);
        QFETCH(int, year);
        QFETCH(QString, id);
        QFETCH(QString, sex);
        QFETCH(double, age);
        QFETCH(QString, name);
        WFile f;
        f.reserved = reserved.toStdString();
        f.patient = patient.toStdString();
        f.recording = recording.toStdString();
        f.date = date.toStdString();
        f.sigs = {sig("II", "mV", "-1", "1", "-100", "100", 5, ramp(5, 0, 1))};
        if (!reserved.isEmpty()) {
            WSignal a;
            a.label = "EDF Annotations";
            a.spr = 8;
            a.annotation = true;
            a.tals = {std::string("+0\x14\x14\0", 5)};
            f.sigs.push_back(a);
        }
        const Recording rec = mustOpen(write(QStringLiteral("p.edf"), edfBytes(f)));
        QVERIFY(rec.start.has_value());
        QCOMPARE(rec.start->date.year, year);
        QCOMPARE(QString::fromStdString(rec.patient.id), id);
        QCOMPARE(QString::fromLatin1(sexCode(rec.patient.sex)), sex);
        QCOMPARE(rec.patient.ageYears.value_or(-1.0), age);
        QCOMPARE(QString::fromStdString(rec.patient.name), name);
    }

    void recordCountUnknown()
    {
        WFile f;
        f.records = "-1";
        f.recordCount = 4;
        f.sigs = {sig("II", "mV", "-1", "1", "-100", "100", 5, ramp(20, -10, 1))};
        const Recording rec = mustOpen(write(QStringLiteral("unknown.edf"), edfBytes(f)));
        QCOMPARE(rec.leads[0].size(), std::size_t(20));
        QVERIFY(anyWarningContains(rec, "-1"));
    }

    void truncatedData()
    {
        WFile f;
        f.recordCount = 10;
        f.sigs = {sig("II", "mV", "-1", "1", "-100", "100", 5, ramp(50, -25, 1))};
        std::string bytes = edfBytes(f);
        bytes.resize(bytes.size() - 5 * 2 * 6 - 3); // 3.7 records missing
        const Recording rec = mustOpen(write(QStringLiteral("trunc.edf"), bytes));
        QCOMPARE(rec.leads[0].size(), std::size_t(15)); // 3 complete records of 5
        QVERIFY(anyWarningContains(rec, "truncated"));
        QCOMPARE(rec.leads[0].digitalAt(14), -25 + 14);
    }

    void lyingHeaderSize()
    {
        WFile f;
        f.headerBytes = "1234";
        f.sigs = {sig("II", "mV", "-1", "1", "-100", "100", 5, ramp(5, 0, 20))};
        const Recording rec = mustOpen(write(QStringLiteral("hdr.edf"), edfBytes(f)));
        QVERIFY(anyWarningContains(rec, "1234"));
        QCOMPARE(rec.leads[0].digitalAt(4), 80);
        QVERIFY(std::abs(rec.leads[0].samples[4] - 0.8f) < 1e-6);
    }

    void badFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mentions");
        auto one = [](auto mutate) {
            WFile f;
            f.recordCount = 2;
            f.sigs = {sig("II", "mV", "-1", "1", "-100", "100", 5, ramp(10, 0, 1))};
            mutate(f);
            const std::string b = edfBytes(f);
            return QByteArray(b.data(), qsizetype(b.size()));
        };
        QTest::newRow("digital min == max")
            << QStringLiteral("a.edf") << one([](WFile& f) { f.sigs[0].digMax = "-100"; })
            << QStringLiteral("digital");
        QTest::newRow("NaN physical min")
            << QStringLiteral("b.edf") << one([](WFile& f) { f.sigs[0].physMin = "nan"; })
            << QStringLiteral("physical minimum");
        QTest::newRow("empty digital max")
            << QStringLiteral("c.edf") << one([](WFile& f) { f.sigs[0].digMax = ""; })
            << QStringLiteral("digital maximum");
        QTest::newRow("physical min == max")
            << QStringLiteral("d.edf") << one([](WFile& f) { f.sigs[0].physMax = "-1"; })
            << QStringLiteral("physical");
        QTest::newRow("10^12 samples") << QStringLiteral("e.edf") << one([](WFile& f) {
            f.records = "1000000";
            f.sigs[0].spr = 1000000;
            f.recordCount = 0;
        }) << QStringLiteral("limit");
        QTest::newRow("duration 0 with sigs")
            << QStringLiteral("f.edf") << one([](WFile& f) { f.duration = "0"; })
            << QStringLiteral("duration");
        QTest::newRow("duration nan")
            << QStringLiteral("g.edf") << one([](WFile& f) { f.duration = "NaN"; })
            << QStringLiteral("duration");
        QTest::newRow("signal count 0")
            << QStringLiteral("h.edf") << QByteArray() << QStringLiteral("signals");
        QTest::newRow("samples per record 0") << QStringLiteral("i.edf") << one([](WFile& f) {
            f.sigs[0].spr = 0;
            f.recordCount = 0;
        }) << QStringLiteral("samples per record");
        QTest::newRow("records not a number")
            << QStringLiteral("j.edf") << one([](WFile& f) { f.records = "many"; })
            << QStringLiteral("data records");
        QByteArray random;
        quint32 x = 12345;
        for (int i = 0; i < 4000; ++i) {
            x = x * 1664525u + 1013904223u;
            random.append(char(x >> 24));
        }
        QTest::newRow("random bytes .edf")
            << QStringLiteral("random.edf") << random << QStringLiteral("not an EDF");
        QTest::newRow("short header") << QStringLiteral("short.edf")
                                      << QByteArray("0       patient") << QStringLiteral("256");
    }
    void badFiles()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, mentions);
        if (bytes.isEmpty()) { // signal count 0: a valid fixed header with ns = 0
            WFile f;
            f.sigs = {};
            const std::string b = edfBytes(f);
            bytes = QByteArray(b.data(), qsizetype(b.size()));
        }
        const QString path = write(name, bytes.toStdString());
        const Result<Recording> r = io::open(path.toStdString());
        QVERIFY2(!r.ok(), qPrintable(name));
        const QString msg = QString::fromStdString(r.error());
        QVERIFY2(msg.contains(mentions), qPrintable(msg));
        QVERIFY2(msg.contains(name), qPrintable(msg)); // names the file
        // An interface can word it in its own language (app/report/engine_text.cpp).
        QVERIFY2(r.errorMessage() && r.errorMessage()->text == r.error(), qPrintable(msg));
    }

    /// Header truncated in the middle of the signal headers.
    void truncatedHeader()
    {
        WFile f;
        f.sigs = {sig("II", "mV", "-1", "1", "-100", "100", 5, ramp(5, 0, 1)),
                  sig("V1", "mV", "-1", "1", "-100", "100", 5, ramp(5, 0, 1))};
        std::string b = edfBytes(f);
        b.resize(600);
        const Result<Recording> r = io::open(write(QStringLiteral("th.edf"), b).toStdString());
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error()).contains(QStringLiteral("truncated")),
                 r.error().c_str());
    }
};

QTEST_GUILESS_MAIN(TestEdf)
#include "tst_edf.moc"
