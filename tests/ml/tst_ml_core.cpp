// SHA-256 (FIPS 180-4 vectors), the small JSON reader, and the metrics against values computed
// once with scikit-learn / numpy (make_reference.py -> metrics_reference.txt), and the threshold
// rule on a hand-worked example; the passive OpenMP waiting restart.
#include "core/lead_names.h"
#include "core/limb_leads.h"
#include "core/sha256.h"
#include "io/open.h"
#include "ml/detector.h"
#include "ml/json_lite.h"
#include "ml/messages.h"
#include "ml/metrics.h"
#include "ml/preprocess.h"
#include "ml/thresholds.h"
#include "test_data.h"
#include "test_recording.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <sstream>

using namespace ecglens;
using namespace ecglens::ml;

class TstMlCore : public QObject
{
    Q_OBJECT

private:
    std::vector<double> m_scores;
    std::vector<int> m_labels;
    std::map<std::string, std::vector<double>> m_ref;

private slots:
    void initTestCase()
    {
        QFile f(QStringLiteral(ECGLENS_ML_TEST_DIR "/metrics_reference.txt"));
        QVERIFY2(f.open(QIODevice::ReadOnly), "tests/ml/metrics_reference.txt missing");
        std::istringstream in(f.readAll().toStdString());
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#')
                continue;
            std::istringstream ls(line);
            std::string key;
            ls >> key;
            double v;
            while (ls >> v)
                m_ref[key].push_back(v);
        }
        for (double s : m_ref["scores"])
            m_scores.push_back(s);
        for (double l : m_ref["labels"])
            m_labels.push_back(int(l));
        QCOMPARE(m_scores.size(), std::size_t(60));
        QCOMPARE(m_labels.size(), m_scores.size());
    }

    void sha256_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("digest");
        // FIPS 180-4 / NIST CSRC example values.
        QTest::newRow("abc") << QByteArray("abc")
                             << QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9c"
                                               "b410ff61f20015ad");
        QTest::newRow("448-bit") << QByteArray(
                                        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                 << QStringLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff21"
                                                   "67f6ecedd419db06c1");
        QTest::newRow("empty") << QByteArray()
                               << QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934c"
                                                 "a495991b7852b855");
        QTest::newRow("million a") << QByteArray(1000000, 'a')
                                   << QStringLiteral("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a4972"
                                                     "00e046d39ccc7112cd0");
    }
    void sha256()
    {
        QFETCH(QByteArray, message);
        QFETCH(QString, digest);
        QCOMPARE(QString::fromStdString(sha256Hex(message.toStdString())), digest);
        // Incremental updates in odd-sized pieces give the same digest.
        Sha256 h;
        for (qsizetype i = 0; i < message.size(); i += 7)
            h.update(message.constData() + i,
                     std::size_t(std::min<qsizetype>(7, message.size() - i)));
        QCOMPARE(QString::fromStdString(h.hexDigest()), digest);
    }

    void json_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("object") << QStringLiteral("{\"a\": [1, 2.5, \"x\"], \"b\": {\"c\": null}}")
                                << true;
        QTest::newRow("trailing") << QStringLiteral("{} x") << false;
        QTest::newRow("unterminated") << QStringLiteral("{\"a\": \"b") << false;
        QTest::newRow("deep") << QString(100, QLatin1Char('[')) << false;
    }
    void json()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto j = Json::parse(text.toStdString());
        QCOMPARE(j.ok(), valid);
        if (valid) {
            QCOMPARE((*j)["a"].items().at(1).number(), 2.5);
            const auto again = Json::parse(j->dump());
            QVERIFY(again.ok());
            QCOMPARE(again->dump(), j->dump());
        }
    }

    void metrics_data()
    {
        QTest::addColumn<QString>("metric");
        QTest::newRow("auc") << QStringLiteral("auc");
        QTest::newRow("brier") << QStringLiteral("brier");
        QTest::newRow("ece") << QStringLiteral("ece");
    }
    void metrics()
    {
        QFETCH(QString, metric);
        double got = 0;
        if (metric == QLatin1String("auc"))
            got = rocAuc(m_scores, m_labels);
        else if (metric == QLatin1String("brier"))
            got = brierScore(m_scores, m_labels);
        else
            got = expectedCalibrationError(m_scores, m_labels, 10);
        const double want = m_ref[metric.toStdString()].at(0);
        QVERIFY2(std::fabs(got - want) < 1e-9,
                 qPrintable(QStringLiteral("%1: %2 vs sklearn %3").arg(metric).arg(got).arg(want)));
    }

    void aucTiesAndDegenerate()
    {
        // All scores tied: AUC 0.5 (sklearn convention); one class only: NaN.
        QCOMPARE(rocAuc({0.3, 0.3, 0.3, 0.3}, {0, 1, 0, 1}), 0.5);
        QVERIFY(std::isnan(rocAuc({0.1, 0.2}, {1, 1})));
        const auto roc = rocCurve({0.9, 0.8, 0.1}, {1, 0, 0});
        QCOMPARE(roc.back().fpr, 1.0);
        QCOMPARE(roc.back().tpr, 1.0);
    }

    void bootstrap()
    {
        const Interval ci = bootstrapCi(m_scores, m_labels, rocAuc, 4000, 7);
        QCOMPARE(ci.value, rocAuc(m_scores, m_labels));
        // numpy's bootstrap (different random stream, 20000 resamples) gives these bounds; the
        // percentile CI of 4000 resamples agrees to Monte-Carlo precision.
        QVERIFY2(std::fabs(ci.low - m_ref["auc_ci"].at(0)) < 0.015,
                 qPrintable(QString::number(ci.low)));
        QVERIFY2(std::fabs(ci.high - m_ref["auc_ci"].at(1)) < 0.015,
                 qPrintable(QString::number(ci.high)));
        // Same seed, same interval.
        const Interval again = bootstrapCi(m_scores, m_labels, rocAuc, 4000, 7);
        QCOMPARE(again.low, ci.low);
    }

    // Resampling whole clusters: k identical copies of every record in one cluster each give the
    // records' own interval (duplicating every item leaves the AUC unchanged), while resampling
    // the copies one by one would narrow it as if there were k times more records.
    void clusterBootstrap()
    {
        const int k = 5;
        std::vector<double> s;
        std::vector<int> l, c;
        for (std::size_t i = 0; i < m_scores.size(); ++i)
            for (int j = 0; j < k; ++j) {
                s.push_back(m_scores[i]);
                l.push_back(m_labels[i]);
                c.push_back(int(i));
            }
        const Interval records = bootstrapCi(m_scores, m_labels, rocAuc, 2000, 11);
        const Interval clustered = clusterBootstrapCi(s, l, c, rocAuc, 2000, 11);
        QCOMPARE(clustered.value, records.value);
        QVERIFY(std::fabs(clustered.low - records.low) < 1e-12);
        QVERIFY(std::fabs(clustered.high - records.high) < 1e-12);
        const Interval naive = bootstrapCi(s, l, rocAuc, 2000, 11);
        QVERIFY2(naive.high - naive.low < 0.6 * (records.high - records.low),
                 qPrintable(QStringLiteral("%1 %2")
                                .arg(naive.high - naive.low)
                                .arg(records.high - records.low)));
    }

    void subsampleComparisonByHand()
    {
        // Pairs drawn from {0, 1, 2, 3} without replacement: the six pairs are equally likely,
        // their means 0.5, 1, 1.5, 1.5, 2, 2.5. P(mean <= 1) = 2/6, P(mean >= 2) = 2/6; median 1.5.
        const std::vector<double> v{0, 1, 2, 3};
        const std::vector<int> y{0, 0, 1, 1};
        auto mean = [](const std::vector<double>& a, const std::vector<int>&) {
            return (a[0] + a[1]) / 2.0;
        };
        const SubsampleComparison c = compareWithSubsamples(v, y, 2, mean, 1.0, 6000, 5);
        QCOMPARE(c.draws, 6000);
        QVERIFY2(std::fabs(c.shareAtOrBelow - 2.0 / 6.0) < 0.02,
                 qPrintable(QString::number(c.shareAtOrBelow)));
        QVERIFY2(std::fabs(c.shareAtOrAbove - 5.0 / 6.0) < 0.02,
                 qPrintable(QString::number(c.shareAtOrAbove)));
        QCOMPARE(c.median, 1.5);
        QCOMPARE(c.p5, 0.5);
        QCOMPARE(c.p95, 2.5);
        // The whole set every time: the statistic itself; AUC of one-class draws is dropped.
        const SubsampleComparison all =
            compareWithSubsamples(m_scores, m_labels, m_scores.size(), rocAuc, 0.0, 50, 5);
        QCOMPARE(all.draws, 50);
        QVERIFY(std::fabs(all.median - rocAuc(m_scores, m_labels)) < 1e-12);
        QCOMPARE(all.shareAtOrAbove, 1.0);
        // Strata {0, 1} and {2, 3}, one record from each: sums 2, 3, 3, 4 (means 1, 1.5, 1.5, 2)
        // equally likely, so P(mean <= 1) = 1/4; one stratum is compareWithSubsamples().
        const SubsampleComparison strat = compareWithStratifiedSubsamples(
            v, y, {0, 0, 1, 1}, {{0, 1}, {1, 1}}, mean, 1.0, 6000, 5);
        QVERIFY2(std::fabs(strat.shareAtOrBelow - 0.25) < 0.02,
                 qPrintable(QString::number(strat.shareAtOrBelow)));
        QCOMPARE(strat.median, 1.5);
        const SubsampleComparison same =
            compareWithStratifiedSubsamples(v, y, {7, 7, 7, 7}, {{7, 2}}, mean, 1.0, 6000, 5);
        QCOMPARE(same.shareAtOrBelow, c.shareAtOrBelow);
        QCOMPARE(same.median, c.median);
        QVERIFY(std::isnan(
            compareWithStratifiedSubsamples(v, y, {0, 0, 1, 1}, {{0, 3}}, mean, 1.0, 10, 5)
                .median)); // a stratum smaller than its count
        const SubsampleComparison one = compareWithSubsamples(v, y, 1, rocAuc, 0.5, 100, 5);
        QCOMPARE(one.draws, 0);
        QVERIFY(std::isnan(one.median));
    }

    void platt()
    {
        std::vector<double> logits;
        for (double p : m_scores) {
            const double c = std::clamp(p, 0.01, 0.99);
            logits.push_back(std::log(c / (1 - c)));
        }
        double a = 0, b = 0;
        fitPlatt(logits, m_labels, a, b);
        QVERIFY2(std::fabs(a - m_ref["platt"].at(0)) < 1e-4, qPrintable(QString::number(a)));
        QVERIFY2(std::fabs(b - m_ref["platt"].at(1)) < 1e-4, qPrintable(QString::number(b)));
    }

    void confusion()
    {
        const Confusion c = confusionAt({0.9, 0.6, 0.4, 0.2}, {1, 0, 1, 0}, 0.5);
        QCOMPARE(c.tp, 1);
        QCOMPARE(c.fp, 1);
        QCOMPARE(c.fn, 1);
        QCOMPARE(c.tn, 1);
        QCOMPARE(c.sensitivity(), 0.5);
        QCOMPARE(c.f1(), 0.5);
    }

    // Hand-worked: 10 abnormal records with probabilities 0.10, 0.20 ... 1.00. Sensitivity >= 0.90
    // needs 9 of them at or above t, so t = 0.20 (the 9th largest); >= 0.95 needs all 10: 0.10.
    void thresholdForSensitivityByHand()
    {
        std::vector<double> p, ages;
        std::vector<int> y;
        for (int k = 1; k <= 10; ++k) {
            p.push_back(0.1 * k);
            y.push_back(1);
            ages.push_back(50);
        }
        p.push_back(0.95); // a normal record changes nothing
        y.push_back(0);
        ages.push_back(50);
        QCOMPARE(thresholdForSensitivity(p, y, ages, 0.90), 0.2);
        QCOMPARE(thresholdForSensitivity(p, y, ages, 0.95), 0.1);
        QCOMPARE(thresholdForSensitivity(p, y, ages, 0.80), 0.3);
        // Without any abnormal record there is nothing to reach: 1.0.
        QCOMPARE(thresholdForSensitivity({0.3}, {0}, {50}, 0.9), 1.0);
    }

    // Hand-worked pooling: "<40" has 5 abnormal records (0.91-0.95), "40-64" 25 (0.01-0.25),
    // ">=65" 30 (0.51-0.80), each with 10 normal records at 0.5. Rule: anomalous at sensitivity
    // >= 0.95, borderline at >= 0.98, a group with < 20 abnormal pooled with its neighbours.
    //  - 40-64 alone: 0.95 x 25 -> 24th largest = 0.02; 0.98 x 25 -> 25th = 0.01.
    //  - >=65 alone: 0.95 x 30 -> 29th largest = 0.52; 0.98 x 30 -> 30th = 0.51.
    //  - <40 has 5 < 20: pooled with 40-64 (30 abnormal): 29th largest = 0.02, 30th = 0.01
    //    (alone it would have been 0.91).
    //  - unknown age: the lowest of the groups'.
    void chooseThresholdsByHand()
    {
        std::vector<double> p, ages;
        std::vector<int> y;
        auto add = [&](double prob, int label, double age) {
            p.push_back(prob);
            y.push_back(label);
            ages.push_back(age);
        };
        for (int k = 1; k <= 5; ++k)
            add(0.90 + 0.01 * k, 1, 30);
        for (int k = 1; k <= 25; ++k)
            add(0.01 * k, 1, 50);
        for (int k = 1; k <= 30; ++k)
            add(0.50 + 0.01 * k, 1, 70);
        for (double age : {30.0, 50.0, 70.0})
            for (int k = 0; k < 10; ++k)
                add(0.5, 0, age);
        add(0.001, 1, -1); // unknown age: counts in no group
        const ThresholdChoice c = chooseThresholds(p, y, ages);
        QCOMPARE(c.groups.size(), std::size_t(3));
        auto near = [](double a, double b) { return std::fabs(a - b) < 1e-12; };
        QCOMPARE(c.groups[0].group, std::string("<40"));
        QCOMPARE(c.groups[0].records, 15);
        QCOMPARE(c.groups[0].abnormal, 5);
        QCOMPARE(c.groups[0].chosenOnGroups, std::string("<40 + 40-64"));
        QCOMPARE(c.groups[0].chosenOnAbnormal, 30);
        QVERIFY(near(c.groups[0].thresholds.anomalous, 0.02));
        QVERIFY(near(c.groups[0].thresholds.borderline, 0.01));
        QCOMPARE(c.groups[1].chosenOnGroups, std::string("40-64"));
        QVERIFY(near(c.groups[1].thresholds.anomalous, 0.02));
        QVERIFY(near(c.groups[1].thresholds.borderline, 0.01));
        QCOMPARE(c.groups[2].chosenOnGroups, std::string(">=65"));
        QCOMPARE(c.groups[2].abnormal, 30);
        QVERIFY(near(c.groups[2].thresholds.anomalous, 0.52));
        QVERIFY(near(c.groups[2].thresholds.borderline, 0.51));
        QVERIFY(near(c.unknownAge.anomalous, 0.02));
        QVERIFY(near(c.unknownAge.borderline, 0.01));

        // The age lookup: a 70-year-old gets ">=65", an unknown age the general thresholds.
        const Json j = thresholdsJson(c, "hand-worked example");
        Thresholds unknown;
        std::vector<std::pair<std::string, Thresholds>> byGroup;
        readThresholds(j, unknown, byGroup);
        QVERIFY(near(thresholdsForAge(byGroup, unknown, 70.0).anomalous, 0.52));
        QVERIFY(near(thresholdsForAge(byGroup, unknown, std::nullopt).anomalous, 0.02));
        QCOMPARE(j["chosen_on"].string(), std::string("hand-worked example"));
    }

    // Equal thresholds would make "borderline" empty: it is kept strictly below anomalous.
    void borderlineStrictlyBelowAnomalous()
    {
        std::vector<double> p(20, 0.4), ages(20, 50);
        std::vector<int> y(20, 1);
        const ThresholdChoice c = chooseThresholds(p, y, ages);
        QCOMPARE(c.groups[1].thresholds.anomalous, 0.4);
        QVERIFY(c.groups[1].thresholds.borderline < 0.4);
        QCOMPARE(verdictFor(0.4, c.groups[1].thresholds), Verdict::Anomalous);
        QCOMPARE(verdictFor(0.3998, c.groups[1].thresholds), Verdict::Borderline);
        QCOMPARE(verdictFor(0.39, c.groups[1].thresholds), Verdict::Normal);
    }

    // 100 records all predicted 0.5 (one bin): ECE = |k/100 - 0.5| with k ~ Binomial(100, 0.5).
    // Exact distribution (math.comb): P(|k-50| <= 2) = 0.3827, <= 3 = 0.5159 -> median 0.03;
    // <= 9 = 0.9431, <= 10 = 0.9648 -> 95th percentile 0.10; P(|k-50| >= 12) = 1 - 0.97902 =
    // 0.0210. Observed labels with 62 ones: ECE 0.12, p-value 0.021 (Monte Carlo SE 0.0023).
    void eceUnderPerfectCalibrationBinomial()
    {
        std::vector<double> p(100, 0.5);
        std::vector<int> y(100, 0);
        std::fill(y.begin(), y.begin() + 62, 1);
        const CalibrationCheck c = eceUnderPerfectCalibration(p, y, 10, 4000, 7);
        QVERIFY(std::fabs(c.observed - 0.12) < 1e-12);
        QVERIFY2(std::fabs(c.median - 0.03) < 1e-12, qPrintable(QString::number(c.median)));
        QVERIFY2(std::fabs(c.p95 - 0.10) < 1e-12, qPrintable(QString::number(c.p95)));
        QVERIFY2(std::fabs(c.pValue - 0.0210) < 0.008, qPrintable(QString::number(c.pValue)));
        // Perfectly matching labels (50 of 100) are never "miscalibrated": p-value 1.
        std::fill(y.begin(), y.end(), 0);
        std::fill(y.begin(), y.begin() + 50, 1);
        QCOMPARE(eceUnderPerfectCalibration(p, y, 10, 500, 7).pValue, 1.0);
    }

    /// Reliability bins by hand, ECE as their weighted gap, and the Wilson interval against
    /// Newcombe (Stat Med 1998;17:857, Table II, method 3).
    void reliabilityAndWilson()
    {
        // Bins of width 0.25: (0, .25] gets 0.1, 0.2 and p = 0; (.5, .75] gets 0.6, 0.7, 0.75;
        // (.75, 1] gets 0.9.
        const std::vector<double> p = {0.0, 0.1, 0.2, 0.6, 0.7, 0.75, 0.9};
        const std::vector<int> y = {0, 0, 1, 1, 0, 1, 1};
        const auto bins = reliabilityBins(p, y, 4);
        QCOMPARE(bins.size(), std::size_t(4));
        QCOMPARE(bins[0].n, 3);
        QCOMPARE(bins[0].positives, 1);
        QVERIFY(std::fabs(bins[0].meanPredicted - 0.1) < 1e-12);
        QCOMPARE(bins[1].n, 0);
        QVERIFY(std::isnan(bins[1].observed()));
        QCOMPARE(bins[2].n, 3);
        QCOMPARE(bins[2].positives, 2);
        QVERIFY(std::fabs(bins[2].meanPredicted - 0.6833333333333333) < 1e-12);
        QCOMPARE(bins[3].n, 1);
        QCOMPARE(bins[3].low, 0.75);
        // ECE = 3/7 |0.1 - 1/3| + 3/7 |0.68333 - 2/3| + 1/7 |0.9 - 1| = 0.12142857...
        QVERIFY(std::fabs(expectedCalibrationError(p, y, 4) - 0.85 / 7.0) < 1e-12);
        const struct
        {
            int k, n;
            double low, high;
        } newcombe[] = {{81, 263, 0.2553, 0.3662},
                        {15, 148, 0.0624, 0.1605},
                        {0, 20, 0.0, 0.1611},
                        {1, 29, 0.0061, 0.1718}};
        for (const auto& c : newcombe) {
            const Proportion w = wilsonInterval(c.k, c.n);
            QVERIFY2(std::fabs(w.low - c.low) < 5e-5 && std::fabs(w.high - c.high) < 5e-5,
                     qPrintable(
                         QStringLiteral("%1/%2: %3-%4").arg(c.k).arg(c.n).arg(w.low).arg(w.high)));
        }
        QVERIFY(std::isnan(wilsonInterval(0, 0).low));
    }

    /// The window shown for a flagged segment, by hand: the most probable one inside it; the
    /// report's extra page: that of the most probable segment.
    void mostProbableWindowByHand()
    {
        Analysis a;
        a.windows = {{0, 10, 0.2},  {5, 15, 0.7},   {10, 20, 0.9}, {15, 25, 0.8},
                     {20, 30, 0.1}, {25, 35, 0.95}, {30, 40, 0.6}};
        a.flagged = {{5, 25, 0.9}, {25, 40, 0.95}};
        const WindowResult* first = mostProbableWindow(a, a.flagged[0]);
        QVERIFY(first);
        QCOMPARE(first->startS, 10.0);
        const WindowResult* top = mostAbnormalWindow(a);
        QVERIFY(top);
        QCOMPARE(top->startS, 25.0);
        a.flagged.clear();
        QVERIFY(!mostAbnormalWindow(a));
        QVERIFY(!mostProbableWindow(a, WindowResult{100, 110, 0.9}));
        // Of all the windows (the window explained when nothing is flagged): 0.95 at 25 s.
        QCOMPARE(mostProbableWindow(a)->startS, 25.0);
        QVERIFY(!mostProbableWindow(Analysis{}));
    }

    /// Where to look first on a long recording, by hand: windows at or above the anomalous
    /// threshold (0.5 here), most probable first, each starting a minute or more from every one
    /// listed before it.
    void strongestWindowsByHand()
    {
        Analysis a;
        a.thresholds.borderline = 0.3;
        a.thresholds.anomalous = 0.5;
        for (int start = 0; start <= 190; start += 5)
            a.windows.push_back({double(start), start + 10.0, 0.2});
        auto set = [&](int start, double p) { a.windows[std::size_t(start / 5)].probability = p; };
        set(25, 0.95);
        set(20, 0.9);   // 5 s from 25 s
        set(90, 0.85);  // 65 s from 25 s: listed
        set(70, 0.8);   // 45 s from 25 s
        set(185, 0.75); // 95 s from 90 s: listed
        set(150, 0.7);  // 35 s from 185 s
        set(0, 0.6);    // 25 s from 25 s
        set(155, 0.5);  // at the threshold, 30 s from 185 s
        set(145, 0.5);  // at the threshold, 55 s from 90 s
        // 0.95 at 25 s, 0.85 at 90 s, 0.75 at 185 s; every other window is under the threshold
        // or within a minute of one of these.
        auto starts = [](const std::vector<WindowResult>& ws) {
            std::vector<double> s;
            for (const WindowResult& w : ws)
                s.push_back(w.startS);
            return s;
        };
        QCOMPARE(starts(strongestWindows(a)), (std::vector<double>{25, 90, 185}));
        QCOMPARE(starts(strongestWindows(a, 2)), (std::vector<double>{25, 90}));
        QCOMPARE(starts(strongestWindows(a, 0)), std::vector<double>{});
        // Exactly a minute apart is far enough; ties go to the earlier window.
        set(150, 0.85);
        QCOMPARE(starts(strongestWindows(a)), (std::vector<double>{25, 90, 150}));
        // Listed for review only when the windows reach past a minute (an ambulatory
        // recording): these reach 200 s; 60 s exactly is not past it, 60.01 s is.
        QCOMPARE(starts(reviewFirstWindows(a)), (std::vector<double>{25, 90, 150}));
        Analysis shortOne = a;
        shortOne.windows.resize(11); // the last one 50–60 s
        QVERIFY(reviewFirstWindows(shortOne).empty());
        shortOne.windows.back().endS = 60.01;
        QCOMPARE(starts(reviewFirstWindows(shortOne)), std::vector<double>{25});
        a.thresholds.anomalous = 0.96;
        QVERIFY(strongestWindows(a).empty());
    }

    /// The lead set whose thresholds a recording gets, by hand: fewest differing leads, ties
    /// to the larger set.
    void nearestLeadSetByHand()
    {
        const std::vector<std::string> sets = {"limb6", "2", "1"};
        auto present = [](std::initializer_list<int> leads) {
            std::array<bool, kModelLeads> p{};
            for (int k : leads)
                p[std::size_t(k)] = true;
            return p;
        };
        // Leads: 0 I, 1 II, 2 III, 3 aVR, 4 aVL, 5 aVF, 6 V1 ... 11 V6.
        QCOMPARE(nearestLeadSet(present({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}), sets),
                 std::string("12"));
        QCOMPARE(nearestLeadSet(present({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), sets),
                 std::string("12"));
        QCOMPARE(nearestLeadSet(present({0, 1, 2, 3, 4, 5}), sets), std::string("limb6"));
        QCOMPARE(nearestLeadSet(present({1, 6}), sets), std::string("2"));     // MIT-BIH
        QCOMPARE(nearestLeadSet(present({1, 6, 10}), sets), std::string("2")); // II, V1, V5
        QCOMPARE(nearestLeadSet(present({1}), sets), std::string("1"));
        QCOMPARE(nearestLeadSet(present({0, 1}), sets),
                 std::string("1")); // I, II: "1" differs in 1, "2" in 2
        QCOMPARE(nearestLeadSet(present({6}), sets),
                 std::string("2")); // V1: "2" differs in 1 lead, "1" in 2
        // I, II, III: limb6 differs in 3 leads, 2 in 3, 1 in 2.
        QCOMPARE(nearestLeadSet(present({0, 1, 2}), sets), std::string("1"));
        // A model without reduced-set thresholds: always 12.
        QCOMPARE(nearestLeadSet(present({1}), {}), std::string("12"));
    }

    /// Einthoven's law and Goldberger's equations by hand: II = I + III, aVR = -(I + II) / 2,
    /// aVL = I - II / 2, aVF = II - I / 2 (so aVR + aVL + aVF = 0); an invalid source sample
    /// gives an invalid derived one; leads not sampled together are not combined.
    void deriveLimbLeadsByHand()
    {
        LeadSignals in;
        const float nan = std::numeric_limits<float>::quiet_NaN();
        in.mv[0] = {1.0f, 0.0f, nan};  // I
        in.mv[2] = {0.5f, 1.0f, 2.0f}; // III
        in.fsHz[0] = in.fsHz[2] = 500.0;
        const auto derived = deriveLimbLeads(in);
        const std::array<bool, kModelLeads> expected{false, true, false, true, true, true};
        QCOMPARE(derived, expected);
        QCOMPARE(in.mv[1][0], 1.5f); // II
        QCOMPARE(in.mv[1][1], 1.0f);
        QCOMPARE(in.mv[3][0], -1.25f); // aVR
        QCOMPARE(in.mv[3][1], -0.5f);
        QCOMPARE(in.mv[4][0], 0.25f); // aVL
        QCOMPARE(in.mv[4][1], -0.5f);
        QCOMPARE(in.mv[5][0], 1.0f); // aVF
        QCOMPARE(in.mv[5][1], 1.0f);
        QCOMPARE(in.fsHz[5], 500.0);
        for (int k : {1, 3, 4, 5})
            QVERIFY(std::isnan(in.mv[std::size_t(k)][2]));
        QCOMPARE(in.mv[0][0], 1.0f); // the recorded leads are untouched
        QCOMPARE(in.mv[2][1], 1.0f);

        // III at another rate, or of another length: nothing is computed.
        LeadSignals rates;
        rates.mv[0] = {1.0f, 0.0f};
        rates.mv[2] = {0.5f, 1.0f};
        rates.fsHz[0] = 500.0;
        rates.fsHz[2] = 250.0;
        QCOMPARE(deriveLimbLeads(rates), (std::array<bool, kModelLeads>{}));
        QVERIFY(rates.mv[1].empty());
        rates.fsHz[2] = 500.0;
        rates.mv[2].push_back(0.0f);
        QCOMPARE(deriveLimbLeads(rates), (std::array<bool, kModelLeads>{}));
        // Any two limb leads determine the others: from aVR and aVL of I = 1, II = 2 mV.
        LeadSignals augmented;
        augmented.mv[3] = {-1.5f}; // aVR = -(1 + 2) / 2
        augmented.mv[4] = {0.0f};  // aVL = 1 - 2 / 2
        augmented.fsHz[3] = augmented.fsHz[4] = 250.0;
        QCOMPARE(deriveLimbLeads(augmented),
                 (std::array<bool, kModelLeads>{true, true, true, false, false, true}));
        QCOMPARE(augmented.mv[0][0], 1.0f);
        QCOMPARE(augmented.mv[1][0], 2.0f);
        QCOMPARE(augmented.mv[2][0], 1.0f);
        QCOMPARE(augmented.mv[5][0], 1.5f);
        // A recording with every limb lead gets nothing computed.
        LeadSignals all;
        for (int k = 0; k < 6; ++k) {
            all.mv[std::size_t(k)] = {float(k)};
            all.fsHz[std::size_t(k)] = 100.0;
        }
        QCOMPARE(deriveLimbLeads(all), (std::array<bool, kModelLeads>{}));
        QCOMPARE(all.mv[2][0], 2.0f);
    }

    /// The limb leads computed from two recorded ones against those the electrocardiograph
    /// stored, on PTB-XL records (at 500 Hz, resampled, and at 100 Hz) reduced to two of I, II,
    /// III (or three leads): equal to within the files' 1 uV quantisation, and the warning names
    /// the leads computed. (LUDB is no reference: its copy here stores every lead scaled to a
    /// 1 mV range, so II = I + III does not hold in it; tst_measurements limbLeadConsistency.)
    void derivedLimbLeadsMatchRecorded_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<QStringList>("kept");
        QTest::addColumn<QString>("computed");
        const QString hr = QStringLiteral("ptbxl/records500/00000/00001_hr.hea");
        const QString lr = QStringLiteral("ptbxl/records100/00000/00008_lr.hea");
        const auto leads = [](const char* names) {
            return QString::fromLatin1(names).split(QLatin1Char(' '));
        };
        QTest::newRow("500 Hz I + II")
            << hr << leads("I II") << QStringLiteral("III, aVR, aVL, aVF");
        QTest::newRow("500 Hz I + III")
            << hr << leads("I III") << QStringLiteral("II, aVR, aVL, aVF");
        QTest::newRow("500 Hz II + III")
            << hr << leads("II III") << QStringLiteral("I, aVR, aVL, aVF");
        QTest::newRow("100 Hz I + III + V1")
            << lr << leads("I III V1") << QStringLiteral("II, aVR, aVL, aVF");
        QTest::newRow("500 Hz aVL + aVF")
            << hr << leads("aVL aVF") << QStringLiteral("I, II, III, aVR");
        QTest::newRow("100 Hz I + aVF + V5")
            << lr << leads("I aVF V5") << QStringLiteral("II, III, aVR, aVL");
        QTest::newRow("100 Hz II + III + aVF")
            << lr << leads("II III aVF") << QStringLiteral("I, aVR, aVL");
    }
    void derivedLimbLeadsMatchRecorded()
    {
        QFETCH(QString, record);
        QFETCH(QStringList, kept);
        QFETCH(QString, computed);
        ECGLENS_REQUIRE_DATA(record);
        const auto full = io::open(test::dataPath(record).toStdString());
        QVERIFY2(full.ok(), full.error().c_str());
        const Recording reduced = test::withLeadsOnly(*full, kept);
        QCOMPARE(int(reduced.leads.size()), int(kept.size()));
        const auto all = prepareSignal(*full);
        const auto part = prepareSignal(reduced);
        QVERIFY2(all.ok() && part.ok(), "prepareSignal failed");
        QVERIFY(!std::any_of(all->derived.begin(), all->derived.end(), [](bool d) { return d; }));
        QCOMPARE(leadNames(part->derived, ", "), computed.toStdString());
        for (int k = 0; k < 6; ++k) {
            QVERIFY(part->present[std::size_t(k)]);
            const auto& want = all->leads[std::size_t(k)];
            const auto& got = part->leads[std::size_t(k)];
            QCOMPARE(got.size(), want.size());
            double worst = 0, range = 0;
            for (std::size_t i = 0; i < want.size(); ++i) {
                worst = std::max(worst, double(std::fabs(got[i] - want[i])));
                range = std::max(range, double(std::fabs(want[i])));
            }
            // The 500 Hz leads are resampled to 100 Hz (linear) before this comparison.
            QVERIFY2(worst < 0.003, qPrintable(QStringLiteral("%1: %2 mV off")
                                                   .arg(QLatin1String(kStandardLeads[k]))
                                                   .arg(worst)));
            QVERIFY(range > 0.1); // a real trace, not two empty ones
        }
        for (int k = 6; k < kModelLeads; ++k)
            QCOMPARE(part->present[std::size_t(k)],
                     kept.contains(QLatin1String(kStandardLeads[k])));
        const auto w =
            std::find_if(part->warnings.begin(), part->warnings.end(),
                         [](const Message& m) { return m.id == messages::kDerivedLeads.id; });
        QVERIFY(w != part->warnings.end());
        QCOMPARE(QString::fromStdString(w->args.at(0)), computed);
        QStringList recordedLimbLeads; // the kept leads of I..aVF, in standard order
        for (int k = 0; k < 6; ++k)
            if (kept.contains(QLatin1String(kStandardLeads[k]), Qt::CaseInsensitive))
                recordedLimbLeads << QLatin1String(kStandardLeads[k]);
        QCOMPARE(QString::fromStdString(w->args.at(1)),
                 recordedLimbLeads.join(QStringLiteral(", ")));
    }

    /// Leads named I, II and III that break Einthoven's law are no basis for computing aVR, aVL,
    /// aVF: wfdb-samples/100_3chan holds three channels of MIT-BIH 100 labelled I, II, III (the
    /// reader warns); the detector gets those three only.
    void noLeadsComputedFromInconsistentLimbLeads()
    {
        const QString rel = QStringLiteral("wfdb-samples/100_3chan.hea");
        ECGLENS_REQUIRE_DATA(rel);
        const auto rec = io::open(test::dataPath(rel).toStdString());
        QVERIFY2(rec.ok(), rec.error().c_str());
        const auto check = checkEinthoven(*rec);
        QVERIFY(check && !check->consistent());
        const auto p = prepareSignal(*rec);
        QVERIFY2(p.ok(), p.error().c_str());
        QCOMPARE(leadNames(p->present, ", "), std::string("I, II, III"));
        QCOMPARE(p->derived, (std::array<bool, kModelLeads>{}));
        // The same three leads made consistent (III := II - I) get aVR, aVL, aVF.
        Recording fixed = *rec;
        for (std::size_t i = 0; i < fixed.leads[2].samples.size(); ++i)
            fixed.leads[2].samples[i] = fixed.leads[1].samples[i] - fixed.leads[0].samples[i];
        const auto q = prepareSignal(fixed);
        QVERIFY2(q.ok(), q.error().c_str());
        QCOMPARE(leadNames(q->derived, ", "), std::string("aVR, aVL, aVF"));
    }

    /// LibTorch and libxgboost are not loaded when a program starts, only when a network or a
    /// booster is first needed. The OpenMP runtime, which Qt 6 Core already loads (via libb2),
    /// must run with the PASSIVE wait policy unless the user chose one: the program restarts
    /// once with it set. Oracle: the spin count libgomp itself prints with OMP_DISPLAY_ENV=VERBOSE
    /// each time it loads (0 for PASSIVE, 30000000000 for ACTIVE, 300000 with no policy).
    void libraryLoadingOnFirstUse_data()
    {
        QTest::addColumn<QString>("open");
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QStringList>("spinCounts");
        const QStringList restarted = {QStringLiteral("300000"), QStringLiteral("0")};
        QTest::newRow("nothing, policy unset -> restarted passive")
            << QString() << QString() << QStringLiteral("after openmp=yes torch=no xgboost=no")
            << restarted;
        QTest::newRow("network") << QStringLiteral("torch") << QString()
                                 << QStringLiteral("after openmp=yes torch=yes xgboost=no")
                                 << restarted;
        QTest::newRow("booster") << QStringLiteral("xgboost") << QString()
                                 << QStringLiteral("after openmp=yes torch=no xgboost=yes")
                                 << restarted;
        QTest::newRow("both, user's ACTIVE kept, no restart")
            << QStringLiteral("torch,xgboost") << QStringLiteral("ACTIVE")
            << QStringLiteral("after openmp=yes torch=yes xgboost=yes")
            << QStringList({QStringLiteral("30000000000")});
    }
    void libraryLoadingOnFirstUse()
    {
        QFETCH(QString, open);
        QFETCH(QString, given);
        QFETCH(QString, after);
        QFETCH(QStringList, spinCounts);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("OMP_WAIT_POLICY"));
        env.remove(QStringLiteral("ECGLENS_TORCH_MODULE"));
        env.insert(QStringLiteral("OMP_DISPLAY_ENV"), QStringLiteral("VERBOSE"));
        if (!given.isEmpty())
            env.insert(QStringLiteral("OMP_WAIT_POLICY"), given);
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(ECGLENS_LIBRARY_LOADING_PROBE),
                {open, QStringLiteral("a b"), QStringLiteral("--x=1")});
        QVERIFY(p.waitForFinished(30000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QStringList lines = QString::fromUtf8(p.readAllStandardOutput())
                                .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(!lines.isEmpty() && lines.takeFirst().startsWith(QLatin1String("Qt 6.")));
        QCOMPARE(lines, QStringList({QStringLiteral("start openmp=yes torch=no xgboost=no"), after,
                                     QStringLiteral("arg a b"), QStringLiteral("arg --x=1")}));
        QStringList seen;
        const QRegularExpression spin(QStringLiteral("GOMP_SPINCOUNT = '(\\d+)'"));
        for (auto it = spin.globalMatch(err); it.hasNext();)
            seen << it.next().captured(1);
        QCOMPARE(seen, spinCounts);
    }

    /// The probe opening LibTorch through `module` (ECGLENS_TORCH_MODULE): its exit code and
    /// standard output, which holds the error.
    static std::pair<int, QString> probeWithTorchModule(const QString& module)
    {
        QProcess p;
        p.setProcessEnvironment(
            ecglens::test::environmentWith({QStringLiteral("ECGLENS_TORCH_MODULE=") + module}));
        p.start(QStringLiteral(ECGLENS_LIBRARY_LOADING_PROBE), {QStringLiteral("torch")});
        if (!p.waitForFinished(30000))
            return {-1, QString()};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput())};
    }

    /// A module from another build (an upgrade under a running program, a stale build tree) is
    /// refused with both builds named, not called.
    void torchModuleFromAnotherBuildRefused()
    {
        const auto [code, out] = probeWithTorchModule(QStringLiteral(ECGLENS_OTHER_BUILD_MODULE));
        QCOMPARE(code, 1);
        QVERIFY2(out.contains(QLatin1String(
                     "comes from another build of ECG Lens (module: ECG Lens "
                     "0.0.0 (another build); this program: ECG Lens " ECGLENS_VERSION)),
                 qPrintable(out));
    }

    /// Without the LibTorch module the error says which files were tried and what to do.
    void missingTorchModule()
    {
        const auto [code, out] =
            probeWithTorchModule(QStringLiteral("/nonexistent/libecglens_torch.so"));
        QCOMPARE(code, 1);
        QVERIFY2(
            out.contains(QLatin1String("The detector's LibTorch module (libecglens_torch.so) could "
                                       "not be loaded. Tried: /nonexistent/libecglens_torch.so: "
                                       "cannot open shared object file")),
            qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("point ECGLENS_TORCH_MODULE at the module")),
                 qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TstMlCore)
#include "tst_ml_core.moc"
