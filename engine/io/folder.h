#pragma once

// Which files in a folder are recordings: what a worklist lists. One entry per record — a WFDB
// record by its header, not its signal or annotation files, and a multi-segment record by its
// master header, not its segments.

#include "core/result.h"
#include "io/open.h"

#include <cstddef>
#include <string>
#include <vector>

namespace ecglens::io {

struct FolderListingOptions
{
    ProgressFn progress;                   ///< may be empty; return false to cancel
    std::size_t maxRecordings = 20'000;    ///< listing stops here (`truncated`)
    std::size_t maxFilesVisited = 500'000; ///< a whole disk is not a worklist
};

struct FolderEntry
{
    std::string path; ///< as found under the folder (the folder's spelling + relative part)
    Format format = Format::Unknown;
    /// Plain text (.csv/.txt/.tsv): a recording only if it reads as one; spreadsheets and notes
    /// share the extensions, so a caller may hide these when they do not open.
    bool tentative = false;
};

struct FolderListing
{
    std::vector<FolderEntry> recordings; ///< sorted by path
    bool truncated = false;              ///< a limit was reached; the list is incomplete
    std::vector<Message> warnings;       ///< sub-folders that could not be read
};

/// Lists the recordings under `folder`, sub-folders included (hidden entries, symbolic links
/// to folders and ECG Lens review files are skipped). The format is sniffed from the content
/// as `open` does. Fails when `folder` is not a readable folder or when cancelled.
Result<FolderListing> listRecordings(const std::string& folder,
                                     const FolderListingOptions& options = {});

/// The files that make up the recording at `path`, in a fixed order: the file itself, or for a
/// WFDB record its header followed by the signal files it names (in the order it names them;
/// for a multi-segment record each segment's header and signal files, in segment order).
/// Annotation files are not part of it. Files that do not exist are left out. Together they
/// are what the recording's SHA-256 covers (reviews, reports), so a replaced signal file is
/// noticed.
std::vector<std::string> recordingFiles(const std::string& path);

} // namespace ecglens::io
