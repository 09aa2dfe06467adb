#!/usr/bin/env bash
# What the search index costs (issue #20): cold builds of the bench corpus with search on and with
# `search: false`, in pairs (each pair meets one state of a noisy machine), and the bytes a
# reader's queries fetch (scripts/search-query-bytes.py).
#
# usage: scripts/bench-search.sh [N]        (default 10000 reviews)
#
# Prints the median wall time of each, the median of the pairs' ratios against the target
# (<= 1.03: the index adds at most 3 %), the index's size, and each query's KB (the first
# <= 50 KB with the script, each later one <= 10 KB), then the second queries of 200 random visits
# (scripts/search-random-visits.py). Builds a release marquee unless MARQUEE_BIN
# names one. Informational: exits 0 whatever the figures.
#
# Environment: BENCH_CACHE (corpora, default ~/.cache/marquee-bench), SHARED (the folder holding
# bench/, default ../shared), BENCH_RUNS (pairs, default 5), BENCH_TMP (output folders, default
# /dev/shm when writable), SEARCH_VISITS (visits separated by ";", each a list of queries
# separated by ",", typed one after another in one page).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
SHARED=${SHARED:-$REPO/../shared}
BENCH_CACHE=${BENCH_CACHE:-$HOME/.cache/marquee-bench}
RUNS=${BENCH_RUNS:-5}
N=${1:-10000}
VISITS=${SEARCH_VISITS:-"majidi,tender,tender night;maj,majidi;ashes,ashes of,drama;the distant,park"}
if [ -z "${BENCH_TMP:-}" ]; then
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then BENCH_TMP=/dev/shm; else BENCH_TMP=${TMPDIR:-/tmp}; fi
fi

corpus="$BENCH_CACHE/corpus-$N"
if [ ! -f "$corpus/site.yml" ]; then
  mkdir -p "$BENCH_CACHE"
  python3 "$SHARED/bench/gen-corpus.py" "$N" "$corpus"
fi
# The same corpus with `search: false` (content/ shared by a hard-linked copy, not read twice from disk).
off="$BENCH_CACHE/corpus-$N-search-off"
if [ ! -f "$off/site.yml" ] || [ "$corpus/site.yml" -nt "$off/site.yml" ]; then
  rm -rf "$off"
  mkdir -p "$off"
  cp -al "$corpus/content" "$off/content"
  { cat "$corpus/site.yml"; printf '\nsearch: false\n'; } > "$off/site.yml"
fi

if [ -n "${MARQUEE_BIN:-}" ]; then
  bin=$MARQUEE_BIN
else
  (cd "$REPO" && make release >/dev/null)
  bin="$REPO/.build/release/marquee"
fi

work=$(mktemp -d "$BENCH_TMP/marquee-bench-search.XXXXXX")
trap 'rm -rf "$work"' EXIT
GNU_TIME=${GNU_TIME:-/usr/bin/time}
measure() { # "wall cpu" seconds of a cold build of $1 into a fresh folder (CPU: user + sys, all threads)
  local out="$work/out-$RANDOM$RANDOM"
  "$GNU_TIME" -f "%e %U %S" -o "$work/time" "$bin" build --source "$1" --output "$out" --no-cache >/dev/null 2>&1
  rm -rf "$out"
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$work/time"
}
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Wall time drifts on a shared machine: CPU time (what the index costs, whatever the other
# processes do) is reported beside it.
on=() offs=() ratios=() cpu_ratios=()
for run in $(seq "$RUNS"); do
  read -r a ac < <(measure "$corpus"); read -r b bc < <(measure "$off")
  on+=("$a"); offs+=("$b")
  ratios+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.5f\n", a / b }')")
  cpu_ratios+=("$(awk -v a="$ac" -v b="$bc" 'BEGIN { printf "%.5f\n", a / b }')")
  printf 'pair %d: search on %.3f s (CPU %.3f s), off %.3f s (CPU %.3f s)\n' "$run" "$a" "$ac" "$b" "$bc"
done
ratio=$(median "${ratios[@]}")
printf 'N=%d: median wall with search %.3f s, without %.3f s; median ratio of pairs %.4f wall (target <= 1.03: %s), %.4f CPU\n' \
  "$N" "$(median "${on[@]}")" "$(median "${offs[@]}")" "$ratio" "$(awk -v r="$ratio" 'BEGIN { print (r <= 1.03 ? "met" : "NOT met") }')" \
  "$(median "${cpu_ratios[@]}")"
echo "(MARQUEE_TIMINGS=1 marquee build times the index with what it is made beside, the view models and then the listing of the jobs: the plan's '  models' and '  jobs and search' lines)"

site="$work/site"
"$bin" build --source "$corpus" --output "$site" --no-cache >/dev/null 2>&1
IFS=';' read -r -a visits <<< "$VISITS"
for visit in "${visits[@]}"; do
  IFS=',' read -r -a queries <<< "$visit"
  echo "== one visit: ${queries[*]}"
  python3 "$HERE/search-query-bytes.py" "$site" "${queries[@]}" || true
done
echo "== random visits (scripts/search-random-visits.py)"
python3 "$HERE/search-random-visits.py" "$site" || true
