'use strict';
// Offline checks of what cannot be run here: the Kubernetes manifests against the Kubernetes
// JSON schemas (kubernetes-models), the Dockerfile (dockerfile-utils), and Triton's config.pbtxt
// against the exported model's inputs and outputs.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const { validate: validateDockerfile } = require('dockerfile-utils');

const bundle = path.resolve(process.env.MODEL_DIR || path.join(__dirname, '..', '..'));
const manifest = JSON.parse(fs.readFileSync(path.join(bundle, 'model.json'), 'utf8'));
const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const models = {
  'apps/v1/Deployment': require('kubernetes-models/apps/v1/Deployment').Deployment,
  'v1/Service': require('kubernetes-models/v1/Service').Service,
  'autoscaling/v2/HorizontalPodAutoscaler': require('kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler').HorizontalPodAutoscaler,
};

function documents(dir) {
  return fs.readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
    .flatMap((f) => YAML.parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map((d) => [f, d.toJSON()]));
}

// The bundle may be written without Triton (netloom-cli export --bundle --no-triton).
const triton = fs.existsSync(path.join(bundle, 'triton'));
const noTriton = triton ? false : 'the bundle was written without triton/';

// Kubernetes quantities as numbers, to compare requests with limits ("250m" → 0.25, "1Gi" → 2^30).
function quantity(q) {
  const m = /^([0-9]+(?:\.[0-9]+)?|\.[0-9]+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(String(q));
  assert.ok(m, `${q} is a quantity`);
  const scale = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
  return Number(m[1]) * (m[2] ? scale[m[2]] : 1);
}

for (const dir of ['k8s', 'triton/k8s']) {
  test(`${dir}: every manifest validates against the Kubernetes schemas`, { skip: dir.startsWith('triton') && noTriton }, () => {
    const docs = documents(path.join(bundle, dir));
    assert.ok(docs.length >= 2);
    for (const [file, doc] of docs) {
      const Model = models[`${doc.apiVersion}/${doc.kind}`];
      assert.ok(Model, `${file}: unexpected ${doc.apiVersion} ${doc.kind}`);
      assert.doesNotThrow(() => new Model(doc).validate(), `${file} is valid`);
      assert.match(doc.metadata.name, DNS1123, `${file}: name is DNS-1123`);
    }
  });
}

test('the Deployment is locked down, probed and scraped', () => {
  const dep = documents(path.join(bundle, 'k8s')).find(([, d]) => d.kind === 'Deployment')[1];
  const pod = dep.spec.template;
  const c = pod.spec.containers[0];
  assert.equal(pod.metadata.annotations['prometheus.io/scrape'], 'true');
  assert.equal(c.readinessProbe.httpGet.path, '/v2/health/ready');
  assert.equal(c.livenessProbe.httpGet.path, '/v2/health/live');
  assert.ok(c.startupProbe);
  assert.ok(c.resources.requests.cpu && c.resources.limits.memory);
  assert.equal(c.securityContext.readOnlyRootFilesystem, true);
  assert.equal(c.securityContext.allowPrivilegeEscalation, false);
  assert.deepEqual(c.securityContext.capabilities.drop, ['ALL']);
  assert.equal(pod.spec.securityContext.runAsNonRoot, true);
  assert.ok(pod.spec.volumes.some((v) => v.emptyDir) && c.volumeMounts.some((m) => m.mountPath === '/tmp'));
});

// The restricted Pod Security Standard for every Deployment (the server's and Triton's).
for (const dir of ['k8s', 'triton/k8s']) {
  test(`${dir}: pods meet the restricted Pod Security Standard`, { skip: dir.startsWith('triton') && noTriton }, () => {
    for (const [file, d] of documents(path.join(bundle, dir)).filter(([, doc]) => doc.kind === 'Deployment')) {
      const pod = d.spec.template.spec;
      assert.equal(pod.securityContext.runAsNonRoot, true, file);
      assert.ok(Number.isInteger(pod.securityContext.runAsUser) && pod.securityContext.runAsUser > 0, `${file}: numeric user`);
      assert.equal(pod.securityContext.seccompProfile.type, 'RuntimeDefault', file);
      for (const c of pod.containers) {
        assert.equal(c.securityContext.allowPrivilegeEscalation, false, `${file}: ${c.name}`);
        assert.equal(c.securityContext.readOnlyRootFilesystem, true, `${file}: ${c.name}`);
        assert.deepEqual(c.securityContext.capabilities.drop, ['ALL'], `${file}: ${c.name}`);
        assert.ok(c.volumeMounts.some((m) => m.mountPath === '/tmp'), `${file}: ${c.name} has a writable /tmp`);
      }
    }
  });
}

test("the resources ask for no more than their limits; a GPU only in the limits", () => {
  const dep = documents(path.join(bundle, 'k8s')).find(([, d]) => d.kind === 'Deployment')[1];
  const { requests, limits } = dep.spec.template.spec.containers[0].resources;
  for (const r of ['cpu', 'memory']) assert.ok(quantity(requests[r]) <= quantity(limits[r]), `${r}: ${requests[r]} <= ${limits[r]}`);
  assert.equal(requests['nvidia.com/gpu'], undefined);
  if ('nvidia.com/gpu' in limits) {
    assert.equal(quantity(limits['nvidia.com/gpu']), 1);
    assert.match(fs.readFileSync(path.join(bundle, 'README.md'), 'utf8'), /nvidia\.com\/gpu: 1/);
  }
});

test("the HPA scales the Deployment from its replicas up", () => {
  const docs = documents(path.join(bundle, 'k8s')).map(([, d]) => d);
  const dep = docs.find((d) => d.kind === 'Deployment');
  const hpa = docs.find((d) => d.kind === 'HorizontalPodAutoscaler');
  assert.equal(hpa.spec.scaleTargetRef.name, dep.metadata.name);
  assert.ok(Number.isInteger(dep.spec.replicas) && dep.spec.replicas >= 1);
  assert.equal(hpa.spec.minReplicas, dep.spec.replicas);
  assert.ok(hpa.spec.maxReplicas >= hpa.spec.minReplicas);
});

test('kustomization lists the manifests that exist', () => {
  const k = YAML.parse(fs.readFileSync(path.join(bundle, 'k8s', 'kustomization.yaml'), 'utf8'));
  for (const r of k.resources) assert.ok(fs.existsSync(path.join(bundle, 'k8s', r)), r);
});

test('the Dockerfile has no problems and follows the rules', () => {
  const text = fs.readFileSync(path.join(bundle, 'Dockerfile'), 'utf8');
  const problems = validateDockerfile(text).filter((d) => d.severity <= 2);
  assert.deepEqual(problems.map((p) => p.message), []);
  assert.match(text, /^FROM node:\S+-slim/m);
  assert.match(text, /npm ci --omit=dev/);
  assert.match(text, /^USER \d+(:\d+)?$/m);
  assert.match(text, /^EXPOSE \d+$/m);
  assert.match(text, /^HEALTHCHECK .*\/v2\/health\/ready/m);
});

test("Triton's config.pbtxt matches the ONNX model's inputs and outputs", { skip: noTriton }, () => {
  const name = manifest.name;
  const text = fs.readFileSync(path.join(bundle, 'triton', 'model_repository', name, 'config.pbtxt'), 'utf8');
  assert.ok(fs.existsSync(path.join(bundle, 'triton', 'model_repository', name, '1', 'model.onnx')));
  assert.match(text, /platform: "onnxruntime_onnx"/);
  const types = { FP32: 'TYPE_FP32', INT64: 'TYPE_INT64', UINT8: 'TYPE_UINT8' };
  for (const t of [...manifest.inputs, ...manifest.outputs]) {
    const block = new RegExp(`name: "${t.name}"\\s*data_type: ${types[t.datatype]}\\s*dims: \\[ ${t.shape.slice(1).join(', ')} \\]`);
    assert.match(text, block, `${t.name} declared as in the model`);
  }
});
