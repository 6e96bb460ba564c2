#!/usr/bin/env node
// Server overhead and load, on loopback only. Usage:
//   node scripts/bench-server.js BUNDLE_DIR [SECONDS]
// 1. bare ONNX Runtime: session.run on the decoded sample image, batch 1 (p50 over 2000 runs);
// 2. the server in this process's child: POST /v1/predict with the same PNG, sequential (p50 over 2000);
// 3. autocannon, 10 connections, SECONDS (default 60), bounded: requests/s, latency, errors.
'use strict';
const path = require('path');
const fs = require('fs');
const { spawn } = require('child_process');
const serverDir = path.join(__dirname, '..', 'packaging', 'bundle', 'server');
const ort = require(path.join(serverDir, 'node_modules', 'onnxruntime-node'));
const sharp = require(path.join(serverDir, 'node_modules', 'sharp'));
const autocannon = require(path.join(serverDir, 'node_modules', 'autocannon'));
sharp.cache(false);  // as the server does

const bundle = path.resolve(process.argv[2] || '');
const seconds = Number(process.argv[3] || 60);
const sample = fs.readFileSync(path.join(bundle, 'samples', '0.png'));

function p50(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function bareOrt() {
  const session = await ort.InferenceSession.create(path.join(bundle, 'model.onnx'), { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const { data, info } = await sharp(sample).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const feeds = { image: new ort.Tensor('uint8', new Uint8Array(data), [1, info.height, info.width, 3]) };
  const times = [];
  for (let i = 0; i < 2200; i++) {
    const t = process.hrtime.bigint();
    await session.run(feeds);
    if (i >= 200) times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  // Bare ORT plus the decode the server must also do, for a like-for-like ratio.
  const withDecode = [];
  for (let i = 0; i < 2200; i++) {
    const t = process.hrtime.bigint();
    const d = await sharp(sample).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    await session.run({ image: new ort.Tensor('uint8', new Uint8Array(d.data), [1, d.info.height, d.info.width, 3]) });
    if (i >= 200) withDecode.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { ortMs: p50(times), decodeAndOrtMs: p50(withDecode) };
}

async function main() {
  const bare = await bareOrt();
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
  const times = [];
  for (let i = 0; i < 2200; i++) {
    const t = process.hrtime.bigint();
    const r = await fetch(`${url}/v1/predict`, { method: 'POST', body: sample, headers: { 'content-type': 'image/png' } });
    await r.json();
    if (i >= 200) times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const serverMs = p50(times);
  const load = await autocannon({
    url: `${url}/v1/predict`, method: 'POST', body: sample, headers: { 'content-type': 'image/png' },
    connections: 10, duration: seconds,
  });
  child.kill('SIGTERM');
  const result = {
    ort_p50_ms: +bare.ortMs.toFixed(3),
    decode_plus_ort_p50_ms: +bare.decodeAndOrtMs.toFixed(3),
    server_p50_ms: +serverMs.toFixed(3),
    overhead_vs_decode_plus_ort: +(serverMs / bare.decodeAndOrtMs - 1).toFixed(3),
    load_seconds: seconds,
    requests_per_s: Math.round(load.requests.average),
    load_latency_p50_ms: load.latency.p50,
    load_latency_p99_ms: load.latency.p99,
    requests: load.requests.total,
    errors: load.errors + load.non2xx + load.timeouts,
  };
  console.log(JSON.stringify(result, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
