#pragma once

// Recordings made from others in tests.

#include "core/recording.h"

#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

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

/// The lead of `r` Recording::leadIndex finds by `name`; throws std::out_of_range when none.
inline std::vector<float>& samplesOf(Recording& r, const char* name)
{
    return r.leads.at(std::size_t(r.leadIndex(name))).samples;
}

inline void turnOver(std::vector<float>& samples)
{
    for (float& v : samples)
        v = -v;
}

/// `r` as if its left and right arm electrodes had been swapped: lead I (LA - RA) turned over,
/// II exchanged with III and aVR with aVL; aVF and the chest leads (Wilson's terminal averages
/// both arms) unchanged. Needs the six limb leads.
inline void swapArmElectrodes(Recording& r)
{
    turnOver(samplesOf(r, "I"));
    std::swap(samplesOf(r, "II"), samplesOf(r, "III"));
    std::swap(samplesOf(r, "aVR"), samplesOf(r, "aVL"));
}

/// `r` as if its right arm and left leg electrodes had been swapped: lead II (LL - RA) turned
/// over, I becoming -III and III becoming -I, aVR and aVF exchanged; aVL and the chest leads
/// (Wilson's terminal averages all three) unchanged. Needs the six limb leads.
inline void swapRightArmLeftLeg(Recording& r)
{
    turnOver(samplesOf(r, "II"));
    std::swap(samplesOf(r, "I"), samplesOf(r, "III"));
    turnOver(samplesOf(r, "I"));
    turnOver(samplesOf(r, "III"));
    std::swap(samplesOf(r, "aVR"), samplesOf(r, "aVF"));
}

} // namespace ecglens::test
