#!/usr/bin/env node
// Server latency overhead and load, on loopback only. Usage:
//   node scripts/bench-server.js BUNDLE_DIR [SECONDS]
// Batch 1, p50 over 2,000 requests after 500 of warm-up, one request at a time:
// 1. the server (a child process) through a keep-alive HTTP client (node:http, one socket):
//    a. POST /v2/models/NAME/infer with the decoded sample as a JSON tensor — the "overhead over bare ORT";
//    b. POST /v1/predict with the PNG — against decode + ORT, what any server must do;
//    and, from each answer's Server-Timing header, the server's own inference time, so the HTTP
//    round trip and JSON can be told apart from the model;
// 2. autocannon, 10 connections, SECONDS (default 60): requests/s, latency, errors;
// 3. with the server stopped, bare ONNX Runtime: session.run on the decoded sample (uint8 1×H×W×3)
//    with the server's options, alone and after decoding the PNG.
'use strict';
const path = require('path');
const fs = require('fs');
const http = require('http');
const { spawn } = require('child_process');
const serverDir = path.join(__dirname, '..', 'packaging', 'bundle', 'server');
const ort = require(path.join(serverDir, 'node_modules', 'onnxruntime-node'));
const sharp = require(path.join(serverDir, 'node_modules', 'sharp'));
const autocannon = require(path.join(serverDir, 'node_modules', 'autocannon'));
sharp.cache(false);  // as the server does

const bundle = path.resolve(process.argv[2] || '');
const seconds = Number(process.argv[3] || 60);
// The first golden sample, whatever it is called (samples/expected.json names it).
const golden = JSON.parse(fs.readFileSync(path.join(bundle, 'samples', 'expected.json'), 'utf8'));
const sampleFile = (golden.samples.find((s) => s.file) || {}).file;
if (!sampleFile) throw new Error(`${bundle}/samples/expected.json names no image sample`);
const sample = fs.readFileSync(path.join(bundle, sampleFile));
const manifest = JSON.parse(fs.readFileSync(path.join(bundle, 'model.json'), 'utf8'));
const WARMUP = 500;
const RUNS = 2000;

const p50 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

async function timed(fn) {
  const times = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t = process.hrtime.bigint();
    await fn();
    if (i >= WARMUP) times.push(ms(t));
  }
  return p50(times);
}

const decode = () => sharp(sample).toColourspace('srgb').ensureAlpha().raw().toBuffer({ resolveWithObject: true });

// Measured after the server has stopped, so the two never share the 2 cores.
async function bare() {
  const session = await ort.InferenceSession.create(path.join(bundle, 'model.onnx'), { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const { data, info } = await decode();
  const feeds = { image: new ort.Tensor('uint8', new Uint8Array(data), [1, info.height, info.width, 4]) };
  const ortMs = await timed(() => session.run(feeds));
  const decodeAndOrtMs = await timed(async () => {
    const d = await decode();
    await session.run({ image: new ort.Tensor('uint8', new Uint8Array(d.data), [1, d.info.height, d.info.width, 4]) });
  });
  return { ortMs, decodeAndOrtMs };
}

// One keep-alive socket, like a client library with connection reuse.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function post(port, urlPath, body, contentType) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method: 'POST', agent,
      headers: { 'content-type': contentType, 'content-length': body.length } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`${urlPath}: ${res.statusCode} ${Buffer.concat(chunks)}`));
        else resolve(res.headers['server-timing'] || '');
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
const serverInferMs = (header) => Number((/infer;dur=([0-9.]+)/.exec(header) || [])[1]);

async function main() {
  const { data, info } = await decode();
  const port = 23000 + (process.pid % 10000);
  const child = spawn(process.execPath, [path.join(bundle, 'server', 'server.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', MODEL_DIR: bundle, THREADS: '1', LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/v2/health/ready`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  const inferBody = Buffer.from(JSON.stringify({ inputs: [{ name: manifest.inputs[0].name, datatype: 'UINT8', shape: [1, info.height, info.width, 4], data: Array.from(data) }] }));
  const inferTimes = [];
  const v2Ms = await timed(async () => inferTimes.push(serverInferMs(await post(port, `/v2/models/${manifest.name}/infer`, inferBody, 'application/json'))));
  const predictTimes = [];
  const predictMs = await timed(async () => predictTimes.push(serverInferMs(await post(port, '/v1/predict', sample, 'image/png'))));
  const load = await autocannon({
    url: `${url}/v1/predict`, method: 'POST', body: sample, headers: { 'content-type': 'image/png' },
    connections: 10, duration: seconds,
  });
  child.kill('SIGTERM');
  if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.on('exit', r));
  const b = await bare();
  const r3 = (x) => +x.toFixed(3);
  console.log(JSON.stringify({
    model: manifest.name,
    ort_p50_ms: r3(b.ortMs),
    server_v2_infer_p50_ms: r3(v2Ms),
    server_v2_own_infer_p50_ms: r3(p50(inferTimes.slice(WARMUP))),
    overhead_v2_vs_ort: r3(v2Ms / b.ortMs - 1),
    decode_plus_ort_p50_ms: r3(b.decodeAndOrtMs),
    server_predict_p50_ms: r3(predictMs),
    server_predict_own_infer_p50_ms: r3(p50(predictTimes.slice(WARMUP))),
    overhead_predict_vs_decode_plus_ort: r3(predictMs / b.decodeAndOrtMs - 1),
    load_seconds: seconds,
    requests_per_s: Math.round(load.requests.average),
    load_latency_p50_ms: load.latency.p50,
    load_latency_p99_ms: load.latency.p99,
    requests: load.requests.total,
    errors: load.errors + load.non2xx + load.timeouts,
  }, null, 2));
  agent.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
