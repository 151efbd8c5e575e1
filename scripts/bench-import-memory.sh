#!/usr/bin/env bash
# Peak memory of `instagrowth import` on hostile and on very large exports, measured with
# /usr/bin/time -v ("Maximum resident set size"), each import into a fresh workspace:
#   zeros     a 0.3 MB zip whose posts_1.json unpacks to 254 MiB of [0,0,0,…] (refused, naming the file)
#   objects   a zip whose posts_1.json is 250 MiB of [{"":0},…] (refused)
#   followers a zip holding 1,000,000 followers (imported)
# Usage: scripts/bench-import-memory.sh [--release]   (default: the debug build the tests use)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
profile=debug
cargo_flags=(--locked -p instagrowth-cli)
if [ "${1:-}" = "--release" ]; then
  profile=release
  cargo_flags+=(--release)
fi
ensure_packages time
ensure_toolchains
say "building the CLI ($profile)"
cargo build "${cargo_flags[@]}"
bin="${CARGO_TARGET_DIR:-$ROOT/target}/$profile/instagrowth"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

say "writing the exports"
python3 - "$dir" <<'PY'
import json, sys, zipfile
d = sys.argv[1]
posts = "your_instagram_activity/content/posts_1.json"
def stream(path, name, head, piece, count, tail):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open(name, "w", force_zip64=True) as f:
            f.write(head)
            for _ in range(count):
                f.write(piece)
            f.write(tail)
mib = 1024 * 1024
stream(f"{d}/zeros.zip", posts, b"[0", b",0" * (mib // 2), 254, b"]")
stream(f"{d}/objects.zip", posts, b'[{"":0}', b',{"":0}' * (mib // 7), 250, b"]")
with zipfile.ZipFile(f"{d}/followers.zip", "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("connections/followers_and_following/followers_1.json", "w", force_zip64=True) as f:
        f.write(b"[")
        for i in range(1_000_000):
            item = {"title": "", "media_list_data": [], "string_list_data": [
                {"href": f"https://www.instagram.com/follower_{i}", "value": f"follower_{i}", "timestamp": 1767225600 + i}]}
            f.write((b"," if i else b"") + json.dumps(item).encode())
        f.write(b"]")
    z.writestr("personal_information/personal_information/personal_information.json",
               json.dumps({"profile_user": [{"string_map_data": {"Username": {"value": "bench.client"}}}]}))
PY

printf '%-10s %10s %12s %8s  %s\n' export "zip (KB)" "peak RSS (MB)" "time (s)" outcome
for name in zeros objects followers; do
  ws="$dir/ws-$name"
  "$bin" --data-dir "$ws" clients add --name "Bench Client" --handle bench.client >/dev/null
  set +e
  /usr/bin/time -v "$bin" --data-dir "$ws" import --client @bench.client "$dir/$name.zip" \
    >"$dir/$name.out" 2>"$dir/$name.err"
  code=$?
  set -e
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/$name.err")
  secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/$name.err")
  outcome=$(grep -m1 '^error:' "$dir/$name.err" || echo "exit $code: imported")
  printf '%-10s %10s %12s %8s  %s\n' "$name" "$(( $(stat -c %s "$dir/$name.zip") / 1024 ))" \
    "$(( rss_kb / 1024 ))" "$secs" "${outcome:0:110}"
done
