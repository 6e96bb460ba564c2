'use strict';
// Configuration from environment variables, with the defaults a container expects.
// PORT, HOST, MODEL_DIR, THREADS, MAX_BODY_BYTES, MAX_IMAGE_PIXELS, LOG_LEVEL.
const path = require('path');

// A small file can declare a huge image (a 200-byte PNG of 60,000 x 60,000): images with more
// pixels are refused before they are decoded. 25 MP decodes to 75 MB of RGB.
const DEFAULT_MAX_IMAGE_PIXELS = 25000000;

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
    maxImagePixels: intFrom('MAX_IMAGE_PIXELS', DEFAULT_MAX_IMAGE_PIXELS, 1, 0x3fff * 0x3fff),
    logLevel: process.env.LOG_LEVEL || 'info',
  };
}

module.exports = { loadConfig, DEFAULT_MAX_IMAGE_PIXELS };
