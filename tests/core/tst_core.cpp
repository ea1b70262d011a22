#include "core/charset.h"
#include "core/dicom_text.h"
#include "core/lead_names.h"
#include "core/limb_leads.h"
#include "core/peak.h"
#include "core/recording.h"
#include "core/text.h"
#include "io/open.h"
#include "test_data.h"
#include "test_recording.h"
#include "view/signal_view.h"

#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <vector>

using namespace ecglens;

/// Right arm, left arm and left leg electrode potentials (mV) at 500 Hz: three unrelated
/// sines, so that no lead is a multiple of another.
static std::array<std::vector<float>, 3> electrodePotentials(int n)
{
    std::array<std::vector<float>, 3> e;
    for (auto& x : e)
        x.resize(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        const double t = i / 500.0;
        e[0][std::size_t(i)] = float(0.3 * std::sin(2 * M_PI * 1.1 * t));
        e[1][std::size_t(i)] = float(-0.2 * std::sin(2 * M_PI * 1.7 * t + 0.4));
        e[2][std::size_t(i)] = float(0.9 * std::sin(2 * M_PI * 1.3 * t + 1.0));
    }
    return e;
}

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
        QCOMPARE(analysisLeadIndex("MCL1"), 6); // 03700181's only ECG lead
        QCOMPARE(analysisLeadIndex("mcl6"), 11);
        QCOMPARE(analysisLeadIndex("MCL7"), -1);
        QCOMPARE(analysisLeadIndex("MCL"), -1);
        QCOMPARE(analysisLeadIndex("MV"), -1);
        QCOMPARE(analysisLeadIndex("V7"), -1);
        QCOMPARE(analysisLeadIndex("ECG1"), -1);
        // The recording itself keeps its name: MLII is not renamed.
        QCOMPARE(normaliseLeadName("MLII"), std::string("MLII"));
    }

    /// Einthoven's law by hand: limb leads made from three electrode potentials obey it (also
    /// with two electrodes swapped, which a reversal does); II with a 20 % wrong gain, or I and
    /// III swapped in name, do not; a lead at another rate, or not a voltage, is no check.
    void einthovenCheck()
    {
        const int n = 1000; // 2 s at 500 Hz
        const auto electrodes = electrodePotentials(n);
        const std::vector<float>&ra = electrodes[0], &la = electrodes[1], &ll = electrodes[2];
        auto lead = [&](const char* name, const std::vector<float>& plus,
                        const std::vector<float>& minus, float gain = 1.0f) {
            Lead l;
            l.name = name;
            l.fsHz = 500.0;
            l.unit = "mV";
            for (int i = 0; i < n; ++i)
                l.samples.push_back(gain * (plus[i] - minus[i]));
            return l;
        };
        Recording r;
        r.fsHz = 500.0;
        r.leads = {lead("I", la, ra), lead("II", ll, ra), lead("III", ll, la), lead("V1", ll, ra)};
        auto check = checkEinthoven(r);
        QVERIFY(check.has_value());
        QVERIFY(check->residualMv < 1e-6);
        QVERIFY(check->amplitudeMv > 1.0);
        QCOMPARE(check->samples, long(n));
        QVERIFY(check->consistent());
        // Right and left arm electrodes swapped: I = RA - LA, II = LL - LA, III = LL - RA.
        Recording swapped = r;
        swapped.leads = {lead("I", ra, la), lead("ii", ll, la), lead("Lead III", ll, ra)};
        QVERIFY(checkEinthoven(swapped)->consistent());
        // II with a 20 % gain error.
        Recording gain = r;
        gain.leads[1] = lead("II", ll, ra, 1.2f);
        check = checkEinthoven(gain);
        QVERIFY(check && !check->consistent());
        QVERIFY(check->residualMv > 0.1);
        // I and II swapped in name (I and III would not show: the law is symmetric in them).
        Recording named = r;
        std::swap(named.leads[0].name, named.leads[1].name);
        QVERIFY(!checkEinthoven(named)->consistent());
        // In uV: the same check.
        Recording micro = r;
        for (Lead& l : micro.leads) {
            l.unit = "uV";
            for (float& v : l.samples)
                v *= 1000.0f;
        }
        QVERIFY(checkEinthoven(micro)->residualMv < 1e-3);
        // Invalid samples are left out; fewer than 1 s left is no check.
        Recording holes = gain;
        for (int i = 0; i < n / 4; ++i)
            holes.leads[0].samples[std::size_t(i)] = std::numeric_limits<float>::quiet_NaN();
        check = checkEinthoven(holes);
        QVERIFY(check && !check->consistent());
        QCOMPARE(check->samples, long(n - n / 4));
        Recording gaps = gain;
        for (int i = 0; i < n / 2 + 1; ++i)
            gaps.leads[1].samples[std::size_t(i)] = std::numeric_limits<float>::quiet_NaN();
        QVERIFY(!checkEinthoven(gaps).has_value());
        // No check: another rate, a lead missing, not a voltage.
        Recording rate = r;
        rate.leads[2].fsHz = 250.0;
        QVERIFY(!checkEinthoven(rate).has_value());
        Recording two = r;
        two.leads.erase(two.leads.begin() + 2);
        QVERIFY(!checkEinthoven(two).has_value());
        Recording counts = r;
        counts.leads[0].unit = "mmHg";
        QVERIFY(!checkEinthoven(counts).has_value());
    }

    /// The limb leads a recording lacks, computed for display, against the three electrode
    /// potentials they are defined by: I = LA - RA, II = LL - RA, III = LL - LA, and Goldberger's
    /// aVR = RA - (LA + LL) / 2, aVL = LA - (RA + LL) / 2, aVF = LL - (RA + LA) / 2.
    void computedLimbLeadsByHand()
    {
        const int n = 1000; // 2 s at 500 Hz
        const auto electrodes = electrodePotentials(n);
        const std::vector<float>&ra = electrodes[0], &la = electrodes[1], &ll = electrodes[2];
        using Electrodes = std::vector<std::pair<const std::vector<float>*, double>>;
        auto lead = [&](const char* name, const Electrodes& terms) {
            Lead l;
            l.name = name;
            l.fsHz = 500.0;
            l.unit = "mV";
            l.samples.assign(n, 0.0f);
            for (int i = 0; i < n; ++i)
                for (const auto& [x, w] : terms)
                    l.samples[std::size_t(i)] += float(w * (*x)[std::size_t(i)]);
            return l;
        };
        const std::map<std::string, Lead> limb = {
            {"I", lead("I", {{&la, 1}, {&ra, -1}})},
            {"II", lead("II", {{&ll, 1}, {&ra, -1}})},
            {"III", lead("III", {{&ll, 1}, {&la, -1}})},
            {"aVR", lead("aVR", {{&ra, 1}, {&la, -0.5}, {&ll, -0.5}})},
            {"aVL", lead("aVL", {{&la, 1}, {&ra, -0.5}, {&ll, -0.5}})},
            {"aVF", lead("aVF", {{&ll, 1}, {&ra, -0.5}, {&la, -0.5}})}};
        auto recording = [&](const std::vector<std::string>& names) {
            Recording r;
            r.fsHz = 500.0;
            for (const std::string& name : names)
                r.leads.push_back(name == "V1" ? lead("V1", {{&ll, 1}}) : limb.at(name));
            return r;
        };
        auto expectComputed = [&](const Recording& r, const QString& names) {
            const std::vector<Lead> computed = computedLimbLeads(r);
            QStringList got;
            for (const Lead& l : computed) {
                got << QString::fromStdString(l.name);
                QVERIFY(l.computed);
                QCOMPARE(l.unit, std::string("mV"));
                QCOMPARE(l.fsHz, 500.0);
                QCOMPARE(int(l.size()), n);
                const Lead& want = limb.at(l.name);
                for (int i = 0; i < n; ++i)
                    QVERIFY2(std::fabs(l.samples[std::size_t(i)] - want.samples[std::size_t(i)]) <
                                 1e-5f,
                             qPrintable(QString::fromStdString(l.name)));
            }
            QCOMPARE(got.join(QLatin1Char(' ')), names);
        };
        expectComputed(recording({"I", "II", "V1"}), QStringLiteral("III aVR aVL aVF"));
        expectComputed(recording({"V1", "III", "II"}), QStringLiteral("I aVR aVL aVF"));
        expectComputed(recording({"aVR", "aVL"}), QStringLiteral("I II III aVF"));
        expectComputed(recording({"I", "II", "III"}), QStringLiteral("aVR aVL aVF"));
        // Holter spellings count as the standard leads, as for the detector (MLII -> II).
        Recording holter = recording({"I", "II"});
        holter.leads[0].name = "MLI";
        holter.leads[1].name = "MLII";
        expectComputed(holter, QStringLiteral("III aVR aVL aVF"));
        // In uV and mV mixed: the computed leads are in mV.
        Recording micro = recording({"I", "II"});
        micro.leads[0].unit = "uV";
        for (float& v : micro.leads[0].samples)
            v *= 1000.0f;
        expectComputed(micro, QStringLiteral("III aVR aVL aVF"));
        // An invalid sample gives invalid computed samples there, and only there.
        Recording holes = recording({"I", "II"});
        holes.leads[1].samples[10] = std::numeric_limits<float>::quiet_NaN();
        for (const Lead& l : computedLimbLeads(holes)) {
            QVERIFY(std::isnan(l.samples[10])); // each of the four takes II
            QVERIFY(std::isfinite(l.samples[9]) && std::isfinite(l.samples[11]));
        }
        // Appended once: a second call finds the computed leads there and adds none.
        Recording twice = recording({"II", "III"});
        QCOMPARE(addComputedLimbLeads(twice), std::size_t(4));
        QCOMPARE(addComputedLimbLeads(twice), std::size_t(0));
        QCOMPARE(int(twice.leads.size()), 6);
        // None: all six there, one limb lead, two not sampled together, a breach of
        // Einthoven's law (II with a 20 % gain error), or too many samples for display.
        QVERIFY(computedLimbLeads(recording({"I", "II", "III", "aVR", "aVL", "aVF"})).empty());
        QVERIFY(computedLimbLeads(recording({"II", "V1"})).empty());
        Recording rate = recording({"I", "II"});
        rate.leads[1].fsHz = 250.0;
        QVERIFY(computedLimbLeads(rate).empty());
        Recording shorter = recording({"I", "II"});
        shorter.leads[1].samples.pop_back();
        QVERIFY(computedLimbLeads(shorter).empty());
        Recording gain = recording({"I", "II", "III"});
        for (float& v : gain.leads[1].samples)
            v *= 1.2f;
        QVERIFY(!checkEinthoven(gain)->consistent());
        QVERIFY(computedLimbLeads(gain).empty());
        Recording big; // 2 leads + 4 computed of 7 million samples: 42 million > 40 million
        big.fsHz = 500.0;
        for (const char* name : {"I", "II"}) {
            Lead l;
            l.name = name;
            l.fsHz = 500.0;
            l.samples.assign(7'000'000, 0.5f);
            big.leads.push_back(std::move(l));
        }
        static_assert(6 * 7'000'000 > kMaxSamplesWithComputedLeads);
        QVERIFY(computedLimbLeads(big).empty());
        big.leads[0].samples.resize(6'000'000); // 36 million: drawn
        big.leads[1].samples.resize(6'000'000);
        QCOMPARE(computedLimbLeads(big).size(), std::size_t(4));
    }

    /// A PTB-XL record reduced to two limb leads gets back the cart's own four others, at the
    /// recorded rate, within the quantisation of the stored values (each within one 1 uV step
    /// of the true value, rounded or truncated: the two sources' steps weighted, plus the
    /// stored lead's own).
    void computedLimbLeadsMatchRecorded_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<QStringList>("kept");
        const QString hr = QStringLiteral("ptbxl/records500/00000/00001_hr.hea");
        const QString lr = QStringLiteral("ptbxl/records100/00000/00008_lr.hea");
        QTest::newRow("500 Hz I + II") << hr << QString::fromLatin1("I II").split(QLatin1Char(' '));
        QTest::newRow("500 Hz II + III + V2")
            << hr << QString::fromLatin1("II III V2").split(QLatin1Char(' '));
        QTest::newRow("500 Hz aVL + aVF")
            << hr << QString::fromLatin1("aVL aVF").split(QLatin1Char(' '));
        QTest::newRow("100 Hz I + aVR + V5")
            << lr << QString::fromLatin1("I aVR V5").split(QLatin1Char(' '));
        QTest::newRow("100 Hz III + aVL")
            << lr << QString::fromLatin1("III aVL").split(QLatin1Char(' '));
    }
    void computedLimbLeadsMatchRecorded()
    {
        QFETCH(QString, record);
        QFETCH(QStringList, kept);
        ECGLENS_REQUIRE_DATA(record);
        const auto full = io::open(test::dataPath(record).toStdString());
        QVERIFY2(full.ok(), full.error().c_str());
        const Recording reduced = test::withLeadsOnly(*full, kept);
        QCOMPARE(int(reduced.leads.size()), int(kept.size()));
        int a = -1, b = -1, limbKept = 0; // the sources: the first two kept limb leads
        for (const QString& name : kept) {
            const int k = standardLeadIndex(name.toStdString());
            if (k < 6) {
                (a < 0 ? a : b) = k;
                ++limbKept;
            }
        }
        QCOMPARE(limbKept, 2);
        const std::vector<Lead> computed = computedLimbLeads(reduced);
        QCOMPARE(int(computed.size()), 4);
        for (const Lead& l : computed) {
            const int t = standardLeadIndex(l.name);
            const auto [wa, wb] = limbLeadWeights(t, a, b);
            const double boundMv = 0.001 * (std::fabs(wa) + std::fabs(wb) + 1) + 1e-6;
            const Lead& want = full->leads[std::size_t(full->leadIndex(l.name))];
            QCOMPARE(l.size(), want.size());
            double worst = 0, range = 0;
            for (std::size_t i = 0; i < want.size(); ++i) {
                worst = std::max(worst, double(std::fabs(l.samples[i] - want.samples[i])));
                range = std::max(range, double(std::fabs(want.samples[i])));
            }
            QVERIFY2(worst <= boundMv, qPrintable(QStringLiteral("%1: %2 mV off, bound %3")
                                                      .arg(QString::fromStdString(l.name))
                                                      .arg(worst)
                                                      .arg(boundMv)));
            QVERIFY(range > 0.1); // a real trace
        }
    }

    /// The viewer's signal holds the computed limb leads after the recorded ones (whose indices
    /// stay), in a copy: the recording the engine analyses keeps what was read.
    void signalViewDrawsComputedLimbLeads()
    {
        auto r = std::make_shared<Recording>();
        r->fsHz = 250.0;
        for (const char* name : {"II", "V5", "III"}) {
            Lead l;
            l.name = name;
            l.fsHz = 250.0;
            for (int i = 0; i < 2500; ++i)
                l.samples.push_back(float(std::sin(i * (name[0] == 'V' ? 0.02 : 0.03))));
            r->leads.push_back(std::move(l));
        }
        const auto view = view::SignalView::build(r);
        QVERIFY(view);
        QCOMPARE(int(r->leads.size()), 3);
        QCOMPARE(int(view->leadCount()), 7);
        QStringList names;
        for (const Lead& l : view->recording().leads)
            names << QString::fromStdString(l.name) +
                         (l.computed ? QStringLiteral("*") : QString());
        QCOMPARE(names.join(QLatin1Char(' ')), QStringLiteral("II V5 III I* aVR* aVL* aVF*"));
        QCOMPARE(view->pyramid(3).size(), std::size_t(2500));
        // I = II - III at every sample.
        QCOMPARE(view->recording().leads[3].samples[100],
                 r->leads[0].samples[100] - r->leads[2].samples[100]);
        // Nothing to compute: the view draws the recording itself.
        auto chest = std::make_shared<Recording>(*r);
        chest->leads.erase(chest->leads.begin() + 2);
        QCOMPARE(view::SignalView::build(chest)->recordingPtr().get(), chest.get());
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

    /// Every byte of every single-byte set decodes as ICU's converter (through QStringDecoder)
    /// decodes it: the tables were generated from another implementation (Python's codecs).
    void textEncodingsAgreeWithIcu()
    {
        using ecglens::TextEncoding;
        const std::pair<TextEncoding, const char*> sets[] = {
            {TextEncoding::Latin1, "ISO-8859-1"},   {TextEncoding::Latin2, "ISO-8859-2"},
            {TextEncoding::Latin3, "ISO-8859-3"},   {TextEncoding::Latin4, "ISO-8859-4"},
            {TextEncoding::Cyrillic, "ISO-8859-5"}, {TextEncoding::Arabic, "ISO-8859-6"},
            {TextEncoding::Greek, "ISO-8859-7"},    {TextEncoding::Hebrew, "ISO-8859-8"},
            {TextEncoding::Latin5, "ISO-8859-9"},   {TextEncoding::Thai, "ISO-8859-11"},
            {TextEncoding::Latin9, "ISO-8859-15"}};
        std::string all;
        for (int b = 1; b < 256; ++b)
            all.push_back(char(b));
        for (const auto& [encoding, name] : sets) {
            QStringDecoder icu(name);
            QVERIFY2(icu.isValid(), name);
            const QString expected = icu.decode(QByteArray::fromStdString(all));
            QCOMPARE(expected.size(), qsizetype(255));
            const QString got = QString::fromStdString(ecglens::decodeText(all, encoding));
            for (int b = 0; b < 255; ++b)
                QVERIFY2(got.at(b) == expected.at(b),
                         qPrintable(QStringLiteral("%1 byte 0x%2: U+%3, ICU U+%4")
                                        .arg(QLatin1String(name))
                                        .arg(b + 1, 2, 16, QLatin1Char('0'))
                                        .arg(got.at(b).unicode(), 4, 16, QLatin1Char('0'))
                                        .arg(expected.at(b).unicode(), 4, 16, QLatin1Char('0'))));
        }
        // Declared UTF-8 and undeclared text are left to displayText.
        QCOMPARE(ecglens::decodeText(all, TextEncoding::Utf8), all);
        QCOMPARE(ecglens::decodeText(all, TextEncoding::Undeclared), all);
    }

    /// UTF-16LE (SCP-ECG's ISO 10646) against Qt's decoder: random well-formed units (ASCII,
    /// Greek, CJK, surrogate pairs), then the 0x0000 unit that ends a field. Qt passes lone
    /// surrogates through; here each becomes U+FFFD (Unicode's substitution), checked apart.
    void utf16AgreesWithQt()
    {
        const char16_t pieces[][2] = {{u'a', 0},   {u' ', 0},        {0x03A9, 0},
                                      {0x4E2D, 0}, {0xD83D, 0xDC93}, {0xFFFD, 0}};
        auto bytes = [](std::initializer_list<char16_t> units) {
            QByteArray b;
            for (const char16_t u : units)
                b += char(u & 0xFF), b += char(u >> 8);
            return b;
        };
        auto decoded = [](const QByteArray& raw) {
            return QString::fromStdString(
                ecglens::decodeText(raw.toStdString(), ecglens::TextEncoding::Utf16Le));
        };
        QRandomGenerator rng(20261206);
        for (int round = 0; round < 3000; ++round) {
            QByteArray raw;
            for (int k = int(rng.bounded(10)); k > 0; --k) {
                const auto& piece = pieces[rng.bounded(int(std::size(pieces)))];
                raw += piece[1] ? bytes({piece[0], piece[1]}) : bytes({piece[0]});
            }
            QStringDecoder qt(QStringDecoder::Utf16LE, QStringDecoder::Flag::Stateless);
            const QString expected = qt.decode(raw);
            QVERIFY(!qt.hasError());
            QCOMPARE(decoded(raw), expected);
            // A field ends at its 0x0000 unit; what follows is padding.
            QCOMPARE(decoded(raw + QByteArray("\0\0Xx", 4)), expected);
        }
        QCOMPARE(decoded(bytes({u'a', 0xDC00, 0xD800, u'b'})), QStringLiteral("a\ufffd\ufffdb"));
        QCOMPARE(decoded(bytes({0xD83D})), QStringLiteral("\ufffd"));
        QCOMPARE(decoded(bytes({u'a'}) + 'b'), QStringLiteral("a")); // odd last byte dropped
    }

    /// The names of the DICOM character-set test images (chrFren, chrRuss, chrGreek, chrHbrw,
    /// chrArab; as pydicom's tests read them) and a Czech one, the bytes worked out by hand from
    /// the ISO 8859 code charts.
    void decodeTextExamples_data()
    {
        QTest::addColumn<int>("encoding");
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("expected");
        using ecglens::TextEncoding;
        QTest::newRow("ISO_IR 100") << int(TextEncoding::Latin1) << QByteArray("Buc^J\xE9r\xF4me")
                                    << QStringLiteral("Buc^J\u00e9r\u00f4me");
        QTest::newRow("ISO_IR 101")
            << int(TextEncoding::Latin2) << QByteArray("Dvo\xF8\xE1k^Anton\xEDn")
            << QStringLiteral("Dvo\u0159\u00e1k^Anton\u00edn");
        QTest::newRow("ISO_IR 144") << int(TextEncoding::Cyrillic)
                                    << QByteArray("\xBB\xEE\xDA"
                                                  "ce\xDC\xD1yp\xD3")
                                    << QStringLiteral("\u041b\u044e\u043a"
                                                      "ce\u043c\u0431yp\u0433");
        QTest::newRow("ISO_IR 126")
            << int(TextEncoding::Greek) << QByteArray("\xC4\xE9\xEF\xED\xF5\xF3\xE9\xEF\xF2")
            << QStringLiteral("\u0394\u03b9\u03bf\u03bd\u03c5\u03c3\u03b9\u03bf\u03c2");
        QTest::newRow("ISO_IR 138")
            << int(TextEncoding::Hebrew) << QByteArray("\xF9\xF8\xE5\xEF^\xE3\xE1\xE5\xF8\xE4")
            << QStringLiteral("\u05e9\u05e8\u05d5\u05df^\u05d3\u05d1\u05d5\u05e8\u05d4");
        QTest::newRow("ISO_IR 127")
            << int(TextEncoding::Arabic) << QByteArray("\xE2\xC8\xC7\xE6\xEA^\xE4\xE6\xD2\xC7\xD1")
            << QStringLiteral("\u0642\u0628\u0627\u0646\u064a^\u0644\u0646\u0632\u0627\u0631");
    }
    void decodeTextExamples()
    {
        QFETCH(int, encoding);
        QFETCH(QByteArray, raw);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(
                     ecglens::decodeText(raw.toStdString(), ecglens::TextEncoding(encoding))),
                 expected);
    }

    /// DICOM's Specific Character Set (PS3.3 C.12.1.1.2 defined terms) and SCP-ECG's language
    /// support code (EN 1064 section 1 tag 14 byte 16) to the encoding; -1 for a set declared but
    /// not decoded.
    void declaredEncodings_data()
    {
        QTest::addColumn<QString>("declaration"); // DICOM text, or "scp:" and the code
        QTest::addColumn<int>("expected");
        using ecglens::TextEncoding;
        QTest::newRow("none") << QString() << int(TextEncoding::Undeclared);
        QTest::newRow("ISO_IR 6") << QStringLiteral("ISO_IR 6") << int(TextEncoding::Undeclared);
        QTest::newRow("ISO_IR 100") << QStringLiteral("ISO_IR 100") << int(TextEncoding::Latin1);
        QTest::newRow("padded") << QStringLiteral(" ISO_IR 144 ") << int(TextEncoding::Cyrillic);
        QTest::newRow("ISO 2022 IR 126")
            << QStringLiteral("ISO 2022 IR 126") << int(TextEncoding::Greek);
        QTest::newRow("ASCII then Latin-1")
            << QStringLiteral("ISO 2022 IR 6\\ISO 2022 IR 100") << int(TextEncoding::Latin1);
        QTest::newRow("ISO_IR 192") << QStringLiteral("ISO_IR 192") << int(TextEncoding::Utf8);
        QTest::newRow("ISO_IR 166") << QStringLiteral("ISO_IR 166") << int(TextEncoding::Thai);
        QTest::newRow("ISO_IR 203") << QStringLiteral("ISO_IR 203") << int(TextEncoding::Latin9);
        QTest::newRow("Japanese") << QStringLiteral("\\ISO 2022 IR 87") << -1;
        QTest::newRow("Korean") << QStringLiteral("\\ISO 2022 IR 149") << -1;
        QTest::newRow("GB18030") << QStringLiteral("GB18030") << int(TextEncoding::Gb18030);
        QTest::newRow("GBK") << QStringLiteral("GBK") << int(TextEncoding::Gbk);
        QTest::newRow("ISO_IR 13") << QStringLiteral("ISO_IR 13") << int(TextEncoding::JisX0201);
        QTest::newRow("two sets") << QStringLiteral("ISO 2022 IR 100\\ISO 2022 IR 126") << -1;
        QTest::newRow("made up") << QStringLiteral("ISO_IR 1000") << -1;
        QTest::newRow("scp ASCII") << QStringLiteral("scp:0") << int(TextEncoding::Undeclared);
        QTest::newRow("scp bit 0 clear")
            << QStringLiteral("scp:18") << int(TextEncoding::Undeclared);
        QTest::newRow("scp Latin-1") << QStringLiteral("scp:1") << int(TextEncoding::Latin1);
        QTest::newRow("scp Latin-1 (bit 1 clear)")
            << QStringLiteral("scp:5") << int(TextEncoding::Latin1);
        QTest::newRow("scp Latin-2") << QStringLiteral("scp:3") << int(TextEncoding::Latin2);
        QTest::newRow("scp Latin-4") << QStringLiteral("scp:11") << int(TextEncoding::Latin4);
        QTest::newRow("scp Cyrillic") << QStringLiteral("scp:19") << int(TextEncoding::Cyrillic);
        QTest::newRow("scp Arabic") << QStringLiteral("scp:27") << int(TextEncoding::Arabic);
        QTest::newRow("scp Greek") << QStringLiteral("scp:35") << int(TextEncoding::Greek);
        QTest::newRow("scp Hebrew") << QStringLiteral("scp:43") << int(TextEncoding::Hebrew);
        QTest::newRow("scp Thai") << QStringLiteral("scp:51") << int(TextEncoding::Thai);
        QTest::newRow("scp Latin-9") << QStringLiteral("scp:59") << int(TextEncoding::Latin9);
        QTest::newRow("scp ISO 10646") << QStringLiteral("scp:7") << int(TextEncoding::Utf16Le);
        // The multi-byte codes as ECGToolkit's SCPSection1 maps them to .NET encodings.
        QTest::newRow("scp JIS X0201") << QStringLiteral("scp:15") << int(TextEncoding::EucJp);
        QTest::newRow("scp JIS X0208") << QStringLiteral("scp:23") << int(TextEncoding::EucJp);
        QTest::newRow("scp JIS X0212") << QStringLiteral("scp:31") << int(TextEncoding::EucJp);
        QTest::newRow("scp GB 2312") << QStringLiteral("scp:39") << int(TextEncoding::Gbk);
        QTest::newRow("scp KS C5601") << QStringLiteral("scp:47") << int(TextEncoding::Uhc);
        QTest::newRow("scp undefined") << QStringLiteral("scp:55") << -1;
    }
    void declaredEncodings()
    {
        QFETCH(QString, declaration);
        QFETCH(int, expected);
        const auto e = declaration.startsWith(QLatin1String("scp:"))
                           ? ecglens::scpTextEncoding(declaration.mid(4).toUInt())
                           : ecglens::dicomTextEncoding(declaration.toStdString());
        QCOMPARE(e ? int(*e) : -1, expected);
    }

    /// The XML declaration's encoding and the names ECG Lens decodes (IANA names, any case).
    void xmlEncodings_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("declared");
        QTest::addColumn<int>("expected"); // -1: declared, not decoded; -2: none declared
        using ecglens::TextEncoding;
        QTest::newRow("utf-8") << QByteArray("<?xml version=\"1.0\" encoding=\"utf-8\"?><a/>")
                               << QStringLiteral("utf-8") << int(TextEncoding::Utf8);
        QTest::newRow("BOM, single quotes, spaces")
            << QByteArray("\xEF\xBB\xBF<?xml version='1.0' encoding = 'ISO-8859-5' ?>")
            << QStringLiteral("ISO-8859-5") << int(TextEncoding::Cyrillic);
        QTest::newRow("underscore") << QByteArray("<?xml encoding=\"iso_8859-7\"?>")
                                    << QStringLiteral("iso_8859-7") << int(TextEncoding::Greek);
        QTest::newRow("no dash") << QByteArray("<?xml encoding=\"ISO8859-15\"?>")
                                 << QStringLiteral("ISO8859-15") << int(TextEncoding::Latin9);
        QTest::newRow("latin2") << QByteArray("<?xml encoding=\"Latin2\"?>")
                                << QStringLiteral("Latin2") << int(TextEncoding::Latin2);
        QTest::newRow("ISO-8859-1") << QByteArray("<?xml encoding=\"ISO-8859-1\"?>")
                                    << QStringLiteral("ISO-8859-1") << int(TextEncoding::Latin1);
        QTest::newRow("ISO-8859-10 (not here)") << QByteArray("<?xml encoding=\"ISO-8859-10\"?>")
                                                << QStringLiteral("ISO-8859-10") << -1;
        QTest::newRow("UTF-16") << QByteArray("<?xml encoding=\"UTF-16\"?>")
                                << QStringLiteral("UTF-16") << int(TextEncoding::Undeclared);
        QTest::newRow("windows-1251")
            << QByteArray("<?xml encoding=\"windows-1251\"?>") << QStringLiteral("windows-1251")
            << int(TextEncoding::Windows1251);
        QTest::newRow("cp1258") << QByteArray("<?xml encoding=\"CP1258\"?>")
                                << QStringLiteral("CP1258") << int(TextEncoding::Windows1258);
        QTest::newRow("windows-1259 (none)") << QByteArray("<?xml encoding=\"windows-1259\"?>")
                                             << QStringLiteral("windows-1259") << -1;
        QTest::newRow("Shift_JIS") << QByteArray("<?xml encoding=\"Shift_JIS\"?>")
                                   << QStringLiteral("Shift_JIS") << int(TextEncoding::ShiftJis);
        QTest::newRow("ks_c_5601-1987")
            << QByteArray("<?xml encoding=\"ks_c_5601-1987\"?>") << QStringLiteral("ks_c_5601-1987")
            << int(TextEncoding::Uhc);
        QTest::newRow("GB18030") << QByteArray("<?xml encoding=\"GB18030\"?>")
                                 << QStringLiteral("GB18030") << int(TextEncoding::Gb18030);
        QTest::newRow("a path (never given to iconv)")
            << QByteArray("<?xml encoding=\"../../tmp/x\"?>") << QStringLiteral("../../tmp/x")
            << -1;
        QTest::newRow("no declaration") << QByteArray("<AnnotatedECG/>") << QString() << -2;
        QTest::newRow("no encoding")
            << QByteArray("<?xml version=\"1.0\"?><a encoding=\"x\"/>") << QString() << -2;
        QTest::newRow("unterminated")
            << QByteArray("<?xml encoding=\"ISO-8859-5") << QString() << -2;
    }
    void xmlEncodings()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, declared);
        QFETCH(int, expected);
        const std::string found = ecglens::xmlDeclaredEncoding(xml.toStdString());
        QCOMPARE(QString::fromStdString(found), declared);
        if (expected == -2)
            return;
        const auto e = ecglens::xmlTextEncoding(found);
        QCOMPARE(e ? int(*e) : -1, expected);
    }

    /// The sets decoded with iconv against ICU's converters (through QStringDecoder /
    /// QStringEncoder), two independent implementations of the same mapping tables: every byte
    /// of the single-byte sets (a byte the set leaves undefined is U+FFFD in both); for the
    /// multi-byte sets, names and words in their scripts encoded by ICU and decoded here.
    void iconvSetsAgreeWithIcu()
    {
        using ecglens::TextEncoding;
        // The bytes each set leaves undefined in the Unicode Consortium's mapping files (as
        // Python's codecs carry them, listed once): U+FFFD here. ICU's tables are IBM's and fill
        // some of them (windows-1253 0xAA is U+00AA there); every other byte must agree.
        const std::tuple<TextEncoding, const char*, QByteArray> singleByte[] = {
            {TextEncoding::Windows1250, "windows-1250", "\x81\x83\x88\x90\x98"},
            {TextEncoding::Windows1251, "windows-1251", "\x98"},
            {TextEncoding::Windows1252, "windows-1252", "\x81\x8D\x8F\x90\x9D"},
            {TextEncoding::Windows1253, "windows-1253",
             "\x81\x88\x8A\x8C\x8D\x8E\x8F\x90\x98\x9A\x9C\x9D\x9E\x9F\xAA\xD2\xFF"},
            {TextEncoding::Windows1254, "windows-1254", "\x81\x8D\x8E\x8F\x90\x9D\x9E"},
            {TextEncoding::Windows1255, "windows-1255",
             "\x81\x8A\x8C\x8D\x8E\x8F\x90\x9A\x9C\x9D\x9E\x9F\xCA\xD9\xDA\xDB\xDC\xDD\xDE"
             "\xDF\xFB\xFC\xFF"},
            {TextEncoding::Windows1256, "windows-1256", ""},
            {TextEncoding::Windows1257, "windows-1257",
             "\x81\x83\x88\x8A\x8C\x90\x98\x9A\x9C\x9F\xA1\xA5"},
            {TextEncoding::Windows1258, "windows-1258", "\x81\x8A\x8D\x8E\x8F\x90\x9A\x9D\x9E"},
            {TextEncoding::Koi8R, "KOI8-R", ""},
            {TextEncoding::Koi8U, "KOI8-U", ""}};
        for (const auto& [encoding, name, undefined] : singleByte) {
            QVERIFY2(ecglens::textEncodingAvailable(encoding), name);
            QStringDecoder icu(name);
            QVERIFY2(icu.isValid(), name);
            for (int b = 1; b < 256; ++b) {
                const std::string one(1, char(b));
                const QString expected = undefined.contains(char(b))
                                             ? QString(QChar(0xFFFD))
                                             : icu.decode(QByteArray::fromStdString(one));
                const QString got = QString::fromStdString(ecglens::decodeText(one, encoding));
                QVERIFY2(got == expected, qPrintable(QStringLiteral("%1 byte 0x%2: %3, expected %4")
                                                         .arg(QLatin1String(name))
                                                         .arg(b, 2, 16, QLatin1Char('0'))
                                                         .arg(got, expected)));
            }
        }
        const QString japanese = QStringLiteral("\u5c71\u7530 \u592a\u90ce \u3084\u307e\u3060 "
                                                "\u30a2\u30a4 \u9ad8\u6a4b \u6e21\u8fba");
        const QString korean = QStringLiteral("\ud64d\uae38\ub3d9 \uae40\ubbfc\uc900 \u6d2a");
        const QString simplified = QStringLiteral("\u5f20\u5c0f\u4e1c \u738b\u82b3 \u674e\u5a1c");
        const QString traditional = QStringLiteral("\u5f35\u5c0f\u6771 \u9673\u5fd7\u660e");
        const std::tuple<TextEncoding, const char*, QString> multiByte[] = {
            // Shift_JIS is read as Windows reads it (code page 932), with its extensions (U+9AD9).
            {TextEncoding::ShiftJis, "Shift_JIS", japanese + QStringLiteral(" \u9ad9\u6a4b")},
            {TextEncoding::EucJp, "EUC-JP", japanese},
            {TextEncoding::Iso2022Jp, "ISO-2022-JP", japanese},
            {TextEncoding::EucKr, "EUC-KR", korean},
            {TextEncoding::Uhc, "windows-949", korean + QStringLiteral(" \ub620")},
            {TextEncoding::Gb2312, "GB2312", simplified},
            {TextEncoding::Gbk, "GBK", simplified + u' ' + traditional},
            {TextEncoding::Gb18030, "GB18030", simplified + u' ' + traditional},
            {TextEncoding::Big5, "Big5", traditional}};
        for (const auto& [encoding, name, text] : multiByte) {
            QVERIFY2(ecglens::textEncodingAvailable(encoding), name);
            QStringEncoder icu(name);
            QVERIFY2(icu.isValid(), name);
            const QString sample = QStringLiteral("Name: ") + text + QStringLiteral(" (ID 42)");
            const QByteArray bytes = icu.encode(sample);
            QVERIFY2(!icu.hasError(), name);
            QCOMPARE(QString::fromStdString(ecglens::decodeText(bytes.toStdString(), encoding)),
                     sample);
        }
        // A multi-byte character cut off at the end, or a lead byte with no valid second byte,
        // is U+FFFD; decoding goes on after it.
        const std::string cut = "\xD5\xC5\xD5"; // U+5F20, then half of the next
        QCOMPARE(QString::fromStdString(ecglens::decodeText(cut, TextEncoding::Gb2312)),
                 QStringLiteral("\u5f20\ufffd"));
        QCOMPARE(QString::fromStdString(ecglens::decodeText(std::string("\xC0"
                                                                        "A\xC0",
                                                                        3),
                                                            TextEncoding::EucKr)),
                 QStringLiteral("\ufffdA\ufffd"));
        // ISO_IR 13: half-width katakana at 0xA1-0xDF (U+FF61 ... U+FF9F), ASCII below 0x80.
        QCOMPARE(QString::fromStdString(ecglens::decodeText("\xD4\xCF\xC0\xDE^\xC0\xDB\xB3\xE0",
                                                            TextEncoding::JisX0201)),
                 QStringLiteral("\uff94\uff8f\uff80\uff9e^\uff80\uff9b\uff73\ufffd"));
    }

    /// DICOM values with ISO 2022 code extensions: the examples of PS3.5 Annexes H (Japanese),
    /// I (Korean), J (GB18030) and K (GB 2312), byte for byte as the standard prints them, to the
    /// Unicode text it gives; then the reset rules and damaged escapes.
    void dicomIso2022_data()
    {
        QTest::addColumn<QString>("specificCharacterSet");
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("decoded"); // false: the warning case
        QTest::newRow("H.3.1 ISO 2022 IR 87")
            << QStringLiteral("\\ISO 2022 IR 87")
            << QByteArray("Yamada^Tarou=\x1B$B;3ED\x1B(B^\x1B$BB@O:\x1B(B=\x1B$B$d$^$@\x1B(B^"
                          "\x1B$B$?$m$&\x1B(B")
            << QStringLiteral("Yamada^Tarou=\u5c71\u7530^\u592a\u90ce="
                              "\u3084\u307e\u3060^\u305f\u308d\u3046")
            << true;
        QTest::newRow("H.3.2 ISO 2022 IR 13 and 87")
            << QStringLiteral("ISO 2022 IR 13\\ISO 2022 IR 87")
            << QByteArray("\xD4\xCF\xC0\xDE^\xC0\xDB\xB3=\x1B$B;3ED\x1B(J^\x1B$BB@O:\x1B(J="
                          "\x1B$B$d$^$@\x1B(J^\x1B$B$?$m$&\x1B(J")
            << QStringLiteral("\uff94\uff8f\uff80\uff9e^\uff80\uff9b\uff73=\u5c71\u7530^"
                              "\u592a\u90ce=\u3084\u307e\u3060^\u305f\u308d\u3046")
            << true;
        QTest::newRow("I.2 ISO 2022 IR 149")
            << QStringLiteral("\\ISO 2022 IR 149")
            << QByteArray("Hong^Gildong=\x1B$)C\xFB\xF3^\x1B$)C\xD1\xCE\xD4\xD7=\x1B$)C\xC8\xAB^"
                          "\x1B$)C\xB1\xE6\xB5\xBF")
            << QStringLiteral("Hong^Gildong=\u6d2a^\u5409\u6d1e=\ud64d^\uae38\ub3d9") << true;
        QTest::newRow("J.3 GB18030")
            << QStringLiteral("GB18030") << QByteArray("Wang^XiaoDong=\xCD\xF5^\xD0\xA1\x96\x7C=")
            << QStringLiteral("Wang^XiaoDong=\u738b^\u5c0f\u6771=") << true;
        QTest::newRow("K.2 ISO 2022 IR 58")
            << QStringLiteral("\\ISO 2022 IR 58")
            << QByteArray("Zhang^XiaoDong=\x1B$)A\xD5\xC5^\x1B$)A\xD0\xA1\xB6\xAB=")
            << QStringLiteral("Zhang^XiaoDong=\u5f20^\u5c0f\u4e1c=") << true;
        // JIS X 0212 (ISO-IR 159): U+4E02 is its 0x3021 (EUC-JP 8F B0 A1).
        QTest::newRow("ISO 2022 IR 159") << QStringLiteral("\\ISO 2022 IR 87\\ISO 2022 IR 159")
                                         << QByteArray("=\x1B$(D0!\x1B(B^\x1B$B;3\x1B(B")
                                         << QStringLiteral("=\u4e02^\u5c71") << true;
        // Latin-1 first, Greek by escape; '^' puts Latin-1 back in G1.
        QTest::newRow("IR 100 and 126")
            << QStringLiteral("ISO 2022 IR 100\\ISO 2022 IR 126")
            << QByteArray("M\xFCller^\x1B-F\xC4\xE9\xEF^\xC4")
            << QStringLiteral("M\u00fcller^\u0394\u03b9\u03bf^\u00c4") << true;
        // ASCII first: a Latin-1 byte without its escape is read in the one set declared.
        QTest::newRow("IR 6 and 100, no escape")
            << QStringLiteral("ISO 2022 IR 6\\ISO 2022 IR 100") << QByteArray("M\xFCller")
            << QStringLiteral("M\u00fcller") << true;
        // Damage: an escape not in the tables, a JIS pair cut off, a KS X 1001 lead byte alone.
        QTest::newRow("unknown escape")
            << QStringLiteral("\\ISO 2022 IR 87") << QByteArray("A\x1B$Z;3B")
            << QStringLiteral("A\ufffd$Z;3B") << true;
        QTest::newRow("JIS pair cut off")
            << QStringLiteral("\\ISO 2022 IR 87") << QByteArray("\x1B$B;3E")
            << QStringLiteral("\u5c71\ufffd") << true;
        QTest::newRow("escape at the end")
            << QStringLiteral("\\ISO 2022 IR 149") << QByteArray("A\x1B$)")
            << QStringLiteral("A\ufffd$)") << true;
        QTest::newRow("lead byte alone")
            << QStringLiteral("\\ISO 2022 IR 149") << QByteArray("\x1B$)C\xFB^")
            << QStringLiteral("\ufffd^") << true;
        QTest::newRow("nothing in G1")
            << QStringLiteral("\\ISO 2022 IR 87") << QByteArray("M\xFCller")
            << QStringLiteral("M\ufffdller") << true;
        // Sets that cannot be combined, or unknown: the text stays as it is, with a warning.
        QTest::newRow("ISO_IR 192 in an extension")
            << QStringLiteral("ISO 2022 IR 6\\ISO_IR 192") << QByteArray("M\xC3\xBCller")
            << QStringLiteral("M\u00c3\u00bcller") << false;
        QTest::newRow("unknown term")
            << QStringLiteral("ISO 2022 IR 999") << QByteArray("A") << QStringLiteral("A") << false;
    }
    void dicomIso2022()
    {
        QFETCH(QString, specificCharacterSet);
        QFETCH(QByteArray, raw);
        QFETCH(QString, expected);
        QFETCH(bool, decoded);
        const ecglens::DicomTextDecoder decoder(specificCharacterSet.toStdString());
        QCOMPARE(decoder.undecoded().empty(), decoded);
        const std::string text = decoder.decode(raw.toStdString(), true);
        // Undecoded text is left as bytes: shown as Latin-1 by displayText.
        QCOMPARE(decoded ? QString::fromStdString(text) : QString::fromLatin1(text.c_str()),
                 expected);
    }

    /// peakAbsFinite against the plain loop (max |v| over finite v) on random data with NaN,
    /// infinities, signed zeros and denormals at every position mod 8 and every length 0..40.
    void peakAbsFiniteAgreesWithPlainLoop()
    {
        const float inf = std::numeric_limits<float>::infinity();
        const float specials[] = {std::numeric_limits<float>::quiet_NaN(),
                                  inf,
                                  -inf,
                                  -0.0f,
                                  std::numeric_limits<float>::denorm_min(),
                                  -std::numeric_limits<float>::max()};
        QRandomGenerator rng(20261206);
        for (int round = 0; round < 2000; ++round) {
            std::vector<float> v(rng.bounded(41));
            for (float& x : v)
                x = rng.bounded(4) == 0 ? specials[rng.bounded(int(std::size(specials)))]
                                        : float(rng.generateDouble() * 20.0 - 10.0);
            float expected = 0.0f;
            for (const float x : v)
                if (std::isfinite(x))
                    expected = std::max(expected, std::abs(x));
            QCOMPARE(ecglens::peakAbsFinite(v.data(), v.size()), expected);
        }
        QCOMPARE(ecglens::peakAbsFinite(nullptr, 0), 0.0f);
        const std::vector<float> gaps(17, std::numeric_limits<float>::quiet_NaN());
        QCOMPARE(ecglens::peakAbsFinite(gaps.data(), gaps.size()), 0.0f);
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
