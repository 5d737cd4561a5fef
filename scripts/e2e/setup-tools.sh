#!/usr/bin/env bash
# Installs the editor-test tools into the git-ignored .tools/e2e folder: code-server 4.100.3 (VS Code
# 1.100.3, the last code-server that still runs on Node 20) and playwright-core (drives Debian's chromium;
# it never downloads a browser). Idempotent: when the pinned versions are already there it returns at once.
# Needs the Debian packages from install-system.sh (libkrb5-dev, ripgrep) for the first install.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DEST="$ROOT/.tools/e2e"
CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.64.1

installed_version() { node -p "require('$DEST/node_modules/$1/package.json').version" 2>/dev/null || true; }
if [ "$(installed_version code-server)" = "$CODE_SERVER_VERSION" ] &&
   [ "$(installed_version playwright-core)" = "$PLAYWRIGHT_VERSION" ] &&
   [ -x "$DEST/node_modules/.bin/code-server" ]; then
  echo "editor tools: code-server $CODE_SERVER_VERSION and playwright-core $PLAYWRIGHT_VERSION already installed"
  exit 0
fi

# @vscode/ripgrep's postinstall fetches rg from a release page this machine cannot reach. It looks in its
# cache folder under os.tmpdir() first, so seed that with Debian's rg (same major version as the pinned one).
RG_CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
RG_ASSET="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$RG_ASSET" ]; then
  command -v rg >/dev/null || { echo "ripgrep (rg) is missing: run scripts/e2e/install-system.sh" >&2; exit 1; }
  mkdir -p "$RG_CACHE"
  STAGE="$(mktemp -d)"
  cp "$(command -v rg)" "$STAGE/rg"
  tar czf "$RG_ASSET" -C "$STAGE" rg
  rm -rf "$STAGE"
fi

mkdir -p "$DEST"
cd "$DEST"
[ -f package.json ] || echo '{ "name": "vigil-e2e-tools", "private": true }' > package.json
# unsafe_perm: code-server's postinstall refuses to run as root otherwise.
# yes: node-pty's postinstall runs `npx node-gyp`, which must not stop at a prompt.
# prefer-offline: a machine that installed them once (npm cache) needs no registry to install them again.
if ! npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --no-audit --no-fund --no-save --prefer-offline --loglevel=error \
  "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" </dev/null; then
  echo "editor tools: npm could not install code-server $CODE_SERVER_VERSION and playwright-core $PLAYWRIGHT_VERSION (is the npm registry reachable?)" >&2
  exit 1
fi
# --version writes a config.yaml under XDG_CONFIG_HOME; point it at a throwaway folder.
XDG_TMP="$(mktemp -d)"
XDG_CONFIG_HOME="$XDG_TMP" "$DEST/node_modules/.bin/code-server" --version
rm -rf "$XDG_TMP"
echo "editor tools: installed into .tools/e2e in ${SECONDS} s"
