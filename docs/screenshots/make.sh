#!/usr/bin/env bash
# Re-makes the screenshots the README shows, off screen, from the shared data folder.
#   bash docs/screenshots/make.sh [DATA]    (DATA defaults to ../shared/data; needs build/dev)
# The worklist picture (worklist.png) is made by hand: File > Open folder as worklist on
# ptbxl/records100/00000, then "Run detector on the list".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="$(cd "${1:-$root/../shared/data}" && pwd)"
bin="$root/build/dev/app"
[ -x "$bin/gui/ecglens" ] || { echo "build first: cmake --preset dev && cmake --build build/dev" >&2; exit 1; }
# Settings and data folders of their own, so that the user's settings do not change the pictures.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -m 700 "$scratch/runtime"
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
    XDG_RUNTIME_DIR="$scratch/runtime"
ptb() { echo "$data/ptbxl/records500/00000/$1_hr.hea"; }
shot() { local out="$1"; shift; "$bin/gui/ecglens" --screenshot "$here/$out" "$@" >/dev/null; }

shot ptbxl_3x4.png --layout 3x4 "$(ptb 00001)"
shot mitdb_101_overview.png --dock measurements "$data/mitdb/101.hea"
shot ptbxl_analysis.png --analyse --dock explanation "$(ptb 00026)"
shot mitdb_look_first.png --analyse --dock flagged "$data/mitdb/220.hea"
lr() { echo "$data/ptbxl/records100/00000/$1_lr.hea"; }
shot compare.png --layout 3x4 --dock measurements --compare "$(lr 00017)" "$(lr 00026)"
shot ptbxl_de.png --analyse --lang de "$(ptb 00026)"
shot ptbxl_advice.png --analyse --dock advice "$(ptb 00026)"
shot ptbxl_st_advice.png --analyse --dock advice "$data/ptbxl/records100/01000/01433_lr.hea"
"$bin/cli/ecglens-cli" report "$(ptb 00026)" --out "$scratch/report.pdf" --no-saved-review >/dev/null
pdftoppm -png -r 90 -f 1 -l 1 -singlefile "$scratch/report.pdf" "$here/report_page1"
echo "screenshots written to $here"
