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

/// The review's earlier decisions (its history) as the report lists them, oldest first.
inline std::vector<report::ReviewDecision> reportEarlierDecisions(const ReviewRecord& review)
{
    std::vector<report::ReviewDecision> out;
    for (const DecisionEntry& e : review.history)
        if (const auto d = reportDecision(e))
            out.push_back(*d);
    return out;
}

/// The clinician's caliper measurements into the report, with the automatic values of
/// `in.measurements` beside them and the QTc of a measured QT; call after the measurements are
/// set.
inline void addCalipers(report::ReportInput& in, const QList<ManualMeasurement>& manual)
{
    std::optional<dsp::IntervalValues> automatic;
    if (in.measurements)
        automatic = in.measurements->values;
    for (const ManualMeasurement& m : manual)
        in.calipers.push_back({manualQuantityText(m.quantity).toStdString(),
                               manualValueText(m, automatic).toStdString(),
                               manualShortText(m).toStdString(), m.reviewer.toStdString(),
                               m.measuredUtc.toUTC().toString(Qt::ISODate).toStdString(),
                               m.lead.toStdString(), m.fromS, m.toS});
    if (const auto qtc = manualQtc(manual, automatic)) {
        in.caliperQtc = manualQtcText(*qtc).toStdString();
        in.caliperQtcShort = manualQtcShortText(*qtc).toStdString();
    }
}

} // namespace ecglens
