#pragma once

// Rhythm findings in the interface's language. The engine writes each finding's text in English
// (dsp::Finding::text); for another language the text is built again from the finding's kind
// and values with the translations of context "Findings".

#include "dsp/rhythm.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace ecglens {

/// The finding as a clinician reads it in installedLanguage(): the engine's own text in English,
/// else the translated sentence with numbers in the locale's notation.
QString findingText(const dsp::Finding& finding);

/// What the measurements found that limits the detector's verdict, one sentence each in
/// installedLanguage(): a suspected limb electrode reversal (the detector read the leads as
/// labelled) and pacemaker stimuli (it was not validated on paced ECGs). Shown beside the
/// verdict in the window and listed with `analyze`'s warnings.
QStringList verdictCaveats(const std::vector<dsp::Finding>& findings);

/// The pacemaker stimuli to mark on the trace and the paper: those of the findings'
/// PacemakerSpikes finding (none without it: a stray spike or two is not marked).
std::vector<double> stimulusTimes(const std::vector<dsp::Finding>& findings);

} // namespace ecglens
