#!/usr/bin/env bash
# Prepares a machine for the end-to-end harness (test/e2e): Debian packages, and code-server
# installed into the project's .cache/code-server/. Idempotent: a second run changes nothing.
#
#   scripts/e2e/setup.sh            # everything (used by `npm run test:e2e`)
#   scripts/e2e/setup.sh --apt-only # only the Debian packages (used by `npm run test:nvim`)
#
# Environment: CODE_SERVER_VERSION (default 4.100.3, the last one that runs on Node 20).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/.cache"
CS_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CS_DIR="$CACHE/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"

log() { printf '[e2e-setup] %s\n' "$*" >&2; }

# --- Debian packages ---------------------------------------------------------------------
# libkrb5-dev, libx11-dev, libxkbfile-dev, libsecret-1-dev and pkg-config are what code-server's
# native modules need to build; ripgrep replaces the binary its postinstall would download.
PACKAGES=(chromium neovim ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config)
missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$pkg"); fi
done
if ((${#missing[@]} > 0)); then
  if [[ "$(id -u)" != 0 ]]; then
    log "missing Debian packages: ${missing[*]}"
    log "run as root: apt-get update && apt-get install -y ${missing[*]}"
    exit 1
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  log "Debian packages present"
fi

[[ "${1:-}" == "--apt-only" ]] && exit 0

# --- code-server -------------------------------------------------------------------------
installed_version() {
  node -e 'try{process.stdout.write(require(process.argv[1]).version)}catch{}' "$CS_DIR/node_modules/code-server/package.json"
}
if [[ -x "$CS_BIN" && "$(installed_version)" == "$CS_VERSION" && -f "$CS_DIR/.installed" ]]; then
  log "code-server $CS_VERSION present in ${CS_DIR#"$ROOT"/}"
  exit 0
fi

log "installing code-server $CS_VERSION into ${CS_DIR#"$ROOT"/} (a few minutes)"
rm -rf "$CS_DIR"
mkdir -p "$CS_DIR" "$CACHE/home" "$CACHE/tmp"
# A package.json of its own, so npm does not climb up to the repository's.
printf '{ "name": "e2e-code-server", "private": true }\n' >"$CS_DIR/package.json"

# Keep everything the install writes (npm cache, node-gyp, XDG folders) inside .cache.
export HOME="$CACHE/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_CACHE_HOME="$HOME/.cache" XDG_DATA_HOME="$HOME/.local/share"
export TMPDIR="$CACHE/tmp"
# node-gyp cannot download headers here; use the system Node's (what ~/.npmrc says too).
if [[ -f /usr/include/node/node.h ]]; then export npm_config_nodedir=/usr; fi
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

# @vscode/ripgrep's postinstall downloads rg from GitHub: hand it Debian's binary instead.
RG_CACHE="$TMPDIR/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
rg_stage="$(mktemp -d)"
cp /usr/bin/rg "$rg_stage/rg"
for target in x86_64-unknown-linux-musl x86_64-unknown-linux-gnu; do
  for rgv in v13.0.0-10 v13.0.0-13 v14.1.1; do
    tar -czf "$RG_CACHE/ripgrep-$rgv-$target.tar.gz" -C "$rg_stage" rg
  done
done
rm -rf "$rg_stage"

(cd "$CS_DIR" && npm install "code-server@$CS_VERSION" --foreground-scripts --no-save --loglevel=warn)
[[ -x "$CS_BIN" ]] || { log "code-server did not install"; exit 1; }
touch "$CS_DIR/.installed"
log "code-server $("$CS_BIN" --version | head -1)"
