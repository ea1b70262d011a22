#include "engine_text.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace ecglens {

namespace {

struct Entry
{
    const char* id;
    const char* english; ///< the engine's template, word for word (tst_i18n checks)
};

// Detector warnings (engine/ml/messages.h) and advice bases (advice::basisMessageTemplates).
constexpr Entry kEntries[] = {
    {"detector.under_18",
     QT_TRANSLATE_NOOP("Engine", "patient is %1 years old: the model was validated on adults "
                                 "(PTB-XL); paediatric ECGs differ — interpret with care")},
    {"detector.few_leads",
     QT_TRANSLATE_NOOP("Engine", "only %1 of the 12 standard leads (%2): accuracy is lower than "
                                 "with 12 leads (see the model card)")},
    {"detector.low_rate",
     QT_TRANSLATE_NOOP("Engine", "sampling rate %1 Hz is below the model's 100 Hz; the signal was "
                                 "upsampled and detail is missing")},
    {"detector.short",
     QT_TRANSLATE_NOOP(
         "Engine",
         "recording is %1 s long, shorter than the model's 10 s window; the rest is padded")},
    {"detector.long",
     QT_TRANSLATE_NOOP(
         "Engine", "recording is %1 min long: the model was validated on 10 s resting ECGs only; "
                   "on Holter records (MIT-BIH, see the model card) most windows are flagged even "
                   "without annotated events — compare windows on the probability track")},
    {"detector.flat_lead",
     QT_TRANSLATE_NOOP("Engine",
                       "lead %1 is flat (%2 mV range) — electrode off or lead not connected?")},
    {"detector.noisy_lead",
     QT_TRANSLATE_NOOP(
         "Engine",
         "lead %1 is very noisy (%2 mV median sample-to-sample change) — check the electrode")},
    {"detector.invalid_samples",
     QT_TRANSLATE_NOOP("Engine", "lead %1: %2 % of samples are invalid")},
    {"detector.unknown_lead",
     QT_TRANSLATE_NOOP(
         "Engine", "'%1' is not one of the 12 leads the model was trained on; it is not analysed")},
    {"advice.heart_rate", QT_TRANSLATE_NOOP("Engine", "heart rate %1 bpm")},
    {"advice.pr", QT_TRANSLATE_NOOP("Engine", "PR %1 ms")},
    {"advice.qrs", QT_TRANSLATE_NOOP("Engine", "QRS %1 ms")},
    {"advice.qtc", QT_TRANSLATE_NOOP("Engine", "QTc %1 ms (%2)")},
    {"advice.duration", QT_TRANSLATE_NOOP("Engine", "recording %1 s")},
    {"advice.finding", QT_TRANSLATE_NOOP("Engine", "rhythm finding: %1")},
    {"advice.finding.sinus_rhythm", QT_TRANSLATE_NOOP("Engine", "rhythm finding: sinus rhythm")},
    {"advice.finding.sinus_bradycardia",
     QT_TRANSLATE_NOOP("Engine", "rhythm finding: sinus bradycardia")},
    {"advice.finding.sinus_tachycardia",
     QT_TRANSLATE_NOOP("Engine", "rhythm finding: sinus tachycardia")},
    {"advice.finding.bradycardia",
     QT_TRANSLATE_NOOP("Engine", "rhythm finding: bradycardia, P waves not identified")},
    {"advice.finding.tachycardia",
     QT_TRANSLATE_NOOP("Engine", "rhythm finding: tachycardia, P waves not identified")},
    {"advice.finding.normal_rate_no_p_wave",
     QT_TRANSLATE_NOOP("Engine", "rhythm finding: P waves not identified")},
    {"advice.finding.irregular_rhythm_possible_af",
     QT_TRANSLATE_NOOP("Engine", "rhythm finding: irregular rhythm without P waves")},
    {"advice.finding.pause", QT_TRANSLATE_NOOP("Engine", "rhythm finding: pause")},
    {"advice.finding.premature_ventricular_beats",
     QT_TRANSLATE_NOOP("Engine", "rhythm finding: premature ventricular / wide-QRS beats")},
    {"advice.finding.premature_supraventricular_beats",
     QT_TRANSLATE_NOOP("Engine", "rhythm finding: premature narrow beats")},
    {"advice.verdict.none", QT_TRANSLATE_NOOP("Engine", "no detector verdict")},
    {"advice.verdict.normal",
     QT_TRANSLATE_NOOP("Engine", "detector verdict normal (probability of abnormal %1)")},
    {"advice.verdict.borderline",
     QT_TRANSLATE_NOOP("Engine", "detector verdict borderline (probability of abnormal %1)")},
    {"advice.verdict.anomalous",
     QT_TRANSLATE_NOOP("Engine", "detector verdict anomalous (probability of abnormal %1)")},
    {"advice.verdict.normal.bare", QT_TRANSLATE_NOOP("Engine", "detector verdict normal")},
    {"advice.verdict.borderline.bare", QT_TRANSLATE_NOOP("Engine", "detector verdict borderline")},
    {"advice.verdict.anomalous.bare", QT_TRANSLATE_NOOP("Engine", "detector verdict anomalous")},
    {"advice.patient.age", QT_TRANSLATE_NOOP("Engine", "age %1")},
    {"advice.patient.no_age", QT_TRANSLATE_NOOP("Engine", "age not recorded")},
    {"advice.patient.man", QT_TRANSLATE_NOOP("Engine", "man, age %1")},
    {"advice.patient.man.no_age", QT_TRANSLATE_NOOP("Engine", "man, age not recorded")},
    {"advice.patient.woman", QT_TRANSLATE_NOOP("Engine", "woman, age %1")},
    {"advice.patient.woman.no_age", QT_TRANSLATE_NOOP("Engine", "woman, age not recorded")},
    {"advice.patient.sex_unknown", QT_TRANSLATE_NOOP("Engine", "sex not recorded, age %1")},
    {"advice.patient.sex_unknown.no_age",
     QT_TRANSLATE_NOOP("Engine", "sex not recorded, age not recorded")},
};

/// "12.5" written as the interface language writes numbers ("12,5"); anything else unchanged.
QString localValue(const std::string& value)
{
    static const QRegularExpression number(QStringLiteral("^-?[0-9]+(\\.([0-9]+))?$"));
    const QString v = QString::fromStdString(value);
    const QRegularExpressionMatch m = number.match(v);
    if (!m.hasMatch())
        return v;
    return localNumber(v.toDouble(), 'f', int(m.capturedLength(2)));
}

} // namespace

QString localNumber(double v, char format, int precision)
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return locale.toString(v, format, precision);
}

QString changeText(double from, double to, int decimals, bool axis)
{
    if (!std::isfinite(from) || !std::isfinite(to))
        return {};
    const double scale = std::pow(10.0, decimals);
    double change = std::round(to * scale) / scale - std::round(from * scale) / scale;
    if (axis)
        change = std::remainder(change, 360.0);
    if (change == 0.0)
        change = 0.0; // no "-0"
    return (change > 0 ? QStringLiteral("+") : QString()) + localNumber(change, 'f', decimals);
}

QString engineText(const Message& m)
{
    for (const Entry& e : kEntries) {
        if (m.id != e.id)
            continue;
        std::vector<std::string> values;
        for (const std::string& a : m.args)
            values.push_back(localValue(a).toStdString());
        const QString pattern = QCoreApplication::translate("Engine", e.english);
        return QString::fromStdString(fillPlaceholders(pattern.toStdString(), values));
    }
    return QString::fromStdString(m.text);
}

QString engineText(const std::vector<Message>& messages, const QString& separator)
{
    QStringList parts;
    for (const Message& m : messages)
        parts << engineText(m);
    return parts.join(separator);
}

QList<QPair<QString, QString>> engineTextTable()
{
    QList<QPair<QString, QString>> out;
    for (const Entry& e : kEntries)
        out.append({QString::fromLatin1(e.id), QString::fromUtf8(e.english)});
    return out;
}

} // namespace ecglens
