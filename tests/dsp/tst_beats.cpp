// QRS detection scored like ANSI/AAMI EC57 on the 22 MIT-BIH DS1 records (reference beat
// annotations by cardiologists), plus the synthetic demo at 100-1000 Hz.

#include "core/lead_names.h"
#include "dsp/beats.h"
#include "dsp/signal_kind.h"
#include "io/open.h"
#include "test_data.h"

#include <QTest>

#include <cstdio>
#include <map>

using namespace ecglens;

namespace {

const char* const kDs1[] = {"101", "106", "108", "109", "112", "114", "115", "116",
                            "118", "119", "122", "124", "201", "203", "205", "207",
                            "208", "209", "215", "220", "223", "230"};

// Per-class floors for N, S, V (Se %, +P %) on DS1 and false V beats on record 101 (reference:
// none): the reached values (N 98.2 / 99.0, S 69.6 / 84.3, V 92.0 / 83.4, 30) rounded down.
const double kMinSe[] = {98.1, 69.5, 91.9};
const double kMinPpv[] = {98.9, 84.2, 83.3};
const int kMaxFalseV101 = 30;
// Held-out record 100: S beats found (of 33), N beats called S, N beats not called N (reached:
// 33, 1, 2; the rules before the RR-run / irregularity ones: 30, 0, 1).
const int kMinS100 = 33, kMaxFalseS100 = 1, kMaxMissedN100 = 2;

const char kClasses[] = {'N', 'S', 'V'};

/// AAMI class of an MIT-BIH beat label: N = N L R e j, S = A a J S, V = V E, F = F,
/// Q = / f Q (and the rest).
char aami(const std::string& c)
{
    if (c == "N" || c == "L" || c == "R" || c == "e" || c == "j")
        return 'N';
    if (c == "A" || c == "a" || c == "J" || c == "S")
        return 'S';
    if (c == "V" || c == "E")
        return 'V';
    if (c == "F")
        return 'F';
    return 'Q';
}

/// Per AAMI class: reference beats (ref), of them called so (hit; missed beats count against
/// Se), detections called so whose matched reference is not F or Q (called), of them right.
struct ClassCounts
{
    std::map<char, int> ref, hit, called, right;
};

/// Detects and classifies a record and matches its reference beats (150 ms window); +P is
/// EC57 style: F and Q reference beats are not penalised.
void scoreClasses(const QString& rel, const char* name, ClassCounts& out)
{
    ECGLENS_REQUIRE_DATA(rel);
    const auto rec = io::open(test::dataPath(rel).toStdString());
    QVERIFY2(rec.ok(), rec.error().c_str());
    const auto beats = dsp::detectBeats(*rec);
    QVERIFY(beats.has_value());
    const std::int64_t win = std::int64_t(0.15 * rec->fsHz);
    std::size_t j = 0;
    for (const Annotation& a : rec->annotations) {
        if (a.lead >= 0 || !dsp::isBeatCode(a.code))
            continue;
        const char truth = aami(a.code);
        ++out.ref[truth];
        while (j < beats->size() && (*beats)[j].sample < a.sample - win)
            ++j;
        if (j >= beats->size() || (*beats)[j].sample > a.sample + win)
            continue;
        const dsp::Beat& b = (*beats)[j];
        const char got = dsp::beatCode(b.beatClass)[0];
        if (qEnvironmentVariableIsSet("BEAT_DUMP") && got != truth &&
            (got == 'V' || truth == 'V' || got == 'S' || truth == 'S'))
            std::printf("%s %.1f s %c->%c rr %.0f next %.0f pm %.2f w %.0f c %.2f\n", name, b.timeS,
                        truth, got, b.rrPreviousMs, b.rrNextMs, b.prematurity, b.qrsWidthMs,
                        b.correlation);
        out.hit[truth] += got == truth;
        if (truth != 'F' && truth != 'Q') {
            ++out.called[got];
            out.right[got] += got == truth;
        }
        ++j;
    }
}

std::vector<std::int64_t> samplesOf(const std::vector<dsp::Beat>& beats)
{
    std::vector<std::int64_t> s;
    for (const auto& b : beats)
        s.push_back(b.sample);
    return s;
}

} // namespace

class TestBeats : public QObject
{
    Q_OBJECT

private slots:
    void compareBeatsCounts()
    {
        // Hand-made: 4 reference beats, detections 10 samples late, one missing, one extra,
        // one inside an excluded (flutter) interval.
        const std::vector<std::int64_t> ref = {100, 500, 900, 1300};
        const std::vector<std::int64_t> det = {110, 510, 1200, 1310, 2000};
        const auto c = dsp::compareBeats(ref, det, 100.0, 0.15, {{1900, 2100}});
        QCOMPARE(c.truePositives, 3);  // 100, 500, 1300
        QCOMPARE(c.falseNegatives, 1); // 900 (1200 is 3 s away)
        QCOMPARE(c.falsePositives, 1); // 1200; 2000 is excluded
        QVERIFY(dsp::isBeatCode("N") && dsp::isBeatCode("/") && dsp::isBeatCode("?"));
        QVERIFY(!dsp::isBeatCode("+") && !dsp::isBeatCode("~") && !dsp::isBeatCode("!"));
    }

    void demoAllRates_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::newRow("100 Hz 12 leads") << QStringLiteral("demo:fs=100,seconds=60,hr=70");
        QTest::newRow("250 Hz 2 leads PVC")
            << QStringLiteral("demo:fs=250,seconds=60,hr=80,leads=2,ectopic=0.1");
        QTest::newRow("360 Hz 1 lead") << QStringLiteral("demo:fs=360,seconds=60,hr=55,leads=1");
        QTest::newRow("500 Hz fast")
            << QStringLiteral("demo:fs=500,seconds=60,hr=120,ectopic=0.05");
        QTest::newRow("1000 Hz noisy")
            << QStringLiteral("demo:fs=1000,seconds=30,hr=72,noise=0.05,seed=3");
    }
    void demoAllRates()
    {
        QFETCH(QString, spec);
        const auto rec = io::open(spec.toStdString());
        QVERIFY2(rec.ok(), rec.error().c_str());
        std::vector<std::int64_t> ref;
        std::vector<std::pair<std::int64_t, std::int64_t>> flutter;
        dsp::referenceBeats(rec->annotations, ref, flutter);
        QVERIFY(ref.size() > 20);
        const auto beats = dsp::detectBeats(*rec);
        QVERIFY(beats.has_value());
        const auto c = dsp::compareBeats(ref, samplesOf(*beats), rec->fsHz);
        QVERIFY2(c.falseNegatives == 0 && c.falsePositives == 0,
                 qPrintable(QStringLiteral("FN %1 FP %2 of %3")
                                .arg(c.falseNegatives)
                                .arg(c.falsePositives)
                                .arg(ref.size())));
        // Premature ventricular beats of the demo are classified V, the others N or S.
        int vRef = 0, vHit = 0, nRef = 0, nAsV = 0;
        for (const Annotation& a : rec->annotations) {
            if (!dsp::isBeatCode(a.code))
                continue;
            const dsp::Beat* near = nullptr;
            for (const auto& b : *beats)
                if (std::abs(b.sample - a.sample) <= std::int64_t(0.15 * rec->fsHz))
                    near = &b;
            if (!near)
                continue;
            if (a.code == "V") {
                ++vRef;
                vHit += near->beatClass == dsp::BeatClass::Ventricular;
            } else {
                ++nRef;
                nAsV += near->beatClass == dsp::BeatClass::Ventricular;
            }
        }
        qInfo("%s: %d beats, V %d/%d classified V, N called V %d/%d", qPrintable(spec),
              int(ref.size()), vHit, vRef, nAsV, nRef);
        QVERIFY(vHit >= vRef * 8 / 10);
        QVERIFY(nAsV <= nRef / 50);
    }

    void mitbihDs1Ec57()
    {
        // Whole records (30 min each; no 5-minute learning period excluded), 150 ms window,
        // beat codes only, ventricular flutter episodes ('[' .. ']') excluded as bxb does.
        int tp = 0, fn = 0, fp = 0;
        std::string table = "record  beats     TP   FN   FP     Se%     +P%\n";
        for (const char* name : kDs1) {
            const QString rel = QStringLiteral("mitdb/%1.hea").arg(QLatin1String(name));
            ECGLENS_REQUIRE_DATA(rel);
            const auto rec = io::open(test::dataPath(rel).toStdString());
            QVERIFY2(rec.ok(), rec.error().c_str());
            std::vector<std::int64_t> ref;
            std::vector<std::pair<std::int64_t, std::int64_t>> flutter;
            dsp::referenceBeats(rec->annotations, ref, flutter);
            QVERIFY2(ref.size() > 1000, name);
            dsp::DetectOptions options;
            options.classify = false;
            const auto beats = dsp::detectBeats(*rec, options);
            QVERIFY(beats.has_value());
            const auto c = dsp::compareBeats(ref, samplesOf(*beats), rec->fsHz, 0.15, flutter);
            char line[128];
            std::snprintf(line, sizeof line, "%-6s %6zu %6d %4d %4d %7.2f %7.2f\n", name,
                          ref.size(), c.truePositives, c.falseNegatives, c.falsePositives,
                          c.sensitivityPercent(), c.positivePredictivityPercent());
            table += line;
            tp += c.truePositives;
            fn += c.falseNegatives;
            fp += c.falsePositives;
        }
        const double se = 100.0 * tp / (tp + fn), ppv = 100.0 * tp / (tp + fp);
        char line[160];
        std::snprintf(line, sizeof line, "gross  %6d %6d %4d %4d %7.3f %7.3f\n", tp + fn, tp, fn,
                      fp, se, ppv);
        table += line;
        std::printf("%s", table.c_str());
        std::fflush(stdout);
        // The aim of the signal-processing issue (Hamilton-Tompkins published 99.69 / 99.77 %):
        // reached 99.759 / 99.708 %.
        QVERIFY2(se >= 99.7, qPrintable(QStringLiteral("gross Se %1").arg(se)));
        QVERIFY2(ppv >= 99.7, qPrintable(QStringLiteral("gross +P %1").arg(ppv)));
    }

    void mitbihDs1BeatClasses()
    {
        // Per-class figures on the 22 DS1 records, where the classification rules were tuned.
        std::map<char, int> refCount, hit, called, calledRight;
        std::string table = "record  refV  V->V  falseV  refS  S->S  falseS\n";
        int falseV101 = 0;
        for (const char* name : kDs1) {
            const QString rel = QStringLiteral("mitdb/%1.hea").arg(QLatin1String(name));
            ClassCounts c;
            scoreClasses(rel, name, c);
            if (QTest::currentTestFailed())
                return;
            char line[128];
            std::snprintf(line, sizeof line, "%-6s %5d %5d %7d %5d %5d %7d\n", name, c.ref['V'],
                          c.hit['V'], c.called['V'] - c.right['V'], c.ref['S'], c.hit['S'],
                          c.called['S'] - c.right['S']);
            table += line;
            if (std::string(name) == "101")
                falseV101 = c.called['V'] - c.right['V'];
            for (char k : kClasses) {
                refCount[k] += c.ref[k];
                hit[k] += c.hit[k];
                called[k] += c.called[k];
                calledRight[k] += c.right[k];
            }
        }
        table += "gross (DS1, 22 records)\nclass    ref   Se%     +P%\n";
        double se[3], ppv[3];
        for (int k = 0; k < 3; ++k) {
            const char c = kClasses[k];
            se[k] = 100.0 * hit[c] / std::max(1, refCount[c]);
            ppv[k] = 100.0 * calledRight[c] / std::max(1, called[c]);
            char line[96];
            std::snprintf(line, sizeof line, "%c     %6d %6.1f %7.1f\n", c, refCount[c], se[k],
                          ppv[k]);
            table += line;
        }
        std::printf("%s", table.c_str());
        std::fflush(stdout);
        QVERIFY(refCount['V'] > 3000 && refCount['S'] > 500);
        // Reached values, asserted just below them (see the printed table).
        QVERIFY2(se[0] >= kMinSe[0] && ppv[0] >= kMinPpv[0], "N");
        QVERIFY2(se[1] >= kMinSe[1] && ppv[1] >= kMinPpv[1], "S");
        QVERIFY2(se[2] >= kMinSe[2] && ppv[2] >= kMinPpv[2], "V");
        QVERIFY2(falseV101 <= kMaxFalseV101, qPrintable(QString::number(falseV101)));
    }

    void mitbihRecord100HeldOut()
    {
        // MIT-BIH 100 (a DS2 record, in wfdb-samples; never used for tuning): 2239 N, 33 A
        // (premature atrial) and 1 V reference beats.
        ClassCounts c;
        scoreClasses(QStringLiteral("wfdb-samples/100.hea"), "100", c);
        if (QTest::currentTestFailed())
            return;
        std::printf("MIT-BIH 100 (held out): N %d/%d called N, S %d/%d called S (+P %d/%d), "
                    "N called S %d, V %d/%d\n",
                    c.hit['N'], c.ref['N'], c.hit['S'], c.ref['S'], c.right['S'], c.called['S'],
                    c.called['S'] - c.right['S'], c.hit['V'], c.ref['V']);
        std::fflush(stdout);
        QCOMPARE(c.ref['S'], 33);
        QVERIFY2(c.hit['S'] >= kMinS100, "S sensitivity on record 100");
        QVERIFY2(c.called['S'] - c.right['S'] <= kMaxFalseS100, "false S on record 100");
        QVERIFY2(c.hit['N'] >= c.ref['N'] - kMaxMissedN100, "N on record 100");
    }

    /// Which channels count as ECG, on labels and units of real files: the shared data's
    /// intensive-care, fetal and generator records, and the EDF+ standard texts (signal type
    /// first: "EEG Fpz-Cz", "Resp oro-nasal"; edfplus.info/specs/edftexts.html).
    void signalKinds_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<bool>("ecg");
        const struct
        {
            const char* label;
            const char* unit;
            bool ecg;
        } rows[] = {
            // wfdb-samples/mixedsignals.hea, a103l.hea, 03700181.hea, p10143.hea
            {"II", "mV", true},
            {"V", "mV", true},
            {"ABP", "mmHg", false},
            {"Pleth", "NU", false},
            {"Resp", "Ohm", false},
            {"PLETH", "NU", false},
            {"MCL1", "mV", true},
            {"RESP", "mV", false},
            {"FECG", "mV", true},
            {"UC", "mV", false},
            // test01_00s.hea, test_generator_2.edf, mitdb, ptbxl
            {"ECG 1", "mV", true},
            {"ECG", "uV", true},
            {"MLII", "mV", true},
            {"aVR", "mV", true},
            {"pulse", "uV", false},
            {"noise", "uV", true},
            // EDF+ standard texts: ECG leads and other signal types
            {"ECG V2", "uV", true},
            {"ECG I-II", "uV", true},
            {"EEG Fpz-Cz", "uV", false},
            {"EOG horizontal", "uV", false},
            {"EMG submental", "uV", false},
            {"Resp oro-nasal", "", false},
            {"SaO2", "%", false},
            {"Temp rectal", "degC", false},
            {"Event marker", "", false},
            {"MEG", "fT", false},
            {"EP", "uV", false},
            // a standard lead name wins over a unit; an unknown channel in % or mmHg is not ECG
            {"V1", "NU", true},
            {"chan 3", "mmHg", false},
            {"chan 4", "%", false},
            // polysomnography (AASM and SHHS names): EEG derivations, eye and chin electrodes;
            // chest leads named C1..C6 and other ECG-like names stay ECG
            {"C3-A2", "uV", false},
            {"C4-M1", "uV", false},
            {"F4-M1", "uV", false},
            {"O1-A2", "uV", false},
            {"Fp1", "uV", false},
            {"Pz-Oz", "uV", false},
            {"E1-M2", "uV", false},
            {"Chin1-Chin2", "uV", false},
            {"LOC", "uV", false},
            {"THOR RES", "", false},
            {"OX stat", "", false},
            {"H.R.", "", false},
            {"NEW AIR", "", false},
            {"EEG(sec)", "uV", false},
            {"EOG(L)", "uV", false},
            {"ECG.1", "mV", true},
            {"C3", "mV", true},
            {"C1", "mV", true},
            {"CM5", "mV", true},
            {"D2", "mV", true},
            {"ch1", "mV", true},
            {"ECG_1", "mV", true},
            {"sig 0, fmt 8", "mV", true},
            {"chan 5", "", true},
            {"chan 6", "\302\260C", false}};
        for (const auto& r : rows)
            QTest::newRow(QStringLiteral("%1 [%2]")
                              .arg(QLatin1String(r.label), QString::fromUtf8(r.unit))
                              .toUtf8()
                              .constData())
                << QString::fromLatin1(r.label) << QString::fromUtf8(r.unit) << r.ecg;
    }
    void signalKinds()
    {
        QFETCH(QString, label);
        QFETCH(QString, unit);
        QFETCH(bool, ecg);
        Lead lead;
        lead.name = normaliseLeadName(label.toStdString());
        lead.originalName = label.toStdString();
        lead.unit = unit.toStdString();
        QCOMPARE(dsp::mayBeEcg(lead), ecg);
    }

    /// An intensive-care record (03700181: MCL1 at 500 Hz, four samples per 125 Hz frame, beside
    /// ABP and RESP at the frame rate): beats are found on the ECG at its own rate, not on the
    /// arterial pulse and breathing at the record rate. Reference: WFDB's sqrs QRS detector
    /// (the record's .sqrs annotations, from 14.8 s on; ours before its first beat left out).
    void otherSignalsLeftOut()
    {
        const QString rel = QStringLiteral("wfdb-samples/03700181.hea");
        ECGLENS_REQUIRE_DATA(rel);
        io::OpenOptions options;
        options.annotator = "sqrs";
        const auto rec = io::open(test::dataPath(rel).toStdString(), options);
        QVERIFY2(rec.ok(), rec.error().c_str());
        QCOMPARE(dsp::otherSignalLeads(*rec), (std::vector<std::size_t>{1, 2}));
        std::vector<std::int64_t> ref;
        std::vector<std::pair<std::int64_t, std::int64_t>> flutter;
        dsp::referenceBeats(rec->annotations, ref, flutter);
        QCOMPARE(ref.size(), std::size_t(1195));
        const std::vector<std::pair<std::int64_t, std::int64_t>> beforeSqrs = {
            {0, ref.front() - std::int64_t(0.15 * rec->fsHz)}};
        const auto beats = dsp::detectBeats(*rec);
        QVERIFY(beats.has_value());
        const auto c = dsp::compareBeats(ref, samplesOf(*beats), rec->fsHz, 0.15, beforeSqrs);
        // What the detector found when it fused every lead at the record rate (ABP and RESP).
        const auto fused =
            dsp::detectQrs({&rec->leads[1].samples, &rec->leads[2].samples}, rec->fsHz);
        const auto old = dsp::compareBeats(ref, fused, rec->fsHz, 0.15, beforeSqrs);
        std::printf("03700181 vs sqrs: MCL1 at 500 Hz Se %.2f +P %.2f; ABP+RESP at 125 Hz Se "
                    "%.2f +P %.2f\n",
                    c.sensitivityPercent(), c.positivePredictivityPercent(),
                    old.sensitivityPercent(), old.positivePredictivityPercent());
        std::fflush(stdout);
        QVERIFY2(c.sensitivityPercent() >= 99.5 && c.positivePredictivityPercent() >= 99.5,
                 "QRS detection on MCL1 against sqrs");
        QVERIFY2(old.sensitivityPercent() < 50, "the arterial pulse is not a QRS");
        // Sample indices are at the record rate, times exact at the ECG's rate.
        for (const dsp::Beat& b : *beats)
            QVERIFY(std::abs(double(b.sample) / rec->fsHz - b.timeS) <= 0.5 / rec->fsHz + 1e-9);
    }

    void edgeInputs()
    {
        Recording empty;
        QVERIFY(dsp::detectBeats(empty)->empty());
        Recording flat;
        flat.fsHz = 250;
        flat.leads.resize(1);
        flat.leads[0].fsHz = 250;
        flat.leads[0].samples.assign(2500, 0.f);
        QVERIFY(dsp::detectBeats(flat)->empty());
        flat.leads[0].samples.assign(2500, std::nanf(""));
        QVERIFY(dsp::detectBeats(flat)->empty());
        QVERIFY(!dsp::detectBeats(flat, {}, [](double) { return false; }).has_value());
    }
};

QTEST_GUILESS_MAIN(TestBeats)
#include "tst_beats.moc"
