#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ecglens {

/// Incremental SHA-256 (FIPS 180-4) by OpenSSL's libcrypto, which uses the CPU's SHA
/// instructions where there are some (about 1.7 GB/s on the development machine, against
/// about 0.2 GB/s for a portable implementation): recordings of a day are hashed to identify
/// them each time they are opened or listed.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(const void* data, std::size_t bytes);
    /// Lower-case hex digest (64 characters); the object must not be updated afterwards.
    std::string hexDigest();

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

/// SHA-256 of a byte string, lower-case hex.
std::string sha256Hex(const std::string& bytes);

/// SHA-256 of a file's content, lower-case hex; nothing when the file cannot be read.
std::optional<std::string> sha256File(const std::string& path);

/// SHA-256 of the files' contents one after the other (as `cat a b | sha256sum`); nothing when
/// a file cannot be read or none is given.
std::optional<std::string> sha256Files(const std::vector<std::string>& paths);

/// Adds a file's content to `hash` (and to `also` when given, e.g. a hash of that file alone);
/// false when it cannot be read.
bool addFileTo(Sha256& hash, const std::string& path, Sha256* also = nullptr);

} // namespace ecglens
