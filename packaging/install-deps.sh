#!/usr/bin/env bash
# Installs every Debian 12 package ECG Lens needs to build, test, fuzz and benchmark.
# Idempotent: packages already present are left alone. Run as root (or with sudo available).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6svg6-dev libgl-dev libqcustomplot-dev
  libtorch-dev libeigen3-dev libflac-dev libbiosig-dev libpugixml-dev
  libxgboost-dev libssl-dev
  libbenchmark-dev clang libfuzzer-14-dev libclang-rt-14-dev
  qt6-translations-l10n
  xvfb xauth poppler-utils openssl fonts-dejavu-core fonts-wqy-microhei
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
