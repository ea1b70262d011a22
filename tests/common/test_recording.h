#pragma once

// Recordings made from others in tests.

#include "core/recording.h"

#include <QString>
#include <QStringList>

#include <utility>

namespace ecglens::test {

/// The leads many electrocardiographs store, leaving III, aVR, aVL and aVF to be computed.
inline QStringList cartEightLeads()
{
    return QStringLiteral("I II V1 V2 V3 V4 V5 V6").split(QLatin1Char(' '));
}

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

/// `r` as if its left and right arm electrodes had been swapped: lead I (LA - RA) turned over,
/// II exchanged with III and aVR with aVL; aVF and the chest leads (Wilson's terminal averages
/// both arms) unchanged. Needs the six limb leads.
inline void swapArmElectrodes(Recording& r)
{
    auto lead = [&](const char* name) -> Lead& {
        return r.leads.at(std::size_t(r.leadIndex(name)));
    };
    for (float& v : lead("I").samples)
        v = -v;
    std::swap(lead("II").samples, lead("III").samples);
    std::swap(lead("aVR").samples, lead("aVL").samples);
}

} // namespace ecglens::test
