#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder's image: Node 24, the current LTS,
# from NodeSource's apt repository (the distribution's own Node is older than the kit needs),
# then the kit's pinned dependencies, exactly as the lock file lists them.
set -euo pipefail

NODE_MAJOR=24
SOURCE="${AUTOGRADER_ROOT:-/autograder}/source"

if ! node --version 2>/dev/null | grep -q "^v${NODE_MAJOR}\."; then
  apt-get update
  apt-get install -y ca-certificates curl gnupg
  curl -fsSL "https://deb.nodesource.com/setup_${NODE_MAJOR}.x" | bash -
  apt-get install -y nodejs
fi

cd "$SOURCE"
npm ci --no-audit --no-fund
chmod +x "$SOURCE/run_autograder"
