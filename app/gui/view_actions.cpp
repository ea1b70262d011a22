#include "view_actions.h"

#include "comparison_view.h"

#include "app_settings.h"
#include "beat_markers.h"
#include "ecg_viewer.h"
#include "lead_scale_text.h"
#include "main_window.h"

#include <QActionGroup>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>

namespace ecglens {

ViewActions::ViewActions(MainWindow* window, EcgViewer* viewer, AppSettings& settings,
                         QObject* parent)
    : QObject(parent), m_window(window), m_viewer(viewer), m_settings(settings)
{
    m_menu = window->menuBar()->addMenu(tr("&View"));
    EcgPlot* plot = viewer->plot();

    QMenu* layoutMenu = m_menu->addMenu(tr("&Layout"));
    m_layouts = choiceGroup(layoutMenu,
                            {{tr("12 × 1"), QStringLiteral("12x1")},
                             {tr("6 × 2"), QStringLiteral("6x2")},
                             {tr("3 × 4 + rhythm strip"), QStringLiteral("3x4")},
                             {tr("Stacked leads"), QStringLiteral("stack")}},
                            settings.layout);
    const auto layoutActions = m_layouts->actions();
    for (int i = 0; i < layoutActions.size(); ++i)
        layoutActions[i]->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    connect(m_layouts, &QActionGroup::triggered, this, [this, plot](QAction* a) {
        m_settings.layout = a->data().toString();
        plot->setLeadLayout(layoutFromKey(m_settings.layout));
        m_window->saveSettings();
    });
    connect(plot, &EcgPlot::layoutChanged, this, [this](LeadLayout l) {
        if (QAction* a = layoutAction(layoutKey(l)))
            a->setChecked(true);
    });
    m_rhythmMenu = m_menu->addMenu(tr("&Rhythm strip lead"));
    m_stackMenu = m_menu->addMenu(tr("Stacked &leads"));

    QMenu* speedMenu = m_menu->addMenu(tr("Paper &speed"));
    auto* speeds = choiceGroup(
        speedMenu, {{tr("12.5 mm/s"), 12.5}, {tr("25 mm/s"), 25.0}, {tr("50 mm/s"), 50.0}},
        settings.speedMmPerS);
    connect(speeds, &QActionGroup::triggered, this, [this, plot](QAction* a) {
        m_settings.speedMmPerS = a->data().toDouble();
        plot->setSpeedMmPerS(m_settings.speedMmPerS);
        m_window->saveSettings();
    });
    QMenu* gainMenu = m_menu->addMenu(tr("&Gain"));
    auto* gains = choiceGroup(gainMenu,
                              {{tr("2.5 mm/mV"), 2.5},
                               {tr("5 mm/mV"), 5.0},
                               {tr("10 mm/mV"), 10.0},
                               {tr("20 mm/mV"), 20.0}},
                              settings.gainMmPerMv);
    connect(gains, &QActionGroup::triggered, this, [this, plot](QAction* a) {
        m_settings.gainMmPerMv = a->data().toDouble();
        plot->setGainMmPerMv(m_settings.gainMmPerMv);
        m_window->saveSettings();
    });
    QMenu* themeMenu = m_menu->addMenu(tr("&Paper colour"));
    auto* themes = choiceGroup(
        themeMenu,
        {{tr("Classic red"), QStringLiteral("red")}, {tr("Monochrome"), QStringLiteral("mono")}},
        settings.theme);
    connect(themes, &QActionGroup::triggered, this, [this](QAction* a) {
        m_settings.theme = a->data().toString();
        m_viewer->setTheme(EcgTheme::fromKey(m_settings.theme));
        m_window->saveSettings();
    });

    // Display filters: zero-phase engine DSP; the raw signal stays one click (R) away.
    QMenu* filters = m_menu->addMenu(tr("Display &filters"));
    QAction* baseline = filters->addAction(tr("Remove &baseline wander (0.5 Hz high-pass)"));
    baseline->setCheckable(true);
    baseline->setChecked(settings.filterBaseline);
    baseline->setShortcut(QKeySequence(Qt::Key_B));
    connect(baseline, &QAction::toggled, this, [this](bool on) {
        m_settings.filterBaseline = on;
        filtersChanged();
    });
    QAction* notch = filters->addAction(tr("Mains &notch"));
    notch->setCheckable(true);
    notch->setChecked(settings.filterNotch);
    notch->setShortcut(QKeySequence(Qt::Key_N));
    connect(notch, &QAction::toggled, this, [this](bool on) {
        m_settings.filterNotch = on;
        filtersChanged();
    });
    QMenu* mains = filters->addMenu(tr("Mains &frequency"));
    auto* mainsGroup =
        choiceGroup(mains, {{tr("50 Hz"), 50.0}, {tr("60 Hz"), 60.0}}, settings.mainsHz);
    connect(mainsGroup, &QActionGroup::triggered, this, [this](QAction* a) {
        m_settings.mainsHz = a->data().toDouble();
        filtersChanged();
    });
    QMenu* lowPass = filters->addMenu(tr("&Low-pass"));
    auto* lowGroup = choiceGroup(
        lowPass,
        {{tr("Off"), 0.0}, {tr("40 Hz"), 40.0}, {tr("100 Hz"), 100.0}, {tr("150 Hz"), 150.0}},
        settings.lowPassHz);
    connect(lowGroup, &QActionGroup::triggered, this, [this](QAction* a) {
        m_settings.lowPassHz = a->data().toDouble();
        filtersChanged();
    });
    m_raw = m_menu->addAction(tr("Show &raw signal"));
    m_raw->setCheckable(true);
    m_raw->setChecked(settings.showRaw);
    m_raw->setShortcut(QKeySequence(Qt::Key_R));
    connect(m_raw, &QAction::toggled, this, [this](bool on) {
        m_settings.showRaw = on;
        filtersChanged();
    });

    m_menu->addSeparator();
    QAction* zoomIn = m_menu->addAction(tr("Zoom &in"));
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::Key_Plus)});
    connect(zoomIn, &QAction::triggered, plot, [plot] { plot->zoomBy(1.25); });
    QAction* zoomOut = m_menu->addAction(tr("Zoom &out"));
    zoomOut->setShortcuts({QKeySequence::ZoomOut, QKeySequence(Qt::Key_Minus)});
    connect(zoomOut, &QAction::triggered, plot, [plot] { plot->zoomBy(0.8); });
    QAction* trueScale = m_menu->addAction(tr("&True scale (paper speed)"));
    trueScale->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(trueScale, &QAction::triggered, plot, &EcgPlot::trueScale);
    QAction* fit = m_menu->addAction(tr("&Whole recording"));
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_9));
    connect(fit, &QAction::triggered, plot, &EcgPlot::zoomToFit);
    QAction* jump = m_menu->addAction(tr("&Jump to time…"));
    jump->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    connect(jump, &QAction::triggered, this, &ViewActions::jumpDialog);
    m_menu->addSeparator();
    setRecording(nullptr);
}

QActionGroup* ViewActions::choiceGroup(QMenu* menu,
                                       const QList<std::pair<QString, QVariant>>& choices,
                                       const QVariant& current)
{
    auto* group = new QActionGroup(this);
    group->setExclusive(true);
    for (const auto& [text, value] : choices) {
        QAction* a = menu->addAction(text);
        a->setCheckable(true);
        a->setData(value);
        a->setChecked(value == current);
        group->addAction(a);
    }
    return group;
}

QAction* ViewActions::layoutAction(const QString& key) const
{
    for (QAction* a : m_layouts->actions())
        if (a->data().toString() == key)
            return a;
    return nullptr;
}

void ViewActions::addMeasurementToggles(QAction* dockToggle, BeatMarkerLayer* markers)
{
    dockToggle->setText(tr("&Measurements panel"));
    dockToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_menu->addAction(dockToggle);
    QAction* beats = m_menu->addAction(tr("&Beat markers"));
    beats->setObjectName(QStringLiteral("beatMarkersAction"));
    beats->setCheckable(true);
    beats->setChecked(m_settings.beatMarkers);
    beats->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_B)); // B alone: baseline filter
    markers->setMarkersVisible(m_settings.beatMarkers);
    connect(beats, &QAction::toggled, this, [this, markers](bool on) {
        m_settings.beatMarkers = on;
        markers->setMarkersVisible(on);
        m_window->comparison()->setMarkersVisible(on);
        m_window->saveSettings();
    });
}

QAction* ViewActions::addCheckable(const QString& text, const QString& objectName, bool checked)
{
    QAction* a = m_menu->addAction(text);
    a->setObjectName(objectName);
    a->setCheckable(true);
    a->setChecked(checked);
    return a;
}

void ViewActions::addDockToggle(QAction* toggle, const QString& text, const QKeySequence& shortcut)
{
    toggle->setText(text);
    toggle->setShortcut(shortcut);
    m_menu->addAction(toggle);
}

void ViewActions::filtersChanged()
{
    m_window->saveSettings();
    m_window->applyFilters();
}

void ViewActions::setRecording(const Recording* recording)
{
    m_rhythmMenu->clear();
    m_stackMenu->clear();
    m_rhythmMenu->setEnabled(recording != nullptr);
    m_stackMenu->setEnabled(recording != nullptr);
    if (!recording)
        return;
    EcgPlot* plot = m_viewer->plot();
    auto* group = new QActionGroup(m_rhythmMenu);
    const int ii = recording->leadIndex("II");
    for (int i = 0; i < int(recording->leads.size()); ++i) {
        const QString name = leadLabel(recording->leads[i]);
        QAction* a = m_rhythmMenu->addAction(name);
        a->setCheckable(true);
        a->setChecked(i == (ii >= 0 ? ii : 0));
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, i] { m_viewer->setRhythmLead(i); });
        QAction* s = m_stackMenu->addAction(name);
        s->setCheckable(true);
        s->setChecked(true);
        connect(s, &QAction::toggled, this, [this, plot] {
            std::vector<int> subset;
            const auto actions = m_stackMenu->actions();
            for (int k = 0; k < actions.size(); ++k)
                if (actions[k]->isChecked())
                    subset.push_back(k);
            plot->setStackSubset(subset);
            plot->setLeadLayout(LeadLayout::Stack);
        });
    }
}

void ViewActions::jumpDialog()
{
    EcgPlot* plot = m_viewer->plot();
    bool ok = false;
    const QString text = QInputDialog::getText(
        m_window, tr("Jump to time"), tr("Time from the start (seconds, mm:ss or hh:mm:ss):"),
        QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    double seconds = 0;
    for (const QString& part : text.trimmed().split(QLatin1Char(':')))
        seconds = seconds * 60 + part.toDouble();
    plot->jumpTo(seconds);
}

} // namespace ecglens
