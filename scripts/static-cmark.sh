#!/bin/sh
# For release builds only: makes the cmark library link statically, without touching the system
# or the Package (dev builds, `make site` and `make test` keep linking the shared library).
#   export PKG_CONFIG_PATH="$(scripts/static-cmark.sh DIR [LIBCMARK_A])"
# Writes DIR/lib/libcmark.a (the system's, or LIBCMARK_A: a universal one built for macOS) and
# DIR/pkgconfig/libcmark.pc naming DIR/lib alone, and prints DIR/pkgconfig. The linker then meets
# the archive first when it resolves -lcmark (the Package's pkg-config and the module map's link),
# as DIR/lib has no libcmark.so/.dylib, so the binary needs nothing of cmark at run time.
set -eu
dir=${1:?usage: static-cmark.sh DIR [LIBCMARK_A]}
archive=${2:-}
if [ -z "$archive" ]; then
  for candidate in "$(pkg-config --variable=libdir libcmark 2>/dev/null)/libcmark.a" /usr/lib/*-linux-gnu/libcmark.a /usr/local/lib/libcmark.a /opt/homebrew/lib/libcmark.a; do
    [ -f "$candidate" ] && { archive=$candidate; break; }
  done
fi
if [ -z "$archive" ] || [ ! -f "$archive" ]; then
  echo "error: no libcmark.a found — install libcmark-dev (Debian) or give its path" >&2
  exit 1
fi
includes=$(pkg-config --variable=includedir libcmark 2>/dev/null || true)
[ -n "$includes" ] || includes=$(dirname "$(dirname "$archive")")/include
mkdir -p "$dir/lib" "$dir/pkgconfig"
cp "$archive" "$dir/lib/libcmark.a"
dir=$(cd "$dir" && pwd)
cat > "$dir/pkgconfig/libcmark.pc" <<PC
Name: libcmark
Description: CommonMark parsing and rendering, linked statically into marquee
Version: $(pkg-config --modversion libcmark 2>/dev/null || echo 0.31)
Libs: -L$dir/lib -lcmark
Cflags: -I$includes
PC
echo "$dir/pkgconfig"
