#!/usr/bin/env bash
# Installs dependencies, builds the dev preset and runs every test (the README's test command).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --preset dev
cmake --build --preset dev
ctest --preset dev "$@"
