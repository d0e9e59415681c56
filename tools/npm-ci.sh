#!/usr/bin/env bash
# `npm ci`, tolerating one known lockfile gap: optional platform-specific builds for other systems
# (@swc/core-darwin-arm64, ...-win32-x64-msvc, ...) missing from package-lock.json because the registry the
# lockfile was generated against did not have them. Then `npm install` runs instead: it keeps every locked
# version and only adds those entries. Any other npm ci failure, a real package.json/lockfile drift included,
# still fails. Arguments are passed to npm (e.g. --ignore-scripts). Used by .ci/run and deploy/Dockerfile.
set -euo pipefail

OTHER_PLATFORMS='(darwin|win32|android|freebsd|openbsd|netbsd|sunos|aix|openharmony|wasm32|linux-arm-|linux-ppc64|linux-s390x|linux-riscv64|linux-loong64|linux-mips)'

log=$(mktemp)
trap 'rm -f "$log"' EXIT

if npm ci "$@" 2>&1 | tee "$log"; then
  exit 0
fi

missing=$(grep -E '^npm error Missing: ' "$log" || true)
if grep -q 'can only install packages when your package.json and package-lock.json' "$log" \
  && [ -n "$missing" ] \
  && ! grep -qE '^npm error Invalid: ' "$log" \
  && ! grep -vE "$OTHER_PLATFORMS" <<<"$missing" | grep -q .; then
  echo "npm-ci: package-lock.json lacks only other platforms' optional builds; running npm install instead" >&2
  echo "npm-ci: (regenerate the lockfile against the full registry to make npm ci pass: npm install --package-lock-only)" >&2
  exec npm install "$@"
fi
exit 1
