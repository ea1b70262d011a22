#include "review_record.h"

#include "core/text.h"
#include "lead_scale_text.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <QLocale>

#include <algorithm>
#include <cmath>

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

struct QuantityName
{
    const char* key;
    const char* shortName;
    const char* text;
};

constexpr QuantityName kQuantities[] = {
    {"rr", "RR", QT_TRANSLATE_NOOP("Review", "RR interval")},
    {"pr", "PR", QT_TRANSLATE_NOOP("Review", "PR interval")},
    {"qrs", "QRS", QT_TRANSLATE_NOOP("Review", "QRS duration")},
    {"qt", "QT", QT_TRANSLATE_NOOP("Review", "QT interval")},
};

const QuantityName* quantityName(const QString& key)
{
    for (const auto& q : kQuantities)
        if (key == QLatin1String(q.key))
            return &q;
    return nullptr;
}

QJsonObject manualJson(const ManualMeasurement& m)
{
    QJsonObject o;
    o[QStringLiteral("quantity")] = m.quantity;
    o[QStringLiteral("value_ms")] = m.valueMs;
    o[QStringLiteral("lead")] = m.lead;
    if (m.leadComputed) // absent for a recorded lead: files of earlier versions read the same
        o[QStringLiteral("lead_computed")] = true;
    o[QStringLiteral("from_s")] = m.fromS;
    o[QStringLiteral("to_s")] = m.toS;
    o[QStringLiteral("reviewer")] = m.reviewer;
    o[QStringLiteral("measured_utc")] = m.measuredUtc.toUTC().toString(Qt::ISODate);
    return o;
}

std::optional<ManualMeasurement> manualFrom(const QJsonObject& o, QString* error)
{
    ManualMeasurement m;
    m.quantity = o.value(QStringLiteral("quantity")).toString();
    m.valueMs = o.value(QStringLiteral("value_ms")).toDouble(-1);
    if (!quantityName(m.quantity) || !(m.valueMs > 0 && m.valueMs < 1e7)) {
        *error = QStringLiteral("unreadable caliper measurement (quantity \"%1\", %2 ms)")
                     .arg(m.quantity)
                     .arg(o.value(QStringLiteral("value_ms")).toVariant().toString());
        return std::nullopt;
    }
    m.lead = o.value(QStringLiteral("lead")).toString();
    m.leadComputed = o.value(QStringLiteral("lead_computed")).toBool();
    m.fromS = o.value(QStringLiteral("from_s")).toDouble();
    m.toS = o.value(QStringLiteral("to_s")).toDouble();
    m.reviewer = o.value(QStringLiteral("reviewer")).toString();
    m.measuredUtc =
        QDateTime::fromString(o.value(QStringLiteral("measured_utc")).toString(), Qt::ISODate);
    return m;
}

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

const QStringList& manualQuantities()
{
    static const QStringList keys = [] {
        QStringList k;
        for (const auto& q : kQuantities)
            k << QString::fromLatin1(q.key);
        return k;
    }();
    return keys;
}

QString manualQuantityText(const QString& quantity)
{
    const QuantityName* q = quantityName(quantity);
    return q ? QCoreApplication::translate("Review", q->text) : quantity;
}

QString manualQuantityShort(const QString& quantity)
{
    const QuantityName* q = quantityName(quantity);
    return q ? QString::fromLatin1(q->shortName) : quantity;
}

double automaticIntervalMs(const dsp::IntervalValues& v, const QString& quantity)
{
    const double ms = quantity == QLatin1String("rr")    ? v.rrMeanMs
                      : quantity == QLatin1String("pr")  ? v.prMs
                      : quantity == QLatin1String("qrs") ? v.qrsMs
                      : quantity == QLatin1String("qt")  ? v.qtMs
                                                         : std::nan("");
    return v.beatCount > 0 && std::isfinite(ms) && ms > 0 ? ms : std::nan("");
}

namespace {

/// `v` as the interface language writes it, without group separators ("1360", "1,36" in German).
QString number(double v, int decimals)
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale.toString(v, 'f', decimals);
}

QString msText(double ms)
{
    return QCoreApplication::translate("Review", "%1 ms").arg(number(ms, 0));
}

/// A measured interval; an RR also as the rate it corresponds to ("800 ms, 75/min"), the unit
/// clinicians read a rate in.
QString measuredText(const ManualMeasurement& m)
{
    if (m.quantity != QLatin1String("rr") || !(m.valueMs > 0))
        return msText(m.valueMs);
    return QCoreApplication::translate("Review", "%1 ms, %2/min")
        .arg(number(m.valueMs, 0), number(60000.0 / m.valueMs, 0));
}

} // namespace

QString manualValueText(const ManualMeasurement& m,
                        const std::optional<dsp::IntervalValues>& automatic)
{
    QString text = measuredText(m);
    if (automatic)
        if (const double a = automaticIntervalMs(*automatic, m.quantity); std::isfinite(a))
            text += QLatin1Char(' ') +
                    QCoreApplication::translate("Review", "(automatic %1)").arg(msText(a));
    // Calipers placed off every lead's panel have no lead: the times alone.
    text += QStringLiteral(" \u00b7 ") +
            (m.lead.isEmpty() ? QCoreApplication::translate("Review", "%1–%2 s")
                                    .arg(number(m.fromS, 2), number(m.toS, 2))
                              : QCoreApplication::translate("Review", "lead %1, %2–%3 s")
                                    .arg(m.leadComputed ? computedLeadName(m.lead) : m.lead,
                                         number(m.fromS, 2), number(m.toS, 2)));
    return text;
}

QString manualShortText(const ManualMeasurement& m)
{
    return manualQuantityShort(m.quantity) + QLatin1Char(' ') + measuredText(m);
}

std::optional<ManualQtc> manualQtc(const QList<ManualMeasurement>& manual,
                                   const std::optional<dsp::IntervalValues>& automatic)
{
    const ManualMeasurement* qt = manualOf(manual, QStringLiteral("qt"));
    if (!qt)
        return std::nullopt;
    ManualQtc out;
    if (const ManualMeasurement* rr = manualOf(manual, QStringLiteral("rr"))) {
        out.rrMs = rr->valueMs;
        out.rrFromCalipers = true;
    } else if (automatic) {
        out.rrMs = automaticIntervalMs(*automatic, QStringLiteral("rr"));
    } else {
        return std::nullopt;
    }
    out.qtcMs = dsp::qtcFridericiaMs(qt->valueMs, out.rrMs);
    if (!std::isfinite(out.qtcMs))
        return std::nullopt;
    return out;
}

QString manualQtcText(const ManualQtc& qtc)
{
    return (qtc.rrFromCalipers
                ? QCoreApplication::translate(
                      "Review", "QTc %1 (Fridericia, QT/∛RR; RR %2 from the calipers)")
                : QCoreApplication::translate(
                      "Review", "QTc %1 (Fridericia, QT/∛RR; RR %2, the automatic mean)"))
        .arg(msText(qtc.qtcMs), msText(qtc.rrMs));
}

QString manualQtcShortText(const ManualQtc& qtc)
{
    return QStringLiteral("QTc ") + msText(qtc.qtcMs);
}

dsp::IntervalValues withCalipers(dsp::IntervalValues v, const QList<ManualMeasurement>& manual)
{
    for (const ManualMeasurement& m : manual) {
        if (m.quantity == QLatin1String("pr"))
            v.prMs = m.valueMs;
        else if (m.quantity == QLatin1String("qrs"))
            v.qrsMs = m.valueMs;
        else if (m.quantity == QLatin1String("qt"))
            v.qtMs = m.valueMs;
    }
    if (const auto qtc = manualQtc(manual, v)) {
        v.qtcFridericiaMs = qtc->qtcMs;
        v.qtcBazettMs = dsp::qtcBazettMs(v.qtMs, qtc->rrMs);
    }
    return v;
}

QString manualQuantitiesText(const QList<ManualMeasurement>& manual)
{
    QStringList names;
    for (const ManualMeasurement& m : manual)
        names << manualQuantityShort(m.quantity);
    return names.join(QStringLiteral(", "));
}

bool ReviewRecord::hasContent() const
{
    return current.decision != ReviewDecision::NotReviewed || !current.note.isEmpty() ||
           !current.reviewer.isEmpty() || !history.isEmpty() || !patientId.isEmpty() ||
           !patientName.isEmpty() || patientAgeYears.has_value() || patientSex != Sex::Unknown ||
           !manual.isEmpty();
}

const ManualMeasurement* manualOf(const QList<ManualMeasurement>& manual, const QString& quantity)
{
    for (const ManualMeasurement& m : manual)
        if (m.quantity == quantity)
            return &m;
    return nullptr;
}

void setManual(QList<ManualMeasurement>& manual, const ManualMeasurement& m)
{
    removeManual(manual, m.quantity);
    manual.append(m);
    std::sort(manual.begin(), manual.end(), [](const auto& a, const auto& b) {
        return manualQuantities().indexOf(a.quantity) < manualQuantities().indexOf(b.quantity);
    });
}

void removeManual(QList<ManualMeasurement>& manual, const QString& quantity)
{
    manual.removeIf([&](const ManualMeasurement& m) { return m.quantity == quantity; });
}

ReviewRecord ReviewRecord::stored() const
{
    QString why;
    const std::optional<ReviewRecord> back = fromJson(toJson(), &why);
    return back ? *back : *this;
}

namespace {

bool hasDecisionContent(const DecisionEntry& e)
{
    return e.decision != ReviewDecision::NotReviewed || !e.reviewer.isEmpty() || !e.note.isEmpty();
}

/// Mine where I changed it from base, else theirs.
template <typename T> const T& mergedField(const T& base, const T& mine, const T& theirs)
{
    return mine != base ? mine : theirs;
}

} // namespace

ReviewRecord mergeReviews(const ReviewRecord& base0, const ReviewRecord& mine0,
                          const ReviewRecord& theirs0)
{
    const ReviewRecord base = base0.stored(), mine = mine0.stored(), theirs = theirs0.stored();
    ReviewRecord out = mine;
    const bool mineDecided = mine.current != base.current || mine.history != base.history;
    const bool theirsDecided = theirs.current != base.current || theirs.history != base.history;
    if (!mineDecided) {
        out.current = theirs.current;
        out.history = theirs.history;
    } else if (theirsDecided) {
        QList<DecisionEntry> all;
        const auto add = [&all](const DecisionEntry& e) {
            if (hasDecisionContent(e) && !all.contains(e))
                all.append(e);
        };
        for (const ReviewRecord* r : {&theirs, &mine}) {
            for (const DecisionEntry& e : r->history)
                add(e);
            add(r->current);
        }
        // Time order; on equal times theirs first, so mine is current (it is saved last).
        std::stable_sort(all.begin(), all.end(),
                         [](const DecisionEntry& a, const DecisionEntry& b) {
                             return a.updatedUtc < b.updatedUtc;
                         });
        if (!all.isEmpty())
            out.current = all.takeLast();
        out.history = all;
    }
    out.patientId = mergedField(base.patientId, mine.patientId, theirs.patientId);
    out.patientName = mergedField(base.patientName, mine.patientName, theirs.patientName);
    out.patientAgeYears =
        mergedField(base.patientAgeYears, mine.patientAgeYears, theirs.patientAgeYears);
    out.patientSex = mergedField(base.patientSex, mine.patientSex, theirs.patientSex);
    out.manual.clear();
    for (const QString& q : manualQuantities()) {
        const auto find = [&q](const ReviewRecord& r) {
            const ManualMeasurement* m = r.manualOf(q);
            return m ? std::optional<ManualMeasurement>(*m) : std::nullopt;
        };
        if (const auto m = mergedField(find(base), find(mine), find(theirs)))
            out.manual.append(*m);
    }
    return out;
}

void ReviewRecord::record(const DecisionEntry& entry)
{
    // A name filled in for an unnamed decision completes it: not an earlier decision of its own.
    const bool changed = entry.decision != current.decision ||
                         (entry.reviewer != current.reviewer && !current.reviewer.isEmpty());
    if (changed && current.decision != ReviewDecision::NotReviewed)
        history.append(current);
    current = entry;
}

QJsonObject ReviewRecord::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("format")] = QString::fromLatin1(kFormat);
    o[QStringLiteral("schema_version")] = manual.isEmpty() ? 1 : kSchemaVersion;
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
    if (!patientName.isEmpty())
        patient[QStringLiteral("name")] = patientName;
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
    if (!manual.isEmpty()) {
        QJsonArray m;
        for (const auto& e : manual)
            m.append(manualJson(e));
        o[QStringLiteral("manual_measurements")] = m;
    }
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
    // Text to show, as a reader's (a file edited by hand can hold anything, of any length).
    const auto shown = [&p](const char* key) {
        return QString::fromStdString(
            displayText(p.value(QLatin1String(key)).toString().toStdString()));
    };
    r.patientId = shown("id");
    r.patientName = shown("name");
    if (p.contains(QStringLiteral("age_years"))) {
        const double age = p.value(QStringLiteral("age_years")).toDouble(-1);
        if (!plausibleAgeYears(age)) {
            *error = QStringLiteral("unreadable patient age (%1)")
                         .arg(p.value(QStringLiteral("age_years")).toVariant().toString());
            return std::nullopt;
        }
        r.patientAgeYears = age;
    }
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
    // One per quantity is all ECG Lens writes; a file with thousands is damaged, not read.
    const QJsonArray manual = o.value(QStringLiteral("manual_measurements")).toArray();
    if (manual.size() > 4 * manualQuantities().size()) {
        *error = QStringLiteral("%1 caliper measurements, where a review holds at most one per "
                                "interval")
                     .arg(manual.size());
        return std::nullopt;
    }
    for (const auto& v : manual) {
        const auto m = manualFrom(v.toObject(), error);
        if (!m)
            return std::nullopt;
        r.setManual(*m);
    }
    return r;
}

} // namespace ecglens
