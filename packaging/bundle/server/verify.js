#!/usr/bin/env node
// Runs ONNX models in ONNX Runtime on the inputs Netloom wrote, and writes the outputs back:
// the independent engine that judges every export.
//   node verify.js REQUEST.json RESULT.json
//   node verify.js --serve       commands on stdin, one JSON object per line:
//       {"load": "PATH.onnx"}                              start creating that model's session now
//       {"run": "REQUEST.json", "result": "RESULT.json"}   run the request, write the result, exit
//     Netloom starts the verifier with the export and sends `load` as each model file is written,
//     so node's start and ONNX Runtime's session creation overlap the rest of the export.
// REQUEST: {"models": {"PATH.onnx": {"runs": [{"inputs": {"name": {"type": "float32|int64|uint8", "dims": [...], "data": [...]}}}]}}}
// RESULT:  {"engine": "onnxruntime-node 1.30.0", "models": {"PATH.onnx": {"runs": [{"outputs": {"name": {"dims": [...], "data": [...]}}}]}}}
'use strict';
const fs = require('fs');
const readline = require('readline');
const ort = require('onnxruntime-node');

const typed = {
  float32: (d) => Float32Array.from(d),
  int64: (d) => BigInt64Array.from(d.map((v) => BigInt(v))),
  uint8: (d) => Uint8Array.from(d),
};

// The server's session options (src/model.js, THREADS=1): skipping ONNX Runtime's weight prepacking would
// load a 38 MB model 0.15 s sooner, but its answers differ by up to 2e-6, and the proof is of what
// the server computes.
const SESSION_OPTIONS = { intraOpNumThreads: 1 };

// Sessions by model path, created once; models load side by side (creation dominates for large ones).
const sessions = new Map();
function session(modelPath) {
  if (!sessions.has(modelPath)) {
    const created = ort.InferenceSession.create(modelPath, SESSION_OPTIONS);
    created.catch(() => {});  // reported when the run awaits it
    sessions.set(modelPath, created);
  }
  return sessions.get(modelPath);
}

async function runModel(modelPath, runs) {
  const s = await session(modelPath);
  const results = [];
  for (const run of runs) {
    const feeds = {};
    for (const [name, t] of Object.entries(run.inputs)) {
      if (!typed[t.type]) throw new Error(`input ${name}: unsupported type ${t.type}`);
      feeds[name] = new ort.Tensor(t.type, typed[t.type](t.data), t.dims);
    }
    const outputs = {};
    for (const [name, tensor] of Object.entries(await s.run(feeds))) {
      outputs[name] = { dims: Array.from(tensor.dims), data: Array.from(tensor.data, Number) };
    }
    results.push({ outputs });
  }
  return { runs: results };
}

async function verify(requestPath, resultPath) {
  const request = JSON.parse(fs.readFileSync(requestPath, 'utf8'));
  const entries = Object.entries(request.models);
  const results = await Promise.all(entries.map(([modelPath, job]) => runModel(modelPath, job.runs)));
  const models = Object.fromEntries(entries.map(([modelPath], k) => [modelPath, results[k]]));
  fs.writeFileSync(resultPath, JSON.stringify({ engine: `onnxruntime-node ${ort.env.versions.common}`, models }));
}

function fail(err) {
  console.error(`error: ${err.message}`);
  process.exit(1);
}

function serve() {
  let running = false;
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    let command;
    try {
      command = JSON.parse(line);
    } catch (err) {
      fail(new Error(`unreadable command ${JSON.stringify(line)}: ${err.message}`));
    }
    if (command.load) session(command.load);
    else if (command.run) {
      running = true;
      verify(command.run, command.result).then(() => process.exit(0), fail);
    } else fail(new Error(`unknown command ${line}`));
  });
  // Netloom closes stdin after `run` and waits; a close with no run means the export ended early.
  lines.on('close', () => setImmediate(() => running || process.exit(0)));
}

const args = process.argv.slice(2);
if (args[0] === '--serve') serve();
else if (args.length === 2) verify(args[0], args[1]).catch(fail);
else {
  console.error('usage: verify.js REQUEST.json RESULT.json | verify.js --serve');
  process.exit(2);
}
