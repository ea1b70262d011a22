#pragma once

#include <QObject>

namespace ecglens {

class AuditLog;
class MainWindow;

/// Help menu: Open demo, About ECG Lens (version, licence, credits), About Qt.
class HelpActions : public QObject
{
    Q_OBJECT
public:
    HelpActions(MainWindow* window, QObject* parent = nullptr);

    /// The About box text (HTML): version, GPL-3.0-or-later, Qt/QCustomPlot and data credits.
    static QString aboutText();
    /// The About box's line on the audit trail: where it is written, or that it is off.
    static QString auditText(const AuditLog& log);
    /// Where reviews are kept (for the About box): beside each recording, else `fallbackDir`.
    static QString reviewsText(const QString& fallbackDir);

private:
    MainWindow* m_window;
};

} // namespace ecglens
