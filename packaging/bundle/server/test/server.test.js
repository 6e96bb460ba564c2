'use strict';
// End-to-end checks of the bundled server against the real exported model of this bundle
// (MODEL_DIR, default: the bundle folder above server/). Run with `npm test`.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { buildApp } = require('../src/app');

const modelDir = path.resolve(process.env.MODEL_DIR || path.join(__dirname, '..', '..'));
const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, 'model.json'), 'utf8'));
const golden = JSON.parse(fs.readFileSync(path.join(modelDir, 'samples', 'expected.json'), 'utf8'));
const isImage = manifest.input_kind === 'image';
const isTable = manifest.input_kind === 'table';
const MAX_BODY = 256 * 1024;

let app;
test.before(async () => {
  ({ app } = await buildApp({ modelDir, threads: 1, maxBodyBytes: MAX_BODY, logger: false }));
  await app.listen({ host: '127.0.0.1', port: 0 });
});
test.after(() => app.close());

const url = (p) => `http://127.0.0.1:${app.server.address().port}${p}`;
async function call(method, p, body, headers = {}) {
  const res = await fetch(url(p), { method, body, headers });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json, text, headers: res.headers };
}
const postJson = (p, obj) => call('POST', p, JSON.stringify(obj), { 'content-type': 'application/json' });

function predictSample(sample, query = '') {
  if (isImage) {
    const bytes = fs.readFileSync(path.join(modelDir, sample.file));
    return call('POST', `/v1/predict${query}`, bytes, { 'content-type': 'image/png' });
  }
  if (isTable) return postJson(`/v1/predict${query}`, { row: sample.row });
  return postJson(`/v1/predict${query}`, { text: sample.text });
}

test('health endpoints answer', async () => {
  assert.deepEqual((await call('GET', '/v2/health/live')).json, { live: true });
  assert.deepEqual((await call('GET', '/v2/health/ready')).json, { ready: true });
  const ready = await call('GET', `/v2/models/${manifest.name}/ready`);
  assert.equal(ready.status, 200);
  assert.equal(ready.json.ready, true);
});

test('model metadata lists inputs and outputs with -1 for the batch', async () => {
  const r = await call('GET', `/v2/models/${manifest.name}`);
  assert.equal(r.status, 200);
  assert.equal(r.json.name, manifest.name);
  assert.ok(r.json.inputs.length >= 1);
  for (const t of [...r.json.inputs, ...r.json.outputs]) assert.equal(t.shape[0], -1, `${t.name} batch is -1`);
  assert.ok(r.json.outputs.some((o) => o.name === 'probabilities'));
});

test('unknown model name is a 404 with a message', async () => {
  const r = await call('GET', '/v2/models/nope');
  assert.equal(r.status, 404);
  assert.match(r.json.error, /unknown model "nope"/);
});

test('every golden sample reproduces the studio within 1e-3 through /v1/predict', async () => {
  assert.ok(golden.samples.length >= 3);
  for (const sample of golden.samples) {
    const r = await predictSample(sample);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.label, sample.label, `${sample.file || sample.text}`);
    for (const [cls, p] of Object.entries(sample.probabilities)) {
      assert.ok(Math.abs(r.json.probabilities[cls] - p) <= 1e-3, `${cls}: ${r.json.probabilities[cls]} vs ${p}`);
    }
  }
});

// Server-Timing: `prepare` (decode or tokenize) and `infer` in ms, for monitoring and benchmarks.
function timings(response) {
  const header = response.headers.get('server-timing') || '';
  return Object.fromEntries(header.split(', ').filter(Boolean).map((part) => {
    const [name, dur] = part.split(';dur=');
    return [name, Number(dur)];
  }));
}

test('inference answers say where their time went (Server-Timing)', async () => {
  const predicted = timings(await predictSample(golden.samples[0]));
  assert.deepEqual(Object.keys(predicted), ['prepare', 'infer']);
  for (const ms of Object.values(predicted)) assert.ok(ms > 0 && ms < 10000, `${ms}`);
  const inferred = timings(await postJson(`/v2/models/${manifest.name}/infer`, { inputs: [await goldenTensorInput()] }));
  assert.ok(inferred.infer > 0, JSON.stringify(inferred));
});

test('top_k keeps the k most probable classes', async () => {
  const r = await predictSample(golden.samples[0], '?top_k=2');
  assert.equal(r.status, 200);
  assert.equal(Object.keys(r.json.probabilities).length, 2);
  assert.ok(r.json.label in r.json.probabilities);
});

async function goldenTensorInput() {
  const spec = manifest.inputs[0];
  if (isImage) {
    const sharp = require('sharp');
    const { data, info } = await sharp(path.join(modelDir, golden.samples[0].file))
      .toColourspace('srgb').ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { name: spec.name, datatype: spec.datatype, shape: [1, info.height, info.width, 4], data: Array.from(data) };
  }
  if (isTable) {
    const { TableEncoder } = require('../src/table');
    const pre = JSON.parse(fs.readFileSync(path.join(modelDir, 'preprocess.json'), 'utf8'));
    const encoder = new TableEncoder(pre.tabular);
    const data = Array.from(encoder.encodeRows([{ values: encoder.valuesOf(golden.samples[0].row, 'row'), where: 'row' }]));
    return { name: spec.name, datatype: spec.datatype, shape: [1, data.length], data };
  }
  const { Tokenizer } = require('../src/tokenizer');
  const pre = JSON.parse(fs.readFileSync(path.join(modelDir, 'preprocess.json'), 'utf8'));
  const ids = new Tokenizer(pre.text).encode(golden.samples[0].text);
  return { name: spec.name, datatype: spec.datatype, shape: [1, ids.length], data: ids };
}

test('v2 infer returns the same probabilities as the studio', async () => {
  const input = await goldenTensorInput();
  const r = await postJson(`/v2/models/${manifest.name}/infer`, { inputs: [input] });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.model_name, manifest.name);
  const probs = r.json.outputs.find((o) => o.name === 'probabilities');
  assert.deepEqual(probs.shape, [1, manifest.labels_count]);
  const expected = Object.values(golden.samples[0].probabilities);
  const got = Object.fromEntries(JSON.parse(fs.readFileSync(path.join(modelDir, 'labels.json'))).map((l, k) => [l, probs.data[k]]));
  for (const [cls, p] of Object.entries(golden.samples[0].probabilities)) assert.ok(Math.abs(got[cls] - p) <= 1e-3);
  assert.ok(expected.length > 0);
});

test('v2 infer takes data nested as deep as the shape, with the same answer as flat data', async () => {
  const input = await goldenTensorInput();
  const nest = (flat, shape) => (shape.length === 1 ? flat : Array.from({ length: shape[0] }, (_, k) => {
    const size = flat.length / shape[0];
    return nest(flat.slice(k * size, (k + 1) * size), shape.slice(1));
  }));
  const flat = await postJson(`/v2/models/${manifest.name}/infer`, { inputs: [input] });
  const nested = await postJson(`/v2/models/${manifest.name}/infer`, { inputs: [{ ...input, data: nest(input.data, input.shape) }] });
  assert.equal(nested.status, 200, nested.text);
  assert.deepEqual(nested.json.outputs, flat.json.outputs);
});

test('bad requests get 4xx with a message and the server keeps serving', async () => {
  const input = await goldenTensorInput();
  const infer = `/v2/models/${manifest.name}/infer`;
  const cases = [
    [{ inputs: [{ ...input, datatype: 'FP64' }] }, /datatype must be/],
    [{ inputs: [{ ...input, shape: [2, ...input.shape.slice(1)] }] }, /needs \d+ values/],
    [{ inputs: [{ ...input, shape: [1] }] }, /shape must have/],
    [{ inputs: [{ ...input, name: 'other' }] }, /unknown input "other"/],
    [{ inputs: [] }, /"inputs" must be a non-empty array/],
    [{ inputs: [{ ...input, data: input.data.map(() => 'x') }] }, /value 0 is "x", not a/],
    // The 500: {"inputs": [null]} threw a TypeError.
    [{ inputs: [null] }, /each input must be an object/],
    [{ inputs: [{ ...input, data: input.data.map((v, k) => (k === 3 ? null : v)) }] }, /value 3 is null/],
    [{ inputs: [{ ...input, data: [[null]] }] }, /needs \d+ values, got 1/],
    [{ inputs: [{ ...input, name: { toString: 1 } }] }, /unknown input \{"toString":1\}/],
    [{ inputs: [input, input] }, /given twice/],
    [{ inputs: [input], outputs: [null] }, /unknown output null/],
    [{ inputs: [input], id: 7 }, /"id" must be a string/],
  ];
  // Values the datatype cannot hold are refused, not wrapped or rounded into another value.
  if (input.datatype === 'FP32') cases.push([{ inputs: [{ ...input, data: input.data.map((v, k) => (k === 0 ? 1e39 : v)) }] }, /value 0 is 1e\+39, not a finite number within FP32 range/]);
  else {
    cases.push([{ inputs: [{ ...input, data: input.data.map((v, k) => (k === 0 ? (input.datatype === 'UINT8' ? 256 : 1.5) : v)) }] },
      /value 0 is (256|1\.5), not a whole number/]);
  }
  if (input.datatype === 'INT64') cases.push([{ inputs: [{ ...input, data: input.data.map(() => 1e6) }] }, /not a token id 0\.\.\d+/]);
  for (const [body, message] of cases) {
    const r = await postJson(infer, body);
    assert.equal(r.status, 400, JSON.stringify(body).slice(0, 80));
    assert.match(r.json.error, message);
  }
  assert.equal((await call('POST', infer, '{not json', { 'content-type': 'application/json' })).status, 400);
  assert.equal((await call('POST', infer, '', { 'content-type': 'application/json' })).status, 400);
  if (isImage) {
    const notImage = await call('POST', '/v1/predict', Buffer.from('definitely not an image'), { 'content-type': 'image/png' });
    assert.equal(notImage.status, 400);
    assert.match(notImage.json.error, /not a readable image/);
    const empty = await call('POST', '/v1/predict', Buffer.alloc(0), { 'content-type': 'application/octet-stream' });
    assert.equal(empty.status, 400);
    // An image the model cannot take (without a resize step, only the size it was trained on) is the
    // client's 400 with ONNX Runtime's reason, not a 500.
    const tiny = await require('sharp')({ create: { width: 3, height: 2, channels: 3, background: '#808080' } }).png().toBuffer();
    const small = await call('POST', '/v1/predict', tiny, { 'content-type': 'image/png' });
    assert.ok(small.status === 200 || (small.status === 400 && /could not run on this 3×2 image/.test(small.json.error)), small.text);
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(path.join(modelDir, golden.samples[0].file))]), 'x.png');
    const multi = await fetch(url('/v1/predict'), { method: 'POST', body: form });
    assert.equal(multi.status, 200);
    assert.equal((await multi.json()).label, golden.samples[0].label);
  } else if (isTable) {
    const pre = JSON.parse(fs.readFileSync(path.join(modelDir, 'preprocess.json'), 'utf8'));
    const numeric = pre.tabular.columns.find((c) => c.kind === 'numeric');
    const first = pre.tabular.columns[0].name;
    const cases = [
      [{ row: { nope: 1 } }, /unknown column "nope"/],
      [{ row: {} }, /names none of the model's columns/],
      [{ row: [1] }, /an array row needs \d+ values/],
      [{ row: { [first]: { x: 1 } } }, new RegExp(`column "${first}": \\{"x":1\\} is not a value`)],
      [{ row: { [first]: true } }, /is not a value; send a string, a number or null/],
      [{ rows: [] }, /"rows" must be a non-empty array/],
      [{ rows: [golden.samples[0].row, 7] }, /row 1: a row is an object/],
      [{ row: golden.samples[0].row, rows: [golden.samples[0].row] }, /either "row" .* or "rows"/],
      [{ text: 'a table model' }, /either "row" .* or "rows"/],
    ];
    if (numeric) cases.push([{ row: { [numeric.name]: 'twelve' } }, new RegExp(`column "${numeric.name}": "twelve" is not a number`)]);
    for (const [body, message] of cases) {
      const r = await postJson('/v1/predict', body);
      assert.equal(r.status, 400, JSON.stringify(body).slice(0, 80));
      assert.match(r.json.error, message);
    }
    const csv = (text) => call('POST', '/v1/predict', text, { 'content-type': 'text/csv' });
    const header = Object.keys(golden.samples[0].row).join(',');
    for (const [text, message] of [
      ['', /no rows|empty body/], [`${header}\n`, /a header but no rows/], [`${header}\n1\n`, /CSV line 2: 1 fields, the header has/],
      ['"unclosed\n', /never closed/], ['1,2,3,4,5,6,7,8,9,10,11,12,13,14\n', /CSV line 1: 14 fields/],
    ]) {
      const r = await csv(text);
      assert.equal(r.status, 400, text);
      assert.match(r.json.error, message);
    }
  } else {
    const noText = await postJson('/v1/predict', { text: '' });
    assert.equal(noText.status, 400);
    assert.match(noText.json.error, /non-empty text/);
  }
  const big = await call('POST', '/v1/predict', Buffer.alloc(MAX_BODY + 1000, 1), { 'content-type': 'application/octet-stream' });
  assert.equal(big.status, 413);
  assert.match(big.json.error, /larger than/);
  assert.equal((await call('GET', '/v2/health/ready')).status, 200);
});

test('metrics expose request counts, latency and inference time', async () => {
  const r = await call('GET', '/metrics');
  assert.equal(r.status, 200);
  assert.match(r.text, /netloom_http_requests_total\{method="POST",route="\/v1\/predict",status="200"\} \d+/);
  assert.match(r.text, /netloom_http_request_duration_seconds_bucket/);
  assert.match(r.text, /netloom_inference_duration_seconds_count \d+/);
});

test("the README's curl commands work as written", async () => {
  // Asynchronous: the server answering curl runs in this very process.
  const execFile = require('util').promisify(require('child_process').execFile);
  const readme = fs.readFileSync(path.join(modelDir, 'README.md'), 'utf8');
  const block = readme.split('These are the commands')[1].split('```sh')[1].split('```')[0];
  const commands = block.trim().split('\n').filter((l) => l.startsWith('curl '));
  assert.ok(commands.length >= 4);
  const port = app.server.address().port;
  for (const command of commands) {
    const { stdout: out } = await execFile('bash', ['-c', command.replace('localhost:8080', `127.0.0.1:${port}`)], { cwd: modelDir });
    assert.ok(out.length > 0, command);
    if (!command.includes('/metrics')) assert.doesNotThrow(() => JSON.parse(out), command);
  }
});

test('table models: a CSV of several rows, a JSON batch and single rows give the same answers', { skip: !isTable }, async () => {
  const rows = golden.samples.map((g) => g.row);
  const names = Object.keys(rows[0]);
  const field = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  // Columns in another order than the model's: the header says which is which.
  const order = [...names].reverse();
  const text = `${order.join(',')}\r\n${rows.map((r) => order.map((n) => field(r[n])).join(',')).join('\r\n')}\r\n`;
  const fromCsv = await call('POST', '/v1/predict', text, { 'content-type': 'text/csv' });
  assert.equal(fromCsv.status, 200, fromCsv.text);
  const batch = await postJson('/v1/predict', { rows });
  assert.equal(batch.status, 200, batch.text);
  assert.equal(fromCsv.json.predictions.length, rows.length);
  for (const [k, sample] of golden.samples.entries()) {
    for (const answer of [fromCsv.json.predictions[k], batch.json.predictions[k]]) {
      assert.equal(answer.label, sample.label);
      for (const [cls, p] of Object.entries(sample.probabilities)) assert.ok(Math.abs(answer.probabilities[cls] - p) <= 1e-4, `${cls}`);
    }
  }
  // Without a header: the model's columns in order (preprocess.json's), as `netloom-cli predict` takes a row.
  const pre = JSON.parse(fs.readFileSync(path.join(modelDir, 'preprocess.json'), 'utf8'));
  const modelOrder = pre.tabular.columns.map((c) => c.name);
  const plain = await call('POST', '/v1/predict', `${modelOrder.map((n) => field(rows[0][n])).join(',')}\n`, { 'content-type': 'text/csv' });
  assert.equal(plain.status, 200, plain.text);
  assert.equal(plain.json.label, golden.samples[0].label);
  // Every column missing at once is still a row: numbers at their training mean, no category.
  const missing = await postJson('/v1/predict', { row: Object.fromEntries(names.map((n) => [n, null])) });
  assert.equal(missing.status, 200, missing.text);
  const spelled = await postJson('/v1/predict', { row: Object.fromEntries(names.map((n, k) => [n, [' NA ', '', 'n/a', '?', 'NaN', 'null'][k % 6]])) });
  assert.deepEqual(spelled.json, missing.json);
});
