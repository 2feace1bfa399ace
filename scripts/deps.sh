#!/usr/bin/env bash
# Installs the Debian 12 packages IRIS Desk needs to build, run and test.
# Idempotent: only missing packages are installed (apt-get only).
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
  qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n libgl-dev libqt6opengl6-dev libxkbcommon-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql
  libpoco-dev libsodium-dev libstemmer-dev
  python3 python3-aiosmtpd poppler-utils xvfb xauth fonts-dejavu-core
  xdotool x11-utils imagemagick
  dpkg-dev file openssl
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
