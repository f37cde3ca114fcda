#!/usr/bin/env bash
# Dependency check (docs/security.md, "Dependencies"). Fails on a high or critical advisory; when the
# advisory endpoint cannot be reached (offline machines, registries that answer 405), says so and passes.
# Always: the abandoned npm `xlsx` package (prototype pollution, ReDoS; fixed only off npm) must not be installed.
set -uo pipefail
cd "$(dirname "$0")/.."

if node -e '
  const lock = require("./package-lock.json");
  const names = Object.keys(lock.packages ?? {}).filter((k) => /(^|\/)node_modules\/xlsx$/.test(k));
  process.exit(names.length ? 0 : 1);
'; then
  echo "audit: package-lock.json contains the npm package \"xlsx\", which has known high-severity flaws; use @e965/xlsx" >&2
  exit 1
fi

out=$(npm audit --audit-level=high --json 2>&1)
status=$?
if [ "$status" -eq 0 ]; then
  echo "audit: no high or critical advisories"
  exit 0
fi
# npm audit exits non-zero both for findings and for a failed request; the JSON tells them apart.
if printf '%s' "$out" | grep -q '"vulnerabilities"' && ! printf '%s' "$out" | grep -q '"error"'; then
  npm audit --audit-level=high >&2 || true
  echo "audit: high or critical advisories found (above)" >&2
  exit 1
fi
echo "audit: NOTICE the npm advisory service could not be reached; dependencies were not checked against advisories this time" >&2
printf '%s\n' "$out" | grep -Eo '"message": *"[^"]*"' | head -n 1 >&2
exit 0
