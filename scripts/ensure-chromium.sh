#!/usr/bin/env bash
# Make sure Debian's chromium is installed for the browser tests (Playwright drives it through
# executable_path; `playwright install` cannot download browsers here). Installs it when we are
# root and apt is available; otherwise says what is missing and lets the tests decide.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "ensure-chromium: installing chromium (Debian package)" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
else
  echo "ensure-chromium: /usr/bin/chromium is missing and cannot be installed here" >&2
fi
