#include "core/sha256.h"

#include <openssl/evp.h>

#include <cstdio>
#include <stdexcept>
#include <vector>

namespace ecglens {

struct Sha256::Impl
{
    EVP_MD_CTX* ctx = nullptr;
};

Sha256::Sha256() : m(std::make_unique<Impl>())
{
    m->ctx = EVP_MD_CTX_new();
    if (!m->ctx || EVP_DigestInit_ex(m->ctx, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("libcrypto could not start a SHA-256 digest");
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m->ctx);
}

void Sha256::update(const void* data, std::size_t bytes)
{
    if (bytes > 0)
        EVP_DigestUpdate(m->ctx, data, bytes);
}

std::string Sha256::hexDigest()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m->ctx, digest, &length);
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        out.push_back(hex[digest[i] >> 4]);
        out.push_back(hex[digest[i] & 0xf]);
    }
    return out;
}

std::string sha256Hex(const std::string& bytes)
{
    Sha256 h;
    h.update(bytes.data(), bytes.size());
    return h.hexDigest();
}

bool addFileTo(Sha256& hash, const std::string& path, Sha256* also)
{
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return false;
    std::vector<char> buf(1 << 20);
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) {
        hash.update(buf.data(), n);
        if (also)
            also->update(buf.data(), n);
    }
    const bool ok = !std::ferror(f);
    std::fclose(f);
    return ok;
}

std::optional<std::string> sha256File(const std::string& path)
{
    return sha256Files({path});
}

std::optional<std::string> sha256Files(const std::vector<std::string>& paths)
{
    if (paths.empty())
        return std::nullopt;
    Sha256 h;
    for (const std::string& p : paths)
        if (!addFileTo(h, p))
            return std::nullopt;
    return h.hexDigest();
}

} // namespace ecglens
