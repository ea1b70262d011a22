#pragma once

#include "core/recording.h"

#include <QObject>

class QAction;
class QMenu;

namespace ecglens {

class EcgPlot;
class MainWindow;
struct AppSettings;

/// Tools menu: calipers, march out, per-lead gain, the screen-size calibration, the interface
/// language (applied at the next start: every window text is set when it is made) and the
/// report's paper.
class ToolsActions : public QObject
{
    Q_OBJECT
public:
    ToolsActions(MainWindow* window, EcgPlot* plot, AppSettings& settings,
                 QObject* parent = nullptr);

    void setRecording(const Recording* recording);
    QAction* calipersAction() const { return m_calipers; }

private:
    void calibrateScreen();
    void chooseLanguage(const QString& code);

    MainWindow* m_window;
    EcgPlot* m_plot;
    AppSettings& m_settings;
    QAction* m_calipers;
    QMenu* m_leadGain;
};

} // namespace ecglens
