#include "io/vendor/scp_huffman.h"
#include "io/messages.h"

#include <algorithm>
#include <array>

namespace ecglens::io::vendor::scp {

HuffmanTable defaultHuffmanTable()
{
    // EN 1064 default table: 0 -> "0", +-1 -> "10x", +-2 -> "110x", ... +-8 -> "111111111x",
    // then "1111111110" + 8-bit value and "1111111111" + 16-bit value (two's complement).
    HuffmanTable t;
    t.push_back({1, 1, 1, 0, 0b0});
    std::uint32_t ones = 0b1;
    for (int v = 1; v <= 8; ++v) {
        const std::uint8_t bits = std::uint8_t(v + 2);
        const std::uint32_t prefix = ones << 2; // v ones, then "0", then the sign bit
        t.push_back({bits, bits, 1, std::int16_t(v), prefix | 0b00});
        t.push_back({bits, bits, 1, std::int16_t(-v), prefix | 0b01});
        ones = (ones << 1) | 1;
    }
    t.push_back({10, 18, 1, 0, 0b1111111110});
    t.push_back({10, 26, 1, 0, 0b1111111111});
    return t;
}

namespace {

std::uint32_t reverseBits(std::uint32_t v, int n)
{
    std::uint32_t r = 0;
    for (int i = 0; i < n; ++i)
        r |= ((v >> i) & 1u) << (n - 1 - i);
    return r;
}

} // namespace

Result<std::vector<HuffmanTable>> parseHuffmanTables(ByteView payload, const std::string& name)
{
    using R = Result<std::vector<HuffmanTable>>;
    const auto count = payload.u16(0);
    if (!count)
        return R::failure(makeMessage(messages::kScpHuffmanEmpty, {name}));
    if (*count == 19999)
        return std::vector<HuffmanTable>{defaultHuffmanTable()};
    std::vector<HuffmanTable> tables;
    std::size_t pos = 2;
    for (unsigned t = 0; t < *count; ++t) {
        const auto n = payload.u16(pos);
        pos += 2;
        // Each code structure is 9 bytes: refuse counts the section cannot hold.
        if (!n || !payload.has(pos, std::size_t(*n) * 9))
            return R::failure(
                makeMessage(messages::kScpHuffmanShort, {name, std::to_string(*count)}));
        HuffmanTable table;
        for (unsigned k = 0; k < *n; ++k, pos += 9) {
            HuffmanCode c;
            c.prefixBits = *payload.u8(pos);
            c.totalBits = *payload.u8(pos + 1);
            c.modeSwitch = *payload.u8(pos + 2);
            c.baseValue = *payload.i16(pos + 3);
            // Base codes are stored with the first transmitted bit in the least significant bit.
            if (c.prefixBits == 0 || c.prefixBits > 32 || c.totalBits < c.prefixBits ||
                c.totalBits - c.prefixBits > 32)
                return R::failure(
                    makeMessage(messages::kScpHuffmanCodeLength, {name, std::to_string(t + 1)}));
            c.code = reverseBits(*payload.u32(pos + 5), c.prefixBits);
            table.push_back(c);
        }
        tables.push_back(std::move(table));
    }
    return tables;
}

std::vector<std::int32_t> decodeHuffman(ByteView bytes, const std::vector<HuffmanTable>& tables,
                                        std::size_t count, Message& error)
{
    std::vector<std::int32_t> out;
    if (tables.empty())
        return out;
    out.reserve(std::min<std::size_t>(count, bytes.size() * 8));
    const std::size_t totalBits = bytes.size() * 8;
    const std::uint8_t* p = bytes.data();
    std::size_t bit = 0;
    auto nextBit = [&]() -> std::uint32_t {
        const std::uint32_t b = (p[bit >> 3] >> (7 - (bit & 7))) & 1u;
        ++bit;
        return b;
    };
    // Codes of each table grouped by prefix length, so each bit checks one or two candidates.
    std::vector<std::array<std::vector<const HuffmanCode*>, 33>> byLength(tables.size());
    std::vector<int> maxPrefixOf(tables.size(), 0);
    for (std::size_t t = 0; t < tables.size(); ++t)
        for (const HuffmanCode& c : tables[t]) {
            byLength[t][c.prefixBits].push_back(&c);
            maxPrefixOf[t] = std::max<int>(maxPrefixOf[t], c.prefixBits);
        }
    std::size_t current = 0;
    while (out.size() < count && bit < totalBits) {
        std::uint32_t code = 0;
        int len = 0;
        const int maxPrefix = maxPrefixOf[current];
        const HuffmanCode* match = nullptr;
        while (!match && len < maxPrefix && bit < totalBits) {
            code = (code << 1) | nextBit();
            ++len;
            for (const HuffmanCode* c : byLength[current][std::size_t(len)])
                if (c->code == code) {
                    match = c;
                    break;
                }
        }
        if (!match) {
            if (len == maxPrefix)
                error = makeMessage(messages::kScpHuffmanUndefinedCode);
            break; // otherwise: padding bits at the end of the stream
        }
        if (match->modeSwitch == 0) {
            const int next = match->baseValue - 1;
            if (next < 0 || std::size_t(next) >= tables.size()) {
                error = makeMessage(messages::kScpHuffmanNoSuchTable);
                break;
            }
            current = std::size_t(next);
            continue;
        }
        const int extra = match->totalBits - match->prefixBits;
        if (extra == 0) {
            out.push_back(match->baseValue);
            continue;
        }
        if (totalBits - bit < std::size_t(extra))
            break; // truncated escape value
        std::uint32_t v = 0;
        for (int i = 0; i < extra; ++i)
            v = (v << 1) | nextBit();
        // Two's complement of `extra` bits.
        std::int64_t s = v;
        if (extra < 32 && (v >> (extra - 1)) & 1u)
            s -= std::int64_t(1) << extra;
        else if (extra == 32)
            s = std::int32_t(v);
        out.push_back(std::int32_t(s));
    }
    return out;
}

} // namespace ecglens::io::vendor::scp
