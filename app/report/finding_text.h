#pragma once

// Rhythm findings in the interface's language. The engine writes each finding's text in English
// (dsp::Finding::text); for another language the text is built again from the finding's kind
// and values with the translations of context "Findings".

#include "dsp/rhythm.h"

#include <QString>

namespace ecglens {

/// The finding as a clinician reads it in installedLanguage(): the engine's own text in English,
/// else the translated sentence with numbers in the locale's notation.
QString findingText(const dsp::Finding& finding);

} // namespace ecglens
