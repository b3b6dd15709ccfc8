#!/usr/bin/env bash
# The README's test command. On a fresh machine it first installs what the tests
# need, then runs every test of the workspace.
#
# Set-up hooks: every scripts/setup-*.sh is run first, in name order (each one
# idempotent: it installs only what is missing). Add a hook file rather than
# editing this script.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
    echo "test.sh: cargo not found; install Rust (https://rustup.rs) and run again" >&2
    exit 1
fi

# Tests read public data sets from ../shared when present and say so by name when not.
for hook in scripts/setup-*.sh; do
    [ -e "$hook" ] || continue
    echo "==> $hook"
    bash "$hook"
done

echo "==> cargo test --workspace"
cargo test --workspace
