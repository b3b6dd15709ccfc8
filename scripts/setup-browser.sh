#!/usr/bin/env bash
# Installs what the dashboard's browser test needs: Debian's Chromium and its
# driver, Node.js, and playwright-core (npm ci; it downloads no browser).
# Idempotent: does nothing that is already done. Called by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup-browser: installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

browser_dir=crates/cli/tests/browser
if [ ! -d "$browser_dir/node_modules/playwright-core" ]; then
    echo "setup-browser: npm ci in $browser_dir"
    (cd "$browser_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup-browser: $(chromium --version 2>/dev/null | head -1), node $(node --version), playwright-core ready"
