#include "fhir_results.h"

#include "finding_text.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUuid>

#include <cmath>
#include <set>

namespace ecglens::report {

namespace {

const QString kLoinc = QStringLiteral("http://loinc.org");
const QString kUcum = QStringLiteral("http://unitsofmeasure.org");
const QString kDisclaimer = QStringLiteral("decision support, not a diagnosis");

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QJsonObject coding(const QString& system, const QString& code, const QString& display)
{
    return QJsonObject{{QStringLiteral("system"), system},
                       {QStringLiteral("code"), code},
                       {QStringLiteral("display"), display}};
}

QJsonObject codeable(const QString& system, const QString& code, const QString& display)
{
    return QJsonObject{{QStringLiteral("coding"), QJsonArray{coding(system, code, display)}},
                       {QStringLiteral("text"), display}};
}

QJsonObject reference(const QString& fullUrl)
{
    return QJsonObject{{QStringLiteral("reference"), fullUrl}};
}

QString newFullUrl()
{
    return QStringLiteral("urn:uuid:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// A FHIR date, "YYYY-MM-DD".
QString isoDate(const Date& d)
{
    return QStringLiteral("%1-%2-%3")
        .arg(d.year, 4, 10, QLatin1Char('0'))
        .arg(d.month, 2, 10, QLatin1Char('0'))
        .arg(d.day, 2, 10, QLatin1Char('0'));
}

/// A date FHIR accepts without a time zone: the recording's start date only (its time of day
/// has no zone in the formats read).
QString startDate(const Recording& r)
{
    if (!r.start || !r.start->hasDate || r.start->date.year <= 0)
        return {};
    return isoDate(r.start->date);
}

/// The report's study code: a Holter study beyond a minute, a 12-lead panel with the 12
/// standard leads, else an ECG study.
QJsonObject studyCode(const Recording& r)
{
    if (r.durationS() > 60.0)
        return codeable(kLoinc, QStringLiteral("18754-2"),
                        QStringLiteral("Ambulatory cardiac rhythm monitor (Holter) study"));
    std::set<std::string> names;
    for (const Lead& l : r.leads)
        names.insert(l.name);
    bool twelve = true;
    for (const char* n :
         {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"})
        twelve = twelve && names.count(n);
    return twelve ? codeable(kLoinc, QStringLiteral("34534-8"), QStringLiteral("12 lead EKG panel"))
                  : codeable(kLoinc, QStringLiteral("11524-6"), QStringLiteral("EKG study"));
}

QJsonObject entry(const QString& fullUrl, const QJsonObject& resource,
                  const QString& ifNoneExist = {})
{
    QJsonObject request{{QStringLiteral("method"), QStringLiteral("POST")},
                        {QStringLiteral("url"), resource.value(QStringLiteral("resourceType"))}};
    if (!ifNoneExist.isEmpty())
        request[QStringLiteral("ifNoneExist")] = ifNoneExist;
    return QJsonObject{{QStringLiteral("fullUrl"), fullUrl},
                       {QStringLiteral("resource"), resource},
                       {QStringLiteral("request"), request}};
}

} // namespace

const std::vector<FhirMeasurementCode>& fhirMeasurementCodes()
{
    static const std::vector<FhirMeasurementCode> codes = {
        {"heart_rate", "8867-4", "Heart rate", "/min"},
        {"pr", "8625-6", "P-R interval", "ms"},
        {"qrs", "8633-0", "QRS duration", "ms"},
        {"qt", "8634-8", "Q-T interval", "ms"},
        {"qtc", "8636-3", "Q-T interval corrected", "ms"},
        {"p_axis", "8626-4", "P wave axis", "deg"},
        {"qrs_axis", "8632-2", "QRS axis", "deg"},
        {"t_axis", "8638-9", "T wave axis", "deg"},
    };
    return codes;
}

QJsonObject fhirBundle(const ReportInput& in, const QByteArray& pdf, const QDateTime& issued)
{
    const Recording& r = in.recording;
    QJsonArray entries, results;
    const QString effective = in.anonymise ? QString() : startDate(r);

    // The patient: the file's (or the typed-in) identifier and name, sex and date of birth.
    QString patientUrl;
    if (!in.anonymise) {
        const std::string id = in.patientId.empty() ? r.patient.id : in.patientId;
        const std::string name = in.patientName.empty() ? r.patient.name : in.patientName;
        const Sex sex = in.sex.value_or(r.patient.sex);
        if (!id.empty() || !name.empty()) {
            QJsonObject patient{{QStringLiteral("resourceType"), QStringLiteral("Patient")}};
            if (!id.empty())
                patient[QStringLiteral("identifier")] =
                    QJsonArray{QJsonObject{{QStringLiteral("value"), qs(id)}}};
            if (!name.empty())
                patient[QStringLiteral("name")] =
                    QJsonArray{QJsonObject{{QStringLiteral("text"), qs(name)}}};
            if (sex != Sex::Unknown)
                patient[QStringLiteral("gender")] =
                    sex == Sex::Male ? QStringLiteral("male") : QStringLiteral("female");
            if (const auto& b = r.patient.birthDate; b && b->year > 0)
                patient[QStringLiteral("birthDate")] = isoDate(*b);
            patientUrl = newFullUrl();
            entries.append(entry(patientUrl, patient,
                                 id.empty() ? QString() : QStringLiteral("identifier=") + qs(id)));
        }
    }

    auto observation = [&](const QJsonObject& code) {
        QJsonObject o{
            {QStringLiteral("resourceType"), QStringLiteral("Observation")},
            {QStringLiteral("status"), QStringLiteral("preliminary")},
            {QStringLiteral("category"),
             QJsonArray{codeable(QStringLiteral("http://terminology.hl7.org/CodeSystem/"
                                                "observation-category"),
                                 QStringLiteral("procedure"), QStringLiteral("Procedure"))}},
            {QStringLiteral("code"), code}};
        if (!patientUrl.isEmpty())
            o[QStringLiteral("subject")] = reference(patientUrl);
        if (!effective.isEmpty())
            o[QStringLiteral("effectiveDateTime")] = effective;
        return o;
    };
    auto add = [&](const QJsonObject& resource) {
        const QString url = newFullUrl();
        entries.append(entry(url, resource));
        results.append(reference(url));
    };

    // The automatic measurements of the median beat.
    if (in.measurements) {
        const dsp::IntervalValues& v = in.measurements->values;
        const double values[] = {v.heartRateBpm,    v.prMs,     v.qrsMs,      v.qtMs,
                                 v.qtcFridericiaMs, v.pAxisDeg, v.qrsAxisDeg, v.tAxisDeg};
        const auto& codes = fhirMeasurementCodes();
        for (std::size_t i = 0; i < codes.size(); ++i) {
            if (!std::isfinite(values[i]))
                continue; // not measured (no P wave: no PR, no P axis)
            const FhirMeasurementCode& c = codes[i];
            QJsonObject o =
                observation(codeable(kLoinc, QLatin1String(c.loinc), QLatin1String(c.display)));
            o[QStringLiteral("valueQuantity")] =
                QJsonObject{{QStringLiteral("value"), std::round(values[i])},
                            {QStringLiteral("unit"), QLatin1String(c.unit)},
                            {QStringLiteral("system"), kUcum},
                            {QStringLiteral("code"), QLatin1String(c.unit)}};
            QString method = QStringLiteral("ECG Lens automatic measurement on the median beat");
            if (QLatin1String(c.key) == QLatin1String("qtc"))
                method += QStringLiteral(", Fridericia's correction (QT / cube root of RR)");
            o[QStringLiteral("method")] = QJsonObject{
                {QStringLiteral("text"), QString(method + QStringLiteral("; ") + kDisclaimer)}};
            add(o);
        }
    }

    // The automatic interpretation statements: the findings, and what limits the verdict.
    if (in.measurements && !in.findings.empty()) {
        QStringList lines;
        for (const dsp::Finding& f : in.findings)
            lines << findingText(f);
        QJsonObject o = observation(
            codeable(kLoinc, QStringLiteral("8601-7"), QStringLiteral("EKG impression")));
        o[QStringLiteral("valueString")] = lines.join(QStringLiteral("\n"));
        o[QStringLiteral("method")] = QJsonObject{
            {QStringLiteral("text"),
             QString(QStringLiteral("ECG Lens automatic findings (rhythm, conduction, QRS); ") +
                     kDisclaimer)}};
        add(o);
    }

    // The detector's probability and class.
    if (in.detection) {
        const ml::Analysis& a = *in.detection;
        QJsonObject o = observation(
            QJsonObject{{QStringLiteral("text"),
                         QStringLiteral("ECG Lens detector: probability of an abnormal ECG")}});
        o[QStringLiteral("valueQuantity")] =
            QJsonObject{{QStringLiteral("value"), std::round(a.probability * 1000.0) / 1000.0},
                        {QStringLiteral("unit"), QStringLiteral("1")},
                        {QStringLiteral("system"), kUcum},
                        {QStringLiteral("code"), QStringLiteral("1")}};
        o[QStringLiteral("interpretation")] = QJsonArray{
            QJsonObject{{QStringLiteral("text"), QLatin1String(ml::verdictName(a.verdict))}}};
        QStringList notes{QStringLiteral("Model %1 %2 (manifest SHA-256 %3); borderline from "
                                         "%4, anomalous from %5 (lead set %6, age group %7); %8")
                              .arg(qs(a.model.name), qs(a.model.version), qs(a.model.sha256))
                              .arg(a.thresholds.borderline, 0, 'f', 4)
                              .arg(a.thresholds.anomalous, 0, 'f', 4)
                              .arg(qs(a.thresholdLeadSet), qs(a.thresholdAgeGroup), kDisclaimer)};
        for (const Message& w : a.warnings)
            notes << qs(w.text);
        for (const QString& c : verdictCaveats(in.findings))
            notes << c;
        QJsonArray noteArray;
        for (const QString& n : notes)
            noteArray.append(QJsonObject{{QStringLiteral("text"), n}});
        o[QStringLiteral("note")] = noteArray;
        add(o);
    }

    // The report: final only with the clinician's decision.
    const bool decided = in.decision && !in.decision->decision.empty();
    QJsonObject report{
        {QStringLiteral("resourceType"), QStringLiteral("DiagnosticReport")},
        {QStringLiteral("status"),
         decided ? QStringLiteral("final") : QStringLiteral("preliminary")},
        {QStringLiteral("category"),
         QJsonArray{codeable(QStringLiteral("http://terminology.hl7.org/CodeSystem/v2-0074"),
                             QStringLiteral("EC"), QStringLiteral("Electrocardiac"))}},
        {QStringLiteral("code"), studyCode(r)},
        {QStringLiteral("issued"), issued.toUTC().toString(Qt::ISODateWithMs)}};
    if (!results.isEmpty()) // FHIR JSON has no empty arrays
        report[QStringLiteral("result")] = results;
    if (!patientUrl.isEmpty())
        report[QStringLiteral("subject")] = reference(patientUrl);
    if (!effective.isEmpty())
        report[QStringLiteral("effectiveDateTime")] = effective;
    if (decided) {
        QString conclusion = QStringLiteral("Clinician's decision: ") + qs(in.decision->decision);
        if (!in.anonymise && !in.decision->note.empty())
            conclusion += QStringLiteral(". Note: ") + qs(in.decision->note);
        report[QStringLiteral("conclusion")] = conclusion;
        if (!in.anonymise && !in.decision->reviewer.empty())
            report[QStringLiteral("resultsInterpreter")] =
                QJsonArray{QJsonObject{{QStringLiteral("display"), qs(in.decision->reviewer)}}};
    }
    if (!pdf.isEmpty())
        report[QStringLiteral("presentedForm")] = QJsonArray{QJsonObject{
            {QStringLiteral("contentType"), QStringLiteral("application/pdf")},
            {QStringLiteral("title"), QStringLiteral("ECG Lens report (%1)").arg(kDisclaimer)},
            {QStringLiteral("data"), QString::fromLatin1(pdf.toBase64())}}};
    entries.append(entry(newFullUrl(), report));

    return QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                       {QStringLiteral("type"), QStringLiteral("transaction")},
                       {QStringLiteral("timestamp"), issued.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("entry"), entries}};
}

QString writeFhirBundle(const ReportInput& in, const QString& pdfPath, const QString& jsonPath)
{
    if (in.recording.synthetic)
        return QStringLiteral("%1: a synthetic demo recording has no patient to send results for")
            .arg(jsonPath);
    QFile pdf(pdfPath);
    if (!pdf.open(QIODevice::ReadOnly))
        return QStringLiteral("%1: cannot read the report back: %2")
            .arg(pdfPath, pdf.errorString());
    const QJsonObject bundle = fhirBundle(in, pdf.readAll(), QDateTime::currentDateTimeUtc());
    QSaveFile json(jsonPath);
    if (!json.open(QIODevice::WriteOnly) ||
        json.write(QJsonDocument(bundle).toJson(QJsonDocument::Indented)) < 0 || !json.commit())
        return QStringLiteral("%1: %2").arg(jsonPath, json.errorString());
    return {};
}

QString fhirPathFor(const QString& pdfPath)
{
    QString base = pdfPath;
    if (base.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        base.chop(4);
    return base + QStringLiteral(".fhir.json");
}

} // namespace ecglens::report
