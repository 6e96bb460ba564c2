#!/usr/bin/env bash
# The export issue's end-to-end proof for one example project: train briefly on the real data,
# export with --bundle, then run the bundle's own `npm test` (every endpoint, the error cases, the
# golden samples against the studio's answers, the README's curl commands, the manifests).
# Usage: bundle-test.sh CLI SOURCE_DIR PROJECT WORK_DIR [MAX_BATCHES] [EXPORT_FLAGS]
# EXPORT_FLAGS: one word-split string of extra export flags, e.g. "--replicas 3 --gpu".
set -euo pipefail
cli=$1 src=$2 project=$3 work=$4 batches=${5:-40}
read -r -a flags <<< "${6:-}"
rm -rf "$work"
mkdir -p "$work"
"$cli" train "$src/projects/$project.netloom" --epochs 1 --max-batches "$batches" --out "$work/run"
"$cli" export "$src/projects/$project.netloom" --weights "$work/run/best.ckpt" --out "$work/bundle" --bundle ${flags[@]+"${flags[@]}"}
"$src/tests/bundle/check-bundle.sh" "$src" "$work/bundle"
