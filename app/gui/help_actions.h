#pragma once

#include <QObject>

namespace ecglens {

class MainWindow;

/// Help menu: Open demo, About ECG Lens (version, licence, credits), About Qt.
class HelpActions : public QObject
{
    Q_OBJECT
public:
    HelpActions(MainWindow* window, QObject* parent = nullptr);

    /// The About box text (HTML): version, GPL-3.0-or-later, Qt/QCustomPlot and data credits.
    static QString aboutText();

private:
    MainWindow* m_window;
};

} // namespace ecglens
