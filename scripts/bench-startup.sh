#!/usr/bin/env bash
# Startup and memory of the built app under Xvfb (see BENCHMARKS.md).
#   (a) milliseconds from process start to the UI's first command call (the app logs it), and
#   (b) summed RSS and PSS of the app and its WebKit processes after 3 s idle.
# Usage: scripts/bench-startup.sh [--debug] [RUNS]   (default: release build, 5 runs)
# Environment such as WEBKIT_DISABLE_COMPOSITING_MODE=1 passes through to the app.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
profile=release
if [ "${1:-}" = "--debug" ]; then profile=debug; shift; fi
if [ "${1:-}" = "--measure" ]; then measure=1; shift; fi
runs="${1:-5}"
app="${CARGO_TARGET_DIR:-target}/$profile/instagrowth-os"

# The app and every process below it.
tree() {
  local pid=$1
  echo "$pid"
  for c in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do tree "$c"; done
}

one_run() {
  local sandbox; sandbox=$(mktemp -d)
  local log="$sandbox/stderr.log"
  HOME="$sandbox" XDG_DATA_HOME="$sandbox/data" XDG_CONFIG_HOME="$sandbox/config" \
    XDG_CACHE_HOME="$sandbox/cache" RUST_LOG=info NO_COLOR=1 \
    "$app" --data-dir "$sandbox/ws" 2>"$log" &
  local pid=$!
  local ms=""
  for _ in $(seq 1 300); do
    ms=$(sed 's/\x1b\[[0-9;]*m//g' "$log" 2>/dev/null | grep -o 'first command call ms=[0-9.]*' | head -1 | cut -d= -f2 || true)
    [ -n "$ms" ] && break
    sleep 0.05
  done
  sleep 3
  local rss=0 pss=0 names=()
  for p in $(tree "$pid"); do
    [ -r /proc/"$p"/smaps_rollup ] || continue
    names+=("$(cat /proc/"$p"/comm)")
    rss=$((rss + $(awk '/^Rss:/ {print $2}' /proc/"$p"/smaps_rollup)))
    pss=$((pss + $(awk '/^Pss:/ {print $2}' /proc/"$p"/smaps_rollup)))
  done
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  rm -rf "$sandbox"
  [ -n "$ms" ] && ms=$(printf '%.0f' "$ms")
  printf '%s\t%s\t%s\t%s\n' "${ms:-none}" "$((rss / 1024))" "$((pss / 1024))" "${names[*]}"
}

if [ -n "${measure:-}" ]; then
  # Inside the desktop session: one line per run.
  for _ in $(seq 1 "$runs"); do one_run; done
  exit 0
fi

ensure_packages "${BUILD_PACKAGES[@]}" xvfb xauth dbus-x11
ensure_toolchains
ensure_ui_packages
build_ui
say "building the app ($profile)"
if [ "$profile" = release ]; then
  cargo build --locked --release --features custom-protocol --bin instagrowth-os
else
  cargo build --locked --bin instagrowth-os
fi

say "$runs runs of $app"
flag=""; [ "$profile" = debug ] && flag="--debug"
results=$(scripts/desktop-session.sh "$0" $flag --measure "$runs" 2>/dev/null | grep -P '^([0-9.]+|none)\t' || true)
printf 'run\tfirst_ipc_ms\trss_mb\tpss_mb\tprocesses\n'
i=0
while IFS= read -r line; do i=$((i + 1)); printf '%s\t%s\n' "$i" "$line"; done <<<"$results"
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
printf 'median\t%s\t%s\t%s\n' \
  "$(cut -f1 <<<"$results" | median)" "$(cut -f2 <<<"$results" | median)" "$(cut -f3 <<<"$results" | median)"
