'use strict';
// Runs the bundle server's table encoder (src/table.js) over rows and compares its features with the
// studio's, value for value; the same rows are also sent as CSV text, which the server splits itself.
// Usage: node table-parity.js TABLE_JS REQUEST_JSON
// REQUEST_JSON: {tabular, rows: [[...]], csv: "...", features: [[...]], refused: [[...]]} written by
// tst_server_table. `refused` rows hold text in a numeric column: the server must refuse each, naming it.
const fs = require('fs');
const path = require('path');

const { TableEncoder } = require(path.resolve(process.argv[2]));
const request = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const encoder = new TableEncoder(request.tabular);

let differ = 0;
const examples = [];
const compare = (what, got, rows) => {
  rows.forEach((row, k) => {
    const expected = request.features[k];
    const mine = Array.from(got.subarray(k * encoder.width, (k + 1) * encoder.width));
    const at = mine.findIndex((v, j) => v !== Math.fround(expected[j]));
    if (mine.length !== expected.length || at >= 0) {
      differ += 1;
      if (examples.length < 5) examples.push(`${what} row ${k} ${JSON.stringify(row)}: feature ${at} is ${mine[at]}, the studio's ${expected[at]}`);
    }
  });
};
const rows = request.rows.map((values, k) => ({ values, where: `row ${k}` }));
compare('JSON', encoder.encodeRows(rows), request.rows);
const fromCsv = encoder.csvRows(request.csv);
if (fromCsv.length !== request.rows.length) {
  console.log(`CSV text: ${fromCsv.length} rows, expected ${request.rows.length}`);
  process.exit(1);
}
compare('CSV', encoder.encodeRows(fromCsv), request.rows);
let refusedRight = 0;
for (const values of request.refused) {
  try {
    encoder.encodeRows([{ values, where: 'row' }]);
    examples.push(`not refused: ${JSON.stringify(values)}`);
  } catch (err) {
    if (/is not a number/.test(err.message)) refusedRight += 1;
    else examples.push(`refused with another reason: ${err.message}`);
  }
}
console.log(`${request.rows.length} rows, ${encoder.width} features: ${differ} differ; ${refusedRight} of ${request.refused.length} refused`);
for (const e of examples) console.log(e);
process.exit(differ === 0 && refusedRight === request.refused.length ? 0 : 1);
