#include "core/text.h"
#include "io/messages.h"
#include "io/readers.h"
#include "io/wfdb/wfdb_record.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace ecglens::io {

namespace fs = std::filesystem;

namespace {

/// The record's path without ".hea" ("dir/100").
std::string recordBase(const std::string& headerPath)
{
    fs::path p(headerPath);
    if (lowercased(p.extension().string()) == ".hea")
        p.replace_extension();
    return p.string();
}

/// The warning for an annotation file that could not be read.
Message annotationsUnreadable(const Result<std::vector<Annotation>>& failed)
{
    const Message* why = failed.errorMessage();
    return why ? messages::quoting(messages::kWfdbAnnotationsUnreadable, {}, *why)
               : makeMessage(messages::kWfdbAnnotationsUnreadable, {failed.error()});
}

void loadAnnotations(const std::string& headerPath, const wfdb::Header& h,
                     const OpenOptions& options, Recording& rec)
{
    const std::string base = recordBase(headerPath);
    std::error_code ec;
    if (!options.annotator.empty() && fs::is_regular_file(base + "." + options.annotator, ec)) {
        auto anns = readWfdbAnnotations(headerPath, options.annotator, rec.fsHz);
        if (anns)
            rec.annotations.insert(rec.annotations.end(), anns->begin(), anns->end());
        else
            rec.warnings.push_back(annotationsUnreadable(anns));
    }
    // LUDB: one annotation file per lead, named after the lead ("1.i", "1.avr", "1.v6").
    std::set<std::string> signalExts;
    for (const wfdb::SignalSpec& s : h.signals)
        signalExts.insert(lowercased(fs::path(s.fileName).extension().string()));
    for (std::size_t i = 0; i < rec.leads.size(); ++i) {
        const std::string ext = lowercased(rec.leads[i].originalName);
        if (ext.empty() || ext == lowercased(options.annotator) || ext == "hea" || ext == "dat" ||
            signalExts.count("." + ext) ||
            !std::all_of(ext.begin(), ext.end(), [](unsigned char c) { return std::isalnum(c); }))
            continue;
        if (!fs::is_regular_file(base + "." + ext, ec))
            continue;
        auto anns = readWfdbAnnotations(headerPath, ext, rec.fsHz);
        if (!anns) {
            rec.warnings.push_back(annotationsUnreadable(anns));
            continue;
        }
        for (Annotation a : *anns) {
            a.lead = int(i);
            rec.annotations.push_back(std::move(a));
        }
    }
}

} // namespace

Result<Recording> readWfdb(const std::string& path, const OpenOptions& options,
                           HeaderOnly* headerOnly)
{
    auto header = wfdb::readHeaderFile(path);
    if (!header)
        return Result<Recording>::failureOf(header);
    const wfdb::Header& h = *header;
    Recording rec;
    rec.sourcePath = path;
    const wfdb::ProgressRange progress{&options.progress, 0.0, 1.0};
    auto ok = h.segmentCount > 0
                  ? wfdb::readMultiSegment(h, path, options, progress, rec, headerOnly)
                  : wfdb::readSingleSegment(h, path, options, progress, rec, headerOnly);
    if (!ok)
        return Result<Recording>::failureOf(ok);
    wfdb::applyHeaderComments(h.comments, rec);
    wfdb::applyPtbxlIndex(path, rec);
    if (options.loadAnnotations && !(headerOnly && headerOnly->done))
        loadAnnotations(path, h, options, rec);
    progress.report(1.0);
    return rec;
}

} // namespace ecglens::io
