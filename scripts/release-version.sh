#!/bin/sh
# Prints Marquee's version as Sources/MarqueeKit/Pipeline/Version.swift writes it (the one place it is
# written). With a tag (v1.2.0) as argument, exits 1 unless the tag names that version: the release
# workflow refuses to publish a binary whose --version would disagree with its release.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^ *public static let string = "\([^"]*\)".*/\1/p' "$root/Sources/MarqueeKit/Pipeline/Version.swift")
[ -n "$version" ] || { echo "error: no version found in Sources/MarqueeKit/Pipeline/Version.swift" >&2; exit 1; }
if [ $# -gt 0 ] && [ "$1" != "v$version" ]; then
  echo "error: the tag $1 does not match the version in Sources/MarqueeKit/Pipeline/Version.swift ($version) — tag v$version, or change the version there first" >&2
  exit 1
fi
echo "$version"
