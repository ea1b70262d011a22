#include "report_text.h"

#include "contributions.h"
#include "ecg_paper.h"
#include "engine_text.h"

#include "finding_text.h"
#include "io/folder.h"

#include "core/lead_names.h"
#include "core/sha256.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

#include <cmath>
#include <numeric>

namespace ecglens::report {

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

const QString kNone = QStringLiteral("\u2014");

/// What an anonymised report prints in place of an identifier.
QString removedText()
{
    return Report::tr("removed (anonymised report)");
}

/// HIPAA Safe Harbor: ages over 89 are aggregated into one category. Compared after rounding
/// to whole years, as printed, so 89.6 does not come out as "90 years".
constexpr double kOldestAgeShown = 89.0;

bool hiddenAge(double years)
{
    return std::round(years) > kOldestAgeShown;
}

/// A measurement as the measurements panel shows it (no decimals), with its unit.
QString value(double v, const char* unit, int decimals = 0)
{
    if (!std::isfinite(v))
        return kNone;
    const QString u = QString::fromUtf8(unit);
    return localNumber(v, 'f', decimals) +
           (u == QStringLiteral("\u00b0") ? u : QString(QLatin1Char(' ') + u));
}

std::optional<double> ageOf(const ReportInput& in)
{
    return in.ageYears ? in.ageYears : in.recording.patient.ageYears;
}

Sex sexOf(const ReportInput& in)
{
    return in.sex ? *in.sex : in.recording.patient.sex;
}

QString ageText(const ReportInput& in)
{
    const auto age = ageOf(in);
    if (age && in.anonymise && hiddenAge(*age))
        return Report::tr("90 years or older");
    return age ? localNumber(*age, 'f', 0) + Report::tr(" years") : kNone;
}

/// The ID and name the report is about: typed in for a file without them, else the file's.
const std::string& patientIdOf(const ReportInput& in)
{
    return in.patientId.empty() ? in.recording.patient.id : in.patientId;
}

const std::string& patientNameOf(const ReportInput& in)
{
    return in.patientName.empty() ? in.recording.patient.name : in.patientName;
}

QString patientIdText(const ReportInput& in)
{
    if (in.anonymise)
        return removedText();
    return patientIdOf(in).empty() ? kNone : qs(patientIdOf(in));
}

/// The name (typed in, else the file's): with the ID, the identifiers a ward checks before it
/// files a report (the reader's displayText keeps a file's name one line of printable text).
QString patientNameText(const ReportInput& in)
{
    if (patientNameOf(in).empty())
        return kNone;
    return in.anonymise ? removedText() : qs(patientNameOf(in));
}

QString birthDateText(const ReportInput& in)
{
    const std::optional<Date>& born = in.recording.patient.birthDate;
    if (!born)
        return kNone;
    return in.anonymise ? removedText() : isoDateText(*born);
}

/// Text that comes from elsewhere (reader warnings, advice, messages): as is, or for an
/// anonymised report without the patient ID, the file's path and names (with any extension:
/// the record's other files), and ages over 89.
QString freeText(const ReportInput& in, QString t)
{
    if (!in.anonymise)
        return t;
    const QFileInfo file(qs(in.recording.sourcePath));
    QStringList identifiers{file.absoluteFilePath(), qs(in.recording.sourcePath), file.fileName(),
                            file.completeBaseName(), file.baseName()};
    identifiers << patientIdentifiers(qs(patientNameOf(in)), qs(patientIdOf(in)));
    // Longest first, so a path goes before the name inside it.
    std::sort(identifiers.begin(), identifiers.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
    for (const QString& id : identifiers)
        if (!id.isEmpty())
            t.replace(QRegularExpression(QStringLiteral("(?<![\\w.])") +
                                         QRegularExpression::escape(id) +
                                         QStringLiteral("(?:\\.\\w+)*(?!\\w)")),
                      Report::tr("[removed]"));
    // "age 91.5", "an age of 95", German "Alter 91,5", "Alter von 95": the number goes.
    static const QRegularExpression age(
        QStringLiteral("\\b(?:age|Alter)(?: of| von)? (\\d+(?:[.,]\\d+)?)"));
    QString out;
    qsizetype last = 0;
    for (auto it = age.globalMatch(t); it.hasNext();) {
        const auto m = it.next();
        if (!hiddenAge(m.captured(1).replace(QLatin1Char(','), QLatin1Char('.')).toDouble()))
            continue;
        out += t.mid(last, m.capturedStart(1) - last) + Report::tr("90 or older");
        last = m.capturedEnd(1);
    }
    return out + t.mid(last);
}

/// An engine message (reader or detector warning) as the report prints it: in the interface's
/// language and, when anonymised, as freeText, with the values its template declares as ages
/// (MessageTemplate::ageArgs) over 89 worded "90 or older", wherever the sentence puts them.
QString messageText(const ReportInput& in, Message m)
{
    if (!in.anonymise)
        return engineText(m);
    // Marked first and worded after freeText, whose own rule would take "an age of 90" again.
    static const QString mark = QStringLiteral("\u2063hidden-age\u2063");
    for (std::size_t i = 0; i < m.args.size(); ++i)
        if (isAgeArg(m, i) && hiddenAge(std::atof(m.args[i].c_str())))
            m.args[i] = mark.toStdString();
    return freeText(in, engineText(m)).replace(mark, Report::tr("90 or older"));
}

/// When the review was recorded: "2026-12-04 15:01 UTC" (the year alone when anonymised).
QString reviewTimeText(const ReportInput& in, const std::string& timeIso)
{
    if (timeIso.empty())
        return kNone;
    const QDateTime t = QDateTime::fromString(qs(timeIso), Qt::ISODate);
    if (in.anonymise)
        return (t.isValid() ? QString::number(t.toUTC().date().year()) : qs(timeIso.substr(0, 4))) +
               Report::tr(" (date removed)");
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : qs(timeIso);
}

/// A reviewer as the report names them: left out when anonymised.
QString reviewerText(const ReportInput& in, const std::string& reviewer)
{
    return in.anonymise       ? Report::tr("a clinician (name omitted)")
           : reviewer.empty() ? Report::tr("a clinician (name not given)")
                              : qs(reviewer);
}

/// Page 1's review line: whether a clinician has confirmed the ECG, by whom and when. An
/// unconfirmed report says so first, as ECG management systems print "unconfirmed" on ECGs
/// nobody has over-read.
QString reviewLine(const ReportInput& in)
{
    if (!in.decision || in.decision->decision.empty())
        return Report::tr("UNCONFIRMED: not reviewed by a clinician; the verdict above is the "
                          "detector's alone") +
               (in.decision && !in.decision->note.empty() ? Report::tr(" (a note is attached)")
                                                          : QString());
    const ReviewDecision& d = *in.decision;
    const bool changed = std::any_of(
        in.earlierDecisions.begin(), in.earlierDecisions.end(),
        [&](const ReviewDecision& e) { return !e.decision.empty() && e.decision != d.decision; });
    return Report::tr("%1 · reviewed by %2 · %3")
               .arg(qs(d.decision), reviewerText(in, d.reviewer), reviewTimeText(in, d.timeIso)) +
           (changed ? Report::tr(" · earlier decisions differ (see the review section)")
                    : QString());
}

/// Page 1's note of the digital signature, after the review and calipers; empty unsigned.
QString signatureLine(const ReportInput& in)
{
    return in.signer ? Report::tr(" · digitally signed by %1").arg(in.signer->signerName())
                     : QString();
}

/// Page 1's caliper measurements, after the review line: " · calipers by Dr Caliper: RR 1360 ms ·
/// QT 468 ms · QTc 422 ms"; empty without any.
QString caliperLine(const ReportInput& in)
{
    if (in.calipers.empty())
        return {};
    QStringList parts, who;
    for (const CaliperEntry& c : in.calipers) {
        parts << qs(c.shortText);
        if (!who.contains(reviewerText(in, c.reviewer)))
            who << reviewerText(in, c.reviewer);
    }
    if (!in.caliperQtcShort.empty())
        parts << qs(in.caliperQtcShort);
    return Report::tr(" · calipers by %1: %2")
        .arg(who.join(QStringLiteral(", ")), parts.join(QStringLiteral(" \u00b7 ")));
}

/// An AdviceEntry's severity (the catalogue's key, advice::severityName) as severityWord says it.
QString severityText(const std::string& severity)
{
    for (const auto s :
         {advice::Severity::Info, advice::Severity::Consider, advice::Severity::Prompt})
        if (severity == advice::severityName(s))
            return severityWord(s);
    return severity.empty() ? Report::tr("Advice") : qs(severity);
}

/// Why the report has no verdict.
QString noDetectionText(const ReportInput& in)
{
    return in.detectionMessage.empty() ? Report::tr("the detector was not run")
                                       : freeText(in, qs(in.detectionMessage));
}

QString sexText(const ReportInput& in)
{
    switch (sexOf(in)) {
    case Sex::Male:
        return Report::tr("male");
    case Sex::Female:
        return Report::tr("female");
    case Sex::Unknown:
        break;
    }
    return Report::tr("unknown");
}

QString startTextOf(const Recording& r, bool anonymise)
{
    if (!r.start)
        return kNone;
    if (anonymise)
        return r.start->hasDate ? Report::tr("%1 (date and time removed: anonymised report)")
                                      .arg(r.start->date.year)
                                : removedText();
    const DateTime& t = *r.start;
    const QString time = QStringLiteral("%1:%2:%3")
                             .arg(t.hour, 2, 10, QLatin1Char('0'))
                             .arg(t.minute, 2, 10, QLatin1Char('0'))
                             .arg(int(std::floor(t.second)), 2, 10, QLatin1Char('0'));
    if (!t.hasDate)
        return time + Report::tr(" (no date in the file)");
    return isoDateText(t.date) + QLatin1Char(' ') + time;
}

QString startText(const ReportInput& in)
{
    return startTextOf(in.recording, in.anonymise);
}

QString durationText(double s)
{
    QString text = localNumber(s, 'f', 1) + QStringLiteral(" s");
    if (s >= 60.0) {
        const auto whole = static_cast<long long>(s);
        text += QStringLiteral(" (%1:%2:%3)")
                    .arg(whole / 3600)
                    .arg((whole / 60) % 60, 2, 10, QLatin1Char('0'))
                    .arg(whole % 60, 2, 10, QLatin1Char('0'));
    }
    return text;
}

QString leadsText(const Recording& r)
{
    QStringList names;
    for (const Lead& l : r.leads)
        names << qs(l.name);
    return QStringLiteral("%1 (%2)").arg(r.leads.size()).arg(names.join(QStringLiteral(", ")));
}

QString fileNameOf(const Recording& r, bool anonymise)
{
    if (r.synthetic && !QFileInfo::exists(qs(r.sourcePath)))
        return Report::tr("built-in demo (synthetic)");
    if (anonymise)
        return removedText();
    return QFileInfo(qs(r.sourcePath)).fileName();
}

QString fileName(const ReportInput& in)
{
    return fileNameOf(in.recording, in.anonymise);
}

QString sha256Text(const ReportInput& in)
{
    if (in.anonymise)
        return removedText();
    if (in.recording.sourcePath.empty() ||
        (in.recording.synthetic && !QFileInfo::exists(qs(in.recording.sourcePath))))
        return Report::tr("n/a (no source file)");
    // The recording's content: the file, or a WFDB record's header and signal files, named so
    // that a reader can check it with sha256sum.
    const std::vector<std::string> files = io::recordingFiles(in.recording.sourcePath);
    QString digest = qs(in.sourceSha256);
    if (digest.isEmpty()) {
        const auto computed = sha256Files(files);
        if (!computed)
            return Report::tr("n/a (file could not be read)");
        digest = qs(*computed);
    }
    if (files.size() < 2)
        return digest;
    QStringList names;
    for (const std::string& f : files)
        names << QFileInfo(qs(f)).fileName();
    return Report::tr("%1 (of %2, one after the other)")
        .arg(digest, names.join(QStringLiteral(" + ")));
}

QString verdictWord(ml::Verdict v)
{
    switch (v) {
    case ml::Verdict::Normal:
        return Report::tr("Normal");
    case ml::Verdict::Borderline:
        return Report::tr("Borderline");
    case ml::Verdict::Anomalous:
        return Report::tr("Anomalous");
    }
    return {};
}

/// The verdict with what it was decided against, so a low probability read as Anomalous is not
/// a puzzle: "Anomalous — probability of an abnormal ECG 37.9 % (anomalous from 10.9 %, age group
/// 40-64)".
QString verdictLine(const ml::Analysis& a)
{
    return Report::tr("%1 — probability of an abnormal ECG %2 (anomalous from %3, age "
                      "group %4)")
        .arg(verdictWord(a.verdict), probabilityText(a.probability),
             probabilityText(a.thresholds.anomalous), qs(a.thresholdAgeGroup));
}

QString modelText(const ml::ModelInfo& m)
{
    return qs(m.name) + QLatin1Char(' ') + qs(m.version);
}

QString thresholdsText(const ml::Analysis& a)
{
    return Report::tr("borderline ≥ %1, anomalous ≥ %2 (age group %3, lead set: %4)")
        .arg(localNumber(a.thresholds.borderline, 'f', 3),
             localNumber(a.thresholds.anomalous, 'f', 3), qs(a.thresholdAgeGroup),
             leadSetText(a.thresholdLeadSet));
}

/// Both QTc; on a paced median beat (`paced`) or a QRS shaped as left bundle branch block
/// (`lbbb`) also that of Bogossian's modified QT, which the advice grades there.
QString qtcText(const dsp::IntervalValues& v, bool paced, bool lbbb)
{
    QString text = value(v.qtcBazettMs, "ms") + QStringLiteral(" (Bazett: QT/\u221aRR) \u00b7 ") +
                   value(v.qtcFridericiaMs, "ms") + QStringLiteral(" (Fridericia: QT/\u221bRR)");
    if (paced || lbbb)
        text += QStringLiteral(" \u00b7 ") + value(advice::qrsAdjustedQtcMs(v), "ms") +
                (paced ? Report::tr(" (paced beats, Bogossian: QT less 48.5 % of QRS, then "
                                    "Fridericia)")
                       : Report::tr(" (left bundle branch block QRS, Bogossian: QT less 48.5 % "
                                    "of QRS, then Fridericia)"));
    return text;
}

QString axesText(const dsp::IntervalValues& v)
{
    return Report::tr("P %1 · QRS %2 · T %3")
        .arg(value(v.pAxisDeg, "\u00b0"), value(v.qrsAxisDeg, "\u00b0"),
             value(v.tAxisDeg, "\u00b0"));
}

/// "152 → 88 bpm (-64)": the comparison ECG's value, this one's and the change (changeText).
QString comparedText(double then, double now, const char* unit, int decimals = 0, bool axis = false)
{
    const QString arrow = QStringLiteral(" \u2192 ");
    const QString change = changeText(then, now, decimals, axis);
    if (change.isEmpty())
        return (std::isfinite(then) ? value(then, unit, decimals) : kNone) + arrow +
               (std::isfinite(now) ? value(now, unit, decimals) : kNone);
    return localNumber(then, 'f', decimals) + arrow + value(now, unit, decimals) +
           QStringLiteral(" (%1)").arg(change);
}

/// A contribution in log-odds with two decimals and its sign: "+0.31", "-0.09".
QString signedLogOdds(double v)
{
    return (v > 0 ? QStringLiteral("+") : QString()) + localNumber(v, 'f', 2);
}

/// Which window the report chose to explain: the most abnormal flagged one, else the most
/// probable one.
QString chosenWindowText(const ReportInput& in)
{
    return in.detection && !in.detection->flagged.empty()
               ? Report::tr("the most probable window of the most probable flagged segment")
               : Report::tr("the most probable window (no segment flagged)");
}

/// The SHAP explanation of one window: what moved the model there, by lead and by segment;
/// `window` says which window it is.
void explanationBlocks(const ReportInput& in, const xai::RecordingExplanation& e,
                       const QString& window, std::vector<TextBlock>& b)
{
    using K = TextBlock::Kind;
    auto row = [&](const QString& l, const QString& t) { b.push_back({K::Row, l, t}); };
    const xai::Attribution& a = e.attribution;
    const xai::ShapleyResult& s = a.shap;
    const bool longRecording = clockTimes(in.recording.durationS());
    b.push_back({K::Heading,
                 {},
                 Report::tr("Explanation (SHAP) of window %1")
                     .arg(spanText(e.windowStartS, e.windowEndS, longRecording))});
    row(Report::tr("Window"), window);
    row(Report::tr("Output"),
        Report::tr("probability of abnormal %1; with every segment removed %2; log-odds %3 "
                   "\u2192 %4")
            .arg(localNumber(e.probability, 'f', 3), localNumber(e.baseProbability, 'f', 3),
                 localNumber(s.baseValue, 'f', 3), localNumber(s.fullValue, 'f', 3)));
    const double largestSe = s.standardErrors.empty() ? 0.0
                                                      : *std::max_element(s.standardErrors.begin(),
                                                                          s.standardErrors.end());
    row(Report::tr("Method"),
        (s.method == xai::ShapleyMethod::Exact
             ? Report::tr("exact Shapley values over %1 segments, %2 model evaluations")
                   .arg(a.players.size())
                   .arg(s.evaluations)
             : Report::tr("KernelSHAP over %1 segments, %2 model evaluations, largest standard "
                          "error %3")
                   .arg(a.players.size())
                   .arg(s.evaluations)
                   .arg(localNumber(largestSe, 'g', 2))) +
            (a.baselineKind == xai::BaselineKind::Isoelectric
                 ? Report::tr("; removed segments replaced by the isoelectric baseline")
                 : Report::tr("; removed segments replaced by a normal beat template")));
    // Each lead's sum and the strongest segments, largest effect first (log-odds, + towards
    // abnormal).
    std::vector<std::size_t> leads;
    for (std::size_t k = 0; k < e.leadSums.size(); ++k)
        if (e.leadsPresent[k])
            leads.push_back(k);
    std::stable_sort(leads.begin(), leads.end(), [&](std::size_t x, std::size_t y) {
        return std::abs(e.leadSums[x]) > std::abs(e.leadSums[y]);
    });
    QStringList byLead;
    for (std::size_t k : leads)
        byLead << QStringLiteral("%1 %2").arg(analysedLeadName(int(k), e.leadsDerived),
                                              signedLogOdds(e.leadSums[k]));
    row(Report::tr("By lead (log-odds)"), byLead.join(QStringLiteral(" \u00b7 ")));
    // The 3 x 4 layout prints each lead for 2.5 s of the window, the strongest leads' page five
    // of them for 10 s: a segment on neither is on no ECG page, and the list says so.
    const Recording& signal = in.displaySignal ? *in.displaySignal : in.recording;
    const std::optional<PaperPage> leadsPage = strongestLeadsPage(signal, e);
    std::vector<PaperPage> printed = ecgLayout(signal, e.windowStartS);
    if (leadsPage)
        printed.push_back(*leadsPage);
    const std::vector<int> leadOf = recordingLeadsForStandardLeads(signal);
    auto onPaper = [&](std::size_t i) {
        const int k = a.players[i].lead;
        if (k < 0 || k >= int(leadOf.size()) || leadOf[std::size_t(k)] < 0)
            return false;
        const PaperBand band{leadOf[std::size_t(k)], e.playerStartS(i), e.playerEndS(i), {}, 0};
        return std::any_of(printed.begin(), printed.end(),
                           [&](const PaperPage& page) { return !bandRectsMm(page, band).empty(); });
    };
    QStringList strongest;
    const std::vector<std::size_t> order = strongestPlayers(e);
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t i = order[k];
        const int lead = a.players[i].lead;
        strongest << QStringLiteral("[%1] %2 %3 %4%5")
                         .arg(QString::number(k + 1), analysedLeadName(lead, e.leadsDerived),
                              spanText(e.playerStartS(i), e.playerEndS(i), longRecording),
                              signedLogOdds(s.values[i]),
                              onPaper(i) ? QString() : Report::tr(" (not on the ECG pages)"));
    }
    row(Report::tr("Strongest segments"), strongest.join(QStringLiteral(" \u00b7 ")));
    row(Report::tr("Efficiency check"),
        e.efficiencyProblem.empty() && s.efficient
            ? Report::tr("passed: the contributions add up to output \u2212 base within %1")
                  .arg(localNumber(s.efficiencyError, 'g', 2))
            : Report::tr("FAILED \u2014 these contributions are not reliable"));
    QString shading = Report::tr(
        "On the ECG pages of this window each segment is shaded in the colour of its "
        "contribution (red towards abnormal, blue towards normal, deeper for larger values) and "
        "the strongest carry their numbers from the list above.");
    if (leadsPage)
        shading += QLatin1Char(' ') +
                   Report::tr("The 3 \u00d7 4 layout prints each lead for 2.5 s; the page after "
                              "it gives the leads with the largest contributions for the whole "
                              "10 s.");
    b.push_back({K::Paragraph,
                 {},
                 shading + QLatin1Char(' ') +
                     Report::tr("SHAP values say which parts of the trace moved the model's "
                                "output and by how much; they do not show where disease is.")});
}

/// A measurement model's input as the report names it, with its value: "QRS axis -47°",
/// "QT not measured", "Sex female"; a measurement that could not be taken is "not measured".
QString measurementText(const ml::MeasurementExplanation::Input& input)
{
    struct Label
    {
        const char* label;
        const char* unit;
    };
    // In rawFeatureNames() order (a list of another length is not used).
    static const Label kLabels[] = {
        {QT_TRANSLATE_NOOP("Report", "Heart rate"), " bpm"},
        {QT_TRANSLATE_NOOP("Report", "Mean RR"), " ms"},
        {QT_TRANSLATE_NOOP("Report", "Shortest RR"), " ms"},
        {QT_TRANSLATE_NOOP("Report", "Longest RR"), " ms"},
        {QT_TRANSLATE_NOOP("Report", "SDNN"), " ms"},
        {QT_TRANSLATE_NOOP("Report", "RMSSD"), " ms"},
        {QT_TRANSLATE_NOOP("Report", "pNN50"), " %"},
        {QT_TRANSLATE_NOOP("Report", "PR"), " ms"},
        {QT_TRANSLATE_NOOP("Report", "QRS"), " ms"},
        {QT_TRANSLATE_NOOP("Report", "QT"), " ms"},
        {QT_TRANSLATE_NOOP("Report", "QTc (Bazett)"), " ms"},
        {QT_TRANSLATE_NOOP("Report", "P axis"), "\u00b0"},
        {QT_TRANSLATE_NOOP("Report", "QRS axis"), "\u00b0"},
        {QT_TRANSLATE_NOOP("Report", "T axis"), "\u00b0"},
        {QT_TRANSLATE_NOOP("Report", "QRS-T angle"), "\u00b0"},
        {QT_TRANSLATE_NOOP("Report", "Ventricular beats"), ""},
        {QT_TRANSLATE_NOOP("Report", "Supraventricular beats"), ""},
        {QT_TRANSLATE_NOOP("Report", "Age"), ""},
        {QT_TRANSLATE_NOOP("Report", "Sex"), ""},
    };
    const std::vector<std::string>& raw = ml::rawFeatureNames();
    const bool known = input.rawFeature < std::size(kLabels) && raw.size() == std::size(kLabels);
    const QString label =
        known ? Report::tr(kLabels[input.rawFeature].label) : QString::fromStdString(input.feature);
    if (input.missingIndicator)
        return input.value > 0.5 ? Report::tr("%1 not measured").arg(label)
                                 : Report::tr("%1 measured").arg(label);
    if (!std::isfinite(input.value))
        return Report::tr("%1 not measured").arg(label);
    if (known && raw[input.rawFeature] == "sex_female")
        return label + QLatin1Char(' ') +
               (input.value > 0.5 ? Report::tr("female") : Report::tr("male"));
    return label + QLatin1Char(' ') + localNumber(input.value, 'f', 0) +
           QString::fromUtf8(known ? kLabels[input.rawFeature].unit : "");
}

/// A measurement model's explanation: what moved its output, measurement by measurement.
void measurementExplanationBlocks(const ReportInput& in, const ml::MeasurementExplanation& e,
                                  std::vector<TextBlock>& b)
{
    using K = TextBlock::Kind;
    auto row = [&](const QString& l, const QString& t) { b.push_back({K::Row, l, t}); };
    const bool longRecording = clockTimes(in.recording.durationS());
    b.push_back({K::Heading,
                 {},
                 Report::tr("Explanation of the measurement model's output for window %1")
                     .arg(spanText(e.windowStartS, e.windowEndS, longRecording))});
    row(Report::tr("Window"), chosenWindowText(in));
    row(Report::tr("Output"),
        Report::tr("probability of abnormal %1; log-odds %2 = base %3 + the contributions")
            .arg(localNumber(e.probability, 'f', 3), localNumber(e.output, 'f', 3),
                 localNumber(e.base, 'f', 3)));
    row(Report::tr("Method"),
        e.trees ? Report::tr("exact TreeSHAP (libxgboost) over the model's %n input(s)", "",
                             int(e.inputs.size()))
                : Report::tr("logistic regression: coefficient \u00d7 standardised value of each "
                             "of the model's %n input(s)",
                             "", int(e.inputs.size())));
    const std::vector<std::size_t> order = e.strongestFirst();
    QStringList strongest;
    for (std::size_t k = 0; k < std::min(kReportStrongestMeasurements, order.size()); ++k) {
        const ml::MeasurementExplanation::Input& input = e.inputs[order[k]];
        strongest << measurementText(input) + QLatin1Char(' ') + signedLogOdds(input.contribution);
    }
    row(Report::tr("Strongest (log-odds)"), strongest.join(QStringLiteral(" \u00b7 ")));
    const double error = e.efficiencyError();
    row(Report::tr("Efficiency check"),
        error <= 1e-3 // KernelSHAP's tolerance (xai::ShapleyResult); TreeSHAP is exact
            ? Report::tr("passed: the contributions add up to output \u2212 base within %1")
                  .arg(localNumber(error, 'g', 2))
            : Report::tr("FAILED \u2014 these contributions are not reliable"));
    b.push_back({K::Paragraph,
                 {},
                 Report::tr("These contributions say which measurements moved the model's "
                            "output and by how much (a measurement that could not be taken "
                            "enters as its training median, its absence as an input of its own); "
                            "they do not show where disease is.")});
}

void comparisonBlocks(const ReportInput& in, std::vector<TextBlock>& b)
{
    using K = TextBlock::Kind;
    const ReportComparison& c = *in.comparison;
    const Recording& other = *c.recording;
    auto row = [&](const QString& l, const QString& t) { b.push_back({K::Row, l, t}); };
    b.push_back({K::Heading, {}, Report::tr("Comparison with another ECG")});
    row(Report::tr("File"), fileNameOf(other, in.anonymise));
    const RecordingOrder order = recordingOrder(in.recording, other);
    row(Report::tr("Start"), startTextOf(other, in.anonymise) + QStringLiteral(" \u00b7 ") +
                                 recordingOrderText(order, in.anonymise));
    if (const QString w = recordingOrderWarning(order); !w.isEmpty())
        b.push_back({K::Paragraph, {}, w});
    const std::string& here = patientIdOf(in);
    const std::string& there = other.patient.id;
    QString id = in.anonymise ? removedText() : there.empty() ? kNone : inlineIdentifier(qs(there));
    if (!here.empty() && !there.empty() && here != there)
        id += Report::tr(" — not this recording's patient ID: check that the comparison "
                         "is meant");
    row(Report::tr("Patient ID"), id);
    if (!other.patient.name.empty()) {
        QString name = in.anonymise ? removedText() : inlineIdentifier(qs(other.patient.name));
        if (differentNames(patientNameOf(in), other.patient.name))
            name += Report::tr(" — not this recording's patient name: check that the "
                               "comparison is meant");
        row(Report::tr("Name"), name);
    }
    for (const dsp::Finding& f : c.findings)
        row(Report::tr("Rhythm finding"), findingText(f));
    if (!c.values || !in.measurements) {
        b.push_back({K::Paragraph, {}, Report::tr("Measurements not available for both ECGs.")});
        return;
    }
    const dsp::IntervalValues& t = *c.values;
    const dsp::IntervalValues& n = in.measurements->values;
    row(Report::tr("Heart rate"), comparedText(t.heartRateBpm, n.heartRateBpm, "bpm"));
    row(QStringLiteral("PR"), comparedText(t.prMs, n.prMs, "ms"));
    row(QStringLiteral("QRS"), comparedText(t.qrsMs, n.qrsMs, "ms"));
    row(QStringLiteral("QT"), comparedText(t.qtMs, n.qtMs, "ms"));
    row(QStringLiteral("QTc (%1)").arg(QLatin1String(advice::kGradedQtcFormula)),
        comparedText(advice::gradedQtcMs(t), advice::gradedQtcMs(n), "ms"));
    row(Report::tr("P axis"), comparedText(t.pAxisDeg, n.pAxisDeg, "\u00b0", 0, true));
    row(Report::tr("QRS axis"), comparedText(t.qrsAxisDeg, n.qrsAxisDeg, "\u00b0", 0, true));
    row(Report::tr("T axis"), comparedText(t.tAxisDeg, n.tAxisDeg, "\u00b0", 0, true));
    row(QStringLiteral("Sokolow-Lyon"), comparedText(t.sokolowLyonMv, n.sokolowLyonMv, "mV", 2));
    row(QStringLiteral("Cornell"), comparedText(t.cornellMv, n.cornellMv, "mV", 2));
    if (!c.st.empty() && !in.st.empty())
        row(Report::tr("ST at J+60 ms"), stLevelsComparedText(c.st, in.st) + QStringLiteral(" mV"));
    b.push_back({K::Paragraph,
                 {},
                 Report::tr("Comparison ECG → this recording (change). Measured alike, "
                            "by the same program; compare the tracings themselves before "
                            "calling a change new.")});
}

} // namespace

bool clockTimes(double durationS)
{
    return durationS >= 600.0;
}

QString spanText(double fromS, double toS, bool longRecording)
{
    return longRecording
               ? QStringLiteral("%1\u2013%2").arg(clockText(fromS, true), clockText(toS, true))
               : QStringLiteral("%1\u2013%2 s")
                     .arg(localNumber(fromS, 'f', 1), localNumber(toS, 'f', 1));
}

QString clockText(double seconds, bool longRecording)
{
    if (!longRecording)
        return localNumber(seconds, 'f', 1);
    const auto tenths = static_cast<long long>(seconds * 10.0 + 0.5);
    return QStringLiteral("%1:%2:%3%4%5")
        .arg(tenths / 36000)
        .arg((tenths / 600) % 60, 2, 10, QLatin1Char('0'))
        .arg((tenths / 10) % 60, 2, 10, QLatin1Char('0'))
        .arg(QLocale().decimalPoint())
        .arg(tenths % 10);
}

QString signalNote(const ReportInput& in)
{
    const QString paper = QStringLiteral("25 mm/s \u00b7 10 mm/mV \u00b7 ");
    if (in.displaySignal)
        return paper + Report::tr("signal conditioned as in the viewer (") + qs(in.displayFilters) +
               QLatin1Char(')');
    return paper + Report::tr("raw signal, median of each lead removed (no filtering)");
}

std::vector<std::pair<QString, QString>> summaryLines(const ReportInput& in, const QString& shown)
{
    const Recording& r = in.recording;
    std::vector<std::pair<QString, QString>> lines;
    QStringList patient;
    if (!patientNameOf(in).empty())
        patient << inlineIdentifier(patientNameText(in));
    patient << Report::tr("ID %1").arg(inlineIdentifier(patientIdText(in)));
    if (r.patient.birthDate)
        patient << Report::tr("born %1").arg(birthDateText(in));
    patient << Report::tr("age %1 · sex %2").arg(ageText(in), sexText(in));
    lines.emplace_back(Report::tr("Patient"), patient.join(QStringLiteral(" \u00b7 ")));
    lines.emplace_back(Report::tr("Recording"),
                       Report::tr("%1 · %2 · start %3 · %4 · %5 Hz · %6 leads")
                           .arg(fileName(in), qs(r.format), startText(in),
                                durationText(r.durationS()), localNumber(r.fsHz, 'g', 6))
                           .arg(r.leads.size()));
    if (in.measurements) {
        const auto& v = in.measurements->values;
        lines.emplace_back(Report::tr("Measurements"),
                           Report::tr("HR %1 · PR %2 · QRS %3 · QT %4 · "
                                      "QTc %5 (%7) · axes %6")
                               .arg(value(v.heartRateBpm, "bpm"), value(v.prMs, "ms"),
                                    value(v.qrsMs, "ms"), value(v.qtMs, "ms"),
                                    value(advice::gradedQtcMs(v), "ms"), axesText(v))
                               .arg(QLatin1String(advice::kGradedQtcFormula)));
    } else {
        lines.emplace_back(Report::tr("Measurements"), Report::tr("not available"));
    }
    lines.emplace_back(Report::tr("Detector"),
                       in.detection ? QString(verdictLine(*in.detection) + Report::tr(" · model ") +
                                              modelText(in.detection->model))
                                    : QString(Report::tr("not available: ") + noDetectionText(in)));
    // Advice that asks for a prompt review is named on the first page too, so that a page 1
    // printed or shown alone does not leave it out; its basis and source are with the details.
    QStringList prompts;
    for (const AdviceEntry& a : in.advice)
        if (a.severity == advice::severityName(advice::Severity::Prompt))
            prompts << freeText(in, qs(a.title));
    if (!prompts.isEmpty())
        lines.emplace_back(severityText(advice::severityName(advice::Severity::Prompt)),
                           prompts.join(QStringLiteral(" \u00b7 ")) +
                               Report::tr(" (advice; basis and source in the details)"));
    lines.emplace_back(Report::tr("Review"), reviewLine(in) + caliperLine(in) + signatureLine(in));
    lines.emplace_back(Report::tr("Paper"), signalNote(in) + Report::tr(" · shown ") + shown);
    return lines;
}

std::vector<TextBlock> detailBlocks(const ReportInput& in)
{
    using K = TextBlock::Kind;
    const Recording& r = in.recording;
    std::vector<TextBlock> b;
    auto heading = [&](const QString& t) { b.push_back({K::Heading, {}, t}); };
    auto row = [&](const QString& l, const QString& t) { b.push_back({K::Row, l, t}); };
    auto para = [&](const QString& t) { b.push_back({K::Paragraph, {}, t}); };

    heading(Report::tr("Patient"));
    row(Report::tr("Name"), patientNameText(in));
    row(Report::tr("ID"), patientIdText(in));
    row(Report::tr("Date of birth"), birthDateText(in));
    row(Report::tr("Age"), ageText(in));
    row(Report::tr("Sex"), sexText(in));

    heading(Report::tr("Recording"));
    row(Report::tr("File"), fileName(in));
    row(Report::tr("Format"), qs(r.format));
    row(Report::tr("Start"), startText(in));
    row(Report::tr("Duration"), durationText(r.durationS()));
    row(Report::tr("Sampling rate"), localNumber(r.fsHz, 'g', 6) + QStringLiteral(" Hz"));
    row(Report::tr("Leads"), leadsText(r));
    row(Report::tr("SHA-256 of the recording"), sha256Text(in));
    for (const Message& w : r.warnings)
        row(Report::tr("Reader warning"), messageText(in, w));

    heading(Report::tr("Measurements (whole recording)"));
    if (in.measurements) {
        const auto& v = in.measurements->values;
        row(Report::tr("Heart rate"), value(v.heartRateBpm, "bpm"));
        row(Report::tr("RR mean"), value(v.rrMeanMs, "ms"));
        row(QStringLiteral("PR"), value(v.prMs, "ms"));
        row(QStringLiteral("QRS"), value(v.qrsMs, "ms"));
        row(QStringLiteral("QT"), value(v.qtMs, "ms"));
        row(QStringLiteral("QTc"),
            qtcText(v, advice::medianBeatPaced(in.findings), advice::lbbbShape(in.findings)));
        row(Report::tr("Interval convention"),
            Report::tr("QRS and QT run from the earliest onset to the latest offset over all "
                       "leads, as LUDB's cardiologists mark them; this reads longer than "
                       "conventional programs (QRS is often 120 ms or more on normal ECGs), "
                       "so check intervals on the tracing."));
        row(Report::tr("Frontal axes"), axesText(v));
        row(Report::tr("QRS voltages"),
            Report::tr("Sokolow-Lyon %1 (S V1 + R V5/V6) · Cornell %2 (R aVL + S V3), "
                       "on the filtered signal, whose low-pass lowers QRS peaks")
                .arg(value(v.sokolowLyonMv, "mV", 2), value(v.cornellMv, "mV", 2)));
        if (!in.st.empty())
            row(Report::tr("ST at J+60 ms"),
                Report::tr("%1 mV, relative to the level just before QRS onset (J: the latest "
                           "QRS offset over all leads)")
                    .arg(stLevelsText(in.st)));
        row(Report::tr("SDNN / RMSSD / pNN50"),
            QStringLiteral("%1 / %2 / %3")
                .arg(value(v.sdnnMs, "ms"), value(v.rmssdMs, "ms"), value(v.pnn50Percent, "%", 1)));
        row(Report::tr("Beats"), Report::tr("%1 (ventricular %2, supraventricular %3)")
                                     .arg(v.beatCount)
                                     .arg(v.ventricularBeats)
                                     .arg(v.supraventricularBeats));
        if (const QStringList notEcg = otherSignalNames(r); !notEcg.isEmpty())
            row(Report::tr("Not used"), Report::tr("%1: not an ECG by name or unit")
                                            .arg(QLocale().createSeparatedList(notEcg)));
    } else {
        para(Report::tr("Not available."));
    }
    if (!in.calipers.empty()) {
        heading(Report::tr("Measured by the clinician (calipers)"));
        for (const CaliperEntry& c : in.calipers)
            row(qs(c.name),
                Report::tr("%1 · %2, %3")
                    .arg(qs(c.text), reviewerText(in, c.reviewer), reviewTimeText(in, c.timeIso)));
        if (!in.caliperQtc.empty())
            row(QStringLiteral("QTc"), qs(in.caliperQtc));
    }

    heading(Report::tr("Automatic findings: rhythm, conduction, QRS"));
    if (!in.measurements)
        para(Report::tr("Not available."));
    else if (in.findings.empty())
        para(Report::tr("None."));
    for (const dsp::Finding& f : in.findings)
        para(QStringLiteral("\u2022 ") + freeText(in, findingText(f)) +
             (f.kind == dsp::FindingKind::PacemakerSpikes
                  ? Report::tr(" (magenta ticks above the traces on the ECG pages)")
                  : QString()));

    if (in.comparison && in.comparison->recording)
        comparisonBlocks(in, b);

    heading(Report::tr("Detector"));
    if (in.detection) {
        const ml::Analysis& a = *in.detection;
        row(Report::tr("Class"), verdictWord(a.verdict));
        row(Report::tr("Probability"),
            probabilityText(a.probability) + Report::tr(" (probability of an abnormal ECG)"));
        row(Report::tr("Model"), modelText(a.model));
        row(Report::tr("Model SHA-256"), qs(a.model.sha256));
        row(Report::tr("Thresholds"), thresholdsText(a));
        if (!in.modelTrainingData.empty())
            row(Report::tr("Training data"), qs(in.modelTrainingData));
        for (const Message& w : a.warnings)
            row(Report::tr("Warning"), messageText(in, w));
        // What the measurements found that limits the verdict, as the window's banner says it.
        for (const QString& c : verdictCaveats(in.findings))
            row(Report::tr("Warning"), c);
        heading(Report::tr("Flagged segments"));
        if (a.flagged.empty())
            para(Report::tr("No segment reaches the anomalous threshold."));
        const bool longRecording = clockTimes(in.recording.durationS());
        auto windowText = [&](const ml::WindowResult& w) {
            return Report::tr("%1 – %2%3 · probability %4")
                .arg(clockText(w.startS, longRecording), clockText(w.endS, longRecording),
                     longRecording ? QString() : QStringLiteral(" s"),
                     localNumber(w.probability, 'f', 3));
        };
        // A long recording can have hundreds of runs: the report lists the most probable ones,
        // in time order and under their numbers in the window's list, and says how many it left.
        std::vector<std::size_t> listed(a.flagged.size());
        std::iota(listed.begin(), listed.end(), std::size_t(0));
        if (listed.size() > kReportMaxSegments) {
            std::stable_sort(listed.begin(), listed.end(), [&](std::size_t x, std::size_t y) {
                return a.flagged[x].probability > a.flagged[y].probability;
            });
            listed.resize(kReportMaxSegments);
            std::sort(listed.begin(), listed.end());
        }
        for (std::size_t i : listed)
            row(Report::tr("Segment %1").arg(i + 1), windowText(a.flagged[i]));
        if (listed.size() < a.flagged.size())
            para(Report::tr("%n more flagged segment(s) with lower probabilities are not listed "
                            "here; the Flagged segments dock lists every one.",
                            nullptr, int(a.flagged.size() - listed.size())));
        // A long recording's flagged runs can span most of it: where to start, as the window's
        // Look first list.
        if (const auto first = ml::reviewFirstWindows(a); !first.empty()) {
            para(Report::tr("Look first: the most probable flagged windows, a minute or more apart "
                            "(where to start on a long recording, not a finding)."));
            for (std::size_t i = 0; i < first.size(); ++i)
                row(Report::tr("Window %1").arg(i + 1), windowText(first[i]));
        }
    } else {
        para(Report::tr("Not available: ") + noDetectionText(in));
    }
    if (in.explanation)
        explanationBlocks(in, *in.explanation,
                          in.explanationInViewer ? Report::tr("as explained in the viewer")
                                                 : chosenWindowText(in),
                          b);
    const std::vector<LookFirstPage> paged =
        in.detection ? lookFirstPageWindows(*in.detection) : std::vector<LookFirstPage>{};
    for (const xai::RecordingExplanation& e : in.lookFirstExplanations) {
        const auto at = std::find_if(paged.begin(), paged.end(), [&](const LookFirstPage& p) {
            return explainsWindowAt(e, p.window.startS);
        });
        explanationBlocks(in, e,
                          at == paged.end() ? Report::tr("a Look first window")
                                            : Report::tr("Look first window %1").arg(at->number),
                          b);
    }
    if (in.measurementExplanation)
        measurementExplanationBlocks(in, *in.measurementExplanation, b);

    heading(Report::tr("Advice"));
    para(adviceLimitText());
    if (!in.calipers.empty() && !in.advice.empty())
        para(Report::tr("Intervals the clinician measured with the calipers are graded in place "
                        "of the automatic ones (QTc from a measured QT)."));
    if (in.advice.empty())
        para(Report::tr("None."));
    for (const AdviceEntry& a : in.advice) {
        // Severity in the label column; title, text, basis and citation on their own lines.
        QStringList lines{freeText(in, qs(a.title)), freeText(in, qs(a.text))};
        if (!a.basis.empty())
            lines << Report::tr("Basis: ") + freeText(in, qs(a.basis));
        if (!a.source.empty())
            lines << Report::tr("Source: ") + qs(a.source);
        row(severityText(a.severity), lines.join(QLatin1Char('\n')));
    }

    heading(Report::tr("Clinician review"));
    if (in.decision) {
        const ReviewDecision& d = *in.decision;
        row(Report::tr("Decision"), d.decision.empty() ? kNone : qs(d.decision));
        const QString omitted = Report::tr("omitted (anonymised report)");
        row(Report::tr("Note"), d.note.empty() ? kNone
                                : in.anonymise ? omitted + Report::tr(": free text may "
                                                                      "identify the patient")
                                               : qs(d.note));
        row(Report::tr("Reviewer"), d.reviewer.empty() ? kNone
                                    : in.anonymise     ? omitted
                                                       : qs(d.reviewer));
        row(Report::tr("Time"), reviewTimeText(in, d.timeIso));
    } else {
        para(Report::tr("Not reviewed."));
    }
    for (const ReviewDecision& e : in.earlierDecisions) {
        // The note that went with an earlier reading says why it was made; like the current
        // note it is free text and stays out of an anonymised report.
        QString text =
            Report::tr("%1 · %2 · %3")
                .arg(e.decision.empty() ? Report::tr("no decision (a note)") : qs(e.decision),
                     reviewerText(in, e.reviewer), reviewTimeText(in, e.timeIso));
        if (!e.note.empty())
            text += QLatin1Char('\n') + Report::tr("Note: %1")
                                            .arg(in.anonymise ? Report::tr("omitted (anonymised "
                                                                           "report)")
                                                              : qs(e.note));
        row(Report::tr("Earlier decision"), text);
    }
    if (in.signer)
        row(Report::tr("Digital signature"),
            Report::tr("This PDF is signed by %1 with the certificate issued by %2 (SHA-256 %3, "
                       "valid until %4). A PDF reader shows the signature and whether anything "
                       "in the report changed after signing.")
                .arg(in.signer->signerName(), in.signer->issuer(), in.signer->certificateSha256(),
                     in.signer->validUntilUtc().date().toString(Qt::ISODate)));

    heading(Report::tr("About this report"));
    para(disclaimerText());
    if (in.anonymise)
        para(Report::tr(
            "Anonymised: the identifiers of the HIPAA Safe Harbor list (45 CFR 164.514(b)(2)) that "
            "a report can carry are left out: the patient's name and ID, file name, the file's "
            "SHA-256, the date of birth and dates other than the year, ages over 89, the "
            "reviewer's name and the note. The traces are unchanged. Check your institution's "
            "rules before sharing."));
    if (!in.softwareVersion.empty())
        row(Report::tr("Software"), qs(in.softwareVersion));
    if (in.detection && in.modelTrainingData.find("PTB-XL") != std::string::npos)
        para(ptbxlCreditText());
    return b;
}

QString severityWord(advice::Severity severity)
{
    switch (severity) {
    case advice::Severity::Prompt:
        return Report::tr("Prompt review");
    case advice::Severity::Consider:
        return Report::tr("Consider");
    case advice::Severity::Info:
        break;
    }
    return Report::tr("Note", "advice severity");
}

QString patientHeaderText(const ReportInput& in)
{
    if (in.anonymise)
        return Report::tr("Anonymised ECG");
    if (!patientNameOf(in).empty())
        return Report::tr("Patient %1, ID %2 · %3")
            .arg(inlineIdentifier(patientNameText(in)), inlineIdentifier(patientIdText(in)),
                 fileName(in));
    return Report::tr("Patient %1 · %2").arg(inlineIdentifier(patientIdText(in)), fileName(in));
}

QString documentTitle(const ReportInput& in)
{
    return in.anonymise ? Report::tr("ECG report (anonymised)")
                        : Report::tr("ECG report ") + fileName(in);
}

QString generatedText(const ReportInput& in)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return in.anonymise ? Report::tr("Generated %1 · anonymised").arg(now.date().year())
                        : Report::tr("Generated ") + now.toString(Qt::ISODate);
}

std::optional<PaperPage> strongestLeadsPage(const Recording& signal,
                                            const xai::RecordingExplanation& e)
{
    const std::vector<PaperPage> layout = ecgLayout(signal, e.windowStartS);
    if (layout.empty() || !layout.front().standard || layout.front().rows.empty())
        return std::nullopt;
    const int rhythm = layout.front().rows.back().segments.front().lead;
    const std::vector<int> leadOf = recordingLeadsForStandardLeads(signal);
    std::vector<std::size_t> ks;
    for (std::size_t k = 0; k < leadOf.size() && k < e.leadSums.size(); ++k)
        if (leadOf[k] >= 0 && leadOf[k] != rhythm && e.leadsPresent[k] && e.leadSums[k] != 0.0)
            ks.push_back(k);
    std::stable_sort(ks.begin(), ks.end(), [&](std::size_t x, std::size_t y) {
        return std::abs(e.leadSums[x]) > std::abs(e.leadSums[y]);
    });
    std::vector<int> leads;
    for (std::size_t k : ks)
        leads.push_back(leadOf[k]);
    if (leads.empty())
        return std::nullopt;
    return leadRowsPage(signal, leads, e.windowStartS);
}

std::vector<std::size_t> strongestPlayers(const xai::RecordingExplanation& e)
{
    const std::vector<double>& values = e.attribution.shap.values;
    std::vector<std::size_t> order(std::min(e.attribution.players.size(), values.size()));
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return std::abs(values[x]) > std::abs(values[y]);
    });
    order.resize(std::min(order.size(), kReportStrongestSegments));
    return order;
}

} // namespace ecglens::report
