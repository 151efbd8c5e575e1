# Functions for scripts/release.sh: inputs, the Tauri build, collecting bundles, checking updater
# signatures, and publishing to the licence server or to a static latest.json.
# JSON work runs on Node (the build needs it anyway), so nothing else has to be installed; Node is
# given paths relative to the repository root, which also works from Git Bash on Windows.
# The publishing functions read the globals release.sh sets: CHANNEL, VERSION, BASE_URL, NOTES,
# NOTES_GIVEN, PUB_DATE.
# shellcheck shell=bash
# shellcheck disable=SC2016 # the Node programs are single-quoted on purpose
# shellcheck disable=SC2153 # VERSION and friends are release.sh's globals

die() { printf 'release: error: %s\n' "$*" >&2; exit 1; }
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
warn() { printf 'release: warning: %s\n' "$*" >&2; }

# ── inputs ───────────────────────────────────────────────────────────────────────────────────

# The version in tauri.conf.json (or, when it has none, the root Cargo.toml's [package] version).
app_version() {
  local conf cargo
  conf=$(node -e 'const c=JSON.parse(require("fs").readFileSync("tauri.conf.json","utf8"));process.stdout.write(c.version||"")')
  cargo=$(awk '/^\[/{p=($0=="[package]")} p && /^version *=/{gsub(/.*= *"|".*/,"");print;exit}' Cargo.toml)
  [[ -n $cargo ]] || die "no [package] version in Cargo.toml"
  if [[ -n $conf && $conf != "$cargo" ]]; then
    die "tauri.conf.json says version $conf but Cargo.toml says $cargo: make them equal"
  fi
  printf '%s\n' "${conf:-$cargo}"
}

is_semver() { [[ $1 =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$ ]]; }

# The updater's public key: TAURI_UPDATER_PUBKEY, else plugins.updater.pubkey in tauri.conf.json.
updater_pubkey() {
  if [[ -n ${TAURI_UPDATER_PUBKEY:-} ]]; then
    printf '%s\n' "$TAURI_UPDATER_PUBKEY"
    return
  fi
  node -e 'const c=JSON.parse(require("fs").readFileSync("tauri.conf.json","utf8"));process.stdout.write(((c.plugins||{}).updater||{}).pubkey||"")'
}

# linux | darwin | windows: the updater's names for the host OS.
host_os() {
  case "$(uname -s)" in
    Linux) echo linux ;;
    Darwin) echo darwin ;;
    MINGW* | MSYS* | CYGWIN*) echo windows ;;
    *) die "unsupported OS $(uname -s): build on Linux, macOS or Windows (Git Bash)" ;;
  esac
}

# x86_64 | aarch64: the updater's name for an architecture (from a target triple or uname -m).
norm_arch() {
  case "$1" in
    x86_64* | amd64 | x64) echo x86_64 ;;
    aarch64* | arm64) echo aarch64 ;;
    *) die "unsupported architecture $1: the licence server knows x86_64 and aarch64" ;;
  esac
}

default_bundles() {
  case "$1" in
    linux) echo deb,rpm,appimage ;;
    darwin) echo app,dmg ;;
    windows) echo msi,nsis ;;
  esac
}

# Empty secrets arrive as empty variables in CI: unset them so Tauri does not try to use them.
drop_empty_signing_env() {
  local v
  for v in APPLE_CERTIFICATE APPLE_CERTIFICATE_PASSWORD APPLE_SIGNING_IDENTITY APPLE_ID \
    APPLE_PASSWORD APPLE_TEAM_ID APPLE_API_ISSUER APPLE_API_KEY APPLE_API_KEY_PATH; do
    [[ -n ${!v:-} ]] || unset "$v"
  done
  if [[ -n ${APPLE_ID:-} && -z ${APPLE_CERTIFICATE:-} && -z ${APPLE_SIGNING_IDENTITY:-} ]]; then
    warn "APPLE_ID is set but there is no signing certificate: not notarising (Apple notarises signed apps only)"
    unset APPLE_ID APPLE_PASSWORD APPLE_TEAM_ID
  fi
}

# ── updater signatures ───────────────────────────────────────────────────────────────────────

# verify_signature FILE SIGFILE PUBKEY: checks a Tauri updater signature (base64 of a minisign
# signature file) against the public key (base64 of a minisign public key file), both the file's
# signature and the trusted comment's. Prints the trusted comment; fails with the reason.
verify_signature() {
  SIG_FILE="$1" SIG_SIGFILE="$2" SIG_PUBKEY="$3" node -e '
const fs = require("fs"), crypto = require("crypto");
const fail = (m) => { process.stderr.write(m + "\n"); process.exit(1); };
const lines = (b64, what) => {
  const text = Buffer.from(b64.trim(), "base64").toString("utf8");
  const l = text.split(/\r?\n/);
  if (!l[0].startsWith("untrusted comment:")) fail(`${what} is not a minisign ${what} in base64`);
  return l;
};
const pk = Buffer.from(lines(process.env.SIG_PUBKEY, "public key")[1], "base64");
if (pk.length !== 42 || pk.toString("latin1", 0, 2) !== "Ed") fail("the public key is not an Ed25519 minisign key");
const sl = lines(fs.readFileSync(process.env.SIG_SIGFILE, "utf8"), "signature");
const sig = Buffer.from(sl[1], "base64");
if (sig.length !== 74) fail("the signature is malformed");
const alg = sig.toString("latin1", 0, 2);
if (!sig.subarray(2, 10).equals(pk.subarray(2, 10)))
  fail(`signed with key ${sig.subarray(2, 10).reverse().toString("hex").toUpperCase()} but the public key is ${Buffer.from(pk.subarray(2, 10)).reverse().toString("hex").toUpperCase()}`);
const key = crypto.createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: pk.subarray(10).toString("base64url") }, format: "jwk" });
const data = fs.readFileSync(process.env.SIG_FILE);
const msg = alg === "ED" ? crypto.createHash("blake2b512").update(data).digest() : data;
if (!crypto.verify(null, msg, key, sig.subarray(10))) fail("the signature does not match the file");
const trusted = (sl[2] || "").replace(/^trusted comment: /, "");
const global = Buffer.from(sl[3] || "", "base64");
if (!crypto.verify(null, Buffer.concat([sig.subarray(10), Buffer.from(trusted, "utf8")]), key, global))
  fail("the trusted comment is not signed by this key");
process.stdout.write(trusted + "\n");
'
}

# Signs a scratch file with TAURI_SIGNING_PRIVATE_KEY(+_PASSWORD) and checks it against the public
# key, so a wrong password or a key that does not match TAURI_UPDATER_PUBKEY fails in seconds, not
# after the build (the CLI only warns about a mismatch, and users' apps would refuse the update).
preflight_signing_key() {
  local tauri="$1" pubkey="$2" scratch="$3/preflight.bin" out
  mkdir -p "$3"
  printf 'InstaGrowth OS release key check\n' >"$scratch"
  rm -f "$scratch.sig"
  if [[ -f $TAURI_SIGNING_PRIVATE_KEY ]]; then
    out=$(env -u TAURI_SIGNING_PRIVATE_KEY "$tauri" signer sign -f "$TAURI_SIGNING_PRIVATE_KEY" \
      -p "${TAURI_SIGNING_PRIVATE_KEY_PASSWORD:-}" "$scratch" 2>&1) || die "TAURI_SIGNING_PRIVATE_KEY cannot sign (wrong TAURI_SIGNING_PRIVATE_KEY_PASSWORD?): $(tail -n1 <<<"$out")"
  else
    out=$("$tauri" signer sign -p "${TAURI_SIGNING_PRIVATE_KEY_PASSWORD:-}" "$scratch" 2>&1) ||
      die "TAURI_SIGNING_PRIVATE_KEY cannot sign (wrong TAURI_SIGNING_PRIVATE_KEY_PASSWORD?): $(tail -n1 <<<"$out")"
  fi
  out=$(verify_signature "$scratch" "$scratch.sig" "$pubkey" 2>&1) ||
    die "TAURI_SIGNING_PRIVATE_KEY does not match TAURI_UPDATER_PUBKEY: $out"
  rm -f "$scratch" "$scratch.sig"
}

# ── building and collecting ──────────────────────────────────────────────────────────────────

# The Tauri config merged over tauri.conf.json for a release (a JSON merge patch): signed updater
# artifacts and the updater's public key, so tauri.conf.json never has to be edited by hand; and no
# beforeBuildCommand, because release.sh builds the UI itself: the CLI runs hooks in the folder of
# the first package.json it finds (ui/), where "npm --prefix ui run build" does not resolve.
write_release_config() {
  PUBKEY="$1" node -e '
process.stdout.write(JSON.stringify({
  build: { beforeBuildCommand: null },
  bundle: { createUpdaterArtifacts: true },
  plugins: { updater: { pubkey: process.env.PUBKEY } },
}, null, 2) + "\n");' >"$2"
}

# Where cargo puts the build (CARGO_TARGET_DIR or ./target), as a path bash can use.
cargo_target_dir() {
  local dir="${CARGO_TARGET_DIR:-target}"
  if command -v cygpath >/dev/null; then dir=$(cygpath -u "$dir"); fi
  printf '%s\n' "$dir"
}

# Copies every bundle (and its .sig) from Tauri's bundle folder into DEST, spaces in names becoming
# dots (the names GitHub gives release assets). The macOS updater archive gets the version and arch
# in its name, since Tauri names it after the app only.
collect_bundles() {
  local bundle_dir="$1" dest="$2" version="$3" arch="$4" f name n=0
  mkdir -p "$dest"
  shopt -s nullglob
  for f in "$bundle_dir"/deb/*.deb "$bundle_dir"/rpm/*.rpm "$bundle_dir"/appimage/*.AppImage \
    "$bundle_dir"/msi/*.msi "$bundle_dir"/nsis/*.exe "$bundle_dir"/dmg/*.dmg \
    "$bundle_dir"/macos/*.app.tar.gz; do
    name=$(basename "$f")
    name=${name// /.}
    [[ $f == *.app.tar.gz ]] && name="${name%.app.tar.gz}_${version}_${arch}.app.tar.gz"
    cp -f "$f" "$dest/$name"
    if [[ -f $f.sig ]]; then
      cp -f "$f.sig" "$dest/$name.sig"
    fi
    printf '    %s\n' "$dest/$name" >&2
    n=$((n + 1))
  done
  shopt -u nullglob
  ((n > 0)) || die "the build made no bundles in $bundle_dir"
}

# classify FILE → "os arch installer" for an updater artifact, from the names Tauri gives them
# (the architecture as Tauri writes it: amd64/x86_64/x64, arm64/aarch64); nothing for a file the
# updater cannot install (e.g. a .dmg); an error for an architecture the feed does not know.
classify() {
  local name os installer arch
  name=$(basename "$1")
  case "$name" in
    *.AppImage) os=linux installer=appimage ;;
    *.deb) os=linux installer=deb ;;
    *.rpm) os=linux installer=rpm ;;
    *.msi) os=windows installer=msi ;;
    *-setup.exe) os=windows installer=nsis ;;
    *.app.tar.gz) os=darwin installer=app ;;
    *) return 0 ;;
  esac
  case "$name" in
    *[_.-]x86_64[_.-]* | *_amd64[_.-]* | *_x64[_.-]*) arch=x86_64 ;;
    *[_.-]aarch64[_.-]* | *_arm64[_.-]*) arch=aarch64 ;;
    *) die "$name: cannot tell its architecture (x86_64 or aarch64) from the name" ;;
  esac
  printf '%s %s %s\n' "$os" "$arch" "$installer"
}

# The updater artifacts in DIR, one line each: "os arch installer file". Each must have its .sig,
# and it must verify against PUBKEY: an entry without a valid signature is never published.
updater_artifacts() {
  local dir="$1" pubkey="$2" f c out
  shopt -s nullglob
  for f in "$dir"/*; do
    [[ $f == *.sig ]] && continue
    c=$(classify "$f")
    [[ -n $c ]] || continue
    [[ -f $f.sig ]] || die "$f has no .sig: was TAURI_SIGNING_PRIVATE_KEY set and bundle.createUpdaterArtifacts on?"
    out=$(verify_signature "$f" "$f.sig" "$pubkey" 2>&1) || die "$f.sig: $out"
    # `tauri build` binds the version into the signed comment (requireSignedVersion checks it).
    if [[ $out == *version:* && $out != *"version:$VERSION"* ]]; then
      die "$f is signed for another version ($out), not $VERSION"
    fi
    printf '%s %s\n' "$c" "$f"
  done
  shopt -u nullglob
}

# ── publishing ───────────────────────────────────────────────────────────────────────────────

# register_releases ARTIFACTS_FILE: `instagrowth-license-server releases add` for every updater
# artifact, with its package type (`--bundle deb|rpm|appimage|msi|nsis|app`): the app asks the feed
# with its own `{{bundle_type}}`, so a .deb installation is offered the .deb and an AppImage the
# AppImage. Every entry is checked first, so a conflict registers nothing. Re-running is safe: an
# identical entry is skipped; a different one for the same channel, version, platform and package
# type is an error.
register_releases() {
  local list="$1" bin="${LICENSE_SERVER_BIN:-instagrowth-license-server}"
  command -v "$bin" >/dev/null || die "licence server binary \"$bin\" not found: set LICENSE_SERVER_BIN or put instagrowth-license-server on PATH"
  [[ -n ${LICENSE_DB_URL:-} ]] || die "--register needs LICENSE_DB_URL (the licence server's database)"
  local existing os arch bundle file url state plan=""
  local -a args
  existing=$("$bin" releases list --json </dev/null) || die "could not read the licence server's releases (LICENSE_DB_URL=$LICENSE_DB_URL)"
  while read -r os arch bundle file; do
    url="$BASE_URL/$(basename "$file")"
    state=$(EXISTING="$existing" CH="$CHANNEL" V="$VERSION" T="$os" A="$arch" B="$bundle" U="$url" \
      S="$(tr -d '\r\n' <"$file.sig")" node -e '
const e = process.env, rows = JSON.parse(e.EXISTING);
const r = rows.find((r) => r.channel === e.CH && r.version === e.V && r.target === e.T && r.arch === e.A && (r.bundle || "") === e.B);
process.stdout.write(!r ? "new" : r.url === e.U && r.signature.trim() === e.S ? "same" : "different");')
    if [[ $state == different ]]; then
      die "$CHANNEL $VERSION for $os-$arch ($bundle) is already registered with another URL or signature: publish a new version instead"
    fi
    plan+="$state $os $arch $bundle $file $url"$'\n'
  done <"$list"

  while read -r state os arch bundle file url; do
    [[ -n $state ]] || continue
    if [[ $state == same ]]; then
      say "already registered: $CHANNEL $VERSION $os-$arch ($bundle) $url"
      continue
    fi
    say "registering $CHANNEL $VERSION $os-$arch ($bundle) → $url"
    args=(releases add --channel "$CHANNEL" --version "$VERSION" --target "$os" --arch "$arch"
      --bundle "$bundle" --url "$url" --signature "$file.sig" --notes "$NOTES")
    if [[ -n $PUB_DATE ]]; then args+=(--pub-date "$PUB_DATE"); fi
    "$bin" "${args[@]}" </dev/null || die "instagrowth-license-server releases add failed for $os-$arch ($bundle)"
  done <<<"$plan"
}

# write_latest_json ARTIFACTS_FILE CHANNEL_FILE: writes or merges a static updater manifest
# (formats.md §7). Each artifact is listed as "{os}-{arch}-{installer}" (what an installed app looks
# for first) and each platform also as "{os}-{arch}" (the fallback). Same version: platforms are
# merged (several OS runs); an older manifest is replaced; a newer one is refused.
write_latest_json() {
  local list="$1" out="$2" tmp
  mkdir -p "$(dirname "$out")"
  tmp="$out.tmp.$$"
  LIST="$list" OUT="$out" TMP="$tmp" BASE="$BASE_URL" V="$VERSION" NOTES="$NOTES" PUB="$PUB_DATE" \
    NOTES_GIVEN="$NOTES_GIVEN" node -e '
const fs = require("fs"), e = process.env;
const fail = (m) => { process.stderr.write(`release: error: ${m}\n`); process.exit(1); };
const parse = (v) => { const m = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?/.exec(v); if (!m) fail(`"${v}" is not a version`); return [+m[1], +m[2], +m[3], m[4] ? m[4].split(".") : []]; };
const cmp = (a, b) => {
  const x = parse(a), y = parse(b);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  if (!x[3].length || !y[3].length) return y[3].length - x[3].length;
  for (let i = 0; i < Math.min(x[3].length, y[3].length); i++) {
    const p = x[3][i], q = y[3][i], pn = /^\d+$/.test(p), qn = /^\d+$/.test(q);
    if (p === q) continue;
    if (pn && qn) return +p - +q;
    if (pn !== qn) return pn ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return x[3].length - y[3].length;
};
let doc = null;
if (fs.existsSync(e.OUT)) {
  doc = JSON.parse(fs.readFileSync(e.OUT, "utf8"));
  const c = cmp(doc.version, e.V);
  if (c > 0) fail(`${e.OUT} already announces ${doc.version}, newer than ${e.V}: not going back`);
  if (c < 0) doc = null;
}
if (!doc) doc = { version: e.V, notes: e.NOTES, pub_date: e.PUB || new Date().toISOString().replace(/\.\d+Z$/, "Z"), platforms: {} };
if (e.NOTES_GIVEN === "1") doc.notes = e.NOTES;
if (e.PUB) doc.pub_date = e.PUB;
// The "{os}-{arch}" fallback serves an install whose own key is missing. On Linux only an AppImage
// may fill it: a deb/rpm install refuses a wrong format, an AppImage install would overwrite itself.
const prefer = { linux: ["appimage"], windows: ["nsis", "msi"], darwin: ["app"] };
for (const line of fs.readFileSync(e.LIST, "utf8").split("\n").filter(Boolean)) {
  const [os, arch, installer, file] = line.split(" ");
  const name = file.split("/").pop();
  const signature = fs.readFileSync(file + ".sig", "utf8").trim();
  doc.platforms[`${os}-${arch}-${installer}`] = { signature, url: `${e.BASE}/${encodeURIComponent(name)}` };
}
for (const key of Object.keys(doc.platforms)) {
  const m = /^(linux|darwin|windows)-([a-z0-9_]+)-([a-z]+)$/.exec(key);
  if (!m) continue;
  const best = prefer[m[1]].find((i) => doc.platforms[`${m[1]}-${m[2]}-${i}`]);
  if (best) doc.platforms[`${m[1]}-${m[2]}`] = doc.platforms[`${m[1]}-${m[2]}-${best}`];
}
// Every entry must be valid, or the updater refuses the whole file.
for (const [key, p] of Object.entries(doc.platforms)) {
  let u; try { u = new URL(p.url); } catch { fail(`${key}: "${p.url}" is not a URL`); }
  if (!/^https?:$/.test(u.protocol)) fail(`${key}: "${p.url}" is not an http(s) URL`);
  if (!p.signature || !Buffer.from(p.signature, "base64").toString("utf8").startsWith("untrusted comment:")) fail(`${key}: no valid signature`);
}
doc.platforms = Object.fromEntries(Object.entries(doc.platforms).sort(([a], [b]) => a.localeCompare(b)));
fs.writeFileSync(e.TMP, JSON.stringify(doc, null, 2) + "\n");
' || { rm -f "$tmp"; exit 1; }
  mv -f "$tmp" "$out"
}
