#!/bin/sh
# Packs a built marquee into a release archive and refreshes the SHA256SUMS beside it:
#   scripts/package-release.sh BINARY PLATFORM [DIST]
# PLATFORM names the archive: linux-x86_64, linux-aarch64, macos-universal, or one of the Linux ones
# with -ci (the first round, which `marquee new site` workflows download; see stamp-release.sh).
# Writes DIST/marquee-VERSION-PLATFORM.tar.gz (DIST defaults to dist/) holding
# marquee-VERSION-PLATFORM/marquee, README.md and docs/ (the README's links lead there), then
# DIST/SHA256SUMS for every archive in DIST.
# The release workflow runs it on each runner; it runs the same on a dev machine:
#   swift build -c release --product marquee && scripts/package-release.sh .build/release/marquee linux-x86_64
# The archive is reproducible: sorted entries, fixed times and owners, no gzip time stamp.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:?usage: package-release.sh BINARY PLATFORM [DIST]}
platform=${2:?usage: package-release.sh BINARY PLATFORM [DIST]}
dist=${3:-dist}
case "$platform" in
  linux-x86_64|linux-aarch64|linux-x86_64-ci|linux-aarch64-ci|macos-universal|macos-arm64|macos-x86_64) ;;
  *) echo "error: unknown platform '$platform' — use linux-x86_64, linux-aarch64 (either with -ci) or macos-universal" >&2; exit 1 ;;
esac
[ -x "$binary" ] || { echo "error: $binary is not an executable — build it first: swift build -c release --product marquee" >&2; exit 1; }
version=$("$root/scripts/release-version.sh")
# The binary must be the version it is packed as (and run on this machine).
reported=$("$binary" --version)
case "$reported" in
  "$version "*) ;;
  *) echo "error: $binary says it is '$reported', not $version — rebuild it from this checkout" >&2; exit 1 ;;
esac
name="marquee-$version-$platform"
mkdir -p "$dist"
python3 - "$binary" "$root/README.md" "$name" "$dist/$name.tar.gz" "$root/docs" <<'PY'
import gzip, io, os, sys, tarfile
binary, readme, name, out, docs = sys.argv[1:6]
buffer = io.BytesIO()
with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
    def add(path, arcname, mode):
        info = archive.gettarinfo(path, arcname)
        info.mtime, info.uid, info.gid, info.uname, info.gname, info.mode = 0, 0, 0, "", "", mode
        with open(path, "rb") as handle:
            archive.addfile(info, handle)
    def add_folder(arcname):
        folder = tarfile.TarInfo(arcname)
        folder.type, folder.mode, folder.mtime = tarfile.DIRTYPE, 0o755, 0
        archive.addfile(folder)
    add_folder(name)
    add(readme, name + "/README.md", 0o644)
    # The docs, folders before their files, names sorted: the same bytes on every machine.
    for folder, subfolders, files in sorted(os.walk(docs)):
        subfolders.sort()
        relative = os.path.relpath(folder, os.path.dirname(docs))
        add_folder(name + "/" + relative)
        for file in sorted(files):
            add(os.path.join(folder, file), name + "/" + relative + "/" + file, 0o644)
    add(binary, name + "/marquee", 0o755)
with open(out, "wb") as handle:
    with gzip.GzipFile(filename="", mode="wb", fileobj=handle, mtime=0, compresslevel=6) as packed:
        packed.write(buffer.getvalue())
PY
cd "$dist"
sha256() { if command -v sha256sum >/dev/null 2>&1; then sha256sum "$@"; else shasum -a 256 "$@"; fi; }
# shellcheck disable=SC2012 # names are ours: marquee-VERSION-PLATFORM.tar.gz
ls marquee-*.tar.gz | LC_ALL=C sort | while read -r archive; do sha256 "$archive"; done > SHA256SUMS
echo "Wrote $dist/$name.tar.gz and $dist/SHA256SUMS"
