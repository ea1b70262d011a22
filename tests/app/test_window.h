#pragma once

// The main window as the app tests drive it: settings in a file of the test's own folder,
// reviews that cannot go beside a recording in its "fallback" folder, no automatic analysis.

#include "main_window.h"

#include <QDir>
#include <QSettings>

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

} // namespace ecglens::test
