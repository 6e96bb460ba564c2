'use strict';
// package.json's "engines" is honest: every Node.js it admits is admitted by every package the lock
// installs (Debian 12's own node 18 included, which fastify 5 and some of its dependencies refuse),
// the node running these tests is one of them, and so is the Dockerfile's image.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const semver = require('semver');

const server = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(server, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(server, 'package-lock.json'), 'utf8'));
const bundle = path.resolve(process.env.MODEL_DIR || path.join(server, '..'));
const ours = pkg.engines.node;

test("every locked package's engines admit all the Node.js versions the server's engines admit", () => {
  assert.ok(semver.validRange(ours), ours);
  const refusing = Object.entries(lock.packages)
    .filter(([where, p]) => where && p.engines && p.engines.node && !semver.subset(ours, p.engines.node))
    .map(([where, p]) => `${where.replace(/^.*node_modules\//, '')}@${p.version} wants node ${p.engines.node}`);
  assert.deepEqual(refusing, [], `engines "${ours}" admits Node.js versions these packages refuse`);
  assert.ok(semver.intersects(ours, '18.19.0 - 18.20.8'), "Debian 12's nodejs (18.19, 18.20) is admitted");
});

test('the node running the tests is one the engines admit', () => {
  assert.ok(semver.satisfies(process.version, ours), `${process.version} is not in "${ours}"`);
});

test("the Dockerfile's Node.js image is one the engines admit", () => {
  // A bundle's Dockerfile, or the template in the source tree (packaging/bundle/templates).
  const dockerfile = [path.join(bundle, 'Dockerfile'), path.join(bundle, 'templates', 'Dockerfile')].find((f) => fs.existsSync(f));
  const from = /^FROM node:(\d+)[-.\w]*$/m.exec(fs.readFileSync(dockerfile, 'utf8'));
  assert.ok(from, 'the Dockerfile starts FROM node:MAJOR-…');
  assert.ok(semver.intersects(ours, `^${from[1]}.0.0`), `node ${from[1]} is not in "${ours}"`);
});
