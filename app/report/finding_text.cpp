#include "finding_text.h"

#include "i18n.h"

#include "core/text.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace ecglens {

namespace {

class Findings
{
    Q_DECLARE_TR_FUNCTIONS(Findings)
};

/// The engine's m:ss.s (dsp::findingClock) with the locale's decimal separator.
QString clockText(double s)
{
    return QString::fromStdString(dsp::findingClock(s))
        .replace(QLatin1Char('.'), QLocale().decimalPoint());
}

/// The finding's i-th value as a whole number ("?" without it): a rate, an axis.
QString valueText(const dsp::Finding& f, std::size_t i = 0)
{
    return i < f.values.size() ? QLocale().toString(f.values[i], 'f', 0) : QStringLiteral("?");
}

/// Value i with one decimal, as the engine's text writes millivolts.
QString decimalText(const dsp::Finding& f, std::size_t i)
{
    return i < f.values.size() ? QLocale().toString(f.values[i], 'f', 1) : QStringLiteral("?");
}

} // namespace

QString findingText(const dsp::Finding& f)
{
    if (installedLanguage() == QLatin1String("en"))
        return QString::fromStdString(f.text);
    using K = dsp::FindingKind;
    const int count = int(f.beats.size());
    switch (f.kind) {
    case K::SinusRhythm:
        return Findings::tr("Sinus rhythm, %1 bpm").arg(valueText(f));
    case K::SinusBradycardia:
        return Findings::tr("Sinus bradycardia, %1 bpm").arg(valueText(f));
    case K::SinusTachycardia:
        return Findings::tr("Sinus tachycardia, %1 bpm").arg(valueText(f));
    case K::Bradycardia:
        return Findings::tr("Bradycardia, %1 bpm, P waves not identified").arg(valueText(f));
    case K::Tachycardia:
        return Findings::tr("Tachycardia, %1 bpm, P waves not identified").arg(valueText(f));
    case K::NormalRateNoPWave:
        return Findings::tr("Rate %1 bpm, P waves not identified: review the rhythm on the "
                            "tracing")
            .arg(valueText(f));
    case K::IrregularPossibleAf:
        return Findings::tr("Irregular rhythm without P waves, suggestive of atrial "
                            "fibrillation, %1 to %2")
            .arg(clockText(f.startS), clockText(f.endS));
    case K::Pause:
        return Findings::tr("Pause of %1 s at %2")
            .arg(f.values.empty() ? QStringLiteral("?")
                                  : QLocale().toString(f.values.front() / 1000.0, 'f', 1),
                 clockText(f.timesS.empty() ? f.startS : f.timesS.front()));
    case K::PrematureVentricularBeats:
        return Findings::tr("%n premature ventricular / wide-QRS beat(s), first at %1", nullptr,
                            count)
            .arg(clockText(f.startS));
    case K::PrematureSupraventricularBeats:
        return Findings::tr("%n premature narrow beat(s), first at %1", nullptr, count)
            .arg(clockText(f.startS));
    case K::ArmElectrodeReversal:
        return Findings::tr("P and QRS negative in lead I (P axis %1\u00b0, QRS axis %2\u00b0): "
                            "left and right arm electrodes possibly swapped, or dextrocardia; "
                            "check the electrode placement")
            .arg(valueText(f, 0), valueText(f, 1));
    case K::ArmLegElectrodeReversal:
        return Findings::tr("P and QRS negative in lead II, positive in aVR (P axis "
                            "%1\u00b0, QRS axis %2\u00b0, T axis %3\u00b0): right arm and left "
                            "leg electrodes possibly swapped; check the electrode placement")
            .arg(valueText(f, 0), valueText(f, 1), valueText(f, 2));
    case K::LeftBundleBranchBlock:
        return Findings::tr("QRS shaped as left bundle branch block: QRS %1 ms, V1 mainly "
                            "negative (R %2, S %3 mV), R peak %4 ms after QRS onset in I or V6, "
                            "no q wave in I or V6")
            .arg(valueText(f, 0), decimalText(f, 1), decimalText(f, 2), valueText(f, 3));
    case K::RightBundleBranchBlock:
        return Findings::tr("QRS shaped as right bundle branch block: QRS %1 ms, V1 mainly "
                            "positive (R %2, S %3 mV), S %4 mV in I or V6")
            .arg(valueText(f, 0), decimalText(f, 1), decimalText(f, 2), decimalText(f, 3));
    case K::LeftAnteriorFascicularBlock:
        return Findings::tr("QRS shaped as left anterior fascicular block: QRS axis %1\u00b0, qR "
                            "in aVL (R peak %2 ms after QRS onset), rS in II, III and aVF")
            .arg(valueText(f, 0), valueText(f, 1));
    case K::PathologicalQWaves:
        return Findings::tr("Pathological Q waves in %1: up to %2 ms wide, %3 mV deep")
            .arg(QString::fromStdString(joined(f.leads)), valueText(f, 0), decimalText(f, 1));
    case K::PacemakerSpikes: {
        const QString text = Findings::tr("Pacemaker spikes before %1 of %2 beats, first at %3")
                                 .arg(valueText(f, 0), valueText(f, 1), clockText(f.startS));
        const auto pacing = dsp::pacingSummary(f);
        if (!pacing || !pacing->medianApart) // the median beat was built from all beats
            return text;
        // The median beat of the paced or the other beats alone (dsp::measurePacedApart), and
        // how many beats count as paced by their QRS shape alone.
        const bool byShape = pacing->pacedByShape > 0;
        const QString median = QLocale().toString(qulonglong(pacing->medianBeats));
        if (pacing->medianPaced)
            return byShape
                       ? Findings::tr("%1; measured on the %2 paced beats (%3 by their QRS "
                                      "shape)")
                             .arg(text, median,
                                  QLocale().toString(qulonglong(pacing->pacedByShape)))
                       : Findings::tr("%1; measured on the %2 beats with spikes").arg(text, median);
        return byShape
                   ? Findings::tr("%1; measured on the %2 beats without spikes or paced QRS "
                                  "shape")
                         .arg(text, median)
                   : Findings::tr("%1; measured on the %2 beats without spikes").arg(text, median);
    }
    }
    return QString::fromStdString(f.text);
}

QStringList verdictCaveats(const std::vector<dsp::Finding>& findings)
{
    QStringList out;
    for (const dsp::Finding& f : findings) {
        if (f.kind == dsp::FindingKind::ArmElectrodeReversal)
            out << Findings::tr("P and QRS negative in lead I: left and right arm electrodes "
                                "possibly swapped; the detector read the leads as labelled, so "
                                "check the placement before relying on its verdict");
        else if (f.kind == dsp::FindingKind::ArmLegElectrodeReversal)
            out << Findings::tr("P and QRS negative in lead II: right arm and left leg "
                                "electrodes possibly swapped; the detector read the leads as "
                                "labelled, so check the placement before relying on its verdict");
        else if (f.kind == dsp::FindingKind::PacemakerSpikes)
            out << Findings::tr("pacemaker spikes before %1 of %2 beats: the detector's verdict "
                                "does not apply to paced beats")
                       .arg(valueText(f, 0), valueText(f, 1));
    }
    return out;
}

std::vector<double> stimulusTimes(const std::vector<dsp::Finding>& findings)
{
    for (const dsp::Finding& f : findings)
        if (f.kind == dsp::FindingKind::PacemakerSpikes)
            return f.timesS;
    return {};
}

} // namespace ecglens
