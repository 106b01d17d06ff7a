#!/usr/bin/env bash
# Installs the Debian packages council-prep needs that a bare machine lacks.
# Idempotent: packages already present are not fetched again.
#   app   Qt's xcb runtime libraries and fonts (to open the window)
#   test  the above plus Xvfb, LibreOffice and poppler-utils (export checks), binutils (PyInstaller)
set -euo pipefail

mode="${1:-test}"
app_packages=(
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
  fonts-dejavu-core fonts-noto-core fonts-nanum fonts-noto-color-emoji
)
test_packages=(xvfb xauth libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils binutils)

case "$mode" in
  app) wanted=("${app_packages[@]}") ;;
  test) wanted=("${app_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: $0 [app|test]" >&2; exit 2 ;;
esac

# Debian's own python3 needs python3-venv for `python3 -m venv`; other Pythons bring it.
if command -v python3 >/dev/null && ! python3 -c "import ensurepip, venv" 2>/dev/null; then
  wanted+=(python3-venv)
fi

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
