#pragma once

#include <QObject>
#include <QString>

namespace ecglens {

class MainWindow;

/// File ▸ Export report: takes what the window shows — recording, measurements, rhythm
/// findings, the detector's verdict, advice, the review decision, the patient panel's age and
/// sex — and writes the PDF report (app/report) on a background thread.
class ReportExporter : public QObject
{
    Q_OBJECT
public:
    explicit ReportExporter(MainWindow* window, QObject* parent = nullptr);

    /// Asks for a file name, then exports.
    void exportWithDialog();
    /// Exports to `path` (replaced only after complete success); finished() says how it went.
    void exportTo(const QString& path);
    bool busy() const { return m_busy; }

signals:
    void finished(const QString& path, const QString& error);

private:
    MainWindow* m_window;
    bool m_busy = false;
};

} // namespace ecglens
