#pragma once

#include <QObject>

class QAction;
class QMenu;

namespace ecglens {

class MainWindow;
struct AppSettings;

/// File menu: Open (a filter per supported format), Open Recent, Close, Quit.
class FileActions : public QObject
{
    Q_OBJECT
public:
    FileActions(MainWindow* window, AppSettings& settings, QObject* parent = nullptr);

    void updateRecentMenu();
    /// The name filters of the Open dialog (one per format, "All supported" first).
    static QStringList nameFilters();

private:
    void openDialog();

    MainWindow* m_window;
    AppSettings& m_settings;
    QMenu* m_recent;
};

} // namespace ecglens
