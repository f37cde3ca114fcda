#!/usr/bin/env bash
# Every test in one command (README): installs what a fresh machine lacks, then type-checks and lints,
# runs unit and component tests, and runs the end-to-end tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci
fi
bash scripts/ensure-chromium.sh
bash scripts/audit.sh
npm run check
npx vitest run
npx vitest run --config vitest.e2e.config.ts
npm run bench -- --quick
