#!/usr/bin/env bash
# Runs a written bundle's own `npm test` (every endpoint, error cases, golden samples against the
# studio's answers, the README's commands, the manifests, the request fuzzer, the self-test).
# Usage: check-bundle.sh SOURCE_DIR BUNDLE_DIR
# NETLOOM_NODE (set by ctest: the node CMake found, by default the nodejs package's /usr/bin/node)
# runs the tests: it comes first on PATH, for npm and for the test script npm starts.
set -euo pipefail
src=$1 bundle=$2
[[ -f "$bundle/server/package.json" ]] || { echo "check-bundle: $bundle is not a bundle (no server/package.json)" >&2; exit 1; }
node=$(command -v "${NETLOOM_NODE:-node}") || { echo "check-bundle: no node (${NETLOOM_NODE:-node})" >&2; exit 1; }
PATH="$(dirname "$node"):$PATH"
echo "check-bundle: node $(node --version) ($node)"
# The bundle's server uses the packages scripts/install-deps installed for the project (npm ci
# would fetch the same versions from the registry: package-lock.json is shared).
ln -sfn "$src/packaging/bundle/server/node_modules" "$bundle/server/node_modules"
cd "$bundle/server"
npm test
