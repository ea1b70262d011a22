#include "view/min_max_pyramid.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ecglens::view {

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

/// NaN-skipping merge: NaN compares false, so an all-NaN run keeps the +inf/-inf start values.
inline void merge(MinMax& acc, const MinMax& other)
{
    if (other.min < acc.min)
        acc.min = other.min;
    if (other.max > acc.max)
        acc.max = other.max;
}

inline MinMax finish(MinMax m)
{
    if (m.min > m.max) // nothing valid was seen
        return {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::quiet_NaN()};
    return m;
}

} // namespace

MinMaxPyramid::MinMaxPyramid(const float* samples, std::size_t count)
    : m_samples(samples), m_count(samples ? count : 0)
{
    if (m_count < kBaseBlock)
        return;
    // Level 0 from the raw samples; only whole blocks are stored, the tail is read raw.
    std::vector<MinMax> level(m_count / kBaseBlock);
    for (std::size_t b = 0; b < level.size(); ++b) {
        MinMax m{kInf, -kInf};
        const float* p = m_samples + b * kBaseBlock;
        for (std::size_t i = 0; i < kBaseBlock; ++i) {
            if (p[i] < m.min)
                m.min = p[i];
            if (p[i] > m.max)
                m.max = p[i];
        }
        level[b] = m;
    }
    m_levels.push_back(std::move(level));
    while (m_levels.back().size() >= 2) {
        const std::vector<MinMax>& prev = m_levels.back();
        std::vector<MinMax> next(prev.size() / 2);
        for (std::size_t b = 0; b < next.size(); ++b) {
            MinMax m = prev[2 * b];
            merge(m, prev[2 * b + 1]);
            next[b] = m;
        }
        m_levels.push_back(std::move(next));
    }
}

MinMax MinMaxPyramid::rawRange(std::size_t first, std::size_t last) const
{
    MinMax m{kInf, -kInf};
    for (std::size_t i = first; i < last; ++i) {
        const float v = m_samples[i];
        if (v < m.min)
            m.min = v;
        if (v > m.max)
            m.max = v;
    }
    return m;
}

// Unfinished (inf/-inf when empty) min/max of [first, last) using levels <= `level`.
MinMax MinMaxPyramid::rangeAt(int level, std::size_t first, std::size_t last) const
{
    if (last <= first)
        return {kInf, -kInf};
    for (; level >= 0; --level) {
        const std::size_t block = kBaseBlock << level;
        const std::size_t firstBlock = (first + block - 1) / block;
        const std::size_t endBlock = std::min(last / block, m_levels[level].size());
        if (firstBlock >= endBlock)
            continue; // no whole block of this size inside; try a finer level
        MinMax m{kInf, -kInf};
        const std::vector<MinMax>& blocks = m_levels[level];
        for (std::size_t b = firstBlock; b < endBlock; ++b)
            merge(m, blocks[b]);
        // The edges are shorter than one block of this level, so finer levels handle them.
        merge(m, rangeAt(level - 1, first, firstBlock * block));
        merge(m, rangeAt(level - 1, endBlock * block, last));
        return m;
    }
    return rawRange(first, last);
}

MinMax MinMaxPyramid::range(std::size_t first, std::size_t last) const
{
    last = std::min(last, m_count);
    if (first >= last)
        return finish({kInf, -kInf});
    // Start at the coarsest level whose block fits in the range: at most ~3 blocks per level.
    int level = static_cast<int>(m_levels.size()) - 1;
    const std::size_t length = last - first;
    while (level >= 0 && (kBaseBlock << level) > length)
        --level;
    return finish(rangeAt(level, first, last));
}

std::vector<MinMax> MinMaxPyramid::buckets(std::size_t first, double bucketSamples,
                                           std::size_t count) const
{
    std::vector<MinMax> out;
    out.reserve(count);
    if (bucketSamples <= 0)
        bucketSamples = 1;
    for (std::size_t i = 0; i < count; ++i) {
        const auto a = first + static_cast<std::size_t>(std::floor(double(i) * bucketSamples));
        const auto b = first + static_cast<std::size_t>(std::floor(double(i + 1) * bucketSamples));
        out.push_back(range(a, std::max(b, a + 1)));
    }
    return out;
}

std::size_t MinMaxPyramid::memoryBytes() const
{
    std::size_t bytes = 0;
    for (const auto& level : m_levels)
        bytes += level.size() * sizeof(MinMax);
    return bytes;
}

} // namespace ecglens::view
