#!/usr/bin/env bash
# Runs every test: formatting and lints, UI component tests, Rust unit and integration tests,
# and the end-to-end tests of the real window under Xvfb over WebDriver.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
ensure_toolchains
ensure_ui_packages
ensure_tauri_driver

say "UI: type check and component tests"
(cd ui && npm run --silent typecheck && npm test --silent)
build_ui

say "Rust: formatting and lints"
cargo fmt --all -- --check
cargo clippy --locked --workspace --all-targets -- -D warnings

say "Rust: unit and integration tests"
cargo test --locked --workspace

say "End to end: the real window under Xvfb"
cargo build --locked -p instagrowth-os -p instagrowth-cli
scripts/desktop-session.sh cargo test --locked -p instagrowth-e2e -- --ignored --test-threads=1
say "all tests passed; screenshots in target/e2e/"
