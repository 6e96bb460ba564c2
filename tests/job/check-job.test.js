'use strict';
// Offline checks of a training-job bundle (netloom-cli job): the built-in kinds against the
// Kubernetes schemas (kubernetes-models), the Kubeflow kinds against the operators' own CRDs
// (tests/job/crds, with ajv), the restricted Pod Security Standard, what the launcher
// variables and the Kubeflow operator expect, and the Dockerfile (dockerfile-utils).
// Usage: JOB_DIR=... CRD_DIR=... EXPECT_WORKERS=N EXPECT_GPUS=G node --test check-job.test.js
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const Ajv = require('ajv');
const { validate: validateDockerfile } = require('dockerfile-utils');

const dir = path.resolve(process.env.JOB_DIR);
const crdDir = path.resolve(process.env.CRD_DIR);
const workers = Number(process.env.EXPECT_WORKERS);
const gpus = Number(process.env.EXPECT_GPUS || 0);
const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function documents(file) {
  return YAML.parseAllDocuments(fs.readFileSync(path.join(dir, 'k8s', file), 'utf8')).map((d) => {
    assert.deepEqual(d.errors, [], `${file} parses`);
    return d.toJSON();
  });
}

const builtins = {
  'batch/v1/Job': require('kubernetes-models/batch/v1/Job').Job,
  'v1/Service': require('kubernetes-models/v1/Service').Service,
  'v1/ConfigMap': require('kubernetes-models/v1/ConfigMap').ConfigMap,
  'v1/PersistentVolumeClaim': require('kubernetes-models/v1/PersistentVolumeClaim').PersistentVolumeClaim,
};
const { PodTemplateSpec } = require('kubernetes-models/v1/PodTemplateSpec');

function crdValidator(file, version) {
  const crd = YAML.parse(fs.readFileSync(path.join(crdDir, file), 'utf8'));
  const v = crd.spec.versions.find((x) => x.name === version);
  assert.ok(v, `${file} has ${version}`);
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  return { kind: crd.spec.names.kind, validate: ajv.compile(v.schema.openAPIV3Schema) };
}

// The restricted Pod Security Standard (kubernetes.io/docs/concepts/security/pod-security-standards).
function checkRestricted(pod, where) {
  const sc = pod.spec.securityContext;
  assert.equal(sc.runAsNonRoot, true, `${where}: runAsNonRoot`);
  assert.ok(Number.isInteger(sc.runAsUser) && sc.runAsUser > 0, `${where}: a numeric non-root user`);
  assert.equal(sc.seccompProfile.type, 'RuntimeDefault', `${where}: seccomp`);
  assert.equal(pod.spec.hostNetwork, undefined, `${where}: no host network`);
  const mounts = new Map();
  for (const c of pod.spec.containers) {
    const csc = c.securityContext;
    assert.equal(csc.allowPrivilegeEscalation, false, `${where}/${c.name}: no privilege escalation`);
    assert.deepEqual(csc.capabilities.drop, ['ALL'], `${where}/${c.name}: capabilities dropped`);
    assert.equal(csc.readOnlyRootFilesystem, true, `${where}/${c.name}: read-only root`);
    for (const m of c.volumeMounts) mounts.set(m.mountPath, m);
  }
  const volumes = new Map(pod.spec.volumes.map((v) => [v.name, v]));
  for (const writable of ['/tmp', '/runs', '/dev/shm']) assert.ok(mounts.has(writable), `${where}: ${writable} mounted`);
  assert.equal(volumes.get(mounts.get('/dev/shm').name).emptyDir.medium, 'Memory', `${where}: /dev/shm in memory`);
  assert.ok(volumes.get(mounts.get('/runs').name).persistentVolumeClaim, `${where}: runs on a claim`);
  assert.ok(volumes.get(mounts.get('/data').name).persistentVolumeClaim, `${where}: data on a claim`);
  assert.equal(mounts.get('/data').readOnly, true, `${where}: data read-only`);
  assert.equal(pod.metadata.annotations['sidecar.istio.io/inject'], 'false', `${where}: no Istio sidecar`);
}

function checkResources(c, where) {
  const { requests, limits } = c.resources;
  assert.ok(requests.cpu && requests.memory && limits.cpu && limits.memory, `${where}: requests and limits`);
  if (gpus > 0) assert.equal(limits['nvidia.com/gpu'], String(gpus), `${where}: ${gpus} GPUs`);
  else assert.equal(limits['nvidia.com/gpu'], undefined, `${where}: no GPU`);
}

function trainCommand(command, where) {
  assert.equal(command[0], 'netloom-cli', where);
  assert.equal(command[1], 'train', where);
  for (const flag of ['--distributed', '--auto-resume', '--out']) assert.ok(command.includes(flag), `${where}: ${flag}`);
  assert.equal(command[command.indexOf('--device') + 1], gpus > 0 ? 'cuda' : 'cpu', `${where}: device`);
}

test('built-in kinds validate against the Kubernetes schemas', () => {
  const files = ['indexed-job.yaml', 'project.yaml'].concat(fs.existsSync(path.join(dir, 'k8s', 'storage.yaml')) ? ['storage.yaml'] : []);
  let count = 0;
  for (const file of files) {
    for (const doc of documents(file)) {
      const Model = builtins[`${doc.apiVersion}/${doc.kind}`];
      assert.ok(Model, `${file}: unexpected ${doc.apiVersion} ${doc.kind}`);
      assert.doesNotThrow(() => new Model(doc).validate(), `${file}: ${doc.kind} is valid`);
      assert.match(doc.metadata.name, DNS1123, `${file}: name is DNS-1123`);
      count++;
    }
  }
  assert.ok(count >= 3, 'Service, Job and ConfigMap');
});

test('the pods mount the claims asked for; the bundle asks only for claims not given', () => {
  const [job] = documents('indexed-job.yaml').filter((d) => d.kind === 'Job');
  const claims = job.spec.template.spec.volumes.filter((v) => v.persistentVolumeClaim).map((v) => v.persistentVolumeClaim.claimName);
  const given = (process.env.EXPECT_CLAIMS || '').split(' ').filter(Boolean);
  for (const c of given) assert.ok(claims.includes(c), `${c} mounted`);
  const storage = path.join(dir, 'k8s', 'storage.yaml');
  const made = fs.existsSync(storage) ? documents('storage.yaml').map((d) => d.metadata.name) : [];
  assert.deepEqual([...made, ...given].sort(), [...claims].sort(), 'every mounted claim is either made here or given');
  for (const d of fs.existsSync(storage) ? documents('storage.yaml') : []) assert.deepEqual(d.spec.accessModes, ['ReadWriteMany']);
});

test('the PyTorchJob validates against its CRD and the pod templates against Kubernetes', () => {
  const { kind, validate } = crdValidator('kubeflow.org_pytorchjobs.yaml', 'v1');
  const [job] = documents('pytorchjob.yaml');
  assert.equal(job.kind, kind);
  assert.equal(job.apiVersion, 'kubeflow.org/v1');
  assert.ok(validate(job), JSON.stringify(validate.errors, null, 1));
  const specs = job.spec.pytorchReplicaSpecs;
  assert.equal(specs.Master.replicas, 1);
  assert.equal((specs.Worker ? specs.Worker.replicas : 0) + 1, workers, 'Master + Workers = the pods asked for');
  for (const [role, spec] of Object.entries(specs)) {
    assert.doesNotThrow(() => new PodTemplateSpec(spec.template).validate(), `${role}: a valid pod template`);
    const c = spec.template.spec.containers.find((x) => x.name === 'pytorch');
    assert.ok(c, `${role}: the operator's container is named pytorch`);
    assert.ok(c.ports.some((p) => p.name === 'pytorchjob-port'), `${role}: the operator's port pytorchjob-port`);
    checkRestricted(spec.template, role);
    checkResources(c, role);
    trainCommand(c.command, role);
  }
});

test('the TrainJob validates against the Trainer v2 CRD', () => {
  const { kind, validate } = crdValidator('trainer.kubeflow.org_trainjobs.yaml', 'v1alpha1');
  const [job] = documents('trainjob.yaml');
  assert.equal(job.kind, kind);
  assert.ok(validate(job), JSON.stringify(validate.errors, null, 1));
  assert.equal(job.spec.trainer.numNodes, workers);
  assert.equal(job.spec.trainer.numProcPerNode, gpus > 0 ? gpus : 1);
  trainCommand(job.spec.trainer.command, 'TrainJob');
  checkResources({ resources: job.spec.trainer.resourcesPerNode }, 'TrainJob');
  const o = job.spec.podSpecOverrides[0];
  const mounts = o.containers[0].volumeMounts.map((m) => m.mountPath);
  for (const m of ['/project', '/data', '/runs', '/dev/shm', '/tmp']) assert.ok(mounts.includes(m), `TrainJob mounts ${m}`);
  assert.equal(o.volumes.find((v) => v.name === 'dshm').emptyDir.medium, 'Memory');
});

test('the Indexed Job: ranks from the completion index, master reachable through the headless Service', () => {
  const docs = documents('indexed-job.yaml');
  const svc = docs.find((d) => d.kind === 'Service');
  const job = docs.find((d) => d.kind === 'Job');
  assert.equal(svc.spec.clusterIP, 'None');
  assert.equal(svc.spec.selector['job-name'], job.metadata.name);
  assert.equal(job.spec.completionMode, 'Indexed');
  assert.equal(job.spec.completions, workers);
  assert.equal(job.spec.parallelism, workers);
  const pod = job.spec.template;
  assert.equal(pod.spec.subdomain, svc.metadata.name);
  checkRestricted(pod, 'Job');
  const c = pod.spec.containers[0];
  checkResources(c, 'Job');
  trainCommand(c.command, 'Job');
  const env = Object.fromEntries(c.env.map((e) => [e.name, e.value]));
  assert.equal(env.PET_NNODES, String(workers));
  assert.equal(env.PET_NPROC_PER_NODE, String(gpus > 0 ? gpus : 1));
  assert.equal(env.PET_MASTER_ADDR, `${job.metadata.name}-0.${svc.metadata.name}`);
  assert.equal(env.PET_MASTER_PORT, String(svc.spec.ports[0].port));
  assert.equal(env.PET_NODE_RANK, undefined, 'the rank comes from JOB_COMPLETION_INDEX');
});

test('the project travels in the ConfigMap, its data paths inside /data', () => {
  const [cm] = documents('project.yaml');
  const project = JSON.parse(cm.data['project.netloom']);
  assert.deepEqual(project, JSON.parse(fs.readFileSync(path.join(dir, 'project.netloom'), 'utf8')));
  if (project.dataset && project.dataset.kind !== 'none') assert.match(project.dataset.path, /^\/data\//);
});

test('the Dockerfiles have no problems; the CPU image installs the .deb on Debian 12 as a numeric user', () => {
  for (const f of ['Dockerfile', 'Dockerfile.cuda']) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const problems = validateDockerfile(text).filter((d) => d.severity <= 2);
    assert.deepEqual(problems.map((p) => p.message), [], f);
    assert.match(text, /^USER \d+:\d+$/m, f);
  }
  const cpu = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
  assert.match(cpu, /^FROM debian:12-slim$/m);
  assert.match(cpu, /apt-get install -y --no-install-recommends \/tmp\/netloom_[0-9.]+_amd64\.deb/);
  const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
  assert.match(readme, /kubectl apply -f k8s\/pytorchjob\.yaml/);
  assert.match(readme, /kubectl logs/);
  assert.match(readme, /kubectl cp .*:\/runs\//);
  assert.doesNotMatch(readme, /\{\{/, 'every placeholder filled');
});
