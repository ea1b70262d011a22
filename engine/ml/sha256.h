#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ecglens::ml {

/// Incremental SHA-256 (FIPS 180-4). Qt-free, no dependencies.
class Sha256
{
public:
    Sha256();
    void update(const void* data, std::size_t bytes);
    /// Lower-case hex digest (64 characters); the object must not be updated afterwards.
    std::string hexDigest();

private:
    void block(const std::uint8_t* p);
    std::uint32_t m_h[8];
    std::uint8_t m_buf[64];
    std::size_t m_bufLen = 0;
    std::uint64_t m_totalBytes = 0;
};

/// SHA-256 of a byte string, lower-case hex.
std::string sha256Hex(const std::string& bytes);

/// SHA-256 of a file's content, lower-case hex; nothing when the file cannot be read.
std::optional<std::string> sha256File(const std::string& path);

/// SHA-256 of the files' contents one after the other (as `cat a b | sha256sum`); nothing when
/// a file cannot be read or none is given.
std::optional<std::string> sha256Files(const std::vector<std::string>& paths);

} // namespace ecglens::ml
