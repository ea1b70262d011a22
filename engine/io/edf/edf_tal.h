#pragma once

// EDF+ Time-stamped Annotation Lists: "+onset[\x15duration]\x14text\x14...\x14\0".

#include <cstddef>
#include <string>
#include <vector>

namespace ecglens::io::edf {

struct Tal
{
    double onsetS = 0.0;            ///< seconds from the file's start date/time
    double durationS = 0.0;         ///< 0 when not given
    std::vector<std::string> texts; ///< empty for the time-keeping TAL of a record
};

/// Parses the TALs in the bytes of one annotation signal of one data record. Malformed TALs
/// are skipped and counted in `malformed`.
std::vector<Tal> parseTals(const char* data, std::size_t size, int& malformed);

} // namespace ecglens::io::edf
