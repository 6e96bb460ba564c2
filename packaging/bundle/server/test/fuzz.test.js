'use strict';
// A seeded request fuzzer: thousands of malformed requests to every route (bad and truncated JSON,
// wrong shapes, types and datatypes, nulls and nested nulls, huge numbers, wrong lengths, corrupted
// and truncated PNG/JPEG/WebP, odd and missing content types, multipart oddities, odd methods and
// URLs; for table models, broken rows as JSON and as CSV text), then malformed HTTP on a real socket. Not one answer may be a 5xx, every 4xx carries
// {"error": "a sentence"}, and afterwards the server answers a good request exactly as before.
//   FUZZ_SEED=7 FUZZ_REQUESTS=10000 npm test     another seed, more requests (the failure names both)
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const net = require('net');
const path = require('path');
const sharp = require('sharp');
const { buildApp } = require('../src/app');
const { Tokenizer } = require('../src/tokenizer');
const { TableEncoder } = require('../src/table');

const modelDir = path.resolve(process.env.MODEL_DIR || path.join(__dirname, '..', '..'));
const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, 'model.json'), 'utf8'));
const preprocess = JSON.parse(fs.readFileSync(path.join(modelDir, 'preprocess.json'), 'utf8'));
const isImage = manifest.input_kind === 'image';
const isTable = manifest.input_kind === 'table';
const SEED = Number(process.env.FUZZ_SEED || 20261202);
const COUNT = Number(process.env.FUZZ_REQUESTS || 3000);
const MAX_BODY = 256 * 1024;
const INFER = `/v2/models/${manifest.name}/infer`;

// xorshift32: the same seed gives the same requests on every machine.
function randomSource(seed) {
  let s = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)], chance: (p) => next() < p };
}

// PNG chunks carry a CRC-32; a PNG that declares a huge image needs a correct one to get past the
// decoder's first check.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngDeclaring(png, width, height) {
  const out = Buffer.from(png);
  out.writeUInt32BE(width, 16);  // IHDR data starts at 16: signature 8, length 4, type 4
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}

// The size of image the model takes: any, when its preprocessing resizes; else the size it was
// trained on. The first of a golden sample's size and a few common ones that the model answers.
async function acceptedImageSize(app) {
  const sizes = [[28, 28], [32, 32], [64, 64], [96, 96], [224, 224]];
  const golden = path.join(modelDir, 'samples', 'expected.json');
  if (fs.existsSync(golden)) {
    const first = (JSON.parse(fs.readFileSync(golden, 'utf8')).samples || []).find((s) => s.file);
    if (first) {
      const { width, height } = await sharp(path.join(modelDir, first.file)).metadata();
      sizes.unshift([width, height]);
    }
  }
  for (const [width, height] of sizes) {
    const png = await sharp({ create: { width, height, channels: 3, background: '#7f7f7f' } }).png().toBuffer();
    const res = await app.inject({ method: 'POST', url: '/v1/predict', headers: { 'content-type': 'image/png' }, payload: png });
    if (res.statusCode === 200) return [width, height];
  }
  throw new Error(`the model answers none of the image sizes ${sizes.map((s) => s.join('x')).join(', ')}`);
}

// Well-formed material the mutations start from: images of every channel layout in PNG, JPEG and
// WebP, a palette PNG and a 16-bit PNG, the good tensor input and a text.
async function goodMaterial(random) {
  const images = [];
  const spec = manifest.inputs[0];
  if (isImage) {
    const [w, h] = await acceptedImageSize(app);
    for (const channels of [3, 1, 4, 2]) {
      const pixels = Buffer.alloc(w * h * channels);
      for (let k = 0; k < pixels.length; k++) pixels[k] = random.int(256);
      const raw = sharp(pixels, { raw: { width: w, height: h, channels } });
      images.push(await raw.clone().png().toBuffer());
      images.push(await raw.clone().jpeg().toBuffer());
      images.push(await raw.clone().webp().toBuffer());
    }
    images.push(await sharp(images[0]).png({ palette: true }).toBuffer());
    images.push(await sharp(images[0]).toColourspace('rgb16').png().toBuffer());  // 16 bits per channel
  } else {
    images.push(await sharp({ create: { width: 9, height: 7, channels: 3, background: '#808080' } }).png().toBuffer());
  }
  let tensor;
  let row = null;
  let csv = null;
  if (isTable) {
    // A row of the table: a golden sample's, else one made of the columns' own values.
    const encoder = new TableEncoder(preprocess.tabular);
    const golden = path.join(modelDir, 'samples', 'expected.json');
    const first = fs.existsSync(golden) ? (JSON.parse(fs.readFileSync(golden, 'utf8')).samples || []).find((s) => s.row) : null;
    row = first ? first.row : Object.fromEntries(preprocess.tabular.columns.map((c) => [c.name, c.kind === 'numeric' ? String(c.mean) : (c.categories[0] || '')]));
    const names = Object.keys(row);
    const field = (v) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    const line = names.map((n) => field(row[n])).join(',');
    csv = `${names.join(',')}\n${line}\n${line}\n`;
    const data = Array.from(encoder.encodeRows([{ values: encoder.valuesOf(row, 'row'), where: 'row' }]));
    tensor = { name: spec.name, datatype: spec.datatype, shape: [1, data.length], data };
  } else if (isImage) {
    const { data, info } = await sharp(images[0]).toColourspace('srgb').ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    tensor = { name: spec.name, datatype: spec.datatype, shape: [1, info.height, info.width, 4], data: Array.from(data) };
  } else {
    const ids = new Tokenizer(preprocess.text).encode('the quick brown fox is not a fortune');
    tensor = { name: spec.name, datatype: spec.datatype, shape: [1, ids.length], data: ids };
  }
  return { images, tensor, row, csv, text: 'A journey of a thousand miles begins with a single step.' };
}

// Values a client might send where another was expected.
const deepArray = (depth, leaf) => {
  let v = leaf;
  for (let k = 0; k < depth; k++) v = [v];
  return v;
};
const WEIRD = [
  null, true, false, 0, -1, 1.5, -0.5, 255, 256, 1e308, -1e308, 1e39, 2 ** 53 + 2, -(2 ** 63), 'x', '', '1', 'NaN',
  'Infinity', [], {}, [null], [[null]], [[[]]], { toString: 1 }, { valueOf: 1, toString: null }, [1, [2, 3]],
  'a'.repeat(5000), { name: null }, [{}], deepArray(50, 1), deepArray(3, null), ['FP32'],
];

function clone(v) {
  return JSON.parse(JSON.stringify(v));
}

// Every [parent, key] of a JSON tree, arrays of numbers counted as one place (not 784 places).
function places(root) {
  const out = [];
  const walk = (v) => {
    if (!v || typeof v !== 'object') return;
    const keys = Array.isArray(v) ? (v.every((x) => typeof x === 'number') ? [0, v.length - 1].filter((k) => k >= 0) : v.keys()) : Object.keys(v);
    for (const k of keys) {
      out.push([v, k]);
      walk(v[k]);
    }
  };
  walk(root);
  return out;
}

function mutateJson(random, root) {
  const body = clone(root);
  const times = 1 + random.int(3);
  for (let n = 0; n < times; n++) {
    const all = places(body);
    if (!all.length) break;
    const [parent, key] = random.pick(all);
    const what = random.int(10);
    if (what < 5) parent[key] = clone(random.pick(WEIRD));
    else if (what === 5 && !Array.isArray(parent)) delete parent[key];
    else if (what === 6 && Array.isArray(parent[key])) parent[key] = parent[key].slice(0, random.int(parent[key].length + 1));
    else if (what === 7 && Array.isArray(parent[key])) parent[key] = parent[key].concat(parent[key].slice(0, 1 + random.int(4)));
    else if (what === 8 && typeof parent[key] === 'number') parent[key] = random.pick([-parent[key], parent[key] * 1e40, parent[key] + 0.5, String(parent[key])]);
    else parent[random.pick(['extra', 'inputs', 'outputs', 'id', 'parameters', 'data', 'shape', 'name', 'datatype'])] = clone(random.pick(WEIRD));
  }
  return body;
}

function corruptText(random, text) {
  const what = random.int(6);
  if (what === 0) return text.slice(0, random.int(text.length));
  if (what === 1) {
    const chars = text.split('');
    for (let n = 1 + random.int(5); n > 0; n--) chars[random.int(chars.length)] = random.pick(['{', '}', '[', ']', '"', ',', ':', '\\', '\u0000', 'é', ' ', 'x']);
    return chars.join('');
  }
  if (what === 2) {
    return random.pick(['', ' ', 'null', 'true', '0', '"x"', '[]', '{}', '\ufeff{}', '{"inputs":', '{"a":1}{"b":2}', '1e999', '-',
      '{"inputs": [{"__proto__": {"name": "x"}}]}', '{"constructor": {"prototype": {"inputs": 1}}}', '{"text": "\ud800"}']);
  }
  if (what === 3) return '['.repeat(20000 + random.int(20000)) + ']'.repeat(random.int(2) ? 20000 : 10);
  if (what === 4) return `{"inputs": [${'['.repeat(5000)}null${']'.repeat(5000)}]}`;
  return text + random.pick(['x', '}', ',', ' trailing']);
}

function corruptBytes(random, bytes) {
  const what = random.int(7);
  const b = Buffer.from(bytes);
  if (what === 0) return b.subarray(0, random.int(b.length));
  if (what === 1) {
    for (let n = 1 + random.int(12); n > 0; n--) b[random.int(b.length)] = random.int(256);
    return b;
  }
  if (what === 2) {
    const at = random.int(b.length);
    b.fill(0, at, Math.min(b.length, at + 1 + random.int(64)));
    return b;
  }
  if (what === 3) return Buffer.concat([Buffer.from(random.pick(['GIF89a', '\x89PNG', 'BM', 'RIFF', '\xff\xd8\xff'])), b.subarray(random.int(b.length))]);
  if (what === 4 && b.subarray(1, 4).toString() === 'PNG') return pngDeclaring(b, random.pick([0, 1, 60000, 2 ** 31 - 1, 2 ** 32 - 1]), random.pick([0, 1, 60000, 2 ** 31 - 1]));
  if (what === 5) return Buffer.from(Array.from({ length: random.int(300) }, () => random.int(256)));
  return b.subarray(random.int(Math.min(b.length, 32)));
}

const CONTENT_TYPES = [
  undefined, '', 'application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'APPLICATION/JSON',
  'image/png', 'image/jpeg', 'image/', 'image/png; charset=utf-8', 'application/octet-stream', 'text/plain', 'text/html',
  'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=', 'multipart/mixed; boundary=x',
  '*/*', ';;;', 'application/json, text/plain', 'a'.repeat(2000), 'application/json; boundary="x', 'image/png\u0000',
];

function multipartBody(random, image) {
  const boundary = random.pick(['----x', 'b', '-'.repeat(70), 'weird boundary with spaces']);
  const part = (headers, content) => Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.from(content), Buffer.from('\r\n')]);
  const fileHeaders = random.pick([
    'Content-Disposition: form-data; name="file"; filename="x.png"\r\nContent-Type: image/png',
    'Content-Disposition: form-data; name="file"; filename="../../etc/passwd"',
    'Content-Disposition: form-data; name="file"',
    'Content-Type: image/png',
    'Content-Disposition: attachment; filename="a"',
    'Content-Disposition: form-data; name="__proto__"; filename="x"',
    'Content-Disposition: form-data; name="file"; filename=""\r\n' + 'X: y\r\n'.repeat(100),
  ]);
  const parts = [];
  const what = random.int(7);
  if (what === 0) parts.push(part('Content-Disposition: form-data; name="note"', 'no file here'));
  else if (what === 1) for (let n = 0; n < 40; n++) parts.push(part(`Content-Disposition: form-data; name="f${n}"`, 'v'));
  else if (what === 2) parts.push(part(fileHeaders, image), part(fileHeaders, image));
  else if (what === 3) parts.push(part(fileHeaders, Buffer.alloc(0)));
  else parts.push(part(fileHeaders, corruptBytes(random, image)));
  let body = Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
  if (random.chance(0.3)) body = body.subarray(0, random.int(body.length));  // truncated: no closing boundary
  const type = random.chance(0.8) ? `multipart/form-data; boundary=${boundary.includes(' ') ? `"${boundary}"` : boundary}`
    : random.pick(['multipart/form-data', `multipart/form-data; boundary=other`, 'multipart/form-data; boundary="unclosed']);
  return { body, type };
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];
function randomUrl(random) {
  const name = random.pick([manifest.name, 'nope', '', '%zz', '..', manifest.name.toUpperCase(), 'a'.repeat(3000), '%00', '%E2%82']);
  return random.pick([
    '/v2', '/v2/', '/v2/health/live', '/v2/health/ready', `/v2/models/${name}`, `/v2/models/${name}/ready`,
    `/v2/models/${name}/infer`, '/v1/predict', `/v1/predict?top_k=${random.pick(['-1', '1.5', 'abc', '1e309', '', '3', '99999999999999999999'])}`,
    '/v1/predict?top_k=1&top_k=2', '/metrics', '/', '/%', '/v2/models', '//v2//health', '/v2/health/live?%zz', '/v1/predict/../../metrics',
  ]);
}

// CSV text made wrong: corrupted like any text, ragged records, unclosed quotes, odd fields and headers.
function corruptCsv(random, csv) {
  const what = random.int(5);
  if (what === 0) return corruptText(random, csv);
  const lines = csv.split('\n');
  const at = 1 + random.int(Math.max(1, lines.length - 2));
  if (what === 1) lines[at] = `${lines[at]}${random.pick([',', ',x', ',,,,', ''])}`;
  else if (what === 2) lines[at] = lines[at].split(',').slice(0, random.int(3)).join(',');
  else if (what === 3) lines[at] = `"${lines[at]}`;
  else {
    const fields = lines[at].split(',');
    fields[random.int(fields.length)] = random.pick(['abc', '1e999', '0x', '--1', '"', '"'.repeat(4), '\u0000', 'é', ' ', 'Infinity', 'NaN', '1,5', 'a'.repeat(3000)]);
    lines[at] = fields.join(',');
  }
  if (random.chance(0.2)) lines[0] = random.pick(['', 'a,b,c', `${lines[0]},${lines[0]}`, lines[0].toUpperCase(), lines[0].split(',').slice(1).join(',')]);
  return lines.join(random.pick(['\n', '\r\n', '\r']));
}

// One malformed request, described well enough to be replayed.
function makeRequest(random, good) {
  const image = random.pick(good.images);
  const kind = random.int(isTable ? 10 : 8);
  if (kind === 8) {
    const type = random.pick(['text/csv', 'text/csv; charset=utf-8', 'application/csv']);
    return { method: 'POST', url: '/v1/predict', headers: { 'content-type': type }, payload: corruptCsv(random, good.csv) };
  }
  if (kind === 9) {
    const body = random.chance(0.5) ? { row: good.row } : { rows: [good.row, good.row] };
    return { method: 'POST', url: '/v1/predict', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(mutateJson(random, body)) };
  }
  if (kind === 0) {
    return { method: 'POST', url: INFER, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(mutateJson(random, { id: 'a', inputs: [good.tensor], outputs: [{ name: manifest.outputs[0].name }] })) };
  }
  if (kind === 1) {
    const url = random.pick([INFER, '/v1/predict']);
    const text = JSON.stringify(url === INFER ? { inputs: [good.tensor] } : { text: good.text });
    return { method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: corruptText(random, text) };
  }
  if (kind === 2) {
    const payload = random.chance(0.9) ? corruptBytes(random, image) : image;
    return { method: 'POST', url: `/v1/predict${random.pick(['', '?top_k=2', '?top_k=x'])}`, headers: { 'content-type': random.pick(CONTENT_TYPES) }, payload };
  }
  if (kind === 3) {
    const { body, type } = multipartBody(random, image);
    return { method: 'POST', url: random.pick(['/v1/predict', '/v1/predict', INFER]), headers: { 'content-type': type }, payload: body };
  }
  if (kind === 4) {
    return { method: 'POST', url: '/v1/predict', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(mutateJson(random, { text: good.text })) };
  }
  if (kind === 5) {
    const method = random.pick(METHODS);
    const body = method === 'GET' || method === 'HEAD' ? undefined : random.pick([undefined, '{}', image, '']);
    return { method, url: randomUrl(random), headers: body === undefined ? {} : { 'content-type': random.pick(CONTENT_TYPES) }, payload: body };
  }
  if (kind === 6) {
    const payload = random.pick([JSON.stringify({ inputs: [good.tensor] }), image, good.text, '', Buffer.alloc(MAX_BODY + 10, 7)]);
    return { method: 'POST', url: random.pick([INFER, '/v1/predict']), headers: { 'content-type': random.pick(CONTENT_TYPES) }, payload };
  }
  // Headers a proxy or a hand-written client might add.
  return {
    method: 'POST',
    url: random.pick([INFER, '/v1/predict']),
    headers: {
      'content-type': random.pick(['application/json', 'image/png']),
      [random.pick(['content-encoding', 'transfer-encoding', 'expect', 'accept', 'content-language'])]: random.pick(['gzip', 'identity', 'chunked', '100-continue', '*/*', 'x'.repeat(100)]),
    },
    payload: random.pick([image, JSON.stringify({ inputs: [good.tensor] })]),
  };
}

function describe(req) {
  const payload = req.payload === undefined ? '' : Buffer.isBuffer(req.payload) ? `<${req.payload.length} bytes>` : JSON.stringify(req.payload.slice(0, 160));
  return `${req.method} ${req.url.slice(0, 80)} content-type ${JSON.stringify(req.headers['content-type'])} ${payload}`;
}

let app;
let good;
test.before(async () => {
  ({ app } = await buildApp({ modelDir, threads: 1, maxBodyBytes: MAX_BODY, logger: false }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  good = await goodMaterial(randomSource(SEED));
});
test.after(() => app.close());

async function goodAnswers() {
  const predict = isImage
    ? await app.inject({ method: 'POST', url: '/v1/predict', headers: { 'content-type': 'image/png' }, payload: good.images[0] })
    : await app.inject({ method: 'POST', url: '/v1/predict', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(isTable ? { row: good.row } : { text: good.text }) });
  const infer = await app.inject({ method: 'POST', url: INFER, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ inputs: [good.tensor] }) });
  assert.equal(predict.statusCode, 200, predict.body);
  assert.equal(infer.statusCode, 200, infer.body);
  return { predict: predict.json(), infer: infer.json() };
}

test(`${COUNT} malformed requests (seed ${SEED}): no 5xx, every 4xx says why, good requests still answered alike`, async (t) => {
  const before = await goodAnswers();
  const random = randomSource(SEED);
  const statuses = {};
  for (let n = 0; n < COUNT; n++) {
    const req = makeRequest(random, good);
    for (const [k, v] of Object.entries(req.headers)) if (v === undefined) delete req.headers[k];  // no header at all
    const res = await app.inject(req);
    statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1;
    const where = `request ${n} of seed ${SEED}: ${describe(req)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
    assert.ok(res.statusCode < 500, where);
    if (res.statusCode >= 400 && req.method !== 'HEAD') {
      let error;
      assert.doesNotThrow(() => ({ error } = JSON.parse(res.body)), where);
      assert.ok(typeof error === 'string' && error.length > 5, where);
    }
  }
  t.diagnostic(`statuses: ${Object.entries(statuses).map(([s, n]) => `${s} x${n}`).join(', ')}`);
  assert.ok(Object.keys(statuses).filter((s) => s >= 400).length >= 4, 'the requests reached several kinds of refusal');
  assert.deepEqual(await goodAnswers(), before, 'the same good requests get the same answers after the fuzzing');
  assert.equal((await app.inject({ method: 'GET', url: '/v2/health/ready' })).statusCode, 200);
});

// What node's HTTP parser sees before fastify does, sent on a real socket.
function rawExchange(bytes) {
  return new Promise((resolve) => {
    const socket = net.connect(app.server.address().port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => socket.destroy(), 3000);
    socket.on('data', (d) => (answer += d));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.end(bytes);
  });
}

test('malformed HTTP on a socket gets a 4xx or a closed connection, never a 5xx', async () => {
  const cases = [
    'GARBAGE\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n',
    'GET /v2/health/live HTTP/9.9\r\nHost: x\r\n\r\n',
    `POST ${INFER} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n`,
    `POST ${INFER} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}`,
    `POST ${INFER} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}`,
    `POST ${INFER} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"inputs": [`,
    `POST /v1/predict HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nContent-Length: 5000\r\n\r\n\x89PNG`,
    `GET /v2/health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`,
    'GET /v2/models/%zz HTTP/1.1\r\nHost: x\r\n\r\n',
    // A whole request whose form stops in the middle of its file (once enough to stop the process).
    `POST /v1/predict HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 81\r\n\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\n\r\n\x89PNG\r\n\x1a\n\0\0\0`,
    'GET /v2/hea\u0000lth HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET /v2/health/live\r\n\r\n',
    `POST ${INFER} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n{}`,
    `POST ${INFER} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999999999999\r\n\r\n{}`,
  ];
  for (const bytes of cases) {
    const answer = await rawExchange(Buffer.from(bytes, 'latin1'));
    const status = Number((/^HTTP\/1\.[01] (\d{3})/.exec(answer) || [])[1] || 0);
    const where = `${JSON.stringify(bytes.slice(0, 90))} → ${JSON.stringify(answer.slice(0, 200))}`;
    assert.ok(status === 0 || (status >= 200 && status < 500), where);
    if (status >= 400) assert.match(answer, /\{"error":"[^"]{6,}/, where);
  }
  const res = await fetch(`http://127.0.0.1:${app.server.address().port}/v2/health/ready`);
  assert.equal(res.status, 200);
});
