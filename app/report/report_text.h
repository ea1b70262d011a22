#pragma once

// The report's words: every value formatted as the application shows it, arranged as blocks
// (headings, label/value rows, paragraphs) that report.cpp lays out on pages.

#include "ecg_paper.h"
#include "report.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace ecglens::report {

/// The report's words in the interface language: Report::tr, context "Report" of
/// translations/ecglens_<lang>.ts (no translator installed: English). The class is named as its
/// context so that lupdate files every text under it.
class Report
{
    Q_DECLARE_TR_FUNCTIONS(Report)
};

struct TextBlock
{
    enum class Kind { Heading, Row, Paragraph };
    Kind kind = Kind::Paragraph;
    QString label; ///< Row only
    QString text;
};

/// Label/value lines of the first page's summary above the ECG; `shown` is its time span.
std::vector<std::pair<QString, QString>> summaryLines(const ReportInput& input,
                                                      const QString& shown);

/// The detail pages: patient, recording, measurements, findings, detector, flagged segments,
/// advice, review decision, credits.
std::vector<TextBlock> detailBlocks(const ReportInput& input);

/// Whether times on a recording of `durationS` are written as a clock (h:mm:ss.t): from 10 min.
bool clockTimes(double durationS);
/// Time as the flagged-segments panel shows it: seconds with one decimal, or h:mm:ss.t on a
/// recording with clockTimes().
QString clockText(double seconds, bool longRecording);
/// "300.0–310.0 s", or with `longRecording` "0:05:00.0–0:05:10.0".
QString spanText(double fromS, double toS, bool longRecording);

/// Who the pages are about, for the running header: "Patient 11275 · 00008_lr.hea",
/// "Patient Clark, ID SBJ-123 · ecgtoolkit-Example.scp" when the file names the patient, or
/// "Anonymised ECG".
QString patientHeaderText(const ReportInput& input);

/// The PDF's title: "ECG report 00008_lr.hea", or "ECG report (anonymised)".
QString documentTitle(const ReportInput& input);

/// When the report was made, for the first page: ISO 8601 UTC; only the year when anonymised.
QString generatedText(const ReportInput& input);

/// How the traces were conditioned, one line.
QString signalNote(const ReportInput& input);

/// When the explained window's ECG page is the 3 x 4 one (each lead but the rhythm strip's for
/// 2.5 s): a page of one row per lead over the whole 10 s for the (up to 5) other leads whose
/// contributions sum largest in magnitude, so that their segments are all on paper.
std::optional<PaperPage> strongestLeadsPage(const Recording& signal,
                                            const xai::RecordingExplanation& explanation);

/// The explanation's kReportStrongestSegments strongest players (indices, largest |value| first,
/// ties in player order): listed under "Strongest segments" and numbered on the ECG page.
std::vector<std::size_t> strongestPlayers(const xai::RecordingExplanation& explanation);

} // namespace ecglens::report
