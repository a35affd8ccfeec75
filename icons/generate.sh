#!/usr/bin/env bash
# Renders icons/keyshard.svg into the PNG sizes the app and installers use.
# Needs rsvg-convert (Debian: apt-get install -y librsvg2-bin). The PNGs are committed, so the
# build itself never needs this script.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" keyshard.svg -o "keyshard-$size.png"
done
echo "rendered: $(ls keyshard-*.png | tr '\n' ' ')"
