# Shared by the scripts in this folder: system packages, Node, npm packages, tauri-driver.
# Each step does nothing when its work is already done.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# What building the app needs (Tauri 2 on WebKitGTK 4.1).
BUILD_PACKAGES=(libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev
  libssl-dev build-essential pkg-config curl file)
# What testing it needs: a virtual display, WebKit's WebDriver, a D-Bus session with a keyring,
# tools to look at PDFs and screenshots, an emoji font (reply drafts carry emoji), and for the
# licence server a PostgreSQL server and a real SMTP server (aiosmtpd) on loopback; libfaketime to
# run the tests again with the clock moved ahead.
TEST_PACKAGES=(xvfb xauth webkit2gtk-driver dbus-x11 gnome-keyring libsecret-tools
  poppler-utils imagemagick fonts-noto-color-emoji postgresql python3-aiosmtpd faketime)
# How far scripts/test.sh moves the clock for its second run of the tests (libfaketime syntax).
CLOCK_AHEAD="${CLOCK_AHEAD:-+400d}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the Debian/Ubuntu packages that are missing.
ensure_packages() {
  command -v dpkg-query >/dev/null || { say "not Debian/Ubuntu: install the packages in README.md yourself"; return 0; }
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_toolchains() {
  command -v cargo >/dev/null || die "Rust is missing: install it from rustup.rs (stable), then run this again"
  command -v node >/dev/null || die "Node.js 20.19 or newer is missing: install it (nodejs.org or nvm), then run this again"
  local major minor
  IFS=. read -r major minor _ <<<"$(node --version | tr -d v)"
  if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
    die "Node.js $(node --version) is too old: Vite needs 20.19 or newer"
  fi
}

# npm packages from the committed lock file; skipped when node_modules already matches it.
ensure_ui_packages() {
  local stamp=ui/node_modules/.lock-hash
  local want; want=$(sha256sum ui/package-lock.json | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing the UI's npm packages (npm ci)"
    (cd ui && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
}

build_ui() {
  say "building the UI"
  (cd ui && npm run --silent build)
}

TAURI_DRIVER_VERSION=2.1.0
ensure_tauri_driver() {
  if ! tauri-driver --help >/dev/null 2>&1 && ! "$HOME/.cargo/bin/tauri-driver" --help >/dev/null 2>&1; then
    say "installing tauri-driver $TAURI_DRIVER_VERSION"
    cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked --quiet
  fi
  export PATH="$HOME/.cargo/bin:$PATH"
}
