// The normal-template baseline: the averaging, the shipped models/baselines file (verified by its
// manifest, refused when tampered with, reproduced by rerunning the recipe on the shared data)
// and its use by the explanation.

#include "normal_beat_source.h"
#include "stand_in_model.h"
#include "test_data.h"
#include "xai/ecg_game.h"
#include "xai/normal_beat.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sstream>

using namespace ecglens;
using namespace ecglens::xai;

namespace {

QString shippedDir()
{
    return QStringLiteral(ECGLENS_SOURCE_BASELINE_DIR);
}

std::string readAll(const QString& path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Copies the shipped folder to `dir` (both files).
bool copyShipped(const QString& dir)
{
    for (const QString& f : {QStringLiteral("manifest.json"), QString::fromLatin1(kNormalBeatFile)})
        if (!QFile::copy(shippedDir() + QLatin1Char('/') + f, dir + QLatin1Char('/') + f))
            return false;
    return true;
}

} // namespace

class TestNormalBeat : public QObject
{
    Q_OBJECT

private slots:
    // Windows whose beats all have the same shape average to that shape; beats cut by the
    // window edges are left out, and every record weighs the same whatever its beat count.
    void accumulatorAverages()
    {
        std::vector<int> beatsA, beatsB;
        const Eigen::MatrixXf a = xai::test::syntheticWindow(100.0, 1000, 0.8, beatsA);
        const Eigen::MatrixXf b = 3.0f * xai::test::syntheticWindow(100.0, 1000, 1.2, beatsB);
        NormalBeatAccumulator acc(12, 100.0, 0.3, 0.4);
        QVERIFY(!acc.result().ok());
        // 0.35 s + k * 0.8 s: the first beat lacks 0.3 s before it only at 0.35 - 0.3 >= 0, so
        // all but the last (9.95 s + 0.4 s > 10 s) are whole.
        QCOMPARE(acc.add(a, beatsA), int(beatsA.size()) - 1);
        QCOMPARE(acc.add(b, beatsB), int(beatsB.size()) - 1);
        QCOMPARE(acc.add(Eigen::MatrixXf::Zero(3, 1000), beatsA), 0); // wrong lead count
        auto r = acc.result();
        QVERIFY2(r.ok(), r.error().c_str());
        QCOMPARE(r->rIndex, 30);
        QCOMPARE(int(r->beat.cols()), 70);
        QCOMPARE(r->records, 2);
        QCOMPARE(r->beats, (long long)(beatsA.size() + beatsB.size() - 2));
        // Each record's beats are identical (up to the neighbours' tails, far below 1e-3 mV at
        // RR >= 0.8 s), so the average is (beat of a + beat of b) / 2 = 2 x beat of a.
        const int r0 = beatsA[1];
        const Eigen::MatrixXf expected = 2.0f * a.middleCols(r0 - 30, 70);
        QVERIFY2((r->beat - expected).cwiseAbs().maxCoeff() < 1e-3,
                 qPrintable(QString::number((r->beat - expected).cwiseAbs().maxCoeff())));
    }

    void shippedFileLoads()
    {
        auto nb = loadNormalBeat(shippedDir().toStdString());
        QVERIFY2(nb.ok(), nb.error().c_str());
        QCOMPARE(int(nb->beat.rows()), 12);
        QCOMPARE(nb->fsHz, 100.0);
        QVERIFY(nb->rIndex > 20 && nb->rIndex < int(nb->beat.cols()) - 30);
        QVERIFY(nb->records >= 100);
        QVERIFY(nb->beats >= 8 * nb->records);
        QVERIFY(nb->description.find("PTB-XL") != std::string::npos);
        QVERIFY(nb->description.find("Creative Commons Attribution 4.0") != std::string::npos);
        QCOMPARE(QString::fromStdString(defaultBaselineDir()), shippedDir());
        // A normal beat: upright R in II at the R index, negative in aVR, and the R peak the
        // largest deflection of lead II.
        const int r = nb->rIndex;
        const Eigen::RowVectorXf ii = nb->beat.row(1), avr = nb->beat.row(3);
        QVERIFY2(ii(r) > 0.5f, qPrintable(QString::number(ii(r))));
        QVERIFY2(avr(r) < -0.3f, qPrintable(QString::number(avr(r))));
        Eigen::Index peak = 0;
        ii.cwiseAbs().maxCoeff(&peak);
        QVERIFY2(std::abs(int(peak) - r) <= 2, qPrintable(QString::number(peak)));
    }

    void tamperedFileRefused_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("value changed") << QStringLiteral("edit") << QStringLiteral("modified");
        QTest::newRow("file missing") << QStringLiteral("remove") << QStringLiteral("missing");
        QTest::newRow("no manifest")
            << QStringLiteral("nomanifest") << QStringLiteral("has no manifest");
        QTest::newRow("not listed") << QStringLiteral("unlisted") << QStringLiteral("not listed");
    }
    void tamperedFileRefused()
    {
        QFETCH(QString, what);
        QFETCH(QString, message);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QVERIFY(copyShipped(tmp.path()));
        const QString file = tmp.filePath(QString::fromLatin1(kNormalBeatFile));
        const QString manifest = tmp.filePath(QStringLiteral("manifest.json"));
        QVERIFY(loadNormalBeat(tmp.path().toStdString()).ok()); // the copy itself is fine
        if (what == QLatin1String("edit")) {
            std::string text = readAll(file);
            const std::size_t at = text.find("\"beat\"");
            const std::size_t digit = text.find_first_of("123456789", at);
            QVERIFY(at != std::string::npos && digit != std::string::npos);
            text[digit] = text[digit] == '9' ? '8' : char(text[digit] + 1);
            std::ofstream(file.toStdString(), std::ios::binary) << text;
        } else if (what == QLatin1String("remove")) {
            QVERIFY(QFile::remove(file));
        } else if (what == QLatin1String("nomanifest")) {
            QVERIFY(QFile::remove(manifest));
        } else {
            std::string text = readAll(manifest);
            const std::size_t at = text.find(kNormalBeatFile);
            QVERIFY(at != std::string::npos);
            text.replace(at, 6, "xormal");
            std::ofstream(manifest.toStdString(), std::ios::binary) << text;
        }
        const auto nb = loadNormalBeat(tmp.path().toStdString());
        QVERIFY(!nb.ok());
        QVERIFY2(QString::fromStdString(nb.error()).contains(message), nb.error().c_str());
        QVERIFY2(QString::fromStdString(nb.error()).contains(QStringLiteral("isoelectric")),
                 nb.error().c_str());
        // A Message the viewer words in its language (tst_i18n checks every wording).
        QVERIFY(nb.errorMessage() != nullptr);
        QVERIFY2(nb.errorMessage()->id.rfind("baseline.", 0) == 0, nb.errorMessage()->id.c_str());
    }

    // The shipped file is what the recipe makes from the shared data, byte for byte.
    void shippedFileReproduced()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/ptbxl_database.csv"));
        auto beat = xai::test::computePtbxlNormalBeat(ecglens::test::dataDir().toStdString());
        QVERIFY2(beat.ok(), beat.error().c_str());
        const std::string rerun = normalBeatJson(*beat, xai::test::ptbxlNormalBeatSource(*beat));
        const std::string shipped =
            readAll(shippedDir() + QLatin1Char('/') + QString::fromLatin1(kNormalBeatFile));
        QVERIFY2(rerun == shipped, "models/baselines/normal_beat_ptbxl.json differs from a rerun "
                                   "of make_normal_beat on the shared data; regenerate it");
    }

    // The explanation with the shipped template: the baseline carries a beat at each R peak.
    void explanationUsesTemplate()
    {
        auto nb = loadNormalBeat(shippedDir().toStdString());
        QVERIFY2(nb.ok(), nb.error().c_str());
        std::vector<int> beats;
        const Eigen::MatrixXf x = xai::test::syntheticWindow(100.0, 1000, 0.8, beats);
        const xai::test::StandInModel model;
        ExplainOptions o;
        o.players = PlayerKind::Leads;
        o.baseline = BaselineKind::NormalTemplate;
        o.normalBeat = nb->beat;
        o.normalBeatRIndex = nb->rIndex;
        auto a = explainWindow(
            x, 100.0, beats, [&](const auto& ws) { return model.logits(ws); }, o);
        QVERIFY2(a.ok(), a.error().c_str());
        QCOMPARE(a->baselineKind, BaselineKind::NormalTemplate);
        QVERIFY2(a->shap.efficient, efficiencyMessage(a->shap).c_str());
        // Lead II of the baseline at a beat = template R - template PR level + window PR level.
        const int r = beats[3];
        const float rise = a->baseline(1, r) - a->baseline(1, r - 8);
        const float templateRise = nb->beat(1, nb->rIndex) - nb->beat(1, nb->rIndex - 8);
        QVERIFY2(std::abs(rise - templateRise) < 1e-5,
                 qPrintable(QStringLiteral("%1 vs %2").arg(rise).arg(templateRise)));
    }
};

QTEST_GUILESS_MAIN(TestNormalBeat)
#include "tst_xai_normal_beat.moc"
