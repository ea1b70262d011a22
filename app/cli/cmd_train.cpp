#include "cli_util.h"

#include "ml/classical.h"
#include "ml/trainer.h"

#include <cstdio>

namespace ecglens::cli {

int runTrain(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Train a detector on PTB-XL (folds 1-8 train, fold 9 validation; fold 10 untouched)."));
    const QCommandLineOption data(QStringLiteral("data"),
                                  QStringLiteral("Shared data folder or its ptbxl subfolder."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption model(QStringLiteral("model"),
                                   QStringLiteral("Model name: logreg, forest, gbm = measurement "
                                                  "models (logistic regression, random forest, "
                                                  "gradient boosting); cnn_lstm* = baseline "
                                                  "CNN-LSTM; anything else = 1-D ResNet."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Model folder to write."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed."),
                                  QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption epochs(QStringLiteral("epochs"), QStringLiteral("Maximum epochs."),
                                    QStringLiteral("N"), QStringLiteral("40"));
    const QCommandLineOption maxRecords(QStringLiteral("max-records"),
                                        QStringLiteral("Use at most N training records (smoke "
                                                       "tests)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("CPU threads."),
                                     QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption noAugment(QStringLiteral("no-augment"),
                                       QStringLiteral("Disable data augmentation."));
    const QCommandLineOption leadDropout(QStringLiteral("lead-dropout"),
                                         QStringLiteral("Probability of a reduced lead set per "
                                                        "training example."),
                                         QStringLiteral("P"), QStringLiteral("0.5"));
    const QCommandLineOption lr(QStringLiteral("lr"), QStringLiteral("Peak learning rate."),
                                QStringLiteral("LR"), QStringLiteral("0.002"));
    const QCommandLineOption recalibrate(
        QStringLiteral("recalibrate-only"),
        QStringLiteral("Keep the weights in --out; redo calibration and thresholds on fold 9."));
    const QCommandLineOption members(
        QStringLiteral("members"),
        QStringLiteral(
            "Cross-fitted ensemble members on folds 1-9 (1 = folds 1-8 + fold-9 validation)."),
        QStringLiteral("K"), QStringLiteral("1"));
    const QCommandLineOption width(QStringLiteral("width"),
                                   QStringLiteral("ResNet first-stage channels."),
                                   QStringLiteral("N"), QStringLiteral("32"));
    const QCommandLineOption auxiliary(
        QStringLiteral("aux"),
        QStringLiteral("Auxiliary labels learnt by training-only heads: none, super (PTB-XL "
                       "diagnostic superclasses MI/STTC/CD/HYP) or codes (scp statements in >= 25 "
                       "training records)."),
        QStringLiteral("KIND"), QStringLiteral("none"));
    const QCommandLineOption auxWeight(QStringLiteral("aux-weight"),
                                       QStringLiteral("Weight of the auxiliary loss."),
                                       QStringLiteral("W"), QStringLiteral("0.5"));
    parser.addOptions({data, model, out, seed, epochs, maxRecords, threads, noAugment, leadDropout,
                       lr, recalibrate, members, width, auxiliary, auxWeight});
    int exitCode = kExitOk;
    if (!parseArgs(parser, args, 0, exitCode))
        return exitCode;
    if (!parser.isSet(data) || !parser.isSet(model) || !parser.isSet(out))
        return fail(QStringLiteral("train needs --data DIR --model NAME --out DIR"));

    auto log = [](const std::string& line) {
        std::fprintf(stderr, "%s\n", line.c_str());
        std::fflush(stderr);
    };
    const std::string name = toStd(parser.value(model));
    if (ml::isClassicalArch(name)) {
        if (parser.isSet(recalibrate))
            return fail(QStringLiteral("--recalibrate-only is for the neural models"));
        ml::ClassicalTrainConfig cfg;
        cfg.dataDir = toStd(parser.value(data));
        cfg.arch = name;
        cfg.name = name;
        cfg.outDir = toStd(parser.value(out));
        bool ok = true, all = true;
        cfg.seed = parser.value(seed).toULongLong(&ok);
        all = all && ok;
        cfg.maxRecords = parser.value(maxRecords).toInt(&ok);
        all = all && ok && cfg.maxRecords >= 0;
        cfg.threads = parser.value(threads).toInt(&ok);
        all = all && ok && cfg.threads > 0;
        if (!all)
            return fail(QStringLiteral("invalid number in --seed/--max-records/--threads"));
        const auto report = ml::trainClassical(cfg, log);
        if (!report)
            return fail(report.error());
        std::fprintf(stderr,
                     "done: %d training / %d validation records, fold-9 AUC %.4f, %.0f s; model "
                     "in %s\n",
                     report->trainRecords, report->validationRecords, report->validationAuc,
                     report->seconds, cfg.outDir.c_str());
        return kExitOk;
    }
    if (parser.isSet(recalibrate)) {
        const auto r =
            ml::recalibrateModel(toStd(parser.value(data)), toStd(parser.value(out)), log);
        return r ? kExitOk : fail(r.error());
    }

    ml::TrainConfig cfg;
    cfg.dataDir = toStd(parser.value(data));
    cfg.name = toStd(parser.value(model));
    cfg.outDir = toStd(parser.value(out));
    bool ok = true, all = true;
    cfg.seed = parser.value(seed).toULongLong(&ok);
    all = all && ok;
    cfg.epochs = parser.value(epochs).toInt(&ok);
    all = all && ok && cfg.epochs > 0;
    cfg.maxRecords = parser.value(maxRecords).toInt(&ok);
    all = all && ok && cfg.maxRecords >= 0;
    cfg.threads = parser.value(threads).toInt(&ok);
    all = all && ok && cfg.threads > 0;
    cfg.leadDropout = parser.value(leadDropout).toDouble(&ok);
    all = all && ok;
    cfg.learningRate = parser.value(lr).toDouble(&ok);
    all = all && ok;
    cfg.augment = !parser.isSet(noAugment);
    cfg.members = parser.value(members).toInt(&ok);
    all = all && ok && cfg.members >= 1 && cfg.members <= 9;
    cfg.width = parser.value(width).toInt(&ok);
    all = all && ok && cfg.width >= 4 && cfg.width <= 256;
    cfg.auxiliary = toStd(parser.value(auxiliary));
    cfg.auxWeight = parser.value(auxWeight).toDouble(&ok);
    all = all && ok && cfg.auxWeight >= 0;
    if (!all)
        return fail(QStringLiteral("invalid number in --seed/--epochs/--max-records/--threads/"
                                   "--lead-dropout/--lr/--members/--width/--aux-weight"));

    const auto report = ml::trainModel(cfg, log);
    if (!report)
        return fail(report.error());
    std::fprintf(stderr, "done: %d epochs, best epoch %d, fold-9 AUC %.4f, %.0f s; model in %s\n",
                 report->epochsRun, report->bestEpoch, report->bestValidationAuc, report->seconds,
                 cfg.outDir.c_str());
    return kExitOk;
}

} // namespace ecglens::cli
