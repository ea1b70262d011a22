#pragma once

// The clinician's review of one recording — decision, note, reviewer, patient details typed in —
// and its sidecar file format (JSON, versioned). Kept next to the recording, never inside it.

#include "core/recording.h"
#include "dsp/measurements.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ecglens {

/// The clinician's decision on the recording.
enum class ReviewDecision {
    NotReviewed,
    Normal,    ///< the clinician reads a normal ECG
    Abnormal,  ///< the clinician reads an abnormal ECG
    Uncertain, ///< needs a second opinion / further tests
};

QString decisionKey(ReviewDecision d);
std::optional<ReviewDecision> decisionFromKey(const QString& key);
/// For people: "Normal ECG", "Abnormal ECG", ...
QString decisionText(ReviewDecision d);

/// What the detector said when the decision was recorded.
struct DetectorSnapshot
{
    QString verdictClass; ///< "normal" / "borderline" / "anomalous"; empty = no verdict
    double probability = -1;
    QString modelVersion;
    bool operator==(const DetectorSnapshot&) const = default;
    /// {"class", "probability", "model_version"}, as the sidecar stores it.
    QJsonObject toJson() const;
};

struct DecisionEntry
{
    ReviewDecision decision = ReviewDecision::NotReviewed;
    QString reviewer;
    QString note;
    QDateTime updatedUtc;
    DetectorSnapshot detector;
    bool operator==(const DecisionEntry&) const = default;
};

/// An interval the clinician measured with the calipers: an over-read of the automatic value,
/// kept with the review and printed in the report beside it.
struct ManualMeasurement
{
    QString quantity; ///< one of manualQuantities(): "rr", "pr", "qrs", "qt"
    double valueMs = 0.0;
    QString lead;       ///< the lead the calipers were on
    double fromS = 0.0; ///< the markers, seconds from the recording's start
    double toS = 0.0;
    QString reviewer; ///< the review's reviewer when it was recorded
    QDateTime measuredUtc;
    bool leadComputed = false; ///< `lead` was computed from two recorded ones ("aVF (computed)")
    bool operator==(const ManualMeasurement&) const = default;
};

/// The measurement of `quantity` in `manual`, or null.
const ManualMeasurement* manualOf(const QList<ManualMeasurement>& manual, const QString& quantity);
/// Records `m` in `manual`, replacing one of its quantity, in manualQuantities() order.
void setManual(QList<ManualMeasurement>& manual, const ManualMeasurement& m);
void removeManual(QList<ManualMeasurement>& manual, const QString& quantity);

/// The intervals a clinician records with the calipers, in the order they are shown.
const QStringList& manualQuantities();
/// "RR interval", "PR interval", "QRS duration", "QT interval" (translated); "rr" etc. for
/// people: the short names are "RR", "PR", "QRS", "QT" (manualQuantityShort).
QString manualQuantityText(const QString& quantity);
QString manualQuantityShort(const QString& quantity);
/// The automatic value of `quantity` in `values` (RR: the mean), NaN when unknown.
double automaticIntervalMs(const dsp::IntervalValues& values, const QString& quantity);
/// "430 ms (automatic 414 ms) · lead V2, 3.21–3.64 s" in the interface language (the name is
/// manualQuantityText); `automatic` (dsp measurements of the recording) may be absent.
QString manualValueText(const ManualMeasurement& m,
                        const std::optional<dsp::IntervalValues>& automatic);
/// "QT 430 ms".
QString manualShortText(const ManualMeasurement& m);

/// QTc by Fridericia (the QTc the advice grades) from the clinician's QT and RR: the RR measured
/// with the calipers when there is one, else the recording's automatic mean RR.
struct ManualQtc
{
    double qtcMs = 0.0;
    double rrMs = 0.0;
    bool rrFromCalipers = false;
};
std::optional<ManualQtc> manualQtc(const QList<ManualMeasurement>& manual,
                                   const std::optional<dsp::IntervalValues>& automatic);
/// "QTc 470 ms (Fridericia, QT/∛RR; RR 800 ms from the calipers)" or "…; RR 800 ms, the
/// automatic mean)".
QString manualQtcText(const ManualQtc& qtc);
/// "QTc 470 ms".
QString manualQtcShortText(const ManualQtc& qtc);

/// `values` with the clinician's caliper measurements in place of the automatic PR, QRS and QT,
/// and QTc (both formulas) from a measured QT as manualQtc takes its RR: what the advice grades
/// once a clinician has over-read an interval. Heart rate and RR stay automatic (one measured RR
/// is not the rate).
dsp::IntervalValues withCalipers(dsp::IntervalValues values,
                                 const QList<ManualMeasurement>& manual);
/// "PR, QT": the quantities `manual` over-reads, for saying where advice values come from.
QString manualQuantitiesText(const QList<ManualMeasurement>& manual);

struct ReviewRecord
{
    /// Schema 2 added the clinician's caliper measurements; a review without them is still
    /// written as schema 1, so an older ECG Lens on a shared folder keeps editing it (and shows
    /// one with them read-only, never dropping them).
    static constexpr int kSchemaVersion = 2;

    QString recordingFile; ///< file name of the recording (no folder)
    QString sha256;        ///< of the recording file's bytes
    qint64 bytes = -1;
    DecisionEntry current;
    /// Earlier decisions, oldest first: an entry is added whenever the decision or the reviewer
    /// changes, so a changed mind stays on record.
    QList<DecisionEntry> history;
    /// Patient details the clinician typed in because the file lacks them (empty = not entered).
    QString patientId;
    QString patientName;
    std::optional<double> patientAgeYears;
    Sex patientSex = Sex::Unknown;
    /// The clinician's caliper measurements, at most one per quantity, in manualQuantities()
    /// order.
    QList<ManualMeasurement> manual;

    bool hasContent() const;
    /// The clinician's measurement of `quantity`, or null.
    const ManualMeasurement* manualOf(const QString& quantity) const
    {
        return ecglens::manualOf(manual, quantity);
    }
    /// Records `m`, replacing an earlier one of its quantity.
    void setManual(const ManualMeasurement& m) { ecglens::setManual(manual, m); }
    void removeManual(const QString& quantity) { ecglens::removeManual(manual, quantity); }
    /// Sets `current`, first moving the previous one to the history when the decision or the
    /// reviewer changes (not when a name is filled in for an unnamed decision).
    void record(const DecisionEntry& entry);

    QJsonObject toJson() const;
    /// Refuses anything but an ECG Lens review of schema version <= kSchemaVersion, with a reason.
    static std::optional<ReviewRecord> fromJson(const QJsonObject& o, QString* error);
    /// The record as its sidecar stores it (times to the second), for comparing a record in
    /// memory with one read from a file.
    ReviewRecord stored() const;

    bool operator==(const ReviewRecord&) const = default;
};

/// A three-way merge of a review changed in two places at once (two windows, or two
/// workstations on a shared folder): `base` is the review both started from, `mine` what is
/// being saved, `theirs` what the other saved meanwhile. Nothing either side recorded is lost:
/// - the decision: a side that left it (and its history) as in `base` takes the other's; when
///   both changed it, every decision of both is kept in time order (updated_utc), the latest
///   current and the others in the history;
/// - the patient details typed in and each caliper measurement: mine where I changed it from
///   `base` (a removal too), else theirs.
/// The result has mine's recording fields; all three are compared as stored().
ReviewRecord mergeReviews(const ReviewRecord& base, const ReviewRecord& mine,
                          const ReviewRecord& theirs);

} // namespace ecglens
