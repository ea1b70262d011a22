#pragma once

// Internal: turning a parsed WFDB header into Recording leads.

#include "io/open.h"
#include "io/readers.h"
#include "io/wfdb/wfdb_header.h"

#include <algorithm>
#include <string>
#include <vector>

namespace ecglens::io::wfdb {

/// Progress sub-range [start, start + span) of the caller's progress callback.
struct ProgressRange
{
    const ProgressFn* progress = nullptr;
    double start = 0.0;
    double span = 1.0;
    bool report(double fraction) const
    {
        return !progress || !*progress ||
               (*progress)(start + span * std::clamp(fraction, 0.0, 1.0));
    }
};

/// Reads the signals of a single-segment record whose header is `h` (file `headerPath`)
/// into `out.leads`; sets fsHz, start and format. Problems that do not stop reading go to
/// out.warnings. With `headerOnly`, stops before the samples when their number is known
/// without them (see io::HeaderOnly).
Result<bool> readSingleSegment(const Header& h, const std::string& headerPath,
                               const OpenOptions& options, const ProgressRange& progress,
                               Recording& out, HeaderOnly* headerOnly = nullptr);

/// Reads a multi-segment record (fixed or variable layout); `headerOnly` as above.
Result<bool> readMultiSegment(const Header& h, const std::string& headerPath,
                              const OpenOptions& options, const ProgressRange& progress,
                              Recording& out, HeaderOnly* headerOnly = nullptr);

/// "WFDB format 212" or "WFDB format 16, 212" for the distinct formats in `formats`.
std::string formatLabel(std::vector<int> formats);

/// Fills patient, statements and start from PTB-XL's ptbxl_database.csv when the record sits
/// in a PTB-XL tree. Returns false when it does not.
bool applyPtbxlIndex(const std::string& headerPath, Recording& recording);

} // namespace ecglens::io::wfdb
