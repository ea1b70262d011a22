#pragma once

// EDF / EDF+ / BDF header (fixed-width ASCII fields; Kemp et al. 1992, 2003; BioSemi BDF).
// Internal to the EDF reader.

#include "core/recording.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ecglens::io::edf {

struct EdfSignal
{
    std::string label;
    std::string transducer;
    std::string physicalDimension;
    double physicalMin = 0.0;
    double physicalMax = 0.0;
    double digitalMin = 0.0;
    double digitalMax = 0.0;
    std::string prefilter;
    std::int64_t samplesPerRecord = 0;
    bool annotation = false; ///< "EDF Annotations" / "BDF Annotations"
};

struct EdfHeader
{
    bool bdf = false;           ///< 24-bit samples (first byte 0xFF, "BIOSEMI")
    bool edfPlus = false;       ///< reserved field starts with "EDF+" / "BDF+"
    bool discontinuous = false; ///< EDF+D
    std::string version;
    std::string patient;
    std::string recording;
    std::string startDate;        ///< "dd.mm.yy"
    std::string startTime;        ///< "hh.mm.ss"
    std::int64_t headerBytes = 0; ///< as declared
    std::string reserved;
    std::int64_t recordCount = -1; ///< -1 = unknown (derive from the file size)
    double recordDurationS = 0.0;
    std::vector<EdfSignal> signals;

    int bytesPerSample() const { return bdf ? 3 : 2; }
    /// Bytes in one data record over all signals.
    std::int64_t recordBytes() const;
};

/// Parses the fixed part (256 bytes) and the signal part from `bytes` (at least 256 bytes;
/// the caller supplies 256 * (ns + 1) bytes once ns is known). Returns the error, naming
/// `path`, or a Message with an empty id.
Message parseFixedHeader(const std::string& path, const std::string& bytes, EdfHeader& header,
                         int& signalCount);
Message parseSignalHeaders(const std::string& path, const std::string& bytes, int signalCount,
                           EdfHeader& header);

/// Start date and time with the EDF year rule (85-99 -> 19xx, 00-84 -> 20xx); an EDF+
/// "Startdate dd-MMM-yyyy" in the recording field gives the full year.
std::optional<DateTime> parseStart(const EdfHeader& header, std::vector<Message>& warnings);

/// EDF+ patient field "code sex birthdate name [...]" into `patient` (age at `start`).
void parsePatient(const EdfHeader& header, const std::optional<DateTime>& start, Patient& patient);

/// Trims spaces (and NULs some writers pad with) at both ends.
std::string trimField(const std::string& s);

} // namespace ecglens::io::edf
