#pragma once

// Keys that the interface also names in its messages, defined once so a message cannot name a
// key the action no longer has (tst_main_window everyShortcutIsUnique checks for clashes).

#include <QKeySequence>
#include <QString>

namespace ecglens::shortcuts {

inline QKeySequence analyse()
{
    return QKeySequence(Qt::CTRL | Qt::Key_R);
}

/// Ctrl+E is File ▸ Export report.
inline QKeySequence explain()
{
    return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
}

/// As the menus show it, in the interface language ("Ctrl+Shift+E", "Strg+Umschalt+E").
inline QString text(const QKeySequence& keys)
{
    return keys.toString(QKeySequence::NativeText);
}

} // namespace ecglens::shortcuts
