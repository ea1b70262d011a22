#pragma once

// The main window as the app tests drive it: settings in a file of the test's own folder,
// reviews that cannot go beside a recording in its "fallback" folder, no automatic analysis.

#include "main_window.h"
#include "report_export.h"

#include <QDir>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace ecglens::test {

inline std::unique_ptr<MainWindow>
makeWindow(const QDir& dir, const QString& settings = QStringLiteral("settings.ini"))
{
    auto w = std::make_unique<MainWindow>(
        std::make_unique<QSettings>(dir.filePath(settings), QSettings::IniFormat));
    w->reviewStore()->setFallbackDir(dir.filePath(QStringLiteral("fallback")));
    w->settings().autoAnalyse = false; // these tests do not need the detector
    w->show();
    return w;
}

/// File ▸ Export report to `pdf` through the window's exporter, as the menu does; returns the
/// PDF's text as `pdftotext -layout` gives it with runs of blanks and line breaks collapsed, as a
/// reader would see it, or a message starting "EXPORT FAILED" (what the caller's check shows).
inline QString exportedReportText(MainWindow& w, const QString& pdf, bool anonymise = false)
{
    QSignalSpy written(w.reportExporter(), &ReportExporter::finished);
    w.reportExporter()->exportTo(pdf, anonymise);
    if (!QTest::qWaitFor([&] { return written.count() > 0; }, 60000))
        return QStringLiteral("EXPORT FAILED: timed out");
    if (const QString error = written.first().at(1).toString(); !error.isEmpty())
        return QStringLiteral("EXPORT FAILED: ") + error;
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!text.waitForFinished(30000) || text.exitCode() != 0)
        return QStringLiteral("EXPORT FAILED: pdftotext did not run (install poppler-utils: bash "
                              "packaging/install-deps.sh)");
    return QString::fromUtf8(text.readAllStandardOutput()).simplified();
}

} // namespace ecglens::test
