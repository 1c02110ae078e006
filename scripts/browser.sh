#!/usr/bin/env bash
# Print the path of a Chromium for the browser tests, installing Debian's chromium package when
# none is found (needs root and apt). Playwright drives it headless; nothing is downloaded by
# Playwright itself.
set -euo pipefail
for b in "${ONRECORD_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$b" ] && [ -x "$b" ]; then echo "$b"; exit 0; fi
done
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "onrecord: installing Chromium (Debian package chromium) for the browser tests" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2
  echo /usr/bin/chromium
else
  echo "onrecord: no Chromium, and it cannot be installed here (needs root and apt)" >&2
  exit 1
fi
