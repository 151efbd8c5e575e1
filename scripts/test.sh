#!/usr/bin/env bash
# Runs every test: formatting and lints, UI component tests, Rust unit and integration tests,
# and the end-to-end tests of the real window under Xvfb over WebDriver.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
ensure_toolchains
ensure_ui_packages
ensure_tauri_driver

# Everything the test runners print is also kept, to add up the counts at the end.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

say "UI: type check and component tests"
(cd ui && npm run --silent typecheck && npm test --silent -- --reporter=default) 2>&1 | tee -a "$log"
build_ui

say "Rust: formatting and lints"
cargo fmt --all -- --check
cargo clippy --locked --workspace --all-targets -- -D warnings

say "Rust: unit and integration tests"
cargo test --locked --workspace 2>&1 | tee -a "$log"

# A test that depends on the day it runs passes the day it is written and fails later, stopping
# every later submission: run the same suites again with the clock moved ahead (libfaketime, as the
# test runner for Rust, so cargo's own timestamps are untouched; the binaries the tests start
# inherit it). Well past a year, so a different weekday, month and year.
say "The same tests with the clock ${CLOCK_AHEAD} ahead (UI component tests, Rust tests that need no window)"
if [ "$(uname -s)" = Linux ]; then
  command -v faketime >/dev/null || die "faketime is missing (apt install faketime)"
  (cd ui && faketime -f "$CLOCK_AHEAD" npm test --silent -- --reporter=dot) 2>&1 | tee -a "$log"
  host="$(rustc -vV | sed -n 's/^host: //p' | tr 'a-z.-' 'A-Z__')"
  env "CARGO_TARGET_${host}_RUNNER=$ROOT/scripts/faketime-runner.sh $CLOCK_AHEAD" \
    cargo test --locked --workspace --no-fail-fast 2>&1 | tee -a "$log"
else
  say "skipped: libfaketime moves the clock reliably on Linux only"
fi

say "OS keychain: the real Secret Service, and none at all"
scripts/desktop-session.sh cargo test --locked -p instagrowth-ai --test keychain -- --ignored a_secret_round_trips 2>&1 | tee -a "$log"
scripts/desktop-session.sh cargo test --locked -p instagrowth-api --test ai_keychain -- --ignored the_key_lives 2>&1 | tee -a "$log"
scripts/desktop-session.sh cargo test --locked -p instagrowth-cli --test ai_cli -- --ignored set_key_reads_stdin 2>&1 | tee -a "$log"
env -u DBUS_SESSION_BUS_ADDRESS cargo test --locked -p instagrowth-ai --test keychain -- --ignored without_a_keychain 2>&1 | tee -a "$log"
env -u DBUS_SESSION_BUS_ADDRESS cargo test --locked -p instagrowth-api --test ai_keychain -- --ignored without_a_keychain 2>&1 | tee -a "$log"
# The licence's purchase key: the real keychain against the real licence server (in-process for
# the API, the built binary for the CLI — built by the workspace tests above), and no keychain.
scripts/desktop-session.sh cargo test --locked -p instagrowth-api --test license_keychain -- --ignored the_purchase_key 2>&1 | tee -a "$log"
scripts/desktop-session.sh cargo test --locked -p instagrowth-cli --test license_cli -- --ignored 2>&1 | tee -a "$log"
env -u DBUS_SESSION_BUS_ADDRESS cargo test --locked -p instagrowth-api --test license_keychain -- --ignored without_a_keychain 2>&1 | tee -a "$log"

say "Licence server on PostgreSQL (the SQLite runs are in the workspace tests above)"
scripts/with-postgres.sh cargo test --locked -p instagrowth-license-server -- --ignored 2>&1 | tee -a "$log"

say "End to end: the real window under Xvfb"
# The updater's round trip needs version N+1 of the app: the same sources built as 0.1.1
# (TAURI_CONFIG merges into tauri.conf.json), kept aside; then the app is built as itself (N).
TAURI_CONFIG='{"version":"9.9.9-e2e"}' cargo build --locked -p instagrowth-os
mkdir -p "${CARGO_TARGET_DIR:-target}/updater"
cp "${CARGO_TARGET_DIR:-target}/debug/instagrowth-os" "${CARGO_TARGET_DIR:-target}/updater/instagrowth-os-next"
cargo build --locked -p instagrowth-os -p instagrowth-cli -p instagrowth-license-server
scripts/desktop-session.sh cargo test --locked -p instagrowth-e2e --tests -- --ignored --test-threads=1 2>&1 | tee -a "$log"

say "screenshots of the window are in target/e2e/"

say "Fuzzing the import parsers and the reply input (fixed seed: the same code, the same verdict)"
scripts/fuzz.sh --ci

# One closing line over all runners: cargo's "test result: … N passed; M failed" and Vitest's
# "Tests  N passed".
sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
  /^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
  /^ +Tests +[0-9]+ passed/ { p += $2 }
  /^ +Tests +[0-9]+ failed/ { f += $2 }
  END { printf "tests: %d passed, %d failed\n", p, f }'
