// An S3-compatible server on loopback for the WebDataset tests: s3rver (npm) with one bucket,
// filled with the files of a folder by anonymous PUTs; prints the port once everything is in.
// Usage: node serve.js STORE_DIR BUCKET UPLOAD_DIR
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const S3rver = require('s3rver');

async function main() {
  const [store, bucket, upload] = process.argv.slice(2);
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: store,
                              configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  for (const name of fs.readdirSync(upload)) {
    const body = fs.readFileSync(path.join(upload, name));
    await new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'PUT', path: `/${bucket}/${name}`,
                                 headers: { 'Content-Length': body.length } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`PUT ${name}: ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
  }
  console.log(port);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
