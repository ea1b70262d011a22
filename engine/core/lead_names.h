#pragma once

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace ecglens {

/// The standard 12 leads in conventional order.
inline constexpr std::array<const char*, 12> kStandardLeads = {
    "I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};

/// Maps spellings of the standard 12 (e.g. "AVR", "avr", "i", "Lead II", "V1 ") to the standard
/// name; returns the input unchanged (trimmed) when it is not one of them (e.g. "MLII", "vx").
std::string normaliseLeadName(const std::string& name);

/// Position in kStandardLeads, or -1.
int standardLeadIndex(const std::string& normalisedName);

/// Position in kStandardLeads of a recording's lead name (any spelling), also accepting the
/// modified leads of Holter and MIT-BIH recordings as their standard counterparts (MLII -> II,
/// MLI, MLIII, MV1..MV6, the monitoring leads MCL1..MCL6 as V1..V6); -1 otherwise. For analysis
/// input only: the recording keeps its names.
int analysisLeadIndex(const std::string& rawName);

/// The lead pairs taken as contiguous (standard names): neighbours in the precordial row (V1-V2
/// ... V5-V6), the inferior leads (II, III, aVF) among themselves, and the high lateral pair
/// I-aVL (Fourth Universal Definition of Myocardial Infarction: "anterior leads (V1-V6),
/// inferior leads (II, III, aVF), or lateral/apical leads (I and aVL)"). aVR takes no part. The
/// ST criteria (advice) and the Q wave criteria (dsp::qWaves) ask for two of them.
const std::vector<std::pair<std::string, std::string>>& contiguousLeadPairs();

} // namespace ecglens
