#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine lacks to build, run and test Rapporteur,
# and nothing that is already there: system packages, the Rust components, the UI's
# npm packages (from the committed lockfile, the Tauri CLI among them), cargo-license for
# the About box's list of crates, tauri-driver for the end-to-end tests and the Python tools that read exported Word files back (in .venv).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Building the app: WebKitGTK and friends. Testing it: a virtual display, WebKit's
# WebDriver, ImageMagick for screenshots, Japanese fonts so the pages render, and D-Bus
# for the session bus the single-instance test starts. The English word lists decide the
# hyphens at line ends of an imported text (wamerican, wbritish).
# Reading exported .docx files back: LibreOffice (to PDF), poppler (pdftotext, pdftoppm),
# pandoc (the bench's comparison) and python3-venv for python-docx and openxml-audit.
APT_PACKAGES=(
  build-essential pkg-config curl libssl-dev libwebkit2gtk-4.1-dev librsvg2-dev wamerican wbritish
  xvfb xauth x11-utils dbus imagemagick webkit2gtk-driver fonts-noto-cjk
  libreoffice-writer-nogui poppler-utils pandoc python3-venv
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing system packages: ${missing[*]}"
  as_root apt-get update -o DPkg::Lock::Timeout=600 -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 \
    --no-install-recommends "${missing[@]}"
fi

# The Python readers of the DOCX tests, pinned in tests/requirements.txt; the venv is
# (re)made only when missing or older than the requirements.
if [ ! -x .venv/bin/python ] || [ tests/requirements.txt -nt .venv/.requirements-installed ]; then
  say "installing the Python test tools in .venv"
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r tests/requirements.txt
  touch .venv/.requirements-installed
fi

if ! command -v cargo >/dev/null; then
  echo "cargo is missing: install Rust with rustup (https://rustup.rs) and run again" >&2
  exit 1
fi
for component in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component"
done

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "node and npm are missing: install Node.js 20.19 or newer and run again" >&2
  exit 1
fi
if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  say "installing the UI's npm packages"
  (cd ui && npm ci --no-audit --no-fund)
fi

# The UI's build lists the Rust crates the app ships, for its About box (ui/licenses.ts).
if ! command -v cargo-license >/dev/null; then
  say "installing cargo-license"
  cargo install cargo-license --version ^0.7 --locked
fi

if ! command -v tauri-driver >/dev/null; then
  say "installing tauri-driver"
  # ^2: without it cargo picks a 3.0 alpha.
  cargo install tauri-driver --version ^2 --locked
fi
