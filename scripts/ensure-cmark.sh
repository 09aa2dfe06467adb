#!/usr/bin/env bash
# Makes sure the cmark C library and its headers (Debian: libcmark-dev) are installed, and libxml2's
# (libxml2-dev: the WordPress importer parses post bodies with its HTML parser).
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
  have_libxml2 || return 1
  pkg-config --exists libcmark 2>/dev/null && return 0
  for dir in /usr/include /usr/local/include /opt/homebrew/include; do
    [ -f "$dir/cmark.h" ] && return 0
  done
  return 1
}
have_cmark && exit 0
if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "error: libcmark-dev or libxml2-dev is missing and this user cannot install it — run as root: apt-get install libcmark-dev libxml2-dev" >&2
      exit 1
    fi
  fi
  echo "Installing libcmark-dev (the cmark Markdown library) and libxml2-dev with apt-get…" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libcmark-dev libxml2-dev pkg-config >&2
  have_cmark && exit 0
fi
case "$(uname -s)" in
  Darwin) echo "error: the cmark or libxml2 library is missing — install them with: brew install cmark libxml2" >&2 ;;
  *) echo "error: the cmark or libxml2 library is missing — install your system's development packages (Debian/Ubuntu: libcmark-dev libxml2-dev, Fedora: cmark-devel libxml2-devel)" >&2 ;;
esac
exit 1
