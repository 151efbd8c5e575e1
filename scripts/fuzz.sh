#!/usr/bin/env bash
# Fuzzes the import parsers and the reply assistant's input with libFuzzer (cargo-fuzz), starting
# from the seeds in fuzz/seeds/. A crash fails the run and leaves its input in fuzz/artifacts/;
# add it to fuzz/seeds/<target>/ (and a unit test) once it is fixed, so it is checked forever.
#
# Usage: scripts/fuzz.sh [SECONDS]   explore: a random seed, SECONDS per target (default 60),
#                                     the corpus kept in fuzz/corpus/ between runs
#        scripts/fuzz.sh --ci        the CI gate: a fixed seed and a fixed number of runs from the
#                                     seeds alone, so the same code always gives the same verdict
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
mode=explore
seconds="${1:-60}"
if [ "${1:-}" = "--ci" ]; then mode=ci; fi
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
# Runs per target in --ci mode: 20–40 s each on 2 cores (a run of the reply input triages and
# drafts every message it read, so it takes more time per run).
ci_runs() {
  case "$1" in
    export_json) echo 400000 ;;
    business_suite_csv) echo 250000 ;;
    replies_input) echo 40000 ;;
  esac
}
for target in export_json business_suite_csv replies_input; do
  if [ "$mode" = ci ]; then
    corpus="$(mktemp -d)"
    limits=(-seed=1 -runs="$(ci_runs "$target")")
    say "fuzzing $target: ${limits[*]}"
  else
    corpus="corpus/$target"
    mkdir -p "$corpus"
    limits=(-max_total_time="$seconds")
    say "fuzzing $target for ${seconds}s"
  fi
  if ! cargo fuzz run --release "$target" "$corpus" "seeds/$target" -- \
    "${limits[@]}" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 >"$log" 2>&1; then
    tail -40 "$log"
    die "fuzzing $target failed: the crashing input is in fuzz/artifacts/$target/"
  fi
  if [ "$mode" = ci ]; then rm -rf "$corpus"; fi
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|Done)" "$log" || tail -3 "$log"
done
say "fuzzing ran clean"
