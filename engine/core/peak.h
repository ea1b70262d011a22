#pragma once
// The largest magnitude among a lead's finite samples (the reader's plausibility check runs it
// over every sample of every file it opens).

#include <cstddef>

namespace ecglens {

/// max |v[i]| over the finite v[i] (NaN gaps and infinities skipped); 0 when there are none.
/// Eight independent running maxima without branches, so that the compiler can keep them in
/// vector registers (bench_io_edf BM_PeakAbs* against the plain loop).
float peakAbsFinite(const float* v, std::size_t n);

} // namespace ecglens
