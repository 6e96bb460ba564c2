'use strict';
// The inference server: Open Inference Protocol (KServe v2 REST) plus a convenience /v1/predict,
// Prometheus metrics and JSON logs. buildApp() is what server.js runs and what the tests start.
const Fastify = require('fastify');
const multipart = require('@fastify/multipart');
const client = require('prom-client');
const { Model, BadInput } = require('./model');

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

async function buildApp(config) {
  const model = await Model.load(config.modelDir, config.threads);
  const app = Fastify({
    logger: config.logger === false ? false : { level: config.logLevel || 'info' },
    bodyLimit: config.maxBodyBytes,
  });
  const metrics = buildMetrics();

  await app.register(multipart, { limits: { fileSize: config.maxBodyBytes, files: 1 } });
  // Images arrive as the raw body too (curl --data-binary @shirt.png -H 'content-type: image/png').
  app.addContentTypeParser(['application/octet-stream', /^image\/.*/], { parseAs: 'buffer' }, (req, body, done) =>
    done(null, body));

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url || 'unknown';
    metrics.requests.inc({ method: request.method, route, status: reply.statusCode });
    metrics.latency.observe({ route }, reply.elapsedTime / 1000);
  });

  app.setErrorHandler((error, request, reply) => {
    let status = error.statusCode || 500;
    let message = error.message;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_REQ_FILE_TOO_LARGE') {
      status = 413;
      message = `request body is larger than ${config.maxBodyBytes} bytes`;
    } else if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      message = 'empty body: send JSON';
    } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      status = 415;
    }
    if (status >= 500) request.log.error(error);
    reply.code(status).send({ error: message });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `no route ${request.method} ${request.url}` }));

  const knownModel = (request) => {
    if (request.params.name !== model.name) {
      throw new BadInput(`unknown model "${request.params.name}"; this server serves "${model.name}"`, 404);
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
    if (!body || typeof body !== 'object' || !Array.isArray(body.inputs) || body.inputs.length === 0) {
      throw new BadInput('send {"inputs": [{"name", "shape", "datatype", "data"}]}');
    }
    const feeds = {};
    for (const input of body.inputs) feeds[input.name] = model.tensorFor(input);
    for (const spec of model.manifest.inputs) {
      if (!feeds[spec.name]) throw new BadInput(`missing input "${spec.name}"`);
    }
    let run;
    try {
      run = await model.infer(feeds);
    } catch (err) {
      throw new BadInput(`the model could not run on this input: ${err.message}`);
    }
    metrics.inference.observe(run.seconds);
    reply.header('server-timing', serverTiming({ infer: run.seconds }));
    const wanted = Array.isArray(body.outputs) && body.outputs.length ? body.outputs.map((o) => o.name) : null;
    const outputs = Object.entries(run.results)
      .filter(([name]) => !wanted || wanted.includes(name))
      .map(([name, tensor]) => ({ name, datatype: 'FP32', shape: Array.from(tensor.dims), data: Array.from(tensor.data) }));
    return { model_name: model.name, model_version: '1', id: body.id, outputs };
  });

  app.post('/v1/predict', async (request, reply) => {
    const topK = Number(request.query.top_k || 0);
    if (!Number.isInteger(topK) || topK < 0) throw new BadInput('top_k must be a whole number');
    const prepareStart = process.hrtime.bigint();
    let feeds;
    if (model.tokenizer) {
      if (!request.body || typeof request.body !== 'object') throw new BadInput('send JSON {"text": "..."}');
      feeds = model.textFeeds(request.body.text);
    } else if (model.manifest.input_kind === 'image') {
      let bytes = request.body;
      if (request.isMultipart()) {
        const file = await request.file();
        if (!file) throw new BadInput('the multipart form has no file');
        bytes = await file.toBuffer();
      }
      if (!Buffer.isBuffer(bytes)) throw new BadInput('send an image as the body (image/* or application/octet-stream) or as a multipart file');
      feeds = await model.imageFeeds(bytes);
    } else {
      throw new BadInput('this model takes tensors: use POST /v2/models/{name}/infer');
    }
    const prepareSeconds = Number(process.hrtime.bigint() - prepareStart) / 1e9;
    const run = await model.infer(feeds);
    metrics.inference.observe(run.seconds);
    reply.header('server-timing', serverTiming({ prepare: prepareSeconds, infer: run.seconds }));
    const probs = run.results.probabilities;
    if (!probs) return { outputs: Object.fromEntries(Object.entries(run.results).map(([k, t]) => [k, Array.from(t.data)])) };
    return softmaxLabels(model, Array.from(probs.data), topK);
  });

  app.get('/metrics', async (request, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  return { app, model };
}

module.exports = { buildApp };
