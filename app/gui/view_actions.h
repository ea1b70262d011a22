#pragma once

#include "core/recording.h"

#include <QKeySequence>
#include <QObject>

class QAction;
class QActionGroup;
class QMenu;

namespace ecglens {

class BeatMarkerLayer;
class EcgViewer;
class MainWindow;
struct AppSettings;

/// View menu: layout, rhythm lead, stacked leads, paper speed, gain, theme, display filters,
/// raw signal, zoom and jump to time. Each choice is applied to the viewer and saved.
class ViewActions : public QObject
{
    Q_OBJECT
public:
    ViewActions(MainWindow* window, EcgViewer* viewer, AppSettings& settings,
                QObject* parent = nullptr);

    /// Rebuilds the menus that list leads: those of `recording` as drawn (the viewer's signal,
    /// with its computed limb leads).
    void setRecording(const Recording* recording);
    /// A dock's show/hide action in the View menu, with its own text and shortcut.
    void addDockToggle(QAction* toggle, const QString& text, const QKeySequence& shortcut);
    /// A checkable entry of the View menu, named `objectName` for tests.
    QAction* addCheckable(const QString& text, const QString& objectName, bool checked);
    /// Measurements dock toggle and "Beat markers" (persisted in the settings).
    void addMeasurementToggles(QAction* dockToggle, BeatMarkerLayer* markers);
    QAction* rawAction() const { return m_raw; }
    QAction* layoutAction(const QString& key) const;

private:
    QActionGroup* choiceGroup(QMenu* menu, const QList<std::pair<QString, QVariant>>& choices,
                              const QVariant& current);
    void jumpDialog();
    void filtersChanged();

    MainWindow* m_window;
    EcgViewer* m_viewer;
    AppSettings& m_settings;
    QMenu* m_menu;
    QMenu* m_rhythmMenu;
    QMenu* m_stackMenu;
    QActionGroup* m_layouts;
    QAction* m_raw;
};

} // namespace ecglens
