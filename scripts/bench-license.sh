#!/usr/bin/env bash
# Licence validations per second against the licence server on loopback, SQLite storage, with wrk
# (an HTTP load generator from Debian's packages). The server and wrk share this machine's cores.
# Rate limits are raised for the run: they exist to slow down one abuser, not to cap throughput.
# Usage: scripts/bench-license.sh [SECONDS] [CONNECTIONS]   (default 20 s, 32 connections)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
seconds="${1:-20}"
connections="${2:-32}"
ensure_packages wrk curl
ensure_toolchains
say "building the licence server (release)"
cargo build --release --locked -p instagrowth-license-server
bin="${CARGO_TARGET_DIR:-$ROOT/target}/release/instagrowth-license-server"
dir="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
db="sqlite://$dir/license.db"
"$bin" keygen --out "$dir/signing.pem" >/dev/null
key="$("$bin" --db-url "$db" licenses issue --plan enterprise --email bench@example.com --json \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["key"])')"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
RUST_LOG=warn "$bin" --db-url "$db" serve --listen "127.0.0.1:$port" --signing-key "$dir/signing.pem" \
  --rate-per-ip 1000000000 --rate-per-key 1000000000 &
server=$!
for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
body="{\"key\": \"$key\", \"fingerprint\": \"bench-machine-0123456789abcdef\", \"machine_name\": \"bench\", \"platform\": \"linux\", \"app_version\": \"0.1.0\"}"
curl -fsS -H 'content-type: application/json' -d "$body" "http://127.0.0.1:$port/v1/licenses/activate" >/dev/null
cat >"$dir/validate.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"key": "$key", "fingerprint": "bench-machine-0123456789abcdef"}'
done = function(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end
LUA
say "POST /v1/licenses/validate for ${seconds}s, $connections connections, 2 threads"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$dir/validate.lua" "http://127.0.0.1:$port/v1/licenses/validate"
