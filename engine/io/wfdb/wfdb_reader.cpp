#include "io/readers.h"

namespace ecglens::io {

Result<Recording> readWfdb(const std::string& path, const OpenOptions&)
{
    return Result<Recording>::failure(path + ": reader not implemented yet");
}

} // namespace ecglens::io
namespace ecglens::io {
Result<std::vector<Annotation>> readWfdbAnnotations(const std::string& recordPath,
                                                    const std::string&, double)
{
    return Result<std::vector<Annotation>>::failure(recordPath + ": not implemented yet");
}
} // namespace ecglens::io
