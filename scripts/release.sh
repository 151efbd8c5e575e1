#!/usr/bin/env bash
# Builds InstaGrowth OS's installers for this OS, signs the updater artifacts and publishes them to
# an update channel. See `scripts/release.sh --help` and docs/releasing.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/release-lib.sh
source scripts/release-lib.sh

usage() {
  cat <<'EOF'
Usage: scripts/release.sh --channel stable|beta --base-url URL (--static | --register) [options]

Builds the installers for the current OS with the Tauri CLI, signs the updater artifacts,
collects everything into dist/release/<version>/, then publishes the release to an update
channel in one of two ways:

  --static        write (or merge into) dist/release/<channel>/latest.json, the updater's static
                  manifest. Runs on several OSes merge their platforms into the same file when the
                  version is the same; an older manifest is replaced; a newer one is refused. A
                  stable release also updates dist/release/beta/latest.json unless beta is ahead.
  --register      add every updater artifact to the licence server's update feed by running
                  `instagrowth-license-server releases add --bundle <package type>` (needs
                  LICENSE_DB_URL), so each installation is offered its own kind of package.
                  Re-running is safe: an identical entry is skipped.

Required:
  --channel stable|beta   the update channel (stable may not carry a pre-release version)
  --base-url URL          where you will upload the files of dist/release/<version>/; each file's
                          download URL is URL/<file name>, e.g.
                          https://github.com/OWNER/REPO/releases/download/v1.2.3

Options:
  --version X.Y.Z         must equal the version in tauri.conf.json and Cargo.toml (the default)
  --bundles LIST          Tauri bundle formats, comma-separated. Default: deb,rpm,appimage (Linux),
                          app,dmg (macOS), msi,nsis (Windows). `app` is always added on macOS.
  --target TRIPLE         build for another target, e.g. x86_64-apple-darwin on Apple silicon
  --config JSON|FILE      more Tauri config merged over tauri.conf.json (repeatable), e.g.
                          Windows Authenticode settings
  --notes TEXT            release notes (default: "InstaGrowth OS <version>")
  --notes-file FILE       release notes from a file
  --pub-date RFC3339      publication time (default: now)
  --ignore-version-mismatches
                          passed to `tauri build`: build although a Tauri crate and its npm
                          package differ in major.minor (only when you know they are compatible)
  --no-build              do not build: publish the files already in dist/release/<version>/
                          (e.g. every OS's bundles, downloaded from CI)
  --out DIR               output folder instead of dist/release
  -h, --help              this help

Environment:
  TAURI_SIGNING_PRIVATE_KEY           the updater private key (its contents or a path); required
                                      unless --no-build
  TAURI_SIGNING_PRIVATE_KEY_PASSWORD  its password (unset or empty when it has none)
  TAURI_UPDATER_PUBKEY                the matching public key (contents of the .pub file); the
                                      default is plugins.updater.pubkey in tauri.conf.json. Every
                                      signature is checked against it before anything is published.
  LICENSE_DB_URL                      --register: the licence server's database
  LICENSE_SERVER_BIN                  --register: the server binary (default:
                                      instagrowth-license-server on PATH)
  CARGO_TARGET_DIR                    where cargo builds (default: ./target)
  APPLE_CERTIFICATE, APPLE_CERTIFICATE_PASSWORD, APPLE_SIGNING_IDENTITY,
  APPLE_ID, APPLE_PASSWORD, APPLE_TEAM_ID
                                      macOS signing and notarisation, read by the Tauri CLI;
                                      empty ones are ignored

Examples:
  scripts/release.sh --channel stable --static \
      --base-url https://downloads.example.com/instagrowth/1.2.3
  scripts/release.sh --channel beta --register --bundles deb,rpm \
      --base-url https://github.com/OWNER/REPO/releases/download/v1.3.0-beta.1
EOF
}

CHANNEL="" BASE_URL="" MODE="" VERSION="" BUNDLES="" TARGET="" NOTES="" NOTES_GIVEN=0 PUB_DATE=""
BUILD=1 OUT_ROOT="dist/release"
EXTRA_CONFIG=() TAURI_FLAGS=()

parse_args() {
  while (($#)); do
    case "$1" in
      -h | --help) usage; exit 0 ;;
      --static) MODE=static ;;
      --register) MODE=register ;;
      --no-build) BUILD=0 ;;
      --ignore-version-mismatches) TAURI_FLAGS+=(--ignore-version-mismatches) ;;
      --channel | --base-url | --version | --bundles | --target | --config | --notes | --notes-file | --pub-date | --out)
        (($# >= 2)) || die "$1 needs a value (see --help)"
        case "$1" in
          --channel) CHANNEL=$2 ;;
          --base-url) BASE_URL=${2%/} ;;
          --version) VERSION=${2#v} ;;
          --bundles) BUNDLES=$2 ;;
          --target) TARGET=$2 ;;
          --config) EXTRA_CONFIG+=(--config "$2") ;;
          --notes) NOTES=$2 NOTES_GIVEN=1 ;;
          --notes-file) [[ -f $2 ]] || die "notes file $2 not found"; NOTES=$(<"$2") NOTES_GIVEN=1 ;;
          --pub-date) PUB_DATE=$2 ;;
          --out) OUT_ROOT=${2%/} ;;
        esac
        shift
        ;;
      *) die "unknown argument $1 (see --help)" ;;
    esac
    shift
  done
}

check_inputs() {
  command -v node >/dev/null || die "Node.js is missing (the build and this script need it)"
  [[ -n $MODE ]] || die "choose --static (write latest.json) or --register (licence server); see --help"
  [[ $CHANNEL == stable || $CHANNEL == beta ]] || die "--channel must be stable or beta, not \"$CHANNEL\""
  [[ $BASE_URL =~ ^https?://[^/]+ ]] || die "--base-url must be the http(s) URL the files will be downloaded from, not \"$BASE_URL\""

  local app
  app=$(app_version)
  [[ -n $VERSION ]] || VERSION=$app
  [[ $VERSION == "$app" ]] || die "--version $VERSION does not match the app's version $app (tauri.conf.json and Cargo.toml): bump them first"
  is_semver "$VERSION" || die "the app's version \"$VERSION\" is not semver (x.y.z)"
  if [[ $CHANNEL == stable && $VERSION == *-* ]]; then
    die "$VERSION is a pre-release version: publish it on --channel beta, or drop the suffix for stable"
  fi
  if [[ -n $PUB_DATE && ! $PUB_DATE =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})$ ]]; then
    die "--pub-date must be RFC 3339, e.g. 2026-11-26T12:00:00Z, not \"$PUB_DATE\""
  fi
  [[ $NOTES_GIVEN == 1 ]] || NOTES="InstaGrowth OS $VERSION"

  PUBKEY=$(updater_pubkey)
  [[ -n $PUBKEY ]] || die "TAURI_UPDATER_PUBKEY is not set (the contents of the updater key's .pub file)"

  OS=$(host_os)
  ARCH=$(norm_arch "${TARGET:-$(uname -m)}")
  RELEASE_DIR="$OUT_ROOT/$VERSION"
  if ((BUILD)); then
    [[ -n ${TAURI_SIGNING_PRIVATE_KEY:-} ]] || die "TAURI_SIGNING_PRIVATE_KEY is not set (the updater private key, its contents or a path)"
    TAURI_CLI="ui/node_modules/.bin/tauri"
    [[ -x $TAURI_CLI ]] || die "the Tauri CLI is missing: run \`npm --prefix ui ci\` first"
    [[ -n $BUNDLES ]] || BUNDLES=$(default_bundles "$OS")
    if [[ $OS == darwin && ,$BUNDLES, != *,app,* ]]; then BUNDLES="app,$BUNDLES"; fi
    drop_empty_signing_env
  else
    [[ -d $RELEASE_DIR ]] || die "--no-build: $RELEASE_DIR does not exist (put the bundles and .sig files there)"
  fi
}

build() {
  local scratch="$OUT_ROOT/.work" bundle_dir
  say "checking the updater signing key against TAURI_UPDATER_PUBKEY"
  preflight_signing_key "$TAURI_CLI" "$PUBKEY" "$scratch"
  write_release_config "$PUBKEY" "$scratch/release.conf.json"

  bundle_dir="$(cargo_target_dir)${TARGET:+/$TARGET}/release/bundle"
  rm -rf "$bundle_dir" # no stale bundles from an earlier build get collected
  say "building the UI"
  npm --prefix ui run build || die "the UI build failed (see above)"
  say "building InstaGrowth OS $VERSION for $OS-$ARCH ($BUNDLES)"
  local args=(build --ci --bundles "$BUNDLES" --config "$scratch/release.conf.json")
  if [[ -n $TARGET ]]; then args+=(--target "$TARGET"); fi
  args+=("${EXTRA_CONFIG[@]+"${EXTRA_CONFIG[@]}"}" "${TAURI_FLAGS[@]+"${TAURI_FLAGS[@]}"}")
  "$TAURI_CLI" "${args[@]}" || die "the Tauri build failed (see above)"

  say "collecting the bundles into $RELEASE_DIR"
  collect_bundles "$bundle_dir" "$RELEASE_DIR" "$VERSION" "$ARCH"
}

publish() {
  local list="$OUT_ROOT/.work/artifacts.txt"
  mkdir -p "$OUT_ROOT/.work"
  say "checking every updater signature against TAURI_UPDATER_PUBKEY"
  updater_artifacts "$RELEASE_DIR" "$PUBKEY" >"$list"
  [[ -s $list ]] || die "no signed updater artifacts in $RELEASE_DIR"
  sed 's/^/    /' "$list" >&2

  if [[ $MODE == register ]]; then
    register_releases "$list"
  else
    write_latest_json "$list" "$OUT_ROOT/$CHANNEL/latest.json"
    say "wrote $OUT_ROOT/$CHANNEL/latest.json"
    if [[ $CHANNEL == stable ]]; then
      # Beta users get stable releases too (as from the licence server), unless beta is ahead.
      if (write_latest_json "$list" "$OUT_ROOT/beta/latest.json") 2>/dev/null; then
        say "wrote $OUT_ROOT/beta/latest.json (beta follows stable)"
      else
        say "kept $OUT_ROOT/beta/latest.json: it announces a newer beta"
      fi
    fi
  fi
  say "done: upload every file of $RELEASE_DIR to $BASE_URL/"
}

main() {
  parse_args "$@"
  check_inputs
  if ((BUILD)); then build; fi
  publish
}

main "$@"
