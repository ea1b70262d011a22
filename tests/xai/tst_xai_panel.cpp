// The explanation panel's choices (players, baseline) through the worker's explanation job to
// what the panel states: the algorithm actually used, the baseline and the efficiency check.
// Needs the shared data and the default model (ml::defaultModelDir()).

#include "app_settings.h"
#include "contribution_legend.h"
#include "ecg_plot.h"
#include "engine_worker.h"
#include "explanation_panel.h"
#include "io/open.h"
#include "test_data.h"
#include "xai/normal_beat.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <optional>
#include <sstream>

using namespace ecglens;

Q_DECLARE_METATYPE(xai::PlayerKind)
Q_DECLARE_METATYPE(xai::BaselineKind)

namespace {

const QString kRecord = QStringLiteral("ptbxl/records100/00000/00001_lr.hea");

// Runs the explanation job on this thread (the worker's slots are plain calls).
std::optional<ExplainOutcome> runJob(const Recording& recording, const ExplainRequest& request)
{
    auto ids = std::make_shared<JobIds>();
    ids->latest[int(JobKind::Explain)] = 7;
    EngineWorker worker(ids);
    std::optional<ExplainOutcome> out;
    QObject::connect(&worker, &EngineWorker::explained, [&](const ExplainOutcome& o) { out = o; });
    worker.explain(7, std::make_shared<const Recording>(recording), request);
    return out;
}

} // namespace

class TestXaiPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        ECGLENS_REQUIRE_DATA(kRecord);
        auto rec = io::open(test::dataPath(kRecord).toStdString());
        QVERIFY2(rec.ok(), rec.error().c_str());
        m_recording = std::move(*rec);
    }

    void choices()
    {
        EcgPlot plot;
        AppSettings settings;
        ExplanationPanel panel(&plot, settings);
        QCOMPARE(panel.playersBox()->count(), 3);
        QCOMPARE(panel.baselineBox()->count(), 2);
        QCOMPARE(panel.playerChoice(), xai::PlayerKind::Beats);
        QCOMPARE(panel.baselineChoice(), xai::BaselineKind::Isoelectric);
        QSignalSpy changed(&panel, &ExplanationPanel::choicesChanged);
        panel.playersBox()->setCurrentIndex(2);
        panel.baselineBox()->setCurrentIndex(1);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(panel.playerChoice(), xai::PlayerKind::Leads);
        QCOMPARE(panel.baselineChoice(), xai::BaselineKind::NormalTemplate);
        QVERIFY(panel.playersBox()->currentText().contains(QStringLiteral("exact")));
        ExplainRequest request;
        panel.applyChoices(request);
        QCOMPARE(request.players, xai::PlayerKind::Leads);
        QCOMPARE(request.baseline, xai::BaselineKind::NormalTemplate);
        panel.setChoices(xai::PlayerKind::Seconds, xai::BaselineKind::Isoelectric);
        panel.applyChoices(request);
        QCOMPARE(request.players, xai::PlayerKind::Seconds);
        QCOMPARE(request.baseline, xai::BaselineKind::Isoelectric);
        QCOMPARE(changed.count(), 4);
    }

    void jobAndStatement_data()
    {
        QTest::addColumn<xai::PlayerKind>("players");
        QTest::addColumn<xai::BaselineKind>("baseline");
        QTest::addColumn<bool>("exact");
        QTest::addColumn<QString>("baselineText");
        QTest::newRow("leads, isoelectric")
            << xai::PlayerKind::Leads << xai::BaselineKind::Isoelectric << true
            << QStringLiteral("isoelectric baseline");
        QTest::newRow("leads, normal template")
            << xai::PlayerKind::Leads << xai::BaselineKind::NormalTemplate << true
            << QStringLiteral("normal template baseline");
        QTest::newRow("beats, normal template")
            << xai::PlayerKind::Beats << xai::BaselineKind::NormalTemplate << false
            << QStringLiteral("normal template baseline");
    }
    void jobAndStatement()
    {
        QFETCH(xai::PlayerKind, players);
        QFETCH(xai::BaselineKind, baseline);
        QFETCH(bool, exact);
        QFETCH(QString, baselineText);
        EcgPlot plot;
        AppSettings settings;
        ExplanationPanel panel(&plot, settings);
        panel.setChoices(players, baseline);
        ExplainRequest request;
        panel.applyChoices(request);
        const auto out = runJob(m_recording, request);
        QVERIFY(out.has_value());
        QVERIFY2(out->explanation, qPrintable(out->error + out->modelError));
        const xai::Attribution& a = out->explanation->attribution;
        QCOMPARE(a.baselineKind, baseline);
        QCOMPARE(a.shap.method == xai::ShapleyMethod::Exact, exact);
        QVERIFY(a.shap.efficient);
        if (players == xai::PlayerKind::Leads)
            QCOMPARE(int(a.players.size()), 12);

        panel.setExplanation(out->explanation, m_recording);
        QVERIFY2(panel.legend()->baselineName().contains(baselineText),
                 qPrintable(panel.legend()->baselineName()));
        const QString method = panel.methodLabel()->text();
        QVERIFY2(method.contains(exact ? QStringLiteral("Exact Shapley values")
                                       : QStringLiteral("KernelSHAP")),
                 qPrintable(method));
        QVERIFY2(method.contains(baselineText), qPrintable(method));
        const QString check = panel.efficiencyLabel()->text();
        QVERIFY2(check.contains(QStringLiteral("passed")) &&
                     check.contains(QString::number(a.shap.efficiencyError, 'g', 2)),
                 qPrintable(check));
    }

    // A template file that fails its manifest check is an error of the job, shown to the user;
    // the explanation is not silently computed with another baseline.
    void tamperedTemplateRefused()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString shipped = QString::fromStdString(xai::defaultBaselineDir());
        QVERIFY(!shipped.isEmpty());
        for (const QString& f :
             {QStringLiteral("manifest.json"), QString::fromLatin1(xai::kNormalBeatFile)})
            QVERIFY(QFile::copy(shipped + QLatin1Char('/') + f, tmp.filePath(f)));
        {
            const std::string path =
                tmp.filePath(QString::fromLatin1(xai::kNormalBeatFile)).toStdString();
            std::ostringstream text;
            text << std::ifstream(path, std::ios::binary).rdbuf();
            std::string s = text.str();
            const std::size_t digit = s.find_last_of("12345678"); // in the last sample of V6
            QVERIFY(digit != std::string::npos);
            s[digit] = char(s[digit] + 1);
            std::ofstream(path, std::ios::binary) << s;
        }
        qputenv("ECGLENS_BASELINE_DIR", tmp.path().toLocal8Bit());
        ExplainRequest request;
        request.players = xai::PlayerKind::Leads;
        request.baseline = xai::BaselineKind::NormalTemplate;
        const auto out = runJob(m_recording, request);
        qunsetenv("ECGLENS_BASELINE_DIR");
        QVERIFY(out.has_value());
        QVERIFY(!out->explanation);
        QVERIFY2(out->error.contains(QStringLiteral("modified")), qPrintable(out->error));
    }

private:
    Recording m_recording;
};

QTEST_MAIN(TestXaiPanel)
#include "tst_xai_panel.moc"
