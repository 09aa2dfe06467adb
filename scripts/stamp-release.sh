#!/bin/sh
# Rewrites Sources/MarqueeKit/Pipeline/ReleaseStamp.swift for a release build (the release workflow
# runs it before `swift build`; never commit what it writes):
#   scripts/stamp-release.sh COMMIT DOWNLOADS [DIR]
# COMMIT is the 40-hex commit built; DOWNLOADS the repository's https://github.com/OWNER/REPO/releases/download
# (a fork's release then downloads the fork's archives). DIR, when given, holds the first round's archives
# marquee-VERSION-linux-ARCH-ci.tar.gz, whose SHA-256 the binary then carries: the workflows
# `marquee new site` writes download exactly those, and check them against these checksums.
# (A binary cannot carry its own archive's checksum; hence two rounds.)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
commit=${1:?usage: stamp-release.sh COMMIT DOWNLOADS [DIR]}
downloads=${2:?usage: stamp-release.sh COMMIT DOWNLOADS [DIR]}
case "$downloads" in
  https://*/releases/download) ;;
  *) echo "error: '$downloads' is not a https://…/releases/download URL" >&2; exit 1 ;;
esac
case "$downloads" in *'"'*|*\\*) echo "error: '$downloads' holds a quote or backslash" >&2; exit 1 ;; esac
case "$commit" in
  *[!0-9a-f]*|"") echo "error: '$commit' is not a commit (40 lowercase hex digits)" >&2; exit 1 ;;
esac
[ ${#commit} -eq 40 ] || { echo "error: '$commit' is not a full commit (40 hex digits)" >&2; exit 1; }
version=$("$root/scripts/release-version.sh")
sha256() { if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1"; else shasum -a 256 "$1"; fi | cut -d' ' -f1; }
entries=""
if [ $# -gt 2 ]; then
  for arch in x86_64 aarch64; do
    archive="$3/marquee-$version-linux-$arch-ci.tar.gz"
    [ -f "$archive" ] || { echo "error: $archive is missing — the first round's Linux archives are needed for the checksums" >&2; exit 1; }
    entries="$entries\"$arch\": \"$(sha256 "$archive")\", "
  done
fi
entries=${entries%, }
[ -n "$entries" ] || entries=":"
cat > "$root/Sources/MarqueeKit/Pipeline/ReleaseStamp.swift" <<SWIFT
// Written by scripts/stamp-release.sh for the release build of $version.
enum ReleaseStamp {
    static let commit: String? = "$commit"
    static let downloadsURL: String? = "$downloads"
    static let ciArchiveChecksums: [String: String] = [$entries]
}
SWIFT
echo "Stamped ReleaseStamp.swift: $version, commit $commit${3:+, checksums of the archives in $3}"
