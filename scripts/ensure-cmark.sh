#!/usr/bin/env bash
# Makes sure the C libraries Marquee builds with, and their headers, are installed: cmark
# (Debian: libcmark-dev), libxml2 (libxml2-dev: the WordPress importer parses post bodies with its
# HTML parser) and libvips 8.13 or later (libvips-dev: posters and covers).
# Used by `make site` and `make test`; installs with apt-get (sudo when not root) where it can.
set -euo pipefail
have_libxml2() {
  pkg-config --exists libxml-2.0 2>/dev/null && return 0
  for dir in /usr/include/libxml2 /usr/local/include/libxml2 /opt/homebrew/include/libxml2; do
    [ -f "$dir/libxml/HTMLparser.h" ] && return 0
  done
  return 1
}
have_cmark() {
  pkg-config --exists libcmark 2>/dev/null && return 0
  for dir in /usr/include /usr/local/include /opt/homebrew/include; do
    [ -f "$dir/cmark.h" ] && return 0
  done
  return 1
}
have_vips() {
  pkg-config --exists vips 2>/dev/null && pkg-config --atleast-version=8.13 vips 2>/dev/null
}
have_all() { have_cmark && have_libxml2 && have_vips; }
have_all && exit 0
if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "error: libcmark-dev, libxml2-dev or libvips-dev is missing and this user cannot install them — run as root: apt-get install libcmark-dev libxml2-dev libvips-dev" >&2
      exit 1
    fi
  fi
  echo "Installing libcmark-dev (the cmark Markdown library), libxml2-dev and libvips-dev (the image library) with apt-get…" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libcmark-dev libxml2-dev libvips-dev pkg-config >&2
  have_all && exit 0
fi
case "$(uname -s)" in
  Darwin) echo "error: the cmark, libxml2 or libvips (8.13 or later) library is missing — install them with: brew install cmark libxml2 vips" >&2 ;;
  *) echo "error: the cmark, libxml2 or libvips (8.13 or later) library is missing — install your system's development packages (Debian/Ubuntu: libcmark-dev libxml2-dev libvips-dev, Fedora: cmark-devel libxml2-devel vips-devel)" >&2 ;;
esac
exit 1
