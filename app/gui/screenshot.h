#pragma once

#include <QObject>
#include <QString>

namespace ecglens {

class MainWindow;

/// `ecglens --screenshot OUT.png FILE`: waits until the background load (and any display
/// filtering) has put the recording on screen and its measurements are in, grabs the window into
/// OUT.png and quits with 0, or quits with 1 and a message on stderr when loading fails or takes
/// too long.
class ScreenshotRunner : public QObject
{
    Q_OBJECT
public:
    ScreenshotRunner(MainWindow* window, QString outPath, int timeoutMs = 120000,
                     QObject* parent = nullptr);

private:
    void grabAndQuit();
    void fail(const QString& message);

    MainWindow* m_window;
    QString m_outPath;
    bool m_done = false;
    bool m_shown = false;
};

} // namespace ecglens
