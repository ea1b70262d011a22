// The classical measurement models: logistic regression against scikit-learn (reference values
// computed once by make_logreg_reference.py, committed in logreg_reference.txt), the xgboost
// wrappers (TreeSHAP sums, importance, save/load, tampering), the features against
// `ecglens-cli measure --json`, and a smoke run of `ecglens-cli train --model logreg`.

#include "ml/classical.h"
#include "ml/features.h"
#include "ml/metrics.h"
#include "ml/ptbxl.h"

#include "test_data.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

using namespace ecglens;

namespace {

struct LogregReference
{
    Eigen::MatrixXd x;
    std::vector<int> y;
    std::map<double, std::vector<double>> fit;   // C -> coef..., intercept
    std::map<double, std::vector<double>> probs; // C -> p_i
    std::map<double, double> lbfgsObjective;     // C -> sklearn lbfgs objective value
};

LogregReference readLogregReference()
{
    LogregReference ref;
    std::ifstream in(ECGLENS_ML_TEST_DIR "/logreg_reference.txt");
    std::string line;
    std::vector<std::vector<double>> rows;
    while (std::getline(in, line)) {
        std::istringstream s(line);
        std::string tag;
        s >> tag;
        std::vector<double> v;
        double d;
        while (s >> d)
            v.push_back(d);
        if (tag == "data") {
            ref.y.push_back(int(v.back()));
            v.pop_back();
            rows.push_back(v);
        } else if (tag == "fit") {
            ref.fit[v[0]] = std::vector<double>(v.begin() + 1, v.end());
        } else if (tag == "lbfgs") {
            ref.lbfgsObjective[v[0]] = v[1];
        } else if (tag == "probs") {
            ref.probs[v[0]] = std::vector<double>(v.begin() + 1, v.end());
        }
    }
    ref.x.resize(Eigen::Index(rows.size()), rows.empty() ? 0 : Eigen::Index(rows[0].size()));
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = 0; j < rows[i].size(); ++j)
            ref.x(Eigen::Index(i), Eigen::Index(j)) = rows[i][j];
    return ref;
}

/// Deterministic synthetic data: 6 features from fixed formulas; the label is feature 2 > 0.3
/// (`threshold`), or a noisy mix of features 0, 1, 3 (otherwise).
void syntheticData(bool threshold, Eigen::MatrixXd& x, std::vector<int>& y)
{
    const int n = 400, p = 6;
    x.resize(n, p);
    y.clear();
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < p; ++j)
            x(i, j) = std::sin(0.37 * (i + 1) * (j + 1) + 0.5 * j) +
                      0.3 * std::cos(1.7 * i + 2.3 * j * j);
        if (i % 17 == 3)
            x(i, 4) = std::numeric_limits<double>::quiet_NaN(); // missing values
        const double score =
            threshold ? x(i, 2) - 0.3
                      : x(i, 0) - 0.7 * x(i, 1) + 0.5 * x(i, 3) * x(i, 0) + 0.4 * std::sin(5.1 * i);
        y.push_back(score > 0 ? 1 : 0);
    }
}

std::vector<std::pair<std::string, std::string>> boosterParams(const QString& kind)
{
    // "hist": xgboost's exact method draws per-node column samples from several threads.
    std::vector<std::pair<std::string, std::string>> p{
        {"objective", "binary:logistic"}, {"tree_method", "hist"}, {"seed", "3"}, {"nthread", "2"}};
    if (kind == QStringLiteral("forest")) {
        p.push_back({"num_parallel_tree", "50"});
        p.push_back({"learning_rate", "1"});
        p.push_back({"subsample", "0.632"});
        p.push_back({"colsample_bynode", "0.5"});
        p.push_back({"max_depth", "5"});
    } else {
        p.push_back({"learning_rate", "0.1"});
        p.push_back({"max_depth", "3"});
        p.push_back({"subsample", "0.8"});
    }
    return p;
}

int roundsFor(const QString& kind)
{
    return kind == QStringLiteral("forest") ? 1 : 40;
}

QJsonObject readJsonFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                       : QJsonObject();
}

QByteArray runCli(const QStringList& args, int& exitCode, int timeoutMs = 120000,
                  QByteArray* err = nullptr)
{
    QProcess p;
    p.start(test::cliPath(), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        exitCode = -1;
        return {};
    }
    exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    if (err)
        *err = p.readAllStandardError();
    return p.readAllStandardOutput();
}

QString modelsDir()
{
    return QStringLiteral(ECGLENS_MODELS_DIR);
}

bool copyFolder(const QString& from, const QString& to)
{
    if (!QDir().mkpath(to))
        return false;
    for (const QString& f : QDir(from).entryList(QDir::Files))
        if (!QFile::copy(from + QLatin1Char('/') + f, to + QLatin1Char('/') + f))
            return false;
    return true;
}

} // namespace

class TestMlClassical : public QObject
{
    Q_OBJECT

private slots:
    void logregMatchesSklearn_data();
    void logregMatchesSklearn();
    void preprocessorImputesAndScales();
    void treeShapSumsToMargin_data();
    void treeShapSumsToMargin();
    void importanceOnThresholdFeature_data();
    void importanceOnThresholdFeature();
    void boosterSaveLoadRoundTrip();
    void shippedModelsLoadAndTamperedRefused_data();
    void shippedModelsLoadAndTamperedRefused();
    void featuresMatchCliMeasure_data();
    void featuresMatchCliMeasure();
    void analyzeWithMeasurementModel();
    void explainMeasurementModel_data();
    void explainMeasurementModel();
    void shippedModelsMatchCurrentMeasurements();
    void trainLogregSmoke();
};

void TestMlClassical::logregMatchesSklearn_data()
{
    QTest::addColumn<double>("c");
    QTest::newRow("C=0.05 (strong penalty)") << 0.05;
    QTest::newRow("C=1") << 1.0;
    QTest::newRow("C=20 (weak penalty)") << 20.0;
}

void TestMlClassical::logregMatchesSklearn()
{
    QFETCH(double, c);
    const LogregReference ref = readLogregReference();
    QVERIFY2(
        ref.x.rows() == 50 && ref.fit.count(c) && ref.probs.count(c),
        "tests/ml/logreg_reference.txt is missing or incomplete (run make_logreg_reference.py)");
    const ml::LogisticFit fit = ml::fitLogistic(ref.x, ref.y, c);
    QVERIFY(fit.converged);
    const auto& expected = ref.fit.at(c);
    QCOMPARE(std::size_t(fit.coef.size()) + 1, expected.size());
    for (Eigen::Index j = 0; j < fit.coef.size(); ++j)
        QVERIFY2(std::fabs(fit.coef[j] - expected[std::size_t(j)]) < 1e-5,
                 qPrintable(QStringLiteral("coef %1: %2 vs sklearn %3")
                                .arg(j)
                                .arg(fit.coef[j], 0, 'g', 12)
                                .arg(expected[std::size_t(j)], 0, 'g', 12)));
    QVERIFY2(std::fabs(fit.intercept - expected.back()) < 1e-5,
             qPrintable(QStringLiteral("intercept %1 vs sklearn %2")
                            .arg(fit.intercept, 0, 'g', 12)
                            .arg(expected.back(), 0, 'g', 12)));
    // sklearn's objective C * sum(log loss) + 0.5 |w|^2 is no worse than lbfgs reached.
    double objective = 0.5 * fit.coef.squaredNorm();
    for (Eigen::Index i = 0; i < ref.x.rows(); ++i) {
        const double z = ref.x.row(i).dot(fit.coef) + fit.intercept;
        objective += c * (std::log1p(std::exp(-std::fabs(z))) + std::max(z, 0.0) -
                          ref.y[std::size_t(i)] * z);
    }
    QVERIFY2(objective <= ref.lbfgsObjective.at(c) + 1e-12,
             qPrintable(QStringLiteral("objective %1 vs sklearn lbfgs %2")
                            .arg(objective, 0, 'g', 15)
                            .arg(ref.lbfgsObjective.at(c), 0, 'g', 15)));
    const auto& probs = ref.probs.at(c);
    QCOMPARE(probs.size(), ref.y.size());
    for (Eigen::Index i = 0; i < ref.x.rows(); ++i) {
        const double p = ml::sigmoid(ref.x.row(i).dot(fit.coef) + fit.intercept);
        QVERIFY2(std::fabs(p - probs[std::size_t(i)]) < 1e-5,
                 qPrintable(QStringLiteral("row %1: p %2 vs sklearn %3")
                                .arg(i)
                                .arg(p)
                                .arg(probs[std::size_t(i)])));
    }
}

void TestMlClassical::preprocessorImputesAndScales()
{
    // Hand arithmetic: heart rate {60, 80, NaN} -> median 70, imputed {60, 80, 70}: mean 70,
    // population SD sqrt(200/3); its indicator {0, 0, 1}: mean 1/3, SD sqrt(2)/3.
    const std::size_t k = ml::rawFeatureNames().size();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<ml::FeatureRow> rows(3, ml::FeatureRow(k, 1.0));
    rows[0][0] = 60;
    rows[1][0] = 80;
    rows[2][0] = nan;
    const auto pre = ml::FeaturePreprocessor::fit(rows);
    QCOMPARE(pre.outputSize(), k + 1); // one indicator: only heart rate is ever missing
    QCOMPARE(pre.names().back(), ml::rawFeatureNames()[0] + "_missing");
    const auto t = pre.transform(rows[2]);
    QVERIFY(std::fabs(t[0] - 0.0) < 1e-12);
    QVERIFY(std::fabs(t.back() - (1.0 - 1.0 / 3.0) / (std::sqrt(2.0) / 3.0)) < 1e-12);
    const auto t0 = pre.transform(rows[0]);
    QVERIFY(std::fabs(t0[0] - (60.0 - 70.0) / std::sqrt(200.0 / 3.0)) < 1e-12);
    QVERIFY(std::fabs(t0[1]) < 1e-12); // constant column: centred, SD taken as 1
    // A feature never missing in training is imputed with its median at prediction time.
    ml::FeatureRow unseen(k, 1.0);
    unseen[1] = nan;
    QVERIFY(std::fabs(pre.transform(unseen)[1]) < 1e-12);
    // JSON round trip keeps the transform.
    const auto back = ml::FeaturePreprocessor::fromJson(*ml::Json::parse(pre.toJson().dump()));
    QVERIFY2(back.ok(), back.error().c_str());
    QVERIFY(std::fabs(back->transform(rows[0])[0] - t0[0]) < 1e-8);
}

void TestMlClassical::treeShapSumsToMargin_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("gradient boosting") << QStringLiteral("gbm");
    QTest::newRow("random forest") << QStringLiteral("forest");
}

void TestMlClassical::treeShapSumsToMargin()
{
    QFETCH(QString, kind);
    Eigen::MatrixXd x;
    std::vector<int> y;
    syntheticData(false, x, y);
    auto b = ml::XgbBooster::train(x, y, boosterParams(kind), roundsFor(kind));
    QVERIFY2(b.ok(), b.error().c_str());
    QCOMPARE(b->rounds(), roundsFor(kind));
    const auto m = b->margins(x);
    const Eigen::MatrixXd c = b->contributions(x);
    QCOMPARE(std::size_t(c.rows()), m.size());
    QCOMPARE(c.cols(), x.cols() + 1);
    double spread = 0;
    for (std::size_t i = 0; i < m.size(); ++i) {
        QVERIFY2(std::fabs(c.row(Eigen::Index(i)).sum() - m[i]) < 1e-4,
                 qPrintable(QStringLiteral("row %1: contributions sum %2, margin %3")
                                .arg(i)
                                .arg(c.row(Eigen::Index(i)).sum())
                                .arg(m[i])));
        spread = std::max(spread, std::fabs(m[i] - m[0]));
    }
    QVERIFY(spread > 0.5); // the model is not constant
    // And it learnt something: training AUC well above chance.
    QVERIFY(ml::rocAuc(m, y) > 0.8);
}

void TestMlClassical::importanceOnThresholdFeature_data()
{
    // A forest hides feature 2 from half of its splits (colsample_bynode 0.5), so other features
    // take a little of the credit there.
    QTest::addColumn<QString>("kind");
    QTest::addColumn<double>("minShare");
    QTest::newRow("gradient boosting") << QStringLiteral("gbm") << 0.9;
    QTest::newRow("random forest") << QStringLiteral("forest") << 0.8;
}

void TestMlClassical::importanceOnThresholdFeature()
{
    QFETCH(QString, kind);
    QFETCH(double, minShare);
    Eigen::MatrixXd x;
    std::vector<int> y;
    syntheticData(true, x, y);
    auto b = ml::XgbBooster::train(x, y, boosterParams(kind), roundsFor(kind));
    QVERIFY2(b.ok(), b.error().c_str());
    const Eigen::MatrixXd c = b->contributions(x);
    std::vector<double> imp(std::size_t(x.cols()), 0.0);
    for (Eigen::Index i = 0; i < c.rows(); ++i)
        for (Eigen::Index j = 0; j < x.cols(); ++j)
            imp[std::size_t(j)] += std::fabs(c(i, j));
    double total = 0;
    for (double v : imp)
        total += v;
    QVERIFY(total > 0);
    const double share = imp[2] / total;
    qInfo("feature 2 carries %.3f of mean |SHAP|", share);
    QVERIFY2(share > minShare,
             qPrintable(QStringLiteral("feature 2 carries %1 of |SHAP|").arg(share)));
}

void TestMlClassical::boosterSaveLoadRoundTrip()
{
    Eigen::MatrixXd x;
    std::vector<int> y;
    syntheticData(false, x, y);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const QString& kind : {QStringLiteral("gbm"), QStringLiteral("forest")}) {
        auto b = ml::XgbBooster::train(x, y, boosterParams(kind), roundsFor(kind));
        QVERIFY2(b.ok(), b.error().c_str());
        const std::string path =
            QString(dir.path() + QStringLiteral("/m_") + kind + QStringLiteral(".ubj"))
                .toStdString();
        const auto saved = b->save(path);
        QVERIFY2(saved.ok(), saved.error().c_str());
        const auto bytes = ml::readTextFile(path);
        QVERIFY2(bytes.ok(), bytes.error().c_str());
        auto loaded = ml::XgbBooster::load(*bytes, path);
        QVERIFY2(loaded.ok(), loaded.error().c_str());
        QVERIFY(loaded->margins(x) == b->margins(x)); // bit-identical
        QCOMPARE(loaded->rounds(), b->rounds());
    }
    // A file that is not a model is refused with a message, not a crash.
    const std::string junk = QString(dir.path() + QStringLiteral("/junk.ubj")).toStdString();
    QVERIFY(!ml::XgbBooster::load("not a model", junk).ok());
    QVERIFY(!ml::XgbBooster::load({}, junk).ok());
}

void TestMlClassical::shippedModelsLoadAndTamperedRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("weights");
    QTest::newRow("logreg") << QStringLiteral("logreg") << QStringLiteral("weights.json");
    QTest::newRow("forest") << QStringLiteral("forest") << QStringLiteral("weights.ubj");
    QTest::newRow("gbm") << QStringLiteral("gbm") << QStringLiteral("weights.ubj");
}

void TestMlClassical::shippedModelsLoadAndTamperedRefused()
{
    QFETCH(QString, name);
    QFETCH(QString, weights);
    const QString source = modelsDir() + QLatin1Char('/') + name;
    QVERIFY2(QFileInfo::exists(source + QStringLiteral("/manifest.json")),
             qPrintable(source +
                        QStringLiteral(": model folder missing; train it with "
                                       "ecglens-cli train --model ") +
                        name));
    auto model = ml::ClassicalModel::load(source.toStdString());
    QVERIFY2(model.ok(), model.error().c_str());
    QCOMPARE(QString::fromStdString(model->info().arch), name);
    // Contributions sum to the margin for a typical and a sparse record.
    const std::size_t k = ml::rawFeatureNames().size();
    ml::FeatureRow typical{70,  857, 800, 900, 40, 35, 10, 160, 95, 390,
                           421, 50,  40,  45,  5,  0,  0,  60,  0};
    QCOMPARE(typical.size(), k);
    ml::FeatureRow sparse(k, std::numeric_limits<double>::quiet_NaN());
    for (const auto& row : {typical, sparse}) {
        const double m = model->margins({row})[0];
        const auto c = model->contributions(row);
        QCOMPARE(c.size(), model->featureNames().size() + 1);
        double sum = 0;
        for (double v : c)
            sum += v;
        QVERIFY2(std::fabs(sum - m) < 1e-4, qPrintable(QStringLiteral("%1 vs %2").arg(sum).arg(m)));
        const double p = model->probability(m);
        QVERIFY(p > 0 && p < 1);
    }

    // A tampered copy of the weights is refused, naming the file.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString copy = tmp.path() + QLatin1Char('/') + name;
    QVERIFY(copyFolder(source, copy));
    QVERIFY(ml::ClassicalModel::load(copy.toStdString()).ok());
    {
        QFile f(copy + QLatin1Char('/') + weights);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
        f.seek(0);
        f.write(bytes);
    }
    const auto tampered = ml::ClassicalModel::load(copy.toStdString());
    QVERIFY(!tampered.ok());
    QVERIFY2(QString::fromStdString(tampered.error()).contains(weights), tampered.error().c_str());
    QVERIFY(QString::fromStdString(tampered.error()).contains(QStringLiteral("refused")));
    // A missing weights file is refused too.
    QVERIFY(QFile::remove(copy + QLatin1Char('/') + weights));
    QVERIFY(!ml::ClassicalModel::load(copy.toStdString()).ok());

    // Weights for another number of features, consistently checksummed and stamped, are refused
    // as mismatched (the logistic regression by its coefficient count, a booster by its own).
    const std::string d = copy.toStdString();
    if (name == QLatin1String("logreg")) {
        QVERIFY(ml::writeTextFile(d + "/weights.json", R"({"coef":[1,2,3],"intercept":0})"));
    } else {
        Eigen::MatrixXd x;
        std::vector<int> y;
        syntheticData(false, x, y); // fewer columns than the model's measurements
        auto b = ml::XgbBooster::train(x, y, boosterParams(name), 5);
        QVERIFY2(b.ok(), b.error().c_str());
        QCOMPARE(b->featureCount(), int(x.cols()));
        QVERIFY(b->save(d + "/" + weights.toStdString()).ok());
    }
    auto json = ml::readModelJson(d);
    QVERIFY(json.ok());
    QVERIFY(ml::stampVersion(d, *json, weights.toStdString()).ok());
    QVERIFY(ml::writeTextFile(d + "/model.json", json->dump() + "\n"));
    QVERIFY(ml::writeManifest(d, {"model.json", weights.toStdString()}).ok());
    const auto mismatched = ml::ClassicalModel::load(d);
    QVERIFY(!mismatched.ok());
    QVERIFY2(QString::fromStdString(mismatched.error()).contains(QStringLiteral(" features")) &&
                 QString::fromStdString(mismatched.error()).contains(QStringLiteral("mismatched")),
             mismatched.error().c_str());
}

void TestMlClassical::featuresMatchCliMeasure_data()
{
    QTest::addColumn<QString>("record");
    QTest::newRow("00001") << QStringLiteral("ptbxl/records100/00000/00001_lr.hea");
    QTest::newRow("00008") << QStringLiteral("ptbxl/records100/00000/00008_lr.hea");
    QTest::newRow("00026") << QStringLiteral("ptbxl/records100/00000/00026_lr.hea");
}

void TestMlClassical::featuresMatchCliMeasure()
{
    QFETCH(QString, record);
    ECGLENS_REQUIRE_DATA(record);
    const QString path = test::dataPath(record);
    ml::PtbxlEntry entry;
    entry.recordPath = path.toStdString();
    entry.ageYears = 56;
    entry.sex = Sex::Female;
    const auto f = ml::ptbxlFeatures(entry);
    QVERIFY2(f.ok(), f.error().c_str());
    int code = 0;
    const QByteArray out =
        runCli({QStringLiteral("measure"), QStringLiteral("--json"), path}, code);
    QCOMPARE(code, 0);
    const QJsonObject j = QJsonDocument::fromJson(out).object();
    QVERIFY(!j.isEmpty());
    const auto& names = ml::rawFeatureNames();
    auto feature = [&](const std::string& n) {
        return (*f)[std::size_t(std::find(names.begin(), names.end(), n) - names.begin())];
    };
    // The CLI prints one decimal.
    for (const auto& [cli, mine] : std::vector<std::pair<QString, std::string>>{
             {QStringLiteral("heart_rate_bpm"), "heart_rate_bpm"},
             {QStringLiteral("qrs_ms"), "qrs_ms"},
             {QStringLiteral("qtc_bazett_ms"), "qtc_bazett_ms"},
             {QStringLiteral("pr_ms"), "pr_ms"},
             {QStringLiteral("qrs_axis_deg"), "qrs_axis_deg"}}) {
        const QJsonValue v = j.value(cli);
        const double mineV = feature(mine);
        if (v.isNull()) {
            QVERIFY2(!std::isfinite(mineV), qPrintable(cli + QStringLiteral(" missing in CLI")));
            continue;
        }
        QVERIFY2(
            std::fabs(v.toDouble() - mineV) <= 0.05 + 1e-9,
            qPrintable(
                QStringLiteral("%1: CLI %2, feature %3").arg(cli).arg(v.toDouble()).arg(mineV)));
    }
    QVERIFY(std::isfinite(feature("heart_rate_bpm")) && feature("heart_rate_bpm") > 30);
    QCOMPARE(feature("age_years"), 56.0);
    QCOMPARE(feature("sex_female"), 1.0);
}

// A measurement model is only valid with the measurements it was trained on: the shipped models'
// fold-9 AUC, recorded by `train` in config.json, must come out again from today's delineation
// and feature code. Any change to them fails here until the models are retrained.
void TestMlClassical::shippedModelsMatchCurrentMeasurements()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/ptbxl_database.csv"));
    const auto index = ml::readPtbxlIndex(test::dataDir().toStdString());
    QVERIFY2(index.ok(), index.error().c_str());
    std::vector<ml::PtbxlEntry> fold9;
    std::vector<int> y;
    for (const auto& e : *index)
        if (e.fold == 9) {
            fold9.push_back(e);
            y.push_back(e.abnormal ? 1 : 0);
        }
    QVERIFY(fold9.size() > 200);
    const auto rows = ml::ptbxlFeatureTable(fold9, 2);
    QVERIFY2(rows.ok(), rows.error().c_str());
    for (const char* name : {"logreg", "forest", "gbm"}) {
        const QString dir = modelsDir() + QLatin1Char('/') + QLatin1String(name);
        auto model = ml::ClassicalModel::load(dir.toStdString());
        QVERIFY2(model.ok(), model.error().c_str());
        const auto config =
            ml::readTextFile(QString(dir + QStringLiteral("/config.json")).toStdString());
        QVERIFY2(config.ok(), config.error().c_str());
        const auto c = ml::Json::parse(*config);
        QVERIFY2(c.ok(), c.error().c_str());
        const double recorded = (*c)["fold9_auc_by_lead_set"]["12"].number(NAN);
        const double now = ml::rocAuc(model->margins(*rows), y);
        QVERIFY2(std::abs(now - recorded) < 1e-9,
                 qPrintable(QStringLiteral("%1: fold-9 AUC %2 at training, %3 with today's "
                                           "measurements: the delineation or features changed; "
                                           "retrain (ecglens-cli train --model %1 --out "
                                           "models/%1 --seed 1) and evaluate again")
                                .arg(QLatin1String(name))
                                .arg(recorded, 0, 'f', 9)
                                .arg(now, 0, 'f', 9)));
    }
}

// `ecglens-cli analyze --model models/gbm`: on a 10 s PTB-XL record the probability is the
// model's output for the record's measurements (as in evaluation) and the class follows the
// age group's thresholds; on 30 min of MIT-BIH the windows tile the recording at 50 % overlap
// and the flagged segments are the windows at or above the anomalous threshold, merged where
// they touch.
void TestMlClassical::analyzeWithMeasurementModel()
{
    const QString rel = QStringLiteral("ptbxl/records100/00000/00008_lr.hea");
    ECGLENS_REQUIRE_DATA(rel);
    ECGLENS_REQUIRE_DATA(QStringLiteral("mitdb/101.hea"));
    const QString dir = modelsDir() + QStringLiteral("/gbm");
    auto model = ml::ClassicalModel::load(dir.toStdString());
    QVERIFY2(model.ok(), model.error().c_str());

    ml::PtbxlEntry entry;
    entry.recordPath = test::dataPath(rel).toStdString();
    entry.ageYears = 70;
    entry.sex = Sex::Female;
    const auto f = ml::ptbxlFeatures(entry);
    QVERIFY2(f.ok(), f.error().c_str());
    const double expected = model->probability(model->margins({*f})[0]);
    const ml::Thresholds t = model->thresholdsFor(70.0);

    int code = 0;
    QJsonObject j =
        QJsonDocument::fromJson(
            runCli({QStringLiteral("analyze"), QStringLiteral("--json"), QStringLiteral("--model"),
                    dir, QStringLiteral("--age"), QStringLiteral("70"), QStringLiteral("--sex"),
                    QStringLiteral("F"), test::dataPath(rel)},
                   code))
            .object();
    QCOMPARE(code, 0);
    QCOMPARE(j.value(QStringLiteral("model")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("gbm"));
    QCOMPARE(
        j.value(QStringLiteral("model")).toObject().value(QStringLiteral("version")).toString(),
        QString::fromStdString(model->info().version));
    const double p = j.value(QStringLiteral("probability")).toDouble();
    QVERIFY2(std::fabs(p - expected) < 1e-9,
             qPrintable(QStringLiteral("%1 vs %2").arg(p).arg(expected)));
    const QString cls = p >= t.anomalous    ? QStringLiteral("anomalous")
                        : p >= t.borderline ? QStringLiteral("borderline")
                                            : QStringLiteral("normal");
    QCOMPARE(j.value(QStringLiteral("class")).toString(), cls);
    QCOMPARE(j.value(QStringLiteral("windows")).toArray().size(), 1);

    j = QJsonDocument::fromJson(
            runCli({QStringLiteral("analyze"), QStringLiteral("--json"), QStringLiteral("--model"),
                    dir, test::dataPath(QStringLiteral("mitdb/101.hea"))},
                   code))
            .object();
    QCOMPARE(code, 0);
    const QJsonArray windows = j.value(QStringLiteral("windows")).toArray();
    QVERIFY(windows.size() > 300);
    // MIT-BIH 101's header gives age 75: the ">=65" thresholds apply.
    const double anomalous = j.value(QStringLiteral("thresholds"))
                                 .toObject()
                                 .value(QStringLiteral("anomalous"))
                                 .toDouble();
    QCOMPARE(anomalous, model->thresholdsFor(75.0).anomalous);
    QVERIFY(anomalous > 0 && anomalous < 1);
    int above = 0;
    double previousStart = -5;
    QSet<double> aboveStarts, aboveEnds;
    for (int i = 0; i < windows.size(); ++i) {
        const QJsonObject w = windows[i].toObject();
        const double s = w.value(QStringLiteral("start_s")).toDouble();
        const double e = w.value(QStringLiteral("end_s")).toDouble();
        const double wp = w.value(QStringLiteral("probability")).toDouble();
        QVERIFY(wp > 0 && wp < 1);
        QVERIFY(std::fabs(e - s - 10.0) < 1e-9);
        if (i + 1 < windows.size())
            QVERIFY(std::fabs(s - previousStart - 5.0) < 1e-9);
        previousStart = s;
        above += wp >= anomalous ? 1 : 0;
        if (wp >= anomalous) {
            aboveStarts.insert(s);
            aboveEnds.insert(e);
        }
        // Every window at or above the threshold lies inside a flagged segment.
        bool inside = false;
        for (const QJsonValue& fv : j.value(QStringLiteral("flagged")).toArray()) {
            const QJsonObject fl = fv.toObject();
            inside = inside || (fl.value(QStringLiteral("start_s")).toDouble() <= s + 1e-9 &&
                                fl.value(QStringLiteral("end_s")).toDouble() >= e - 1e-9);
        }
        if (wp >= anomalous)
            QVERIFY(inside);
    }
    // Each flagged segment starts and ends with a window at or above the threshold.
    for (const QJsonValue& fv : j.value(QStringLiteral("flagged")).toArray()) {
        QVERIFY(aboveStarts.contains(fv.toObject().value(QStringLiteral("start_s")).toDouble()));
        QVERIFY(aboveEnds.contains(fv.toObject().value(QStringLiteral("end_s")).toDouble()));
    }
    QVERIFY(std::fabs(windows.last().toObject().value(QStringLiteral("end_s")).toDouble() -
                      650000.0 / 360.0) < 0.011);
    QCOMPARE(j.value(QStringLiteral("flagged")).toArray().isEmpty(), above == 0);
    bool leadWarning = false;
    for (const QJsonValue& w : j.value(QStringLiteral("warnings")).toArray())
        leadWarning =
            leadWarning || w.toString().contains(QStringLiteral("of the 12 standard leads"));
    QVERIFY(leadWarning);
}

void TestMlClassical::explainMeasurementModel_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("method");
    QTest::newRow("logistic regression") << QStringLiteral("logreg") << QStringLiteral("linear");
    QTest::newRow("gradient boosting") << QStringLiteral("gbm") << QStringLiteral("treeshap");
    QTest::newRow("random forest") << QStringLiteral("forest") << QStringLiteral("treeshap");
}

/// `explain --model <measurement model>`: per measurement its value and contribution; with the
/// base they sum to the window's log-odds, whose calibrated probability is what `analyze` gives
/// (PTB-XL 00017, one 10 s window; MIT-BIH 101's window at 600 s). For logistic regression each
/// contribution is recomputed by hand from the shipped model.json (median imputation, missing
/// indicators, mean and sd) and weights.json (coefficients; the intercept is the base).
void TestMlClassical::explainMeasurementModel()
{
    QFETCH(QString, name);
    QFETCH(QString, method);
    const QString dir = modelsDir() + QLatin1Char('/') + name;
    for (const auto& [rel, windowS] :
         {std::pair{QStringLiteral("ptbxl/records100/00000/00017_lr.hea"), 0.0},
          std::pair{QStringLiteral("mitdb/101.hea"), 600.0}}) {
        ECGLENS_REQUIRE_DATA(rel);
        const QString file = test::dataPath(rel);
        int code = 0;
        QByteArray err;
        const QJsonObject e =
            QJsonDocument::fromJson(
                runCli({QStringLiteral("explain"), file, QStringLiteral("--model"), dir,
                        QStringLiteral("--window"), QString::number(windowS),
                        QStringLiteral("--json")},
                       code, 120000, &err))
                .object();
        QVERIFY2(code == 0, err.constData());
        QCOMPARE(e.value(QStringLiteral("method")).toString(), method);
        QCOMPARE(e.value(QStringLiteral("window"))
                     .toObject()
                     .value(QStringLiteral("start_s"))
                     .toDouble(),
                 windowS);
        const QJsonObject a = QJsonDocument::fromJson(
                                  runCli({QStringLiteral("analyze"), file,
                                          QStringLiteral("--model"), dir, QStringLiteral("--json")},
                                         code))
                                  .object();
        QCOMPARE(code, 0);
        double analysed = -1;
        for (const QJsonValue& w : a.value(QStringLiteral("windows")).toArray())
            if (w.toObject().value(QStringLiteral("start_s")).toDouble() == windowS)
                analysed = w.toObject().value(QStringLiteral("probability")).toDouble();
        const double p = e.value(QStringLiteral("probability")).toDouble();
        QVERIFY2(
            std::fabs(p - analysed) < 1e-12,
            qPrintable(QStringLiteral("%1: explain %2, analyze %3").arg(rel).arg(p).arg(analysed)));
        const QJsonArray c = e.value(QStringLiteral("contributions")).toArray();
        double sum = e.value(QStringLiteral("base_value")).toDouble();
        for (const QJsonValue& v : c)
            sum += v.toObject().value(QStringLiteral("contribution")).toDouble();
        const double output = e.value(QStringLiteral("output")).toDouble();
        QVERIFY2(std::fabs(sum - output) < 1e-4,
                 qPrintable(QStringLiteral("%1: sum %2, output %3").arg(rel).arg(sum).arg(output)));
        // A window that would run past the end is refused as the neural detector's is
        // (1e308 s once wrapped around to the first window).
        for (const QString& past : {QStringLiteral("1e308"), QStringLiteral("1805")}) {
            runCli({QStringLiteral("explain"), file, QStringLiteral("--model"), dir,
                    QStringLiteral("--window"), past},
                   code, 120000, &err);
            QCOMPARE(code, 2);
            QVERIFY2(err.contains("runs past the end of the recording") ||
                         err.contains("has one 10 s window, at 0 s"),
                     err.constData());
        }
        if (name != QLatin1String("logreg"))
            continue;
        // By hand from the shipped files.
        const QJsonObject pre = readJsonFile(dir + QStringLiteral("/model.json"))
                                    .value(QStringLiteral("preprocessing"))
                                    .toObject();
        const QJsonObject weights = readJsonFile(dir + QStringLiteral("/weights.json"));
        const QJsonArray features = pre.value(QStringLiteral("features")).toArray();
        const QJsonArray rawNames = pre.value(QStringLiteral("raw_features")).toArray();
        QCOMPARE(c.size(), features.size());
        QCOMPARE(e.value(QStringLiteral("base_value")).toDouble(),
                 weights.value(QStringLiteral("intercept")).toDouble());
        std::map<QString, double> raw; // the raw measurement, NaN when missing
        for (const QJsonValue& v : c) {
            const QJsonObject o = v.toObject();
            const QJsonValue value = o.value(QStringLiteral("value"));
            raw[o.value(QStringLiteral("feature")).toString()] =
                value.isNull() ? std::numeric_limits<double>::quiet_NaN() : value.toDouble();
        }
        for (int j = 0; j < features.size(); ++j) {
            const QString f = features[j].toString();
            QCOMPARE(c[j].toObject().value(QStringLiteral("feature")).toString(), f);
            double x = 0;
            if (f.endsWith(QLatin1String("_missing"))) {
                x = std::isnan(raw.at(f.chopped(8))) ? 1.0 : 0.0;
                QCOMPARE(c[j].toObject().value(QStringLiteral("value")).toDouble(), x);
            } else {
                const int r = int(rawNames.toVariantList().indexOf(f));
                QVERIFY(r >= 0);
                x = std::isnan(raw.at(f))
                        ? pre.value(QStringLiteral("median")).toArray()[r].toDouble()
                        : raw.at(f);
            }
            const double z = (x - pre.value(QStringLiteral("mean")).toArray()[j].toDouble()) /
                             pre.value(QStringLiteral("sd")).toArray()[j].toDouble();
            const double expected =
                weights.value(QStringLiteral("coef")).toArray()[j].toDouble() * z;
            const double got = c[j].toObject().value(QStringLiteral("contribution")).toDouble();
            QVERIFY2(
                std::fabs(got - expected) < 1e-9,
                qPrintable(
                    QStringLiteral("%1 %2: %3 vs %4 by hand").arg(rel, f).arg(got).arg(expected)));
        }
    }
}

void TestMlClassical::trainLogregSmoke()
{
    ECGLENS_REQUIRE_DATA(QStringLiteral("ptbxl/ptbxl_database.csv"));
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString out = tmp.path() + QStringLiteral("/logreg_smoke");
    int code = 0;
    QByteArray err;
    runCli({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("logreg"),
            QStringLiteral("--data"), test::dataDir(), QStringLiteral("--out"), out,
            QStringLiteral("--max-records"), QStringLiteral("60"), QStringLiteral("--seed"),
            QStringLiteral("3")},
           code, 120000, &err);
    QVERIFY2(code == 0, err.constData());
    for (const char* f : {"model.json", "config.json", "weights.json", "manifest.json"})
        QVERIFY2(QFileInfo::exists(out + QLatin1Char('/') + QLatin1String(f)), f);
    auto model = ml::ClassicalModel::load(out.toStdString());
    QVERIFY2(model.ok(), model.error().c_str());
    QCOMPARE(QString::fromStdString(model->info().arch), QStringLiteral("logreg"));
    const auto& t = model->info().ageGroupThresholds;
    QCOMPARE(int(t.size()), 3);
    ml::FeatureRow row(ml::rawFeatureNames().size(), std::numeric_limits<double>::quiet_NaN());
    const double m = model->margins({row})[0];
    QVERIFY(std::isfinite(m));
}

QTEST_GUILESS_MAIN(TestMlClassical)
#include "tst_ml_classical.moc"
