#!/usr/bin/env bash
# `make test`: the search page's browser test (Search/SearchBrowserTests) runs headless Chromium
# through selenium in the validators' venv. Installed from ../shared/tools/validate-site (beside
# the package) when the venv, chromium or chromedriver is missing; the test fails, not skips,
# when they still are.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${VALIDATORS_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/site-validators/venv}"
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import selenium, selenium_axe_python" 2>/dev/null \
   && [ -x "${CHROMIUM:-/usr/bin/chromium}" ] && [ -x "${CHROMEDRIVER:-/usr/bin/chromedriver}" ]; then
  exit 0
fi
installer="$root/../shared/tools/validate-site/install-validators.sh"
if [ ! -f "$installer" ]; then
  echo "warning: no $installer: the search browser test will fail" >&2
  exit 0
fi
echo "Installing the site validators (for the search browser test)…" >&2
bash "$installer" >&2 || echo "warning: installing the validators failed: the search browser test will fail" >&2
exit 0
