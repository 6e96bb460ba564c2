#!/usr/bin/env node
// The bundle's self-test, run by the export before it says "Verified": this bundle's server code,
// started in-process on the bundle's own model, is sent every golden sample of samples/ as a client
// would send it (the file itself, as the body and as a multipart form, and as Open Inference Protocol
// tensors; texts as JSON; table rows as JSON, as CSV text and as features), and each answer is compared
// with samples/expected.json.
//   node selftest.js BUNDLE_DIR [--tolerance 1e-4]
// Exit 0: every answer within the tolerance with the same top-1 class. 1: a mismatch, a missing
// file, or no samples at all (printed with the sample). 2: usage.
'use strict';
const fs = require('fs');
const path = require('path');

const CONTENT_TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.bmp': 'image/bmp',
  '.webp': 'image/webp', '.gif': 'image/gif', '.tif': 'image/tiff', '.tiff': 'image/tiff' };

class Failure extends Error {}

function parseArgs(argv) {
  const args = { tolerance: 1e-4 };
  for (let k = 0; k < argv.length; k++) {
    if (argv[k] === '--tolerance') args.tolerance = Number(argv[++k]);
    else if (!args.bundle) args.bundle = path.resolve(argv[k]);
    else return null;
  }
  return args.bundle && Number.isFinite(args.tolerance) && args.tolerance >= 0 ? args : null;
}

function readGolden(bundle) {
  const file = path.join(bundle, 'samples', 'expected.json');
  let golden;
  try {
    golden = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Failure(`samples/expected.json cannot be read: ${err.message}`);
  }
  const samples = golden && Array.isArray(golden.samples) ? golden.samples : [];
  if (samples.length === 0) {
    throw new Failure('samples/expected.json has no golden samples: nothing shows that the server gives the studio\'s answers');
  }
  samples.forEach((s, k) => {
    const ok = s && (typeof s.file === 'string' || typeof s.text === 'string' || isRow(s.row)) && typeof s.label === 'string' &&
      s.probabilities && typeof s.probabilities === 'object' && Object.keys(s.probabilities).length > 0;
    if (!ok) throw new Failure(`samples/expected.json: sample ${k} needs "file", "text" or "row", "label" and "probabilities"`);
  });
  return samples;
}

function isRow(row) {
  return Boolean(row) && typeof row === 'object' && !Array.isArray(row);
}

// The first shell word of `text`, unquoted as sh would ('…' and \x; a file name may hold spaces or quotes).
function shellWord(text) {
  let word = '';
  for (let k = 0; k < text.length && !/\s/.test(text[k]); k++) {
    if (text[k] === "'") {
      const end = text.indexOf("'", k + 1);
      word += text.slice(k + 1, end < 0 ? text.length : end);
      k = end < 0 ? text.length : end;
    } else if (text[k] === '\\') word += text[++k] || '';
    else word += text[k];
  }
  return word;
}

// The sample files the README's commands name must exist (they are run as written by `npm test`):
// curl's --data-binary @FILE and Python's open("FILE").
function checkReadmeFiles(bundle) {
  const readme = path.join(bundle, 'README.md');
  if (!fs.existsSync(readme)) return;
  const text = fs.readFileSync(readme, 'utf8');
  const names = [];
  for (const m of text.matchAll(/--data-binary\s+(.*)/g)) names.push(shellWord(m[1]).replace(/^@/, ''));
  for (const m of text.matchAll(/open\(("(?:[^"\\]|\\.)*")/g)) names.push(JSON.parse(m[1]));
  for (const name of names) {
    if (!fs.existsSync(path.join(bundle, name))) throw new Failure(`README.md names ${name}, which is not in the bundle`);
  }
}

function multipartForm(fileName, bytes) {
  const boundary = `----netloom-selftest-${process.pid}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(fileName).replace(/"/g, '%22')}"\r\n` +
    'Content-Type: application/octet-stream\r\n\r\n';
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
}

// The requests a client makes for one sample: [route description, inject options, answer → {label, probabilities}].
async function requestsFor(sample, bundle, model) {
  const infer = `/v2/models/${model.name}/infer`;
  const fromInfer = (body) => {
    const out = body.outputs.find((o) => o.name === 'probabilities');
    if (!out) throw new Failure('the infer answer has no "probabilities" output');
    const probabilities = Object.fromEntries(model.labels.map((label, k) => [label, out.data[k]]));
    const label = model.labels.reduce((best, l) => (probabilities[l] > probabilities[best] ? l : best), model.labels[0]);
    return { label, probabilities };
  };
  const json = (url, obj) => ({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(obj) });
  if (isRow(sample.row)) {
    // A table row: as JSON (column → value as written in the file), as CSV text with its header, and
    // as the float features the encoder makes of it.
    const rows = [{ values: model.table.valuesOf(sample.row, 'row'), where: 'row' }];
    const features = Array.from(model.table.encodeRows(rows));
    const requests = [
      ['POST /v1/predict (JSON row)', json('/v1/predict', { row: sample.row }), (b) => b],
      [`POST ${infer} (FP32 features)`, json(infer, { inputs: [{ name: model.manifest.inputs[0].name, datatype: 'FP32', shape: [1, features.length], data: features }] }), fromInfer],
    ];
    if (typeof sample.csv === 'string') {
      requests.splice(1, 0, ['POST /v1/predict (text/csv)', { method: 'POST', url: '/v1/predict', headers: { 'content-type': 'text/csv' }, payload: sample.csv }, (b) => b]);
    }
    return requests;
  }
  if (typeof sample.text === 'string') {
    const ids = model.tokenizer.encode(sample.text);
    return [
      ['POST /v1/predict (JSON text)', json('/v1/predict', { text: sample.text }), (b) => b],
      [`POST ${infer} (token ids)`, json(infer, { inputs: [{ name: model.manifest.inputs[0].name, datatype: 'INT64', shape: [1, ids.length], data: ids }] }), fromInfer],
    ];
  }
  const file = path.join(bundle, sample.file);
  if (!fs.existsSync(file)) throw new Failure(`samples/expected.json names ${sample.file}, which is not in the bundle`);
  const bytes = fs.readFileSync(file);
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
  const form = multipartForm(sample.file, bytes);
  const { image } = await model.imageFeeds(bytes);  // the decoded image, as a client decoding it would send it
  return [
    [`POST /v1/predict (${type} body)`, { method: 'POST', url: '/v1/predict', headers: { 'content-type': type }, payload: bytes }, (b) => b],
    ['POST /v1/predict (multipart file)', { method: 'POST', url: '/v1/predict', headers: { 'content-type': form.type }, payload: form.body }, (b) => b],
    [`POST ${infer} (UINT8 image tensor)`, json(infer, { inputs: [{ name: 'image', datatype: 'UINT8', shape: Array.from(image.dims), data: Array.from(image.data) }] }), fromInfer],
  ];
}

function compare(where, expected, answer, tolerance) {
  const got = answer.probabilities || {};
  const classes = Object.keys(expected.probabilities);
  const missing = classes.filter((c) => typeof got[c] !== 'number');
  if (missing.length) throw new Failure(`${where}: the answer has no probability for ${missing.map((c) => `"${c}"`).join(', ')}`);
  let worst = 0;
  for (const c of classes) {
    const diff = Math.abs(got[c] - expected.probabilities[c]);
    if (!(diff <= tolerance)) {
      throw new Failure(`${where}: "${c}" is ${got[c]}, the studio said ${expected.probabilities[c]} (|diff| ${diff.toExponential(1)} > ${tolerance})`);
    }
    worst = Math.max(worst, diff);
  }
  if (answer.label !== expected.label) throw new Failure(`${where}: top-1 is "${answer.label}", the studio said "${expected.label}"`);
  return worst;
}

async function selftest({ bundle, tolerance }) {
  const samples = readGolden(bundle);
  checkReadmeFiles(bundle);
  // This bundle's own server code, configured as `node server/server.js` would be (no port: in-process).
  const { loadConfig } = require('./src/config');
  const { buildApp } = require('./src/app');
  const { app, model } = await buildApp({ ...loadConfig(), modelDir: bundle, logger: false });
  try {
    let worst = 0;
    let answers = 0;
    for (const [k, sample] of samples.entries()) {
      const shownInput = sample.file || JSON.stringify(typeof sample.text === 'string' ? sample.text.slice(0, 40) : sample.row).slice(0, 80);
      const name = `sample ${k + 1} of ${samples.length} (${shownInput})`;
      for (const [route, request, read] of await requestsFor(sample, bundle, model)) {
        const res = await app.inject(request);
        if (res.statusCode !== 200) throw new Failure(`${name}, ${route}: HTTP ${res.statusCode} ${res.body.slice(0, 300)}`);
        worst = Math.max(worst, compare(`${name}, ${route}`, sample, read(res.json()), tolerance));
        answers += 1;
      }
    }
    return `${samples.length} samples, ${answers} answers, max |diff| ${worst.toExponential(1)} (tolerance ${tolerance}), top-1 all equal`;
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error('usage: node selftest.js BUNDLE_DIR [--tolerance 1e-4]');
    process.exit(2);
  }
  selftest(args).then(
    (summary) => {
      console.log(`self-test passed: ${summary}`);
      process.exit(0);
    },
    (err) => {
      console.error(`self-test FAILED: ${err instanceof Failure ? err.message : err.stack || err.message}`);
      process.exit(1);
    });
}

module.exports = { selftest };
