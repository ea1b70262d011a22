#pragma once

// Age-tailored advice for the clinician: short, conservative items derived from the detector's
// verdict, the measured intervals and the rhythm findings, each citing the guideline it comes
// from. Decision support, never a diagnosis or a treatment order. The rules (thresholds, age
// bands, texts, sources) live in a catalogue (resources/advice/catalogue.json, built in).

#include "core/message.h"
#include "core/recording.h"
#include "core/result.h"
#include "dsp/st_segment.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ecglens::dsp {
struct Measurements;
struct IntervalValues;
struct Finding;
} // namespace ecglens::dsp

namespace ecglens::ml {
struct Analysis;
} // namespace ecglens::ml

namespace ecglens::advice {

/// How much attention an item asks for, lowest first.
/// Info: context for reading the ECG (e.g. age unknown, long recording).
/// Consider: a finding worth reviewing (e.g. PR > 200 ms, anomalous verdict).
/// Prompt: a finding its source ties to a prompt review (e.g. QTc > 500 ms, suspected AF).
enum class Severity { Info, Consider, Prompt };

/// "info", "consider", "prompt" (the catalogue's spelling).
const char* severityName(Severity severity);

/// The QTc the advice grades and the report's summary quotes: Fridericia's (QT / cube root of
/// RR). Bazett's overcorrects at fast rates; on PTB-XL ECGs read as normal it put QTc above
/// 500 ms in 44 of 753 against Fridericia's 12, while both flag all 6 of the cardiologists'
/// long-QT ECGs (tst_advice).
inline constexpr const char* kGradedQtcFormula = "Fridericia";
double gradedQtcMs(const dsp::IntervalValues& values);

struct AdviceItem
{
    std::string code; ///< stable id, e.g. "qtc-long-500"
    Severity severity = Severity::Info;
    std::string title;  ///< one line
    std::string text;   ///< a few sentences, conservative wording
    std::string basis;  ///< the values that triggered it, e.g. "QTc 512 ms (Fridericia); age 71"
    std::string source; ///< full citation
    /// The same as messages (trigger, then patient), for interfaces that word them in their
    /// own language; `basis` is their English joined by "; ".
    std::vector<Message> basisParts;
};

/// The detector's verdict; None when no detector ran.
enum class VerdictState { None, Normal, Borderline, Anomalous };

/// Every wording a basis part can take (ids "advice.*"), for interfaces that translate them.
std::vector<MessageTemplate> basisMessageTemplates();

/// "none", "normal", "borderline", "anomalous" (the catalogue's spelling).
const char* verdictStateName(VerdictState verdict);

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

/// Everything the rules look at. Missing values are NaN (no item fires on them).
struct AdviceInput
{
    VerdictState verdict = VerdictState::None;
    std::optional<double> probability; ///< calibrated probability of abnormal, 0-1
    std::optional<double> ageYears;    ///< unknown allowed
    Sex sex = Sex::Unknown;
    double heartRateBpm = kMissing;
    double prMs = kMissing;
    double qrsMs = kMissing;
    double qtMs = kMissing;
    double qtcMs = kMissing;
    std::string qtcFormula = kGradedQtcFormula; ///< how qtcMs was corrected, quoted in the basis
    /// QTc of Bogossian's modified QT: Fridericia's correction of QT less 48.5 % of the QRS
    /// (dsp::qtBogossianMs), for a paced QRS, which lengthens QT without lengthening
    /// repolarisation. Its basis quotes qtMs and qrsMs.
    double qtcQrsAdjustedMs = kMissing;
    /// QRS voltages of the median beat, mV (dsp::IntervalValues): Sokolow-Lyon (S in V1 plus the
    /// larger R in V5 or V6) and Cornell (R in aVL plus S in V3).
    double sokolowLyonMv = kMissing;
    double cornellMv = kMissing;
    std::vector<std::string> findingCodes; ///< dsp::findingCode() spellings, e.g. "pause"
    /// The leads a finding names (dsp::Finding::leads), by code, for those that name any: a
    /// finding item's basis quotes them ("leads II, III, aVF").
    std::map<std::string, std::vector<std::string>> findingLeads;
    /// The findings of an ECG shown for comparison (e.g. an earlier one), when it was measured:
    /// a finding item's basis says whether it was found there too (a new left bundle branch
    /// block or new Q waves are read differently from known ones).
    struct Found
    {
        std::vector<std::string> codes;                        ///< as findingCodes
        std::map<std::string, std::vector<std::string>> leads; ///< as findingLeads
    };
    std::optional<Found> comparedFindings;
    double durationS = kMissing; ///< recording length in seconds
    int leadCount = 0;
    /// ST levels per lead of the median beat at J and J+60 ms, mV, positive for elevation
    /// (dsp::stLevels, leads as the recording names them); missing levels are NaN.
    std::vector<dsp::StLevel> stLevels;
    /// The same of an ECG shown for comparison (e.g. an earlier one), if any: the ST items say
    /// whether it met their criteria too (the definition asks for a new change).
    std::optional<std::vector<dsp::StLevel>> comparedStLevels;
    /// Beats with a pacemaker stimulus before them, and all beats (the PacemakerSpikes finding's
    /// values; 0 and 0 without it).
    int pacedBeatCount = 0, beatCount = 0;
    /// Beats without a stimulus found but of the paced beats' QRS shape, counted with them for
    /// the median beat (the finding's fifth value; dsp::beatsShapedAsPaced).
    int pacedByShapeCount = 0;
    /// Whether the median beat is made of paced beats, as the finding says when beats were
    /// measured apart (dsp::measurePacedApart, which also counts beats of the paced QRS shape
    /// whose stimulus was missed); unset: from the counts above.
    std::optional<bool> pacedMedian;
    /// Whether the median beat's QRS has the shape of left bundle branch block: the finding
    /// left_bundle_branch_block among findingCodes (dsp::qrsConduction; never told on a paced
    /// median beat).
    bool lbbbShape() const;
    /// Whether the median beat, whose ST levels and QRS the items read, is a paced one:
    /// pacedMedian, else dsp::medianBeatPaced (more than half the beats paced).
    bool medianBeatPaced() const
    {
        if (pacedMedian)
            return *pacedMedian;
        return pacedBeatCount > 0 && dsp::medianBeatPaced(std::size_t(pacedBeatCount),
                                                          std::size_t(std::max(0, beatCount)));
    }
};

/// One rule of the catalogue (see resources/advice/catalogue.json for the schema).
struct Rule
{
    enum class Trigger {
        Always,
        Measure,
        Finding,
        Verdict,
        StElevation,
        StDepression,
        StElevationConcordant,
        LvhVoltage
    };
    enum class Measure { HeartRateBpm, PrMs, QrsMs, QtcMs, QtcQrsAdjustedMs, DurationS };
    enum class Op { Less, Greater, AtLeast };

    std::string code;
    Severity severity = Severity::Info;
    std::string title;
    std::string text;
    std::string sourceKey;
    std::string source; ///< resolved full citation
    Trigger trigger = Trigger::Always;
    Measure measure = Measure::HeartRateBpm;
    Op op = Op::Greater;
    double threshold = 0.0;
    /// Trigger::Finding: every one of these finding codes (the catalogue's "finding", a code or
    /// a list of codes).
    std::vector<std::string> findings;
    VerdictState verdict = VerdictState::None; ///< Trigger::Verdict
    /// Trigger::StElevation: ST elevation at J in two contiguous leads of a resting ECG.
    struct StCriteria
    {
        double otherLeadsMv = 0.1; ///< every lead but V2 and V3
        /// V2 and V3, by sex and age; a patient whose sex or age is not recorded gets the
        /// lowest that may apply (so the item errs towards showing).
        double v2v3Man40PlusMv = 0.2;
        double v2v3ManUnder40Mv = 0.25;
        double v2v3WomanMv = 0.15;
        /// Longer recordings (ambulatory) are not judged: the criteria are the resting
        /// 12-lead ECG's and the median beat of hours is no resting ECG.
        double maxDurationS = 60.0;
    };
    StCriteria st;
    /// Trigger::StDepression: horizontal or downsloping ST depression in two contiguous leads
    /// of a resting ECG.
    struct StDepressionCriteria
    {
        double depthMv = 0.05; ///< at J and at J+60 ms
        /// Horizontal or downsloping: J+60 ms at most this much above J (the measurement's
        /// resolution; an upsloping depression rises more).
        double upslopeToleranceMv = 0.02;
        double maxDurationS = 60.0; ///< as StCriteria::maxDurationS
    };
    StDepressionCriteria stDepression;
    /// Trigger::StElevationConcordant: ST elevation at J in the same direction as the QRS's
    /// major deflection in any standard lead (the sign of ischaemia that the Fourth Universal
    /// Definition of MI names for left bundle branch block and paced rhythms, whose discordant
    /// ST changes are their own).
    struct StConcordantCriteria
    {
        double elevationMv = 0.1;
        double maxDurationS = 60.0; ///< as StCriteria::maxDurationS
    };
    StConcordantCriteria stConcordant;
    /// Trigger::LvhVoltage: QRS voltage criteria for left ventricular hypertrophy on a resting
    /// ECG, either of: Sokolow-Lyon at least sokolowLyonMv; Cornell above the sex's threshold (a
    /// patient whose sex is not recorded gets the lower, so the item errs towards showing).
    struct LvhVoltageCriteria
    {
        double sokolowLyonMv = 3.5;
        double cornellManMv = 2.8;
        double cornellWomanMv = 2.0;
        double maxDurationS = 60.0; ///< as StCriteria::maxDurationS
    };
    LvhVoltageCriteria lvhVoltage;
    /// Set: the item applies only when the median beat is a paced one (true) or only when it is
    /// not (false), AdviceInput::medianBeatPaced.
    std::optional<bool> paced;
    /// Set: the item applies only when the median beat's QRS has the shape of left bundle branch
    /// block (true; AdviceInput::lbbbShape), whose ST-T changes are secondary as a paced QRS's,
    /// or only when it has not (false).
    std::optional<bool> lbbb;
    std::optional<double> ageMinYears; ///< inclusive; needs a known age
    std::optional<double> ageMaxYears; ///< exclusive; needs a known age
    bool ageUnknownOnly = false;
    std::optional<Sex> sex; ///< Sex::Unknown matches only an unknown sex
    /// Non-empty: kept in the catalogue as written but not applied, for this reason (e.g. the
    /// automatic measurement does not follow the convention the threshold was defined on).
    std::string withheld;
    bool adultCriteria = false; ///< withheld below Catalogue::adultAgeYears
};

struct Catalogue
{
    int schema = 1;
    double adultAgeYears = 18.0;
    std::vector<Rule> rules; ///< in catalogue order
};

/// Parses a catalogue; refuses malformed JSON, an item without a (known) source, an unknown
/// severity, measure, operator or sex, and a threshold or age that is not a number.
Result<Catalogue> parseCatalogue(const std::string& json);

/// The text of resources/advice/catalogue.json as compiled into the engine.
const std::string& builtinCatalogueJson();
/// builtinCatalogueJson() parsed once (no rules if it failed to parse, which a test guards).
const Catalogue& builtinCatalogue();

/// The V2-V3 threshold (mV) `criteria` set for this patient.
double stV2V3ThresholdMv(const Rule::StCriteria& criteria, Sex sex, std::optional<double> ageYears);

/// The leads whose ST elevation at J reaches their threshold and that have a contiguous lead
/// (contiguousLeadPairs) doing the same, in the input's lead order; empty when none do, when
/// the recording is longer than criteria.maxDurationS, or without ST levels. Lead names are
/// matched in any spelling of the standard 12 (normaliseLeadName); modified Holter leads (MLII,
/// MV1) are not standard leads and take no part.
std::vector<dsp::StLevel> contiguousStElevation(const AdviceInput& input,
                                                const Rule::StCriteria& criteria);

/// The leads with horizontal or downsloping ST depression of at least criteria.depthMv at J and
/// at J+60 ms that have a contiguous lead doing the same, as contiguousStElevation finds them.
std::vector<dsp::StLevel> contiguousStDepression(const AdviceInput& input,
                                                 const Rule::StDepressionCriteria& criteria);

/// The standard leads whose ST elevation at J reaches criteria.elevationMv and whose QRS is
/// mainly positive (StLevel::qrsAreaMvMs > 0), in the input's lead order; no contiguous lead is
/// asked for. Empty when none are, when the recording is longer than criteria.maxDurationS, or
/// without ST levels.
std::vector<dsp::StLevel> concordantStElevation(const AdviceInput& input,
                                                const Rule::StConcordantCriteria& criteria);

/// The Cornell threshold (mV) `criteria` set for a patient of this sex.
double cornellThresholdMv(const Rule::LvhVoltageCriteria& criteria, Sex sex);

/// Which of the voltage criteria the input's QRS voltages meet (none on a recording longer than
/// criteria.maxDurationS or with the voltages missing).
struct LvhVoltageMet
{
    bool sokolowLyon = false;
    bool cornell = false;
    bool any() const { return sokolowLyon || cornell; }
};
LvhVoltageMet lvhVoltageMet(const AdviceInput& input, const Rule::LvhVoltageCriteria& criteria);

/// The items that apply, Prompt first, then Consider, then Info; catalogue order within each.
std::vector<AdviceItem> adviceFor(const AdviceInput& input, const Catalogue& catalogue);

/// Fridericia's QTc of Bogossian's modified QT of `values` (QT less 48.5 % of the QRS,
/// dsp::qtBogossianMs), what the paced QTc item grades; NaN when QT, QRS or RR is missing.
double qrsAdjustedQtcMs(const dsp::IntervalValues& values);

/// Whether `findings` say the whole-record median beat is a paced one: the PacemakerSpikes
/// finding's own word when beats were measured apart (its fourth value), else more than half
/// the beats with a stimulus (dsp::medianBeatPaced); false without the finding. What
/// AdviceInput::medianBeatPaced holds for an input made by inputFor, and what the displays
/// ask before showing qrsAdjustedQtcMs.
bool medianBeatPaced(const std::vector<dsp::Finding>& findings);

/// Whether `findings` say the median beat's QRS has the shape of left bundle branch block (the
/// LeftBundleBranchBlock finding), on which the advice grades qrsAdjustedQtcMs as on paced
/// beats: what AdviceInput::lbbbShape holds for an input made by inputFor.
bool lbbbShape(const std::vector<dsp::Finding>& findings);

/// The codes and leads of `findings`, as inputFor fills findingCodes and findingLeads (each code
/// once); for AdviceInput::comparedFindings.
AdviceInput::Found foundFindings(const std::vector<dsp::Finding>& findings);

/// Fills an input from what the app has: the patient (age, sex), the recording's length (s) and
/// lead count, whole-record measurements (may be null), rhythm findings, and the detector's
/// analysis (may be null). QTc is gradedQtcMs(), qtcQrsAdjustedMs Fridericia's of
/// dsp::qtBogossianMs; the ST levels are the median beat's (none
/// when it has no leads).
AdviceInput inputFor(const Patient& patient, double durationS, int leadCount,
                     const dsp::Measurements* measurements,
                     const std::vector<dsp::Finding>& findings, const ml::Analysis* detection);

/// The same for a recording (its patient, duration and lead count).
AdviceInput inputFor(const Recording& recording, const dsp::Measurements* measurements,
                     const std::vector<dsp::Finding>& findings, const ml::Analysis* detection);

} // namespace ecglens::advice
