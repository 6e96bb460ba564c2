'use strict';
// The server as a process: configured by environment variables, JSON logs, clean exit on SIGTERM.
// (Its own file, so it runs in a fresh test process.)
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { spawn } = require('child_process');

const modelDir = path.resolve(process.env.MODEL_DIR || path.join(__dirname, '..', '..'));

test('server.js starts from environment variables, logs JSON and stops cleanly on SIGTERM', async (t) => {
  const port = 20000 + (process.pid % 20000);
  // NODE_TEST_CONTEXT would make the child report to this test runner instead of serving.
  const { NODE_TEST_CONTEXT, ...env } = process.env;
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'server.js')], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', MODEL_DIR: modelDir, THREADS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  t.after(() => child.kill('SIGKILL'));
  let logs = '';
  child.stdout.on('data', (d) => (logs += d));
  const deadline = Date.now() + 20000;
  let ready = false;
  while (!ready && Date.now() < deadline) {
    try {
      ready = (await fetch(`http://127.0.0.1:${port}/v2/health/ready`)).status === 200;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  assert.ok(ready, 'server.js became ready');
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
  const first = logs.split('\n').find((l) => l.trim());
  assert.doesNotThrow(() => JSON.parse(first), 'logs are JSON lines');
});

