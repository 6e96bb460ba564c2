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
//          (or, for a table model, {"type": "table_rows", "tabular": {...}, "rows": [{column: value}]}: see tableTensor)
// RESULT:  {"engine": "onnxruntime-node 1.30.0", "models": {"PATH.onnx": {"runs": [{"outputs": {"name": {"dims": [...], "data": [...]}}}]}}}
'use strict';
const fs = require('fs');
const readline = require('readline');
const { fork } = require('child_process');

// The server's session options (src/model.js, THREADS=1): skipping ONNX Runtime's weight prepacking
// would load a 38 MB model 0.15 s sooner, but its answers differ by up to 2e-6, and the proof is of
// what the server computes.
const SESSION_OPTIONS = { intraOpNumThreads: 1 };

const typed = {
  float32: (d) => Float32Array.from(d),
  int64: (d) => BigInt64Array.from(d.map((v) => BigInt(v))),
  uint8: (d) => Uint8Array.from(d),
};

// Table rows as clients send them ({"type": "table_rows", "tabular": preprocess.json's "tabular",
// "rows": [{column: value}]}), encoded by the bundled server's own encoder: the export proves that
// the server's encoding of a raw row gives the studio's answer.
function tableTensor(ort, t) {
  const { TableEncoder } = require('./src/table');
  const encoder = new TableEncoder(t.tabular);
  const rows = t.rows.map((row, k) => ({ values: encoder.valuesOf(row, `row ${k}`), where: `row ${k}` }));
  return new ort.Tensor('float32', encoder.encodeRows(rows), [rows.length, encoder.width]);
}

// A worker per model: creating an ONNX Runtime session blocks its thread, so two models on one
// thread load one after the other; in two workers they load side by side (measured for two 38 MB
// models: 1.07 s → 0.64 s). A worker loads ONNX Runtime as it starts, then gets its model's path,
// then the runs. Workers are processes, not worker_threads: onnxruntime-node keeps process-wide
// state, and two threads loading it, or a process exiting while a thread still loaded it, aborted
// node now and then ("terminate called after throwing an instance of 'Napi::Error'").
function modelWorker() {
  const ort = require('onnxruntime-node');
  process.on('disconnect', () => process.exit(0));
  let created = null;
  process.on('message', async (message) => {
    if (message.load) {
      created = ort.InferenceSession.create(message.load, SESSION_OPTIONS);
      created.catch(() => {});  // reported when the runs await it
      return;
    }
    try {
      const session = await created;
      const results = [];
      for (const run of message.runs) {
        const feeds = {};
        for (const [name, t] of Object.entries(run.inputs)) {
          if (t.type === 'table_rows') {
            feeds[name] = tableTensor(ort, t);
            continue;
          }
          if (!typed[t.type]) throw new Error(`input ${name}: unsupported type ${t.type}`);
          feeds[name] = new ort.Tensor(t.type, typed[t.type](t.data), t.dims);
        }
        const outputs = {};
        for (const [name, tensor] of Object.entries(await session.run(feeds))) {
          outputs[name] = { dims: Array.from(tensor.dims), data: Array.from(tensor.data, Number) };
        }
        results.push({ outputs });
      }
      process.send({ runs: results, engine: `onnxruntime-node ${ort.env.versions.common}` });
    } catch (err) {
      process.send({ error: err.message });
    }
  });
}

// Workers started ahead (--serve starts two, the most an export has: the tensor and raw-image
// models), so thread start and ONNX Runtime's load are done before the first model is written.
const idle = [];
// The 'advanced' channel keeps NaN and Infinity in outputs (JSON would turn them into null).
function startWorker() {
  const w = fork(__filename, ['--model-worker'], { serialization: 'advanced' });
  w.on('error', fail);
  w.on('exit', (code, signal) => code !== 0 && fail(new Error(`the ONNX Runtime worker stopped (${signal || `exit ${code}`})`)));
  idle.push(w);
}

// Workers by model path, each given its model once.
const workers = new Map();
function worker(modelPath) {
  if (!workers.has(modelPath)) {
    if (idle.length === 0) startWorker();
    const w = idle.shift();
    w.send({ load: modelPath });
    workers.set(modelPath, w);
  }
  return workers.get(modelPath);
}

function runModel(modelPath, runs) {
  const w = worker(modelPath);
  return new Promise((resolve, reject) => {
    w.once('message', (m) => (m.error ? reject(new Error(`${modelPath}: ${m.error}`)) : resolve(m)));
    w.send({ runs });
  });
}

async function verify(requestPath, resultPath) {
  const request = JSON.parse(fs.readFileSync(requestPath, 'utf8'));
  const entries = Object.entries(request.models);
  const results = await Promise.all(entries.map(([modelPath, job]) => runModel(modelPath, job.runs)));
  const models = Object.fromEntries(entries.map(([modelPath], k) => [modelPath, { runs: results[k].runs }]));
  const engine = results.length ? results[0].engine : 'onnxruntime-node';
  fs.writeFileSync(resultPath, JSON.stringify({ engine, models }));
}

function fail(err) {
  console.error(`error: ${err.message}`);
  process.exit(1);
}

function serve() {
  startWorker();
  startWorker();
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
    if (command.load) worker(command.load);
    else if (command.run) {
      running = true;
      verify(command.run, command.result).then(() => process.exit(0), fail);
    } else fail(new Error(`unknown command ${line}`));
  });
  // Netloom closes stdin after `run` and waits; a close with no run means the export ended early.
  lines.on('close', () => setImmediate(() => running || process.exit(0)));
}

const args = process.argv.slice(2);
if (args[0] === '--model-worker') modelWorker();
else if (args[0] === '--serve') serve();
else if (args.length === 2) verify(args[0], args[1]).then(() => process.exit(0), fail);
else {
  console.error('usage: verify.js REQUEST.json RESULT.json | verify.js --serve');
  process.exit(2);
}
