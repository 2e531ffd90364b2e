#!/usr/bin/env bash
# Make sure espeak-ng and sox are installed for the speech tests (they make real test speech
# from our scripts). Installs them when we are root and apt is available; otherwise says
# what is missing and lets the tests decide.
set -euo pipefail
if command -v espeak-ng >/dev/null && command -v sox >/dev/null; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "ensure-speech: installing espeak-ng and sox (Debian packages)" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends espeak-ng sox >/dev/null
else
  echo "ensure-speech: espeak-ng or sox is missing and cannot be installed here" >&2
fi
