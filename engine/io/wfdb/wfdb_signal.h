#pragma once

// Decoding of WFDB signal files: the storage formats 8, 16, 24, 32, 61, 80, 160, 212, 310, 311
// and the FLAC formats 508, 516, 524. A signal file holds a group of signals whose samples
// are interleaved frame by frame (signal 0's samples-per-frame samples, then signal 1's, ...).

#include "core/result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ecglens::io::wfdb {

struct GroupLayout
{
    std::string path; ///< resolved signal file path
    int format = 16;
    std::int64_t byteOffset = 0; ///< bytes to skip at the start of the file (prolog)
    std::vector<int> spf;        ///< samples per frame of each signal of the group
    std::vector<int> initial;    ///< initial value of each signal (the base of format 8)
    int frameSamples = 0;        ///< sum of spf
};

/// True for every storage format this reader decodes.
bool isKnownFormat(int format);
/// True for FLAC-compressed formats (508, 516, 524): size tells nothing about length.
bool isFlacFormat(int format);
/// The stored value that marks an invalid sample in `format` (INT32_MIN when none).
std::int32_t invalidValue(int format);
/// Default ADC resolution of a format (bits).
int defaultResolution(int format);
/// Whole samples that `bytes` bytes of `format` hold (partial trailing groups included as far
/// as their bits are complete). Not meaningful for FLAC.
std::uint64_t samplesInBytes(int format, std::uint64_t bytes);
/// Bytes needed for `samples` samples of `format` (rounded up).
std::uint64_t bytesForSamples(int format, std::uint64_t samples);

/// Receives decoded complete frames (frameSamples values each); `firstFrame` counts from 0.
/// Returns false to stop (cancel).
using FrameSink =
    std::function<bool(const std::int32_t* samples, std::size_t frames, std::int64_t firstFrame)>;

struct DecodeResult
{
    std::int64_t frames = 0; ///< frames delivered
    bool cancelled = false;
};

/// Decodes up to `maxFrames` frames of a (non-FLAC) group. `progress` gets the fraction of
/// bytes read. Errors name the file.
Result<DecodeResult> decodeGroup(const GroupLayout& group, std::int64_t maxFrames,
                                 const FrameSink& sink,
                                 const std::function<bool(double)>& progress);

/// Same for the FLAC formats (libFLAC); each FLAC channel is one signal of the group.
Result<DecodeResult> decodeFlacGroup(const GroupLayout& group, std::int64_t maxFrames,
                                     const FrameSink& sink,
                                     const std::function<bool(double)>& progress);

} // namespace ecglens::io::wfdb
