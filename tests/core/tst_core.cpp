#include "core/lead_names.h"
#include "core/recording.h"
#include "io/open.h"
#include "test_data.h"

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
};

QTEST_GUILESS_MAIN(TestCore)
#include "tst_core.moc"
