'use strict';
// The exported model: ONNX Runtime session, its KServe description (model.json), labels and the
// preprocessing sidecar. Everything a request sends is checked here before ONNX Runtime sees it:
// a client's mistake is a BadInput (4xx with a sentence), never an exception of ours.
const fs = require('fs');
const path = require('path');
const ort = require('onnxruntime-node');
const sharp = require('sharp');
const { Tokenizer } = require('./tokenizer');
const { TableEncoder, TableError, shown } = require('./table');
const { DEFAULT_MAX_IMAGE_PIXELS } = require('./config');

// Every upload is a new image: libvips' operation cache only costs time here (halves decode
// latency for small images when off).
sharp.cache(false);

const ORT_TYPES = { FP32: 'float32', INT64: 'int64', UINT8: 'uint8' };

// What each datatype accepts, checked value by value as the tensor is filled: a Float32Array would
// turn 1e39 into Infinity, a Uint8Array 256 into 0 and a BigInt64Array 2^70 into something else,
// all without a word.
const VALUE_RULES = {
  FP32: { ok: (v) => Number.isFinite(Math.fround(v)), want: 'a finite number within FP32 range' },
  INT64: { ok: (v) => Number.isSafeInteger(v), want: 'a whole number' },
  UINT8: { ok: (v) => Number.isInteger(v) && v >= 0 && v <= 255, want: 'a whole number 0..255' },
};

function readJson(dir, name) {
  return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
}

class BadInput extends Error {
  constructor(message, statusCode = 400) {
    super(message);
    this.statusCode = statusCode;
  }
}

// KServe data is flat, or nested as deep as the shape. Nested data is flattened without recursion
// (a body of 100,000 nested brackets must not exhaust the stack) and at most count + 1 values are
// gathered, enough to say there are too many.
function flatData(data, name, rank, count) {
  if (!Array.isArray(data)) throw new BadInput(`input "${name}": data must be an array of numbers, got ${shown(data)}`);
  if (data.length === 0 || !Array.isArray(data[0])) return data;
  const out = [];
  const stack = [{ array: data, next: 0 }];
  while (stack.length && out.length <= count) {
    const top = stack[stack.length - 1];
    if (top.next === top.array.length) {
      stack.pop();
      continue;
    }
    const v = top.array[top.next++];
    if (!Array.isArray(v)) out.push(v);
    else if (stack.length >= rank) throw new BadInput(`input "${name}": data is nested deeper than its ${rank} dimensions`);
    else stack.push({ array: v, next: 0 });
  }
  return out;
}

class Model {
  // options: threads (ONNX Runtime intra-op threads), maxImagePixels (larger images are refused
  // before they are decoded).
  static async load(dir, options = {}) {
    const m = new Model();
    m.dir = dir;
    m.manifest = readJson(dir, 'model.json');
    m.labels = readJson(dir, 'labels.json');
    m.preprocess = readJson(dir, 'preprocess.json');
    m.tokenizer = m.preprocess.text ? new Tokenizer(m.preprocess.text) : null;
    m.table = m.manifest.input_kind === 'table' ? new TableEncoder(m.preprocess.tabular) : null;
    m.maxImagePixels = options.maxImagePixels || DEFAULT_MAX_IMAGE_PIXELS;
    m.session = await ort.InferenceSession.create(path.join(dir, 'model.onnx'), {
      intraOpNumThreads: options.threads || 1,
      interOpNumThreads: 1,
      // ONNX Runtime would print each input it refuses to stderr; those are 400s, answered and counted.
      logSeverityLevel: 4,
    });
    m.ready = true;
    return m;
  }

  get name() {
    return this.manifest.name;
  }

  // KServe v2 model metadata.
  metadata() {
    return {
      name: this.manifest.name,
      versions: ['1'],
      platform: 'onnxruntime_onnx',
      inputs: this.manifest.inputs,
      outputs: this.manifest.outputs,
    };
  }

  // Token ids the tokenizer can produce (0 PAD, 1 OOV, then the vocabulary); null for other models.
  get tokenIdLimit() {
    return this.tokenizer ? this.preprocess.text.vocabulary.length + 2 : null;
  }

  // Checks one KServe request input against the model's description and makes an ORT tensor.
  tensorFor(input) {
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      throw new BadInput(`each input must be an object {"name", "shape", "datatype", "data"}, got ${shown(input)}`);
    }
    const spec = this.manifest.inputs.find((i) => i.name === input.name);
    if (!spec) {
      throw new BadInput(`unknown input ${shown(input.name)}; the model takes ${this.manifest.inputs.map((i) => `"${i.name}"`).join(', ')}`);
    }
    if (input.datatype !== spec.datatype) {
      throw new BadInput(`input "${spec.name}": datatype must be ${spec.datatype}, got ${shown(input.datatype)}`);
    }
    const shape = input.shape;
    if (!Array.isArray(shape) || shape.length !== spec.shape.length || !shape.every((d) => Number.isSafeInteger(d) && d > 0)) {
      throw new BadInput(`input "${spec.name}": shape must have ${spec.shape.length} positive whole dimensions like [${spec.shape.join(', ')}], got ${shown(shape)}`);
    }
    spec.shape.forEach((d, k) => {
      if (d !== -1 && d !== shape[k]) {
        throw new BadInput(`input "${spec.name}": dimension ${k} must be ${d}, got ${shape[k]}`);
      }
    });
    const count = shape.reduce((a, b) => a * b, 1);
    // Flat data (the common case) is used as it is, not copied.
    const data = flatData(input.data, spec.name, shape.length, count);
    if (data.length !== count) {
      const got = data === input.data ? data.length : `${data.length > count ? 'more' : data.length}`;  // nested: counted up to count + 1
      throw new BadInput(`input "${spec.name}": shape [${shape.join(', ')}] needs ${count} values, got ${got}`);
    }
    const type = ORT_TYPES[spec.datatype];
    const rule = VALUE_RULES[spec.datatype];
    const limit = type === 'int64' ? this.tokenIdLimit : null;
    const values = type === 'int64' ? new BigInt64Array(count) : type === 'uint8' ? new Uint8Array(count) : new Float32Array(count);
    // One pass checks and converts (this runs for every value of every request).
    for (let k = 0; k < count; k++) {
      const v = data[k];
      if (typeof v !== 'number' || !rule.ok(v)) {
        throw new BadInput(`input "${spec.name}": value ${k} is ${shown(v)}, not ${rule.want}`);
      }
      if (limit !== null && (v < 0 || v >= limit)) {
        throw new BadInput(`input "${spec.name}": value ${k} is ${v}, not a token id 0..${limit - 1} (the vocabulary in preprocess.json)`);
      }
      values[k] = type === 'int64' ? BigInt(v) : v;
    }
    return new ort.Tensor(type, values, shape);
  }

  // ONNX Runtime's refusal of an input that passed the checks above (an image of another size than
  // a model without a resize step was trained on, say) is about that input: a 400 with ONNX
  // Runtime's reason. `what` names the input in that sentence.
  async infer(feeds, what = 'this input') {
    const started = process.hrtime.bigint();
    let results;
    try {
      results = await this.session.run(feeds);
    } catch (err) {
      throw new BadInput(`the model could not run on ${what}: ${err.message}`);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { results, seconds };
  }

  // Raw bytes of an image → the model's uint8 NHWC RGBA input, decoded as the studio decodes; the
  // model composites transparency over the project's background itself.
  async imageFeeds(bytes) {
    if (!bytes || bytes.length === 0) throw new BadInput('empty body: send an image');
    let decoded;
    try {
      decoded = await sharp(bytes, { limitInputPixels: this.maxImagePixels })
        .toColourspace('srgb').ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    } catch (err) {
      if (/pixel limit/.test(err.message)) {
        throw new BadInput(`the image has more than ${this.maxImagePixels} pixels (MAX_IMAGE_PIXELS)`, 413);
      }
      throw new BadInput('the body is not a readable image (PNG, JPEG, BMP, WebP)');
    }
    const { width, height, channels } = decoded.info;
    if (channels !== 4) throw new BadInput(`decoded image has ${channels} channels, expected RGBA`);
    return { image: new ort.Tensor('uint8', new Uint8Array(decoded.data), [1, height, width, 4]) };
  }

  // Table rows as a client sends them → the model's float input, encoded as the studio encodes
  // (src/table.js with preprocess.json's parameters). `rows`: [{values, where}] from tableRows().
  tableFeeds(rows) {
    if (rows.length === 0) throw new BadInput('send at least one row');
    let data;
    try {
      data = this.table.encodeRows(rows);
    } catch (err) {
      if (err instanceof TableError) throw new BadInput(err.message);
      throw err;
    }
    const spec = this.manifest.inputs[0];
    return { [spec.name]: new ort.Tensor('float32', data, [rows.length, this.table.width]) };
  }

  // A /v1/predict body of a table model → rows: CSV text (a string), or JSON {"row": {...} | [...]}
  // or {"rows": [...]}.
  tableRows(body) {
    try {
      if (typeof body === 'string') return this.table.csvRows(body);
      if (!body || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) {
        throw new TableError('send JSON {"row": {"column": value, ...}} or {"rows": [...]}, or CSV text (content-type text/csv)');
      }
      const hasRow = Object.prototype.hasOwnProperty.call(body, 'row');
      const hasRows = Object.prototype.hasOwnProperty.call(body, 'rows');
      if (hasRow === hasRows) throw new TableError('send JSON with either "row" (one row) or "rows" (a list of rows)');
      if (hasRow) return [{ values: this.table.valuesOf(body.row, 'row'), where: 'row' }];
      if (!Array.isArray(body.rows) || body.rows.length === 0) {
        throw new TableError(`"rows" must be a non-empty array of rows, got ${shown(body.rows)}`);
      }
      return body.rows.map((row, k) => ({ values: this.table.valuesOf(row, `row ${k}`), where: `row ${k}` }));
    } catch (err) {
      if (err instanceof TableError) throw new BadInput(err.message);
      throw err;
    }
  }

  textFeeds(text) {
    if (typeof text !== 'string' || text.length === 0) throw new BadInput('send JSON {"text": "..."} with a non-empty text');
    const ids = this.tokenizer.encode(text);
    return { tokens: new ort.Tensor('int64', BigInt64Array.from(ids, (v) => BigInt(v)), [1, ids.length]) };
  }
}

module.exports = { Model, BadInput, shown };
