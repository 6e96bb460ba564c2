#!/usr/bin/env bash
# netloom-cli job on an example project, then the offline checks of what it wrote (check-job.test.js).
# Usage: job-test.sh CLI SOURCE_DIR OUT_DIR WORKERS GPUS [extra job options...]
set -euo pipefail
cli=$1 src=$2 out=$3 workers=$4 gpus=$5
shift 5
node=$(command -v "${NETLOOM_NODE:-node}") || { echo "job-test: no node (${NETLOOM_NODE:-node})" >&2; exit 1; }
rm -rf "$out"
"$cli" job "$src/projects/fashion-mnist-cnn.netloom" --out "$out" --workers "$workers" --gpus-per-worker "$gpus" "$@"
if grep -rn '{{' "$out"; then echo "job-test: unfilled placeholders" >&2; exit 1; fi
# The packages the bundle tests use (scripts/install-deps installs them for packaging/bundle/server).
export NODE_PATH="$src/packaging/bundle/server/node_modules"
JOB_DIR="$out" EXPECT_CLAIMS="${EXPECT_CLAIMS:-}" CRD_DIR="${NETLOOM_CRD_DIR:-$src/tests/job/crds}" EXPECT_WORKERS="$workers" EXPECT_GPUS="$gpus" \
  "$node" --test "$src/tests/job/check-job.test.js"
rm -rf "$out"
