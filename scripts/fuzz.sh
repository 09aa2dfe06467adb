#!/usr/bin/env bash
# Fuzzes the reader (front matter + Markdown → review, then assemble and render) with libFuzzer.
#
#   scripts/fuzz.sh [SECONDS] [LIBFUZZER_FLAG...]     default 600 seconds
#
# Builds the MarqueeFuzz target with the Swift toolchain's libFuzzer and AddressSanitizer
# (`swift build -c release` with `-sanitize=fuzzer,address`, in .build-fuzz so the normal .build is
# left alone), seeds a corpus from the example site's reviews and the review files of the bad-input
# corpus, and runs it for SECONDS with the dictionary scripts/fuzz.dict. Extra arguments go to
# libFuzzer as they are (e.g. -fork=2, -jobs=2, -seed=1).
#
# Environment:
#   FUZZ_OUT=DIR       where crashes, timeouts, the log and the final corpus go
#                      (default .build-fuzz/findings/RUN-ID; git-ignored)
#   FUZZ_CORPUS=DIR    keep the working corpus here between runs (default: a temp dir, copied to
#                      FUZZ_OUT/corpus at the end)
#   FUZZ_LEAKS=1       also report leaks (LeakSanitizer). Off by default: the Swift runtime's lazily
#                      built caches make every new input look like a leak candidate, and the scans
#                      cut the speed about tenfold.
#   FUZZ_NO_BUILD=1    skip the build (use the fuzzer already in .build-fuzz)
#
# A crash stops the run; its input is FUZZ_OUT/crash-<sha1> (or timeout-/oom-/slow-unit-).
# Replay one:   .build-fuzz/release/MarqueeFuzz FUZZ_OUT/crash-…      (with sanitizers)
#               swift run MarqueeFuzz FUZZ_OUT/crash-…                 (without; prints the outcome)
# Minimise it:  .build-fuzz/release/MarqueeFuzz -minimize_crash=1 -runs=20000 FUZZ_OUT/crash-…
# Then add it to Tests/MarqueeKitTests/Fixtures/fuzz-regressions/NAME.md (FuzzRegressionTests).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds=${1:-600}
if [ $# -gt 0 ]; then shift; fi
case "$seconds" in
  ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS] [LIBFUZZER_FLAG...]" >&2; exit 2 ;;
esac

scratch="$root/.build-fuzz"
fuzzer="$scratch/release/MarqueeFuzz"
run_id=$(date +%Y%m%d-%H%M%S)
out=${FUZZ_OUT:-"$scratch/findings/$run_id"}
mkdir -p "$out"
out=$(cd "$out" && pwd)
log="$out/fuzz.log"

# --- build ---------------------------------------------------------------------------------------
if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  scripts/ensure-cmark.sh
  echo "Building the fuzzer (release, -sanitize=fuzzer,address) in .build-fuzz…" >&2
  # --sanitize=address/fuzzer instrument the C targets (libyaml) too, link libFuzzer with its main,
  # and keep SwiftPM from renaming the entry point (which would hide libFuzzer's main).
  # SwiftPM hands swiftc one -sanitize= per sanitizer and swiftc keeps only the last, which would
  # leave the Swift code without coverage; -Xswiftc -sanitize=fuzzer,address comes last and wins.
  # MARQUEE_FUZZING drops the target's own @main (see Sources/MarqueeFuzz/MarqueeFuzz.swift).
  swift build -c release --product MarqueeFuzz --scratch-path "$scratch" \
    --sanitize=address --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -DMARQUEE_FUZZING >&2
fi
[ -x "$fuzzer" ] || { echo "error: $fuzzer was not built" >&2; exit 1; }

# --- seed corpus ---------------------------------------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/marquee-fuzz.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
seeds="$tmp/seeds"
mkdir -p "$seeds"
corpus=${FUZZ_CORPUS:-"$tmp/corpus"}
mkdir -p "$corpus"

# The example site's reviews, as they are and (so that they get past assembling, in the fuzz site
# whose only other review is `other`) with recommendations, images and review links pointed at it.
while IFS= read -r -d '' file; do
  name=$(printf '%s' "${file#content/reviews/}" | tr '/' '_')
  cp "$file" "$seeds/example-$name"
  sed -e 's/^recommend:.*/recommend: other/' -e '/^image:/d' \
      -e 's#(/blog/reviews/[^)]*)#(/blog/reviews/other/)#g' "$file" > "$seeds/example-fixed-$name"
done < <(find content/reviews -name '*.md' -print0 | sort -z)
# One of them with the example site's own site.yml after the separator, to seed the config reader.
first=$(ls "$seeds"/example-fixed-* 2>/dev/null | head -1)
if [ -n "$first" ] && [ -f site.yml ]; then
  { cat "$first"; printf '\n=== site.yml\n'; cat site.yml; } > "$seeds/example-with-site-yml.md"
fi

# The bad-input corpus: each NAME.case holds `=== path` lines, each followed by that file. Every
# review file in it becomes a seed; when the case has its own site.yml, it follows the separator.
for case_file in Tests/MarqueeKitTests/Fixtures/bad-input/*.case; do
  [ -e "$case_file" ] || continue
  base=$(basename "$case_file" .case)
  awk -v dir="$seeds" -v base="$base" '
    function flush() {
      if (path ~ /^content\/reviews\/.*\.md$/) { n++; reviews[n] = text }
      else if (path == "site.yml") { site = text; has_site = 1 }
    }
    /^=== / { flush(); path = substr($0, 5); text = ""; next }
    { text = text $0 "\n" }
    END {
      flush()
      for (i = 1; i <= n; i++) {
        out = dir "/bad-" base "-" i ".md"
        printf "%s", reviews[i] > out
        if (has_site) printf "\n=== site.yml\n%s", site > out
        close(out)
      }
    }' "$case_file"
done
count=$(find "$seeds" -type f -size +0 | wc -l)  # libFuzzer skips empty files (and tries the empty input anyway)
echo "Seed corpus: $count files ($(du -sk "$seeds" | cut -f1) KB) from content/reviews and Fixtures/bad-input" >&2

# --- run -----------------------------------------------------------------------------------------
leaks=${FUZZ_LEAKS:-0}
export ASAN_OPTIONS="detect_leaks=$leaks:${ASAN_OPTIONS:-}"
# The Swift runtime's own crash reporter would race libFuzzer's handlers; leave crashes to libFuzzer.
export SWIFT_BACKTRACE="enable=no"

echo "Fuzzing for ${seconds}s; findings and log in $out" >&2
set +e
"$fuzzer" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -dict=scripts/fuzz.dict -detect_leaks="$leaks" -print_final_stats=1 \
  -artifact_prefix="$out/" "$@" "$corpus" "$seeds" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

if [ -z "${FUZZ_CORPUS:-}" ]; then
  mkdir -p "$out/corpus" && cp -R "$corpus/." "$out/corpus/"
fi

# --- summary -------------------------------------------------------------------------------------
done_line=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1 || true)
runs_line=$(grep -E '^Done [0-9]+ runs in' "$log" | tail -1 || true)
stat() { grep -E "^stat::$1:" "$log" | tail -1 | awk '{print $2}'; }
findings=$(find "$out" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' -o -name 'slow-unit-*' \) | sort)

echo
echo "=== MarqueeFuzz summary ==="
echo "status:       libFuzzer exited with $status"
[ -n "$runs_line" ] && echo "runs:         $runs_line"
echo "executions:   $(stat number_of_executed_units)"
echo "exec/s:       $(stat average_exec_per_sec)"
echo "new units:    $(stat new_units_added)"
echo "peak RSS:     $(stat peak_rss_mb) MB"
echo "last status:  $done_line"
echo "corpus:       $(ls "$corpus" | wc -l) files in the working corpus (+ $count seeds)"
if [ -n "$findings" ]; then
  echo "findings:"
  printf '  %s\n' $findings
else
  echo "findings:     none"
fi
echo "log:          $log"
exit "$status"
