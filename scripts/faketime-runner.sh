#!/usr/bin/env bash
# Cargo's test runner for the tests' second run (scripts/test.sh): `faketime-runner.sh OFFSET
# PROGRAM ARGS…` runs the test binary with the clock moved OFFSET (libfaketime, e.g. +400d), and
# every program it starts inherits the moved clock. The CLI tests start their binaries through the
# same runner (assert_cmd honours cargo's runner): a call already inside the moved clock runs the
# program as it is rather than moving it twice; one whose environment a test cleared gets the
# offset again from its own arguments.
set -euo pipefail
offset="${1:?usage: faketime-runner.sh OFFSET PROGRAM [ARGS...]}"
shift
if [ -n "${FAKETIME:-}" ]; then
  exec "$@"
fi
exec faketime -f "$offset" "$@"
