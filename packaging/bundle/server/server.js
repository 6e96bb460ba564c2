#!/usr/bin/env node
'use strict';
// Entry point: `node server.js` (PORT, MODEL_DIR, THREADS, MAX_BODY_BYTES, LOG_LEVEL).
const { loadConfig } = require('./src/config');
const { buildApp } = require('./src/app');

async function main() {
  const config = loadConfig();
  const { app } = await buildApp(config);
  let closing = false;
  const shutdown = (signal) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    app.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await app.listen({ host: config.host, port: config.port });
}

main().catch((err) => {
  console.error(JSON.stringify({ level: 'fatal', msg: err.message }));
  process.exit(1);
});
