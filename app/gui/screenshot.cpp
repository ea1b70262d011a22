#include "screenshot.h"

#include "main_window.h"
#include "measurements_panel.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace ecglens {

ScreenshotRunner::ScreenshotRunner(MainWindow* window, QString outPath, int timeoutMs,
                                   QObject* parent)
    : QObject(parent), m_window(window), m_outPath(std::move(outPath))
{
    // Grab once the trace is on screen and the measure job has delivered its beat markers.
    auto ready = [this] {
        if (m_shown && !m_window->measurementsPanel()->busy())
            QTimer::singleShot(50, this, &ScreenshotRunner::grabAndQuit); // let replots run
    };
    connect(window, &MainWindow::filtersApplied, this, [this, ready] {
        m_shown = true;
        ready();
    });
    connect(window->measurementsPanel(), &MeasurementsPanel::measured, this, ready);
    connect(window, &MainWindow::loadFailed, this, &ScreenshotRunner::fail);
    QTimer::singleShot(timeoutMs, this,
                       [this] { fail(tr("timed out waiting for the recording")); });
}

void ScreenshotRunner::grabAndQuit()
{
    if (m_done)
        return;
    m_done = true;
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
