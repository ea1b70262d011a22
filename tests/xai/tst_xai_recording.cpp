// Explanations of whole recordings with the shipped detector (xai::explainPrepared): a recording
// that supplies only some of the 12 standard leads has players on those leads only, and the
// values still add up to f(x) - f(baseline). Needs the shared data and the default model
// (ml::defaultModelDir(): ECGLENS_MODEL_DIR, else models/resnet1d).

#include "core/lead_names.h"
#include "io/open.h"
#include "ml/analysis_common.h"
#include "ml/detector.h"
#include "ml/net.h"
#include "ml/preprocess.h"
#include "test_data.h"
#include "xai/explain_recording.h"

#include <QTest>

#include <cmath>

using namespace ecglens;
using namespace ecglens::xai;

class TestExplainRecording : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        auto d = ml::Detector::load(ml::defaultModelDir());
        QVERIFY2(d.ok(), d.error().c_str());
        m_detector = std::make_unique<ml::Detector>(std::move(*d));
    }

    // MIT-BIH 101 holds MLII and V1: II and V1 of the model's 12 rows, the other 10 are zero.
    void twoLeadRecording_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("exact");
        QTest::newRow("leads (exact)") << int(PlayerKind::Leads) << true;
        QTest::newRow("beats x leads (kernel)") << int(PlayerKind::Beats) << false;
        QTest::newRow("seconds x leads (kernel)") << int(PlayerKind::Seconds) << false;
    }
    void twoLeadRecording()
    {
        QFETCH(int, kind);
        QFETCH(bool, exact);
        ECGLENS_REQUIRE_DATA(QStringLiteral("mitdb/101.hea"));
        auto rec = io::open(test::dataPath(QStringLiteral("mitdb/101.hea")).toStdString());
        QVERIFY2(rec.ok(), rec.error().c_str());
        auto prepared = prepareRecording(*rec);
        QVERIFY2(prepared.ok(), prepared.error().c_str());
        const int leadII = standardLeadIndex("II"), leadV1 = standardLeadIndex("V1");
        QVERIFY(leadII >= 0 && leadV1 >= 0);
        int present = 0;
        for (const bool p : prepared->signal.present)
            present += p;
        QCOMPARE(present, 2);
        QVERIFY(prepared->signal.present[std::size_t(leadII)]);
        QVERIFY(prepared->signal.present[std::size_t(leadV1)]);

        ExplainOptions o;
        o.players = PlayerKind(kind);
        o.kernel.budget = 400;
        o.kernel.bootstrap = 0;
        const double startS = 60.0;
        // explainPrepared runs the detector with one intra-op thread and restores the setting.
        ml::Detector::setThreads(2);
        auto e = explainPrepared(*m_detector, *prepared, startS, o);
        QCOMPARE(ml::Net::threads(), 2);
        ml::Detector::setThreads(1);
        QVERIFY2(e.ok(), e.error().c_str());
        const Attribution& a = e->attribution;
        QCOMPARE(a.shap.method, exact ? ShapleyMethod::Exact : ShapleyMethod::Kernel);
        if (PlayerKind(kind) == PlayerKind::Leads)
            QCOMPARE(int(a.players.size()), 2);
        else
            QVERIFY2(a.players.size() >= 2 * 8 && a.players.size() % 2 == 0,
                     qPrintable(QString::number(a.players.size())));
        for (const Player& p : a.players)
            QVERIFY2(p.lead == leadII || p.lead == leadV1, qPrintable(QString::number(p.lead)));
        for (int lead = 0; lead < 12; ++lead) {
            QCOMPARE(e->leadsPresent[std::size_t(lead)], lead == leadII || lead == leadV1);
            if (!e->leadsPresent[std::size_t(lead)])
                QCOMPARE(e->leadSums[std::size_t(lead)], 0.0);
        }
        QVERIFY2(a.shap.efficient, efficiencyMessage(a.shap).c_str());
        QVERIFY(a.shap.efficiencyError < (exact ? 1e-4 : 1e-3));
        // f(x) is the detector's output on the window, evaluated here independently.
        const ml::Window w =
            ml::extractWindow(prepared->signal, std::lround(startS * ml::kModelFsHz));
        QVERIFY(std::abs(a.shap.fullValue - m_detector->logits({w})[0]) < 1e-5);
        QVERIFY(std::abs(a.shap.baseValue - m_detector->logits({a.baseline})[0]) < 1e-5);
        // The baseline only differs from the window on present leads.
        for (int lead = 0; lead < 12; ++lead)
            if (!e->leadsPresent[std::size_t(lead)])
                QVERIFY(a.baseline.row(lead).isApprox(w.row(lead)) ||
                        (a.baseline.row(lead).isZero() && w.row(lead).isZero()));
    }

    // Two concurrent detector calls (the default) give the values of one call at a time, bit for
    // bit: the detector is safe to call from two threads and its output does not depend on the
    // batch a window is in.
    void concurrentDetectorCalls()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00001_lr.hea"));
        auto rec = io::open(
            test::dataPath(QStringLiteral("ptbxl/records100/00000/00001_lr.hea")).toStdString());
        QVERIFY2(rec.ok(), rec.error().c_str());
        auto prepared = prepareRecording(*rec);
        QVERIFY2(prepared.ok(), prepared.error().c_str());
        ExplainOptions o;
        o.players = PlayerKind::Beats;
        o.kernel.budget = 500; // 8 model calls of 64 windows
        o.kernel.bootstrap = 0;
        o.threads = 1;
        ml::Detector::setThreads(1);
        const auto one = explainPrepared(*m_detector, *prepared, 0.0, o);
        o.threads = 2;
        const auto two = explainPrepared(*m_detector, *prepared, 0.0, o);
        QVERIFY2(one.ok() && two.ok(), (one.error() + two.error()).c_str());
        QVERIFY(one->attribution.players.size() > 12 * 5);
        QVERIFY(one->attribution.shap.values == two->attribution.shap.values);
        QCOMPARE(one->attribution.shap.evaluations, two->attribution.shap.evaluations);
    }

    // Every window the analysis lays out can be explained, to its sample, and no window runs
    // past the end: the last one (MIT-BIH 101, 30 min 5.6 s) is explained, a start two samples
    // later is refused saying where the last one starts, and so are starts no rounding can hold
    // (1e308 s once explained an all-padding window at a wrapped-around sample).
    void noWindowPastTheEnd()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("mitdb/101.hea"));
        auto rec = io::open(test::dataPath(QStringLiteral("mitdb/101.hea")).toStdString());
        QVERIFY2(rec.ok(), rec.error().c_str());
        auto prepared = prepareRecording(*rec);
        QVERIFY2(prepared.ok(), prepared.error().c_str());
        const long samples = prepared->signal.samples;
        QCOMPARE(samples, 180556L); // 650000 samples at 360 Hz, at 100 Hz
        const std::vector<long> starts = ml::windowStarts(samples, 0.5);
        QCOMPARE(starts.back(), samples - ml::kWindowSamples);
        for (const long s : {starts.front(), starts[1], starts.back()}) {
            const auto first = ml::windowStartSample(double(s) / ml::kModelFsHz, samples);
            QVERIFY2(first.ok(), first.error().c_str());
            QCOMPARE(*first, s);
        }
        // One sample later is the last window (a duration's rounding); two are refused.
        QCOMPARE(*ml::windowStartSample(double(starts.back() + 1) / ml::kModelFsHz, samples),
                 starts.back());
        ExplainOptions o;
        o.players = PlayerKind::Leads; // exact over the two leads: fast
        const double lastS = double(starts.back()) / ml::kModelFsHz;
        const auto last = explainPrepared(*m_detector, *prepared, lastS, o);
        QVERIFY2(last.ok(), last.error().c_str());
        QCOMPARE(last->windowStartS, lastS);
        QCOMPARE(last->windowEndS, double(samples) / ml::kModelFsHz);
        for (const double bad : {lastS + 0.02, 1805.0, 1e308, HUGE_VAL, std::nan(""), -0.01}) {
            const auto e = explainPrepared(*m_detector, *prepared, bad, o);
            QVERIFY2(!e.ok(), qPrintable(QString::number(bad)));
            if (std::isfinite(bad) && bad > 0)
                QVERIFY2(QString::fromStdString(e.error()).contains(
                             QStringLiteral("runs past the end of the recording "
                                            "(1805.56 s): the last one starts at "
                                            "1795.56 s")),
                         e.error().c_str());
        }
        // A 10 s record has one window, at 0.
        QCOMPARE(*ml::windowStartSample(0.0, ml::kWindowSamples), 0L);
        const auto later = ml::windowStartSample(3.0, ml::kWindowSamples);
        QVERIFY(!later.ok());
        QVERIFY2(QString::fromStdString(later.error())
                     .contains(QStringLiteral("one 10 s window, at 0 s")),
                 later.error().c_str());
    }

private:
    std::unique_ptr<ml::Detector> m_detector;
};

QTEST_GUILESS_MAIN(TestExplainRecording)
#include "tst_xai_recording.moc"
