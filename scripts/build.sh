#!/usr/bin/env bash
# Installs missing Debian packages, then configures and builds IRIS Desk in ./build.
# Extra arguments go to CMake's configure step (e.g. -DIRIS_ASAN=ON).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
BUILD_DIR=${IRIS_BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${IRIS_BUILD_TYPE:-RelWithDebInfo} "$@"
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
