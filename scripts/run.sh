#!/usr/bin/env bash
# The first README command: install, build and start IRIS Desk on its embedded
# SQLite database (created and seeded with demo data on first start).
# Arguments after -- go to iris-desk (e.g. -- --list-modules).
set -euo pipefail
cd "$(dirname "$0")/.."
build_args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do build_args+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
bash scripts/build.sh "${build_args[@]}"
BUILD_DIR=${IRIS_BUILD_DIR:-build}
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "Pas d'affichage graphique : lancement sous xvfb-run (écran virtuel)." >&2
  echo "Pour voir la fenêtre, lancez depuis une session graphique ; QT_QPA_PLATFORM=offscreen fonctionne aussi." >&2
  exec xvfb-run -a "$BUILD_DIR/bin/iris-desk" "$@"
fi
exec "$BUILD_DIR/bin/iris-desk" "$@"
