#!/usr/bin/env bash
# Two builds of Marquee against each other on the bench corpus: is a change slower, and by how much?
# (Issue 16's bar: "no slow-down beyond 5% at 10,000 reviews".)
#
# usage: scripts/bench-compare.sh BEFORE AFTER [N]      (N defaults to 10000)
#   BEFORE, AFTER: two `marquee` binaries, e.g. a release build of the commit before the change
#   (git worktree add --detach /tmp/before <commit> && make -C /tmp/before release) and this one.
#
# Runs BENCH_RUNS (default 5) pairs of cold builds into fresh folders on tmpfs, BEFORE then AFTER
# back to back so that each pair meets the same state of a noisy machine, and prints each pair's
# wall-time ratio and their median; then, with BENCH_INSTRUCTIONS=1 (the default), both builds once
# under valgrind --tool=callgrind, whose instruction counts do not depend on the machine's load
# (valgrind reads this toolchain's DWARF badly, so the binaries are copied and stripped of debug
# information first). Both outputs are compared with diff -r: a change meant to be invisible shows
# here that it is.
set -euo pipefail
before=${1:?usage: scripts/bench-compare.sh BEFORE AFTER [N]} after=${2:?usage: scripts/bench-compare.sh BEFORE AFTER [N]}
n=${3:-10000}
runs=${BENCH_RUNS:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/marquee-bench}
corpus="$cache/corpus-$n"
if [ ! -f "$corpus/.done" ]; then
  python3 "$root/../shared/bench/gen-corpus.py" "$n" "$corpus"
  touch "$corpus/.done"
fi
scratch=$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}" )
work=$(mktemp -d "$scratch/marquee-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT

wall() { # wall seconds of one cold build of the corpus by binary $1 into $2
  local start end
  start=$(date +%s.%N)
  (cd "$corpus" && "$1" build --no-cache --output "$2" >/dev/null 2>&1)
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }' 
}

echo "corpus: $n reviews ($corpus); $runs pairs; before: $before; after: $after"
ratios=()
for i in $(seq "$runs"); do
  b=$(wall "$before" "$work/b$i"); a=$(wall "$after" "$work/a$i")
  r=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.4f", a / b }')
  ratios+=("$r")
  printf 'pair %d: before %.2f s, after %.2f s, after/before %.3f\n' "$i" "$b" "$a" "$r"
  [ "$i" -gt 1 ] && rm -rf "$work/b$i" "$work/a$i"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}')
echo "wall time after/before, median of pairs: $median"
if diff -r "$work/b1" "$work/a1" >/dev/null; then echo "outputs: identical"; else echo "outputs: differ (the change shows in the files written)"; fi

if [ "${BENCH_INSTRUCTIONS:-1}" = 1 ] && command -v valgrind >/dev/null; then
  declare -A instructions
  for which in before after; do
    bin=${!which}
    cp "$bin" "$work/$which-bin" && strip --strip-debug "$work/$which-bin"
    count=$(cd "$corpus" && valgrind --tool=callgrind --callgrind-out-file="$work/$which.cg" "$work/$which-bin" build --no-cache --output "$work/cg-$which" 2>&1 | sed -n 's/.*Collected : //p')
    instructions[$which]=$count
    echo "instructions, $which: $count"
  done
  echo "instructions after/before: $(awk -v a="${instructions[after]}" -v b="${instructions[before]}" 'BEGIN { printf "%.4f", a / b }')"
fi
