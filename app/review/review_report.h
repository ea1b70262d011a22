#pragma once

// The saved review as the PDF report prints it. Header-only, for programs that link both
// ecglens_review and ecglens_report (the GUI's export, `ecglens-cli report`).

#include "report.h"
#include "review_record.h"

#include <optional>

namespace ecglens {

/// The report's review block; nothing when the entry holds neither a decision nor a note (a
/// note alone leaves the ECG unconfirmed: no decision text).
inline std::optional<report::ReviewDecision> reportDecision(const DecisionEntry& entry)
{
    if (entry.decision == ReviewDecision::NotReviewed && entry.note.isEmpty())
        return std::nullopt;
    report::ReviewDecision d;
    if (entry.decision != ReviewDecision::NotReviewed)
        d.decision = decisionText(entry.decision).toStdString();
    d.note = entry.note.toStdString();
    d.reviewer = entry.reviewer.toStdString();
    d.timeIso = entry.updatedUtc.toUTC().toString(Qt::ISODate).toStdString();
    return d;
}

} // namespace ecglens
