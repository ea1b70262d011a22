#!/usr/bin/env bash
# Installs dependencies, builds the dev preset and runs every test (the README's test command).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --preset dev
cmake --build --preset dev

# The tests read the shared data folder and must leave it as they found it: a review the window
# saves beside a recording (FILE.ecglens-review.json, its lock) would change what later runs see.
data="${ECGLENS_DATA:-$(cmake -N -LA build/dev | sed -n 's/^ECGLENS_DATA_DIR:PATH=//p')}"
reviewsIn() { find "$data" -name '*.ecglens-review*' 2>/dev/null | head -5; }
if [ -n "$(reviewsIn)" ]; then
    echo "The data folder $data holds ECG Lens review files, which change what the tests see:" >&2
    reviewsIn >&2
    echo "Move them out of the data folder (they are not test inputs) and run again." >&2
    exit 1
fi
ctest --preset dev "$@"
if [ -n "$(reviewsIn)" ]; then
    echo "A test wrote review files into the data folder $data (tests must work on copies):" >&2
    reviewsIn >&2
    exit 1
fi
