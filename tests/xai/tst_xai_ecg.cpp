// ECG games: segment construction, baselines, masking, and explanations of models with known
// Shapley values (a linear model: phi = sum over the player's samples of w * (x - baseline),
// computed here in double precision independently of the game code).

#include "stand_in_model.h"
#include "xai/ecg_game.h"
#include "xai/exact_shapley.h"
#include "xai/faithfulness.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>

using namespace ecglens::xai;

Q_DECLARE_METATYPE(std::vector<int>)

namespace {

// logit(x) = sum(W .* x) + c, evaluated in double, returned as float like a network would.
struct LinearModel
{
    Eigen::MatrixXd w;
    double c = -0.3;
    std::vector<float> operator()(const std::vector<Eigen::MatrixXf>& xs) const
    {
        std::vector<float> out;
        for (const auto& x : xs)
            out.push_back(float((w.array() * x.cast<double>().array()).sum() + c));
        return out;
    }
};

LinearModel linearModel(int leads, int samples, unsigned seed)
{
    std::mt19937_64 rng(seed);
    LinearModel m;
    m.w.resize(leads, samples);
    for (int j = 0; j < samples; ++j)
        for (int i = 0; i < leads; ++i)
            m.w(i, j) = 0.02 * (double(rng() >> 11) * 0x1.0p-53 - 0.4);
    return m;
}

std::vector<double> linearReference(const LinearModel& m, const Eigen::MatrixXf& x,
                                    const Eigen::MatrixXf& base, const std::vector<Player>& ps)
{
    std::vector<double> phi;
    for (const Player& p : ps) {
        double s = 0;
        for (int t = p.start; t < p.end; ++t)
            s += m.w(p.lead, t) * (double(x(p.lead, t)) - double(base(p.lead, t)));
        phi.push_back(s);
    }
    return phi;
}

} // namespace

class TestEcgGames : public QObject
{
    Q_OBJECT

private slots:
    void beatSegmentsTable_data()
    {
        QTest::addColumn<std::vector<int>>("beats");
        QTest::addColumn<int>("n");
        QTest::addColumn<std::vector<int>>("bounds"); // start0, end0, start1, end1, ...
        QTest::newRow("three beats") << std::vector<int>{100, 300, 500} << 1000
                                     << std::vector<int>{0, 200, 200, 400, 400, 1000};
        QTest::newRow("odd gap rounds down")
            << std::vector<int>{100, 301} << 1000 << std::vector<int>{0, 200, 200, 1000};
        QTest::newRow("beat at sample 0 and last")
            << std::vector<int>{0, 999} << 1000 << std::vector<int>{0, 499, 499, 1000};
        QTest::newRow("outside window ignored") << std::vector<int>{-50, 250, 750, 1000, 1200}
                                                << 1000 << std::vector<int>{0, 500, 500, 1000};
        QTest::newRow("unsorted and duplicated")
            << std::vector<int>{600, 200, 600} << 1000 << std::vector<int>{0, 400, 400, 1000};
        QTest::newRow("single beat spans window")
            << std::vector<int>{420} << 1000 << std::vector<int>{0, 1000};
        QTest::newRow("no beats") << std::vector<int>{} << 1000 << std::vector<int>{};
    }
    void beatSegmentsTable()
    {
        QFETCH(std::vector<int>, beats);
        QFETCH(int, n);
        QFETCH(std::vector<int>, bounds);
        const auto segs = beatSegments(beats, n);
        QCOMPARE(int(segs.size() * 2), int(bounds.size()));
        for (std::size_t i = 0; i < segs.size(); ++i) {
            QCOMPARE(segs[i].start, bounds[2 * i]);
            QCOMPARE(segs[i].end, bounds[2 * i + 1]);
            QVERIFY(segs[i].beat >= segs[i].start && segs[i].beat < segs[i].end);
        }
    }

    void fixedSegmentsTable_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("fs");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("lastStart");
        QTest::newRow("10 s at 100 Hz") << 1000 << 100.0 << 10 << 900;
        QTest::newRow("10 s at 500 Hz") << 5000 << 500.0 << 10 << 4500;
        QTest::newRow("sliver merged") << 1030 << 100.0 << 10 << 900;
        QTest::newRow("half second kept") << 1050 << 100.0 << 11 << 1000;
        QTest::newRow("shorter than 1 s") << 60 << 100.0 << 1 << 0;
    }
    void fixedSegmentsTable()
    {
        QFETCH(int, n);
        QFETCH(double, fs);
        QFETCH(int, count);
        QFETCH(int, lastStart);
        const auto segs = fixedSegments(n, fs, 1.0);
        QCOMPARE(int(segs.size()), count);
        QCOMPARE(segs.back().start, lastStart);
        QCOMPARE(segs.back().end, n);
        for (std::size_t i = 1; i < segs.size(); ++i)
            QCOMPARE(segs[i].start, segs[i - 1].end); // tiles the window
        QCOMPARE(segs.front().start, 0);
    }

    void fallbackToSeconds_data()
    {
        QTest::addColumn<std::vector<int>>("beats");
        QTest::addColumn<bool>("usesBeats");
        QTest::newRow("regular 0.8 s")
            << std::vector<int>{50, 130, 210, 290, 370, 450, 530, 610, 690, 770, 850, 930} << true;
        QTest::newRow("none") << std::vector<int>{} << false;
        QTest::newRow("one beat") << std::vector<int>{500} << false;
        QTest::newRow("RR 0.1 s (double detection)")
            << std::vector<int>{100, 110, 300, 500} << false;
        QTest::newRow("RR 2.5 s (slow but plausible)")
            << std::vector<int>{100, 350, 600, 850} << true;
        QTest::newRow("RR 4 s (pause)") << std::vector<int>{100, 500, 900} << false;
        QTest::newRow("gap > 3 s before first") << std::vector<int>{400, 480, 560} << false;
        QTest::newRow("gap > 3 s between") << std::vector<int>{100, 450, 900} << false;
    }
    void fallbackToSeconds()
    {
        QFETCH(std::vector<int>, beats);
        QFETCH(bool, usesBeats);
        const Segmentation s = segmentWindow(beats, 1000, 100.0);
        QCOMPARE(s.kind == PlayerKind::Beats, usesBeats);
        QCOMPARE(s.note.empty(), usesBeats);
        if (!usesBeats)
            QCOMPARE(int(s.segments.size()), 10);
    }

    void players()
    {
        const auto segs = fixedSegments(1000, 100.0);
        const auto ps = leadSegmentPlayers(12, segs);
        QCOMPARE(int(ps.size()), 120);
        QCOMPARE(ps[13].lead, 1);
        QCOMPARE(ps[13].start, 300);
        QCOMPARE(ps[13].end, 400);
        const auto leads = leadPlayers(12, 1000);
        QCOMPARE(int(leads.size()), 12);
        QCOMPARE(leads[11].lead, 11);
        QCOMPARE(leads[11].end, 1000);
    }

    void isoelectricLevels()
    {
        // Lead 0: 0.3 mV everywhere except a 1 mV "QRS" at each beat; lead 1: a ramp.
        const int n = 1000;
        Eigen::MatrixXf w(2, n);
        for (int t = 0; t < n; ++t) {
            w(0, t) = 0.3f;
            w(1, t) = 0.001f * t;
        }
        const std::vector<int> beats{200, 500, 800};
        for (int b : beats)
            for (int t = b - 3; t <= b + 3; ++t)
                w(0, t) = 1.0f;
        const auto segs = beatSegments(beats, n);
        const Eigen::MatrixXf base = isoelectricBaseline(w, segs, 100.0);
        // PR window 90-50 ms before R: samples [b-9, b-5) at 100 Hz.
        QCOMPARE(base(0, 0), 0.3f);
        QCOMPARE(base(0, 999), 0.3f);
        for (std::size_t s = 0; s < segs.size(); ++s) {
            const int b = beats[s];
            // median of 0.001*{b-9, b-8, b-7, b-6} = 0.001*(b-7.5)
            QVERIFY(std::abs(base(1, segs[s].start) - 0.001f * (b - 7.5f)) < 1e-6f);
            QVERIFY(std::abs(base(1, segs[s].end - 1) - 0.001f * (b - 7.5f)) < 1e-6f);
        }
        // Fixed segments: the lead's median over the window (0.001 * 499.5 for the ramp).
        const Eigen::MatrixXf flat = isoelectricBaseline(w, fixedSegments(n, 100.0), 100.0);
        QVERIFY(std::abs(flat(1, 0) - 0.4995f) < 1e-6f);
        QVERIFY(std::abs(flat(1, 999) - 0.4995f) < 1e-6f);
    }

    void templateBaseline()
    {
        const int n = 1000;
        Eigen::MatrixXf w = Eigen::MatrixXf::Constant(1, n, 0.2f);
        Eigen::MatrixXf beat(1, 61); // R at 30; PR window [21, 25) is at level 0.05
        for (int k = 0; k < 61; ++k)
            beat(0, k) = 0.05f + (k == 30 ? 1.0f : 0.0f) + 0.001f * (k > 40 ? k - 40 : 0);
        const std::vector<int> beats{300, 700};
        const auto segs = beatSegments(beats, n);
        auto b = alignedTemplateBaseline(w, beat, 30, segs, 100.0);
        QVERIFY2(b.ok(), b.error().c_str());
        // Template shifted from its level 0.05 to the window's level 0.2.
        QVERIFY(std::abs((*b)(0, 300) - 1.2f) < 1e-6f);
        QVERIFY(std::abs((*b)(0, 700) - 1.2f) < 1e-6f);
        QVERIFY(std::abs((*b)(0, 720) - (0.2f + 0.001f * 10)) < 1e-6f); // k = 30 + 20 = 50 > 40
        QVERIFY(std::abs((*b)(0, 0) - 0.2f) < 1e-6f); // outside the template: level
        QVERIFY(std::abs((*b)(0, 500) - 0.2f) < 1e-6f);
        // No beats -> refused with a message.
        QVERIFY(!alignedTemplateBaseline(w, beat, 30, fixedSegments(n, 100.0), 100.0).ok());
        QVERIFY(!alignedTemplateBaseline(w, beat, 70, segs, 100.0).ok());
    }

    void masking()
    {
        Eigen::MatrixXf x = Eigen::MatrixXf::Constant(2, 10, 1.0f);
        Eigen::MatrixXf base = Eigen::MatrixXf::Constant(2, 10, -1.0f);
        const std::vector<Player> ps{{0, 0, 5}, {0, 5, 10}, {1, 0, 10}};
        Eigen::MatrixXf out;
        maskWindow(x, base, ps, Coalition{1, 0, 1}, out);
        QCOMPARE(out(0, 4), 1.0f);
        QCOMPARE(out(0, 5), -1.0f);
        QCOMPARE(out(0, 9), -1.0f);
        QCOMPARE(out(1, 0), 1.0f);
        maskWindow(x, base, ps, Coalition{0, 0, 0}, out);
        QVERIFY(out == base);
        maskWindow(x, base, ps, Coalition{1, 1, 1}, out);
        QVERIFY(out == x);
    }

    // ---- the linear model: phi = w . (x - baseline), exactly -----------------------------------
    void linearModelExplained_data()
    {
        QTest::addColumn<int>("kind"); // PlayerKind
        QTest::addColumn<bool>("withBeats");
        QTest::addColumn<int>("expectedPlayers");
        QTest::addColumn<bool>("exact");
        QTest::newRow("leads (exact, 12)") << int(PlayerKind::Leads) << true << 12 << true;
        QTest::newRow("beats x leads (kernel)") << int(PlayerKind::Beats) << true << 156 << false;
        QTest::newRow("seconds x leads (kernel)")
            << int(PlayerKind::Seconds) << true << 120 << false;
        QTest::newRow("beats fall back to seconds")
            << int(PlayerKind::Beats) << false << 120 << false;
    }
    void linearModelExplained()
    {
        QFETCH(int, kind);
        QFETCH(bool, withBeats);
        QFETCH(int, expectedPlayers);
        QFETCH(bool, exact);
        std::vector<int> beats;
        const Eigen::MatrixXf x = test::syntheticWindow(100.0, 1000, 0.8, beats);
        if (!withBeats)
            beats.clear();
        const LinearModel model = linearModel(12, 1000, 3);
        ExplainOptions o;
        o.players = PlayerKind(kind);
        o.kernel.budget = 600; // far below 2^120: the sampling path, still exact for linear
        auto a = explainWindow(x, 100.0, beats, model, o);
        QVERIFY2(a.ok(), a.error().c_str());
        QCOMPARE(int(a->players.size()), expectedPlayers);
        QCOMPARE(a->shap.method, exact ? ShapleyMethod::Exact : ShapleyMethod::Kernel);
        QCOMPARE(a->note.empty(), withBeats);
        const auto ref = linearReference(model, x, a->baseline, a->players);
        double err = 0, mag = 0;
        for (std::size_t i = 0; i < ref.size(); ++i) {
            err = std::max(err, std::abs(a->shap.values[i] - ref[i]));
            mag = std::max(mag, std::abs(ref[i]));
        }
        qInfo("players %zu, max |phi| %.3g, max error %.3g, efficiency error %.3g", ref.size(), mag,
              err, a->shap.efficiencyError);
        QVERIFY(mag > 0.01); // the reference is not trivially zero
        QVERIFY(err < 1e-4); // float model output
        QVERIFY(a->shap.efficient);
        QVERIFY(a->shap.efficiencyError < (exact ? 1e-4 : 1e-3));
        QVERIFY(std::abs(a->probability() - sigmoid(model({x})[0])) < 1e-6);
        QVERIFY(std::abs(a->baseProbability() - sigmoid(model({a->baseline})[0])) < 1e-6);
    }

    // ---- absent leads are no players (a 2-lead recording: II and V1 of the 12 rows) ----------
    void absentLeadsAreNoPlayers_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("segmentsPerLead"); // 0: one per lead
        QTest::addColumn<bool>("exact");
        QTest::newRow("leads (exact)") << int(PlayerKind::Leads) << 0 << true;
        QTest::newRow("beats x leads") << int(PlayerKind::Beats) << 13 << false;
        QTest::newRow("seconds x leads") << int(PlayerKind::Seconds) << 10 << false;
    }
    void absentLeadsAreNoPlayers()
    {
        QFETCH(int, kind);
        QFETCH(int, segmentsPerLead);
        QFETCH(bool, exact);
        std::vector<int> beats;
        Eigen::MatrixXf x = test::syntheticWindow(100.0, 1000, 0.8, beats);
        LeadMask present{};
        present[1] = present[6] = true;
        for (int lead = 0; lead < 12; ++lead)
            if (!present[std::size_t(lead)])
                x.row(lead).setZero(); // as ml::extractWindow leaves an absent lead
        const LinearModel model = linearModel(12, 1000, 7);
        ExplainOptions o;
        o.players = PlayerKind(kind);
        o.presentLeads = present;
        o.kernel.budget = 600;
        auto a = explainWindow(x, 100.0, beats, model, o);
        QVERIFY2(a.ok(), a.error().c_str());
        QCOMPARE(int(a->players.size()), 2 * std::max(1, segmentsPerLead));
        QCOMPARE(a->shap.method, exact ? ShapleyMethod::Exact : ShapleyMethod::Kernel);
        for (std::size_t i = 0; i < a->players.size(); ++i)
            QVERIFY2(a->players[i].lead == (i < a->players.size() / 2 ? 1 : 6),
                     qPrintable(QString::number(a->players[i].lead)));
        // Every sample of the present leads belongs to exactly one player.
        std::vector<int> covered(2 * 1000, 0);
        for (const Player& p : a->players)
            for (int t = p.start; t < p.end; ++t)
                ++covered[std::size_t((p.lead == 1 ? 0 : 1000) + t)];
        QVERIFY(std::all_of(covered.begin(), covered.end(), [](int c) { return c == 1; }));
        const auto ref = linearReference(model, x, a->baseline, a->players);
        for (std::size_t i = 0; i < ref.size(); ++i)
            QVERIFY2(std::abs(a->shap.values[i] - ref[i]) < 1e-4,
                     qPrintable(QStringLiteral("player %1: %2 vs %3")
                                    .arg(i)
                                    .arg(a->shap.values[i])
                                    .arg(ref[i])));
        QVERIFY2(a->shap.efficient, efficiencyMessage(a->shap).c_str());
        QVERIFY(a->shap.efficiencyError < (exact ? 1e-4 : 1e-3));
        QVERIFY(std::abs(a->shap.fullValue - model({x})[0]) < 1e-6);

        LeadMask none{};
        o.presentLeads = none;
        const auto refused = explainWindow(x, 100.0, beats, model, o);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().find("no lead") != std::string::npos);
    }

    void standInModelEfficiency_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("baseline");
        QTest::newRow("leads, isoelectric")
            << int(PlayerKind::Leads) << int(BaselineKind::Isoelectric);
        QTest::newRow("leads, template")
            << int(PlayerKind::Leads) << int(BaselineKind::NormalTemplate);
        QTest::newRow("beats, isoelectric")
            << int(PlayerKind::Beats) << int(BaselineKind::Isoelectric);
    }
    void standInModelEfficiency()
    {
        QFETCH(int, kind);
        QFETCH(int, baseline);
        std::vector<int> beats;
        const Eigen::MatrixXf x = test::syntheticWindow(100.0, 1000, 0.9, beats);
        std::vector<int> templateBeats;
        const Eigen::MatrixXf normal = test::syntheticWindow(100.0, 80, 2.0, templateBeats);
        const test::StandInModel model;
        ExplainOptions o;
        o.players = PlayerKind(kind);
        o.baseline = BaselineKind(baseline);
        o.normalBeat = normal * 0.5f;
        o.normalBeatRIndex = templateBeats.front();
        o.kernel.budget = 300;
        auto a = explainWindow(
            x, 100.0, beats, [&](const auto& ws) { return model.logits(ws); }, o);
        QVERIFY2(a.ok(), a.error().c_str());
        QVERIFY2(a->shap.efficient, efficiencyMessage(a->shap).c_str());
        QVERIFY(std::abs(a->shap.fullValue - model.logits({x})[0]) < 1e-5);
        QVERIFY(std::abs(a->shap.baseValue - model.logits({a->baseline})[0]) < 1e-5);
        QVERIFY(a->shap.fullValue != a->shap.baseValue);
    }

    // Concurrent model calls change nothing but the time: the same values, bit for bit, and a
    // model that fails on some batch fails the explanation.
    void concurrentModelCalls()
    {
        std::vector<int> beats;
        const Eigen::MatrixXf x = test::syntheticWindow(100.0, 1000, 0.9, beats);
        test::StandInModel model;
        model.setThreads(1);
        const ModelFn fn = [&](const auto& ws) { return model.logits(ws); };
        ExplainOptions o;
        o.players = PlayerKind::Beats;
        o.kernel.budget = 700;
        o.modelBatch = 32;
        o.threads = 1;
        const auto one = explainWindow(x, 100.0, beats, fn, o);
        o.threads = 3;
        const auto three = explainWindow(x, 100.0, beats, fn, o);
        QVERIFY(one.ok() && three.ok());
        QVERIFY(one->shap.values == three->shap.values);
        QCOMPARE(one->shap.evaluations, three->shap.evaluations);

        std::atomic<int> calls{0};
        const ModelFn failing = [&](const std::vector<Eigen::MatrixXf>& ws) {
            return ++calls == 5 ? std::vector<float>() : model.logits(ws);
        };
        const auto failed = explainWindow(x, 100.0, beats, failing, o);
        QVERIFY(!failed.ok());
    }

    void badWindowsRefused()
    {
        const LinearModel model = linearModel(12, 1000, 1);
        Eigen::MatrixXf x = Eigen::MatrixXf::Zero(12, 1000);
        x(3, 10) = NAN;
        QVERIFY(!explainWindow(x, 100.0, {}, model).ok());
        QVERIFY(!explainWindow(Eigen::MatrixXf(), 100.0, {}, model).ok());
        QVERIFY(!explainWindow(Eigen::MatrixXf::Zero(12, 1000), 0.0, {}, model).ok());
    }

    // ---- deletion curves --------------------------------------------------------------------
    void deletionCurveLinear()
    {
        std::vector<int> beats;
        const Eigen::MatrixXf x = test::syntheticWindow(100.0, 1000, 0.8, beats);
        const LinearModel model = linearModel(12, 1000, 5);
        ExplainOptions o;
        o.players = PlayerKind::Seconds;
        auto a = explainWindow(x, 100.0, beats, model, o);
        QVERIFY(a.ok());
        auto c = deletionCurve(x, a->baseline, a->players, a->shap.values, model, 20, 20, 9);
        QVERIFY2(c.ok(), c.error().c_str());
        QCOMPARE(int(c->byShap.size()), 21);
        QVERIFY(std::abs(c->byShap[0] - a->probability()) < 1e-6);
        QVERIFY(std::abs(c->byRandom[0] - a->probability()) < 1e-6);
        // Linear model: removing the largest positive contributions first is the steepest
        // possible descent, so the curve falls monotonically while contributions are positive.
        std::vector<double> sorted = a->shap.values;
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        for (int k = 1; k <= 20; ++k)
            if (sorted[std::size_t(k - 1)] > 1e-4)
                QVERIFY(c->byShap[std::size_t(k)] < c->byShap[std::size_t(k - 1)]);
        QVERIFY(normalisedArea(c->byShap) < normalisedArea(c->byRandom));
        QVERIFY(c->byShap[20] < c->byRandom[20]);
        const DeletionCurve mean = averageCurves({*c, *c});
        QVERIFY(std::abs(normalisedArea(mean.byShap) - normalisedArea(c->byShap)) < 1e-12);
        QCOMPARE(normalisedArea({1.0, 0.0}), 0.5);
        QCOMPARE(normalisedArea({1.0, 1.0, 0.0}), 0.75);
    }
};

QTEST_GUILESS_MAIN(TestEcgGames)
#include "tst_xai_ecg.moc"
