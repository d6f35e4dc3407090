#!/usr/bin/env bash
# Checks the user-facing build products: the soname, `ferropy-config` in build/ and after
# `make install PREFIX=...`, the pkg-config files, and that a C program embedding ferropy
# builds with those flags and runs against ferropy (not a system CPython).
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "install-test: FAIL: $*"; exit 1; }
pass=0
ok() { echo "ok   $*"; pass=$((pass + 1)); }

readelf -d build/lib/libpython3.11.so.1.0 | grep -q 'Library soname: \[libpython3.11.so.1.0\]' \
  || fail "soname of build/lib/libpython3.11.so.1.0"
ok "soname is libpython3.11.so.1.0"
[ "$(build/bin/ferropy --version)" = "Python 3.11.7" ] || fail "ferropy --version"
ok "ferropy --version"

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/embed.c" <<'C'
#include <Python.h>
#include <string.h>
int main(void) {
    const char *v = Py_GetVersion();
    printf("%s\n", strstr(v, "ferropy") ? "ferropy" : v);
    return PY_VERSION_HEX == 0x030B07F0 ? 0 : 1;
}
C
build_and_run() {  # $1: config command, $2: label
    local cfg=$1
    # shellcheck disable=SC2046
    gcc $($cfg --cflags) "$tmp/embed.c" $($cfg --ldflags --embed) -o "$tmp/embed" || fail "$2: compile/link"
    [ "$("$tmp/embed")" = "ferropy" ] || fail "$2: program did not run on ferropy"
    ok "$2: program built with ferropy-config --cflags / --ldflags --embed runs on ferropy"
}
build_and_run build/bin/ferropy-config "build/"
[ "$(build/bin/ferropy-config --extension-suffix)" = "$(python3-config --extension-suffix)" ] \
  || fail "extension suffix"
ok "ferropy-config --extension-suffix matches python3-config"

make -s install PREFIX="$tmp/prefix" >/dev/null || fail "make install"
for f in bin/ferropy bin/ferropy-config lib/libferropy.so lib/ferropy/libpython3.11.so.1.0 \
         lib/ferropy/libpython3.11.so include/ferropy/Python.h lib/pkgconfig/ferropy.pc \
         lib/ferropy/pkgconfig/python-3.11.pc lib/ferropy/pkgconfig/python-3.11-embed.pc; do
  [ -e "$tmp/prefix/$f" ] || fail "install lacks $f"
done
[ ! -e "$tmp/prefix/lib/libpython3.11.so" ] || fail "install put libpython3.11.so in lib/ (would shadow CPython)"
ok "make install lays out bin/, lib/ferropy/, include/ferropy/, pkg-config files"
[ "$("$tmp/prefix/bin/ferropy" --version)" = "Python 3.11.7" ] || fail "installed ferropy --version"
ok "installed ferropy runs"
build_and_run "$tmp/prefix/bin/ferropy-config" "installed"
# shellcheck disable=SC2046
gcc "$tmp/embed.c" $(PKG_CONFIG_PATH="$tmp/prefix/lib/ferropy/pkgconfig" pkg-config --cflags --libs python-3.11-embed) \
  -o "$tmp/embed_pc" && [ "$("$tmp/embed_pc")" = "ferropy" ] || fail "pkg-config python-3.11-embed"
ok "pkg-config python-3.11-embed builds a program that runs on ferropy"
# shellcheck disable=SC2046
gcc "$tmp/embed.c" $(PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig" pkg-config --cflags --libs ferropy) \
  -o "$tmp/embed_fp" && [ "$("$tmp/embed_fp")" = "ferropy" ] || fail "pkg-config ferropy"
ok "pkg-config ferropy builds a program that runs on ferropy"
echo "install-test: $pass passed, 0 failed"
