#!/usr/bin/env bash
# The image benchmark (issue 18): the bench corpus with a poster per review (1000 × 1500 JPEGs
# drawn by scripts/make-posters.py, cached in $BENCH_CACHE/posters-N), built by Marquee
#   * without images (the same corpus, no image: keys) — the baseline;
#   * cold: .marquee/images emptied, every poster decoded and resized (4 widths × JPEG and WebP,
#     and the social card: 9 files a poster);
#   * cached: the variants kept from the cold build, a fresh output folder (so the build cache does
#     not apply and the whole site is built): no image is decoded.
# Each is the median of $BENCH_RUNS runs (wall seconds). Hugo's image processing of the same
# posters is not timed here yet (see docs/guide/images.md).
#
# usage: scripts/bench-images.sh [N]   (default 1000; needs pyvips: pip install pyvips)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
SHARED=${SHARED:-$REPO/../shared}
N=${1:-1000}
RUNS=${BENCH_RUNS:-3}
export BENCH_CACHE=${BENCH_CACHE:-$HOME/.cache/marquee-bench}
TMP=${BENCH_TMP:-/tmp}
MARQUEE=${MARQUEE_BIN:-}
if [ -z "$MARQUEE" ]; then
  if [ -x "$REPO/.build/release/marquee" ]; then MARQUEE=$REPO/.build/release/marquee; else
    (cd "$REPO" && swift build --product marquee >&2); MARQUEE=$REPO/.build/debug/marquee
  fi
fi
corpus=$BENCH_CACHE/corpus-$N
if [ ! -f "$corpus/.done" ]; then
  rm -rf "$corpus"; python3 "$SHARED/bench/gen-corpus.py" "$N" "$corpus"; touch "$corpus/.done"
fi
posters=$BENCH_CACHE/posters-$N
if [ ! -f "$posters/.done" ]; then
  python3 "$HERE/make-posters.py" --out "$posters" --count "$N" --size 1000x1500; touch "$posters/.done"
fi
site=$TMP/marquee-bench-images-$N
rm -rf "$site"; cp -r "$corpus" "$site"; rm -f "$site/.done"
mkdir -p "$site/static/posters"; cp "$posters"/*.jpg "$site/static/posters/"
python3 - "$site" <<'PY'
import pathlib, sys
site = pathlib.Path(sys.argv[1])
for index, path in enumerate(sorted((site / "content" / "reviews").glob("*.md")), start=1):
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text[4:].partition("\n---\n")
    path.write_text(f"---\n{head}\nimage: /posters/bench-{index:05d}.jpg\nimage_alt: A drawn poster\n---\n{rest}", encoding="utf-8")
PY
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() { # folder output → seconds
  local start end
  start=$(date +%s.%N); "$MARQUEE" build --source "$1" --output "$2" > /dev/null; end=$(date +%s.%N)
  echo "$end - $start" | bc
}
plain=$(for run in $(seq "$RUNS"); do rm -rf "$TMP/mbi-out"; timed "$corpus" "$TMP/mbi-out"; done | median)
cold=$(for run in $(seq "$RUNS"); do rm -rf "$TMP/mbi-out" "$site/.marquee"; timed "$site" "$TMP/mbi-out"; done | median)
cached=$(for run in $(seq "$RUNS"); do rm -rf "$TMP/mbi-out"; rm -f "$site"/.marquee/build-*; timed "$site" "$TMP/mbi-out"; done | median)
files=$(find "$TMP/mbi-out/images" -type f | wc -l)
echo "marquee: $MARQUEE"
echo "N=$N reviews, $N posters 1000x1500 JPEG -> $files image files"
echo "without images: ${plain}s   cold (all posters resized): ${cold}s   cached (.marquee/images): ${cached}s"
echo "image work, cold: $(echo "$cold - $plain" | bc)s; cached over no images: $(echo "scale=1; ($cached - $plain) * 100 / $plain" | bc)%"
rm -rf "$TMP/mbi-out"
