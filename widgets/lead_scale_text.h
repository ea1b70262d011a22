#pragma once

// How a lead that is not an ECG states its scale beside its name, the same in the viewer and on
// the PDF report's ECG pages: "ABP (10 mmHg/cm)".

#include "view/lead_scale.h"

#include <QString>

#include <string>

namespace ecglens {

/// " (10 mmHg/cm)" for a lead drawn at a scale of its own (`scale.ecg` false; `unit` the lead's
/// unit, the number in the interface's format); empty for an ECG lead.
QString leadScaleSuffix(const view::LeadScale& scale, const std::string& unit);

} // namespace ecglens
