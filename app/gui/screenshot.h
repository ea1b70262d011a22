#pragma once

#include <QObject>
#include <QString>

class QDockWidget;

namespace ecglens {

class MainWindow;

/// `ecglens --screenshot OUT.png FILE [--analyse]`: waits until the background load (and any
/// display filtering) has put the recording on screen and its measurements are in — with
/// `analyse`, also until the detector's verdict and the explanation shown after it (the first
/// flagged segment, else the most probable window) are in, and the worklist is read (with
/// `analyse`, with the detector's verdicts) — grabs the window into OUT.png and
/// quits with 0, or quits with 1 and a message on stderr when loading fails or takes too long.
class ScreenshotRunner : public QObject
{
    Q_OBJECT
public:
    ScreenshotRunner(MainWindow* window, QString outPath, bool analyse = false,
                     int timeoutMs = 180000, QObject* parent = nullptr);

    /// Brings `dock` to the front just before grabbing.
    void raiseBeforeGrab(QDockWidget* dock) { m_dock = dock; }
    /// Waits for the ECG given with --compare too.
    void expectComparison() { m_expectComparison = true; }

private:
    void check();
    void grabAndQuit();
    void fail(const QString& message);

    MainWindow* m_window;
    QDockWidget* m_dock = nullptr;
    QString m_outPath;
    bool m_analyse = false;
    bool m_done = false;
    bool m_shown = false;
    bool m_analysisDone = false;    ///< verdict shown, or the analysis ended without one
    bool m_explanationDone = false; ///< explanation shown or failed
    bool m_expectExplanation = true;
    bool m_expectComparison = false;
    bool m_comparisonDone = false; ///< shown, or it could not be opened (then the grab fails)
};

} // namespace ecglens
