#include "core/lead_names.h"
#include "core/recording.h"
#include "core/text.h"
#include "io/open.h"
#include "test_data.h"

#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>

using namespace ecglens;

class TestCore : public QObject
{
    Q_OBJECT

private slots:
    void leadNames_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("AVR upper") << QStringLiteral("AVR") << QStringLiteral("aVR");
        QTest::newRow("avl lower") << QStringLiteral("avl") << QStringLiteral("aVL");
        QTest::newRow("i lower") << QStringLiteral("i") << QStringLiteral("I");
        QTest::newRow("iii lower") << QStringLiteral("iii") << QStringLiteral("III");
        QTest::newRow("v1 lower") << QStringLiteral("v1") << QStringLiteral("V1");
        QTest::newRow("Lead II") << QStringLiteral("Lead II") << QStringLiteral("II");
        QTest::newRow("trailing space") << QStringLiteral("V6 ") << QStringLiteral("V6");
        QTest::newRow("MLII kept") << QStringLiteral("MLII") << QStringLiteral("MLII");
        QTest::newRow("vx kept") << QStringLiteral("vx") << QStringLiteral("vx");
        QTest::newRow("V7 kept") << QStringLiteral("V7") << QStringLiteral("V7");
        QTest::newRow("digit kept") << QStringLiteral("1") << QStringLiteral("1");
    }
    void leadNames()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(normaliseLeadName(input.toStdString())), expected);
    }

    // Analysis input: the modified leads of Holter / MIT-BIH recordings stand in for their
    // standard counterparts (MIT-BIH 100's MLII is lead II); nothing else is guessed.
    void analysisLeadIndices()
    {
        QCOMPARE(analysisLeadIndex("MLII"), 1);
        QCOMPARE(analysisLeadIndex("ml2"), 1);
        QCOMPARE(analysisLeadIndex("MLIII"), 2);
        QCOMPARE(analysisLeadIndex("avr"), 3);
        QCOMPARE(analysisLeadIndex("V1"), 6);
        QCOMPARE(analysisLeadIndex("MV3"), 8);
        QCOMPARE(analysisLeadIndex("MV7"), -1);
        QCOMPARE(analysisLeadIndex("V7"), -1);
        QCOMPARE(analysisLeadIndex("ECG1"), -1);
        // The recording itself keeps its name: MLII is not renamed.
        QCOMPARE(normaliseLeadName("MLII"), std::string("MLII"));
    }

    void digitalRoundTrip()
    {
        // WFDB: physical = (digital - baseline) / gain. PTB-XL: gain 1000/mV, baseline 0.
        Lead lead;
        lead.gain = 200.0;
        lead.baseline = 1024.0;
        lead.invalidDigital = -32768;
        for (int d : {-2048, 0, 995, 1024, 2047})
            lead.samples.push_back(float((d - 1024) / 200.0));
        lead.samples.push_back(NAN);
        QCOMPARE(lead.digitalAt(0), -2048);
        QCOMPARE(lead.digitalAt(2), 995);
        QCOMPARE(lead.digitalAt(4), 2047);
        QCOMPARE(lead.digitalAt(5), -32768);
    }

    void recordingLength()
    {
        Recording r;
        r.fsHz = 250;
        Lead a;
        a.fsHz = 250;
        a.samples.resize(2500);
        Lead b;
        b.fsHz = 500; // two samples per frame
        b.samples.resize(5000);
        r.leads = {a, b};
        QCOMPARE(r.sampleCount(), std::size_t(2500));
        QCOMPARE(r.durationS(), 10.0);
        r.leads[0].name = "aVR";
        QCOMPARE(r.leadIndex("avr"), 0);
        QCOMPARE(r.leadIndex("V1"), -1);
    }

    void openRefusesNonRecordings()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string folder = dir.path().toStdString();
        auto r = io::open(folder);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().find("folder") != std::string::npos, r.error().c_str());

        const std::string empty = folder + "/empty.edf";
        std::ofstream(empty).close();
        r = io::open(empty);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().find("empty") != std::string::npos, r.error().c_str());

        r = io::open(folder + "/missing.hea");
        QVERIFY(!r.ok());
        QVERIFY2(r.error().find("no such file") != std::string::npos, r.error().c_str());

        const std::string unknown = folder + "/notes.bin";
        std::ofstream(unknown) << "just some bytes";
        r = io::open(unknown);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().find("unrecognised") != std::string::npos, r.error().c_str());
    }

    void displayText_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("maxBytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ASCII") << QByteArray("Clark") << 256 << QStringLiteral("Clark");
        QTest::newRow("Latin-1") << QByteArray("M\xFCller") << 256 << QStringLiteral("M\u00fcller");
        QTest::newRow("UTF-8 kept")
            << QByteArray("M\xC3\xBCller") << 256 << QStringLiteral("M\u00fcller");
        QTest::newRow("controls, runs of spaces") << QByteArray("  Haagse\t\tHarry\r\n\x1b[2J  ")
                                                  << 256 << QStringLiteral("Haagse Harry [2J");
        // Not UTF-8 (an overlong NUL; a surrogate): Latin-1, whose C1 controls go.
        QTest::newRow("overlong") << QByteArray("A\xC0\x80"
                                                "B")
                                  << 256 << QStringLiteral("A\u00c0 B");
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80x") << 256
                                   << QStringLiteral("\u00ed\u00a0 x"); // A0: no-break space
        QTest::newRow("only spaces") << QByteArray(" \t ") << 256 << QString();
        // Cut at a character boundary: 300 two-byte characters into 255 bytes are 127.
        QTest::newRow("cut") << QByteArray("\xC3\xA9").repeated(300) << 255
                             << QStringLiteral("\u00e9").repeated(127);
        QTest::newRow("cut before space") << QByteArray("ab cd") << 3 << QStringLiteral("ab");
    }
    void displayText()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, maxBytes);
        QFETCH(QString, expected);
        const std::string out = ecglens::displayText(raw.toStdString(), std::size_t(maxBytes));
        QVERIFY(out.size() <= std::size_t(maxBytes));
        QCOMPARE(QString::fromStdString(out), expected);
    }

    /// Against Qt's UTF-8 decoder: random mixes of valid UTF-8 and stray bytes decode as Qt
    /// decodes them when Qt finds no error, else as Latin-1; controls and spaces collapse.
    void displayTextAgreesWithQt()
    {
        const QByteArray pieces[] = {"a",
                                     " ",
                                     "\t",
                                     "\xC3\xA9",
                                     "\xE2\x82\xAC",
                                     "\xF0\x9F\x92\x93",
                                     "\x7F",
                                     "\xC2\x85",
                                     "\xE0\x80\xAF",
                                     "\xF4\x90\x80\x80",
                                     "\xFF",
                                     "\x80"};
        QRandomGenerator rng(20261206);
        for (int round = 0; round < 5000; ++round) {
            QByteArray raw;
            const int n = int(rng.bounded(12));
            for (int k = 0; k < n; ++k)
                raw += pieces[rng.bounded(int(std::size(pieces)))];
            QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            QString decoded = utf8.decode(raw);
            if (utf8.hasError())
                decoded = QString::fromLatin1(raw);
            for (QChar& c : decoded)
                if (c.unicode() < 0x20 || (c.unicode() >= 0x7F && c.unicode() < 0xA0))
                    c = QLatin1Char(' ');
            const QString expected =
                decoded.split(QLatin1Char(' '), Qt::SkipEmptyParts).join(QLatin1Char(' '));
            QCOMPARE(QString::fromStdString(ecglens::displayText(raw.toStdString(), 1000)),
                     expected);
        }
    }

    void personName_data()
    {
        QTest::addColumn<QStringList>("parts"); // family|given|middle|prefix|suffix
        QTest::addColumn<QString>("expected");
        // DICOM PS3.5 6.2.1.1's example "Adams^John Robert Quincy^^Rev.^B.A. M.Div.".
        QTest::newRow("PS3.5")
            << QStringLiteral("Adams|John Robert Quincy||Rev.|B.A. M.Div.").split(u'|')
            << QStringLiteral("Adams, Rev. John Robert Quincy, B.A. M.Div.");
        QTest::newRow("family only")
            << QStringLiteral("Clark||||").split(u'|') << QStringLiteral("Clark");
        QTest::newRow("given only")
            << QStringLiteral("|Harry|||").split(u'|') << QStringLiteral("Harry");
        QTest::newRow("none") << QStringLiteral(" ||||").split(u'|') << QString();
    }
    void personName()
    {
        QFETCH(QStringList, parts);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(ecglens::personName(
                     parts[0].toStdString(), parts[1].toStdString(), parts[2].toStdString(),
                     parts[3].toStdString(), parts[4].toStdString())),
                 expected);
    }
};

QTEST_GUILESS_MAIN(TestCore)
#include "tst_core.moc"
