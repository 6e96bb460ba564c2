'use strict';
// The studio's text preprocessing (core/preprocess/text_pipeline.cpp), byte for byte:
// clean → split on spaces → stop words → Snowball English stem → ids, pre-padded with PAD and
// truncated to `length`. The vocabulary and the settings come from the exported preprocess.json.
// The studio stems with libstemmer's "english"; snowball-stemmers is a port of the same Snowball
// algorithm, and tests/core/tst_server_tokenizer.cpp holds the two to the same tokens on a corpus.
const snowball = require('snowball-stemmers');

function isAlnum(b) {
  return (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122);
}
function isSpace(b) {
  return b === 32 || (b >= 9 && b <= 13);
}

class Tokenizer {
  constructor(spec) {
    this.spec = spec;
    this.stemmer = spec.stem ? snowball.newStemmer('english') : null;
    this.stopWords = new Set(spec.remove_stop_words ? spec.stop_words || [] : []);
    this.ids = new Map();
    spec.vocabulary.forEach((token, k) => this.ids.set(token, k + 2));
    this.padId = spec.pad_id ?? 0;
    this.oovId = spec.oov_id ?? 1;
  }

  clean(text) {
    const bytes = Buffer.from(text, 'utf8');
    const out = [];
    for (const b of bytes) {
      if (b >= 0x80) out.push(b);
      else if (isAlnum(b)) out.push(this.spec.lowercase && b >= 65 && b <= 90 ? b + 32 : b);
      else if (isSpace(b)) out.push(32);
      else if (this.spec.strip_punctuation) {
        if (b !== 39) out.push(32);
      } else out.push(b);
    }
    return Buffer.from(out).toString('utf8');
  }

  tokenize(text) {
    return this.clean(text)
      .split(' ')
      .filter((w) => w.length > 0 && !this.stopWords.has(w))
      .map((w) => (this.stemmer ? this.stemmer.stem(w) : w));
  }

  encode(text) {
    const length = this.spec.length;
    const ids = [];
    for (const token of this.tokenize(text)) {
      if (ids.length >= length) break;
      ids.push(this.ids.get(token) ?? this.oovId);
    }
    return new Array(length - ids.length).fill(this.padId).concat(ids);
  }
}

module.exports = { Tokenizer };
