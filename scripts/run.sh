#!/usr/bin/env bash
# Builds and launches InstaGrowth OS. Arguments go to the app (e.g. --data-dir DIR).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_packages "${BUILD_PACKAGES[@]}"
ensure_toolchains
ensure_ui_packages
build_ui
say "building the app and the instagrowth CLI"
cargo build --locked -p instagrowth-os -p instagrowth-cli
say "launching (the CLI is at target/debug/instagrowth)"
exec "${CARGO_TARGET_DIR:-target}/debug/instagrowth-os" "$@"
