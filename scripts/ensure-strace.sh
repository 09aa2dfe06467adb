#!/usr/bin/env bash
# `make test`: strace runs the crash-between-two-renames test (Write/SwapCrashTests), by killing a
# build at a chosen system call. Installed with apt-get where it can be; without it that test is
# skipped and says so, and the rest of the suite still runs.
set -uo pipefail
command -v strace >/dev/null 2>&1 && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  echo "Installing strace (for the swap crash test) with apt-get…" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends strace) >&2 || true
fi
exit 0
