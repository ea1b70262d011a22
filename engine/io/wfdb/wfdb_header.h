#pragma once

// WFDB header (.hea) syntax: record line, segment lines, signal lines and comments.
// See https://physionet.org/physiotools/wag/header-5.htm for the grammar.

#include "core/recording.h"
#include "core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ecglens::io::wfdb {

/// One signal line: "file fmt[xspf][:skew][+offset] gain(baseline)/units adcres adczero init
/// checksum blocksize description".
struct SignalSpec
{
    std::string fileName;
    int format = 0;
    int samplesPerFrame = 1;
    int skew = 0;
    std::int64_t byteOffset = 0;
    double gain = 0.0; ///< digital units per physical unit; 0 = uncalibrated (WFDB uses 200)
    int baseline = 0;  ///< defaults to adcZero
    std::string units; ///< empty when not given (WFDB assumes mV)
    int adcResolution = 0;
    int adcZero = 0;
    bool hasInitialValue = false;
    int initialValue = 0;
    bool hasChecksum = false;
    int checksum = 0;
    int blockSize = 0;
    std::string description;
};

/// One line of a multi-segment header: segment record name ("~" = gap) and its length (frames).
struct SegmentSpec
{
    std::string name;
    std::int64_t frames = 0;
};

struct Header
{
    std::string recordName;
    int segmentCount = 0; ///< 0 = single-segment record
    int signalCount = 0;
    double fsHz = 250.0; ///< frame rate (WFDB default 250 Hz)
    double counterHz = 0.0;
    double baseCounter = 0.0;
    std::int64_t frames = 0; ///< 0 = not given
    bool framesGiven = false;
    std::optional<DateTime> start;
    std::vector<SignalSpec> signals;
    std::vector<SegmentSpec> segments;
    /// Comment lines without '#', in file order; an empty string marks a blank line.
    std::vector<std::string> comments;
};

/// Parses header text (LF or CRLF). `label` names the file in error messages.
Result<Header> parseHeader(const std::string& text, const std::string& label);

/// Reads and parses a header file; refuses files over 16 MB (no real header is that big).
Result<Header> readHeaderFile(const std::string& path);

/// Fills patient age/sex, statements and notes from header comments in the conventions of
/// MIT-BIH ("69 M ..."), PTB ("age: 81"), PhysioNet challenges ("Age:", "Sex:", "Dx:") and
/// LUDB ("<age>: 51", "<diagnoses>:" followed by one diagnosis per line).
void applyHeaderComments(const std::vector<std::string>& comments, Recording& recording);

/// Bytes of valid UTF-8 kept, other bytes read as Latin-1 (old headers write "°" as 0xB0).
std::string toUtf8(const std::string& text);

/// Parses an integer token completely; false on junk or overflow.
bool parseInt(const std::string& token, std::int64_t& value);
/// Parses a floating-point token completely (locale-independent); false on junk.
bool parseDouble(const std::string& token, double& value);

} // namespace ecglens::io::wfdb
