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
# ratios of wall time, CPU time (user + system) and peak memory (GNU time), and their medians; then, with BENCH_INSTRUCTIONS=1 (the default), both builds once
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
if [ ! -f "$corpus/.done" ]; then # made as scripts/bench.sh makes it, and shared with it
  rm -rf "$corpus" "$corpus.tmp"
  python3 "$root/../shared/bench/gen-corpus.py" "$n" "$corpus.tmp"
  touch "$corpus.tmp/.done"
  mv "$corpus.tmp" "$corpus"
fi
scratch=$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}" )
work=$(mktemp -d "$scratch/marquee-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT

measure() { # "wall cpu peak-KB" of one cold build of the corpus by binary $1 into $2 (GNU time)
  (cd "$corpus" && "$gnu_time" -f "%e %U %S %M" -o "$work/time" "$1" build --no-cache --output "$2" >/dev/null 2>&1)
  awk '{ printf "%.3f %.3f %d", $1, $2 + $3, $4 }' "$work/time"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
gnu_time=${GNU_TIME:-/usr/bin/time}
"$gnu_time" -f "%e" true >/dev/null 2>&1 || { echo "error: GNU time is needed at $gnu_time (Debian: apt-get install time; or set GNU_TIME)" >&2; exit 1; }

echo "corpus: $n reviews ($corpus); $runs pairs; before: $before; after: $after"
: > "$work/ratios"
for i in $(seq "$runs"); do
  read -r bw bc bm <<< "$(measure "$before" "$work/b$i")"
  read -r aw ac am <<< "$(measure "$after" "$work/a$i")"
  awk -v bw="$bw" -v aw="$aw" -v bc="$bc" -v ac="$ac" -v bm="$bm" -v am="$am" -v i="$i" 'BEGIN {
    printf "pair %d: wall %.2f s -> %.2f s (%.3f), CPU %.2f s -> %.2f s (%.3f), peak %d MB -> %d MB (%.3f)\n", i, bw, aw, aw / bw, bc, ac, ac / bc, bm / 1024, am / 1024, am / bm
    printf "%.4f %.4f %.4f\n", aw / bw, ac / bc, am / bm > "/dev/stderr" }' 2>> "$work/ratios"
  [ "$i" -gt 1 ] && rm -rf "$work/b$i" "$work/a$i"
done
echo "after/before, medians of pairs: wall $(awk '{ print $1 }' "$work/ratios" | median), CPU $(awk '{ print $2 }' "$work/ratios" | median), peak memory $(awk '{ print $3 }' "$work/ratios" | median)"
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
