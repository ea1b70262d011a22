#include "io/folder.h"

#include "io/wfdb/wfdb_header.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <system_error>

namespace ecglens::io {

namespace fs = std::filesystem;

namespace {

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

/// The headers of the segments (and the layout) a multi-segment header names, in its folder.
void addSegmentHeaders(const fs::path& header, std::set<std::string>& segments)
{
    const auto h = wfdb::readHeaderFile(header.string());
    if (!h || h->segmentCount == 0)
        return;
    for (const wfdb::SegmentSpec& s : h->segments)
        if (s.name != "~")
            segments.insert((header.parent_path() / (s.name + ".hea")).lexically_normal().string());
}

} // namespace

Result<FolderListing> listRecordings(const std::string& folder, const FolderListingOptions& options)
{
    std::error_code ec;
    const fs::path root(folder);
    if (!fs::exists(root, ec))
        return Result<FolderListing>::failure(folder + ": no such folder.");
    if (!fs::is_directory(root, ec))
        return Result<FolderListing>::failure(folder + ": is a file, not a folder.");
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec)
        return Result<FolderListing>::failure(folder + ": cannot be read (" + ec.message() + ").");

    FolderListing out;
    std::set<std::string> segmentHeaders;
    std::size_t visited = 0;
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
        if (ec) {
            out.warnings.push_back(folder + ": the listing stopped early (" + ec.message() + ").");
            out.truncated = true;
            break;
        }
        const fs::directory_entry& entry = *it;
        const std::string name = entry.path().filename().string();
        if (!name.empty() && name.front() == '.') {
            if (entry.is_directory(ec))
                it.disable_recursion_pending();
            continue;
        }
        // Not followed by the iterator (no loops); a regular-file link is read like a file.
        if (!entry.is_regular_file(ec))
            continue;
        if (++visited > options.maxFilesVisited) {
            out.truncated = true;
            break;
        }
        if (visited % 256 == 0 && options.progress && !options.progress(0.0))
            return Result<FolderListing>::failure("Cancelled.");
        if (endsWith(name, ".ecglens-review.json"))
            continue;
        const std::string path = entry.path().string();
        const Format format = sniff(path);
        if (format == Format::Unknown || format == Format::Demo)
            continue;
        const bool header = lower(entry.path().extension().string()) == ".hea";
        if (format == Format::Wfdb && !header)
            continue; // a signal, annotation or .mat file of a record listed by its header
        if (format == Format::Wfdb)
            addSegmentHeaders(entry.path(), segmentHeaders);
        out.recordings.push_back({path, format, format == Format::Csv});
    }
    std::erase_if(out.recordings, [&](const FolderEntry& e) {
        return segmentHeaders.count(fs::path(e.path).lexically_normal().string()) != 0;
    });
    std::sort(out.recordings.begin(), out.recordings.end(),
              [](const FolderEntry& a, const FolderEntry& b) { return a.path < b.path; });
    if (out.recordings.size() > options.maxRecordings) {
        out.recordings.resize(options.maxRecordings);
        out.truncated = true;
    }
    return out;
}

} // namespace ecglens::io
