#include "io/folder.h"
#include "io/messages.h"

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

/// Appends a WFDB header and the signal files it names (and, for a multi-segment header, its
/// segments'), once each.
void addWfdbFiles(const fs::path& header, std::vector<std::string>& files, int depth)
{
    std::error_code ec;
    if (depth > 2 || !fs::is_regular_file(header, ec))
        return;
    const auto add = [&files](const fs::path& p) {
        const std::string s = p.lexically_normal().string();
        if (std::find(files.begin(), files.end(), s) == files.end())
            files.push_back(s);
    };
    add(header);
    const auto h = wfdb::readHeaderFile(header.string());
    if (!h)
        return;
    const fs::path dir = header.parent_path();
    for (const wfdb::SignalSpec& s : h->signals) {
        std::error_code e;
        if (s.fileName != "~" && fs::is_regular_file(dir / s.fileName, e))
            add(dir / s.fileName);
    }
    for (const wfdb::SegmentSpec& seg : h->segments)
        if (seg.name != "~")
            addWfdbFiles(dir / (seg.name + ".hea"), files, depth + 1);
}

} // namespace

std::vector<std::string> recordingFiles(const std::string& path)
{
    std::error_code ec;
    if (sniff(path) != Format::Wfdb) {
        if (fs::is_regular_file(path, ec))
            return {path};
        return {};
    }
    // The header of a record given as .hea, .dat or the bare record name.
    fs::path header(path);
    if (lower(header.extension().string()) != ".hea") {
        fs::path replaced = header;
        replaced.replace_extension(".hea");
        header = fs::is_regular_file(replaced, ec) ? replaced : fs::path(path + ".hea");
    }
    std::vector<std::string> files;
    addWfdbFiles(header, files, 0);
    return files;
}

Result<FolderListing> listRecordings(const std::string& folder, const FolderListingOptions& options)
{
    std::error_code ec;
    const fs::path root(folder);
    if (!fs::exists(root, ec))
        return Result<FolderListing>::failure(makeMessage(messages::kFolderMissing, {folder}));
    if (!fs::is_directory(root, ec))
        return Result<FolderListing>::failure(makeMessage(messages::kFolderIsFile, {folder}));
    FolderListing out;
    std::set<std::string> segmentHeaders;
    std::size_t visited = 0;
    // Folder by folder, so that one that cannot be read is named in the warnings and the rest
    // is still listed (a recursive iterator stops at the first such error, or hides it).
    std::vector<fs::path> pending{root};
    bool stop = false;
    while (!pending.empty() && !stop) {
        const fs::path dir = pending.back();
        pending.pop_back();
        fs::directory_iterator it(dir, ec);
        if (ec) {
            if (dir == root)
                return Result<FolderListing>::failure(
                    makeMessage(messages::kFolderUnreadable, {folder, ec.message()}));
            out.warnings.push_back(
                makeMessage(messages::kFolderSubfolderUnreadable, {dir.string(), ec.message()}));
            ec.clear();
            continue;
        }
        std::vector<fs::path> subfolders;
        for (const fs::directory_iterator end; it != end; it.increment(ec)) {
            const fs::directory_entry& entry = *it;
            const std::string name = entry.path().filename().string();
            if (name.empty() || name.front() == '.')
                continue; // hidden files and folders (.snapshot, .git, ...)
            // Links to folders are not followed (no loops); a link to a file is read as a file.
            if (entry.is_directory(ec) && !entry.is_symlink(ec)) {
                subfolders.push_back(entry.path());
                continue;
            }
            if (!entry.is_regular_file(ec))
                continue;
            if (++visited > options.maxFilesVisited) {
                out.truncated = true;
                stop = true;
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
        if (ec) {
            out.warnings.push_back(
                makeMessage(messages::kFolderStoppedEarly, {dir.string(), ec.message()}));
            ec.clear();
        }
        // Depth first, in name order.
        std::sort(subfolders.rbegin(), subfolders.rend());
        pending.insert(pending.end(), subfolders.begin(), subfolders.end());
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
