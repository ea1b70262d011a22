#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS (default 60) each, seeded from the shared data.
# Usage: tests/fuzz/run.sh [SECONDS]   (builds the "fuzz" preset first)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
data=${ECGLENS_DATA:-$(realpath ../shared/data)}
cmake --preset fuzz >/dev/null
# The preset builds the target "fuzzers" only: the readers' and the review library, not LibTorch,
# whose headers clang does not compile against Debian's libstdc++ here.
cmake --build --preset fuzz
mkdir -p build/fuzz/corpus
for f in build/fuzz/tests/fuzz/fuzzer_*; do
    [ -f "$f" ] && [ -x "$f" ] || continue # not the build's *_autogen folders
    name=$(basename "$f")
    corpus=build/fuzz/corpus/$name
    mkdir -p "$corpus"
    seeds=$(grep -oE "ecglens_add_fuzzer\(${name#fuzzer_} .*" tests/fuzz/CMakeLists.txt | grep -oE 'SEEDS[^)]*' | sed -e 's/SEEDS//' -e 's/MUTATIONS.*//' -e 's/LIBS.*//' || true)
    for s in $seeds; do
        # Data seeds are relative to the data folder; the project's own are under tests/fuzz.
        case $s in
            '${CMAKE_CURRENT_SOURCE_DIR}'/*) src=tests/fuzz/${s#*\}/} ;;
            *) src=$data/$s ;;
        esac
        cp -n "$src" "$corpus/" 2>/dev/null || true
    done
    echo "== $name for ${seconds}s"
    ECGLENS_DATA=$data "$f" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 "$corpus"
done
