#!/usr/bin/env bash
# Checks what `mvn -Pinstaller package` left under target/installer on Linux: the app-image's
# launcher answers --version with the project's version, and the .deb holds the launcher, the
# icon and the menu entry (.desktop) and depends on GTK. Exits non-zero, saying what is wrong.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/installer
fail() { echo "check-linux: $*" >&2; exit 1; }

version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
[ -n "$version" ] || fail "no <version> in pom.xml"

launcher="$out/Keyshard/bin/Keyshard"
[ -x "$launcher" ] || fail "no app-image launcher $launcher (run mvn -Pinstaller package)"
# An empty home: --version must not need (or create) any user data.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
said=$(KEYSHARD_HOME="$home" "$launcher" --version) || fail "$launcher --version exited $?"
[ "$said" = "keyshard $version" ] || fail "$launcher --version said '$said', expected 'keyshard $version'"
echo "ok  app-image: $launcher --version -> $said"

debs=("$out"/keyshard_"$version"-*_*.deb)
[ -f "${debs[0]}" ] || fail "no $out/keyshard_$version-*.deb"
deb=${debs[0]}
listing=$(dpkg-deb -c "$deb")
for path in ./opt/keyshard/bin/Keyshard ./opt/keyshard/lib/Keyshard.png \
            ./opt/keyshard/lib/keyshard-Keyshard.desktop ./opt/keyshard/lib/app/keyshard.jar \
            ./opt/keyshard/lib/runtime/bin/java; do
  grep -q " $path\$" <<<"$listing" || fail "$deb lacks $path"
done
grep -q -- '-rwxr-xr-x .* ./opt/keyshard/bin/Keyshard$' <<<"$listing" || fail "launcher in $deb is not executable"
entry=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/keyshard/lib/keyshard-Keyshard.desktop)
grep -qx 'Exec=/opt/keyshard/bin/Keyshard' <<<"$entry" || fail "menu entry does not start the launcher"
grep -qx 'Icon=/opt/keyshard/lib/Keyshard.png' <<<"$entry" || fail "menu entry has no icon"
depends=$(dpkg-deb -f "$deb" Depends)
grep -qw 'libgtk-3-0' <<<"$depends" || fail "$deb does not depend on libgtk-3-0"
# The user's data lives in ~/.keyshard, never in the package.
! grep -q '\.keyshard' <<<"$listing" || fail "$deb contains user data (.keyshard)"
echo "ok  deb: $deb ($(du -h "$deb" | cut -f1)) has launcher, icon, menu entry; depends on libgtk-3-0"
