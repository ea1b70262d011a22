#pragma once

// How idle inference threads wait.
//
// LibTorch's intra-op threads and libxgboost's are GNU OpenMP workers, which by default spin for
// a while before sleeping when they run out of work. On a workstation shared with other programs
// that spinning steals the cores the other threads of the same parallel region need: training the
// shipped ensemble on a truncated set took 3.8 s on the quiet 2-core machine, 43 s next to two
// busy processes with the default policy and 7.4-12.6 s with OMP_WAIT_POLICY=PASSIVE (identical
// weights in all three). libgomp reads the policy once, when it is loaded. LibTorch and libxgboost
// are opened on first use (shared_library.h), but Qt 6 Core links libb2, which links libgomp, so
// in the Qt programs libgomp is loaded before main() runs and the only way to choose the policy
// is to start again with the variable set (cheap now that LibTorch is not loaded at start).

namespace ecglens::ml {

/// If OMP_WAIT_POLICY is not set, sets it to PASSIVE; if the OpenMP runtime is already loaded
/// (and has read the variable), replaces the process image with a fresh start of the same
/// executable and arguments (Linux: /proc/self/exe). Returns only if the variable was already
/// set (by the user or by the restart), the runtime was not loaded yet, or the restart failed (the
/// program then continues with the default policy). Call first thing in main(), before any thread
/// exists.
void preferPassiveThreadWaiting(char** argv);

/// Whether the GNU OpenMP runtime is loaded into this process (Linux: /proc/self/maps); false
/// where that cannot be told.
bool openMpRuntimeLoaded();

} // namespace ecglens::ml
