#pragma once

#include <QObject>

class QAction;
class QMenu;

namespace ecglens {

class MainWindow;
struct AppSettings;

/// File menu: Open (a filter per supported format), Open Recent, Open folder as worklist, Open
/// next not reviewed, Compare with another ECG, reports, Close, Quit.
class FileActions : public QObject
{
    Q_OBJECT
public:
    FileActions(MainWindow* window, AppSettings& settings, QObject* parent = nullptr);

    void updateRecentMenu();
    /// The name filters of the Open dialog (one per format, "All supported" first).
    static QStringList nameFilters();
    QAction* nextNotReviewedAction() const { return m_nextNotReviewed; }

private:
    void openDialog();
    void openFolderDialog();
    void compareDialog();
    /// File ▸ Report signing certificate…: choose the PKCS#12 file exported reports are signed
    /// with, or stop signing.
    void signingCertificateDialog();

    MainWindow* m_window;
    AppSettings& m_settings;
    QMenu* m_recent;
    QAction* m_nextNotReviewed;
};

} // namespace ecglens
