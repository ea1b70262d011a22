#include "cli_model.h"

#include "cli_util.h"

namespace ecglens::cli {

QList<QCommandLineOption> patientOptions()
{
    return {QCommandLineOption(QStringLiteral("age"), QStringLiteral("Patient age in years."),
                               QStringLiteral("N")),
            QCommandLineOption(QStringLiteral("sex"), QStringLiteral("Patient sex (M or F)."),
                               QStringLiteral("M|F"))};
}

bool readPatientOptions(const QCommandLineParser& parser, ml::AnalysisOptions& options)
{
    if (parser.isSet(QStringLiteral("age"))) {
        bool ok = false;
        const QString value = parser.value(QStringLiteral("age"));
        const double years = value.toDouble(&ok);
        if (!ok || !plausibleAgeYears(years)) { // "nan" is a double to Qt
            fail(QStringLiteral("--age must be a number of years, got \"%1\"").arg(value));
            return false;
        }
        options.ageYears = years;
    }
    if (parser.isSet(QStringLiteral("sex"))) {
        const QString s = parser.value(QStringLiteral("sex")).toUpper();
        if (s == QLatin1String("M")) {
            options.sex = Sex::Male;
        } else if (s == QLatin1String("F")) {
            options.sex = Sex::Female;
        } else {
            fail(QStringLiteral("--sex must be M or F"));
            return false;
        }
    }
    return true;
}

std::vector<advice::AdviceItem>
adviceItems(const Recording& recording, const ml::AnalysisOptions& options,
            const dsp::Measurements* measured, const std::vector<dsp::Finding>& findings,
            const ml::Analysis* detection, const std::vector<dsp::StLevel>* comparedSt,
            const std::vector<dsp::Finding>* comparedFindings)
{
    advice::AdviceInput input =
        advice::inputFor(ml::analysedPatient(recording, options), recording.durationS(),
                         int(recording.leads.size()), measured, findings, detection);
    if (comparedSt && !comparedSt->empty()) {
        input.comparedStLevels = *comparedSt;
        if (comparedFindings)
            input.comparedFindings = advice::foundFindings(*comparedFindings);
    }
    return advice::adviceFor(input, advice::builtinCatalogue());
}

namespace {

/// The folder to load: `modelDir`, else the default model's.
Result<std::string> modelFolder(const QString& modelDir)
{
    const std::string dir = modelDir.isEmpty() ? ml::defaultModelDir() : toStd(modelDir);
    if (dir.empty())
        return Result<std::string>::failure(
            "no model found: set ECGLENS_MODEL_DIR or pass --model DIR");
    return dir;
}

} // namespace

QJsonObject modelJson(const ml::ModelInfo& model)
{
    return {{QStringLiteral("name"), fromStd(model.name)},
            {QStringLiteral("version"), fromStd(model.version)},
            {QStringLiteral("sha256"), fromStd(model.sha256)}};
}

Result<AnyModel> AnyModel::tryLoad(const QString& modelDir)
{
    using R = Result<AnyModel>;
    const auto dir = modelFolder(modelDir);
    if (!dir)
        return R::failure(dir.error());
    AnyModel m;
    if (ml::isClassicalModelDir(*dir)) {
        auto classical = ml::ClassicalModel::load(*dir);
        if (!classical)
            return R::failure(classical.error());
        m.m_classical = std::make_shared<const ml::ClassicalModel>(std::move(*classical));
    } else {
        auto detector = ml::Detector::load(*dir);
        if (!detector)
            return R::failure(detector.error());
        m.m_detector = std::make_shared<const ml::Detector>(std::move(*detector));
    }
    return m;
}

std::optional<AnyModel> AnyModel::load(const QString& modelDir)
{
    auto loaded = tryLoad(modelDir);
    if (!loaded) {
        fail(loaded.error());
        return std::nullopt;
    }
    return std::move(loaded).value();
}

Result<ml::Analysis> AnyModel::analyse(const Recording& recording,
                                       const ml::AnalysisOptions& options) const
{
    return m_classical ? ml::analyse(*m_classical, recording, options)
                       : ml::analyse(*m_detector, recording, options);
}

} // namespace ecglens::cli
