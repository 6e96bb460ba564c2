'use strict';
// The inference server: Open Inference Protocol (KServe v2 REST) plus a convenience /v1/predict,
// Prometheus metrics and JSON logs. buildApp() is what server.js runs and what the tests start.
const http = require('http');
const Fastify = require('fastify');
const client = require('prom-client');
const { Model, BadInput, shown } = require('./model');
const { MultipartForm, firstFile } = require('./form');

function buildMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new client.Counter({
      name: 'netloom_http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    latency: new client.Histogram({
      name: 'netloom_http_request_duration_seconds',
      help: 'HTTP request latency',
      labelNames: ['route'],
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
      registers: [registry],
    }),
    inference: new client.Histogram({
      name: 'netloom_inference_duration_seconds',
      help: 'Time spent in ONNX Runtime',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1],
      registers: [registry],
    }),
  };
}

function softmaxLabels(model, probabilities, topK) {
  const entries = model.labels.map((label, k) => [label, probabilities[k]]);
  entries.sort((a, b) => b[1] - a[1]);
  const kept = topK > 0 ? entries.slice(0, topK) : entries;
  return { label: entries[0][0], probabilities: Object.fromEntries(kept) };
}

// Server-Timing (W3C; shown by browsers and `curl -v`): where the request's time went, in ms.
function serverTiming(parts) {
  return Object.entries(parts)
    .map(([name, seconds]) => `${name};dur=${(seconds * 1e3).toFixed(3)}`)
    .join(', ');
}

// Fastify's own errors for a client's mistakes, as the sentences this server answers with.
function clientErrorMessage(error, config) {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return [413, `request body is larger than ${config.maxBodyBytes} bytes (MAX_BODY_BYTES)`];
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return [400, 'empty body: send JSON'];
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
    case 'FST_ERR_CTP_EMPTY_TYPE':
      return [415, `${error.message}: send application/json, an image (image/*, application/octet-stream), multipart/form-data or, to a table model, text/csv`];
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return [400, 'the body is not as long as its content-length says'];
    default:
      break;
  }
  // JSON.parse's SyntaxError, which fastify marks 400.
  if (error instanceof SyntaxError) return [400, `the body is not valid JSON: ${error.message}`];
  return null;
}

// Malformed HTTP (a bad request line or header, broken chunked encoding): node's parser refuses it
// before fastify sees a request. The answer is the same JSON as everywhere else.
function answerMalformedHttp(error, socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, text] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large']
    : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout'] : [400, 'Bad Request'];
  const body = JSON.stringify({ error: `malformed HTTP request (${error.code || error.message})` });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy();
}

// The HTTP server, as fastify makes it, but a request line that is not HTTP/1.x ("GET /path" alone
// parses as HTTP/0.9) gets a 400 here: fastify would answer 505, and a client's mistake is never a 5xx.
function httpServer(handler, options) {
  const server = http.createServer(options.http || {}, (req, res) => {
    if (req.httpVersionMajor === 1) return handler(req, res);
    const body = JSON.stringify({ error: `HTTP/${req.httpVersion} is not supported: send HTTP/1.1` });
    res.writeHead(400, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' });
    return res.end(body);
  });
  server.keepAliveTimeout = options.keepAliveTimeout;
  server.requestTimeout = options.requestTimeout;
  return server;
}

// The Open Inference Protocol request around the tensors: {"id"?, "inputs": [...], "outputs"?: [{"name"}]}.
function checkInferRequest(body, model) {
  if (!isJsonObject(body)) {
    throw new BadInput('send JSON {"inputs": [{"name", "shape", "datatype", "data"}]}');
  }
  if (!Array.isArray(body.inputs) || body.inputs.length === 0) {
    throw new BadInput(`"inputs" must be a non-empty array of {"name", "shape", "datatype", "data"}, got ${shown(body.inputs)}`);
  }
  if (body.id !== undefined && typeof body.id !== 'string') throw new BadInput(`"id" must be a string, got ${shown(body.id)}`);
  let wanted = null;
  if (body.outputs !== undefined) {
    const known = model.manifest.outputs.map((o) => o.name);
    if (!Array.isArray(body.outputs)) throw new BadInput(`"outputs" must be an array of {"name"}, got ${shown(body.outputs)}`);
    wanted = body.outputs.map((o) => {
      if (!o || typeof o !== 'object' || !known.includes(o.name)) {
        throw new BadInput(`unknown output ${shown(o && typeof o === 'object' ? o.name : o)}; the model gives ${known.map((n) => `"${n}"`).join(', ')}`);
      }
      return o.name;
    });
    if (wanted.length === 0) wanted = null;
  }
  return wanted;
}

function feedsFor(inputs, model) {
  const feeds = new Map();
  for (const input of inputs) {
    const tensor = model.tensorFor(input);
    if (feeds.has(input.name)) throw new BadInput(`input "${input.name}" is given twice`);
    feeds.set(input.name, tensor);
  }
  for (const spec of model.manifest.inputs) {
    if (!feeds.has(spec.name)) throw new BadInput(`missing input "${spec.name}"`);
  }
  return Object.fromEntries(feeds);
}

// Whether the body is a JSON object (not a Buffer, a string, a multipart form or an array).
function isJsonObject(body) {
  return Boolean(body) && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body) && !(body instanceof MultipartForm);
}

// The image of a /v1/predict request: the body itself, or the first file of a multipart form.
async function imageBytes(body) {
  if (!(body instanceof MultipartForm)) return body;
  const file = await firstFile(body);
  if (file === null) throw new BadInput('the multipart form has no file');
  return file;
}

async function buildApp(config) {
  const model = await Model.load(config.modelDir, { threads: config.threads, maxImagePixels: config.maxImagePixels });
  const app = Fastify({
    logger: config.logger === false ? false : { level: config.logLevel || 'info' },
    bodyLimit: config.maxBodyBytes,
    clientErrorHandler: answerMalformedHttp,
    serverFactory: httpServer,
    // A URL fastify's router cannot decode ("/v2/models/%zz").
    frameworkErrors: (error, request, reply) => {
      const status = error.code === 'FST_ERR_BAD_URL' ? 400 : 500;
      reply.code(status).send({ error: status === 400 ? `the URL is not valid: ${error.message}` : error.message });
    },
  });
  const metrics = buildMetrics();

  // Images arrive as the raw body (curl --data-binary @shirt.png -H 'content-type: image/png') or as
  // a multipart form (curl -F file=@shirt.png), both read whole within MAX_BODY_BYTES.
  app.addContentTypeParser(['application/octet-stream', /^image\/.*/], { parseAs: 'buffer' }, (req, body, done) =>
    done(null, body));
  // Table rows as CSV text (curl --data-binary @rows.csv -H 'content-type: text/csv').
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string' }, (req, body, done) => done(null, body));
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (req, body, done) =>
    done(null, new MultipartForm(body, req.headers['content-type'])));

  app.addHook('onResponse', async (request, reply) => {
    const route = (request.routeOptions && request.routeOptions.url) || 'unknown';
    metrics.requests.inc({ method: request.method, route, status: reply.statusCode });
    metrics.latency.observe({ route }, reply.elapsedTime / 1000);
  });

  app.setErrorHandler((error, request, reply) => {
    const known = clientErrorMessage(error, config);
    let [status, message] = known || [error.statusCode, error.message];
    if (!(Number.isInteger(status) && status >= 400 && status <= 599)) status = 500;
    if (status >= 500) {
      request.log.error(error);
      message = `internal error: ${error.message}`;
    }
    reply.code(status).send({ error: message });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `no route ${request.method} ${request.url}` }));

  const knownModel = (request) => {
    if (request.params.name !== model.name) {
      throw new BadInput(`unknown model ${shown(request.params.name)}; this server serves "${model.name}"`, 404);
    }
  };

  app.get('/v2/health/live', async () => ({ live: true }));
  app.get('/v2/health/ready', async (request, reply) => {
    if (!model.ready) return reply.code(503).send({ ready: false });
    return { ready: true };
  });
  app.get('/v2', async () => ({ name: 'netloom', version: '1', extensions: [] }));
  app.get('/v2/models/:name', async (request) => {
    knownModel(request);
    return model.metadata();
  });
  app.get('/v2/models/:name/ready', async (request) => {
    knownModel(request);
    return { name: model.name, ready: model.ready };
  });

  app.post('/v2/models/:name/infer', async (request, reply) => {
    knownModel(request);
    const body = request.body;
    const wanted = checkInferRequest(body, model);
    const run = await model.infer(feedsFor(body.inputs, model));
    metrics.inference.observe(run.seconds);
    reply.header('server-timing', serverTiming({ infer: run.seconds }));
    const outputs = Object.entries(run.results)
      .filter(([name]) => !wanted || wanted.includes(name))
      .map(([name, tensor]) => ({ name, datatype: 'FP32', shape: Array.from(tensor.dims), data: Array.from(tensor.data) }));
    return { model_name: model.name, model_version: '1', id: body.id, outputs };
  });

  app.post('/v1/predict', async (request, reply) => {
    const rawTopK = request.query.top_k;
    const topK = rawTopK === undefined || rawTopK === '' ? 0 : Number(rawTopK);
    if (!Number.isSafeInteger(topK) || topK < 0) throw new BadInput(`top_k must be a whole number, got ${shown(rawTopK)}`);
    const prepareStart = process.hrtime.bigint();
    let feeds;
    let rows = null;
    if (model.table) {
      rows = model.tableRows(request.body);
      feeds = model.tableFeeds(rows);
    } else if (model.tokenizer) {
      if (!isJsonObject(request.body)) throw new BadInput('send JSON {"text": "..."}');
      feeds = model.textFeeds(request.body.text);
    } else if (model.manifest.input_kind === 'image') {
      const bytes = await imageBytes(request.body);
      if (!Buffer.isBuffer(bytes)) throw new BadInput('send an image as the body (image/* or application/octet-stream) or as a multipart file');
      feeds = await model.imageFeeds(bytes);
    } else {
      throw new BadInput('this model takes tensors: use POST /v2/models/{name}/infer');
    }
    const prepareSeconds = Number(process.hrtime.bigint() - prepareStart) / 1e9;
    const what = feeds.image ? `this ${feeds.image.dims[2]}×${feeds.image.dims[1]} image` : rows ? 'these rows' : 'this text';
    const run = await model.infer(feeds, what);
    metrics.inference.observe(run.seconds);
    reply.header('server-timing', serverTiming({ prepare: prepareSeconds, infer: run.seconds }));
    const probs = run.results.probabilities;
    if (!probs) return { outputs: Object.fromEntries(Object.entries(run.results).map(([k, t]) => [k, Array.from(t.data)])) };
    // One answer per row; a single row (JSON "row", or CSV text of one row) answers as an image does.
    const classes = model.labels.length;
    const answers = [];
    for (let r = 0; r * classes < probs.data.length; r++) {
      answers.push(softmaxLabels(model, Array.from(probs.data.subarray(r * classes, (r + 1) * classes)), topK));
    }
    if (rows && (rows.length > 1 || Array.isArray(request.body && request.body.rows))) return { predictions: answers };
    return answers[0];
  });

  app.get('/metrics', async (request, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  return { app, model };
}

module.exports = { buildApp };
