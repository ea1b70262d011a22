#pragma once
// What every reader promises, checked by each fuzz target: a failure says why, a success is a
// consistent recording whose every sample and annotation can be read, and which the measurements
// (beats, median beats with computed limb leads, ST levels, findings) and the display's computed
// leads take without breaking their own promises. Plus the temporary file that path-based readers
// are fed through.

#include "core/limb_leads.h"
#include "core/recording.h"
#include "core/result.h"
#include "core/text.h"
#include "dsp/measurements.h"
#include "dsp/rhythm.h"
#include "dsp/st_segment.h"
#include "io/open.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace ecglens::fuzz {

/// Aborts when the measurements of a small recording (at most 250,000 samples, as the
/// fuzzers' inputs are) break their promises: beats in time order inside the recording, one
/// name, unit factor and computed flag per median-beat lead, ST levels a number or NaN (never
/// infinite); pacemaker stimuli in time order before real beats; the limb leads computed for
/// display as long as their sources.
inline void checkMeasurements(const Recording& r)
{
    std::size_t total = 0;
    for (const Lead& lead : r.leads)
        total += lead.size();
    if (total > 250'000) // keeps the replay tests quick (a 1.3 M-sample EDF seed is not)
        return;
    for (const Lead& lead : computedLimbLeads(r))
        if (!lead.computed || lead.size() > r.sampleCount())
            std::abort();
    const auto a = dsp::analyse(r);
    if (!a)
        return; // cancelled only, and nothing cancels here
    const double n = double(r.sampleCount());
    for (std::size_t i = 0; i < a->beats.size(); ++i)
        if (a->beats[i].sample < 0 || double(a->beats[i].sample) >= n ||
            (i > 0 && a->beats[i].sample < a->beats[i - 1].sample))
            std::abort();
    const dsp::MedianBeat& m = a->measurements.medianBeat;
    if (m.leadNames.size() != m.leads.size() || m.mvPerUnit.size() != m.leads.size() ||
        m.computed.size() != m.leads.size())
        std::abort();
    for (const dsp::StLevel& st : dsp::stLevels(m))
        if (std::isinf(st.jMv) || std::isinf(st.j60Mv))
            std::abort();
    // Pacemaker stimuli: finite times in order, paced beats real beats in order.
    const dsp::PacingSpikes& p = a->measurements.pacing;
    for (std::size_t i = 0; i < p.timesS.size(); ++i)
        if (!std::isfinite(p.timesS[i]) || p.timesS[i] < 0 ||
            (i > 0 && p.timesS[i] <= p.timesS[i - 1]))
            std::abort();
    for (std::size_t i = 0; i < p.pacedBeats.size(); ++i)
        if (p.pacedBeats[i] >= a->beats.size() || (i > 0 && p.pacedBeats[i] <= p.pacedBeats[i - 1]))
            std::abort();
    // Beats paced by their QRS shape: real beats in order, none with a stimulus found.
    for (std::size_t i = 0; i < p.pacedByShape.size(); ++i)
        if (p.pacedByShape[i] >= a->beats.size() ||
            (i > 0 && p.pacedByShape[i] <= p.pacedByShape[i - 1]) ||
            std::binary_search(p.pacedBeats.begin(), p.pacedBeats.end(), p.pacedByShape[i]))
            std::abort();
    // Paced and unpaced beats measured apart only when some beats have no stimulus found, on
    // the majority's beats (paced: a stimulus or the paced shape); every beat when all are
    // paced.
    const auto& ms = a->measurements;
    using Of = dsp::Measurements::MedianOf;
    if (ms.medianOf != Of::AllBeats) {
        const std::size_t paced = p.pacedBeats.size() + p.pacedByShape.size(),
                          beats = a->beats.size();
        const bool ofPaced = ms.medianOf == Of::PacedBeats;
        if (!dsp::pacemakerStimuli(p) || p.pacedBeats.size() >= beats || paced > beats)
            std::abort();
        if (paced == beats ? !ofPaced || ms.medianOfCount != beats
                           : ofPaced != dsp::medianBeatPaced(paced, beats) ||
                                 ms.medianOfCount != (ofPaced ? paced : beats - paced) ||
                                 ms.medianOfCount < dsp::kPacingMinBeats)
            std::abort();
    } else if (!p.pacedByShape.empty() &&
               p.pacedBeats.size() + p.pacedByShape.size() == a->beats.size()) {
        std::abort(); // every beat paced, some by shape: the median is said to be the paced'
    }
    for (const dsp::StLevel& st : dsp::stLevels(m))
        if (std::isinf(st.qrsAreaMvMs))
            std::abort();
    // The findings: the pacemaker one's values read back as the measurements say; at most one
    // bundle branch block finding, never on a paced median beat, its values those of the shape;
    // the fascicular block finding likewise.
    const auto findings = dsp::rhythmFindings(a->beats, ms);
    const auto pacing = dsp::pacingSummary(findings);
    if (pacing && (pacing->pacedBeats != p.pacedBeats.size() || pacing->beats != a->beats.size() ||
                   pacing->medianApart != (ms.medianOf != Of::AllBeats) ||
                   (pacing->medianApart && pacing->pacedByShape != p.pacedByShape.size())))
        std::abort();
    const dsp::QrsConduction c = dsp::qrsConduction(m, ms.values);
    const dsp::FascicularShape fascicles = dsp::fascicularShape(m, ms.values);
    int blocks = 0;
    const dsp::QWaves q = dsp::qWaves(m);
    for (const dsp::Finding& f : findings) {
        // Left anterior fascicular block: never on a paced median beat or beside a left bundle
        // branch block shape or inferior Q waves; its axis and aVL R peak time within the
        // guideline's criteria.
        if (f.kind == dsp::FindingKind::LeftAnteriorFascicularBlock &&
            ((pacing && pacing->medianPaced) || !fascicles.leftAnterior || q.inferior() ||
             c.block == dsp::BundleBranchBlock::Left || f.values.size() != 4 ||
             !(f.values[0] <= dsp::kLafbMaxAxisDeg && f.values[0] >= -90.0) ||
             !(f.values[1] >= dsp::kLafbMinAvlRPeakTimeMs)))
            std::abort();
        // Pathological Q waves: never on a paced median beat or beside a left bundle branch
        // block shape; the leads those qWaves finds, each meeting the criteria.
        if (f.kind == dsp::FindingKind::PathologicalQWaves) {
            if ((pacing && pacing->medianPaced) || c.block == dsp::BundleBranchBlock::Left ||
                f.leads.empty() || f.leads != q.found || f.values.size() != 2 ||
                !(f.values[0] > dsp::kQWaveV2V3MinMs) || !(f.values[1] >= dsp::kQWaveMinMv))
                std::abort();
            for (const dsp::QWave& w : q.leads)
                if (std::find(q.found.begin(), q.found.end(), w.lead) != q.found.end() &&
                    (!w.meets || w.lead == "aVR" || w.lead == "V1"))
                    std::abort();
        }
        const bool left = f.kind == dsp::FindingKind::LeftBundleBranchBlock;
        if (!left && f.kind != dsp::FindingKind::RightBundleBranchBlock)
            continue;
        ++blocks;
        if ((pacing && pacing->medianPaced) || f.values.size() != 4 ||
            c.block != (left ? dsp::BundleBranchBlock::Left : dsp::BundleBranchBlock::Right) ||
            !std::isfinite(f.values[0]) || f.values[0] < dsp::kRbbbMinQrsMs)
            std::abort();
    }
    if (blocks > 1)
        std::abort();
}

/// Aborts (a finding for libFuzzer) when a reader broke its contract; otherwise touches every
/// sample, digital value and annotation the way a viewer would, and measures it
/// (checkMeasurements).
inline void checkReaderResult(const Result<Recording>& r)
{
    if (!r) {
        if (r.error().empty())
            std::abort(); // a failure must say why
        return;
    }
    volatile double sum = 0;
    for (const Lead& lead : r->leads) {
        if (lead.gain == 0 || lead.name.empty())
            std::abort();
        for (float v : lead.samples)
            sum = sum + v;
        for (std::size_t i = 0; i < lead.size(); i += 97)
            (void)lead.digitalAt(i);
    }
    for (const Annotation& a : r->annotations)
        sum = sum + a.timeS;
    // Name and ID become text to show in io::open (displayText: UTF-8 without control
    // characters, trimmed, bounded; the targets call the parsers, before that step): showing that
    // text again (panel, title, report) must change nothing.
    for (const std::string* text : {&r->patient.name, &r->patient.id}) {
        const std::string shown = displayText(*text);
        if (displayText(shown) != shown)
            std::abort();
    }
    (void)r->sampleCount();
    checkMeasurements(*r);
}

/// Aborts when the header-only summary (io::describe, what the worklist shows) disagrees with
/// the recording read in full: same success, format, leads, rate and length.
inline void checkSummaryAgrees(const Result<Recording>& opened,
                               const Result<io::RecordingSummary>& described)
{
    if (opened.ok() != described.ok())
        std::abort();
    if (!opened)
        return;
    const io::RecordingSummary full = io::summaryOf(*opened);
    auto same = [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); };
    if (full.format != described->format || full.leadCount != described->leadCount ||
        !same(full.fsHz, described->fsHz) || !same(full.durationS, described->durationS) ||
        full.patient.id != described->patient.id || full.patient.name != described->patient.name)
        std::abort();
}

/// Writes the input to /tmp/ecglens_fuzz_<tag>_<pid><extension>; returns the path, or an empty
/// string when the file cannot be written. The caller removes it.
inline std::string writeInputFile(const char* tag, const char* extension, const uint8_t* data,
                                  size_t size)
{
    const std::string path =
        std::string("/tmp/ecglens_fuzz_") + tag + "_" + std::to_string(getpid()) + extension;
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f)
        return {};
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    return path;
}

} // namespace ecglens::fuzz
