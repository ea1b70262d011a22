#include "dsp/rhythm.h"

#include "core/text.h"

#include <cmath>
#include <cstdio>
#include <tuple>

namespace ecglens::dsp {

namespace {

std::string number(double v, int decimals = 0)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

Finding make(FindingKind kind, double start, double end)
{
    Finding f;
    f.kind = kind;
    f.code = findingCode(kind);
    f.startS = start;
    f.endS = end;
    return f;
}

} // namespace

std::vector<double> pacingValues(const PacingSummary& p)
{
    // Beats with a stimulus, all beats; then, when the median beat is one group's alone, its
    // beats, whether paced (1) or not (0), and how many beats are paced by shape alone.
    std::vector<double> v = {double(p.pacedBeats), double(p.beats)};
    if (p.medianApart)
        v.insert(v.end(),
                 {double(p.medianBeats), p.medianPaced ? 1.0 : 0.0, double(p.pacedByShape)});
    return v;
}

std::optional<PacingSummary> pacingSummary(const Finding& f)
{
    if (f.kind != FindingKind::PacemakerSpikes || f.values.size() < 2)
        return std::nullopt;
    const auto count = [&](std::size_t i) {
        const double v = f.values[i];
        return v > 0 && v < 1e12 ? std::size_t(v) : std::size_t(0); // NaN reads as 0
    };
    PacingSummary p;
    p.pacedBeats = count(0);
    p.beats = count(1);
    p.medianApart = f.values.size() >= 5;
    if (p.medianApart) {
        p.medianBeats = count(2);
        p.medianPaced = f.values[3] != 0 && !std::isnan(f.values[3]);
        p.pacedByShape = count(4);
    } else {
        p.medianPaced = medianBeatPaced(p.pacedBeats, p.beats);
    }
    return p;
}

std::optional<PacingSummary> pacingSummary(const std::vector<Finding>& findings)
{
    for (const Finding& f : findings)
        if (auto p = pacingSummary(f))
            return p;
    return std::nullopt;
}

std::string findingClock(double s)
{
    char buf[32];
    const int m = int(s / 60.0);
    std::snprintf(buf, sizeof buf, "%d:%04.1f", m, s - 60.0 * m);
    return buf;
}

const char* findingCode(FindingKind kind)
{
    switch (kind) {
    case FindingKind::SinusRhythm:
        return "sinus_rhythm";
    case FindingKind::SinusBradycardia:
        return "sinus_bradycardia";
    case FindingKind::SinusTachycardia:
        return "sinus_tachycardia";
    case FindingKind::Bradycardia:
        return "bradycardia";
    case FindingKind::Tachycardia:
        return "tachycardia";
    case FindingKind::NormalRateNoPWave:
        return "normal_rate_no_p_wave";
    case FindingKind::IrregularPossibleAf:
        return "irregular_rhythm_possible_af";
    case FindingKind::Pause:
        return "pause";
    case FindingKind::PrematureVentricularBeats:
        return "premature_ventricular_beats";
    case FindingKind::PrematureSupraventricularBeats:
        return "premature_supraventricular_beats";
    case FindingKind::ArmElectrodeReversal:
        return "arm_electrode_reversal";
    case FindingKind::ArmLegElectrodeReversal:
        return "arm_leg_electrode_reversal";
    case FindingKind::PacemakerSpikes:
        return "pacemaker_spikes";
    case FindingKind::LeftBundleBranchBlock:
        return "left_bundle_branch_block";
    case FindingKind::RightBundleBranchBlock:
        return "right_bundle_branch_block";
    case FindingKind::LeftAnteriorFascicularBlock:
        return "left_anterior_fascicular_block";
    case FindingKind::PathologicalQWaves:
        return "pathological_q_waves";
    }
    return "unknown";
}

ElectrodeReversal suspectedElectrodeReversal(const Measurements& m)
{
    const IntervalValues& v = m.values;
    const double p = v.pAxisDeg, qrs = v.qrsAxisDeg, t = v.tAxisDeg;
    if (!m.medianBeat.fiducials.pWavePresent || !std::isfinite(p) || !std::isfinite(qrs))
        return ElectrodeReversal::None;
    // Angles in [0, 360); NaN stays NaN and fits nothing.
    const auto turn = [](double deg) { return deg - 360.0 * std::floor(deg / 360.0); };
    const auto negativeInI = [&](double a) { return turn(a) > 90.0 && turn(a) < 270.0; };
    const auto negativeInIiPositiveInAvr = [&](double a) {
        return turn(a) > 150.0 && turn(a) < 300.0;
    };
    const bool arms = negativeInI(p) && negativeInI(qrs);
    const bool armLeg = negativeInIiPositiveInAvr(p) && negativeInIiPositiveInAvr(qrs);
    if (arms && armLeg) {
        // The mirror each reversal applies, undone: which gives the more ordinary axes?
        const auto fromNormal = [](double mirrorDeg, double a, double middleDeg) {
            return std::fabs(std::remainder(mirrorDeg - a - middleDeg, 360.0));
        };
        const auto offBy = [&](double mirrorDeg) {
            return fromNormal(mirrorDeg, p, 37.5) + fromNormal(mirrorDeg, qrs, 30.0);
        };
        return offBy(180.0) <= offBy(300.0) ? ElectrodeReversal::LeftRightArm
                                            : ElectrodeReversal::RightArmLeftLeg;
    }
    if (arms)
        return ElectrodeReversal::LeftRightArm;
    if (armLeg && negativeInIiPositiveInAvr(t))
        return ElectrodeReversal::RightArmLeftLeg;
    return ElectrodeReversal::None;
}

double rrIrregularity(const std::vector<Beat>& beats, std::size_t first, std::size_t count)
{
    // RR intervals between normal beats only, so premature beats (ventricular, or
    // supraventricular ones, which are not called amid irregular RR) do not mimic AF, nor do
    // unclassifiable ones (a partial beat at the record's edge, noise).
    auto notNormal = [](const Beat& b) { return b.beatClass != BeatClass::Normal; };
    std::vector<double> rr;
    for (std::size_t i = first + 1; i < first + count && i < beats.size(); ++i) {
        const bool ectopic = notNormal(beats[i]) || notNormal(beats[i - 1]);
        rr.push_back(ectopic ? std::nan("") : (beats[i].timeS - beats[i - 1].timeS) * 1000.0);
    }
    double sum = 0, sq = 0;
    int n = 0, pairs = 0;
    for (std::size_t i = 0; i < rr.size(); ++i) {
        if (std::isnan(rr[i]))
            continue;
        sum += rr[i];
        ++n;
        if (i > 0 && !std::isnan(rr[i - 1])) {
            sq += (rr[i] - rr[i - 1]) * (rr[i] - rr[i - 1]);
            ++pairs;
        }
    }
    if (n < 3 || pairs < 2)
        return std::nan("");
    return std::sqrt(sq / pairs) / (sum / n);
}

std::vector<Finding> rhythmFindings(const std::vector<Beat>& beats, const Measurements& m,
                                    const RhythmOptions& options)
{
    std::vector<Finding> out;
    if (beats.size() < 2)
        return out;
    const double startS = beats.front().timeS, endS = beats.back().timeS;

    // AF-suggestive windows: irregular RR and no P wave in the window's median beat.
    std::vector<bool> afWindow(m.windows.size(), false);
    std::vector<double> irregular(m.windows.size(), std::nan(""));
    for (std::size_t w = 0; w < m.windows.size(); ++w) {
        const auto& win = m.windows[w];
        if (win.beatCount < 5)
            continue;
        irregular[w] = rrIrregularity(beats, win.firstBeat, win.beatCount);
        afWindow[w] = irregular[w] > options.afIrregularity && !win.fiducials.pWavePresent;
    }
    std::size_t afWindows = 0;
    for (std::size_t w = 0; w < afWindow.size();) {
        if (!afWindow[w]) {
            ++w;
            continue;
        }
        std::size_t e = w;
        while (e < afWindow.size() && afWindow[e])
            ++e;
        Finding f =
            make(FindingKind::IrregularPossibleAf, m.windows[w].startS, m.windows[e - 1].endS);
        for (std::size_t k = w; k < e; ++k) {
            f.timesS.push_back(m.windows[k].startS);
            f.values.push_back(irregular[k]);
            for (std::size_t b = 0; b < m.windows[k].beatCount; ++b)
                f.beats.push_back(m.windows[k].firstBeat + b);
        }
        afWindows += e - w;
        f.valueUnit = "rmssd_over_mean_rr";
        f.text = "Irregular rhythm without P waves, suggestive of atrial fibrillation, " +
                 findingClock(f.startS) + " to " + findingClock(f.endS);
        out.push_back(std::move(f));
        w = e;
    }

    // Dominant rhythm from the whole-record rate and median beat (unless mostly AF).
    const double hr = m.values.heartRateBpm;
    const bool mostlyAf = !m.windows.empty() && afWindows * 2 > m.windows.size();
    if (std::isfinite(hr) && !mostlyAf) {
        const bool sinus = m.medianBeat.fiducials.pWavePresent;
        // Without P waves found the rhythm is left to the reader, and the text says so.
        const std::string rate = number(hr) + " bpm", noP = sinus ? "" : ", P waves not identified";
        FindingKind kind;
        std::string text;
        if (hr < options.bradycardiaBpm) {
            kind = sinus ? FindingKind::SinusBradycardia : FindingKind::Bradycardia;
            text = (sinus ? "Sinus bradycardia, " : "Bradycardia, ") + rate + noP;
        } else if (hr > options.tachycardiaBpm) {
            kind = sinus ? FindingKind::SinusTachycardia : FindingKind::Tachycardia;
            text = (sinus ? "Sinus tachycardia, " : "Tachycardia, ") + rate + noP;
        } else {
            kind = sinus ? FindingKind::SinusRhythm : FindingKind::NormalRateNoPWave;
            text = sinus ? "Sinus rhythm, " + rate
                         : "Rate " + rate + noP + ": review the rhythm on the tracing";
        }
        Finding f = make(kind, startS, endS);
        f.values = {hr};
        f.valueUnit = "bpm";
        f.text = std::move(text);
        out.push_back(std::move(f));
    }

    // A limb electrode reversal: checked before anything on the tracing is read.
    const ElectrodeReversal reversal = suspectedElectrodeReversal(m);
    if (reversal == ElectrodeReversal::LeftRightArm) {
        Finding f = make(FindingKind::ArmElectrodeReversal, startS, endS);
        f.values = {m.values.pAxisDeg, m.values.qrsAxisDeg};
        f.valueUnit = "deg";
        f.text = "P and QRS negative in lead I (P axis " + number(m.values.pAxisDeg) +
                 "\u00b0, QRS axis " + number(m.values.qrsAxisDeg) +
                 "\u00b0): left and right arm electrodes possibly swapped, or dextrocardia; "
                 "check the electrode placement";
        out.push_back(std::move(f));
    } else if (reversal == ElectrodeReversal::RightArmLeftLeg) {
        Finding f = make(FindingKind::ArmLegElectrodeReversal, startS, endS);
        f.values = {m.values.pAxisDeg, m.values.qrsAxisDeg, m.values.tAxisDeg};
        f.valueUnit = "deg";
        f.text = "P and QRS negative in lead II, positive in aVR (P axis " +
                 number(m.values.pAxisDeg) + "\u00b0, QRS axis " + number(m.values.qrsAxisDeg) +
                 "\u00b0, T axis " + number(m.values.tAxisDeg) +
                 "\u00b0): right arm and left leg electrodes possibly swapped; check the "
                 "electrode placement";
        out.push_back(std::move(f));
    }

    // Pacemaker stimuli: also before anything on the tracing is read.
    if (pacemakerStimuli(m.pacing) && m.pacing.pacedBeats.back() < beats.size()) {
        const auto& paced = m.pacing.pacedBeats;
        Finding f = make(FindingKind::PacemakerSpikes, beats[paced.front()].timeS,
                         beats[paced.back()].timeS);
        f.beats = paced;
        f.timesS = m.pacing.timesS; // the stimuli: where a viewer marks them
        PacingSummary summary;
        summary.pacedBeats = paced.size();
        summary.beats = beats.size();
        summary.medianPaced = medianBeatPaced(paced.size(), beats.size());
        f.valueUnit = "beats";
        f.text = "Pacemaker spikes before " + number(double(paced.size())) + " of " +
                 number(double(beats.size())) + " beats, first at " + findingClock(f.startS);
        if (m.medianOf != Measurements::MedianOf::AllBeats) {
            // Which beats the median beat's values describe.
            summary.medianApart = true;
            summary.medianBeats = m.medianOfCount;
            summary.medianPaced = m.medianOf == Measurements::MedianOf::PacedBeats;
            summary.pacedByShape = m.pacing.pacedByShape.size();
            const bool byShape = summary.pacedByShape > 0;
            f.text += "; measured on the " + number(double(m.medianOfCount)) +
                      (summary.medianPaced
                           ? (byShape ? " paced beats (" + number(double(summary.pacedByShape)) +
                                            " by their QRS shape)"
                                      : " beats with spikes")
                           : (byShape ? " beats without spikes or paced QRS shape"
                                      : " beats without spikes"));
        }
        f.values = pacingValues(summary);
        out.push_back(std::move(f));
    }

    // Bundle branch block: the median beat's QRS shape, unless it is a paced one (a paced QRS has
    // the left's shape by design) or the limb leads are possibly not as labelled.
    const auto pacing = pacingSummary(out);
    const QrsConduction c = qrsConduction(m.medianBeat, m.values);
    if (c.block != BundleBranchBlock::None && !(pacing && pacing->medianPaced) &&
        reversal == ElectrodeReversal::None) {
        const bool left = c.block == BundleBranchBlock::Left;
        Finding f =
            make(left ? FindingKind::LeftBundleBranchBlock : FindingKind::RightBundleBranchBlock,
                 startS, endS);
        f.values = {c.qrsMs, c.v1RMv, c.v1SMv, left ? c.rPeakTimeMs : c.sMv};
        f.valueUnit = left ? "ms, mV, mV, ms" : "ms, mV, mV, mV"; // one per value
        f.text = std::string("QRS shaped as ") + (left ? "left" : "right") +
                 " bundle branch block: QRS " + number(c.qrsMs) + " ms, V1 mainly " +
                 (left ? "negative" : "positive") + " (R " + number(c.v1RMv, 1) + ", S " +
                 number(c.v1SMv, 1) + " mV), " +
                 (left ? "R peak " + number(c.rPeakTimeMs) +
                             " ms after QRS onset in I or V6, no q wave in I or V6"
                       : "S " + number(c.sMv, 1) + " mV in I or V6");
        out.push_back(std::move(f));
    }

    // Left anterior fascicular block: the same exclusions, and not beside a left bundle branch
    // block shape, which blocks both fascicles, nor beside Q waves in the inferior leads, whose
    // rS it asks for (an initial r too small for the Q wave reading to see would pass).
    const bool readable = !(pacing && pacing->medianPaced) && reversal == ElectrodeReversal::None;
    const QWaves q = qWaves(m.medianBeat);
    const FascicularShape fascicles = fascicularShape(m.medianBeat, m.values);
    if (fascicles.leftAnterior && c.block != BundleBranchBlock::Left && readable && !q.inferior()) {
        Finding f = make(FindingKind::LeftAnteriorFascicularBlock, startS, endS);
        f.values = {fascicles.axisDeg, fascicles.avlRPeakTimeMs, fascicles.avlQMv,
                    fascicles.inferiorRMv};
        f.valueUnit = "deg, ms, mV, mV"; // one per value
        f.text = "QRS shaped as left anterior fascicular block: QRS axis " +
                 number(fascicles.axisDeg) + "\u00b0, qR in aVL (R peak " +
                 number(fascicles.avlRPeakTimeMs) + " ms after QRS onset), rS in II, III and aVF";
        out.push_back(std::move(f));
    }

    // Pathological Q waves: the same exclusions, and not beside a left bundle branch block
    // shape, whose QS complexes in V1-V3 and missing septal q waves are its own.
    if (c.block != BundleBranchBlock::Left && readable && !q.found.empty()) {
        Finding f = make(FindingKind::PathologicalQWaves, startS, endS);
        f.values = {q.widestMs, q.deepestMv};
        f.valueUnit = "ms, mV"; // one per value
        f.leads = q.found;
        f.text = "Pathological Q waves in " + joined(q.found) + ": up to " + number(q.widestMs) +
                 " ms wide, " + number(q.deepestMv, 1) + " mV deep";
        out.push_back(std::move(f));
    }

    // Pauses.
    for (std::size_t i = 1; i < beats.size(); ++i) {
        const double rr = (beats[i].timeS - beats[i - 1].timeS) * 1000.0;
        if (rr <= options.pauseMs)
            continue;
        Finding f = make(FindingKind::Pause, beats[i - 1].timeS, beats[i].timeS);
        f.beats = {i - 1, i};
        f.timesS = {beats[i - 1].timeS, beats[i].timeS};
        f.values = {rr};
        f.valueUnit = "ms";
        f.text = "Pause of " + number(rr / 1000.0, 1) + " s at " + findingClock(beats[i - 1].timeS);
        out.push_back(std::move(f));
    }

    // Premature beats, one finding per class with every beat as evidence.
    for (const auto& [cls, kind, name] :
         {std::tuple{BeatClass::Ventricular, FindingKind::PrematureVentricularBeats,
                     "premature ventricular / wide-QRS beat"},
          std::tuple{BeatClass::SupraventricularPremature,
                     FindingKind::PrematureSupraventricularBeats, "premature narrow beat"}}) {
        Finding f = make(kind, startS, endS);
        for (std::size_t i = 0; i < beats.size(); ++i) {
            if (beats[i].beatClass != cls)
                continue;
            f.beats.push_back(i);
            f.timesS.push_back(beats[i].timeS);
            f.values.push_back(beats[i].prematurity);
        }
        if (f.beats.empty())
            continue;
        f.valueUnit = "prematurity";
        f.startS = f.timesS.front();
        f.endS = f.timesS.back();
        f.text = number(double(f.beats.size())) + " " + name + (f.beats.size() > 1 ? "s" : "") +
                 ", first at " + findingClock(f.startS);
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace ecglens::dsp
