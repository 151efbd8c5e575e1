#!/usr/bin/env bash
# Runs a command the way a desktop session would: a virtual X display (Xvfb), its own D-Bus
# session, and an unlocked Secret Service keyring (gnome-keyring) — all ended with the command.
# Usage: scripts/desktop-session.sh CMD [ARGS...]
set -euo pipefail
if [ -z "${INSIDE_DESKTOP_SESSION:-}" ]; then
  export INSIDE_DESKTOP_SESSION=1
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" "$@"
fi
# A throwaway keyring: a fixed password is fine, the keyring lives only as long as this session.
keyring_home="$(mktemp -d)"
trap 'rm -rf "$keyring_home"' EXIT
if command -v gnome-keyring-daemon >/dev/null; then
  echo -n "instagrowth-test" | HOME="$keyring_home" gnome-keyring-daemon --unlock --components=secrets >/dev/null
fi
"$@"
