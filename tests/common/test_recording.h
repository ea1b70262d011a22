#pragma once

// Recordings made from others in tests.

#include "core/recording.h"

#include <QString>
#include <QStringList>

namespace ecglens::test {

/// `full` with only the leads named in `names` (any case), in file order.
inline Recording withLeadsOnly(const Recording& full, const QStringList& names)
{
    Recording reduced = full;
    reduced.leads.clear();
    for (const Lead& l : full.leads)
        if (names.contains(QString::fromStdString(l.name), Qt::CaseInsensitive))
            reduced.leads.push_back(l);
    return reduced;
}

} // namespace ecglens::test
