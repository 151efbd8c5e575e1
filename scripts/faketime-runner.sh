#!/usr/bin/env bash
# Cargo's test runner for the tests' second run (scripts/test.sh): the test binary runs with the
# clock moved $CLOCK_AHEAD (libfaketime), and every program it starts inherits the moved clock.
# The CLI tests start the binary through the same runner (assert_cmd honours cargo's runner), so
# a call already inside the moved clock runs the program as it is rather than moving it twice.
set -euo pipefail
if [ -n "${FAKETIME:-}" ]; then
  exec "$@"
fi
exec faketime -f "${CLOCK_AHEAD:?set CLOCK_AHEAD, e.g. +400d}" "$@"
