#include "xai/segments.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ecglens::xai {

std::vector<TimeSegment> beatSegments(const std::vector<int>& beatSamples, int nSamples)
{
    std::vector<int> beats;
    for (int b : beatSamples)
        if (b >= 0 && b < nSamples)
            beats.push_back(b);
    std::sort(beats.begin(), beats.end());
    beats.erase(std::unique(beats.begin(), beats.end()), beats.end());
    std::vector<TimeSegment> out;
    for (std::size_t i = 0; i < beats.size(); ++i) {
        TimeSegment s;
        s.beat = beats[i];
        // Midpoint rounded down; the next segment starts where this one ends, so every sample
        // belongs to exactly one segment.
        s.start = i == 0 ? 0 : beats[i - 1] + (beats[i] - beats[i - 1]) / 2;
        s.end = i + 1 == beats.size() ? nSamples : beats[i] + (beats[i + 1] - beats[i]) / 2;
        out.push_back(s);
    }
    return out;
}

std::vector<TimeSegment> fixedSegments(int nSamples, double fsHz, double segmentS)
{
    std::vector<TimeSegment> out;
    const int len = std::max(1, int(std::lround(fsHz * segmentS)));
    for (int start = 0; start < nSamples; start += len) {
        const int end = std::min(nSamples, start + len);
        if (!out.empty() && 2 * (end - start) < len) {
            out.back().end = end; // a sliver at the end joins its predecessor
            break;
        }
        out.push_back({start, end, -1});
    }
    return out;
}

bool beatsReliable(const std::vector<int>& beatSamples, int nSamples, double fsHz)
{
    std::vector<int> beats;
    for (int b : beatSamples)
        if (b >= 0 && b < nSamples)
            beats.push_back(b);
    std::sort(beats.begin(), beats.end());
    if (beats.size() < 2 || fsHz <= 0)
        return false;
    const double maxGap = 3.0 * fsHz, minRr = 0.25 * fsHz;
    if (beats.front() > maxGap || (nSamples - 1 - beats.back()) > maxGap)
        return false;
    for (std::size_t i = 1; i < beats.size(); ++i) {
        const double rr = beats[i] - beats[i - 1];
        if (rr < minRr || rr > maxGap)
            return false;
    }
    return true;
}

Segmentation segmentWindow(const std::vector<int>& beatSamples, int nSamples, double fsHz)
{
    Segmentation s;
    if (beatsReliable(beatSamples, nSamples, fsHz)) {
        s.segments = beatSegments(beatSamples, nSamples);
        s.kind = PlayerKind::Beats;
        return s;
    }
    s.segments = fixedSegments(nSamples, fsHz, 1.0);
    s.kind = PlayerKind::Seconds;
    s.note = beatSamples.empty() ? "no beats detected; using fixed 1 s segments"
                                 : "beats unreliable (fewer than 2, RR outside 0.25-3 s or a long "
                                   "gap); using fixed 1 s segments";
    return s;
}

namespace {

std::vector<int> firstLeads(int nLeads)
{
    std::vector<int> leads(std::size_t(std::max(0, nLeads)));
    std::iota(leads.begin(), leads.end(), 0);
    return leads;
}

} // namespace

std::vector<Player> leadSegmentPlayers(const std::vector<int>& leads,
                                       const std::vector<TimeSegment>& segments)
{
    std::vector<Player> out;
    out.reserve(leads.size() * segments.size());
    for (const int lead : leads)
        for (const TimeSegment& s : segments)
            out.push_back({lead, s.start, s.end, s.beat});
    return out;
}

std::vector<Player> leadSegmentPlayers(int nLeads, const std::vector<TimeSegment>& segments)
{
    return leadSegmentPlayers(firstLeads(nLeads), segments);
}

std::vector<Player> leadPlayers(const std::vector<int>& leads, int nSamples)
{
    std::vector<Player> out;
    for (const int lead : leads)
        out.push_back({lead, 0, nSamples, -1});
    return out;
}

std::vector<Player> leadPlayers(int nLeads, int nSamples)
{
    return leadPlayers(firstLeads(nLeads), nSamples);
}

} // namespace ecglens::xai
