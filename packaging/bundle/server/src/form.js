'use strict';
// multipart/form-data uploads (curl -F file=@shirt.png): the body, already read whole within
// MAX_BODY_BYTES, is split by busboy's Dicer, and the first file part is the image.
// Dicer is used directly rather than through @fastify/multipart: a form cut short makes Dicer report
// an error on the part being read, and @fastify/multipart leaves that part without a listener, so
// node exits (fastify/fastify-multipart#594). Here every part has one.
const { Dicer } = require('@fastify/busboy');
const contentType = require('fast-content-type-parse');
const { BadInput } = require('./model');

const MAX_PARTS = 32;
const MAX_HEADER_PAIRS = 64;

// A multipart body as the content-type parser hands it to the routes.
class MultipartForm {
  constructor(bytes, type) {
    this.bytes = bytes;
    this.type = type;
  }
}

// A part is the file when its Content-Disposition names a file, or when it says it is an image or
// bytes (a form made by hand may leave the file name out).
function isFilePart(header) {
  const disposition = (header['content-disposition'] || [''])[0];
  const type = (header['content-type'] || [''])[0];
  return /;\s*filename\*?\s*=/i.test(disposition) || /^\s*(image\/|application\/octet-stream)/i.test(type);
}

function boundaryOf(type) {
  const { parameters } = contentType.safeParse(type || '');
  const boundary = parameters.boundary;
  if (typeof boundary !== 'string' || boundary.length === 0 || boundary.length > 70) {
    throw new BadInput('multipart/form-data needs a boundary parameter of 1 to 70 characters');
  }
  return boundary;
}

// The bytes of the form's first file; null when it has none. A form cut short, a part without its
// headers' end, or more than MAX_PARTS parts is a BadInput.
function firstFile(form) {
  const boundary = boundaryOf(form.type);
  return new Promise((resolve, reject) => {
    const dicer = new Dicer({ boundary, maxHeaderPairs: MAX_HEADER_PAIRS });
    let failure = null;
    let file = null;
    let parts = 0;
    const fail = (error) => {
      failure = failure || error;
    };
    dicer.on('part', (part) => {
      part.on('error', (err) => fail(new BadInput(`the multipart form cannot be read: ${err.message}`)));
      if (++parts > MAX_PARTS) {
        fail(new BadInput(`the multipart form has more than ${MAX_PARTS} parts: send one file`, 413));
        part.resume();
        return;
      }
      const chunks = [];
      let wanted = false;
      part.on('header', (header) => {
        wanted = file === null && isFilePart(header);
      });
      part.on('data', (chunk) => wanted && chunks.push(chunk));
      part.on('end', () => {
        if (wanted && file === null) file = Buffer.concat(chunks);
      });
    });
    dicer.on('error', (err) => fail(new BadInput(`the multipart form cannot be read: ${err.message}`)));
    dicer.on('finish', () => (failure ? reject(failure) : resolve(file)));
    dicer.end(form.bytes);
  });
}

module.exports = { MultipartForm, firstFile };
