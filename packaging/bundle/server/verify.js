#!/usr/bin/env node
// Runs ONNX models in ONNX Runtime on the inputs Netloom wrote, and writes the outputs back:
// the independent engine that judges every export.
//   node verify.js REQUEST.json RESULT.json
// REQUEST: {"models": {"PATH.onnx": {"runs": [{"inputs": {"name": {"type": "float32|int64|uint8", "dims": [...], "data": [...]}}}]}}}
// RESULT:  {"engine": "onnxruntime-node 1.30.0", "models": {"PATH.onnx": {"runs": [{"outputs": {"name": {"dims": [...], "data": [...]}}}]}}}
'use strict';
const fs = require('fs');
const ort = require('onnxruntime-node');

const typed = {
  float32: (d) => Float32Array.from(d),
  int64: (d) => BigInt64Array.from(d.map((v) => BigInt(v))),
  uint8: (d) => Uint8Array.from(d),
};

async function runModel(modelPath, runs) {
  const session = await ort.InferenceSession.create(modelPath, { intraOpNumThreads: 1 });
  const results = [];
  for (const run of runs) {
    const feeds = {};
    for (const [name, t] of Object.entries(run.inputs)) {
      if (!typed[t.type]) throw new Error(`input ${name}: unsupported type ${t.type}`);
      feeds[name] = new ort.Tensor(t.type, typed[t.type](t.data), t.dims);
    }
    const outputs = {};
    for (const [name, tensor] of Object.entries(await session.run(feeds))) {
      outputs[name] = { dims: Array.from(tensor.dims), data: Array.from(tensor.data, Number) };
    }
    results.push({ outputs });
  }
  return { runs: results };
}

async function main() {
  const [requestPath, resultPath] = process.argv.slice(2);
  if (!resultPath) {
    console.error('usage: verify.js REQUEST.json RESULT.json');
    process.exit(2);
  }
  const request = JSON.parse(fs.readFileSync(requestPath, 'utf8'));
  // Models load and run side by side (session creation dominates for large models).
  const entries = Object.entries(request.models);
  const results = await Promise.all(entries.map(([modelPath, job]) => runModel(modelPath, job.runs)));
  const models = Object.fromEntries(entries.map(([modelPath], k) => [modelPath, results[k]]));
  fs.writeFileSync(resultPath, JSON.stringify({ engine: `onnxruntime-node ${ort.env.versions.common}`, models }));
}

main().catch((err) => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
