'use strict';
// Runs the bundle server's tokenizer over texts and compares with the studio's tokens and ids.
// Usage: node tokenizer-parity.js TOKENIZER_JS REQUEST_JSON
// REQUEST_JSON: {spec, texts: [...], tokens: [[...]], ids: [[...]]} written by tst_server_tokenizer.
const fs = require('fs');
const path = require('path');

const { Tokenizer } = require(path.resolve(process.argv[2]));
const request = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const tokenizer = new Tokenizer(request.spec);

const same = (a, b) => a.length === b.length && a.every((x, k) => x === b[k]);
let differ = 0;
let tokenCount = 0;
const examples = [];
request.texts.forEach((text, k) => {
  const tokens = tokenizer.tokenize(text);
  const ids = tokenizer.encode(text);
  tokenCount += tokens.length;
  if (!same(tokens, request.tokens[k]) || !same(ids, request.ids[k])) {
    differ += 1;
    if (examples.length < 5) {
      const expected = request.tokens[k];
      const at = tokens.findIndex((t, j) => t !== expected[j]);
      examples.push(`text ${k}: server "${tokens[at]}" vs studio "${expected[at]}" (token ${at}) in ${JSON.stringify(text.slice(0, 80))}`);
    }
  }
});
console.log(`${request.texts.length} texts, ${tokenCount} tokens: ${differ} differ`);
for (const e of examples) console.log(e);
process.exit(differ === 0 ? 0 : 1);
