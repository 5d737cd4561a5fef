#!/usr/bin/env bash
# Installs the Debian packages the editor test layers need, only when one is missing, so a warm CI
# machine pays nothing. chromium: the GUI and extension-host layers drive it through playwright-core;
# neovim: the second LSP client; libkrb5-dev + ripgrep: code-server's native build and its rg binary.
# Runs as root with no stdin (CI); a developer without root gets a clear message instead.
set -euo pipefail
need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
# VIGIL_SYSTEM_PACKAGES replaces the list (the setup test uses it to name a package that is always missing).
for pkg in ${VIGIL_SYSTEM_PACKAGES:-chromium neovim libkrb5-dev ripgrep}; do
  have_pkg "$pkg" || need+=("$pkg")
done
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "missing Debian packages: ${need[*]} (run as root: apt-get install -y ${need[*]})" >&2
  exit 1
fi
echo "system packages: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" </dev/null >/dev/null
echo "system packages: installed ${need[*]} in ${SECONDS} s"
