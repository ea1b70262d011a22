#include "cli_util.h"

#include "ml/thread_waiting.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <cstring>
#include <memory>

namespace ecglens::cli {

int runInfo(const QStringList& args);
int runDump(const QStringList& args);
int runAnnotations(const QStringList& args);
int runBeats(const QStringList& args);
int runMeasure(const QStringList& args);
int runTrain(const QStringList& args);
int runEvaluate(const QStringList& args);
int runAnalyze(const QStringList& args);
int runExplain(const QStringList& args);
int runReport(const QStringList& args);
int runSelftest(const QStringList& args);
int runWorklist(const QStringList& args);
int runAudit(const QStringList& args);

const std::vector<Command>& commands()
{
    static const std::vector<Command> all = {
        {"info", "format, leads, rate, duration, patient, warnings [--json]", runInfo},
        {"dump", "samples as text, like WFDB rdsamp [--from T] [--to T] [--leads L] [--digital]",
         runDump},
        {"annotations", "annotations of a recording [--ann EXT] [--json]", runAnnotations},
        {"beats", "detected beats with class (N S V Q) [--lead L] [--json]", runBeats},
        {"measure", "rate, HRV, PR/QRS/QT/QTc, axes, rhythm findings [--json]", runMeasure},
        {"train", "train a detector on PTB-XL --data DIR --model NAME --out DIR [--seed N]",
         runTrain},
        {"evaluate", "evaluate a model on PTB-XL fold 10 --data DIR --model DIR [--json]",
         runEvaluate},
        {"analyze", "abnormal-ECG verdict for a recording [--age N] [--sex M|F] [--json]",
         runAnalyze},
        {"explain",
         "SHAP contributions per lead/segment [--window S] [--players beats|seconds|leads] "
         "[--json]",
         runExplain},
        {"report",
         "PDF report --out X.pdf [--age N] [--sex M|F] [--model DIR] [--no-analysis] "
         "[--reviewer NAME --decision TEXT --note TEXT | --no-saved-review] [--anonymise] "
         "[--lang de]",
         runReport},
        {"selftest", "check this installation: libraries, models, demo analysis (no FILE)",
         runSelftest},
        {"worklist",
         "recordings of a FOLDER with their review state [--show not-reviewed|reviewed|"
         "attention] [--json]",
         runWorklist},
        {"audit",
         "check the audit log's chain of lines (no FILE) [--log PATH] [--head SHA256] "
         "[--json]",
         runAudit},
    };
    return all;
}

} // namespace ecglens::cli

namespace {

void printUsage(std::FILE* to)
{
    std::fprintf(to, "Usage: ecglens-cli COMMAND FILE [options]\n"
                     "FILE may be any supported recording, or demo: for the built-in synthetic "
                     "demo.\n\nCommands:\n");
    for (const auto& c : ecglens::cli::commands())
        std::fprintf(to, "  %-12s %s\n", c.name, c.summary);
    std::fprintf(to, "\nRun 'ecglens-cli COMMAND --help' for a command's options.\n");
}

} // namespace

int main(int argc, char* argv[])
{
    ecglens::ml::preferPassiveThreadWaiting(argv); // may restart the process; see the header
    // Painting the report's text needs a QGuiApplication; headless unless a platform is chosen.
    const bool gui = argc > 1 && std::strcmp(argv[1], "report") == 0;
    if (gui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app =
        gui ? std::make_unique<QGuiApplication>(argc, argv)
            : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ecglens-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ECGLENS_VERSION));

    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        printUsage(stderr);
        return ecglens::cli::kExitBadInput;
    }
    const QString command = args.at(1);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        printUsage(stdout);
        return ecglens::cli::kExitOk;
    }
    if (command == QLatin1String("--version")) {
        std::printf("ecglens-cli %s\n", ECGLENS_VERSION);
        return ecglens::cli::kExitOk;
    }
    for (const auto& c : ecglens::cli::commands()) {
        if (command == QLatin1String(c.name)) {
            QStringList rest = args;
            rest.removeAt(1);
            rest[0] = QStringLiteral("ecglens-cli ") + command;
            try {
                return c.run(rest);
            } catch (const std::exception& e) {
                return ecglens::cli::fail(std::string("internal error: ") + e.what());
            }
        }
    }
    ecglens::cli::fail(QStringLiteral("unknown command \"%1\"; try --help").arg(command));
    return ecglens::cli::kExitBadInput;
}
