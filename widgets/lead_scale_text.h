#pragma once

// How a lead is labelled, the same in the viewer and on the PDF report's ECG pages: its name,
// "III (computed)" for a lead computed from others, and the scale of a signal that is not an
// ECG beside it: "ABP (10 mmHg/cm)".

#include "core/recording.h"
#include "view/lead_scale.h"

#include <QString>

#include <string>

namespace ecglens {

/// " (10 mmHg/cm)" for a lead drawn at a scale of its own (`scale.ecg` false; `unit` the lead's
/// unit, the number in the interface's format); empty for an ECG lead.
QString leadScaleSuffix(const view::LeadScale& scale, const std::string& unit);

/// "III (computed)": the name of a lead computed from the recorded ones (Lead::computed, and the
/// detector's input leads of xai::RecordingExplanation::leadsDerived).
QString computedLeadName(const QString& name);

/// A lead's label: its name (as the file spells it when that is empty), computedLeadName for a
/// computed lead.
QString leadLabel(const Lead& lead);

} // namespace ecglens
