#include "cli_util.h"

#include "cli_model.h"
#include "finding_text.h"

#include "advice/advice.h"
#include "dsp/measurements.h"
#include "dsp/rhythm.h"

#include <QJsonArray>

#include <cstdio>

namespace ecglens::cli {

namespace {

QJsonArray windowsJson(const std::vector<ml::WindowResult>& windows)
{
    QJsonArray out;
    for (const auto& w : windows) {
        QJsonObject o;
        o[QStringLiteral("start_s")] = w.startS;
        o[QStringLiteral("end_s")] = w.endS;
        o[QStringLiteral("probability")] = w.probability;
        out.append(o);
    }
    return out;
}

QJsonArray adviceJson(const std::vector<advice::AdviceItem>& items)
{
    QJsonArray out;
    for (const auto& item : items) {
        QJsonObject o;
        o[QStringLiteral("code")] = fromStd(item.code);
        o[QStringLiteral("severity")] = QLatin1String(advice::severityName(item.severity));
        o[QStringLiteral("title")] = fromStd(item.title);
        o[QStringLiteral("text")] = fromStd(item.text);
        o[QStringLiteral("basis")] = fromStd(item.basis);
        o[QStringLiteral("source")] = fromStd(item.source);
        out.append(o);
    }
    return out;
}

} // namespace

int runAnalyze(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Probability that an ECG is abnormal, verdict, windows and flagged segments. Decision "
        "support, not a diagnosis."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Recording or demo:"));
    const QCommandLineOption model(
        QStringLiteral("model"),
        QStringLiteral("Model folder: a neural model or a measurement model "
                       "(logreg, forest, gbm); default: the shipped "
                       "model."),
        QStringLiteral("DIR"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions(patientOptions());
    parser.addOptions({model, json});
    int exitCode = kExitOk;
    if (!parseArgs(parser, args, 1, exitCode))
        return exitCode;

    ml::AnalysisOptions options;
    if (!readPatientOptions(parser, options))
        return kExitBadInput;
    const auto loaded = AnyModel::load(parser.isSet(model) ? parser.value(model) : QString());
    if (!loaded)
        return kExitBadInput;

    const auto recording = openRecording(parser.positionalArguments().at(0));
    if (!recording)
        return kExitBadInput;
    const auto result = loaded->analyse(*recording, options);
    if (!result)
        return fail(result.error());
    const ml::Analysis& a = *result;
    const auto measured = dsp::analyse(*recording);
    const std::vector<dsp::Finding> findings =
        measured ? dsp::rhythmFindings(measured->beats, measured->measurements)
                 : std::vector<dsp::Finding>{};
    // What the measurements found that limits the verdict, as the window's banner says it.
    const QStringList caveats = verdictCaveats(findings);
    const auto advised = adviceItems(*recording, options,
                                     measured ? &measured->measurements : nullptr, findings, &a);

    if (parser.isSet(json)) {
        QJsonObject o;
        o[QStringLiteral("file")] = parser.positionalArguments().at(0);
        o[QStringLiteral("probability")] = a.probability;
        o[QStringLiteral("class")] = QLatin1String(ml::verdictName(a.verdict));
        o[QStringLiteral("windows")] = windowsJson(a.windows);
        o[QStringLiteral("flagged")] = windowsJson(a.flagged);
        // A recording over a minute: where to look first (most probable flagged windows).
        o[QStringLiteral("review_first")] = windowsJson(ml::reviewFirstWindows(a));
        QJsonArray warnings;
        for (const auto& w : a.warnings)
            warnings.append(fromStd(w.text));
        for (const QString& w : caveats)
            warnings.append(w);
        o[QStringLiteral("warnings")] = warnings;
        QJsonArray leads;
        for (const std::string& name : ml::leadNames(a.leadsUsed))
            leads.append(fromStd(name));
        o[QStringLiteral("leads_used")] = leads;
        QJsonObject m = modelJson(a.model);
        auto thresholdsJson = [](const ml::Thresholds& th) {
            QJsonObject t;
            t[QStringLiteral("borderline")] = th.borderline;
            t[QStringLiteral("anomalous")] = th.anomalous;
            return t;
        };
        m[QStringLiteral("thresholds")] = thresholdsJson(a.model.thresholds); // unknown age
        o[QStringLiteral("model")] = m;
        // The thresholds the class was decided with (the patient's age group's, chosen for the
        // lead set nearest to the recording's leads).
        QJsonObject applied = thresholdsJson(a.thresholds);
        applied[QStringLiteral("lead_set")] = fromStd(a.thresholdLeadSet);
        applied[QStringLiteral("age_group")] = fromStd(a.thresholdAgeGroup);
        o[QStringLiteral("thresholds")] = applied;
        o[QStringLiteral("advice")] = adviceJson(advised);
        o[QStringLiteral("disclaimer")] = QStringLiteral("decision support, not a diagnosis");
        printJson(o);
        return kExitOk;
    }
    std::printf("Verdict:     %s (probability of abnormal %.3f)\n", ml::verdictName(a.verdict),
                a.probability);
    std::printf("Model:       %s %s (sha256 %.16s...)\n", a.model.name.c_str(),
                a.model.version.c_str(), a.model.sha256.c_str());
    std::printf("Thresholds:  borderline >= %.3f, anomalous >= %.3f (chosen for lead set %s, age "
                "group %s)\n",
                a.thresholds.borderline, a.thresholds.anomalous, a.thresholdLeadSet.c_str(),
                a.thresholdAgeGroup.c_str());
    std::printf("Windows:     %zu, flagged segments: %zu\n", a.windows.size(), a.flagged.size());
    for (const auto& f : a.flagged)
        std::printf("  flagged %.1f-%.1f s  p=%.3f\n", f.startS, f.endS, f.probability);
    for (const auto& w : ml::reviewFirstWindows(a))
        std::printf("  look first %.1f-%.1f s  p=%.3f\n", w.startS, w.endS, w.probability);
    for (const auto& w : a.warnings)
        std::printf("Warning:     %s\n", w.text.c_str());
    for (const QString& w : caveats)
        std::printf("Warning:     %s\n", qPrintable(w));
    if (!advised.empty())
        std::printf("Advice:\n");
    for (const auto& item : advised) {
        std::printf("  [%s] %s\n", advice::severityName(item.severity), item.title.c_str());
        std::printf("    %s\n", item.text.c_str());
        std::printf("    Based on: %s\n", item.basis.c_str());
        std::printf("    Source: %s\n", item.source.c_str());
    }
    std::printf("Decision support, not a diagnosis.\n");
    return kExitOk;
}

} // namespace ecglens::cli
