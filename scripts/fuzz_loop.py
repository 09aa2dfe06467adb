"""The loop the mutation fuzzers (fuzz-import.py, fuzz-templates.py) share."""
import os
import shutil
import subprocess
import sys
import time


def died(result):
    """Whether a finished run ended by a signal (a crash, a trap)."""
    return result.returncode < 0 or result.returncode >= 128


def loop(seconds, findings, prefix, make_input, check, work):
    """Until `seconds` have passed: `make_input()` writes an input and gives its path (a file or
    a folder), `check(path)` runs Marquee on it and says what went wrong, or None. A check that
    raises subprocess.TimeoutExpired is a "timeout". Each finding's input is copied into `findings`
    as PREFIX-HHMMSS-N and printed as it comes; then a count. Removes `work`, and exits 1 when
    there was a finding."""
    os.makedirs(findings, exist_ok=True)
    end, runs, found = time.time() + seconds, 0, 0
    try:
        while time.time() < end:
            source = make_input()
            try:
                what = check(source)
            except subprocess.TimeoutExpired:
                what = "timeout"
            if what:
                found += 1
                kept = os.path.join(findings, f"{prefix}-{time.strftime('%H%M%S')}-{found}{os.path.splitext(source)[1]}")
                (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, kept)
                print(f"{what}: {kept}", flush=True)
            runs += 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{runs} inputs, {found} findings")
    sys.exit(1 if found else 0)
