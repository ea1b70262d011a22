#include "review_record.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ecglens {

namespace {

constexpr auto kFormat = "ecglens-review";

struct DecisionName
{
    ReviewDecision decision;
    const char* key;
    const char* text;
};

constexpr DecisionName kDecisions[] = {
    {ReviewDecision::NotReviewed, "not_reviewed", QT_TRANSLATE_NOOP("Review", "Not reviewed")},
    {ReviewDecision::Normal, "normal", QT_TRANSLATE_NOOP("Review", "Normal ECG")},
    {ReviewDecision::Abnormal, "abnormal", QT_TRANSLATE_NOOP("Review", "Abnormal ECG")},
    {ReviewDecision::Uncertain, "uncertain",
     QT_TRANSLATE_NOOP("Review", "Uncertain — needs a second opinion or further tests")},
};

QJsonObject entryJson(const DecisionEntry& e)
{
    QJsonObject o;
    o[QStringLiteral("decision")] = decisionKey(e.decision);
    o[QStringLiteral("reviewer")] = e.reviewer;
    o[QStringLiteral("note")] = e.note;
    o[QStringLiteral("updated_utc")] = e.updatedUtc.toUTC().toString(Qt::ISODate);
    if (!e.detector.verdictClass.isEmpty())
        o[QStringLiteral("detector")] = e.detector.toJson();
    return o;
}

std::optional<DecisionEntry> entryFrom(const QJsonObject& o, QString* error)
{
    DecisionEntry e;
    const auto d = decisionFromKey(o.value(QStringLiteral("decision")).toString());
    if (!d) {
        *error = QStringLiteral("unknown decision \"%1\"")
                     .arg(o.value(QStringLiteral("decision")).toString());
        return std::nullopt;
    }
    e.decision = *d;
    e.reviewer = o.value(QStringLiteral("reviewer")).toString();
    e.note = o.value(QStringLiteral("note")).toString();
    e.updatedUtc =
        QDateTime::fromString(o.value(QStringLiteral("updated_utc")).toString(), Qt::ISODate);
    const QJsonObject det = o.value(QStringLiteral("detector")).toObject();
    e.detector.verdictClass = det.value(QStringLiteral("class")).toString();
    e.detector.probability = det.value(QStringLiteral("probability")).toDouble(-1);
    e.detector.modelVersion = det.value(QStringLiteral("model_version")).toString();
    return e;
}

} // namespace

QJsonObject DetectorSnapshot::toJson() const
{
    QJsonObject d;
    d[QStringLiteral("class")] = verdictClass;
    d[QStringLiteral("probability")] = probability;
    d[QStringLiteral("model_version")] = modelVersion;
    return d;
}

QString decisionKey(ReviewDecision d)
{
    for (const auto& n : kDecisions)
        if (n.decision == d)
            return QString::fromLatin1(n.key);
    return {};
}

std::optional<ReviewDecision> decisionFromKey(const QString& key)
{
    for (const auto& n : kDecisions)
        if (key == QLatin1String(n.key))
            return n.decision;
    return std::nullopt;
}

QString decisionText(ReviewDecision d)
{
    for (const auto& n : kDecisions)
        if (n.decision == d)
            return QCoreApplication::translate("Review", n.text);
    return {};
}

bool ReviewRecord::hasContent() const
{
    return current.decision != ReviewDecision::NotReviewed || !current.note.isEmpty() ||
           !current.reviewer.isEmpty() || !history.isEmpty() || !patientId.isEmpty() ||
           patientAgeYears.has_value() || patientSex != Sex::Unknown;
}

void ReviewRecord::record(const DecisionEntry& entry)
{
    const bool changed = entry.decision != current.decision || entry.reviewer != current.reviewer;
    if (changed && current.decision != ReviewDecision::NotReviewed)
        history.append(current);
    current = entry;
}

QJsonObject ReviewRecord::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("format")] = QString::fromLatin1(kFormat);
    o[QStringLiteral("schema_version")] = kSchemaVersion;
    o[QStringLiteral("written_by")] =
        QStringLiteral("ECG Lens %1").arg(QCoreApplication::applicationVersion());
    QJsonObject rec;
    rec[QStringLiteral("file")] = recordingFile;
    rec[QStringLiteral("sha256")] = sha256;
    rec[QStringLiteral("bytes")] = bytes;
    o[QStringLiteral("recording")] = rec;
    QJsonObject patient;
    if (!patientId.isEmpty())
        patient[QStringLiteral("id")] = patientId;
    if (patientAgeYears)
        patient[QStringLiteral("age_years")] = *patientAgeYears;
    if (patientSex != Sex::Unknown)
        patient[QStringLiteral("sex")] = QString::fromLatin1(sexCode(patientSex));
    o[QStringLiteral("patient_entered")] = patient;
    o[QStringLiteral("decision")] = entryJson(current);
    QJsonArray h;
    for (const auto& e : history)
        h.append(entryJson(e));
    o[QStringLiteral("history")] = h;
    return o;
}

std::optional<ReviewRecord> ReviewRecord::fromJson(const QJsonObject& o, QString* error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)) {
        *error = QStringLiteral("not an ECG Lens review file");
        return std::nullopt;
    }
    const int version = o.value(QStringLiteral("schema_version")).toInt(-1);
    if (version < 1) {
        *error = QStringLiteral("schema_version missing or invalid");
        return std::nullopt;
    }
    if (version > kSchemaVersion) {
        *error = QStringLiteral("written by a newer ECG Lens (schema version %1; this version "
                                "reads up to %2)")
                     .arg(version)
                     .arg(kSchemaVersion);
        return std::nullopt;
    }
    ReviewRecord r;
    const QJsonObject rec = o.value(QStringLiteral("recording")).toObject();
    r.recordingFile = rec.value(QStringLiteral("file")).toString();
    r.sha256 = rec.value(QStringLiteral("sha256")).toString();
    r.bytes = qint64(rec.value(QStringLiteral("bytes")).toDouble(-1));
    const QJsonObject p = o.value(QStringLiteral("patient_entered")).toObject();
    r.patientId = p.value(QStringLiteral("id")).toString();
    if (p.contains(QStringLiteral("age_years")))
        r.patientAgeYears = p.value(QStringLiteral("age_years")).toDouble();
    const QString sex = p.value(QStringLiteral("sex")).toString();
    r.patientSex = sex == QLatin1String("M")   ? Sex::Male
                   : sex == QLatin1String("F") ? Sex::Female
                                               : Sex::Unknown;
    const auto current = entryFrom(o.value(QStringLiteral("decision")).toObject(), error);
    if (!current)
        return std::nullopt;
    r.current = *current;
    for (const auto& v : o.value(QStringLiteral("history")).toArray()) {
        const auto e = entryFrom(v.toObject(), error);
        if (!e)
            return std::nullopt;
        r.history.append(*e);
    }
    return r;
}

} // namespace ecglens
