'use strict';
// The bundle's self-test (selftest.js), which the export runs before it says "Verified": it passes
// on this bundle, and fails, naming the sample, on copies of it made wrong on purpose.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const sharp = require('sharp');
const { selftest } = require('../selftest');

const modelDir = path.resolve(process.env.MODEL_DIR || path.join(__dirname, '..', '..'));
const golden = JSON.parse(fs.readFileSync(path.join(modelDir, 'samples', 'expected.json'), 'utf8'));
const isImage = golden.samples.length > 0 && typeof golden.samples[0].file === 'string';
const isTable = golden.samples.length > 0 && Boolean(golden.samples[0].row);
const preprocess = JSON.parse(fs.readFileSync(path.join(modelDir, 'preprocess.json'), 'utf8'));
const TOLERANCE = 1e-4;

const made = [];
test.after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

// A copy of the bundle's model and samples; `change(dir, golden)` edits it and returns the golden
// answers to write.
function copyOfBundle(change) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netloom-selftest-'));
  made.push(dir);
  for (const f of ['model.onnx', 'model.json', 'labels.json', 'preprocess.json', 'README.md']) fs.copyFileSync(path.join(modelDir, f), path.join(dir, f));
  fs.mkdirSync(path.join(dir, 'samples'));
  for (const f of fs.readdirSync(path.join(modelDir, 'samples'))) fs.copyFileSync(path.join(modelDir, 'samples', f), path.join(dir, 'samples', f));
  const edited = change ? change(dir, structuredClone(golden)) : golden;
  fs.writeFileSync(path.join(dir, 'samples', 'expected.json'), JSON.stringify(edited));
  return dir;
}

test('this bundle passes its self-test: every sample, every route, within 1e-4', async () => {
  assert.ok(golden.samples.length >= 1, 'the bundle has golden samples');
  const summary = await selftest({ bundle: modelDir, tolerance: TOLERANCE });
  assert.match(summary, new RegExp(`^${golden.samples.length} samples, ${golden.samples.length * (isImage || isTable ? 3 : 2)} answers`));
});

test('a bundle without golden samples fails: nothing would prove it', async () => {
  const empty = copyOfBundle((dir, g) => ({ ...g, samples: [] }));
  await assert.rejects(selftest({ bundle: empty, tolerance: TOLERANCE }), /no golden samples/);
  const none = copyOfBundle();
  fs.rmSync(path.join(none, 'samples', 'expected.json'));
  await assert.rejects(selftest({ bundle: none, tolerance: TOLERANCE }), /samples\/expected.json cannot be read/);
});

test('an answer off by more than the tolerance fails, naming the sample and the class', async () => {
  const last = golden.samples.length - 1;
  const [cls] = Object.keys(golden.samples[last].probabilities);
  const nudged = (by) => copyOfBundle((dir, g) => {
    g.samples[last].probabilities[cls] += by;
    return g;
  });
  await assert.rejects(selftest({ bundle: nudged(3 * TOLERANCE), tolerance: TOLERANCE }),
    new RegExp(`sample ${last + 1} of ${golden.samples.length} .*"${cls.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" is .* the studio said`));
  // Within the tolerance it still passes: the check is the tolerance, not equality.
  await selftest({ bundle: nudged(TOLERANCE / 4), tolerance: TOLERANCE });
});

test('another top-1 class than the studio\'s fails', async () => {
  const labels = Object.keys(golden.samples[0].probabilities);
  const other = labels.find((l) => l !== golden.samples[0].label);
  const dir = copyOfBundle((d, g) => {
    g.samples[0].label = other;
    return g;
  });
  await assert.rejects(selftest({ bundle: dir, tolerance: TOLERANCE }), new RegExp(`sample 1 of .*top-1 is .* the studio said "${other.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`));
});

test('a sample whose input is not what the studio answered for fails', async () => {
  const dir = copyOfBundle((d, g) => {
    if (isImage) {
      // The same file turned upside down: another picture for the model.
      const file = path.join(d, g.samples[0].file);
      fs.writeFileSync(file, spawnSharpFlip(file));
    } else if (isTable) {
      // A number fifty standard deviations away (or another category): another row for the model.
      const numeric = preprocess.tabular.columns.find((c) => c.kind === 'numeric');
      const col = numeric || preprocess.tabular.columns[0];
      g.samples[0].row[col.name] = numeric ? String(numeric.mean + 50 * numeric.std)
        : col.categories.find((c) => c !== g.samples[0].row[col.name]);
      delete g.samples[0].csv;
    } else {
      // In front: a sequence is truncated from the end, so words appended to a text as long as the
      // model's sequence would not change its input at all.
      g.samples[0].text = `${'completely different words '.repeat(8)}${g.samples[0].text}`;
    }
    return g;
  });
  await assert.rejects(selftest({ bundle: dir, tolerance: TOLERANCE }), /sample 1 of .*(the studio said|top-1)/);
});

// sharp is asynchronous; the copy is made synchronously, so the flip runs in a child process.
function spawnSharpFlip(file) {
  const script = "require('sharp')(process.argv[1]).flip().png().toBuffer().then((b) => process.stdout.write(b.toString('base64')))";
  const r = spawnSync(process.execPath, ['-e', script, file], { cwd: path.join(__dirname, '..'), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return Buffer.from(r.stdout, 'base64');
}

test('files the golden answers or the README name must be in the bundle', async () => {
  if (isImage) {
    const missing = copyOfBundle((d, g) => g);
    fs.rmSync(path.join(missing, golden.samples[0].file));
    await assert.rejects(selftest({ bundle: missing, tolerance: TOLERANCE }), /names samples\/.* which is not in the bundle/);
  }
  const readme = copyOfBundle();
  fs.appendFileSync(path.join(readme, 'README.md'), '\ncurl --data-binary @samples/not-there.png localhost:8080/v1/predict\n');
  await assert.rejects(selftest({ bundle: readme, tolerance: TOLERANCE }), /README.md names samples\/not-there.png/);
  // A name with a space and a quote, quoted for the shell as the export writes it, is read whole.
  const quoted = copyOfBundle();
  fs.writeFileSync(path.join(quoted, 'samples', "my shirt's.png"), 'x');
  fs.appendFileSync(path.join(quoted, 'README.md'), "\ncurl --data-binary '@samples/my shirt'\\''s.png' localhost:8080/v1/predict\n" +
    'r = requests.post("http://localhost:8080/v1/predict", data=open("samples/my shirt\'s.png", "rb"))\n');
  await selftest({ bundle: quoted, tolerance: TOLERANCE });
  fs.rmSync(path.join(quoted, 'samples', "my shirt's.png"));
  await assert.rejects(selftest({ bundle: quoted, tolerance: TOLERANCE }), /README.md names samples\/my shirt's.png/);
});

test('samples are sent as the files they are: RGBA and 16-bit PNGs of the same pictures pass', async () => {
  if (isTable) {
    // The same rows with their numbers as JSON numbers and their columns in another order (JSON and
    // CSV with a header) are the same rows to the encoder.
    const numeric = new Set(preprocess.tabular.columns.filter((c) => c.kind === 'numeric').map((c) => c.name));
    const dir = copyOfBundle((d, g) => {
      for (const sample of g.samples) {
        const names = Object.keys(sample.row).reverse();
        const value = (n) => (numeric.has(n) && sample.row[n].trim() !== '' && Number.isFinite(Number(sample.row[n])) ? Number(sample.row[n]) : sample.row[n]);
        sample.row = Object.fromEntries(names.map((n) => [n, value(n)]));
        const field = (v) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
        sample.csv = `${names.map(field).join(',')}\n${names.map((n) => field(sample.row[n])).join(',')}\n`;
      }
      return g;
    });
    await selftest({ bundle: dir, tolerance: TOLERANCE });
    return;
  }
  if (!isImage) {
    // Text samples are sent as JSON; a text with other whitespace and case is the same text to the tokenizer.
    const dir = copyOfBundle((d, g) => {
      g.samples[0].text = `  ${g.samples[0].text.toUpperCase()}  `;
      return g;
    });
    const pre = JSON.parse(fs.readFileSync(path.join(modelDir, 'preprocess.json'), 'utf8'));
    if (pre.text.lowercase) await selftest({ bundle: dir, tolerance: TOLERANCE });
    else await assert.rejects(selftest({ bundle: dir, tolerance: TOLERANCE }));
    return;
  }
  for (const variant of ['rgba', 'rgb16']) {
    const dir = copyOfBundle((d, g) => g);
    const golden2 = structuredClone(golden);
    for (const s of golden2.samples) {
      const from = path.join(modelDir, s.file);
      const image = sharp(from).toColourspace(variant === 'rgb16' ? 'rgb16' : 'srgb');
      const bytes = await (variant === 'rgba' ? image.ensureAlpha(1) : image).png().toBuffer();
      s.file = `samples/${variant}-${path.basename(s.file, path.extname(s.file))}.png`;
      fs.writeFileSync(path.join(dir, s.file), bytes);
    }
    fs.writeFileSync(path.join(dir, 'samples', 'expected.json'), JSON.stringify(golden2));
    fs.rmSync(path.join(dir, 'README.md'));  // it names the original files
    await selftest({ bundle: dir, tolerance: TOLERANCE });
  }
});

test('as a program: exit 0 with a summary, 1 with the reason, 2 for a wrong command line', () => {
  // NODE_TEST_CONTEXT would make the child report to this test runner.
  const { NODE_TEST_CONTEXT, ...env } = process.env;
  const run = (...args) => spawnSync(process.execPath, [path.join(__dirname, '..', 'selftest.js'), ...args], { env, encoding: 'utf8' });
  const ok = run(modelDir);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /^self-test passed: \d+ samples/);
  const failed = run(copyOfBundle((d, g) => ({ ...g, samples: [] })));
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /^self-test FAILED: samples\/expected.json has no golden samples/);
  assert.equal(run().status, 2);
  assert.equal(run(modelDir, '--tolerance', 'x').status, 2);
});
