#!/usr/bin/env node
// Runs an ONNX model in ONNX Runtime on the inputs Netloom wrote, and writes the outputs back:
// the independent engine that judges every export.
//   node verify.js MODEL.onnx REQUEST.json RESULT.json
// REQUEST: {"runs": [{"inputs": {"name": {"type": "float32|int64|uint8", "dims": [...], "data": [...]}}}]}
// RESULT:  {"engine": "onnxruntime-node 1.30.0", "runs": [{"outputs": {"name": {"dims": [...], "data": [...]}}}]}
'use strict';
const fs = require('fs');
const ort = require('onnxruntime-node');

const typed = {
  float32: (d) => Float32Array.from(d),
  int64: (d) => BigInt64Array.from(d.map((v) => BigInt(v))),
  uint8: (d) => Uint8Array.from(d),
};

async function main() {
  const [modelPath, requestPath, resultPath] = process.argv.slice(2);
  if (!resultPath) {
    console.error('usage: verify.js MODEL.onnx REQUEST.json RESULT.json');
    process.exit(2);
  }
  const request = JSON.parse(fs.readFileSync(requestPath, 'utf8'));
  const session = await ort.InferenceSession.create(modelPath, { intraOpNumThreads: 1 });
  const runs = [];
  for (const run of request.runs) {
    const feeds = {};
    for (const [name, t] of Object.entries(run.inputs)) {
      if (!typed[t.type]) throw new Error(`input ${name}: unsupported type ${t.type}`);
      feeds[name] = new ort.Tensor(t.type, typed[t.type](t.data), t.dims);
    }
    const results = await session.run(feeds);
    const outputs = {};
    for (const [name, tensor] of Object.entries(results)) {
      outputs[name] = { dims: Array.from(tensor.dims), data: Array.from(tensor.data, Number) };
    }
    runs.push({ outputs });
  }
  fs.writeFileSync(resultPath, JSON.stringify({ engine: `onnxruntime-node ${ort.env.versions.common}`, runs }));
}

main().catch((err) => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
