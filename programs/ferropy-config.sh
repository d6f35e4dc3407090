#!/bin/sh
# ferropy-config: compiler and linker flags for building against ferropy, answering the
# options of CPython's python3-config. Relocatable: paths come from where this script is.
bindir=$(cd "$(dirname "$0")" && pwd)
prefix=$(cd "$bindir/.." && pwd)
if [ -d "$prefix/include/ferropy" ]; then
    includedir="$prefix/include/ferropy"      # installed layout (make install)
else
    includedir="$prefix/include"              # build/ layout
fi
if [ -e "$prefix/lib/ferropy/libpython3.11.so" ]; then
    libdir="$prefix/lib/ferropy"              # installed: libpython names kept apart
else
    libdir="$prefix/lib"
fi
usage() {
    echo "Usage: $0 --prefix|--exec-prefix|--includes|--libs|--cflags|--ldflags|--extension-suffix|--help|--abiflags|--configdir|--embed" >&2
    exit "$1"
}
[ $# -eq 0 ] && usage 1
embed=no
for opt in "$@"; do
    case "$opt" in
        --embed) embed=yes ;;
        --prefix|--exec-prefix|--includes|--libs|--cflags|--ldflags|--extension-suffix|--abiflags|--configdir) ;;
        --help) usage 0 ;;
        *) usage 1 ;;
    esac
done
libs="-ldl -lm -lpthread"
[ "$embed" = yes ] && libs="-lpython3.11 $libs"
for opt in "$@"; do
    case "$opt" in
        --prefix|--exec-prefix) echo "$prefix" ;;
        --includes) echo "-I$includedir" ;;
        --cflags) echo "-I$includedir -DNDEBUG -g -fwrapv -O2 -Wall" ;;
        --libs) echo "$libs" ;;
        --ldflags) echo "-L$libdir -Wl,-rpath,$libdir $libs" ;;
        --extension-suffix) echo ".cpython-311-x86_64-linux-gnu.so" ;;
        --abiflags) echo "" ;;
        --configdir) echo "$libdir" ;;
    esac
done
