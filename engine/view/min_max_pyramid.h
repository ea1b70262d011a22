#pragma once

#include <cstddef>
#include <vector>

namespace ecglens::view {

/// Minimum and maximum of a run of samples (physical units). Both are NaN when every sample in
/// the run is NaN (invalid) or the run is empty.
struct MinMax
{
    float min;
    float max;
};

/// Min/max decimation pyramid over one lead so that any zoom level can be drawn with a few points
/// per pixel. Level k holds the exact min/max of aligned blocks of `kBaseBlock << k` samples;
/// queries combine whole blocks from the coarsest level that fits with raw samples at the edges,
/// so every answer is exact (not an approximation) and costs O(log n) per bucket.
/// The pyramid does not own the samples: they must outlive it (keep the Recording alive).
class MinMaxPyramid
{
public:
    static constexpr std::size_t kBaseBlock = 8;

    MinMaxPyramid() = default;
    MinMaxPyramid(const float* samples, std::size_t count);

    std::size_t size() const { return m_count; }
    std::size_t levelCount() const { return m_levels.size(); }

    /// Exact min/max of samples [first, last) (indices clamped to the data).
    MinMax range(std::size_t first, std::size_t last) const;

    /// Min/max of consecutive buckets of `bucketSamples` samples starting at sample `first`
    /// (bucketSamples may be fractional; bucket i covers [first + floor(i*b), first +
    /// floor((i+1)*b))).
    std::vector<MinMax> buckets(std::size_t first, double bucketSamples, std::size_t count) const;

    /// Bytes used by the pyramid levels (not the samples).
    std::size_t memoryBytes() const;

private:
    MinMax rawRange(std::size_t first, std::size_t last) const;
    MinMax rangeAt(int level, std::size_t first, std::size_t last) const;

    const float* m_samples = nullptr;
    std::size_t m_count = 0;
    std::vector<std::vector<MinMax>> m_levels; ///< level k: blocks of kBaseBlock << k samples
};

} // namespace ecglens::view
