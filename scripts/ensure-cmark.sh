#!/usr/bin/env bash
# Makes sure the cmark C library and its headers (Debian: libcmark-dev) and the libvips image
# library (Debian: libvips-dev) are installed.
# Used by `make site` and `make test`; installs with apt-get (sudo when not root) where it can.
set -euo pipefail
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
have_cmark && have_vips && exit 0
if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "error: libcmark-dev or libvips-dev is missing and this user cannot install them — run as root: apt-get install libcmark-dev libvips-dev" >&2
      exit 1
    fi
  fi
  echo "Installing libcmark-dev (the cmark Markdown library) and libvips-dev (the image library) with apt-get…" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libcmark-dev libvips-dev pkg-config >&2
  have_cmark && have_vips && exit 0
fi
if ! have_vips; then
  case "$(uname -s)" in
    Darwin) echo "error: libvips 8.13 or later is missing — install it with: brew install vips" >&2 ;;
    *) echo "error: libvips 8.13 or later is missing — install your system's libvips development package (Debian/Ubuntu: libvips-dev, Fedora: vips-devel)" >&2 ;;
  esac
  have_cmark && exit 1
fi
case "$(uname -s)" in
  Darwin) echo "error: the cmark library is missing — install it with: brew install cmark" >&2 ;;
  *) echo "error: the cmark library is missing — install your system's cmark development package (Debian/Ubuntu: libcmark-dev, Fedora: cmark-devel)" >&2 ;;
esac
exit 1
