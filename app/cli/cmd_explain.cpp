#include "cli_util.h"

#include "cli_model.h"
#include "core/lead_names.h"
#include "xai/explain_recording.h"
#include "xai/normal_beat.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace ecglens::cli {

// Exit status when the explanation was computed but failed its efficiency check: the numbers
// are printed (flagged), never silently passed off as valid.
inline constexpr int kExitEfficiencyFailed = 3;

namespace {

/// `explain` with a measurement model: each measurement's contribution to the window's log-odds.
int explainMeasurementModel(const ml::ClassicalModel& model, const Recording& recording,
                            const QString& file, double startS, const ml::AnalysisOptions& options,
                            bool json)
{
    const auto result = ml::explainMeasurements(model, recording, startS, options);
    if (!result)
        return fail(result.error());
    const ml::MeasurementExplanation& e = *result;
    if (json) {
        QJsonObject o;
        o[QStringLiteral("file")] = file;
        o[QStringLiteral("window")] = QJsonObject{{QStringLiteral("start_s"), e.windowStartS},
                                                  {QStringLiteral("end_s"), e.windowEndS}};
        o[QStringLiteral("method")] =
            e.trees ? QStringLiteral("treeshap") : QStringLiteral("linear");
        o[QStringLiteral("base_value")] = e.base;
        o[QStringLiteral("output")] = e.output;
        o[QStringLiteral("probability")] = e.probability;
        o[QStringLiteral("efficiency_error")] = e.efficiencyError();
        QJsonArray contributions;
        for (const ml::MeasurementExplanation::Input& in : e.inputs)
            contributions.append(
                QJsonObject{{QStringLiteral("feature"), fromStd(in.feature)},
                            {QStringLiteral("value"),
                             std::isfinite(in.value) ? QJsonValue(in.value) : QJsonValue()},
                            {QStringLiteral("contribution"), in.contribution}});
        o[QStringLiteral("contributions")] = contributions;
        o[QStringLiteral("model")] = modelJson(e.model);
        printJson(o);
        return kExitOk;
    }
    std::printf("Window:      %.1f-%.1f s, measurement model %s, %s\n", e.windowStartS,
                e.windowEndS, e.model.name.c_str(),
                e.trees ? "exact TreeSHAP (xgboost)" : "linear contributions w * (x - mean) / sd");
    std::printf("Log-odds:    base %.4f + contributions = output %.4f (probability %.3f); "
                "|sum - output| = %.2g\n",
                e.base, e.output, e.probability, e.efficiencyError());
    std::printf("Contributions (log-odds; + towards abnormal):\n");
    for (const std::size_t i : e.strongestFirst()) {
        const ml::MeasurementExplanation::Input& in = e.inputs[i];
        std::printf("  %-24s %10s  %+.4f\n", in.feature.c_str(),
                    std::isfinite(in.value) ? QByteArray::number(in.value, 'g', 6).constData()
                                            : "missing",
                    in.contribution);
    }
    std::printf("Decision support, not a diagnosis.\n");
    return kExitOk;
}

} // namespace

int runExplain(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Per-segment SHAP contributions of the detector's output for one 10 s window: how much "
        "each (lead, segment) moved the log-odds of \"abnormal\". Removed segments are replaced "
        "by the isoelectric baseline, or by the average normal beat of PTB-XL (--baseline "
        "template). Exit status 3 when the efficiency check fails. With a measurement model "
        "(--model models/gbm, forest, logreg): each measurement's contribution to the window's "
        "log-odds (exact TreeSHAP for the trees), with --age / --sex as its inputs."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Recording or demo:"));
    const QCommandLineOption window(QStringLiteral("window"),
                                    QStringLiteral("Window start in seconds (default 0)."),
                                    QStringLiteral("START_S"), QStringLiteral("0"));
    const QCommandLineOption players(
        QStringLiteral("players"),
        QStringLiteral("beats (lead x beat; 1 s segments when beats are unreliable), seconds "
                       "(lead x 1 s) or leads (12 players, exact)."),
        QStringLiteral("beats|seconds|leads"), QStringLiteral("beats"));
    const QCommandLineOption budget(QStringLiteral("budget"),
                                    QStringLiteral("KernelSHAP coalitions (default 2n + 2048)."),
                                    QStringLiteral("N"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("KernelSHAP seed."),
                                  QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption model(QStringLiteral("model"),
                                   QStringLiteral("Model folder (default: the shipped model)."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption baseline(
        QStringLiteral("baseline"),
        QStringLiteral("What replaces a removed segment: isoelectric (flat at the PR level) or "
                       "template (the shipped average normal beat at each detected beat; needs "
                       "beat segments)."),
        QStringLiteral("isoelectric|template"), QStringLiteral("isoelectric"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({window, players, baseline, budget, seed, model, json});
    parser.addOptions(patientOptions());
    int exitCode = kExitOk;
    if (!parseArgs(parser, args, 1, exitCode))
        return exitCode;

    xai::ExplainOptions options;
    const QString kind = parser.value(players);
    if (kind == QLatin1String("beats"))
        options.players = xai::PlayerKind::Beats;
    else if (kind == QLatin1String("seconds"))
        options.players = xai::PlayerKind::Seconds;
    else if (kind == QLatin1String("leads"))
        options.players = xai::PlayerKind::Leads;
    else
        return fail(
            QStringLiteral("--players must be beats, seconds or leads, got \"%1\"").arg(kind));
    std::string templateSha256;
    const QString baselineKind = parser.value(baseline);
    if (baselineKind == QLatin1String("template")) {
        const auto beat = xai::useNormalTemplate(options);
        if (!beat)
            return fail(QString::fromStdString(beat.error()));
        templateSha256 = beat->sha256;
    } else if (baselineKind != QLatin1String("isoelectric")) {
        return fail(QStringLiteral("--baseline must be isoelectric or template, got \"%1\"")
                        .arg(baselineKind));
    }
    bool ok = false;
    const double startS = parser.value(window).toDouble(&ok);
    if (!ok || !std::isfinite(startS) || startS < 0)
        return fail(QStringLiteral("--window must be a start time in seconds >= 0, got \"%1\"")
                        .arg(parser.value(window)));
    if (parser.isSet(budget)) {
        const int n = parser.value(budget).toInt(&ok);
        if (!ok || n < 1)
            return fail(QStringLiteral("--budget must be a positive number of coalitions"));
        options.kernel.budget = n;
    }
    options.kernel.seed = parser.value(seed).toULongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("--seed must be a non-negative integer"));

    ml::AnalysisOptions patient;
    if (!readPatientOptions(parser, patient))
        return kExitBadInput;
    const auto loaded = AnyModel::load(parser.isSet(model) ? parser.value(model) : QString());
    if (!loaded)
        return kExitBadInput;
    if (const ml::ClassicalModel* measurementModel = loaded->classical()) {
        for (const QCommandLineOption* o : {&players, &baseline, &budget})
            if (parser.isSet(*o))
                return fail(QStringLiteral("--%1 applies to the neural detector's segments; a "
                                           "measurement model is explained by its measurements")
                                .arg(o->names().constFirst()));
        const auto recording = openRecording(parser.positionalArguments().at(0));
        if (!recording)
            return kExitBadInput;
        return explainMeasurementModel(*measurementModel, *recording,
                                       parser.positionalArguments().at(0), startS, patient,
                                       parser.isSet(json));
    }
    const ml::Detector* detector = loaded->detector();

    const auto recording = openRecording(parser.positionalArguments().at(0));
    if (!recording)
        return kExitBadInput;
    const auto prepared =
        xai::prepareRecording(*recording, options.players != xai::PlayerKind::Seconds);
    if (!prepared)
        return fail(prepared.error());
    const ml::Detector& det = *detector;
    const auto result = xai::explainPrepared(det, *prepared, startS, options);
    if (!result)
        return fail(result.error());
    const xai::RecordingExplanation& e = *result;
    const xai::Attribution& a = e.attribution;
    const xai::ShapleyResult& s = a.shap;
    const double probability = e.probability;
    const double baseProbability = e.baseProbability;
    const std::string& efficiencyProblem = e.efficiencyProblem;
    auto leadName = [](int lead) {
        return lead >= 0 && lead < int(kStandardLeads.size()) ? kStandardLeads[std::size_t(lead)]
                                                              : "?";
    };

    if (parser.isSet(json)) {
        QJsonObject o;
        o[QStringLiteral("file")] = parser.positionalArguments().at(0);
        o[QStringLiteral("window")] = QJsonObject{{QStringLiteral("start_s"), e.windowStartS},
                                                  {QStringLiteral("end_s"), e.windowEndS}};
        o[QStringLiteral("players")] = fromStd(xai::playerKindName(a.playerKind));
        o[QStringLiteral("baseline")] = fromStd(xai::baselineName(a.baselineKind));
        if (!templateSha256.empty())
            o[QStringLiteral("baseline_sha256")] = fromStd(templateSha256);
        o[QStringLiteral("method")] = s.method == xai::ShapleyMethod::Exact
                                          ? QStringLiteral("exact")
                                          : QStringLiteral("kernel");
        o[QStringLiteral("evaluations")] = double(s.evaluations);
        o[QStringLiteral("base_value")] = s.baseValue;
        o[QStringLiteral("output")] = s.fullValue;
        o[QStringLiteral("probability")] = probability;
        o[QStringLiteral("base_probability")] = baseProbability;
        o[QStringLiteral("efficiency_error")] = s.efficiencyError;
        o[QStringLiteral("efficient")] = s.efficient;
        if (!a.note.empty())
            o[QStringLiteral("note")] = fromStd(a.note);
        if (!efficiencyProblem.empty())
            o[QStringLiteral("error")] = fromStd(efficiencyProblem);
        const std::vector<double>& probabilityValues = e.probabilityValues;
        QJsonArray contributions;
        for (std::size_t i = 0; i < a.players.size(); ++i) {
            const xai::Player& p = a.players[i];
            QJsonObject c;
            c[QStringLiteral("lead")] = QLatin1String(leadName(p.lead));
            c[QStringLiteral("start_s")] = e.playerStartS(i);
            c[QStringLiteral("end_s")] = e.playerEndS(i);
            c[QStringLiteral("value")] = s.values[i];
            c[QStringLiteral("standard_error")] = s.standardErrors[i];
            c[QStringLiteral("probability_value")] = probabilityValues[i]; // display scale
            contributions.append(c);
        }
        o[QStringLiteral("contributions")] = contributions;
        o[QStringLiteral("model")] = modelJson(e.model);
        printJson(o);
    } else {
        std::printf(
            "Window:      %.1f-%.1f s, %zu players (%s), %s baseline, %s, %lld model "
            "evaluations\n",
            e.windowStartS, e.windowEndS, a.players.size(),
            xai::playerKindName(a.playerKind).c_str(), xai::baselineName(a.baselineKind).c_str(),
            s.method == xai::ShapleyMethod::Exact ? "exact Shapley" : "KernelSHAP", s.evaluations);
        if (!a.note.empty())
            std::printf("Note:        %s\n", a.note.c_str());
        std::printf("Log-odds:    baseline %.4f -> output %.4f (probability %.3f -> %.3f)\n",
                    s.baseValue, s.fullValue, baseProbability, probability);
        std::printf("Efficiency:  |sum - (output - baseline)| = %.2g (%s)\n", s.efficiencyError,
                    s.efficient ? "ok" : "FAILED");
        std::vector<std::size_t> order(a.players.size());
        std::iota(order.begin(), order.end(), std::size_t(0));
        std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
            return std::abs(s.values[x]) > std::abs(s.values[y]);
        });
        std::printf("Strongest contributions (log-odds; + towards abnormal):\n");
        for (std::size_t k = 0; k < std::min<std::size_t>(10, order.size()); ++k) {
            const xai::Player& p = a.players[order[k]];
            std::printf("  %-4s %6.2f-%6.2f s  %+.4f (SE %.4f)\n", leadName(p.lead),
                        e.playerStartS(order[k]), e.playerEndS(order[k]), s.values[order[k]],
                        s.standardErrors[order[k]]);
        }
        std::printf("Decision support, not a diagnosis.\n");
    }
    if (!s.efficient) {
        std::fprintf(stderr, "ecglens-cli: %s\n", efficiencyProblem.c_str());
        return kExitEfficiencyFailed;
    }
    return kExitOk;
}

} // namespace ecglens::cli
