#pragma once

#include "report.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <memory>

class QPrinter;

namespace ecglens {

class MainWindow;
struct AuditEvent;

/// File ▸ Export report and File ▸ Print report: takes what the window shows — recording,
/// measurements, rhythm findings, the detector's verdict, advice, the review decision, the
/// patient panel's age and sex — and writes the report (app/report) as a PDF or on a printer, on
/// a background thread. Both draw the same pages (report::renderReport).
class ReportExporter : public QObject
{
    Q_OBJECT
public:
    explicit ReportExporter(MainWindow* window, QObject* parent = nullptr);

    /// A PKCS#12 file and its password: the report is signed with its certificate.
    struct Signing
    {
        QString file;
        QByteArray password;
    };

    /// Asks for a file name, then exports. An anonymised report (report::ReportInput::anonymise)
    /// is offered under a name that does not repeat the recording's. With a signing certificate
    /// set (AppSettings::signingCertificate), a report that is not anonymised is signed: its
    /// password is asked for (Cancel exports nothing).
    void exportWithDialog(bool anonymise = false);
    /// Exports to `path` (replaced only after complete success), signed when `signing` names a
    /// file (the certificate is opened on the worker thread; a wrong password or an expired
    /// certificate writes nothing); finished() says how it went.
    void exportTo(const QString& path, bool anonymise = false, Signing signing = {});
    /// Opens the print dialog (the report paper setting preselected, landscape), then prints on
    /// the paper chosen there when it is A4 or US Letter, else on the setting's.
    void printWithDialog();
    /// Prints on `printer` (full-page mode; the report sets `paper`'s landscape page: true scale
    /// needs the page it was laid out for); finished() names the printer, or its output file if
    /// it has one.
    void printTo(std::shared_ptr<QPrinter> printer, report::Paper paper);
    bool busy() const { return m_busy; }
    /// What a signed export adds to its message when the certificate ends within
    /// kExpiryWarningDays ("— the signing certificate expires on …"); empty otherwise.
    static QString expiryNote(const QDateTime& validUntilUtc);
    static constexpr int kExpiryWarningDays = 30;

signals:
    void finished(const QString& path, const QString& error);

private:
    struct Target;
    struct Snapshot;
    /// Copies what the window shows, then has the worker explain the Look first windows the
    /// report pages and, when the viewer explains none, the report's own window
    /// (report::reportExplainedWindow) before render().
    void start(std::shared_ptr<Target> target);
    /// Draws the report on a pool thread; `audit` is recorded when it is written.
    void render(Snapshot s, std::shared_ptr<Target> target, const AuditEvent& audit);

    MainWindow* m_window;
    bool m_busy = false;
};

} // namespace ecglens
