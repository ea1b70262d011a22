// The shipped model (integrity, refusal of tampered copies), analyse() on synthetic input
// (windows, cancellation) and the CLI pipeline: train one epoch on a handful of records, then
// analyze with it, and analyze --json with the shipped model on a normal and an abnormal record.
#include "core/sha256.h"
#include "io/open.h"
#include "ml/ambulatory.h"
#include "ml/detector.h"
#include "ml/evaluation.h"
#include "ml/json_lite.h"
#include "ml/messages.h"
#include "ml/model_files.h"
#include "ml/net.h"
#include "ml/preprocess.h"
#include "ml/ptbxl.h"
#include "test_data.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace ecglens;

namespace {

QString shippedDir()
{
    return QStringLiteral(ECGLENS_MODELS_DIR "/resnet1d");
}

bool copyDir(const QString& from, const QString& to)
{
    QDir().mkpath(to);
    for (const QString& f : QDir(from).entryList(QDir::Files))
        if (!QFile::copy(from + QLatin1Char('/') + f, to + QLatin1Char('/') + f))
            return false;
    return true;
}

/// Runs ecglens-cli (with `env` added to the environment); returns stdout, sets exit code and
/// stderr.
QByteArray runCli(const QStringList& args, int& exitCode, QByteArray* err = nullptr,
                  int timeoutMs = 120000, const QStringList& env = {})
{
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(ecglens::test::environmentWith(env));
    p.start(test::cliPath(), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        exitCode = -1;
        return {};
    }
    exitCode = p.exitCode();
    if (err)
        *err = p.readAllStandardError();
    return p.readAllStandardOutput();
}

Recording synthetic(double seconds, double fs, int leads)
{
    Recording r;
    r.fsHz = fs;
    const char* names[] = {"MLII", "V1", "V5"};
    for (int k = 0; k < leads; ++k) {
        Lead l;
        l.name = names[k % 3];
        l.fsHz = fs;
        l.samples.resize(std::size_t(seconds * fs));
        for (std::size_t i = 0; i < l.samples.size(); ++i) {
            const double t = double(i) / fs;
            const double phase = std::fmod(t, 0.8) / 0.8; // 75 bpm
            l.samples[i] = float(std::exp(-std::pow((phase - 0.3) / 0.015, 2)) * (1.0 + 0.2 * k) +
                                 0.2 * std::exp(-std::pow((phase - 0.6) / 0.05, 2)));
        }
        r.leads.push_back(l);
    }
    return r;
}

} // namespace

class TstMlModel : public QObject
{
    Q_OBJECT

private slots:
    void shippedModelLoadsAndShaMatches()
    {
        // The expected SHA-256 of manifest.json was computed with coreutils sha256sum at commit.
        QFile ref(QStringLiteral(ECGLENS_ML_TEST_DIR "/shipped_model.sha256"));
        QVERIFY2(ref.open(QIODevice::ReadOnly), "tests/ml/shipped_model.sha256 missing");
        const QString expected =
            QString::fromLatin1(ref.readAll()).section(QLatin1Char(' '), 0, 0).trimmed();
        QElapsedTimer timer;
        timer.start();
        auto d = ml::Detector::load(shippedDir().toStdString());
        QVERIFY2(d.ok(), d.error().c_str());
        QCOMPARE(QString::fromStdString(d->info().sha256), expected);
        QVERIFY(d->info().thresholds.borderline <= d->info().thresholds.anomalous);
        QCOMPARE(d->info().name, std::string("resnet1d"));
        qInfo("model load %lld ms", static_cast<long long>(timer.elapsed()));
        QVERIFY(!ml::defaultModelDir().empty());
    }

    void shippedThresholdsOrdered()
    {
        auto d = ml::Detector::load(shippedDir().toStdString());
        QVERIFY2(d.ok(), d.error().c_str());
        const ml::ModelInfo info = d->info();
        QCOMPARE(info.ageGroupThresholds.size(), std::size_t(3));
        double minA = 1.0, minB = 1.0;
        for (const auto& [group, t] : info.ageGroupThresholds) {
            QVERIFY2(t.borderline < t.anomalous, group.c_str());
            QVERIFY2(t.borderline > 0.0 && t.anomalous < 1.0, group.c_str());
            minA = std::min(minA, t.anomalous);
            minB = std::min(minB, t.borderline);
        }
        // Unknown age: the most sensitive (lowest) of the groups' thresholds.
        QCOMPARE(info.thresholds.anomalous, minA);
        QCOMPARE(info.thresholds.borderline, minB);
    }

    /// Reduced lead sets carry their own thresholds (same rule, same held-out records scored with
    /// those leads); a 2-lead MIT-BIH record is analysed with the "2" set's, a 12-lead PTB-XL
    /// record with the 12-lead ones, both as written in model.json.
    void leadSetThresholdsApplied()
    {
        auto d = ml::Detector::load(shippedDir().toStdString());
        QVERIFY2(d.ok(), d.error().c_str());
        const auto text = ml::readTextFile(shippedDir().toStdString() + "/model.json");
        QVERIFY(text.ok());
        const auto model = ml::Json::parse(*text);
        QVERIFY(model.ok());
        QCOMPARE(d->info().leadSetThresholds.size(), std::size_t(3));
        for (const auto& s : d->info().leadSetThresholds) {
            QCOMPARE(s.byAgeGroup.size(), std::size_t(3));
            for (const auto& [group, t] : s.byAgeGroup)
                QVERIFY2(t.borderline < t.anomalous, (s.leadSet + " " + group).c_str());
        }
        struct Case
        {
            QString record;
            std::string set;
            std::string unevaluated; ///< the leads the unevaluated-leads warning names, if any
        };
        // MIT-BIH 220 is MLII + V1 (set 2 itself); MIT-BIH 100 is MLII + V5, which the model has
        // no thresholds for: those of II alone, with a warning. mixedsignals (II, III and a
        // chest lead named "V") has I, aVR, aVL, aVF computed: the 6 limb leads.
        for (const Case& c : {Case{QStringLiteral("mitdb/220.hea"), "2", ""},
                              Case{QStringLiteral("wfdb-samples/mixedsignals.hea"), "limb6", ""},
                              Case{QStringLiteral("ptbxl/records100/00000/00008_lr.hea"), "12", ""},
                              Case{QStringLiteral("wfdb-samples/100.hea"), "1",
                                   "(II + V5); those of the nearest lead set (II) are used"}}) {
            ECGLENS_REQUIRE_DATA(c.record);
            const auto rec = io::open(test::dataPath(c.record).toStdString());
            QVERIFY2(rec.ok(), rec.error().c_str());
            ml::AnalysisOptions opt;
            opt.ageYears = 50.0; // group 40-64
            const auto a = ml::analyse(*d, *rec, opt);
            QVERIFY2(a.ok(), a.error().c_str());
            QCOMPARE(a->thresholdLeadSet, c.set);
            const auto unevaluated =
                std::find_if(a->warnings.begin(), a->warnings.end(), [](const Message& w) {
                    return w.id == ml::messages::kUnevaluatedLeads.id;
                });
            if (c.unevaluated.empty())
                QVERIFY2(unevaluated == a->warnings.end(), c.record.toUtf8().constData());
            else
                QVERIFY2(unevaluated != a->warnings.end() &&
                             unevaluated->text.find(c.unevaluated) != std::string::npos,
                         c.record.toUtf8().constData());
            const ml::Json& th =
                c.set == "12" ? (*model)["thresholds"] : (*model)["thresholds_by_lead_set"][c.set];
            QCOMPARE(a->thresholds.anomalous, th["by_age_group"]["40-64"]["anomalous"].number(-1));
            QCOMPARE(a->thresholds.borderline,
                     th["by_age_group"]["40-64"]["borderline"].number(-1));
        }
        // No verdict without lead II: 03700181 is an intensive-care record whose only ECG is the
        // monitoring lead MCL1, read as V1, on which alone the model is at chance (the model
        // card's v1 row).
        {
            const QString rel = QStringLiteral("wfdb-samples/03700181.hea");
            ECGLENS_REQUIRE_DATA(rel);
            const auto rec = io::open(test::dataPath(rel).toStdString());
            QVERIFY2(rec.ok(), rec.error().c_str());
            const auto a = ml::analyse(*d, *rec);
            QVERIFY(!a.ok());
            QVERIFY(a.errorMessage() && a.errorMessage()->id == ml::messages::kLeadsUnsupported.id);
            QVERIFY2(a.error().rfind("no verdict on V1 alone", 0) == 0, a.error().c_str());
        }
        QVERIFY(ml::containsLeadSet(ml::leadSetMask("limb6"), {"limb6", "2", "1"}));
        QVERIFY(!ml::containsLeadSet(ml::leadSetMask("chest6"), {"limb6", "2", "1"}));
        QVERIFY(!ml::containsLeadSet(ml::leadSetMask("v5"), {"limb6", "2", "1"}));
        QVERIFY(ml::containsLeadSet(ml::leadSetMask("12"), {}));
        // The reduced sets' thresholds differ from the 12-lead ones (else this proves nothing).
        QVERIFY(d->thresholdsFor(50.0, "2").anomalous != d->thresholdsFor(50.0).anomalous);
    }

    /// A recording of two limb leads is analysed as the 6 limb leads, the other four computed
    /// (ml::deriveLimbLeads), at the 6-limb-lead thresholds: the probability of a PTB-XL record
    /// reduced to I + II, or to I + III, equals that of the same record reduced to its six
    /// recorded limb leads (the cart's own III, aVR, aVL, aVF), which is what the model card's
    /// limb6 row measures.
    void derivedLimbLeadsAnalysed()
    {
        auto d = ml::Detector::load(shippedDir().toStdString());
        QVERIFY2(d.ok(), d.error().c_str());
        const QString rel = QStringLiteral("ptbxl/records500/00000/00001_hr.hea");
        ECGLENS_REQUIRE_DATA(rel);
        const auto full = io::open(test::dataPath(rel).toStdString());
        QVERIFY2(full.ok(), full.error().c_str());
        auto keep = [&](std::initializer_list<const char*> names) {
            Recording r = *full;
            r.leads.clear();
            for (const Lead& l : full->leads)
                for (const char* n : names)
                    if (l.name == n)
                        r.leads.push_back(l);
            return r;
        };
        ml::AnalysisOptions opt;
        opt.ageYears = 56.0;
        const auto limb = ml::analyse(*d, keep({"I", "II", "III", "aVR", "aVL", "aVF"}), opt);
        QVERIFY2(limb.ok(), limb.error().c_str());
        QCOMPARE(limb->thresholdLeadSet, std::string("limb6"));
        for (const auto& names : {std::initializer_list<const char*>{"I", "II"},
                                  std::initializer_list<const char*>{"I", "III"}}) {
            const auto two = ml::analyse(*d, keep(names), opt);
            QVERIFY2(two.ok(), two.error().c_str());
            QCOMPARE(two->thresholdLeadSet, std::string("limb6"));
            QCOMPARE(ml::leadNames(two->leadsUsed, ", "), std::string("I, II, III, aVR, aVL, aVF"));
            QVERIFY2(
                std::fabs(two->probability - limb->probability) < 0.005,
                qPrintable(
                    QStringLiteral("%1 against %2").arg(two->probability).arg(limb->probability)));
            QCOMPARE(two->verdict, limb->verdict);
            QCOMPARE(two->thresholds.anomalous, limb->thresholds.anomalous);
            bool derivedWarning = false, unevaluated = false;
            for (const Message& w : two->warnings) {
                derivedWarning = derivedWarning || w.id == ml::messages::kDerivedLeads.id;
                unevaluated = unevaluated || w.id == ml::messages::kUnevaluatedLeads.id;
            }
            QVERIFY(derivedWarning);
            QVERIFY(!unevaluated);
        }
        // Lead II alone stays at lead II's thresholds: nothing to compute from.
        const auto one = ml::analyse(*d, keep({"II"}), opt);
        QVERIFY2(one.ok(), one.error().c_str());
        QCOMPARE(one->thresholdLeadSet, std::string("1"));
        QVERIFY(one->probability != limb->probability);
    }

    /// The banner says when the limb leads break Einthoven's law (the model's input amplitudes
    /// are then suspect): on LUDB 1 (its copy here scales each lead to 1 mV) and on
    /// wfdb-samples/100_3chan (MIT-BIH channels labelled I, II, III), not on PTB-XL 00001.
    void inconsistentLimbLeadsWarned()
    {
        auto d = ml::Detector::load(shippedDir().toStdString());
        QVERIFY2(d.ok(), d.error().c_str());
        for (const auto& [rel, expected] :
             {std::pair{QStringLiteral("ludb/data/1.hea"), true},
              std::pair{QStringLiteral("wfdb-samples/100_3chan.hea"), true},
              std::pair{QStringLiteral("ptbxl/records500/00000/00001_hr.hea"), false}}) {
            ECGLENS_REQUIRE_DATA(rel);
            const auto rec = io::open(test::dataPath(rel).toStdString());
            QVERIFY2(rec.ok(), rec.error().c_str());
            const auto a = ml::analyse(*d, *rec);
            QVERIFY2(a.ok(), a.error().c_str());
            const bool warned =
                std::any_of(a->warnings.begin(), a->warnings.end(), [](const Message& w) {
                    return w.id == ml::messages::kLimbLeadsInconsistent.id;
                });
            QVERIFY2(warned == expected, qPrintable(rel));
        }
    }

    /// Leads the model does not know are named in a warning when they may be ECG leads (the
    /// Frank leads vx, vy, vz; a chest lead named only "V"), not when they are other signals
    /// (arterial pressure, respiration, plethysmogram).
    void unknownLeadWarnings()
    {
        const struct
        {
            const char* record;
            std::vector<std::string> named;
        } cases[] = {{"wfdb-samples/s0010_re.hea", {"vx", "vy", "vz"}},
                     {"wfdb-samples/03700181.hea", {}},
                     {"wfdb-samples/mixedsignals.hea", {"V"}}};
        for (const auto& c : cases) {
            const QString rel = QString::fromLatin1(c.record);
            ECGLENS_REQUIRE_DATA(rel);
            const auto rec = io::open(test::dataPath(rel).toStdString());
            QVERIFY2(rec.ok(), rec.error().c_str());
            const auto p = ml::prepareSignal(*rec);
            QVERIFY2(p.ok(), p.error().c_str());
            std::vector<std::string> named;
            for (const Message& w : p->warnings)
                if (w.id == ml::messages::kUnknownLead.id)
                    named.push_back(w.args.at(0));
            QCOMPARE(named, c.named);
        }
    }

    /// The ensemble's output is the mean of its members' log-odds; a member never learns from
    /// the labels of its held-out examples (cross-fitting): flipping those labels leaves it
    /// bit-identical, while the members that do learn from them change.
    void outOfFoldEstimateMatchesTraining()
    {
        // evaluate's out-of-fold estimate (Detector::memberLogits, the held-out member per record)
        // must reproduce the out-of-fold AUC the trainer recorded in config.json through its own
        // prediction path when the model was trained.
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/ptbxl_database.csv"));
        ml::EvaluationConfig cfg;
        cfg.dataDir = test::dataDir().toStdString();
        cfg.modelDir = shippedDir().toStdString();
        cfg.ambulatory = false;
        cfg.bootstrapRounds = 200;
        const auto metrics = ml::evaluateModel(cfg);
        QVERIFY2(metrics.ok(), metrics.error().c_str());
        const ml::Json& oof = (*metrics)["out_of_fold"];
        QVERIFY2(oof.isObject(), "no out_of_fold section for the cross-fitted shipped model");
        QFile f(shippedDir() + QStringLiteral("/config.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject config = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(oof["n"].number(), config[QStringLiteral("train_records")].toDouble());
        const double recorded = config[QStringLiteral("fold9_auc_by_lead_set")]
                                    .toObject()[QStringLiteral("12")]
                                    .toDouble();
        QVERIFY(recorded > 0.5);
        QVERIFY2(std::fabs(oof["auc"]["value"].number() - recorded) < 1e-6,
                 qPrintable(QStringLiteral("out-of-fold AUC %1, recorded at training %2")
                                .arg(oof["auc"]["value"].number())
                                .arg(recorded)));
        // The human-validated subset: counted here from the CSV (RFC 4180 quoting by hand).
        QFile csv(test::dataPath(QStringLiteral("ptbxl/ptbxl_database.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        auto cellsOf = [](const QByteArray& line) {
            QList<QByteArray> cells{QByteArray()};
            bool quoted = false;
            for (char c : line) {
                if (c == '"')
                    quoted = !quoted;
                else if (c == ',' && !quoted)
                    cells.append(QByteArray());
                else
                    cells.last().append(c);
            }
            return cells;
        };
        const QList<QByteArray> header = cellsOf(csv.readLine().trimmed());
        const auto foldCol = header.indexOf("strat_fold");
        const auto validatedCol = header.indexOf("validated_by_human");
        QVERIFY(foldCol >= 0 && validatedCol >= 0);
        int validated = 0;
        while (!csv.atEnd()) {
            const QList<QByteArray> cells = cellsOf(csv.readLine().trimmed());
            const int fold = cells.value(foldCol).toInt();
            if (fold >= 1 && fold <= 9 && cells.value(validatedCol) == "True")
                ++validated;
        }
        QVERIFY(validated > 0);
        QCOMPARE(oof["validated_by_human"]["n"].number(), double(validated));
        // The age groups partition the records with a known age.
        double groups = 0;
        for (const auto& [name, g] : oof["by_age_group"].members())
            groups += g["n"].number();
        QVERIFY(groups <= oof["n"].number() && groups > 0.95 * oof["n"].number());
    }

    void crossFittedMembersIsolated()
    {
        ml::NetSpec spec;
        spec.members = 3;
        spec.width = 8;
        const int batch = 6;
        std::vector<float> x(std::size_t(batch) * 12 * 1000);
        for (std::size_t i = 0; i < x.size(); ++i)
            x[i] =
                float(std::sin(0.013 * double(i)) + 0.3 * std::cos(0.0007 * double(i * i % 977)));
        std::vector<float> y{0, 1, 0, 1, 1, 0}, flipped = y;
        std::vector<float> mask(std::size_t(batch) * 3, 1.0f);
        for (int i : {1, 4}) { // examples held out from member 0
            mask[std::size_t(i) * 3] = 0.0f;
            flipped[std::size_t(i)] = 1.0f - y[std::size_t(i)];
        }
        auto a = ml::Net::create(spec, 11);
        QVERIFY(a.ok());
        const auto members = a->forwardMembers(x.data(), batch);
        const auto mean = a->forward(x.data(), batch);
        QCOMPARE(members.size(), std::size_t(batch) * 3);
        for (int i = 0; i < batch; ++i) {
            const float m = (members[std::size_t(i) * 3] + members[std::size_t(i) * 3 + 1] +
                             members[std::size_t(i) * 3 + 2]) /
                            3.0f;
            QVERIFY(std::fabs(m - mean[std::size_t(i)]) < 1e-5f);
        }
        // Same seed right before each run: identical initial weights and dropout draws.
        a = ml::Net::create(spec, 11);
        for (int step = 0; step < 3; ++step)
            a->trainStepMasked(x.data(), y.data(), mask.data(), batch);
        auto b = ml::Net::create(spec, 11);
        QVERIFY(b.ok());
        for (int step = 0; step < 3; ++step)
            b->trainStepMasked(x.data(), flipped.data(), mask.data(), batch);
        const auto ma = a->forwardMembers(x.data(), batch);
        const auto mb = b->forwardMembers(x.data(), batch);
        double diffOthers = 0;
        for (int i = 0; i < batch; ++i) {
            QCOMPARE(mb[std::size_t(i) * 3], ma[std::size_t(i) * 3]);
            diffOthers += std::fabs(ma[std::size_t(i) * 3 + 1] - mb[std::size_t(i) * 3 + 1]);
        }
        QVERIFY(diffOthers > 1e-4);
    }

    /// Auxiliary heads respect cross-fitting (a member's held-out examples reach it through
    /// neither loss), shape the shared trunk, and are not saved.
    void auxiliaryHeadsRespectHeldOutExamples()
    {
        ml::NetSpec spec;
        spec.members = 3;
        spec.width = 8;
        const int batch = 6, nAux = 2;
        std::vector<float> x(std::size_t(batch) * 12 * 1000);
        for (std::size_t i = 0; i < x.size(); ++i)
            x[i] = float(std::sin(0.011 * double(i)) + 0.2 * std::cos(0.0009 * double(i % 1231)));
        const std::vector<float> y{0, 1, 0, 1, 1, 0};
        std::vector<float> aux{0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 1, 0}, flipped = aux;
        std::vector<float> mask(std::size_t(batch) * 3, 1.0f);
        for (int i : {1, 4}) { // held out from member 0: flip only their auxiliary labels
            mask[std::size_t(i) * 3] = 0.0f;
            for (int a = 0; a < nAux; ++a)
                flipped[std::size_t(i * nAux + a)] = 1.0f - aux[std::size_t(i * nAux + a)];
        }
        auto train = [&](const std::vector<float>& targets) {
            auto net = ml::Net::create(spec, 5);
            if (!net || !net->enableAuxiliary(nAux))
                qFatal("cannot create the network");
            for (int step = 0; step < 3; ++step)
                net->trainStepMasked(x.data(), y.data(), mask.data(), batch, 1.0f, targets.data(),
                                     0.5f);
            return std::move(*net);
        };
        const ml::Net a = train(aux);
        const ml::Net b = train(flipped);
        const auto ma = a.forwardMembers(x.data(), batch);
        const auto mb = b.forwardMembers(x.data(), batch);
        double diffOthers = 0;
        for (int i = 0; i < batch; ++i) {
            QCOMPARE(mb[std::size_t(i) * 3], ma[std::size_t(i) * 3]);
            diffOthers += std::fabs(ma[std::size_t(i) * 3 + 1] - mb[std::size_t(i) * 3 + 1]);
        }
        QVERIFY2(diffOthers > 1e-4, "the auxiliary labels did not reach the shared layers");

        // The saved weights have the inference layout: they load into a plain network.
        QTemporaryDir tmp;
        const std::string path = QString(tmp.path() + QStringLiteral("/w.pt")).toStdString();
        QVERIFY(a.save(path));
        const auto bytes = ml::readTextFile(path);
        QVERIFY(bytes.ok());
        auto plain = ml::Net::load(spec, *bytes, path);
        QVERIFY2(plain.ok(), plain.error().c_str());
        QCOMPARE(plain->parameterCount(), a.parameterCount());
        const auto reloaded = plain->forwardMembers(x.data(), batch);
        QCOMPARE(reloaded.size(), ma.size());
        for (std::size_t i = 0; i < ma.size(); ++i) // batch norm folded again: rounding only
            QVERIFY(std::fabs(reloaded[i] - ma[i]) < 1e-5f);
    }

    /// PTB-XL's statement table: 44 diagnostic statements in 5 superclasses (Wagner et al. 2020),
    /// and the codes of a record's scp_codes.
    void ptbxlStatements()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/scp_statements.csv"));
        const auto classes = ml::readScpSuperclasses(test::dataDir().toStdString());
        QVERIFY2(classes.ok(), classes.error().c_str());
        QCOMPARE(classes->size(), std::size_t(44));
        std::map<std::string, int> perClass;
        for (const auto& [code, cls] : *classes)
            ++perClass[cls];
        QCOMPARE(perClass, (std::map<std::string, int>{
                               {"CD", 11}, {"HYP", 5}, {"MI", 14}, {"NORM", 1}, {"STTC", 13}}));
        QCOMPARE(classes->at("IMI"), std::string("MI"));
        QCOMPARE(classes->at("LVH"), std::string("HYP"));
        QCOMPARE(classes->at("CLBBB"), std::string("CD"));
        QCOMPARE(classes->at("NDT"), std::string("STTC"));
        QVERIFY(!classes->count("SR") && !classes->count("AFIB")); // rhythm statements

        const auto index = ml::readPtbxlIndex(test::dataDir().toStdString());
        QVERIFY2(index.ok(), index.error().c_str());
        // ptbxl_database.csv: ecg_id 1 "{'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}",
        // ecg_id 2 "{'NORM': 80.0, 'SBRAD': 0.0}".
        std::map<int, std::vector<std::string>> codes;
        for (const auto& e : *index)
            if (e.ecgId <= 2)
                codes[e.ecgId] = e.scpCodes;
        QCOMPARE(codes[1], (std::vector<std::string>{"NORM", "LVOLT", "SR"}));
        QCOMPARE(codes[2], (std::vector<std::string>{"NORM", "SBRAD"}));
    }

    /// The model card's list of missed abnormal test records (metrics.json missed_abnormal,
    /// written by evaluate) against the app itself: each listed record, opened and analysed as
    /// the app does (age and sex from the record's PTB-XL metadata, read by the I/O layer),
    /// gets the listed probability and the listed anomalous threshold, stays below it, and is
    /// abnormal by PTB-XL's label; the list is as long as the card's sensitivity implies.
    void missedAbnormalRecordsListed()
    {
        QFile f(shippedDir() + QStringLiteral("/metrics.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject metrics = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonArray missed = metrics[QStringLiteral("missed_abnormal")].toArray();
        const QJsonObject overall = metrics[QStringLiteral("overall")].toObject();
        const double nAbnormal = overall[QStringLiteral("n_abnormal")].toDouble();
        const double sensitivity =
            overall[QStringLiteral("sensitivity")].toObject()[QStringLiteral("value")].toDouble();
        QVERIFY(nAbnormal > 0);
        QCOMPARE(double(missed.size()), std::round(nAbnormal * (1.0 - sensitivity)));
        QVERIFY(!missed.isEmpty()); // fold 10 has misses; else this test checks nothing

        auto d = ml::Detector::load(shippedDir().toStdString());
        QVERIFY2(d.ok(), d.error().c_str());
        double previous = -1;
        for (const QJsonValue v : missed) {
            const QJsonObject m = v.toObject();
            const int id = m[QStringLiteral("ecg_id")].toInt();
            const QString record = QStringLiteral("ptbxl/records100/%1/%2_lr.hea")
                                       .arg(id / 1000 * 1000, 5, 10, QLatin1Char('0'))
                                       .arg(id, 5, 10, QLatin1Char('0'));
            ECGLENS_REQUIRE_DATA(record);
            const auto rec = io::open(test::dataPath(record).toStdString());
            QVERIFY2(rec.ok(), rec.error().c_str());
            const QJsonValue age = m[QStringLiteral("age")];
            QCOMPARE(rec->patient.ageYears.has_value(), age.isDouble());
            if (age.isDouble())
                QCOMPARE(*rec->patient.ageYears, age.toDouble());
            const Sex sex = rec->patient.sex;
            QCOMPARE(QString::fromLatin1(sex == Sex::Male     ? "male"
                                         : sex == Sex::Female ? "female"
                                                              : "unknown"),
                     m[QStringLiteral("sex")].toString());
            const auto a = ml::analyse(*d, *rec);
            QVERIFY2(a.ok(), a.error().c_str());
            const double p = m[QStringLiteral("probability")].toDouble();
            QVERIFY2(std::abs(a->probability - p) < 1e-6,
                     qPrintable(QStringLiteral("%1: %2 vs %3").arg(id).arg(a->probability).arg(p)));
            QVERIFY2(std::abs(a->thresholds.anomalous -
                              m[QStringLiteral("anomalous_threshold")].toDouble()) < 1e-9,
                     qPrintable(record));
            QVERIFY(a->probability < a->thresholds.anomalous);
            QVERIFY(a->verdict != ml::Verdict::Anomalous);
            QCOMPARE(a->probability < a->thresholds.borderline,
                     m[QStringLiteral("below_borderline")].toBool());
            // Abnormal by the label (no NORM >= 50 among the record's statements), and the
            // listed statements are the record's.
            QStringList codes;
            for (const auto& st : rec->statements) {
                QVERIFY2(!(st.code == "NORM" && st.likelihood >= 50), qPrintable(record));
                codes << QString::fromStdString(st.code);
            }
            QStringList listed;
            for (const QJsonValue c : m[QStringLiteral("scp_codes")].toArray())
                listed << c.toString();
            QCOMPARE(listed, codes);
            QVERIFY(p >= previous); // lowest probability first
            previous = p;
        }
    }

    /// ecglens-cli itself (not a probe) loads LibTorch only for commands that run a network:
    /// the dynamic loader's own trace (LD_DEBUG=libs) names libtorch_cpu for `analyze` and not
    /// for `info` or `measure`; without the module, `measure` still works and `analyze` fails
    /// with a message that names the module.
    void cliLoadsLibTorchOnlyForTheDetector()
    {
        const QString record = QStringLiteral("ptbxl/records100/00000/00001_lr.hea");
        ECGLENS_REQUIRE_DATA(record);
        const QString file = test::dataPath(record);
        const QStringList trace = {QStringLiteral("LD_DEBUG=libs")};
        for (const QString& command :
             {QStringLiteral("info"), QStringLiteral("measure"), QStringLiteral("analyze")}) {
            int code = -1;
            QByteArray err;
            runCli({command, file}, code, &err, 120000, trace);
            QCOMPARE(code, 0);
            QCOMPARE(err.contains("libtorch_cpu.so"), command == QLatin1String("analyze"));
            QCOMPARE(err.contains("libecglens_torch.so"), command == QLatin1String("analyze"));
        }
        const QStringList noModule = {
            QStringLiteral("ECGLENS_TORCH_MODULE=/nonexistent/libecglens_torch.so")};
        int code = -1;
        QByteArray err;
        const QByteArray measured =
            runCli({QStringLiteral("measure"), file}, code, &err, 120000, noModule);
        QCOMPARE(code, 0);
        QVERIFY2(measured.contains("heart rate"), measured.constData());
        runCli({QStringLiteral("analyze"), file}, code, &err, 120000, noModule);
        QVERIFY(code != 0);
        QVERIFY2(err.contains("The detector's LibTorch module (libecglens_torch.so) could not be "
                              "loaded. Tried: /nonexistent/libecglens_torch.so"),
                 err.constData());
    }

    /// Calibration (Platt) is fitted on out-of-fold logits, each from the one member that never
    /// saw the record, but applied to the mean of the members' logits. That is sound only if the
    /// mean behaves like a single member on records none of them saw. LUDB's records (another
    /// source, unseen by every member): the members' logits correlate >= 0.95, the mean's spread
    /// is within 5 % of the members' average spread, and the calibrated mean differs from the
    /// members' average calibrated probability by < 0.01 on average (0.0061 when written).
    void ensembleMeanBehavesLikeAMemberOnUnseenRecords()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ludb/data/1.hea"));
        auto d = ml::Detector::load(shippedDir().toStdString());
        QVERIFY2(d.ok(), d.error().c_str());
        std::vector<ml::Window> windows;
        for (const QString& hea : QDir(test::dataPath(QStringLiteral("ludb/data")))
                                      .entryList({QStringLiteral("*.hea")}, QDir::Files)) {
            const auto rec =
                io::open(test::dataPath(QStringLiteral("ludb/data/") + hea).toStdString());
            QVERIFY2(rec.ok(), rec.error().c_str());
            const auto prepared = ml::prepareSignal(*rec);
            QVERIFY2(prepared.ok(), prepared.error().c_str());
            windows.push_back(ml::extractWindow(*prepared, 0));
        }
        QVERIFY(windows.size() >= 90);
        const auto members = d->memberLogits(windows);
        const auto mean = d->logits(windows);
        const std::size_t n = windows.size(), k = members.size() / n;
        QCOMPARE(k, std::size_t(3));
        const auto column = [&](std::size_t j) {
            std::vector<double> v(n);
            for (std::size_t i = 0; i < n; ++i)
                v[i] = j < k ? members[i * k + j] : mean[i];
            return v;
        };
        const auto meanSd = [&](const std::vector<double>& v) {
            double s = 0, s2 = 0;
            for (double x : v) {
                s += x;
                s2 += x * x;
            }
            const double mu = s / double(v.size());
            return std::make_pair(mu, std::sqrt(s2 / double(v.size()) - mu * mu));
        };
        double memberSd = 0;
        for (std::size_t a = 0; a < k; ++a) {
            const auto va = column(a);
            const auto [ma, sa] = meanSd(va);
            memberSd += sa / double(k);
            for (std::size_t b = a + 1; b < k; ++b) {
                const auto vb = column(b);
                const auto [mb, sb] = meanSd(vb);
                double c = 0;
                for (std::size_t i = 0; i < n; ++i)
                    c += (va[i] - ma) * (vb[i] - mb);
                const double r = c / double(n) / sa / sb;
                QVERIFY2(r >= 0.95,
                         qPrintable(QStringLiteral("members %1-%2: r %3").arg(a).arg(b).arg(r)));
            }
        }
        const double ensembleSd = meanSd(column(k)).second;
        QVERIFY2(std::abs(ensembleSd / memberSd - 1.0) < 0.05,
                 qPrintable(QStringLiteral("sd %1 vs %2").arg(ensembleSd).arg(memberSd)));
        double gap = 0;
        for (std::size_t i = 0; i < n; ++i) {
            double average = 0;
            for (std::size_t j = 0; j < k; ++j)
                average += d->probability(members[i * k + j]) / double(k);
            gap += std::abs(d->probability(mean[i]) - average) / double(n);
        }
        QVERIFY2(gap < 0.01, qPrintable(QString::number(gap)));
        qInfo("LUDB %zu records: member sd %.2f, ensemble sd %.2f, mean calibration gap %.4f", n,
              memberSd, ensembleSd, gap);
    }

    /// `ecglens-cli selftest`, the installation check: every check passes on this build (both
    /// libraries, the five shipped models, the baseline, the 72 bpm demo measured within 1 bpm,
    /// the detector reproducible); without the LibTorch module exactly the checks that need it
    /// fail, the others still pass, and the exit status says so.
    void selftestChecksTheInstallation()
    {
        int code = -1;
        QByteArray err;
        const QString out = QString::fromUtf8(runCli({QStringLiteral("selftest")}, code, &err));
        QCOMPARE(code, 0);
        const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 11);
        QCOMPARE(lines.filter(QRegularExpression(QStringLiteral("^ok  "))).size(), 10);
        QCOMPARE(lines.last(), QStringLiteral("All checks passed."));
        QVERIFY2(out.contains(QLatin1String("heart rate 7")), qPrintable(out));

        const QString broken = QString::fromUtf8(
            runCli({QStringLiteral("selftest")}, code, &err, 120000,
                   {QStringLiteral("ECGLENS_TORCH_MODULE=/nonexistent/libecglens_torch.so")}));
        QCOMPARE(code, 1);
        QStringList failed;
        for (const QString& line : broken.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (line.startsWith(QLatin1String("FAILED")))
                failed << line.mid(8, 34).trimmed();
        QCOMPARE(failed,
                 QStringList({QStringLiteral("LibTorch module"), QStringLiteral("model resnet1d"),
                              QStringLiteral("model cnn_lstm"),
                              QStringLiteral("detector on the demo")}));
        QVERIFY(broken.contains(QLatin1String("4 check(s) failed.")));
    }

    void tamperedModelRefused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("message");
        QTest::newRow("weights byte flipped")
            << QStringLiteral("weights.pt") << QStringLiteral("flip")
            << QStringLiteral("modified or damaged");
        QTest::newRow("thresholds edited")
            << QStringLiteral("model.json") << QStringLiteral("append")
            << QStringLiteral("modified or damaged");
        QTest::newRow("weights missing") << QStringLiteral("weights.pt") << QStringLiteral("remove")
                                         << QStringLiteral("missing");
        QTest::newRow("manifest missing")
            << QStringLiteral("manifest.json") << QStringLiteral("remove")
            << QStringLiteral("no manifest.json");
        QTest::newRow("manifest garbage") << QStringLiteral("manifest.json")
                                          << QStringLiteral("garbage") << QStringLiteral("damaged");
    }
    void tamperedModelRefused()
    {
        QFETCH(QString, file);
        QFETCH(QString, action);
        QFETCH(QString, message);
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/m");
        QVERIFY(copyDir(shippedDir(), dir));
        QVERIFY(ml::Detector::load(dir.toStdString()).ok()); // the untouched copy loads
        const QString path = dir + QLatin1Char('/') + file;
        QFile f(path);
        if (action == QLatin1String("remove")) {
            QVERIFY(f.remove());
        } else if (action == QLatin1String("append") || action == QLatin1String("garbage")) {
            QVERIFY(f.open(QIODevice::Append));
            f.write(action == QLatin1String("garbage") ? "}x" : " ");
            f.close();
        } else {
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(f.size() / 2);
            char c = 0;
            f.getChar(&c);
            f.seek(f.size() / 2);
            f.putChar(char(c ^ 0x01));
            f.close();
        }
        const auto d = ml::Detector::load(dir.toStdString());
        QVERIFY(!d.ok());
        QVERIFY2(QString::fromStdString(d.error()).contains(message), d.error().c_str());
    }

    // Windows against the reference annotations (the MIT-BIH check of evaluate): by hand, then
    // on real records whose annotation counts the MIT-BIH directory lists.
    void windowEventLabels()
    {
        std::vector<Annotation> ann;
        auto add = [&](double t, const char* code, std::string text = {}) {
            Annotation a;
            a.timeS = t;
            a.code = code;
            a.text = std::move(text);
            ann.push_back(a);
        };
        add(0.1, "+", "(N");
        add(1, "N");
        add(12, "V");
        add(13, "N");
        add(30, "+", "(AFIB");
        add(31, "N");
        add(40, "+", std::string("(N\0", 3)); // aux strings may carry a NUL
        add(44, "+");                         // a rhythm mark without text changes nothing
        add(47, "~");                         // noise: neither a beat nor a rhythm
        std::vector<ml::WindowResult> w;
        for (double s : {0, 5, 10, 15, 20, 25, 35, 40, 45})
            w.push_back({s, s + 10, 0.5});
        const std::vector<int> expected{0, 1, 1, 0, 0, 1, 1, 0, 0};
        QVERIFY(ml::windowEventLabels(ann, w) == expected);

        auto windowsOf = [](double seconds) {
            std::vector<ml::WindowResult> out;
            for (double s = 0; s + 10 <= seconds; s += 5)
                out.push_back({s, s + 10, 0.5});
            return out;
        };
        // MIT-BIH 100: normal sinus rhythm throughout, 33 A beats and 1 V beat in 30 min.
        const QString r100 = QStringLiteral("wfdb-samples/100.hea");
        ECGLENS_REQUIRE_DATA(r100);
        const auto rec100 = io::open(test::dataPath(r100).toStdString());
        QVERIFY2(rec100.ok(), rec100.error().c_str());
        const auto w100 = windowsOf(rec100->durationS());
        const auto y100 = ml::windowEventLabels(rec100->annotations, w100);
        int events = 0, nonNormal = 0;
        for (int v : y100)
            events += v;
        for (const Annotation& a : rec100->annotations)
            if (a.code == "A" || a.code == "V") {
                ++nonNormal;
                const std::size_t k = std::size_t(a.timeS / 5); // window starting at 5k s holds it
                QVERIFY(k >= w100.size() || y100[k] == 1);
            }
        QCOMPARE(nonNormal, 34);
        QVERIFY2(events >= 2 && events <= 2 * 34, qPrintable(QString::number(events)));
        // MIT-BIH 203: atrial flutter / fibrillation throughout: every window holds an event.
        const QString r203 = QStringLiteral("mitdb/203.hea");
        ECGLENS_REQUIRE_DATA(r203);
        const auto rec203 = io::open(test::dataPath(r203).toStdString());
        QVERIFY2(rec203.ok(), rec203.error().c_str());
        const auto y203 =
            ml::windowEventLabels(rec203->annotations, windowsOf(rec203->durationS()));
        QVERIFY(!y203.empty());
        QVERIFY(std::all_of(y203.begin(), y203.end(), [](int v) { return v == 1; }));
    }

    // Weights that are consistently checksummed and stamped but are not a network of the stated
    // shape (garbage, truncated, another width) are refused with a message, not a crash.
    void damagedButSignedWeightsRefused_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("garbage") << QStringLiteral("garbage");
        QTest::newRow("truncated") << QStringLiteral("truncated");
        QTest::newRow("empty") << QStringLiteral("empty");
        QTest::newRow("other width") << QStringLiteral("width");
    }
    void damagedButSignedWeightsRefused()
    {
        QFETCH(QString, damage);
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/m");
        QVERIFY(copyDir(shippedDir(), dir));
        const std::string d = dir.toStdString();
        auto text = ml::readTextFile(d + "/model.json");
        QVERIFY(text.ok());
        auto model = ml::Json::parse(*text);
        QVERIFY(model.ok());
        auto weights = ml::readTextFile(d + "/weights.pt");
        QVERIFY(weights.ok());
        std::string bytes = *weights;
        if (damage == QLatin1String("garbage"))
            bytes = std::string(4096, '\x5a');
        else if (damage == QLatin1String("truncated"))
            bytes.resize(bytes.size() / 2);
        else if (damage == QLatin1String("empty"))
            bytes.clear();
        else
            model->set("width", 16); // the shipped weights are width 12
        QVERIFY(ml::writeTextFile(d + "/weights.pt", bytes));
        QVERIFY(ml::stampVersion(d, *model, "weights.pt").ok());
        QVERIFY(ml::writeTextFile(d + "/model.json", model->dump() + "\n"));
        QVERIFY(ml::writeManifest(d, {"model.json", "weights.pt", "config.json"}).ok());
        const auto loaded = ml::Detector::load(d);
        QVERIFY(!loaded.ok());
        QVERIFY2(QString::fromStdString(loaded.error())
                     .contains(QStringLiteral("weights do not match the resnet1d architecture "
                                              "or are damaged")),
                 loaded.error().c_str());
    }

    // The manifest check keeps the bytes it hashed and the loaders use those: a weights file
    // replaced on disk after the check cannot slip in unverified.
    void verifiedBytesServeTheLoad()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/m");
        QVERIFY(copyDir(shippedDir(), dir));
        ml::VerifiedFiles verified;
        const auto sha = ml::verifyManifest(dir.toStdString(), &verified);
        QVERIFY2(sha.ok(), sha.error().c_str());
        const QString weightsPath = dir + QStringLiteral("/weights.pt");
        QFile original(weightsPath);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray onDisk = original.readAll();
        original.close();
        for (const char* name : {ml::kWeightsFile, ml::kModelFile}) {
            QVERIFY2(verified.count(name) == 1, name);
            const auto& v = verified.at(name);
            QCOMPARE(sha256Hex(v.bytes), v.sha256); // the hash is of these very bytes
        }
        QVERIFY(verified.at(ml::kWeightsFile).bytes ==
                std::string(onDisk.constData(), std::size_t(onDisk.size())));
        // Replace the weights after the check: what the loader gets is still the verified file.
        QVERIFY(QFile::remove(weightsPath));
        QFile swapped(weightsPath);
        QVERIFY(swapped.open(QIODevice::WriteOnly));
        swapped.write("not the verified weights");
        swapped.close();
        const auto bytes = ml::verifiedOrRead(dir.toStdString(), ml::kWeightsFile, &verified);
        QVERIFY(bytes.ok());
        QCOMPARE(sha256Hex(*bytes), verified.at(ml::kWeightsFile).sha256);
        const auto reread = ml::verifiedOrRead(dir.toStdString(), ml::kWeightsFile, nullptr);
        QVERIFY(reread.ok());
        QCOMPARE(*reread, std::string("not the verified weights"));
        // And a fresh load sees the swap.
        const auto d = ml::Detector::load(dir.toStdString());
        QVERIFY(!d.ok());
        QVERIFY2(QString::fromStdString(d.error()).contains(QStringLiteral("modified or damaged")),
                 d.error().c_str());
    }

    // A measurement model's folder given to the neural detector is refused by name, not as a
    // "mismatched manifest".
    void measurementModelRefusedByDetector()
    {
        const std::string dir = ECGLENS_MODELS_DIR "/gbm";
        const auto d = ml::Detector::load(dir);
        QVERIFY(!d.ok());
        QVERIFY2(QString::fromStdString(d.error()).contains(QStringLiteral("measurement model")),
                 d.error().c_str());
    }

    // The version names the content: editing model.json and regenerating the manifest (so the
    // checksums agree) still cannot pass off changed thresholds under the old version.
    void versionFollowsContent()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path() + QStringLiteral("/m");
        QVERIFY(copyDir(shippedDir(), dir));
        const std::string d = dir.toStdString();
        const std::vector<std::string> files{"model.json", "weights.pt", "config.json",
                                             "metrics.json", "MODEL_CARD.md"};
        const auto text = ml::readTextFile(d + "/model.json");
        QVERIFY(text.ok());
        auto model = ml::Json::parse(*text);
        QVERIFY(model.ok());
        const std::string version = (*model)["version"].string();
        // "<YYYY-MM-DD>+<12 hex>"
        QVERIFY2(version.size() == 23 && version[10] == '+', version.c_str());
        ml::Json th = (*model)["thresholds"];
        th.set("anomalous", 0.5);
        model->set("thresholds", th);
        QVERIFY(ml::writeTextFile(d + "/model.json", model->dump() + "\n"));
        QVERIFY(ml::writeManifest(d, files).ok());
        const auto refused = ml::Detector::load(d);
        QVERIFY(!refused.ok());
        QVERIFY2(
            QString::fromStdString(refused.error()).contains(QStringLiteral("does not end in")),
            refused.error().c_str());
        // Re-stamped, it loads under a new version.
        QVERIFY(ml::stampVersion(d, *model, "weights.pt").ok());
        QVERIFY(model->dump().find(version) == std::string::npos);
        QVERIFY(ml::writeTextFile(d + "/model.json", model->dump() + "\n"));
        QVERIFY(ml::writeManifest(d, files).ok());
        const auto loaded = ml::Detector::load(d);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        QCOMPARE(loaded->info().thresholds.anomalous, 0.5);
        QVERIFY(loaded->info().version != version);
    }

    void analyseWindowsAndCancel()
    {
        auto d = ml::Detector::load(shippedDir().toStdString());
        QVERIFY2(d.ok(), d.error().c_str());
        // 97 s, 3 leads at 250 Hz: 10 s windows every 5 s -> starts 0..85 s (18 windows) plus
        // one that ends at the end (87-97 s).
        const Recording r = synthetic(97, 250, 3);
        const auto a = ml::analyse(*d, r);
        QVERIFY2(a.ok(), a.error().c_str());
        QCOMPARE(a->windows.size(), std::size_t(19));
        QCOMPARE(a->windows.front().startS, 0.0);
        QCOMPARE(a->windows.back().startS, 87.0);
        QCOMPARE(a->windows.back().endS, 97.0);
        for (const auto& w : a->windows)
            QVERIFY(w.probability >= 0 && w.probability <= 1);
        auto warned = [](const ml::Analysis& x, const char* text) {
            return std::any_of(x.warnings.begin(), x.warnings.end(), [&](const Message& w) {
                return w.text.find(text) != std::string::npos;
            });
        };
        QVERIFY(warned(*a, "only 3 of the 12"));
        // Longer than a minute: an ambulatory recording, outside the validation data.
        QVERIFY(warned(*a, "1.6 min long: the model was validated on 10 s resting ECGs only"));
        const auto shortOne = ml::analyse(*d, synthetic(60, 250, 3));
        QVERIFY(shortOne.ok());
        QVERIFY(!warned(*shortOne, "min long"));
        // Deterministic: the same input gives the same numbers.
        const auto b = ml::analyse(*d, r);
        QCOMPARE(b->probability, a->probability);
        // Cancellation through the progress callback.
        int calls = 0;
        const auto c =
            ml::analyse(*d, synthetic(600, 250, 3), {}, [&](double) { return ++calls < 2; });
        QVERIFY(!c.ok());
        QVERIFY(QString::fromStdString(c.error()).contains(QStringLiteral("cancelled")));
        // Batched logits equal one-by-one logits (what the XAI masking relies on).
        std::vector<ml::Window> batch(3, ml::Window::Zero(12, 1000));
        for (int k = 0; k < 3; ++k)
            batch[std::size_t(k)].row(1).setConstant(0.1f * float(k));
        const auto all = d->logits(batch);
        for (int k = 0; k < 3; ++k) {
            const auto one = d->logits({batch[std::size_t(k)]});
            QVERIFY(std::fabs(one[0] - all[std::size_t(k)]) < 1e-4f);
        }
    }

    void analyzeJson_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<QString>("extra");
        QTest::newRow("NORM 00001")
            << QStringLiteral("ptbxl/records100/00000/00001_lr.hea") << QString();
        QTest::newRow("IMI 00008")
            << QStringLiteral("ptbxl/records100/00000/00008_lr.hea") << QString();
        QTest::newRow("child age warning")
            << QStringLiteral("ptbxl/records100/00000/00001_lr.hea") << QStringLiteral("--age=12");
    }
    void analyzeJson()
    {
        QFETCH(QString, record);
        QFETCH(QString, extra);
        ECGLENS_REQUIRE_DATA(record);
        QStringList args{QStringLiteral("analyze"), test::dataPath(record),
                         QStringLiteral("--json"), QStringLiteral("--model"), shippedDir()};
        if (!extra.isEmpty())
            args << extra;
        int code = 0;
        QByteArray err;
        const QByteArray out = runCli(args, code, &err);
        QVERIFY2(code == 0, err.constData());
        const QJsonObject o = QJsonDocument::fromJson(out).object();
        for (const char* key : {"probability", "class", "windows", "flagged", "warnings", "model"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        const double p = o.value(QStringLiteral("probability")).toDouble(-1);
        QVERIFY(p >= 0 && p <= 1);
        QVERIFY(QStringList({QStringLiteral("normal"), QStringLiteral("borderline"),
                             QStringLiteral("anomalous")})
                    .contains(o.value(QStringLiteral("class")).toString()));
        QCOMPARE(o.value(QStringLiteral("windows")).toArray().size(), 1);
        const QJsonObject m = o.value(QStringLiteral("model")).toObject();
        QCOMPARE(m.value(QStringLiteral("sha256")).toString().size(), 64);
        QVERIFY(!m.value(QStringLiteral("version")).toString().isEmpty());
        QCOMPARE(o.value(QStringLiteral("thresholds"))
                     .toObject()
                     .value(QStringLiteral("lead_set"))
                     .toString(),
                 QStringLiteral("12"));
        if (!extra.isEmpty()) {
            const QJsonArray w = o.value(QStringLiteral("warnings")).toArray();
            bool found = false;
            for (const auto& v : w)
                found = found || v.toString().contains(QStringLiteral("12 years old"));
            QVERIFY(found);
        }
    }

    // An age no patient has is refused before anything runs ("nan" is a number to Qt's
    // toDouble and once gave "age nan" and paediatric advice).
    void analyzeRefusesImplausibleAges()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/records100/00000/00001_lr.hea"));
        for (const QString& age :
             {QStringLiteral("nan"), QStringLiteral("inf"), QStringLiteral("-1"),
              QStringLiteral("151"), QStringLiteral("abc")}) {
            int code = 0;
            QByteArray err;
            runCli({QStringLiteral("analyze"),
                    test::dataPath(QStringLiteral("ptbxl/records100/00000/00001_lr.hea")),
                    QStringLiteral("--age"), age},
                   code, &err);
            QCOMPARE(code, 2);
            const QByteArray expected =
                QByteArray("--age must be a number of years, got \"") + age.toUtf8() + '"';
            QVERIFY2(err.contains(expected), err.constData());
        }
    }

    void smokeTrainOneEpochThenAnalyze()
    {
        ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/ptbxl_database.csv"));
        QTemporaryDir tmp;
        const QString out = tmp.path() + QStringLiteral("/smoke");
        int code = 0;
        QByteArray err;
        runCli({QStringLiteral("train"), QStringLiteral("--data"), test::dataDir(),
                QStringLiteral("--model"), QStringLiteral("smoke"), QStringLiteral("--out"), out,
                QStringLiteral("--max-records"), QStringLiteral("16"), QStringLiteral("--epochs"),
                QStringLiteral("1"), QStringLiteral("--seed"), QStringLiteral("3"),
                QStringLiteral("--aux"), QStringLiteral("super")},
               code, &err);
        QVERIFY2(code == 0, err.constData());
        {
            // The shipped model's training path: the auxiliary superclasses are recorded.
            QFile f(out + QStringLiteral("/config.json"));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QJsonArray aux = QJsonDocument::fromJson(f.readAll())
                                       .object()[QStringLiteral("auxiliary_labels")]
                                       .toArray();
            QCOMPARE(aux, (QJsonArray{QStringLiteral("MI"), QStringLiteral("STTC"),
                                      QStringLiteral("CD"), QStringLiteral("HYP")}));
        }
        for (const char* f : {"weights.pt", "model.json", "config.json", "manifest.json"})
            QVERIFY2(QFile::exists(out + QLatin1Char('/') + QLatin1String(f)), f);
        const QByteArray json =
            runCli({QStringLiteral("analyze"),
                    test::dataPath(QStringLiteral("ptbxl/records100/00000/00008_lr.hea")),
                    QStringLiteral("--json"), QStringLiteral("--model"), out},
                   code, &err);
        QVERIFY2(code == 0, err.constData());
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        QCOMPARE(
            o.value(QStringLiteral("model")).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("smoke"));
        const double p = o.value(QStringLiteral("probability")).toDouble(-1);
        QVERIFY(p >= 0 && p <= 1);

        // Same seed, same weights: a second run must reproduce weights.pt byte for byte.
        const QString again = tmp.path() + QStringLiteral("/again");
        runCli({QStringLiteral("train"), QStringLiteral("--data"), test::dataDir(),
                QStringLiteral("--model"), QStringLiteral("smoke"), QStringLiteral("--out"), again,
                QStringLiteral("--max-records"), QStringLiteral("16"), QStringLiteral("--epochs"),
                QStringLiteral("1"), QStringLiteral("--seed"), QStringLiteral("3"),
                QStringLiteral("--aux"), QStringLiteral("super")},
               code, &err);
        QVERIFY2(code == 0, err.constData());
        const auto a = sha256File(QString(out + QStringLiteral("/weights.pt")).toStdString());
        const auto b = sha256File(QString(again + QStringLiteral("/weights.pt")).toStdString());
        QVERIFY(a && b);
        QCOMPARE(*b, *a);
    }
};

QTEST_GUILESS_MAIN(TstMlModel)
#include "tst_ml_model.moc"
