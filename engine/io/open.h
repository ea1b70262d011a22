#pragma once

#include "core/recording.h"
#include "core/result.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ecglens::io {

enum class Format { Unknown, Demo, Wfdb, Edf, Csv, Scp, Hl7Aecg, Dicom };

/// Human name of a format family ("WFDB", "EDF/BDF", ...).
const char* formatName(Format format);

struct OpenOptions
{
    ProgressFn progress;             ///< may be empty; return false to cancel
    std::optional<double> fsHz;      ///< CSV: sampling rate when there is no time column
    std::optional<std::string> unit; ///< CSV: "mV" or "uV" when the header does not say
    bool loadAnnotations = true;     ///< WFDB: read the reference annotator if present
    std::string annotator = "atr";   ///< WFDB annotation file extension to load
    /// Upper bound on samples over all leads; a file that declares more is refused before any
    /// allocation (4e9 floats = 16 GB; a 24-hour 12-lead 1 kHz Holter is 1e9).
    std::uint64_t maxTotalSamples = 4'000'000'000ULL;
};

/// What a list of recordings shows about one: everything but the samples.
struct RecordingSummary
{
    std::string format; ///< as Recording::format
    Patient patient;
    std::optional<DateTime> start;
    double durationS = 0.0;
    std::size_t leadCount = 0;
    double fsHz = 0.0;
    /// False when it came from the header alone: the samples were not read, so a problem in
    /// them (a damaged signal file, a checksum mismatch) shows only when the recording opens.
    bool samplesRead = true;
};

/// The summary of a recording that has been read.
RecordingSummary summaryOf(const Recording& recording);

/// Decides the format from the content (magic bytes, header syntax); the extension only
/// breaks ties. "demo:..." is the built-in synthetic recording.
Format sniff(const std::string& path);

/// Opens any supported recording. Never throws; errors name the file and the problem.
Result<Recording> open(const std::string& path, const OpenOptions& options = {});

/// The summary `open` would give, from the header alone where the format allows it — WFDB
/// (single- and multi-segment, except FLAC-compressed signal files, whose length only decoding
/// tells) and EDF/EDF+/BDF, the formats of long recordings — otherwise by reading the
/// recording. Same checks and errors as `open` up to the samples: a 24-hour Holter is
/// described without reading or holding its samples.
Result<RecordingSummary> describe(const std::string& path, const OpenOptions& options = {});

} // namespace ecglens::io
