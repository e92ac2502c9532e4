#!/usr/bin/env bash
# Installs the two parser oracles of test/oracle/parserOracle.test.ts (idempotent):
#   Libreswan 4.10 addconn from Debian's libreswan package (needs root), and
#   strongSwan 5.9.8 starter, unpacked without installing into .cache/oracle/strongswan,
#   because Debian's strongswan and libreswan packages conflict.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -x /usr/libexec/ipsec/addconn ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Libreswan is missing: run as root, or apt-get install libreswan" >&2
    exit 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreswan >/dev/null
fi
root="$PWD/.cache/oracle/strongswan"
starter="$root/usr/lib/ipsec/starter"
works() {
  local probe
  probe="$(mktemp)"
  printf 'config setup\n' >"$probe"
  STRONGSWAN_CONF=/dev/null LD_LIBRARY_PATH="$root/usr/lib/ipsec" "$starter" --conftest --conf "$probe" >/dev/null 2>&1
  local status=$?
  rm -f "$probe"
  return $status
}
if [ -x "$starter" ] && works; then
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
( cd "$work" && { apt-get download strongswan-starter libstrongswan >/dev/null 2>&1 ||
  { apt-get update -qq && apt-get download strongswan-starter libstrongswan >/dev/null; }; } )
rm -rf "$root"
mkdir -p "$root"
for deb in "$work"/*.deb; do dpkg -x "$deb" "$root"; done
works || { echo "unpacked strongSwan starter does not run" >&2; exit 1; }
echo "strongSwan starter unpacked into $root"
