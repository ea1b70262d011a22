#pragma once

// The report's results as an HL7 FHIR R4 transaction Bundle, for a hospital's FHIR server or
// interface engine beside the PDF: a DiagnosticReport (the clinician's decision as its
// conclusion, the PDF as its presented form) and preliminary Observations with LOINC codes for
// the automatic measurements (heart rate, PR, QRS, QT, QTc, P / QRS / T axes; the codes of
// US Core's clinical test value set), one for the automatic interpretation statements (the
// findings, LOINC "EKG impression") and one for the detector's probability. Automatic values
// are "preliminary" and say "decision support, not a diagnosis"; the report is "final" only
// with a clinician's decision.

#include "report.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace ecglens::report {

/// The Bundle for `in` whose PDF is `pdf` (embedded base64 as the DiagnosticReport's
/// presentedForm). `issued` is the DiagnosticReport's issue time. Anonymised input gives no
/// Patient resource and no subject, reviewer or note, as the anonymised PDF. Resources are
/// linked by urn:uuid full URLs; the Patient is created only if none has its identifier
/// (ifNoneExist), since the file's patient ID is the hospital's.
QJsonObject fhirBundle(const ReportInput& in, const QByteArray& pdf, const QDateTime& issued);

/// LOINC code of each automatic measurement the Bundle carries, in its order, with its unit
/// (UCUM): the table a receiving system maps.
struct FhirMeasurementCode
{
    const char* key; ///< "heart_rate", "pr", "qrs", "qt", "qtc", "p_axis", "qrs_axis", "t_axis"
    const char* loinc;
    const char* display;
    const char* unit;
};
const std::vector<FhirMeasurementCode>& fhirMeasurementCodes();

/// Reads the report written to `pdfPath` back and writes its Bundle (issued now) to `jsonPath`
/// atomically (QSaveFile). Empty on success, else why not; a synthetic recording (the demo) is
/// refused: a hospital system would file its results under an invented patient.
QString writeFhirBundle(const ReportInput& in, const QString& pdfPath, const QString& jsonPath);

/// Where the window writes a report's Bundle: beside the PDF, "report.pdf" -> "report.fhir.json".
QString fhirPathFor(const QString& pdfPath);

} // namespace ecglens::report
