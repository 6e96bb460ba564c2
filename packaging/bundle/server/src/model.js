'use strict';
// The exported model: ONNX Runtime session, its KServe description (model.json), labels and the
// preprocessing sidecar.
const fs = require('fs');
const path = require('path');
const ort = require('onnxruntime-node');
const sharp = require('sharp');
const { Tokenizer } = require('./tokenizer');

// Every upload is a new image: libvips' operation cache only costs time here (halves decode
// latency for small images when off).
sharp.cache(false);

const ORT_TYPES = { FP32: 'float32', INT64: 'int64', UINT8: 'uint8' };

function readJson(dir, name) {
  return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
}

class BadInput extends Error {
  constructor(message, statusCode = 400) {
    super(message);
    this.statusCode = statusCode;
  }
}

class Model {
  static async load(dir, threads) {
    const m = new Model();
    m.dir = dir;
    m.manifest = readJson(dir, 'model.json');
    m.labels = readJson(dir, 'labels.json');
    m.preprocess = readJson(dir, 'preprocess.json');
    m.tokenizer = m.preprocess.text ? new Tokenizer(m.preprocess.text) : null;
    m.session = await ort.InferenceSession.create(path.join(dir, 'model.onnx'), {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
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

  // Checks one KServe request input against the model's description and makes an ORT tensor.
  tensorFor(input) {
    if (!input || typeof input !== 'object') throw new BadInput('each input must be an object');
    const spec = this.manifest.inputs.find((i) => i.name === input.name);
    if (!spec) {
      throw new BadInput(`unknown input "${input.name}"; the model takes ${this.manifest.inputs.map((i) => i.name).join(', ')}`);
    }
    if (input.datatype !== spec.datatype) {
      throw new BadInput(`input "${spec.name}": datatype must be ${spec.datatype}, got ${input.datatype}`);
    }
    const shape = input.shape;
    if (!Array.isArray(shape) || shape.length !== spec.shape.length || !shape.every((d) => Number.isInteger(d) && d > 0)) {
      throw new BadInput(`input "${spec.name}": shape must have ${spec.shape.length} positive dimensions like [${spec.shape.join(', ')}]`);
    }
    spec.shape.forEach((d, k) => {
      if (d !== -1 && d !== shape[k]) {
        throw new BadInput(`input "${spec.name}": dimension ${k} must be ${d}, got ${shape[k]}`);
      }
    });
    const count = shape.reduce((a, b) => a * b, 1);
    // KServe allows nested or flat data; flat is the common case and is not copied to flatten it.
    let data = Array.isArray(input.data) ? input.data : null;
    if (data && data.length > 0 && Array.isArray(data[0])) data = data.flat(Infinity);
    if (!data || data.length !== count) {
      throw new BadInput(`input "${spec.name}": shape [${shape.join(', ')}] needs ${count} values, got ${data ? data.length : 'none'}`);
    }
    const type = ORT_TYPES[spec.datatype];
    const values = type === 'int64' ? new BigInt64Array(count) : type === 'uint8' ? new Uint8Array(count) : new Float32Array(count);
    // One pass checks and converts (this runs for every value of every request).
    for (let k = 0; k < count; k++) {
      const v = data[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new BadInput(`input "${spec.name}": data must be finite numbers (value ${k} is ${JSON.stringify(v)})`);
      }
      values[k] = type === 'int64' ? BigInt(Math.trunc(v)) : v;
    }
    return new ort.Tensor(type, values, shape);
  }

  async infer(feeds) {
    const started = process.hrtime.bigint();
    const results = await this.session.run(feeds);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { results, seconds };
  }

  // Raw bytes of an image → the model's uint8 NHWC RGBA input, decoded as the studio decodes; the
  // model composites transparency over the project's background itself.
  async imageFeeds(bytes) {
    if (!bytes || bytes.length === 0) throw new BadInput('empty body: send an image');
    let decoded;
    try {
      decoded = await sharp(bytes).toColourspace('srgb').ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    } catch (err) {
      throw new BadInput('the body is not a readable image (PNG, JPEG, BMP, WebP)');
    }
    const { width, height, channels } = decoded.info;
    if (channels !== 4) throw new BadInput(`decoded image has ${channels} channels, expected RGBA`);
    return { image: new ort.Tensor('uint8', new Uint8Array(decoded.data), [1, height, width, 4]) };
  }

  textFeeds(text) {
    if (typeof text !== 'string' || text.length === 0) throw new BadInput('send JSON {"text": "..."} with a non-empty text');
    const ids = this.tokenizer.encode(text);
    return { tokens: new ort.Tensor('int64', BigInt64Array.from(ids, (v) => BigInt(v)), [1, ids.length]) };
  }
}

module.exports = { Model, BadInput };
