'use strict';
// Configuration from environment variables, with the defaults a container expects.
const path = require('path');

function intFrom(name, fallback, min, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer in ${min}..${max}, got "${raw}"`);
  }
  return value;
}

function loadConfig() {
  return {
    host: process.env.HOST || '0.0.0.0',
    port: intFrom('PORT', 8080, 0, 65535),
    modelDir: path.resolve(process.env.MODEL_DIR || path.join(__dirname, '..', '..')),
    threads: intFrom('THREADS', 1, 1, 256),
    maxBodyBytes: intFrom('MAX_BODY_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    logLevel: process.env.LOG_LEVEL || 'info',
  };
}

module.exports = { loadConfig };
