#!/usr/bin/env bash
# Renders icons/keyshard.svg into every icon file the app and the installers use:
#   keyshard-<size>.png  16..1024 px  window and task bar icons (on the class path), Linux .deb icon
#   keyshard.ico         16..256 px   Windows .msi / launcher (jpackage --icon on Windows)
#   keyshard.icns        16..1024 px  macOS .dmg / app bundle (jpackage --icon on macOS)
# The outputs are committed, so the build itself never runs this script. Missing Debian tools are
# installed with apt-get (as root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")"

need() { # need <command> <debian package>
  command -v "$1" >/dev/null 2>&1 && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing $2 (for $1)" >&2
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "$2" >/dev/null
}
need rsvg-convert librsvg2-bin
need icotool icoutils
need png2icns icnsutils

SIZES=(16 24 32 48 64 128 256 512 1024)
for size in "${SIZES[@]}"; do
  rsvg-convert -w "$size" -h "$size" keyshard.svg -o "keyshard-$size.png"
done

# Windows shows 16..48 in menus and lists and 256 in large views; Vista+ takes 256 as PNG (-r).
icotool -c -o keyshard.ico \
  keyshard-16.png keyshard-24.png keyshard-32.png keyshard-48.png keyshard-64.png keyshard-128.png \
  -r keyshard-256.png

# png2icns picks each icon type from the PNG's size; 24 and 64 have no icns type and are left out.
png2icns keyshard.icns \
  keyshard-16.png keyshard-32.png keyshard-48.png keyshard-128.png keyshard-256.png \
  keyshard-512.png keyshard-1024.png >/dev/null

echo "rendered: $(ls keyshard-*.png keyshard.ico keyshard.icns | tr '\n' ' ')"
