#!/usr/bin/env node
// The npm packages the bundle's server needs at run time, for the install rules
// (packaging/CMakeLists.txt): what the server's dependencies in SERVER_DIR/package.json need, followed
// through SERVER_DIR/package-lock.json as node resolves them, of the optional native packages only
// those for this machine's platform, architecture and libc. onnxruntime-node and onnxruntime-common are left out (they are
// installed apart, with this architecture's native library only), and with them what only
// onnxruntime-node's install script uses. Printed as a CMake list of top-level folders under
// node_modules (a nested node_modules comes with its folder).
//   node server-modules.js SERVER_DIR
'use strict';
const fs = require('fs');
const path = require('path');

const server = process.argv[2];
if (!server) {
  console.error('usage: node server-modules.js SERVER_DIR');
  process.exit(2);
}
const pkg = JSON.parse(fs.readFileSync(path.join(server, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(server, 'package-lock.json'), 'utf8'));
const apart = new Set(['onnxruntime-node', 'onnxruntime-common']);

// Whether a package's "os", "cpu" or "libc" list (["linux"], ["!win32"], ["glibc"]) admits this
// machine's value: npm 9 (Debian 12's) installs the optional native packages of every libc, so
// sharp's musl builds lie beside the glibc ones; only this machine's are wanted.
function admits(list, value) {
  if (!Array.isArray(list) || list.length === 0) return true;
  if (list.includes(`!${value}`)) return false;
  const wanted = list.filter((v) => !v.startsWith('!'));
  return wanted.length === 0 || wanted.includes(value);
}
const libc = process.report.getReport().header.glibcVersionRuntime ? 'glibc' : 'musl';
const runsHere = (entry) => admits(entry.os, process.platform) && admits(entry.cpu, process.arch) && admits(entry.libc, libc);

// Where node finds `name` required from the package at `from` ("" is the server itself).
function resolve(from, name) {
  for (let dir = from; ; dir = dir.includes('/node_modules/') ? dir.slice(0, dir.lastIndexOf('/node_modules/')) : '') {
    const where = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (lock.packages[where]) return where;
    if (!dir) return null;
  }
}

const needed = new Set();
const queue = Object.keys(pkg.dependencies).filter((n) => !apart.has(n)).map((n) => ['', n, false]);
while (queue.length) {
  const [from, name, optional] = queue.shift();
  const where = resolve(from, name);
  if (optional && where && !runsHere(lock.packages[where])) continue;  // another platform's native package
  if (!where || !fs.existsSync(path.join(server, where, 'package.json'))) {
    if (optional) continue;  // an optional package npm did not install
    console.error(`${name} (needed by ${from || 'the server'}) is not installed in ${server}/node_modules: run scripts/install-deps (npm ci)`);
    process.exit(1);
  }
  if (needed.has(where)) continue;
  needed.add(where);
  const entry = lock.packages[where];
  for (const n of Object.keys(entry.dependencies || {})) queue.push([where, n, false]);
  for (const n of Object.keys(entry.optionalDependencies || {})) queue.push([where, n, true]);
}
const topLevel = new Set([...needed].map((where) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)[1]));
process.stdout.write([...topLevel].sort().join(';'));
