#!/usr/bin/env bash
# Installs dependencies, builds ECG Lens and starts it on the built-in synthetic demo recording.
# Without a display it renders the window to demo-screenshot.png and prints the CLI summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --preset dev
cmake --build --preset dev
bin=build/dev/app
if [ -x "$bin/gui/ecglens" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
    exec "$bin/gui/ecglens" --demo
fi
echo "No display found: printing the demo's summary and rendering the window off screen."
"$bin/cli/ecglens-cli" info demo:
if [ -x "$bin/gui/ecglens" ]; then
    QT_QPA_PLATFORM=offscreen "$bin/gui/ecglens" --screenshot demo-screenshot.png demo:
    echo "Window rendered to $(pwd)/demo-screenshot.png"
fi
