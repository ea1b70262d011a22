#pragma once

// The clinician's review of one recording — decision, note, reviewer, patient details typed in —
// and its sidecar file format (JSON, versioned). Kept next to the recording, never inside it.

#include "core/recording.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

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
};

struct ReviewRecord
{
    static constexpr int kSchemaVersion = 1;

    QString recordingFile; ///< file name of the recording (no folder)
    QString sha256;        ///< of the recording file's bytes
    qint64 bytes = -1;
    DecisionEntry current;
    /// Earlier decisions, oldest first: an entry is added whenever the decision or the reviewer
    /// changes, so a changed mind stays on record.
    QList<DecisionEntry> history;
    /// Patient details the clinician typed in because the file lacks them (empty = not entered).
    QString patientId;
    std::optional<double> patientAgeYears;
    Sex patientSex = Sex::Unknown;

    bool hasContent() const;
    /// Sets `current`, first moving the previous one to the history when the decision or the
    /// reviewer changes.
    void record(const DecisionEntry& entry);

    QJsonObject toJson() const;
    /// Refuses anything but an ECG Lens review of schema version <= kSchemaVersion, with a reason.
    static std::optional<ReviewRecord> fromJson(const QJsonObject& o, QString* error);
};

} // namespace ecglens
