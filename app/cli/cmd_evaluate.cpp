#include "cli_util.h"

#include "ml/evaluation.h"

#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ecglens::cli {

int runEvaluate(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Evaluate a model folder on PTB-XL test fold(s) with bootstrap CIs; writes metrics.json "
        "and MODEL_CARD.md into the model folder and refreshes its manifest."));
    const QCommandLineOption data(QStringLiteral("data"),
                                  QStringLiteral("Shared data folder or its ptbxl subfolder."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("Model folder."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption folds(
        QStringLiteral("folds"), QStringLiteral("Comma-separated strat_fold values (default 10)."),
        QStringLiteral("LIST"), QStringLiteral("10"));
    const QCommandLineOption rounds(QStringLiteral("bootstrap"),
                                    QStringLiteral("Bootstrap resamples (default 2000)."),
                                    QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption noWrite(QStringLiteral("no-write"),
                                     QStringLiteral("Do not write metrics.json / MODEL_CARD.md."));
    const QCommandLineOption noAmbulatory(
        QStringLiteral("no-ambulatory"),
        QStringLiteral("Skip the check on DIR/mitdb (MIT-BIH Arrhythmia Holter records)."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print metrics JSON."));
    parser.addOptions({data, model, folds, rounds, noWrite, noAmbulatory, json});
    int exitCode = kExitOk;
    if (!parseArgs(parser, args, 0, exitCode))
        return exitCode;
    if (!parser.isSet(data) || !parser.isSet(model))
        return fail(QStringLiteral("evaluate needs --data DIR --model DIR"));

    ml::EvaluationConfig cfg;
    cfg.dataDir = toStd(parser.value(data));
    cfg.modelDir = toStd(parser.value(model));
    cfg.ambulatory = !parser.isSet(noAmbulatory);
    cfg.folds.clear();
    for (const QString& f : parser.value(folds).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int v = f.trimmed().toInt(&ok);
        if (!ok || v < 1 || v > 10)
            return fail(QStringLiteral("--folds takes numbers 1-10, got \"%1\"").arg(f));
        cfg.folds.push_back(v);
    }
    bool ok = false;
    cfg.bootstrapRounds = parser.value(rounds).toInt(&ok);
    if (!ok || cfg.bootstrapRounds < 1)
        return fail(QStringLiteral("--bootstrap must be a positive number"));
    const bool usesValidation = std::find(cfg.folds.begin(), cfg.folds.end(), 9) != cfg.folds.end();
    if (usesValidation)
        std::fprintf(stderr, "ecglens-cli: note: fold 9 was used for calibration and thresholds; "
                             "its metrics are optimistic\n");

    const auto metrics = ml::evaluateModel(
        cfg, [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); });
    if (!metrics)
        return fail(metrics.error());
    if (!parser.isSet(noWrite)) {
        if (auto w = ml::writeEvaluation(cfg.modelDir, *metrics); !w)
            return fail(w.error());
        std::fprintf(stderr, "wrote metrics.json and MODEL_CARD.md in %s\n", cfg.modelDir.c_str());
    }
    const ml::Json& o = (*metrics)["overall"];
    if (parser.isSet(json)) {
        std::printf("%s\n", metrics->dump().c_str());
    } else {
        auto line = [&](const char* name, const ml::Json& j) {
            std::printf("%-18s %.3f (95%% CI %.3f-%.3f)\n", name, j["value"].number(NAN),
                        j["ci_low"].number(NAN), j["ci_high"].number(NAN));
        };
        std::printf("records %g, abnormal %g\n", o["n"].number(), o["n_abnormal"].number());
        line("AUC", o["auc"]);
        line("sensitivity", o["sensitivity"]);
        line("specificity", o["specificity"]);
        line("precision", o["precision"]);
        line("F1", o["f1"]);
        line("accuracy", o["accuracy"]);
        line("Brier", o["brier"]);
        line("ECE", o["ece"]);
        for (const auto& [group, g] : (*metrics)["by_age_group"].members()) {
            std::printf("age %-6s n=%g ", group.c_str(), g["n"].number());
            line("sensitivity", g["sensitivity"]);
        }
        if (const ml::Json& a = (*metrics)["ambulatory"]; a.isObject()) {
            std::printf("MIT-BIH: %g records, %g windows (%g with annotated events)\n",
                        a["records"].number(), a["windows"].number(), a["event_windows"].number());
            line("window AUC", a["window_auc"]);
            line("flagged, no event", a["event_free_flagged"]);
            line("flagged, event", a["event_flagged"]);
        }
    }
    return kExitOk;
}

} // namespace ecglens::cli
