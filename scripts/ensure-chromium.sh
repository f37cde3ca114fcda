#!/usr/bin/env bash
# Makes sure a Chromium for the end-to-end tests exists: Debian's package, never a browser download.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
  echo "Installing Debian's chromium for the end-to-end tests…"
  if $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null; then
    exit 0
  fi
fi
cat >&2 <<'MSG'
Chromium is needed for the end-to-end tests and could not be installed automatically.
Install it, then run the tests again:
  Debian/Ubuntu:  sudo apt-get install -y chromium
  elsewhere:      install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium
MSG
exit 1
