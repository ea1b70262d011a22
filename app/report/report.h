#pragma once

// The PDF report of a reviewed recording: what a hospital files. It renders the values the
// application already computed (measurements, rhythm findings, detector verdict, advice, the
// clinician's decision) and never recomputes them, so the page and the screen cannot differ.

#include "advice/advice.h"
#include "core/recording.h"
#include "core/result.h"
#include "dsp/filters.h"
#include "dsp/measurements.h"
#include "dsp/rhythm.h"
#include "dsp/st_segment.h"
#include "ml/classical.h"
#include "ml/detector.h"
#include "pdf_signature.h"
#include "xai/explain_recording.h"

#include <QLocale>
#include <QPageLayout>
#include <QString>

#include <optional>
#include <string>
#include <vector>

class QPagedPaintDevice;

namespace ecglens::report {

/// One advice item as the advice panel shows it (plain strings: no dependency on engine/advice).
struct AdviceEntry
{
    std::string severity; ///< e.g. "info", "consider", "urgent"
    std::string title;
    std::string text;
    std::string basis;  ///< why it applies (age group, measurement, finding)
    std::string source; ///< citation, e.g. "ESC 2021 pacing guideline"
};

/// The clinician's review decision (absent: the report says "not reviewed").
struct ReviewDecision
{
    std::string decision; ///< e.g. "Abnormal ECG"; empty: no decision yet (the ECG is unconfirmed)
    std::string note;
    std::string reviewer;
    std::string timeIso; ///< ISO 8601, e.g. "2026-12-03T19:40:00Z"
};

/// The sheet the report is printed on. Its pages are laid out on A4 landscape and centred on
/// the sheet: the ECG grid keeps its 260 mm at 25 mm/s and 10 mm/mV on US Letter (279.4 mm
/// wide) as on A4, with narrower side margins.
enum class Paper { A4, Letter };

/// The settings key of the report's paper (Tools ▸ Report paper, a site's [report] paper=),
/// read by the window and by `ecglens-cli report`.
inline constexpr const char* kPaperSettingKey = "report/paper";

/// "a4" / "letter": the settings' and the command line's names.
QString paperName(Paper paper);
/// "A4" / "US Letter" (translated), for menus and messages.
QString paperTitle(Paper paper);
/// The paper a name stands for (case-insensitive "a4", "letter"); absent for anything else.
std::optional<Paper> paperFromName(const QString& name);
/// The paper used where a country's offices do: US Letter in the United States, its
/// territories, Canada, Mexico, the Philippines, Chile and Colombia; A4 (ISO 216) elsewhere.
Paper paperForTerritory(QLocale::Territory territory);
/// paperForTerritory of the system's locale.
Paper systemPaper();
/// A4 or Letter when `size` is one of them (a print dialog's choice), else absent.
std::optional<Paper> paperOf(const QPageSize& size);

/// An interval the clinician measured with the calipers, as the review words it
/// (review_report.h: addCalipers).
struct CaliperEntry
{
    std::string name;      ///< "QT interval"
    std::string text;      ///< "430 ms (automatic 414 ms) · lead V2, 3.21–3.64 s"
    std::string shortText; ///< "QT 430 ms"
    std::string reviewer;  ///< who measured it (left out when anonymised)
    std::string timeIso;   ///< when (only the year when anonymised)
    std::string lead;      ///< where: marked on the ECG pages on this lead from fromS to toS
    double fromS = 0.0;
    double toS = 0.0;
};

/// Another ECG this one was compared with (the window's serial comparison, `report --compare`):
/// the report names it and lists its measurements against this recording's.
struct ReportComparison
{
    std::shared_ptr<const Recording> recording;
    std::optional<dsp::IntervalValues> values; ///< its measurements; absent: not measurable
    std::vector<dsp::Finding> findings;        ///< its rhythm findings
    std::vector<dsp::StLevel> st;              ///< its ST levels (dsp::stLevels)
};

/// Everything a report shows. Only the recording is required; an absent part is printed as
/// "not available" (measurements, detector) or "not reviewed" (decision).
struct ReportInput
{
    explicit ReportInput(const Recording& r) : recording(r) {}

    const Recording& recording; ///< as read from the file (patient, format, rates, source path)

    /// The conditioned signal the viewer draws (dsp::condition of `recording`, with the limb
    /// leads it lacks computed: addComputedLimbLeads); when absent the traces are the raw
    /// samples with each lead's median removed, and the page says so.
    std::optional<Recording> displaySignal;
    std::string displayFilters; ///< how displaySignal was conditioned, e.g. "0.5 Hz high-pass, ..."

    /// Patient age/sex the analysis used when they override the file's (CLI --age/--sex, the
    /// patient panel); absent: the recording's.
    std::optional<double> ageYears;
    std::optional<Sex> sex;
    /// Patient ID and name typed in for a file without them (the patient panel, a saved
    /// review); empty: the recording's.
    std::string patientId;
    std::string patientName;

    std::optional<dsp::Measurements> measurements;
    std::vector<dsp::Finding> findings;
    std::vector<dsp::StLevel> st; ///< ST levels per lead (dsp::stLevels); empty: not printed

    std::optional<ml::Analysis> detection;
    /// The detector's SHAP explanation of one window: by lead, its strongest segments, method
    /// and efficiency check; `explanationInViewer` says it is the one the viewer showed (else
    /// the report's own choice, the most abnormal flagged window or the most probable one).
    std::optional<xai::RecordingExplanation> explanation;
    bool explanationInViewer = false;
    /// Explanations of Look first windows with ECG pages of their own (lookFirstPageWindows)
    /// other than `explanation`'s: each shaded on its pages and summarised after it (both
    /// `ecglens-cli report` and the window's export compute them).
    std::vector<xai::RecordingExplanation> lookFirstExplanations;
    /// A measurement model's explanation of one window (`ecglens-cli report --model gbm` etc.):
    /// each measurement's contribution to the log-odds.
    std::optional<ml::MeasurementExplanation> measurementExplanation;
    std::string detectionMessage;  ///< why there is no detection (not run, error), else empty
    std::string modelTrainingData; ///< model.json "data"; PTB-XL triggers the licence credit

    std::vector<AdviceEntry> advice;
    std::optional<ReviewDecision> decision;
    /// Decisions recorded before `decision`, oldest first (a changed mind, or a colleague's
    /// earlier reading): listed in the review section, by decision, reviewer and time.
    std::vector<ReviewDecision> earlierDecisions;
    /// The clinician's caliper measurements and, from a measured QT, its QTc ("QTc 470 ms
    /// (Fridericia …)" and "QTc 470 ms"); printed on page 1 and beside the measurements.
    std::vector<CaliperEntry> calipers;
    std::string caliperQtc, caliperQtcShort;
    std::optional<ReportComparison> comparison;

    /// SHA-256 of the source file, lower-case hex; empty: computed from recording.sourcePath.
    std::string sourceSha256;
    std::string softwareVersion; ///< e.g. "ECG Lens 0.1.0"

    /// An anonymised report (for teaching, a case conference, a second opinion outside the
    /// hospital): the identifiers of the HIPAA Safe Harbor list that a report can carry are left
    /// out: patient name and ID, file name and path, the file's SHA-256, the date of birth and
    /// dates other than the year, ages over 89 (printed "90 or older"), the reviewer's name and
    /// the free-text note; they are also removed where other text repeats them (reader
    /// warnings, advice). The traces, measurements, findings, verdict and the decision itself
    /// are kept.
    bool anonymise = false;

    Paper paper = Paper::A4;

    /// Signs the PDF (pdf_signature.h) when set; the report names the signer on page 1 and in
    /// the review section. An anonymised report is not signed: the signature names its signer.
    std::shared_ptr<const SigningIdentity> signer;
};

/// At most this many flagged segments are listed in a report (the most probable, in time order).
inline constexpr std::size_t kReportMaxSegments = 30;

/// A Look first window with an ECG page of its own, under its number in the Look first list.
struct LookFirstPage
{
    int number = 0; ///< from 1 (ml::reviewFirstWindows order)
    ml::WindowResult window;
};
/// The Look first windows (ml::reviewFirstWindows) that get ECG pages of their own: the first
/// three, less any starting within the first page's 10 s.
std::vector<LookFirstPage> lookFirstPageWindows(const ml::Analysis& analysis);

/// The window a report explains when the viewer explains none (`ecglens-cli report`, or an
/// export made before the viewer's explanation came): the most abnormal flagged window, else the
/// most probable one; null when there is no window.
const ml::WindowResult* reportExplainedWindow(const ml::Analysis& analysis);

/// Whether `explanation` is of the window starting at startS (to its 100 Hz sample).
bool explainsWindowAt(const xai::RecordingExplanation& explanation, double startS);

/// How many of an explanation's strongest segments a report lists.
inline constexpr std::size_t kReportStrongestSegments = 6;
/// How many of a measurement model's inputs a report lists, largest contribution first.
inline constexpr std::size_t kReportStrongestMeasurements = 8;

/// "Decision support, not a diagnosis. Must be reviewed by a qualified clinician."
QString disclaimerText();

/// "The advice checks a few criteria only: no item does not mean a normal ECG." (the Advice
/// dock and the report's advice section).
QString adviceLimitText();

/// The licence credit printed when the model was trained on PTB-XL.
QString ptbxlCreditText();

/// When the ECG compared with was recorded, seen from the shown one: by the start date and time
/// each file gives (local time as written, no time zone). A change column reads "since then" only
/// when the other ECG is the earlier one.
struct RecordingOrder
{
    enum class Kind { Earlier, SameTime, Later, Unknown };
    Kind kind = Kind::Unknown;
    qint64 seconds = 0; ///< time between the two starts (0 when unknown)
};
/// Starts less than a minute apart count as the same time (the same recording in another file?).
RecordingOrder recordingOrder(const Recording& shown, const Recording& compared);
/// "6 days earlier", "2 years later", "at the same time", "order unknown" (translated); the
/// amount rounded down to minutes, hours, days, months or years as the interval calls for.
/// Without the amount ("earlier") when `anonymise`.
QString recordingOrderText(const RecordingOrder& order, bool anonymise = false);
/// What a reader must know before reading the change as "since then": empty when the other ECG
/// is the earlier one.
QString recordingOrderWarning(const RecordingOrder& order);

/// The words that identify a patient in other text: the name as a whole, the ID, and each word
/// of the name of two or more characters that is not an abbreviation ("Mrs Doe" in a note; not
/// "A.", "Dr.", "Jr.", which identify no one and are common words); empty ones left out.
QStringList patientIdentifiers(const QString& name, const QString& id);

/// Whether `fileName` contains one of patientIdentifiers(name, id), in any case ("doe_jane.xml"
/// for "Doe, Jane"): a file named after its patient.
bool fileNameNamesPatient(const QString& fileName, const QString& name, const QString& id);

/// A name or ID inside a line of other text (page 1's Patient line, the running header, the
/// window title): cut to 48 characters (with an ellipsis) so that a damaged or unusually long
/// field cannot push the rest off the line, and set apart as a Unicode first-strong isolate
/// (U+2068 ... U+2069, UAX #9) so that a Hebrew or Arabic name reads right to left in place
/// without turning the line around it.
QString inlineIdentifier(const QString& text);

/// Text from a file inside a line of ours (a statement after its code, before its likelihood),
/// set apart as a first-strong isolate like inlineIdentifier, uncut: Hebrew or Arabic text keeps
/// its order and does not pull the brackets and numbers after it into its own direction.
QString isolated(const QString& text);

/// A date as ISO 8601, "1953-05-08" (the date of birth wherever it is shown).
QString isoDateText(const Date& date);

/// Whether two names the files give are different people's by their words, whatever the order,
/// case, accents' case and punctuation ("Doe, Jane" and "JANE DOE" are the same); false when
/// either file gives none. A name with a bracketed group at its end ("Yamada, Tarou (山田
/// 太郎)", a DICOM name's alphabetic and ideographic groups) matches either part alone too. A
/// second check beside the patient ID when ECGs are compared.
bool differentNames(const std::string& a, const std::string& b);

/// How a signal was conditioned, for ReportInput::displayFilters: "0.5 Hz high-pass, 50 Hz notch,
/// 40 Hz low-pass" (only the filters that are on).
std::string conditioningText(const dsp::ConditionOptions& options);

/// The training data a model folder names (model.json "data"); empty when absent. PTB-XL in
/// it makes the report print the licence credit.
std::string modelTrainingData(const std::string& modelDir);

/// The engine's advice items as the report prints them.
std::vector<AdviceEntry> adviceEntries(const std::vector<advice::AdviceItem>& items);

/// An advice item's severity as the advice panel and the report word it: "Prompt review",
/// "Consider", "Note" (translated).
QString severityWord(advice::Severity severity);

/// The verdict probability as the application shows it ("83.4 %", QLocale, one decimal).
QString probabilityText(double probability);

/// The report's page: `paper` in landscape without margins (the page itself holds the margins,
/// so the ECG paper keeps its millimetres on any device).
QPageLayout reportPageLayout(Paper paper);

/// Draws the report on `device` (a PDF writer, a printer) after giving it reportPageLayout() of
/// the input's paper: the
/// ECG pages at true scale, then the details. Returns the number of pages. A printer must be in
/// full-page mode (QPrinter::setFullPage) to take the margin-free layout.
Result<int> renderReport(const ReportInput& input, QPagedPaintDevice& device);

/// Writes the report as a PDF to `path` (renderReport on a PDF writer). The file is written
/// through QSaveFile: an existing report is replaced only after complete success. Never touches the
/// source recording.
Result<bool> writeReport(const ReportInput& input, const QString& path);

} // namespace ecglens::report
