#pragma once

// SCP-ECG section 2 Huffman tables and the bit-stream decoder of sections 5 and 6.

#include "io/vendor/vendor_common.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ecglens::io::vendor::scp {

struct HuffmanCode
{
    std::uint8_t prefixBits = 0; ///< length of the code itself
    std::uint8_t totalBits = 0;  ///< prefix + bits of an explicit value that follows it
    std::uint8_t modeSwitch = 1; ///< 0: the code switches to table number baseValue
    std::int16_t baseValue = 0;
    std::uint32_t code = 0; ///< the prefix, first transmitted bit as most significant bit
};
using HuffmanTable = std::vector<HuffmanCode>;

/// The default table of EN 1064 (section 2 announces it with the table count 19999).
HuffmanTable defaultHuffmanTable();

/// Parses section 2's payload (after the 16-byte section header). Fails on lying counts;
/// `name` is the file, for the error.
Result<std::vector<HuffmanTable>> parseHuffmanTables(ByteView payload, const std::string& name);

/// Decodes up to `count` values from `bytes`. Returns the values decoded (fewer when the bit
/// stream ends early); `error` is set (a message id) when the stream holds a code no table
/// defines or switches to a table that does not exist.
std::vector<std::int32_t> decodeHuffman(ByteView bytes, const std::vector<HuffmanTable>& tables,
                                        std::size_t count, Message& error);

} // namespace ecglens::io::vendor::scp
