#!/usr/bin/env bash
# Runs a written bundle's own `npm test` (every endpoint, error cases, golden samples against the
# studio's answers, the README's commands, the manifests).
# Usage: check-bundle.sh SOURCE_DIR BUNDLE_DIR
set -euo pipefail
src=$1 bundle=$2
[[ -f "$bundle/server/package.json" ]] || { echo "check-bundle: $bundle is not a bundle (no server/package.json)" >&2; exit 1; }
# The bundle's server uses the packages scripts/install-deps installed for the project (npm ci
# would fetch the same versions from the registry: package-lock.json is shared).
ln -sfn "$src/packaging/bundle/server/node_modules" "$bundle/server/node_modules"
cd "$bundle/server"
npm test
