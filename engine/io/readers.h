#pragma once

// One reader per format; io::open() dispatches to them after sniffing. Readers never talk to
// the user: problems that do not stop reading go to Recording::warnings.

#include "io/open.h"

#include <string>
#include <vector>

namespace ecglens::io {

/// Asked of a reader by describe(): stop after the header when the samples' number is known
/// without them. A reader that does sets `done` and the number of samples each lead would have;
/// the Recording it returns then has leads without samples and no annotations. One that cannot
/// (e.g. FLAC) reads the recording as usual and leaves `done` false.
struct HeaderOnly
{
    bool done = false;
    std::vector<std::size_t> counts; ///< per lead of the returned Recording
};

Result<Recording> readWfdb(const std::string& path, const OpenOptions& options,
                           HeaderOnly* headerOnly = nullptr);
Result<Recording> readEdf(const std::string& path, const OpenOptions& options,
                          HeaderOnly* headerOnly = nullptr);
Result<Recording> readCsv(const std::string& path, const OpenOptions& options);
Result<Recording> readScp(const std::string& path, const OpenOptions& options);
Result<Recording> readHl7Aecg(const std::string& path, const OpenOptions& options);
Result<Recording> readDicom(const std::string& path, const OpenOptions& options);
/// "demo:" or "demo:hr=72,fs=500,seconds=10,ectopic=0.1,seed=1,leads=12"
Result<Recording> openDemo(const std::string& spec, const OpenOptions& options);

/// Reads a WFDB annotation file (MIT format) belonging to `recordPath` (path of the .hea or the
/// record name) with extension `ext` ("atr", "qrs", "i", ...). Times use `fsHz` when > 0, else
/// the header's rate.
Result<std::vector<Annotation>> readWfdbAnnotations(const std::string& recordPath,
                                                    const std::string& ext, double fsHz = 0.0);

} // namespace ecglens::io
