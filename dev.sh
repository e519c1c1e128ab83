#!/usr/bin/env bash
# Set up a Debian 12 machine for Minsheng Tracker, then build and run or test it.
#   ./dev.sh run [FILE.json]   install missing packages, build, launch the app
#   ./dev.sh test              install missing packages, build, run the whole suite
#                              (plain build, then an AddressSanitizer/UBSan build)
set -euo pipefail

# Files named on the command line are relative to where dev.sh was started.
args=()
for arg in "${@:2}"; do
  if [ -e "$arg" ]; then
    args+=("$(realpath "$arg")")
  else
    args+=("$arg")
  fi
done

cd "$(dirname "$0")"
top=$(pwd)

packages=(
  gcc libc6-dev pkg-config meson ninja-build gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libcairo2-dev libpango1.0-dev libgsf-1-dev
  fonts-noto-cjk desktop-file-utils appstream
  xvfb xauth dbus dbus-x11 poppler-utils mupdf-tools imagemagick librsvg2-bin xdotool
  python3 python3-docx python3-openpyxl libxlsxwriter-dev
  libopencc-dev libopencc-data
  libxml2-dev libpoppler-glib-dev poppler-data
  at-spi2-core gir1.2-atspi-2.0 python3-gi python3-pyatspi
)

install_packages () {
  local missing=()
  local pkg
  for pkg in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "dev.sh: installing ${missing[*]}" >&2
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "dev.sh: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
  fi
  # env, not a prefix assignment: sudo resets the environment.
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure_and_build () {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@"
  fi
  ninja -C "$dir"
}

case "${1:-}" in
  run)
    install_packages
    configure_and_build build
    if [ ${#args[@]} -eq 0 ]; then
      args=("$top/data/examples/luohe-2024.json")
    fi
    exec ./build/src/gui/minsheng "${args[@]}"
    ;;
  test)
    install_packages
    configure_and_build build
    meson test -C build --print-errorlogs
    configure_and_build build-asan -Db_sanitize=address,undefined -Db_lundef=false
    meson test -C build-asan --setup asan --print-errorlogs
    ;;
  *)
    echo "usage: $0 run [FILE.json] | test" >&2
    exit 2
    ;;
esac
