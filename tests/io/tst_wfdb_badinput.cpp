// Bad WFDB input: every case is a corrupted COPY of a shared record made in a QTemporaryDir.
// The reader must return a clear message naming the file and the problem, or read what is
// there and warn — never crash, hang or allocate what the files cannot back.

#include "io/open.h"
#include "io/readers.h"

#include "test_data.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace ecglens;

namespace {

QByteArray readData(const QString& rel)
{
    QFile f(test::dataPath(rel));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

bool anyContains(const std::vector<Message>& list, const std::string& needle)
{
    for (const Message& m : list)
        if (m.text.find(needle) != std::string::npos)
            return true;
    return false;
}

std::string joined(const std::vector<Message>& list)
{
    return joinedText(list, " | ");
}

} // namespace

class TestWfdbBadInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void headerErrors_data();
    void headerErrors();
    void truncatedSignalFile();
    void headerPromisesMore();
    void missingAndEmptySignalFile();
    void absurdLengthRefusedBeforeAllocating();
    void checksumMismatchIsWarning();
    void miscalibratedLeadIsWarning();
    void flacClaimsMoreThanItHolds();
    void randomBytes();
    void truncatedAnnotationFile();
    void missingSegment();
    void progressAndCancel();

private:
    QTemporaryDir m_dir;
    QString m_hea; ///< text of 100.hea
    QByteArray m_dat;
    QString path(const QString& name) const { return m_dir.filePath(name); }
};

void TestWfdbBadInput::initTestCase()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/100.hea"));
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/100.dat"));
    QVERIFY(m_dir.isValid());
    m_hea = QString::fromLatin1(readData(QStringLiteral("wfdb-samples/100.hea")));
    m_dat = readData(QStringLiteral("wfdb-samples/100.dat"));
    QCOMPARE(m_dat.size(), 1950000);
}

void TestWfdbBadInput::headerErrors_data()
{
    QTest::addColumn<QString>("recordLine");  // replaces "100 2 360 650000"
    QTest::addColumn<QString>("formatField"); // replaces "212" on the signal lines
    QTest::addColumn<QString>("expected");    // part of the error message
    QTest::newRow("unknown format") << "100 2 360 650000"
                                    << "999"
                                    << "storage format 999";
    QTest::newRow("zero rate") << "100 2 0 650000"
                               << "212"
                               << "sampling frequency must be positive";
    QTest::newRow("negative rate") << "100 2 -360 650000"
                                   << "212"
                                   << "sampling frequency must be positive";
    // Rates that once made filtering and resampling take 20 GB or never finish.
    QTest::newRow("absurd rate") << "100 2 1e308 650000"
                                 << "212"
                                 << "lead MLII is sampled at 1e+308 Hz, outside what ECG Lens "
                                    "reads (1-100000 Hz); the header is probably damaged.";
    QTest::newRow("GHz rate") << "100 2 1e9 650000"
                              << "212"
                              << "sampled at 1e+09 Hz";
    QTest::newRow("sub-hertz rate") << "100 2 0.5 650000"
                                    << "212"
                                    << "sampled at 0.5 Hz";
    QTest::newRow("junk rate") << "100 2 fast 650000"
                               << "212"
                               << "invalid sampling frequency";
    QTest::newRow("junk length") << "100 2 360 many"
                                 << "212"
                                 << "invalid number of samples";
    QTest::newRow("too few signal lines") << "100 3 360 650000"
                                          << "212"
                                          << "announces 3 signals";
    QTest::newRow("junk format") << "100 2 360 650000"
                                 << "21z2"
                                 << "invalid storage format";
}

void TestWfdbBadInput::headerErrors()
{
    QFETCH(QString, recordLine);
    QFETCH(QString, formatField);
    QFETCH(QString, expected);
    QString hea = m_hea;
    hea.replace(QStringLiteral("100 2 360 650000"), recordLine);
    hea.replace(QStringLiteral(".dat 212 "),
                QStringLiteral(".dat ") + formatField + QLatin1Char(' '));
    const QString name = QStringLiteral("h_%1")
                             .arg(QString::fromLatin1(QTest::currentDataTag()))
                             .replace(QLatin1Char(' '), QLatin1Char('_'));
    QVERIFY(writeFile(path(name + QStringLiteral(".hea")), hea.toLatin1()));
    QVERIFY(writeFile(path(QStringLiteral("100.dat")), m_dat));
    const auto r = io::open(path(name + QStringLiteral(".hea")).toStdString());
    QVERIFY(!r.ok());
    QVERIFY2(r.error().find(expected.toStdString()) != std::string::npos, r.error().c_str());
    QVERIFY2(r.error().find(name.toStdString()) != std::string::npos,
             r.error().c_str()); // names the file
    // An interface can word it in its own language (app/report/engine_text.cpp).
    QVERIFY2(r.errorMessage() && r.errorMessage()->text == r.error(), r.error().c_str());
}

void TestWfdbBadInput::truncatedSignalFile()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.hea")), m_hea.toLatin1()));
    // 3,001 bytes of format 212 with 2 signals = 1,000 whole frames (3 bytes each) + 1 byte.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.dat")), m_dat.left(3001)));
    const auto r = io::open(dir.filePath(QStringLiteral("100.hea")).toStdString());
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->sampleCount(), std::size_t(1000));
    QVERIFY2(anyContains(r->warnings, "MLII, V5: 650000 samples expected, 100.dat holds 1000"),
             joined(r->warnings).c_str());
    QVERIFY(anyContains(r->warnings, "truncated"));
    // What is there is decoded: first frame e3 33 f3 -> 995, 1011.
    QCOMPARE(r->leads[0].digitalAt(0), 995);
    QCOMPARE(r->leads[1].digitalAt(0), 1011);
}

void TestWfdbBadInput::headerPromisesMore()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/test01_00s.dat"));
    QTemporaryDir dir;
    QString hea = QString::fromLatin1(readData(QStringLiteral("wfdb-samples/test01_00s.hea")));
    hea.replace(QStringLiteral("test01_00s 4 500 4000"), QStringLiteral("test01_00s 4 500 6000"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("test01_00s.hea")), hea.toLatin1()));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("test01_00s.dat")),
                      readData(QStringLiteral("wfdb-samples/test01_00s.dat"))));
    const auto r = io::open(dir.filePath(QStringLiteral("test01_00s.hea")).toStdString());
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->sampleCount(), std::size_t(4000));
    QVERIFY2(anyContains(r->warnings, "6000 samples expected, test01_00s.dat holds 4000"),
             joined(r->warnings).c_str());
}

void TestWfdbBadInput::missingAndEmptySignalFile()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.hea")), m_hea.toLatin1()));
    auto r = io::open(dir.filePath(QStringLiteral("100.hea")).toStdString());
    QVERIFY(!r.ok());
    QVERIFY2(r.error().find("signal file 100.dat not found") != std::string::npos,
             r.error().c_str());
    QVERIFY(r.error().find("MLII") != std::string::npos);

    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.dat")), QByteArray()));
    r = io::open(dir.filePath(QStringLiteral("100.hea")).toStdString());
    QVERIFY(!r.ok());
    QVERIFY2(r.error().find("holds no samples") != std::string::npos, r.error().c_str());

    // Opening the record through its .dat finds the header beside it.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.dat")), m_dat.left(300)));
    r = io::open(dir.filePath(QStringLiteral("100.dat")).toStdString());
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->sampleCount(), std::size_t(100)); // 300 bytes / 3
}

void TestWfdbBadInput::absurdLengthRefusedBeforeAllocating()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.dat")), m_dat.left(30000)));
    // 10^12 samples x 2 signals: refused from the header alone (8 TB of floats).
    QString hea = m_hea;
    hea.replace(QStringLiteral("100 2 360 650000"), QStringLiteral("100 2 360 1000000000000"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.hea")), hea.toLatin1()));
    auto r = io::open(dir.filePath(QStringLiteral("100.hea")).toStdString());
    QVERIFY(!r.ok());
    QVERIFY2(r.error().find("1000000000000") != std::string::npos, r.error().c_str());

    // 10^9 samples is within the limit, but the 30,000-byte file backs far fewer frames:
    // that is what gets allocated and read (30,000 bytes / 3 bytes per frame = 10,000).
    hea = m_hea;
    hea.replace(QStringLiteral("100 2 360 650000"), QStringLiteral("100 2 360 1000000000"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.hea")), hea.toLatin1()));
    r = io::open(dir.filePath(QStringLiteral("100.hea")).toStdString());
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->sampleCount(), std::size_t(10000));
    QCOMPARE(r->leads[0].samples.capacity(), std::size_t(10000));

    // A caller's own limit applies to honest headers too.
    io::OpenOptions small;
    small.maxTotalSamples = 1000;
    r = io::open(test::dataPath(QStringLiteral("wfdb-samples/100.hea")).toStdString(), small);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().find("more than this program accepts") != std::string::npos,
             r.error().c_str());

    // Multi-segment headers are checked the same way.
    QVERIFY(writeFile(
        dir.filePath(QStringLiteral("big.hea")),
        QByteArrayLiteral("big/2 2 360 2000000000000\n100 1000000000000\n100 1000000000000\n")));
    r = io::open(dir.filePath(QStringLiteral("big.hea")).toStdString());
    QVERIFY(!r.ok());
    QVERIFY2(r.error().find("more than this program accepts") != std::string::npos,
             r.error().c_str());
}

void TestWfdbBadInput::flacClaimsMoreThanItHolds()
{
    // FLAC sizes say nothing about lengths: a header claiming 10^9 frames must not allocate
    // for them; the 499 frames the streams hold are read, with a warning.
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/flacformats.hea"));
    QTemporaryDir dir;
    QString hea = QString::fromLatin1(readData(QStringLiteral("wfdb-samples/flacformats.hea")));
    hea.replace(QStringLiteral("flacformats 3 200 499"),
                QStringLiteral("flacformats 3 200 1000000000"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("flacformats.hea")), hea.toLatin1()));
    for (int i = 0; i < 3; ++i)
        QVERIFY(writeFile(dir.filePath(QStringLiteral("flacformats.d%1").arg(i)),
                          readData(QStringLiteral("wfdb-samples/flacformats.d%1").arg(i))));
    const auto r = io::open(dir.filePath(QStringLiteral("flacformats.hea")).toStdString());
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->sampleCount(), std::size_t(499));
    QVERIFY(r->leads[0].samples.capacity() < 10000);
    QVERIFY2(anyContains(r->warnings, "1000000000 samples expected, flacformats.d0 holds 499"),
             joined(r->warnings).c_str());
    // A FLAC file cut in half: its single 4096-sample FLAC frame is lost, nothing decodes, and
    // the error names the file.
    const QByteArray d1 = readData(QStringLiteral("wfdb-samples/flacformats.d1"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("flacformats.d1")), d1.left(d1.size() / 2)));
    const auto t = io::open(dir.filePath(QStringLiteral("flacformats.hea")).toStdString());
    QVERIFY(!t.ok());
    QVERIFY2(t.error().find("flacformats.d1: FLAC data error") != std::string::npos,
             t.error().c_str());
}

void TestWfdbBadInput::checksumMismatchIsWarning()
{
    QTemporaryDir dir;
    QByteArray dat = m_dat;
    dat[3000] = char(dat[3000] ^ 0x01); // +/-1 in sample 2000 of MLII (low byte)
    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.hea")), m_hea.toLatin1()));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.dat")), dat));
    const auto r = io::open(dir.filePath(QStringLiteral("100.hea")).toStdString());
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->sampleCount(), std::size_t(650000));
    QVERIFY2(anyContains(r->warnings, "MLII: checksum mismatch (header -22131"),
             joined(r->warnings).c_str());
    QVERIFY(!anyContains(r->warnings, "V5: checksum"));
}

/// A damaged gain (1e-30 adu/mV for MLII of MIT-BIH 100: samples of some 1e32 mV) is read and
/// shown as stored, with a warning naming the lead; the intact V5 and the intact record get none.
void TestWfdbBadInput::miscalibratedLeadIsWarning()
{
    QTemporaryDir dir;
    QString hea = m_hea;
    QVERIFY(hea.contains(QStringLiteral("100.dat 212 200 11 1024 995 -22131 0 MLII")));
    hea.replace(QStringLiteral("100.dat 212 200 11 1024 995 -22131 0 MLII"),
                QStringLiteral("100.dat 212 1e-30 11 1024 995 -22131 0 MLII"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.hea")), hea.toLatin1()));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.dat")), m_dat));
    const auto r = io::open(dir.filePath(QStringLiteral("100.hea")).toStdString());
    QVERIFY2(r.ok(), r.error().c_str());
    QVERIFY2(anyContains(r->warnings, "MLII reaches ") &&
                 anyContains(r->warnings, "e+32 mV, far beyond any ECG: its calibration (gain or "
                                          "unit) is probably wrong; shown as stored."),
             joined(r->warnings).c_str());
    QVERIFY(!anyContains(r->warnings, "V5 reaches"));
    const auto intact =
        io::open(test::dataPath(QStringLiteral("wfdb-samples/100.hea")).toStdString());
    QVERIFY2(intact.ok(), intact.error().c_str());
    QVERIFY2(!anyContains(intact->warnings, "far beyond any ECG"),
             joined(intact->warnings).c_str());
}

void TestWfdbBadInput::randomBytes()
{
    QRandomGenerator rng(20261122);
    for (int i = 0; i < 20; ++i) {
        QByteArray junk(int(rng.bounded(1, 4096)), '\0');
        for (char& c : junk)
            c = char(rng.bounded(256));
        const QString hea = path(QStringLiteral("junk%1.hea").arg(i));
        QVERIFY(writeFile(hea, junk));
        const auto r = io::open(hea.toStdString());
        QVERIFY(!r.ok()); // random bytes are not a header
        QVERIFY(!r.error().empty());
    }
    // A valid header over random signal bytes decodes (garbage) and flags the checksums.
    QByteArray junk(3000, '\0');
    for (char& c : junk)
        c = char(rng.bounded(256));
    QTemporaryDir dir;
    QString h = m_hea;
    h.replace(QStringLiteral("650000"), QStringLiteral("1000"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.hea")), h.toLatin1()));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.dat")), junk));
    const auto r = io::open(dir.filePath(QStringLiteral("100.hea")).toStdString());
    QVERIFY2(r.ok(), r.error().c_str());
    QVERIFY(anyContains(r->warnings, "checksum mismatch"));

    // Empty header and header with comments only.
    QVERIFY(writeFile(path(QStringLiteral("empty.hea")), QByteArray()));
    auto e = io::open(path(QStringLiteral("empty.hea")).toStdString());
    QVERIFY(!e.ok());
    QVERIFY2(e.error().find("empty") != std::string::npos, e.error().c_str());
    QVERIFY(writeFile(path(QStringLiteral("comments.hea")),
                      QByteArrayLiteral("# nothing here\r\n\r\n")));
    e = io::open(path(QStringLiteral("comments.hea")).toStdString());
    QVERIFY(!e.ok());
    QVERIFY2(e.error().find("no record line") != std::string::npos, e.error().c_str());
}

void TestWfdbBadInput::truncatedAnnotationFile()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/100.atr"));
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.hea")), m_hea.toLatin1()));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.dat")), m_dat));
    const QByteArray atr = readData(QStringLiteral("wfdb-samples/100.atr"));
    // The first record is "+" with the aux string "(N": cut inside the aux string.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.atr")), atr.left(5)));
    auto anns =
        io::readWfdbAnnotations(dir.filePath(QStringLiteral("100.hea")).toStdString(), "atr");
    QVERIFY(!anns.ok());
    QVERIFY2(anns.error().find("truncated") != std::string::npos, anns.error().c_str());
    // The recording still opens; the annotation problem is a warning.
    const auto r = io::open(dir.filePath(QStringLiteral("100.hea")).toStdString());
    QVERIFY2(r.ok(), r.error().c_str());
    QVERIFY(anyContains(r->warnings, "100.atr"));
    QVERIFY(r->annotations.empty());
    // Cut at an even offset: the annotations before the cut are kept.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("100.atr")), atr.left(1000)));
    anns = io::readWfdbAnnotations(dir.filePath(QStringLiteral("100.hea")).toStdString(), "atr");
    QVERIFY2(anns.ok(), anns.error().c_str());
    QVERIFY(anns->size() > 100);
}

void TestWfdbBadInput::missingSegment()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("wfdb-samples/multi-segment/041s/041s.hea"));
    QTemporaryDir dir;
    for (const char* f : {"041s.hea", "041s01.hea", "041s01.dat"})
        QVERIFY(writeFile(
            dir.filePath(QString::fromLatin1(f)),
            readData(QStringLiteral("wfdb-samples/multi-segment/041s/") + QString::fromLatin1(f))));
    const auto r = io::open(dir.filePath(QStringLiteral("041s.hea")).toStdString());
    QVERIFY2(r.ok(), r.error().c_str());
    QCOMPARE(r->sampleCount(), std::size_t(1000));
    QVERIFY2(anyContains(r->warnings, "segment 041s02 (1000 samples) is missing"),
             joined(r->warnings).c_str());
}

void TestWfdbBadInput::progressAndCancel()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("mitdb/101.hea"));
    const std::string rec = test::dataPath(QStringLiteral("mitdb/101.hea")).toStdString();
    std::vector<double> seen;
    io::OpenOptions options;
    options.progress = [&](double f) {
        seen.push_back(f);
        return true;
    };
    const auto r = io::open(rec, options);
    QVERIFY2(r.ok(), r.error().c_str());
    QVERIFY(seen.size() >= 3);
    for (std::size_t i = 1; i < seen.size(); ++i)
        QVERIFY(seen[i] >= seen[i - 1]);
    QCOMPARE(seen.back(), 1.0);

    int calls = 0;
    options.progress = [&](double) { return ++calls < 2; };
    const auto c = io::open(rec, options);
    QVERIFY(!c.ok());
    QVERIFY2(c.error().find("cancelled") != std::string::npos, c.error().c_str());
    QCOMPARE(calls, 2); // stops at the first refusal
}

QTEST_GUILESS_MAIN(TestWfdbBadInput)
#include "tst_wfdb_badinput.moc"
