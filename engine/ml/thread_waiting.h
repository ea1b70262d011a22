#pragma once

// How idle inference threads wait.
//
// LibTorch's intra-op threads are GNU OpenMP workers, which by default spin for a while before
// sleeping when they run out of work. On a workstation shared with other programs that spinning
// steals the cores the other threads of the same parallel region need: training the shipped
// ensemble on a truncated set took 3.8 s on the quiet 2-core machine, 43 s next to two busy
// processes with the default policy and 7.4-12.6 s with OMP_WAIT_POLICY=PASSIVE (identical weights
// in all three). libgomp reads the policy once, when it is loaded, before main() runs, so the
// only way for a program to choose it is to start again with the variable set.

namespace ecglens::ml {

/// If OMP_WAIT_POLICY is not set, sets it to PASSIVE and replaces the process image with a
/// fresh start of the same executable and arguments (Linux: /proc/self/exe). Returns only if
/// the variable was already set (by the user or by the restart) or the restart failed, in which
/// case the program simply continues with the default policy. Call first thing in main(),
/// before any thread exists.
void preferPassiveThreadWaiting(char** argv);

} // namespace ecglens::ml
