#pragma once

// The main window as the app tests drive it: settings in a file of the test's own folder,
// reviews that cannot go beside a recording in its "fallback" folder, no automatic analysis.

#include "main_window.h"
#include "report_export.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTextEdit>

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

/// The controls under `top` a clinician can operate (buttons, fields, lists, tables, sliders,
/// charts) that Qt's accessibility interface, which screen readers such as Orca and NVDA query,
/// reports without a name: "class \"objectName\" in parent class", one per control. Scroll
/// bars, a table's header and a spin box's or combo box's own line edit are named by their
/// owner and left out.
inline QStringList unnamedControls(QWidget& top)
{
    QStringList unnamed;
    for (QWidget* c : top.findChildren<QWidget*>()) {
        const bool operable = qobject_cast<QAbstractButton*>(c) || qobject_cast<QLineEdit*>(c) ||
                              qobject_cast<QComboBox*>(c) || qobject_cast<QAbstractSpinBox*>(c) ||
                              qobject_cast<QAbstractSlider*>(c) ||
                              qobject_cast<QAbstractItemView*>(c) ||
                              qobject_cast<QPlainTextEdit*>(c) || qobject_cast<QTextEdit*>(c) ||
                              c->inherits("QCustomPlot");
        if (!operable || !c->isVisibleTo(&top) || qobject_cast<QScrollBar*>(c) ||
            qobject_cast<QHeaderView*>(c) || qobject_cast<QAbstractSpinBox*>(c->parentWidget()) ||
            qobject_cast<QComboBox*>(c->parentWidget()))
            continue;
        QAccessibleInterface* a = QAccessible::queryAccessibleInterface(c);
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << QStringLiteral("%1 \"%2\" in %3")
                           .arg(QString::fromLatin1(c->metaObject()->className()), c->objectName(),
                                c->parentWidget()
                                    ? QString::fromLatin1(
                                          c->parentWidget()->metaObject()->className())
                                    : QString());
    }
    return unnamed;
}

} // namespace ecglens::test
