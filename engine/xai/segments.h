#pragma once

// Time segments and players of the ECG explanation games. Times are sample indices of one
// analysis window (0 .. nSamples), half-open [start, end).

#include <string>
#include <vector>

namespace ecglens::xai {

struct TimeSegment
{
    int start = 0; ///< first sample (inclusive)
    int end = 0;   ///< one past the last sample
    int beat = -1; ///< sample index of the beat (R peak) it belongs to, -1 for fixed segments
};

enum class PlayerKind { Beats, Seconds, Leads };

/// One player: a lead over a time segment (the whole window for the lead-only game).
struct Player
{
    int lead = 0;
    int start = 0; ///< samples, inclusive
    int end = 0;   ///< samples, exclusive
    int beat = -1; ///< R-peak sample of its beat, -1 when not beat-aligned
};

/// One segment per beat: from midway to the previous beat to midway to the next; the first
/// starts at sample 0 and the last ends at nSamples. Beats outside [0, nSamples) are ignored,
/// unsorted input is sorted and duplicates dropped. Empty when no beat lies in the window.
std::vector<TimeSegment> beatSegments(const std::vector<int>& beatSamples, int nSamples);

/// Consecutive segments of segmentS seconds (the last one may be shorter; one shorter than half
/// a segment is merged into its predecessor).
std::vector<TimeSegment> fixedSegments(int nSamples, double fsHz, double segmentS = 1.0);

/// Whether beats can define segments: at least 2 in the window, every RR interval within
/// [0.25 s, 3 s], and no gap longer than 3 s at either edge.
bool beatsReliable(const std::vector<int>& beatSamples, int nSamples, double fsHz);

struct Segmentation
{
    std::vector<TimeSegment> segments;
    PlayerKind kind = PlayerKind::Seconds; ///< Beats or Seconds (the fallback)
    std::string note;                      ///< why the fallback was used, empty otherwise
};

/// Beat segments when the beats are reliable, else fixed 1 s segments (with a note).
Segmentation segmentWindow(const std::vector<int>& beatSamples, int nSamples, double fsHz);

/// Players lead x segment for the given leads (window row indices), lead-major: player =
/// leads-position * segments.size() + segment.
std::vector<Player> leadSegmentPlayers(const std::vector<int>& leads,
                                       const std::vector<TimeSegment>& segments);
/// The same for leads 0 .. nLeads-1.
std::vector<Player> leadSegmentPlayers(int nLeads, const std::vector<TimeSegment>& segments);

/// The coarse game: one player per given lead spanning the whole window.
std::vector<Player> leadPlayers(const std::vector<int>& leads, int nSamples);
/// The same for leads 0 .. nLeads-1.
std::vector<Player> leadPlayers(int nLeads, int nSamples);

} // namespace ecglens::xai
