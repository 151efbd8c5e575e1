#!/usr/bin/env bash
# Fuzzes the import parsers and the reply input with libFuzzer (cargo-fuzz) for SECONDS each (default 60), starting
# from the seeds in fuzz/seeds/. A crash fails the run and leaves its input in fuzz/artifacts/.
# Usage: scripts/fuzz.sh [SECONDS]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
seconds="${1:-60}"
ensure_toolchains
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz"
  cargo install cargo-fuzz --locked --quiet
fi
# cargo-fuzz passes nightly-only flags (sanitizers); the stable toolchain accepts them with this.
export RUSTC_BOOTSTRAP=1
# Its own build directory: sanitizer flags would otherwise invalidate the main build's cache.
if [ -n "${CARGO_TARGET_DIR:-}" ]; then export CARGO_TARGET_DIR="$CARGO_TARGET_DIR/fuzz"; fi
cd fuzz
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
for target in export_json business_suite_csv replies_input; do
  say "fuzzing $target for ${seconds}s"
  mkdir -p "corpus/$target"
  if ! cargo fuzz run --release "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 >"$log" 2>&1; then
    tail -40 "$log"
    die "fuzzing $target failed: the crashing input is in fuzz/artifacts/$target/"
  fi
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|Done)" "$log" || tail -3 "$log"
done
say "fuzzing ran clean"
