#include "tools_actions.h"

#include "app_settings.h"
#include "ecg_plot.h"
#include "i18n.h"
#include "main_window.h"
#include "report.h"

#include <QActionGroup>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTranslator>

#include <functional>

namespace ecglens {

namespace {

/// Fills `menu` with one checkable entry per (value, text) choice, `current` checked, and calls
/// `chosen` with the value of the entry picked.
void addChoices(QMenu* menu, const QString& objectName,
                const QList<std::pair<QString, QString>>& choices, const QString& current,
                const std::function<void(const QString&)>& chosen)
{
    menu->setObjectName(objectName);
    auto* group = new QActionGroup(menu);
    for (const auto& [value, text] : choices) {
        QAction* a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(value == current);
        a->setData(value);
        group->addAction(a);
        QObject::connect(a, &QAction::triggered, menu, [chosen, v = value] { chosen(v); });
    }
}

} // namespace

ToolsActions::ToolsActions(MainWindow* window, EcgPlot* plot, AppSettings& settings,
                           QObject* parent)
    : QObject(parent), m_window(window), m_plot(plot), m_settings(settings)
{
    QMenu* menu = window->menuBar()->addMenu(tr("&Tools"));
    m_calipers = menu->addAction(tr("&Calipers"));
    m_calipers->setCheckable(true);
    m_calipers->setShortcut(QKeySequence(Qt::Key_C));
    m_calipers->setStatusTip(
        tr("Click two points to measure an interval; drag a marker to move it"));
    connect(m_calipers, &QAction::toggled, plot, &EcgPlot::setCaliperMode);
    QAction* march = menu->addAction(tr("&March out interval"));
    march->setCheckable(true);
    march->setShortcut(QKeySequence(Qt::Key_M));
    connect(march, &QAction::toggled, plot, &EcgPlot::setMarchOut);
    QAction* clear = menu->addAction(tr("Clear calipers"));
    clear->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_C));
    connect(clear, &QAction::triggered, plot, &EcgPlot::clearCalipers);
    menu->addSeparator();
    m_leadGain = menu->addMenu(tr("Lead &gain"));
    menu->addSeparator();
    QAction* calibrate = menu->addAction(tr("Calibrate &screen size…"));
    connect(calibrate, &QAction::triggered, this, &ToolsActions::calibrateScreen);
    QList<std::pair<QString, QString>> languages = {
        {QString(), tr("System language (%1)").arg(languageName(resolveLanguage(QString())))}};
    for (const QString& code : interfaceLanguages())
        languages.append({code, languageName(code)});
    addChoices(menu->addMenu(tr("&Language")), QStringLiteral("languageMenu"), languages,
               m_settings.language, [this](const QString& code) { chooseLanguage(code); });
    // The sheet reports are exported and printed on (a site sets it in [report] paper=).
    QList<std::pair<QString, QString>> papers = {
        {QString(),
         tr("As usual in this country (%1)").arg(report::paperTitle(report::systemPaper()))}};
    for (const report::Paper p : {report::Paper::A4, report::Paper::Letter})
        papers.append({report::paperName(p), report::paperTitle(p)});
    addChoices(menu->addMenu(tr("Report &paper")), QStringLiteral("reportPaperMenu"), papers,
               m_settings.reportPaper, [this](const QString& name) {
                   m_settings.reportPaper = name;
                   m_window->saveSettings();
               });
    setRecording(nullptr);
}

void ToolsActions::setRecording(const Recording* recording)
{
    m_leadGain->clear();
    m_leadGain->setEnabled(recording != nullptr);
    if (!recording)
        return;
    for (int i = 0; i < int(recording->leads.size()); ++i) {
        QMenu* sub = m_leadGain->addMenu(QString::fromStdString(recording->leads[i].name));
        auto* group = new QActionGroup(sub);
        const QList<std::pair<QString, double>> choices = {{tr("Global gain"), 0.0},
                                                           {tr("2.5 mm/mV"), 2.5},
                                                           {tr("5 mm/mV"), 5.0},
                                                           {tr("10 mm/mV"), 10.0},
                                                           {tr("20 mm/mV"), 20.0}};
        for (const auto& [text, gain] : choices) {
            QAction* a = sub->addAction(text);
            a->setCheckable(true);
            a->setChecked(gain == 0.0);
            group->addAction(a);
            connect(a, &QAction::triggered, m_plot,
                    [plot = m_plot, i, g = gain] { plot->setLeadGainMmPerMv(i, g); });
        }
    }
}

void ToolsActions::calibrateScreen()
{
    // The user measures a drawn 50 mm bar with a ruler; the ratio corrects the reported DPI.
    bool ok = false;
    const double measured = QInputDialog::getDouble(
        m_window, tr("Calibrate screen size"),
        tr("With the current setting, 10 large squares of the paper grid should measure 50 mm.\n"
           "Measure them on the screen with a ruler and enter the length in mm:"),
        50.0, 5.0, 500.0, 1, &ok);
    if (!ok || measured <= 0)
        return;
    m_settings.dpiCalibration *= 50.0 / measured;
    m_window->saveSettings();
    m_window->applyViewSettings();
}

void ToolsActions::chooseLanguage(const QString& code)
{
    if (m_settings.language == code)
        return;
    m_settings.language = code;
    m_window->saveSettings();
    // Said in the language chosen as well as the current one: the user may not read the latter.
    static const char* const kRestart = QT_TR_NOOP("The language changes when ECG Lens is "
                                                   "started again.");
    const QString restart = tr(kRestart);
    QString inChosen = QString::fromUtf8(kRestart);
    QTranslator chosen;
    if (chosen.load(kTranslationsPrefix + QStringLiteral("/ecglens_") + resolveLanguage(code)))
        if (const QString t = chosen.translate("ecglens::ToolsActions", kRestart); !t.isEmpty())
            inChosen = t;
    auto* box =
        new QMessageBox(QMessageBox::Information, tr("Language"),
                        restart == inChosen ? restart : restart + QLatin1Char('\n') + inChosen,
                        QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("languageRestartBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace ecglens
