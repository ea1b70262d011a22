#include "io/readers.h"

namespace ecglens::io {

Result<Recording> openDemo(const std::string& spec, const OpenOptions&)
{
    return Result<Recording>::failure(spec + ": reader not implemented yet");
}

} // namespace ecglens::io
