#include "screenshot.h"

#include <QDockWidget>

#include "analysis_controller.h"
#include "job_runner.h"
#include "main_window.h"
#include "measurements_panel.h"
#include "worklist_panel.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace ecglens {

ScreenshotRunner::ScreenshotRunner(MainWindow* window, QString outPath, bool analyse, int timeoutMs,
                                   QObject* parent)
    : QObject(parent), m_window(window), m_outPath(std::move(outPath)), m_analyse(analyse)
{
    // Grab once the trace is on screen and the measure job has delivered its beat markers
    // (and, with --analyse, the verdict and its explanation are in).
    connect(window, &MainWindow::filtersApplied, this, [this] {
        m_shown = true;
        check();
    });
    connect(window->measurementsPanel(), &MeasurementsPanel::measured, this,
            &ScreenshotRunner::check);
    AnalysisController* analysis = window->analysis();
    connect(analysis, &AnalysisController::verdictShown, this, [this] {
        m_analysisDone = true;
        check();
    });
    connect(analysis, &AnalysisController::analysisEnded, this, [this] {
        m_analysisDone = true;
        m_expectExplanation = false; // no verdict, so nothing gets explained
        check();
    });
    connect(analysis, &AnalysisController::explanationShown, this, [this] {
        m_explanationDone = true;
        check();
    });
    connect(analysis, &AnalysisController::explanationFailed, this, [this] {
        m_explanationDone = true;
        check();
    });
    // With --analyse, a worklist gets the detector's verdicts too.
    connect(window->worklist(), &WorklistPanel::scanFinished, this, [this] {
        if (m_analyse)
            m_window->worklist()->runDetector();
        check();
    });
    connect(window->worklist(), &WorklistPanel::detectorFinished, this, &ScreenshotRunner::check);
    connect(window, &MainWindow::loadFailed, this, &ScreenshotRunner::fail);
    connect(window->jobs(), &JobRunner::compareFinished, this, [this](const CompareOutcome& o) {
        if (o.cancelled)
            return;
        if (!o.recording)
            return fail(o.error);
        QTimer::singleShot(0, this, [this] { // after the window has shown it
            m_comparisonDone = true;
            check();
        });
    });
    QTimer::singleShot(timeoutMs, this, [this] {
        fail(m_shown ? tr("timed out waiting for the analysis")
                     : tr("timed out waiting for the recording"));
    });
}

void ScreenshotRunner::check()
{
    if (!m_shown || m_window->measurementsPanel()->busy() || m_window->worklist()->scanning() ||
        m_window->worklist()->detectorRunning())
        return;
    if (m_analyse && (!m_analysisDone || (m_expectExplanation && !m_explanationDone)))
        return;
    if (m_expectComparison && !m_comparisonDone)
        return;
    QTimer::singleShot(100, this, &ScreenshotRunner::grabAndQuit); // let replots run
}

void ScreenshotRunner::grabAndQuit()
{
    if (m_done)
        return;
    m_done = true;
    if (m_dock) // the analysis may have brought the explanation forward meanwhile
        m_dock->raise();
    const QPixmap pixmap = m_window->grab();
    if (!pixmap.save(m_outPath)) {
        std::fprintf(stderr, "ecglens: cannot write %s\n", qPrintable(m_outPath));
        QCoreApplication::exit(1);
        return;
    }
    std::fprintf(stdout, "%s\n", qPrintable(m_outPath));
    QCoreApplication::exit(0);
}

void ScreenshotRunner::fail(const QString& message)
{
    if (m_done)
        return;
    m_done = true;
    std::fprintf(stderr, "ecglens: %s\n", qPrintable(message));
    QCoreApplication::exit(1);
}

} // namespace ecglens
