'use strict';
// Rows of a table as clients send them → the model's float features, encoded exactly as the studio's
// tabular encoder (core/data/tabular_encoder.cpp) encodes them, from the parameters the export wrote
// to preprocess.json ("tabular"): numeric columns standardised with the training mean and standard
// deviation, categorical columns one-hot over the training categories, missing values (the spellings
// in "missing_values", compared with whitespace removed and lower-cased) → 0 for a number (its
// training mean) and no category for a categorical column; an unseen category → no category.
// CSV text is split as the studio splits a CSV file (core/data/csv_table.cpp).
// A client's mistake (a value of the wrong type, text in a numeric column, an unknown column, a
// ragged CSV record) is a TableError with a sentence naming the row and the column.

class TableError extends Error {}

// C's isspace: what the studio strips around a number and removes before comparing missing spellings.
const C_SPACE = /[ \t\n\v\f\r]/g;
const C_SPACE_EDGES = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;
// What strtod reads whole and finite: decimal numbers with an optional exponent, hexadecimal ones.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const HEX = /^[+-]?0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)([pP][+-]?\d+)?$/;

// A value from a request, shown in an error sentence: JSON, cut short. Never throws: a client's
// {"toString": 1} cannot be turned into a string the usual way. (The image and text paths in
// model.js use it too.)
function shown(value, max = 40) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) text = typeof value;
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

// The studio's parseNumber: the whole field (C whitespace around it allowed) a finite number; null when not.
function parseNumber(text) {
  const t = text.replace(C_SPACE_EDGES, '');
  let value = null;
  if (DECIMAL.test(t)) value = Number(t);
  else if (HEX.test(t)) value = hexNumber(t);
  return value !== null && Number.isFinite(value) ? value : null;
}

function hexNumber(t) {
  const m = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)(?:[pP]([+-]?\d+))?$/.exec(t);
  let v = 0;
  for (const d of m[2]) v = v * 16 + parseInt(d, 16);
  let scale = 1 / 16;
  for (const d of m[3]) {
    v += parseInt(d, 16) * scale;
    scale /= 16;
  }
  v *= 2 ** Number(m[4] || 0);
  return m[1] === '-' ? -v : v;
}

// CSV text → records of fields, as the studio splits a file: RFC 4180 quotes (a quote opens a quoted
// field only at its start; "" inside is a quote), CRLF, LF or CR line ends, blank lines skipped.
// Each record comes with the line it starts on.
function splitCsv(text) {
  const records = [];
  let fields = [];
  let field = '';
  let inQuotes = false;
  let started = false;
  let any = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  const endField = () => {
    fields.push(field);
    field = '';
    started = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: recordLine });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    any = true;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && !started && field === '') {
      inQuotes = true;
      started = true;
      quoteLine = line;
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      started = true;
    }
  }
  if (inQuotes) throw new TableError(`CSV line ${quoteLine}: the quote opened here is never closed`);
  if (any && (field !== '' || fields.length > 0)) endRecord();
  return records;
}

class TableEncoder {
  // spec: preprocess.json's "tabular": {"columns": [{"name", "kind": "numeric", "mean", "std"} or
  // {"name", "kind": "categorical", "categories": [...]}], "missing_values": [...], "target"}.
  constructor(spec) {
    if (!spec || !Array.isArray(spec.columns) || !Array.isArray(spec.missing_values)) {
      throw new Error('preprocess.json: "tabular" needs "columns" and "missing_values" (export the model again with this version)');
    }
    this.columns = spec.columns.map((c) => ({
      name: String(c.name),
      numeric: c.kind === 'numeric',
      mean: Number(c.mean) || 0,
      std: Number(c.std) || 1,
      categories: c.kind === 'numeric' ? null : new Map((c.categories || []).map((v, k) => [String(v), k])),
      width: c.kind === 'numeric' ? 1 : (c.categories || []).length,
    }));
    this.missing = new Set(spec.missing_values.map(String));
    this.target = typeof spec.target === 'string' ? spec.target : '';
    this.byName = new Map(this.columns.map((c, k) => [c.name, k]));
    this.width = this.columns.reduce((w, c) => w + c.width, 0);
  }

  get columnNames() {
    return this.columns.map((c) => c.name);
  }

  isMissing(text) {
    return this.missing.has(text.replace(C_SPACE, '').toLowerCase());
  }

  // One row → its features appended to `out` at `offset`. `values[k]` is column k's value: a string
  // as written in a CSV file, a number, or null/undefined for a missing value. `where` names the row.
  encodeInto(values, out, offset, where) {
    let at = offset;
    this.columns.forEach((col, k) => {
      const v = values[k];
      const what = `${where}, column "${col.name}"`;
      if (v !== null && v !== undefined && typeof v !== 'string' && typeof v !== 'number') {
        throw new TableError(`${what}: ${shown(v)} is not a value; send a string, a number or null (missing)`);
      }
      if (typeof v === 'number' && !Number.isFinite(v)) throw new TableError(`${what}: ${v} is not a finite number`);
      const missing = v === null || v === undefined || (typeof v === 'string' && this.isMissing(v));
      if (col.numeric) {
        let x = 0;
        if (!missing) {
          const number = typeof v === 'number' ? v : parseNumber(v);
          if (number === null) {
            throw new TableError(`${what}: ${shown(v)} is not a number (a numeric column; send null, "" or "NA" for a missing value)`);
          }
          x = (number - col.mean) / col.std;
          if (!Number.isFinite(Math.fround(x))) {
            throw new TableError(`${what}: ${shown(v)} is too far from the training values to encode (beyond FP32 once standardised)`);
          }
        }
        out[at] = x;
        at += 1;
      } else {
        const index = missing ? undefined : col.categories.get(String(v));
        for (let j = 0; j < col.width; j++) out[at + j] = j === index ? 1 : 0;
        at += col.width;
      }
    });
    return at;
  }

  // A JSON row: an object column → value (columns left out are missing; the target column is
  // ignored), or an array of the feature columns' values in order. Returns the values in column order.
  valuesOf(row, where) {
    if (Array.isArray(row)) {
      if (row.length !== this.columns.length) {
        throw new TableError(`${where}: an array row needs ${this.columns.length} values (${this.columnNames.join(', ')}), got ${row.length}`);
      }
      return row;
    }
    if (!row || typeof row !== 'object') {
      throw new TableError(`${where}: a row is an object {"column": value, ...} or an array of ${this.columns.length} values, got ${shown(row)}`);
    }
    const values = new Array(this.columns.length).fill(null);
    let known = 0;
    for (const name of Object.keys(row)) {
      if (name === this.target) continue;
      const k = this.byName.get(name);
      if (k === undefined) {
        throw new TableError(`${where}: unknown column ${shown(name)}; the model's columns are ${this.columnNames.map((n) => `"${n}"`).join(', ')}`);
      }
      values[k] = row[name];
      known += 1;
    }
    if (known === 0) throw new TableError(`${where}: names none of the model's columns (${this.columnNames.join(', ')})`);
    return values;
  }

  // CSV text → rows of values in column order. With a header (a first record whose every field, trimmed,
  // is a column of the model or its target) columns are matched by name and may come in any order;
  // without one, each record holds the feature columns in the model's order.
  csvRows(text) {
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const records = splitCsv(text);
    if (records.length === 0) throw new TableError('the CSV text has no rows');
    const names = records[0].fields.map((f) => f.replace(C_SPACE_EDGES, ''));
    const isHeader = names.every((n) => this.byName.has(n) || (n !== '' && n === this.target));
    if (!isHeader) {
      return records.map(({ fields, line }) => {
        if (fields.length !== this.columns.length) {
          throw new TableError(`CSV line ${line}: ${fields.length} fields, the model's columns are ${this.columns.length} (${this.columnNames.join(', ')}); or start with a header naming them`);
        }
        return { values: fields, where: `CSV line ${line}` };
      });
    }
    const seen = new Set();
    for (const n of names) {
      if (seen.has(n)) throw new TableError(`CSV line ${records[0].line}: the header names "${n}" twice`);
      seen.add(n);
    }
    if (records.length === 1) throw new TableError('the CSV text has a header but no rows');
    return records.slice(1).map(({ fields, line }) => {
      if (fields.length !== names.length) {
        throw new TableError(`CSV line ${line}: ${fields.length} fields, the header has ${names.length}`);
      }
      const values = new Array(this.columns.length).fill(null);
      names.forEach((n, k) => {
        const index = this.byName.get(n);
        if (index !== undefined) values[index] = fields[k];
      });
      return { values, where: `CSV line ${line}` };
    });
  }

  // Rows ({values, where}) → a Float32Array of rows × width.
  encodeRows(rows) {
    const out = new Float32Array(rows.length * this.width);
    rows.forEach(({ values, where }, r) => this.encodeInto(values, out, r * this.width, where));
    return out;
  }
}

module.exports = { TableEncoder, TableError, splitCsv, parseNumber, shown };
