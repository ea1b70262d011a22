#include "io/readers.h"

namespace ecglens::io {

Result<Recording> readHl7Aecg(const std::string& path, const OpenOptions&)
{
    return Result<Recording>::failure(path + ": reader not implemented yet");
}

} // namespace ecglens::io
