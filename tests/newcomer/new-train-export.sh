#!/usr/bin/env bash
# The newcomer's path end to end, on messy data the test makes itself (tests/core/messy_data.h):
#   netloom-cli new --data <the user's data> → validate → train 2 epochs → export --bundle →
#   verification.json within 1e-4 (for images: the raw original files through model.onnx) →
#   the bundle's own `npm test` (tests/bundle/check-bundle.sh).
# Usage: new-train-export.sh CLI MAKE_MESSY_DATA SOURCE_DIR DATA WORK_DIR [--no-bundle]
#   DATA: images | reviews.csv | table.csv | prices.csv (a path under the messy data folder)
#   --no-bundle: export and verify the model only
#   For tables the raw CSV rows of the test split are the proof: verification.json's "raw row" checks
#   (the bundled server's encoder against the studio's) and the bundle's golden rows.
# The work folder is removed when the test passes (kept for a look when it fails).
set -euo pipefail
cli=$1 maker=$2 src=$3 data=$4 work=$5
bundle=--bundle
[[ "${6:-}" == --no-bundle ]] && bundle=
rm -rf "$work"
mkdir -p "$work"
"$maker" "$work/data"
project="$work/my project.netloom"   # a space in the name, as users have
"$cli" new "$project" --data "$work/data/$data" --epochs 2
# Its Input follows the data: training, export and the bundle resolve its shape from it.
grep -Eq '"shape_from": *"data"' "$project" || { echo "the new project's Input does not follow the data" >&2; exit 1; }
node_for_edit=$(command -v "${NETLOOM_NODE:-node}")
# Its own fields are only a fallback: without them (a table's width is then known only from the
# data, at training, and from the run state, at export) everything below must still work.
"$node_for_edit" -e '
  const fs = require("fs"); const f = process.argv[1]; const p = JSON.parse(fs.readFileSync(f, "utf8"));
  for (const n of p.graph.nodes) if (n.type === "Input")
    for (const k of ["channels", "height", "width", "size", "length", "vocab_size"]) delete n.params[k];
  fs.writeFileSync(f, JSON.stringify(p, null, 2));' "$project"
# Written once, refused the second time without --force.
if "$cli" new "$project" --data "$work/data/$data" 2>/dev/null; then echo "new replaced a file without --force" >&2; exit 1; fi
"$cli" validate "$project"
"$cli" train "$project" --out "$work/run"
grep -q '"reason"' "$work/run/summary.json"
# Prediction rebuilds the network as it was trained (the run state's sample shape).
case "$data" in
  images) "$cli" predict "$project" --weights "$work/run/best.ckpt" "$(find "$work/data/images" -name '*.png' | sort | head -1)" ;;
  reviews.csv) "$cli" predict "$project" --weights "$work/run/best.ckpt" "a review the model never saw" ;;
esac
"$cli" export "$project" --weights "$work/run/best.ckpt" --out "$work/bundle" $bundle
node=$(command -v "${NETLOOM_NODE:-node}")
"$node" -e '
  const v = require(process.argv[1]);
  const raw = v.checks.filter(c => c.what.startsWith("raw image"));
  const worst = Math.max(...v.checks.map(c => c.max_abs_diff));
  console.log(`verification: ${v.checks.length} checks, ${raw.length} on raw files, max |diff| ${worst.toExponential(2)}`);
  if (!v.passed || !(worst <= 1e-4)) { console.error("parity above 1e-4"); process.exit(1); }
  if (process.argv[2] === "images" && raw.length === 0) { console.error("no raw-file check for an image model"); process.exit(1); }
  const rows = v.checks.filter(c => c.what.startsWith("raw row"));
  if (process.argv[2] === "table.csv" && rows.length === 0) { console.error("no raw-row check for a table model"); process.exit(1); }
  if (rows.length) console.log(`verification: ${rows.length} raw CSV rows, max |diff| ${Math.max(...rows.map(c => c.max_abs_diff)).toExponential(2)}`);
' "$work/bundle/verification.json" "$data"
if [[ "$data" == table.csv && -n "$bundle" ]]; then
  # predict --csv: the bundle's golden rows give the studio's answers in expected.json, and the
  # training file itself (the target column among the rest) is read by column name, row for row.
  "$cli" predict "$project" --weights "$work/run/best.ckpt" --csv "$work/bundle/samples/rows.csv" --json > "$work/rows.json"
  "$cli" predict "$project" --weights "$work/run/best.ckpt" --csv "$work/data/table.csv" --json > "$work/all.json"
  "$node" -e '
    const [rows, expected, all] = process.argv.slice(1, 4).map((f) => require(f));
    const golden = expected.samples;
    if (rows.length !== golden.length) { console.error(`predict --csv: ${rows.length} answers for ${golden.length} rows`); process.exit(1); }
    rows.forEach((r, k) => {
      const worst = Math.max(...Object.keys(golden[k].probabilities).map((c) => Math.abs(r.probabilities[c] - golden[k].probabilities[c])));
      if (r.label !== golden[k].label || !(worst <= 1e-6)) { console.error(`predict --csv row ${k}: ${JSON.stringify(r)}`); process.exit(1); }
    });
    const lines = require("fs").readFileSync(process.argv[4], "utf8").trim().split("\n").length - 1;
    if (all.length !== lines || all.some((r) => r.error || !r.input.includes(":"))) { console.error(`predict --csv on the data: ${all.length} answers for ${lines} rows`); process.exit(1); }
    console.log(`predict --csv: ${rows.length} golden rows as the bundle expects, ${all.length} rows of the data file`);
  ' "$work/rows.json" "$work/bundle/samples/expected.json" "$work/all.json" "$work/data/table.csv"
fi
[[ -z "$bundle" ]] || "$src/tests/bundle/check-bundle.sh" "$src" "$work/bundle"
rm -rf "$work"
echo "new-train-export $data: passed"
