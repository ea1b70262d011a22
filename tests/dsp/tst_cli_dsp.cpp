// ecglens-cli beats / measure run as a user would (QProcess), including bad input.

#include "dsp/rhythm.h"
#include "test_data.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out, err;
};

Run runCli(const QStringList& args)
{
    QProcess p;
    p.start(ecglens::test::cliPath(), args);
    Run r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestCliDsp : public QObject
{
    Q_OBJECT

private slots:
    void beatsJson()
    {
        const Run r = runCli({QStringLiteral("beats"),
                              QStringLiteral("demo:hr=60,seconds=60,ectopic=0.1,fs=360"),
                              QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QJsonArray beats = o.value(QStringLiteral("beats")).toArray();
        QVERIFY2(beats.size() >= 58 && beats.size() <= 62,
                 qPrintable(QString::number(beats.size())));
        QCOMPARE(o.value(QStringLiteral("count")).toInt(), beats.size());
        int v = 0;
        for (const auto& b : beats) {
            const QJsonObject bo = b.toObject();
            const QString cls = bo.value(QStringLiteral("class")).toString();
            QVERIFY(cls == QLatin1String("N") || cls == QLatin1String("S") ||
                    cls == QLatin1String("V") || cls == QLatin1String("Q"));
            v += cls == QLatin1String("V");
            // time and sample agree at 360 Hz
            QVERIFY(std::abs(bo.value(QStringLiteral("sample")).toDouble() / 360.0 -
                             bo.value(QStringLiteral("time_s")).toDouble()) < 1e-6);
        }
        QVERIFY(v >= 3);
    }

    void beatsOneLeadMitbih()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("mitdb/101.hea"));
        const Run r = runCli({QStringLiteral("beats"),
                              ecglens::test::dataPath(QStringLiteral("mitdb/101.hea")),
                              QStringLiteral("--lead"), QStringLiteral("MLII")});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QVERIFY(lines.at(0).startsWith("#sample"));
        // 101.atr holds 1865 beat annotations; the detector finds them within 1 %.
        QVERIFY2(std::abs(int(lines.size() - 1) - 1865) <= 19,
                 qPrintable(QString::number(lines.size() - 1)));
    }

    void measureJson()
    {
        const Run r = runCli({QStringLiteral("measure"), QStringLiteral("demo:hr=70,seconds=20"),
                              QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        for (const char* key :
             {"heart_rate_bpm", "rr_mean_ms", "sdnn_ms", "rmssd_ms", "pnn50_percent", "pr_ms",
              "qrs_ms", "qt_ms", "qtc_bazett_ms", "qtc_fridericia_ms", "p_axis_deg", "qrs_axis_deg",
              "t_axis_deg", "findings", "windows"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QVERIFY(std::abs(o.value(QStringLiteral("heart_rate_bpm")).toDouble() - 70.0) < 3.5);
        QCOMPARE(o.value(QStringLiteral("windows")).toArray().size(), 2);
        const QJsonArray findings = o.value(QStringLiteral("findings")).toArray();
        QVERIFY(!findings.isEmpty());
        QCOMPARE(findings.at(0).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("sinus_rhythm"));
    }

    /// mixedsignals records II, III and V: measure --json lists ST levels of the limb leads
    /// computed from II and III too, marked, and they obey the leads' definitions (I = II - III,
    /// aVF = (II + III) / 2: Einthoven, Goldberger) within the printed 0.01 mV.
    void measureJsonMarksComputedLeads()
    {
        const QString rel = QStringLiteral("wfdb-samples/mixedsignals.hea");
        ECGLENS_REQUIRE_DATA(rel);
        const Run r = runCli(
            {QStringLiteral("measure"), ecglens::test::dataPath(rel), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray levels =
            QJsonDocument::fromJson(r.out).object().value(QStringLiteral("st_levels")).toArray();
        QMap<QString, QJsonObject> byLead;
        for (const auto& l : levels)
            byLead.insert(l.toObject().value(QStringLiteral("lead")).toString(), l.toObject());
        QCOMPARE(byLead.keys(),
                 (QStringList{QStringLiteral("I"), QStringLiteral("II"), QStringLiteral("III"),
                              QStringLiteral("V"), QStringLiteral("aVF"), QStringLiteral("aVL"),
                              QStringLiteral("aVR")}));
        for (const auto& [lead, o] : byLead.asKeyValueRange())
            QCOMPARE(o.value(QStringLiteral("computed")).toBool(),
                     lead != QLatin1String("II") && lead != QLatin1String("III") &&
                         lead != QLatin1String("V"));
        for (const char* key : {"j_mv", "j60_mv"}) {
            const auto at = [&](const char* lead) {
                return byLead[QLatin1String(lead)].value(QLatin1String(key)).toDouble();
            };
            QVERIFY2(std::abs(at("I") - (at("II") - at("III"))) <= 0.0101, key);
            QVERIFY2(std::abs(at("aVF") - (at("II") + at("III")) / 2) <= 0.0101, key);
        }
    }

    /// PTB-XL 00143 (statement PACE) at 500 Hz: `measure --json` lists the stimuli searched on
    /// its 12 leads, one before each of its 12 beats (within the 450 ms before R, by `beats`),
    /// and the finding with the same times; `analyze` warns beside the verdict. At 100 Hz the
    /// search is not made and the text says why.
    void measurePacemakerSpikes()
    {
        const QString paced = QStringLiteral("ptbxl/records500/00000/00143_hr.hea");
        const QString low = QStringLiteral("ptbxl/records100/00000/00143_lr.hea");
        ECGLENS_REQUIRE_DATA(paced);
        ECGLENS_REQUIRE_DATA(low);
        const Run r = runCli(
            {QStringLiteral("measure"), ecglens::test::dataPath(paced), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        const QJsonObject p = root.value(QStringLiteral("pacemaker_spikes")).toObject();
        QCOMPARE(p.value(QStringLiteral("searched")).toBool(), true);
        QCOMPARE(p.value(QStringLiteral("fs_hz")).toDouble(), 500.0);
        QCOMPARE(p.value(QStringLiteral("leads")).toInt(), 12);
        QCOMPARE(p.value(QStringLiteral("paced_beats")).toInt(), 12);
        const QJsonArray times = p.value(QStringLiteral("times_s")).toArray();
        QCOMPARE(times.size(), 12);

        const Run b = runCli(
            {QStringLiteral("beats"), ecglens::test::dataPath(paced), QStringLiteral("--json")});
        QCOMPARE(b.exitCode, 0);
        const QJsonDocument beatsDoc = QJsonDocument::fromJson(b.out);
        const QJsonArray beats = beatsDoc.isArray()
                                     ? beatsDoc.array()
                                     : beatsDoc.object().value(QStringLiteral("beats")).toArray();
        QCOMPARE(beats.size(), 12);
        for (int i = 0; i < 12; ++i) {
            const double r = beats[i].toObject().value(QStringLiteral("time_s")).toDouble();
            const double t = times[i].toDouble();
            QVERIFY2(t <= r + 0.010 && t >= r - 0.450,
                     qPrintable(QStringLiteral("stimulus %1 s, beat %2 s").arg(t).arg(r)));
        }
        bool found = false;
        for (const auto& f : root.value(QStringLiteral("findings")).toArray())
            if (f.toObject().value(QStringLiteral("code")).toString() ==
                QLatin1String("pacemaker_spikes")) {
                found = true;
                QCOMPARE(f.toObject().value(QStringLiteral("times_s")).toArray().size(), 12);
                QCOMPARE(f.toObject().value(QStringLiteral("text")).toString(),
                         QStringLiteral("Pacemaker spikes before 12 of 12 beats, first at %1")
                             .arg(QString::fromStdString(ecglens::dsp::findingClock(
                                 beats[0].toObject().value(QStringLiteral("time_s")).toDouble()))));
            }
        QVERIFY(found);

        const Run a = runCli({QStringLiteral("analyze"), ecglens::test::dataPath(paced)});
        QVERIFY(a.exitCode == 0 || a.exitCode == 3);
        QVERIFY2(a.out.contains("Warning:     pacemaker spikes before 12 of 12 beats: the "
                                "detector's verdict does not apply to paced beats"),
                 a.out.constData());

        const Run l = runCli({QStringLiteral("measure"), ecglens::test::dataPath(low)});
        QCOMPARE(l.exitCode, 0);
        QVERIFY2(l.out.contains("pacemaker spikes\tnot searched (needs ECG leads sampled at 250 Hz "
                                "or more)"),
                 l.out.constData());
        QVERIFY(!l.out.contains("Pacemaker spikes before"));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("missing file")
            << QStringList{QStringLiteral("measure"), QStringLiteral("/nonexistent/x.hea")};
        QTest::newRow("beats missing file")
            << QStringList{QStringLiteral("beats"), QStringLiteral("/nonexistent/x.hea")};
        QTest::newRow("unknown lead")
            << QStringList{QStringLiteral("beats"), QStringLiteral("demo:"),
                           QStringLiteral("--lead"), QStringLiteral("V9")};
        QTest::newRow("bad mains")
            << QStringList{QStringLiteral("measure"), QStringLiteral("demo:"),
                           QStringLiteral("--mains"), QStringLiteral("55")};
        QTest::newRow("no file") << QStringList{QStringLiteral("measure")};
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        const Run r = runCli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.trimmed().isEmpty());
        if (args.size() > 1) // usage errors may print the help text; input errors one line
            QCOMPARE(r.err.trimmed().count('\n'), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliDsp)
#include "tst_cli_dsp.moc"
