#include "help_actions.h"

#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

#ifndef ECGLENS_VERSION
#define ECGLENS_VERSION "unknown"
#endif

namespace ecglens {

HelpActions::HelpActions(MainWindow* window, QObject* parent) : QObject(parent), m_window(window)
{
    QMenu* menu = window->menuBar()->addMenu(tr("&Help"));
    QAction* demo = menu->addAction(tr("Open &demo (synthetic ECG)"));
    demo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(demo, &QAction::triggered, window, &MainWindow::openDemo);
    menu->addSeparator();
    QAction* about = menu->addAction(tr("&About ECG Lens"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(m_window, tr("About ECG Lens"),
                           aboutText() + auditText(m_window->auditLog()) +
                               reviewsText(m_window->reviewStore()->fallbackDir()));
    });
    QAction* aboutQt = menu->addAction(tr("About &Qt"));
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

QString HelpActions::auditText(const AuditLog& log)
{
    // Where the audit trail goes, for whoever has to find it (README "Audit trail").
    return log.enabled() ? tr("<p><b>Audit log.</b> Openings, decisions, reports and worklists "
                              "are recorded in %1. Each line is linked to the one before it; "
                              "<code>ecglens-cli audit</code> finds a line changed, inserted or "
                              "removed since.</p>")
                               .arg(QDir::toNativeSeparators(log.path()).toHtmlEscaped())
                         : tr("<p><b>Audit log.</b> Off (site setting audit/log).</p>");
}

QString HelpActions::reviewsText(const QString& fallbackDir)
{
    return tr("<p><b>Reviews.</b> Saved beside each recording; for recordings in folders that "
              "cannot take them, in %1 (setting reviews/folder).</p>")
        .arg(QDir::toNativeSeparators(fallbackDir).toHtmlEscaped());
}

QString HelpActions::aboutText()
{
    return tr("<h3>ECG Lens %1</h3>"
              "<p>A review workstation for resting and ambulatory ECGs.</p>"
              "<p><b>ECG Lens supports a clinician's review. It does not diagnose.</b></p>"
              "<p>Licence: GNU General Public License, version 3 or (at your option) any later "
              "version (GPL-3.0-or-later). No warranty.</p>"
              "<p>Built with Qt %2 (LGPLv3/GPL) and QCustomPlot (GPL, Emanuel Eichhammer).</p>"
              "<p><b>Data credits.</b> The detector models and the normal-beat explanation "
              "baseline are derived from PTB-XL "
              "(Wagner P, Strodthoff N, Bousseljot R-D, et al. PTB-XL, a large publicly available "
              "electrocardiography dataset. Scientific Data 7, 154 (2020)), licensed under "
              "Creative Commons Attribution 4.0 (CC BY 4.0), distributed by PhysioNet. "
              "Development and tests also use the MIT-BIH Arrhythmia Database (Moody &amp; Mark "
              "2001, ODC-By 1.0) and LUDB (Kalyakulina et al. 2020, ODC-By 1.0). The built-in demo "
              "is "
              "synthetic (ECGSYN model, McSharry et al. 2003), not patient data.</p>")
        .arg(QStringLiteral(ECGLENS_VERSION), QString::fromLatin1(qVersion()));
}

} // namespace ecglens
