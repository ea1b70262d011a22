#include "cli_util.h"
#include "engine_text.h"
#include "finding_text.h"

#include "advice/advice.h"
#include "dsp/measurements.h"
#include "dsp/rhythm.h"
#include "dsp/st_segment.h"

#include <QJsonArray>

#include <cmath>
#include <cstdio>

namespace ecglens::cli {

namespace {

/// A finite value rounded to `decimals` (0.1 ms / bpm / deg; 0.01 mV), null otherwise.
QJsonValue num(double v, int decimals = 1)
{
    const double scale = std::pow(10.0, decimals);
    return std::isfinite(v) ? QJsonValue(std::round(v * scale) / scale) : QJsonValue();
}

QJsonObject valuesJson(const dsp::IntervalValues& v)
{
    QJsonObject o;
    o[QStringLiteral("beats")] = v.beatCount;
    o[QStringLiteral("heart_rate_bpm")] = num(v.heartRateBpm);
    o[QStringLiteral("rr_mean_ms")] = num(v.rrMeanMs);
    o[QStringLiteral("rr_min_ms")] = num(v.rrMinMs);
    o[QStringLiteral("rr_max_ms")] = num(v.rrMaxMs);
    o[QStringLiteral("sdnn_ms")] = num(v.sdnnMs);
    o[QStringLiteral("rmssd_ms")] = num(v.rmssdMs);
    o[QStringLiteral("pnn50_percent")] = num(v.pnn50Percent);
    o[QStringLiteral("pr_ms")] = num(v.prMs);
    o[QStringLiteral("qrs_ms")] = num(v.qrsMs);
    o[QStringLiteral("qt_ms")] = num(v.qtMs);
    o[QStringLiteral("qtc_bazett_ms")] = num(v.qtcBazettMs);
    o[QStringLiteral("qtc_fridericia_ms")] = num(v.qtcFridericiaMs);
    o[QStringLiteral("p_axis_deg")] = num(v.pAxisDeg);
    o[QStringLiteral("qrs_axis_deg")] = num(v.qrsAxisDeg);
    o[QStringLiteral("t_axis_deg")] = num(v.tAxisDeg);
    o[QStringLiteral("sokolow_lyon_mv")] = num(v.sokolowLyonMv, 2);
    o[QStringLiteral("cornell_mv")] = num(v.cornellMv, 2);
    o[QStringLiteral("ventricular_beats")] = v.ventricularBeats;
    o[QStringLiteral("supraventricular_beats")] = v.supraventricularBeats;
    return o;
}

QJsonObject fiducialsJson(const dsp::Fiducials& f)
{
    QJsonObject o;
    o[QStringLiteral("p_wave_present")] = f.pWavePresent;
    o[QStringLiteral("p_onset_ms")] = num(f.pOnsetMs);
    o[QStringLiteral("p_offset_ms")] = num(f.pOffsetMs);
    o[QStringLiteral("qrs_onset_ms")] = num(f.qrsOnsetMs);
    o[QStringLiteral("qrs_offset_ms")] = num(f.qrsOffsetMs);
    o[QStringLiteral("t_peak_ms")] = num(f.tPeakMs);
    o[QStringLiteral("t_offset_ms")] = num(f.tOffsetMs);
    return o;
}

QString text(double v, const char* unit, int decimals = 0)
{
    return std::isfinite(v)
               ? QString::number(v, 'f', decimals) + QLatin1Char(' ') + QLatin1String(unit)
               : QStringLiteral("-");
}

} // namespace

int runMeasure(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Condition (0.5 Hz high-pass, mains notch, 40 Hz low-pass), detect beats and measure: "
        "rate, RR, HRV, PR, QRS, QT, QTc (Bazett, Fridericia), frontal axes, QRS voltages "
        "(Sokolow-Lyon, Cornell), rhythm findings; "
        "for the whole record and per 10 s window."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Recording"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption mains(QStringLiteral("mains"),
                                   QStringLiteral("Mains frequency for the notch, 50 or 60 Hz."),
                                   QStringLiteral("HZ"), QStringLiteral("50"));
    parser.addOptions({json, mains});
    int exitCode = kExitOk;
    if (!parseArgs(parser, args, 1, exitCode))
        return exitCode;
    const QString file = parser.positionalArguments().at(0);
    bool okMains = false;
    const double mainsHz = parser.value(mains).toDouble(&okMains);
    if (!okMains || (mainsHz != 50.0 && mainsHz != 60.0))
        return fail(
            QStringLiteral("--mains must be 50 or 60, got \"%1\"").arg(parser.value(mains)));
    io::OpenOptions openOptions;
    openOptions.loadAnnotations = false;
    const auto recording = openRecording(file, openOptions);
    if (!recording)
        return kExitBadInput;
    if (recording->fsHz <= 0 || recording->sampleCount() == 0)
        return fail(QStringLiteral("%1: no samples to analyse").arg(file));
    dsp::ConditionOptions condition;
    condition.mainsHz = mainsHz;
    const auto analysis = dsp::analyse(*recording, condition);
    if (!analysis)
        return fail(QStringLiteral("%1: analysis cancelled").arg(file));
    const auto& m = analysis->measurements;
    const auto findings = dsp::rhythmFindings(analysis->beats, m);
    const QStringList notEcg = otherSignalNames(*recording); // left out of beats and measurements

    if (parser.isSet(json)) {
        QJsonObject root = valuesJson(m.values);
        root[QStringLiteral("file")] = file;
        root[QStringLiteral("duration_s")] = recording->durationS();
        root[QStringLiteral("median_beat")] = fiducialsJson(m.medianBeat.fiducials);
        root[QStringLiteral("leads_not_ecg")] = QJsonArray::fromStringList(notEcg);
        QJsonArray st;
        for (const dsp::StLevel& l : dsp::stLevels(m.medianBeat))
            st.append(QJsonObject{{QStringLiteral("lead"), fromStd(l.lead)},
                                  {QStringLiteral("computed"), l.computed},
                                  {QStringLiteral("j_mv"), num(l.jMv, 2)},
                                  {QStringLiteral("j60_mv"), num(l.j60Mv, 2)}});
        root[QStringLiteral("st_levels")] = st;
        QJsonArray fs;
        for (const dsp::Finding& f : findings) {
            QJsonObject o;
            o[QStringLiteral("code")] = fromStd(f.code);
            o[QStringLiteral("text")] = fromStd(f.text);
            o[QStringLiteral("start_s")] = f.startS;
            o[QStringLiteral("end_s")] = f.endS;
            QJsonArray beats, times, values;
            for (std::size_t b : f.beats)
                beats.append(double(b));
            for (double t : f.timesS)
                times.append(t);
            for (double v : f.values)
                values.append(num(v));
            o[QStringLiteral("beat_indices")] = beats;
            o[QStringLiteral("times_s")] = times;
            o[QStringLiteral("values")] = values;
            o[QStringLiteral("value_unit")] = fromStd(f.valueUnit);
            if (!f.leads.empty()) {
                QJsonArray leads;
                for (const std::string& lead : f.leads)
                    leads.append(fromStd(lead));
                o[QStringLiteral("leads")] = leads;
            }
            fs.append(o);
        }
        root[QStringLiteral("findings")] = fs;
        QJsonObject pacing;
        pacing[QStringLiteral("searched")] = m.pacing.searched;
        if (m.pacing.searched) {
            pacing[QStringLiteral("fs_hz")] = m.pacing.fsHz;
            pacing[QStringLiteral("leads")] = double(m.pacing.leadCount);
            QJsonArray times;
            for (const double t : m.pacing.timesS)
                times.append(num(t, 3));
            pacing[QStringLiteral("times_s")] = times;
            pacing[QStringLiteral("paced_beats")] = double(m.pacing.pacedBeats.size());
            // Beats without a stimulus found but of the paced beats' QRS shape, counted with them
            // for the median beat (dsp::beatsShapedAsPaced).
            pacing[QStringLiteral("paced_by_shape")] = double(m.pacing.pacedByShape.size());
            // On a paced median beat, the QTc the advice grades there (Bogossian's modified QT).
            pacing[QStringLiteral("qtc_bogossian_ms")] =
                advice::medianBeatPaced(findings) ? num(advice::qrsAdjustedQtcMs(m.values))
                                                  : QJsonValue(QJsonValue::Null);
            // Which beats the median beat, and the values read from it, describe.
            using Of = dsp::Measurements::MedianOf;
            pacing[QStringLiteral("median_of")] =
                m.medianOf == Of::PacedBeats     ? QStringLiteral("paced")
                : m.medianOf == Of::UnpacedBeats ? QStringLiteral("unpaced")
                                                 : QStringLiteral("all");
            pacing[QStringLiteral("median_beats")] =
                double(m.medianOf == Of::AllBeats ? analysis->beats.size() : m.medianOfCount);
        }
        root[QStringLiteral("pacemaker_spikes")] = pacing;
        // The QTc the advice grades on a paced median beat or a QRS shaped as left bundle branch
        // block (Bogossian's modified QT); null otherwise.
        root[QStringLiteral("qtc_bogossian_ms")] =
            advice::medianBeatPaced(findings) || advice::lbbbShape(findings)
                ? num(advice::qrsAdjustedQtcMs(m.values))
                : QJsonValue(QJsonValue::Null);
        QJsonArray ws;
        for (const auto& w : m.windows) {
            QJsonObject o = valuesJson(w.values);
            o[QStringLiteral("start_s")] = w.startS;
            o[QStringLiteral("end_s")] = w.endS;
            ws.append(o);
        }
        root[QStringLiteral("windows")] = ws;
        printJson(root);
        return kExitOk;
    }
    const auto& v = m.values;
    QString out;
    out += QStringLiteral("beats\t%1 (V %2, S %3)\n")
               .arg(v.beatCount)
               .arg(v.ventricularBeats)
               .arg(v.supraventricularBeats);
    out += QStringLiteral("heart rate\t%1\n").arg(text(v.heartRateBpm, "bpm"));
    out += QStringLiteral("RR mean\t%1\n").arg(text(v.rrMeanMs, "ms"));
    out +=
        QStringLiteral("SDNN / RMSSD\t%1 / %2\n").arg(text(v.sdnnMs, "ms"), text(v.rmssdMs, "ms"));
    out += QStringLiteral("pNN50\t%1\n").arg(text(v.pnn50Percent, "%"));
    out += QStringLiteral("PR\t%1\n").arg(text(v.prMs, "ms"));
    out += QStringLiteral("QRS\t%1\n").arg(text(v.qrsMs, "ms"));
    out += QStringLiteral("QT\t%1\n").arg(text(v.qtMs, "ms"));
    out += QStringLiteral("QTc Bazett / Fridericia\t%1 / %2\n")
               .arg(text(v.qtcBazettMs, "ms"), text(v.qtcFridericiaMs, "ms"));
    out += QStringLiteral("axes P / QRS / T\t%1 / %2 / %3\n")
               .arg(text(v.pAxisDeg, "deg"), text(v.qrsAxisDeg, "deg"), text(v.tAxisDeg, "deg"));
    out += QStringLiteral("Sokolow-Lyon / Cornell\t%1 / %2\n")
               .arg(text(v.sokolowLyonMv, "mV", 2), text(v.cornellMv, "mV", 2));
    QStringList st;
    for (const dsp::StLevel& l : stLevelsInPaperOrder(dsp::stLevels(m.medianBeat)))
        st << QStringLiteral("%1%2 %3").arg(fromStd(l.lead),
                                            l.computed ? QStringLiteral(" (computed)") : QString(),
                                            text(l.j60Mv, "mV", 2));
    out += QStringLiteral("ST at J+60 ms\t%1\n").arg(st.join(QStringLiteral(", ")));
    out += QStringLiteral("pacemaker spikes\t%1\n")
               .arg(m.pacing.searched
                        ? QStringLiteral("%1 found, before %2 of %3 beats")
                              .arg(m.pacing.timesS.size())
                              .arg(m.pacing.pacedBeats.size())
                              .arg(analysis->beats.size())
                        : QStringLiteral("not searched (needs ECG leads sampled at %1 Hz or more)")
                              .arg(dsp::kPacingMinFsHz));
    for (const dsp::Finding& f : findings)
        out += QStringLiteral("finding\t%1\n").arg(fromStd(f.text));
    if (!notEcg.isEmpty())
        out += QStringLiteral("not used (not ECG)\t%1\n").arg(notEcg.join(QStringLiteral(", ")));
    const std::string s = toStd(out);
    std::fwrite(s.data(), 1, s.size(), stdout);
    return kExitOk;
}

} // namespace ecglens::cli
