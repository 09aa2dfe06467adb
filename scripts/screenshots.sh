#!/usr/bin/env bash
# The default theme's screenshots in docs/screenshots/: the example site built under /blog/, served on
# 127.0.0.1 and shot by headless Chromium at a phone's and a desktop's width, in the light and the dark
# colour scheme (Blink's preferredColorScheme setting: what prefers-color-scheme answers), each cut to
# a first screen or two and quantised by pngquant so the repository stays small.
#   scripts/screenshots.sh            (needs chromium, pngquant, python3; builds marquee if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
marquee=${MARQUEE:-.build/debug/marquee}
[ -x "$marquee" ] || swift build --product marquee
for tool in chromium pngquant python3; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is not installed" >&2; exit 1; }
done

work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

mkdir -p "$work/root"
"$marquee" build --output "$work/root/blog" --base-url https://example.org/blog/ >/dev/null
# A free port, asked of the system rather than guessed: other servers may run on this machine.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/root" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/blog/" >/dev/null && break; sleep .1; done

# name  path
pages=(
  "home /blog/"
  "review /blog/reviews/children-of-heaven/"
  "term /blog/directors/majid-majidi/"
  "ratings /blog/ratings/"
  "archive /blog/reviews/"
)
mkdir -p "$out"
for entry in "${pages[@]}"; do
  read -r name path <<<"$entry"
  sizes="390x1500 1280x1100"
  # The review whole, down to its readers' comments (headless Chromium does not scroll to a #fragment).
  [ "$name" = review ] && sizes="390x4750 1280x4200"
  for size in $sizes; do
    width=${size%x*}
    for scheme in light dark; do
      # Blink's preferredColorScheme: 0 is dark, 1 is light.
      value=$([ "$scheme" = dark ] && echo 0 || echo 1)
      file="$out/$name-$width-$scheme.png"
      chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size="${size/x/,}" --blink-settings=preferredColorScheme="$value" \
        --user-data-dir="$work/profile" --screenshot="$work/shot.png" "http://127.0.0.1:$port$path" >/dev/null 2>&1
      pngquant --force --quality=60-85 --speed 1 --output "$file" "$work/shot.png"
      echo "$file"
    done
  done
done
