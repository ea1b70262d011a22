// Acceptance: `ecglens-cli dump` reproduces WFDB rdsamp on the wfdb-samples records.
// References are independent of the reader: the producer's header fields (initial value =
// first sample; checksum = 16-bit sum of every sample of the signal), the calibration
// arithmetic physical = (digital - baseline) / gain, and relations between records that share
// one signal file (100 vs 100skew, test01_00s vs its skew/frame variants, segments vs the
// multi-segment record).

#include "tst_wfdb_util.h"

#include <QFileInfo>
#include <QTest>

#include <climits>
#include <cmath>

using namespace wfdbtest;

namespace {

/// The stored value WFDB writes for an invalid sample, per format (WFDB putvec()).
long long sentinel(int format)
{
    switch (format) {
    case 80:
    case 508:
        return -128;
    case 212:
        return -2048;
    case 310:
    case 311:
        return -512;
    case 24:
    case 524:
        return -8388608;
    case 32:
        return INT_MIN;
    default:
        return -32768;
    }
}

int16_t low16(long long v)
{
    return int16_t(uint16_t(uint64_t(v) & 0xFFFF));
}

} // namespace

class TestWfdbDump : public QObject
{
    Q_OBJECT

private slots:
    void headerReferences_data();
    void headerReferences();
    void rangesAndLeads();
    void skewMatchesUnskewedRecord_data();
    void skewMatchesUnskewedRecord();
    void framesLowResIsTruncatedMean();
    void multiSegmentFixed();
    void multiSegmentVariable();
    void badUsage();
};

void TestWfdbDump::headerReferences_data()
{
    QTest::addColumn<QString>("record");
    QTest::addColumn<long long>("frames");  // expected rows (from the header or file size)
    QTest::addColumn<bool>("checkInitial"); // header initial value is the first sample
    // Every storage format: 8 16 61 80 160 212 310 311 24 32 (binformats), FLAC 508 516 524.
    QTest::newRow("binformats") << "binformats" << 499LL << true;
    QTest::newRow("flacformats") << "flacformats" << 499LL << true;
    QTest::newRow("100 (212)") << "100" << 650000LL << true;
    // No length in the header: 1,950,000 bytes of format 212 = 1,300,000 samples / 2 signals.
    QTest::newRow("100-no-len") << "100-no-len" << 650000LL << true;
    QTest::newRow("100_3chan (odd 212)") << "100_3chan" << 999LL << true;
    QTest::newRow("3000003_0003 (80)") << "3000003_0003" << 1028LL << true;
    QTest::newRow("310derive") << "310derive" << 1026LL << true;
    QTest::newRow("310derive_2") << "310derive_2" << 1020LL << true;
    QTest::newRow("310derive_3") << "310derive_3" << 1018LL << true;
    QTest::newRow("311derive") << "311derive" << 1026LL << true;
    QTest::newRow("311derive_2") << "311derive_2" << 1020LL << true;
    QTest::newRow("311derive_3") << "311derive_3" << 1019LL << true;
    QTest::newRow("311derive_4") << "311derive_4" << 1018LL << true;
    QTest::newRow("a103l (.mat, 16+24)") << "a103l" << 82500LL << true;
    // 2,970,024-byte .mat, 24-byte prolog, 3 signals x 2 bytes: 82,500 frames.
    QTest::newRow("a103l-no-len") << "a103l-no-len" << 82500LL << true;
    QTest::newRow("p10143 (61)") << "p10143" << 450000LL << true;
    QTest::newRow("s0010_re (2 files)") << "s0010_re" << 38400LL << true;
    QTest::newRow("test01_00s") << "test01_00s" << 4000LL << true;
    QTest::newRow("v102s") << "v102s" << 75000LL << true;
    QTest::newRow("test_generator_2 (x200)") << "test_generator_2" << 600LL << true;
    // A hand-made relabelling of test01_00s.dat: ECG_3 is the file's 4th column, but the header
    // kept test01_00s's initial value of column 3 (its checksum is right).
    QTest::newRow("test01_00s_frame (x2)") << "test01_00s_frame" << 4000LL << false;
    // mixedsignals starts with invalid samples although its header says initial value 0.
    QTest::newRow("mixedsignals (516 x4/x2)") << "mixedsignals" << 14400LL << false;
}

void TestWfdbDump::headerReferences()
{
    QFETCH(QString, record);
    QFETCH(long long, frames);
    QFETCH(bool, checkInitial);
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/") + record + QStringLiteral(".hea"));
    const HeaderRef h = readHeader(samplesPath(record + QStringLiteral(".hea")));
    QCOMPARE(int(h.sigs.size()), h.nsig);
    int spfMax = 1;
    for (const SigRef& s : h.sigs)
        spfMax = std::max(spfMax, s.spf);

    // --high-res prints every sample; a signal with fewer samples per frame repeats them
    // (sample index within the frame = spf * k / spfMax, as WFDB getvec() does).
    QStringList args{QStringLiteral("dump"), samplesPath(record + QStringLiteral(".hea")),
                     QStringLiteral("--digital")};
    if (spfMax > 1)
        args << QStringLiteral("--high-res");
    const CliRun digital = runCli(args);
    QVERIFY2(digital.exitCode == 0, digital.err.constData());
    const DigitalDump d = parseDigital(digital.out);
    QVERIFY(d.ok);
    QCOMPARE(qsizetype(d.columns.size()), qsizetype(h.nsig));
    QCOMPARE((long long)d.rows, frames * spfMax);

    // Physical values on the first 20,000 rows (the whole of most records).
    const long long physRows = std::min<long long>((long long)d.rows, 20000);
    args.removeAll(QStringLiteral("--digital"));
    args << QStringLiteral("--to") << QStringLiteral("s%1").arg(physRows);
    const CliRun physical = runCli(args);
    QVERIFY2(physical.exitCode == 0, physical.err.constData());
    const Dump p = parseDump(physical.out);
    QCOMPARE((long long)p.rows.size(), physRows);
    // The time column counts samples at the output rate.
    QVERIFY(std::abs(p.times.back() - double(physRows - 1) / (h.fs * spfMax)) < 1e-3);

    for (int s = 0; s < h.nsig; ++s) {
        const SigRef& sig = h.sigs[std::size_t(s)];
        const std::vector<long long>& col = d.cols[std::size_t(s)];
        long long sum = 0;
        for (std::size_t r = 0; r < d.rows; ++r) {
            const long long k = (long long)(r % std::size_t(spfMax));
            const bool firstShow = k == 0 || (sig.spf * k) / spfMax != (sig.spf * (k - 1)) / spfMax;
            const long long v = col[r] == kInvalidCell ? sentinel(sig.format) : col[r];
            if (firstShow)
                sum += v;
            if ((long long)r >= physRows)
                continue;
            // Physical = (digital - baseline) / gain, to float precision.
            const QByteArray& pc = p.rows[r][s];
            if (col[r] == kInvalidCell) {
                QCOMPARE(pc, QByteArray("-"));
                continue;
            }
            const float want = float((double(v) - sig.baseline) / sig.gain);
            bool ok = false;
            const float got = pc.toFloat(&ok);
            if (!ok || got != want)
                QFAIL(qPrintable(
                    QStringLiteral("%1 row %2 signal %3: physical %4, expected %5 from digital %6")
                        .arg(record)
                        .arg(r)
                        .arg(s)
                        .arg(QString::fromUtf8(pc))
                        .arg(double(want), 0, 'g', 9)
                        .arg(v)));
        }
        if (checkInitial)
            QCOMPARE(col[0] == kInvalidCell ? sentinel(sig.format) : col[0], sig.initial);
        QVERIFY2(low16(sum) == low16(sig.checksum),
                 qPrintable(QStringLiteral("%1 signal %2 (%3): sum %4, header checksum %5")
                                .arg(record)
                                .arg(s)
                                .arg(sig.description)
                                .arg(low16(sum))
                                .arg(sig.checksum)));
    }
}

void TestWfdbDump::rangesAndLeads()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/100.hea"));
    const QString rec = samplesPath(QStringLiteral("100.hea"));
    const Dump full = parseDump(runCli({QStringLiteral("dump"), rec, QStringLiteral("--digital"),
                                        QStringLiteral("--to"), QStringLiteral("s2000")})
                                    .out);
    QCOMPARE(full.rows.size(), std::size_t(2000));
    // Hand-decoded: 100.dat starts e3 33 f3: sample 0 = 0x3e3 = 995, sample 1 = 0x3f3 = 1011.
    QCOMPARE(full.rows[0][0], QByteArray("995"));
    QCOMPARE(full.rows[0][1], QByteArray("1011"));

    struct Case
    {
        QStringList args;
        long long from;
        long long to;
        std::vector<int> cols;
        QStringList names;
    };
    const std::vector<Case> cases = {
        {{QStringLiteral("--from"), QStringLiteral("s10"), QStringLiteral("--to"),
          QStringLiteral("s20")},
         10,
         20,
         {0, 1},
         {QStringLiteral("MLII"), QStringLiteral("V5")}},
        // 1.5 s at 360 Hz = sample 540 (inclusive) to 600 (exclusive).
        {{QStringLiteral("--from"), QStringLiteral("1.5"), QStringLiteral("--to"),
          QStringLiteral("s600"), QStringLiteral("--leads"), QStringLiteral("V5,0")},
         540,
         600,
         {1, 0},
         {QStringLiteral("V5"), QStringLiteral("MLII")}},
        {{QStringLiteral("--to"), QStringLiteral("1"), QStringLiteral("--leads"),
          QStringLiteral("1")},
         0,
         360,
         {1},
         {QStringLiteral("V5")}},
        {{QStringLiteral("--from"), QStringLiteral("s1999"), QStringLiteral("--to"),
          QStringLiteral("s2000"), QStringLiteral("--leads"), QStringLiteral("MLII,MLII")},
         1999,
         2000,
         {0, 0},
         {QStringLiteral("MLII"), QStringLiteral("MLII")}},
    };
    for (const Case& c : cases) {
        const CliRun run =
            runCli(QStringList{QStringLiteral("dump"), rec, QStringLiteral("--digital")} + c.args);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const Dump d = parseDump(run.out);
        QCOMPARE(d.columns, c.names);
        QCOMPARE((long long)d.rows.size(), c.to - c.from);
        for (long long r = c.from; r < c.to; ++r) {
            const auto& row = d.rows[std::size_t(r - c.from)];
            QCOMPARE(qsizetype(row.size()), qsizetype(c.cols.size()));
            for (std::size_t k = 0; k < c.cols.size(); ++k)
                QCOMPARE(row[qsizetype(k)], full.rows[std::size_t(r)][c.cols[k]]);
            QVERIFY(std::abs(d.times[std::size_t(r - c.from)] - double(r) / 360.0) < 1e-4);
        }
    }
    // End of record: --to past the end is clipped; --from at the end prints the header only.
    const Dump tail = parseDump(
        runCli({QStringLiteral("dump"), rec, QStringLiteral("--digital"), QStringLiteral("--from"),
                QStringLiteral("s649998"), QStringLiteral("--to"), QStringLiteral("s700000")})
            .out);
    QCOMPARE(tail.rows.size(), std::size_t(2));
    const CliRun atEnd =
        runCli({QStringLiteral("dump"), rec, QStringLiteral("--from"), QStringLiteral("s650000")});
    QCOMPARE(atEnd.exitCode, 0);
    QCOMPARE(parseDump(atEnd.out).rows.size(), std::size_t(0));
    // Times no sample number can hold: --to is clipped to the end as any past it, --from is
    // after the end (1e308 s once wrapped around to a negative sample and printed garbage).
    const Dump huge = parseDump(
        runCli({QStringLiteral("dump"), rec, QStringLiteral("--digital"), QStringLiteral("--from"),
                QStringLiteral("s649998"), QStringLiteral("--to"), QStringLiteral("1e308")})
            .out);
    QCOMPARE(huge.rows.size(), std::size_t(2));
    const CliRun past =
        runCli({QStringLiteral("dump"), rec, QStringLiteral("--from"), QStringLiteral("1e308")});
    QCOMPARE(past.exitCode, 2);
    QVERIFY2(past.err.contains("--from is after the end of the recording (650000 samples)"),
             past.err.constData());
}

void TestWfdbDump::skewMatchesUnskewedRecord_data()
{
    QTest::addColumn<QString>("skewed");
    QTest::addColumn<QString>("plain");
    QTest::addColumn<QString>("highRes");
    QTest::newRow("100skew") << "100skew"
                             << "100" << QString();
    QTest::newRow("test01_00s_skew") << "test01_00s_skew"
                                     << "test01_00s" << QString();
    // Same bytes, 3 signals with ECG_2 at 2 samples per frame: compare at high resolution.
    QTest::newRow("test01_00s_skewframe") << "test01_00s_skewframe"
                                          << "test01_00s_frame"
                                          << "--high-res";
}

void TestWfdbDump::skewMatchesUnskewedRecord()
{
    QFETCH(QString, skewed);
    QFETCH(QString, plain);
    QFETCH(QString, highRes);
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/") + skewed + QStringLiteral(".hea"));
    const HeaderRef h = readHeader(samplesPath(skewed + QStringLiteral(".hea")));
    QStringList extra{QStringLiteral("--digital")};
    if (!highRes.isEmpty())
        extra << highRes;
    const DigitalDump a = parseDigital(
        runCli(QStringList{QStringLiteral("dump"), samplesPath(skewed + QStringLiteral(".hea"))} +
               extra)
            .out);
    const DigitalDump b = parseDigital(
        runCli(QStringList{QStringLiteral("dump"), samplesPath(plain + QStringLiteral(".hea"))} +
               extra)
            .out);
    QVERIFY(a.ok && b.ok);
    QCOMPARE(a.rows, b.rows);
    QVERIFY(a.rows > 0);
    const int spfMax = highRes.isEmpty() ? 1 : 2;
    for (int s = 0; s < h.nsig; ++s) {
        // A skew of k frames: sample t of the signal is stored in frame t + k.
        const std::size_t shift = std::size_t(h.sigs[std::size_t(s)].skew * spfMax);
        const auto& ca = a.cols[std::size_t(s)];
        const auto& cb = b.cols[std::size_t(s)];
        for (std::size_t r = 0; r < a.rows; ++r) {
            const long long want = r + shift < b.rows ? cb[r + shift] : kInvalidCell;
            if (ca[r] != want)
                QFAIL(qPrintable(QStringLiteral("%1 signal %2 row %3: %4, expected %5")
                                     .arg(skewed)
                                     .arg(s)
                                     .arg(r)
                                     .arg(ca[r])
                                     .arg(want)));
        }
    }
}

void TestWfdbDump::framesLowResIsTruncatedMean()
{
    // rdsamp without -H prints one value per frame: the mean of the frame's samples,
    // truncated toward zero (C integer division), '-' if any sample is invalid.
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/mixedsignals.hea"));
    const QString rec = samplesPath(QStringLiteral("mixedsignals.hea"));
    const HeaderRef h = readHeader(rec);
    const Dump hi = parseDump(runCli({QStringLiteral("dump"), rec, QStringLiteral("--digital"),
                                      QStringLiteral("--high-res")})
                                  .out);
    const Dump lo =
        parseDump(runCli({QStringLiteral("dump"), rec, QStringLiteral("--digital")}).out);
    const Dump lop = parseDump(runCli({QStringLiteral("dump"), rec}).out);
    QCOMPARE(lo.rows.size() * 4, hi.rows.size());
    QCOMPARE(lop.rows.size(), lo.rows.size());
    std::size_t valid = 0;
    for (std::size_t f = 0; f < lo.rows.size(); ++f) {
        for (int s = 0; s < h.nsig; ++s) {
            const int spf = h.sigs[std::size_t(s)].spf;
            long long sum = 0;
            bool invalid = false;
            for (int k = 0; k < spf; ++k) {
                const QByteArray& c = hi.rows[f * 4 + std::size_t(k * (4 / spf))][s];
                if (c == "-")
                    invalid = true;
                else
                    sum += c.toLongLong();
            }
            const QByteArray want = invalid ? QByteArray("-") : QByteArray::number(sum / spf);
            QCOMPARE(lo.rows[f][s], want);
            if (!invalid) {
                ++valid;
                const SigRef& sig = h.sigs[std::size_t(s)];
                QCOMPARE(lop.rows[f][s].toFloat(),
                         float((double(sum / spf) - sig.baseline) / sig.gain));
            }
        }
    }
    QVERIFY(valid > 10000);
}

void TestWfdbDump::multiSegmentFixed()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/multi-segment/fixed1/v102s.hea"));
    // Three segments, each the whole of v102s.dat: every checksum counts three times.
    const QString dir = QStringLiteral("multi-segment/fixed1/");
    const HeaderRef seg = readHeader(samplesPath(dir + QStringLiteral("v102s_1.hea")));
    const Dump d =
        parseDump(runCli({QStringLiteral("dump"), samplesPath(dir + QStringLiteral("v102s.hea")),
                          QStringLiteral("--digital")})
                      .out);
    QCOMPARE(d.rows.size(), std::size_t(225000));
    for (int s = 0; s < 4; ++s) {
        long long sum = 0;
        for (const auto& row : d.rows)
            sum += row[s] == "-" ? sentinel(212) : row[s].toLongLong();
        QCOMPARE(low16(sum), low16(seg.sigs[std::size_t(s)].checksum * 3));
        QCOMPARE(d.rows[75000][s].toLongLong(), seg.sigs[std::size_t(s)].initial);
        QCOMPARE(d.rows[150000][s].toLongLong(), seg.sigs[std::size_t(s)].initial);
    }

    // 041s: two segments with 4 samples per frame for III, I and V.
    const QString dir2 = QStringLiteral("multi-segment/041s/");
    const Dump m =
        parseDump(runCli({QStringLiteral("dump"), samplesPath(dir2 + QStringLiteral("041s.hea")),
                          QStringLiteral("--digital"), QStringLiteral("--high-res")})
                      .out);
    QCOMPARE(m.rows.size(), std::size_t(2000 * 4));
    for (int part = 0; part < 2; ++part) {
        const HeaderRef sh = readHeader(samplesPath(
            dir2 + (part == 0 ? QStringLiteral("041s01.hea") : QStringLiteral("041s02.hea"))));
        for (int s = 0; s < sh.nsig; ++s) {
            long long sum = 0;
            for (std::size_t r = std::size_t(part) * 4000; r < std::size_t(part + 1) * 4000; ++r)
                if (r % 4 == 0 || sh.sigs[std::size_t(s)].spf == 4)
                    sum += m.rows[r][s] == "-" ? sentinel(212) : m.rows[r][s].toLongLong();
            QCOMPARE(low16(sum), low16(sh.sigs[std::size_t(s)].checksum));
            QCOMPARE(m.rows[std::size_t(part) * 4000][s].toLongLong(),
                     sh.sigs[std::size_t(s)].initial);
        }
    }
}

void TestWfdbDump::multiSegmentVariable()
{
    ECGLENS_REQUIRE_DATA(
        QStringLiteral("wfdb-samples/multi-segment/s25047/s25047-2704-05-04-10-44.hea"));
    const QString dir = QStringLiteral("multi-segment/s25047/");
    const QString master = samplesPath(dir + QStringLiteral("s25047-2704-05-04-10-44.hea"));
    const HeaderRef mh = readHeader(master);
    const HeaderRef layout = readHeader(samplesPath(dir + QStringLiteral("3234460_layout.hea")));
    const CliRun run = runCli({QStringLiteral("dump"), master, QStringLiteral("--digital")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const DigitalDump d = parseDigital(run.out);
    QVERIFY(d.ok);
    QCOMPARE(d.columns,
             (QStringList{QStringLiteral("II"), QStringLiteral("V"), QStringLiteral("ABP")}));
    QCOMPARE((long long)d.rows, mh.frames);

    long long row = 0;
    int checkedSegments = 0;
    for (const QString& line : mh.segments) {
        const QStringList t = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const long long n = t[1].toLongLong();
        if (t[0] == QLatin1String("3234460_layout"))
            continue;
        if (t[0] == QLatin1String("~")) {
            for (long long r = row; r < row + n; ++r)
                for (int s = 0; s < 3; ++s)
                    QCOMPARE(d.cols[std::size_t(s)][std::size_t(r)], kInvalidCell);
            row += n;
            continue;
        }
        const HeaderRef sh = readHeader(samplesPath(dir + t[0] + QStringLiteral(".hea")));
        for (int ls = 0; ls < 3; ++ls) {
            const SigRef& lsig = layout.sigs[std::size_t(ls)];
            int found = -1;
            for (int s = 0; s < sh.nsig; ++s)
                if (sh.sigs[std::size_t(s)].description == lsig.description)
                    found = s;
            if (found < 0) {
                for (long long r = row; r < row + n; ++r)
                    QCOMPARE(d.cols[std::size_t(ls)][std::size_t(r)], kInvalidCell);
                continue;
            }
            const SigRef& ssig = sh.sigs[std::size_t(found)];
            if (ssig.gain != lsig.gain || ssig.baseline != lsig.baseline)
                continue; // rescaled by WFDB's sigmap(); checked through the physical values below
            long long sum = 0;
            for (long long r = row; r < row + n; ++r) {
                const long long v = d.cols[std::size_t(ls)][std::size_t(r)];
                sum += v == kInvalidCell ? sentinel(80) : v;
            }
            QCOMPARE(low16(sum), low16(ssig.checksum));
            QCOMPARE(d.cols[std::size_t(ls)][std::size_t(row)], ssig.initial);
            ++checkedSegments;
        }
        row += n;
    }
    QVERIFY(checkedSegments >= 5);

    // Segment 3234460_0003 stores II with gain 67; the record's II has gain 86. Physical values
    // agree within one layout step (WFDB truncates the rescaled integer).
    const long long start3 = 25740 + 28637 + 4;
    const Dump seg3 = parseDump(
        runCli({QStringLiteral("dump"), samplesPath(dir + QStringLiteral("3234460_0003.hea"))})
            .out);
    const Dump rec3 = parseDump(runCli({QStringLiteral("dump"), master, QStringLiteral("--from"),
                                        QStringLiteral("s%1").arg(start3), QStringLiteral("--to"),
                                        QStringLiteral("s%1").arg(start3 + 636)})
                                    .out);
    QCOMPARE(rec3.rows.size(), std::size_t(636));
    for (std::size_t r = 0; r < 636; ++r)
        QVERIFY(std::abs(rec3.rows[r][0].toDouble() - seg3.rows[r][0].toDouble()) <=
                1.0 / 86 + 1e-6);
}

void TestWfdbDump::badUsage()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/100.hea"));
    const QString rec = samplesPath(QStringLiteral("100.hea"));
    for (const QStringList& extra :
         {QStringList{QStringLiteral("--leads"), QStringLiteral("7")},
          QStringList{QStringLiteral("--leads"), QStringLiteral("nosuch")},
          QStringList{QStringLiteral("--from"), QStringLiteral("abc")},
          QStringList{QStringLiteral("--from"), QStringLiteral("s10"), QStringLiteral("--to"),
                      QStringLiteral("s5")}}) {
        const CliRun r = runCli(QStringList{QStringLiteral("dump"), rec} + extra);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.trimmed().isEmpty());
        QCOMPARE(r.err.trimmed().count('\n'), 0);
    }
    const CliRun missing =
        runCli({QStringLiteral("dump"), samplesPath(QStringLiteral("1003.hea"))});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("1003.dat"));
}

QTEST_GUILESS_MAIN(TestWfdbDump)
#include "tst_wfdb_dump.moc"
