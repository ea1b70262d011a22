#include "io/wfdb/wfdb_signal.h"
#include "io/messages.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

namespace ecglens::io::wfdb {

bool isKnownFormat(int f)
{
    switch (f) {
    case 8:
    case 16:
    case 24:
    case 32:
    case 61:
    case 80:
    case 160:
    case 212:
    case 310:
    case 311:
    case 508:
    case 516:
    case 524:
        return true;
    default:
        return false;
    }
}

bool isFlacFormat(int f)
{
    return f == 508 || f == 516 || f == 524;
}

std::int32_t invalidValue(int f)
{
    switch (f) {
    case 16:
    case 61:
    case 160:
    case 516:
        return -32768;
    case 80:
    case 508:
        return -128;
    case 212:
        return -2048;
    case 310:
    case 311:
        return -512;
    case 24:
    case 524:
        return -(1 << 23);
    case 32:
        return INT32_MIN;
    default: // format 8 stores differences: no sample value is reserved
        return INT32_MIN;
    }
}

int defaultResolution(int f)
{
    switch (f) {
    case 80:
    case 508:
        return 8;
    case 212:
        return 12;
    case 310:
    case 311:
        return 10;
    case 24:
    case 524:
        return 24;
    case 32:
        return 32;
    case 8:
        return 8;
    default:
        return 16;
    }
}

std::uint64_t samplesInBytes(int f, std::uint64_t bytes)
{
    switch (f) {
    case 8:
    case 80:
        return bytes;
    case 16:
    case 61:
    case 160:
        return bytes / 2;
    case 24:
        return bytes / 3;
    case 32:
        return bytes / 4;
    case 212:
        return bytes / 3 * 2 + (bytes % 3 >= 2 ? 1 : 0);
    case 310:
        return bytes / 4 * 3 + (bytes % 4 >= 2 ? 1 : 0);
    case 311:
        return bytes / 4 * 3 + (bytes % 4 == 3 ? 2 : bytes % 4 == 2 ? 1 : 0);
    default:
        return 0;
    }
}

std::uint64_t bytesForSamples(int f, std::uint64_t n)
{
    switch (f) {
    case 8:
    case 80:
        return n;
    case 16:
    case 61:
    case 160:
        return n * 2;
    case 24:
        return n * 3;
    case 32:
        return n * 4;
    case 212:
        return n / 2 * 3 + (n % 2 ? 2 : 0);
    case 310:
        return n / 3 * 4 + (n % 3 ? (n % 3 == 1 ? 2 : 4) : 0);
    case 311:
        return n / 3 * 4 + (n % 3 ? (n % 3 == 1 ? 2 : 3) : 0);
    default:
        return 0;
    }
}

namespace {

inline std::int32_t signExtend(std::uint32_t v, int bits)
{
    const std::uint32_t m = 1u << (bits - 1);
    return std::int32_t((v ^ m) - m);
}

/// Decodes `n` whole samples starting at sample index `first` (multiple of the group size for
/// packed formats) from `p`; returns the number decoded. `avail` = bytes available at p.
std::size_t decodeSamples(int f, const std::uint8_t* p, std::size_t avail, std::size_t n,
                          std::int32_t* out)
{
    const std::size_t count = std::min<std::size_t>(n, samplesInBytes(f, avail));
    switch (f) {
    case 8:
        for (std::size_t i = 0; i < count; ++i)
            out[i] = std::int8_t(p[i]); // differences; accumulated by the caller
        break;
    case 80:
        for (std::size_t i = 0; i < count; ++i)
            out[i] = std::int32_t(p[i]) - 128;
        break;
    case 16:
        for (std::size_t i = 0; i < count; ++i)
            out[i] = std::int16_t(std::uint16_t(p[2 * i] | (p[2 * i + 1] << 8)));
        break;
    case 61:
        for (std::size_t i = 0; i < count; ++i)
            out[i] = std::int16_t(std::uint16_t((p[2 * i] << 8) | p[2 * i + 1]));
        break;
    case 160:
        for (std::size_t i = 0; i < count; ++i)
            out[i] = std::int32_t(p[2 * i] | (p[2 * i + 1] << 8)) - 32768;
        break;
    case 24:
        for (std::size_t i = 0; i < count; ++i)
            out[i] = signExtend(std::uint32_t(p[3 * i]) | (std::uint32_t(p[3 * i + 1]) << 8) |
                                    (std::uint32_t(p[3 * i + 2]) << 16),
                                24);
        break;
    case 32:
        for (std::size_t i = 0; i < count; ++i)
            out[i] = std::int32_t(std::uint32_t(p[4 * i]) | (std::uint32_t(p[4 * i + 1]) << 8) |
                                  (std::uint32_t(p[4 * i + 2]) << 16) |
                                  (std::uint32_t(p[4 * i + 3]) << 24));
        break;
    case 212: {
        std::size_t i = 0;
        for (; i + 1 < count; i += 2, p += 3) {
            out[i] = signExtend(std::uint32_t(p[0]) | (std::uint32_t(p[1] & 0x0F) << 8), 12);
            out[i + 1] = signExtend(std::uint32_t(p[2]) | (std::uint32_t(p[1] & 0xF0) << 4), 12);
        }
        if (i < count)
            out[i] = signExtend(std::uint32_t(p[0]) | (std::uint32_t(p[1] & 0x0F) << 8), 12);
        break;
    }
    case 310: {
        // Two little-endian 16-bit words: samples 0 and 1 in bits 1-10 of each word, sample 2
        // from bits 11-15 of word 0 (low half) and of word 1 (high half).
        for (std::size_t i = 0; i < count; i += 3, p += 4) {
            const std::uint32_t w0 = std::uint32_t(p[0]) | (std::uint32_t(p[1]) << 8);
            out[i] = signExtend((w0 >> 1) & 0x3FF, 10);
            if (i + 1 < count) {
                const std::uint32_t w1 = std::uint32_t(p[2]) | (std::uint32_t(p[3]) << 8);
                out[i + 1] = signExtend((w1 >> 1) & 0x3FF, 10);
                if (i + 2 < count)
                    out[i + 2] = signExtend(((w0 >> 11) & 0x1F) | (((w1 >> 11) & 0x1F) << 5), 10);
            }
        }
        break;
    }
    case 311: {
        // One little-endian 32-bit word: samples in bits 0-9, 10-19 and 20-29.
        for (std::size_t i = 0; i < count; i += 3, p += 4) {
            const std::size_t left = count - i;
            std::uint32_t w = std::uint32_t(p[0]) | (std::uint32_t(p[1]) << 8);
            if (left >= 2)
                w |= std::uint32_t(p[2]) << 16;
            if (left >= 3)
                w |= std::uint32_t(p[3]) << 24;
            out[i] = signExtend(w & 0x3FF, 10);
            if (left >= 2)
                out[i + 1] = signExtend((w >> 10) & 0x3FF, 10);
            if (left >= 3)
                out[i + 2] = signExtend((w >> 20) & 0x3FF, 10);
        }
        break;
    }
    default:
        return 0;
    }
    return count;
}

/// Samples per packing group (a chunk boundary must not split a group).
int groupSamples(int f)
{
    return f == 212 ? 2 : (f == 310 || f == 311) ? 3 : 1;
}

struct FileCloser
{
    void operator()(std::FILE* f) const { std::fclose(f); }
};

} // namespace

Result<DecodeResult> decodeGroup(const GroupLayout& g, std::int64_t maxFrames,
                                 const FrameSink& sink, const std::function<bool(double)>& progress)
{
    using R = Result<DecodeResult>;
    DecodeResult result;
    if (g.frameSamples <= 0 || maxFrames <= 0)
        return result;
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(g.path.c_str(), "rb"));
    if (!file)
        return R::failure(makeMessage(messages::kWfdbSignalFileUnopenable, {g.path}));
    if (g.byteOffset > 0 && std::fseek(file.get(), long(g.byteOffset), SEEK_SET) != 0)
        return R::failure(
            makeMessage(messages::kWfdbSignalFileSeek, {g.path, std::to_string(g.byteOffset)}));

    const std::uint64_t totalSamples = std::uint64_t(maxFrames) * std::uint64_t(g.frameSamples);
    const std::uint64_t totalBytes = bytesForSamples(g.format, totalSamples);
    const int gs = groupSamples(g.format);
    // A chunk of whole packing groups and whole frames keeps the loops simple.
    const std::size_t chunkGroups =
        std::max<std::size_t>(1, (1u << 15) / std::size_t(g.frameSamples));
    const std::size_t chunkSamples = chunkGroups * std::size_t(g.frameSamples) * std::size_t(gs);
    const std::size_t chunkBytes = std::size_t(bytesForSamples(g.format, chunkSamples));

    std::vector<std::uint8_t> bytes(chunkBytes);
    std::vector<std::int32_t> samples(chunkSamples);
    std::vector<std::int32_t> state(g.initial.begin(), g.initial.end()); // format 8
    std::vector<int> signalOfPosition;
    for (std::size_t s = 0; s < g.spf.size(); ++s)
        for (int k = 0; k < g.spf[s]; ++k)
            signalOfPosition.push_back(int(s));

    std::uint64_t samplesDone = 0;
    std::uint64_t bytesDone = 0;
    while (samplesDone < totalSamples) {
        const std::size_t wantSamples =
            std::size_t(std::min<std::uint64_t>(chunkSamples, totalSamples - samplesDone));
        const std::size_t wantBytes = std::size_t(bytesForSamples(g.format, wantSamples));
        const std::size_t got = std::fread(bytes.data(), 1, wantBytes, file.get());
        const std::size_t n =
            decodeSamples(g.format, bytes.data(), got, wantSamples, samples.data());
        if (g.format == 8) {
            std::size_t pos = std::size_t(samplesDone % std::uint64_t(g.frameSamples));
            for (std::size_t i = 0; i < n; ++i) {
                std::int32_t& acc = state[std::size_t(signalOfPosition[pos])];
                acc += samples[i];
                samples[i] = acc;
                if (++pos == std::size_t(g.frameSamples))
                    pos = 0;
            }
        }
        // Chunks hold whole frames except possibly the last, truncated one (dropped).
        const std::size_t frames = n / std::size_t(g.frameSamples);
        if (frames > 0 && !sink(samples.data(), frames, result.frames)) {
            result.cancelled = true;
            return result;
        }
        result.frames += std::int64_t(frames);
        samplesDone += n;
        bytesDone += got;
        if (progress && !progress(totalBytes ? double(bytesDone) / double(totalBytes) : 1.0)) {
            result.cancelled = true;
            return result;
        }
        if (n < wantSamples)
            break; // end of file
    }
    return result;
}

} // namespace ecglens::io::wfdb
