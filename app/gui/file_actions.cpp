#include "file_actions.h"

#include "app_settings.h"
#include "main_window.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace ecglens {

FileActions::FileActions(MainWindow* window, AppSettings& settings, QObject* parent)
    : QObject(parent), m_window(window), m_settings(settings)
{
    QMenu* menu = window->menuBar()->addMenu(tr("&File"));
    QAction* open = menu->addAction(QIcon::fromTheme(QStringLiteral("document-open"),
                                                     QIcon(QStringLiteral(":/icons/open.svg"))),
                                    tr("&Open…"));
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, &FileActions::openDialog);
    m_recent = menu->addMenu(tr("Open &Recent"));
    QAction* openFolder = menu->addAction(tr("Open &folder as worklist…"));
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openFolder->setObjectName(QStringLiteral("openFolderAction"));
    openFolder->setStatusTip(tr("List every recording in a folder with its review state"));
    connect(openFolder, &QAction::triggered, this, &FileActions::openFolderDialog);
    m_nextNotReviewed = menu->addAction(tr("Open &next not reviewed"));
    m_nextNotReviewed->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_nextNotReviewed->setObjectName(QStringLiteral("nextNotReviewedAction"));
    m_nextNotReviewed->setStatusTip(
        tr("Open the next recording of the worklist that has no decision yet"));
    connect(m_nextNotReviewed, &QAction::triggered, window, &MainWindow::openNextNotReviewed);
    QAction* compare = menu->addAction(tr("Co&mpare with another ECG…"));
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    compare->setObjectName(QStringLiteral("compareAction"));
    compare->setStatusTip(tr("Show another ECG of the patient, e.g. an earlier one, under the "
                             "shown one with both ECGs' measurements and the change"));
    connect(compare, &QAction::triggered, this, &FileActions::compareDialog);
    QAction* previous = menu->addAction(tr("Compare with the &previous ECG of this patient"));
    previous->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    previous->setObjectName(QStringLiteral("comparePreviousAction"));
    previous->setStatusTip(tr("The latest ECG of the same patient ID recorded before the shown "
                              "one, from the worklist"));
    connect(previous, &QAction::triggered, window, &MainWindow::compareWithPrevious);
    menu->addSeparator();
    QAction* exportReport = menu->addAction(tr("&Export report (PDF)…"));
    exportReport->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportReport->setObjectName(QStringLiteral("exportReportAction"));
    connect(exportReport, &QAction::triggered, window, &MainWindow::exportReport);
    QAction* exportAnonymised = menu->addAction(tr("Export &anonymised report (PDF)…"));
    exportAnonymised->setObjectName(QStringLiteral("exportAnonymisedReportAction"));
    exportAnonymised->setStatusTip(
        tr("The report without patient ID, file name, dates other than the year, ages over 89, "
           "reviewer and note"));
    connect(exportAnonymised, &QAction::triggered, window, &MainWindow::exportAnonymisedReport);
    QAction* signing = menu->addAction(tr("Report &signing certificate…"));
    signing->setObjectName(QStringLiteral("signingCertificateAction"));
    signing->setStatusTip(tr("Sign exported reports digitally with your certificate (PKCS#12 "
                             "file); PDF readers then show who signed and whether the report "
                             "changed since"));
    connect(signing, &QAction::triggered, this, &FileActions::signingCertificateDialog);
    QAction* printReport =
        menu->addAction(QIcon::fromTheme(QStringLiteral("document-print")), tr("&Print report…"));
    printReport->setShortcut(QKeySequence::Print);
    printReport->setObjectName(QStringLiteral("printReportAction"));
    connect(printReport, &QAction::triggered, window, &MainWindow::printReport);
    menu->addSeparator();
    QAction* close = menu->addAction(tr("&Close"));
    close->setShortcut(QKeySequence::Close);
    connect(close, &QAction::triggered, window, &MainWindow::closeRecording);
    menu->addSeparator();
    QAction* quit = menu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, window, &QWidget::close);
    updateRecentMenu();
}

QStringList FileActions::nameFilters()
{
    return {tr("All supported recordings (*.hea *.edf *.bdf *.rec *.csv *.txt *.tsv *.scp *.xml "
               "*.dcm)"),
            tr("WFDB records (*.hea)"),
            tr("EDF / EDF+ / BDF (*.edf *.bdf *.rec)"),
            tr("CSV and text tables (*.csv *.txt *.tsv)"),
            tr("SCP-ECG (*.scp)"),
            tr("HL7 aECG XML (*.xml)"),
            tr("DICOM ECG waveform (*.dcm)"),
            tr("All files (*)")};
}

void FileActions::openDialog()
{
    const QString path =
        QFileDialog::getOpenFileName(m_window, tr("Open recording"), m_settings.lastFolder,
                                     nameFilters().join(QStringLiteral(";;")));
    if (path.isEmpty())
        return;
    m_settings.lastFolder = QFileInfo(path).absolutePath();
    m_window->openPath(path);
}

void FileActions::signingCertificateDialog()
{
    if (!m_settings.signingCertificate.isEmpty()) {
        QMessageBox box(QMessageBox::Question, tr("Report signing certificate"),
                        tr("Exported reports are signed with %1.")
                            .arg(QDir::toNativeSeparators(m_settings.signingCertificate)),
                        QMessageBox::Cancel, m_window);
        QPushButton* other = box.addButton(tr("Choose another…"), QMessageBox::AcceptRole);
        QPushButton* stop = box.addButton(tr("Stop signing"), QMessageBox::DestructiveRole);
        box.exec();
        if (box.clickedButton() == stop) {
            m_settings.signingCertificate.clear();
            m_window->saveSettings();
            m_window->statusBar()->showMessage(tr("Exported reports are no longer signed."), 6000);
            return;
        }
        if (box.clickedButton() != other)
            return;
    }
    const QString file = QFileDialog::getOpenFileName(
        m_window, tr("Report signing certificate"),
        m_settings.signingCertificate.isEmpty() ? QDir::homePath() : m_settings.signingCertificate,
        tr("Certificates with their private key (*.p12 *.pfx);;All files (*)"));
    if (file.isEmpty())
        return;
    m_settings.signingCertificate = file;
    m_window->saveSettings();
    m_window->statusBar()->showMessage(
        tr("Exported reports will be signed with %1; its password is asked at each export.")
            .arg(QDir::toNativeSeparators(file)),
        8000);
}

void FileActions::compareDialog()
{
    const QString start = m_window->currentPath().isEmpty()
                              ? m_settings.lastFolder
                              : QFileInfo(m_window->currentPath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(m_window, tr("ECG to compare with"), start,
                                                      nameFilters().join(QStringLiteral(";;")));
    if (!path.isEmpty())
        m_window->compareWith(path);
}

void FileActions::openFolderDialog()
{
    const QString start =
        m_settings.worklistFolder.isEmpty() ? m_settings.lastFolder : m_settings.worklistFolder;
    const QString folder =
        QFileDialog::getExistingDirectory(m_window, tr("Open folder as worklist"), start);
    if (!folder.isEmpty())
        m_window->openFolder(folder);
}

void FileActions::updateRecentMenu()
{
    m_recent->clear();
    for (const QString& path : m_settings.recentFiles) {
        QAction* a = m_recent->addAction(QFileInfo(path).fileName());
        a->setToolTip(path);
        a->setStatusTip(path);
        connect(a, &QAction::triggered, m_window, [w = m_window, path] { w->openPath(path); });
    }
    m_recent->setEnabled(!m_settings.recentFiles.isEmpty());
    if (!m_settings.recentFiles.isEmpty()) {
        m_recent->addSeparator();
        QAction* clear = m_recent->addAction(tr("Clear list"));
        connect(clear, &QAction::triggered, this, [this] {
            m_settings.recentFiles.clear();
            m_window->saveSettings();
            updateRecentMenu();
        });
    }
}

} // namespace ecglens
