// ecglens: the GUI. Command line:
//   [FILE | FOLDER] [--demo] [--worklist FOLDER] [--compare FILE] [--lang CODE]
//   [--screenshot OUT.png [--analyse] [--layout L] [--size WxH] [--dock PANEL]]

#include "app_settings.h"
#include "ecg_layout.h"
#include "i18n.h"
#include "main_window.h"
#include "screenshot.h"

#include "ml/thread_waiting.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QFileInfo>
#include <QLocale>
#include <QSettings>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

int main(int argc, char* argv[])
{
    ecglens::ml::preferPassiveThreadWaiting(argv); // may restart the process; see the header
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ECG Lens"));
    QApplication::setApplicationName(QStringLiteral("ecglens"));
    QApplication::setApplicationDisplayName(QStringLiteral("ECG Lens"));
    QApplication::setApplicationVersion(QStringLiteral(ECGLENS_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/ecglens.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "ECG Lens: ECG review workstation (supports a clinician, does not diagnose)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Open the built-in synthetic demo recording."));
    const QCommandLineOption shot(
        QStringLiteral("screenshot"),
        QStringLiteral("Render the window with FILE into OUT.png and exit."),
        QStringLiteral("OUT.png"));
    const QCommandLineOption layout(QStringLiteral("layout"),
                                    QStringLiteral("Lead layout: 12x1, 6x2, 3x4 or stack."),
                                    QStringLiteral("layout"));
    const QCommandLineOption size(
        QStringLiteral("size"), QStringLiteral("Window size for --screenshot (default 1600x1000)."),
        QStringLiteral("WxH"));
    const QCommandLineOption analyse(
        QStringLiteral("analyse"),
        QStringLiteral("With --screenshot: run the detector and wait for the verdict and the "
                       "explanation of the first flagged segment (else the most probable "
                       "window) before grabbing."));
    const QCommandLineOption dock(
        QStringLiteral("dock"),
        QStringLiteral("Bring a panel to the front: patient, decision, flagged, measurements, "
                       "explanation, advice or worklist."),
        QStringLiteral("panel"));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QStringLiteral("Interface language: %1 (default: the setting under Tools > Language, "
                       "else the system's; English for --screenshot).")
            .arg(ecglens::interfaceLanguages().join(QStringLiteral(", "))),
        QStringLiteral("code"));
    const QCommandLineOption worklist(
        QStringLiteral("worklist"),
        QStringLiteral("List the recordings of a folder in the worklist (as File > Open folder "
                       "as worklist)."),
        QStringLiteral("folder"));
    const QCommandLineOption compare(
        QStringLiteral("compare"),
        QStringLiteral("Show another ECG under FILE for comparison (as File > Compare with "
                       "another ECG)."),
        QStringLiteral("file"));
    parser.addOptions({demo, shot, layout, size, analyse, dock, lang, worklist, compare});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Recording to open (WFDB .hea, EDF, CSV, SCP, "
                                                "HL7 aECG, DICOM, or demo:...), or a folder to "
                                                "list in the worklist."));
    parser.process(app);

    QString path = parser.positionalArguments().value(0);
    QString folder = parser.value(worklist);
    if (!path.isEmpty() && QFileInfo(path).isDir()) {
        folder = path;
        path.clear();
    }
    if (parser.isSet(demo))
        path = QStringLiteral("demo:");
    const bool screenshot = parser.isSet(shot);
    if (screenshot && path.isEmpty()) {
        std::fprintf(stderr, "ecglens: --screenshot needs a FILE (or --demo)\n");
        return 2;
    }
    if (parser.isSet(layout)) {
        bool ok = false;
        ecglens::layoutFromKey(parser.value(layout), &ok);
        if (!ok) {
            std::fprintf(stderr, "ecglens: unknown layout '%s' (12x1, 6x2, 3x4, stack)\n",
                         qPrintable(parser.value(layout)));
            return 2;
        }
    }

    // Screenshots use default settings in a throw-away file, so they are reproducible and do
    // not change the user's preferences.
    QTemporaryDir scratch;
    std::unique_ptr<QSettings> store =
        screenshot ? std::make_unique<QSettings>(scratch.filePath(QStringLiteral("s.ini")),
                                                 QSettings::IniFormat)
                   : std::make_unique<QSettings>();
    // The language is set before the first window text is made.
    QString language = QStringLiteral("en");
    if (parser.isSet(lang)) {
        language = parser.value(lang);
        if (!ecglens::interfaceLanguages().contains(language)) {
            std::fprintf(stderr, "ecglens: unknown language '%s' (%s)\n", qPrintable(language),
                         qPrintable(ecglens::interfaceLanguages().join(QStringLiteral(", "))));
            return 2;
        }
    } else if (!screenshot) {
        ecglens::AppSettings settings; // read once: the window takes the same store
        settings.load(*store);
        language = ecglens::resolveLanguage(settings.language);
    }
    if (const QString problem = ecglens::installTranslations(app, language); !problem.isEmpty())
        std::fprintf(stderr, "ecglens: %s\n", qPrintable(problem));
    if (language != QLatin1String("en") && QLocale().language() != QLocale(language).language())
        QLocale::setDefault(QLocale(language)); // numbers as the language writes them: 99,8 %

    ecglens::MainWindow window(std::move(store));
    if (screenshot)
        window.settings().autoAnalyse = parser.isSet(analyse); // plain screenshots stay quick
    if (parser.isSet(layout)) {
        window.settings().layout = ecglens::layoutKey(ecglens::layoutFromKey(parser.value(layout)));
        window.applyViewSettings();
    }
    std::unique_ptr<ecglens::ScreenshotRunner> runner;
    if (screenshot) {
        QSize s(1600, 1000);
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        if (wh.size() == 2 && wh[0].toInt() > 100 && wh[1].toInt() > 100)
            s = QSize(wh[0].toInt(), wh[1].toInt());
        window.resize(s);
        runner = std::make_unique<ecglens::ScreenshotRunner>(&window, parser.value(shot),
                                                             parser.isSet(analyse));
    }
    window.show();
    if (parser.isSet(dock)) {
        auto* panel = window.findChild<QDockWidget*>(parser.value(dock) + QStringLiteral("Dock"));
        if (!panel) {
            std::fprintf(stderr, "ecglens: unknown panel '%s'\n", qPrintable(parser.value(dock)));
            return 2;
        }
        panel->raise();
        if (runner)
            runner->raiseBeforeGrab(panel);
    }
    if (parser.isSet(compare)) {
        if (path.isEmpty()) {
            std::fprintf(stderr, "ecglens: --compare needs a FILE to compare it with\n");
            return 2;
        }
        if (runner)
            runner->expectComparison();
        QObject::connect(
            &window, &ecglens::MainWindow::recordingShown, &window,
            [&window, other = parser.value(compare)] { window.compareWith(other); },
            Qt::SingleShotConnection);
    }
    if (!folder.isEmpty())
        window.openFolder(folder);
    if (!path.isEmpty())
        window.openPath(path);
    return app.exec();
}
