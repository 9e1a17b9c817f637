/**
 * The scanner's hand-written character loops (tokenize, normalizeToken, normalizeName's fast path,
 * textStems by last letter) must give exactly what their regex definitions give: these are the
 * definitions, run side by side on text that reaches every branch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, type Token } from '../../src/gazetteer/name-trie.js';
import { hasCyrillic, normalizeName, normalizeToken } from '../../src/gazetteer/normalize.js';
import { TEXT_ENDINGS, textStems } from '../../src/gazetteer/stems.js';

/** A token's fields as a plain object (the lazy ones read). */
interface PlainToken {
  start: number;
  end: number;
  raw: string;
  norm: string;
  capitalized: boolean;
}
const plain = (t: Token): PlainToken => ({ start: t.start, end: t.end, raw: t.raw, norm: t.norm, capitalized: t.capitalized });

const refNormalizeToken = (s: string) => s.replace(/[’ʼ`‘´]/g, "'").replace(/[ёЁ]/g, 'е').toLowerCase();
const refNormalizeName = (s: string) =>
  s.normalize('NFC').replace(/[’ʼ`‘´]/g, "'").replace(/[ёЁ]/g, 'е').toLowerCase().replace(/\s+/g, ' ').trim();

function refTokenize(text: string): PlainToken[] {
  const out: PlainToken[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\d][\p{L}\p{M}\d'’ʼ`-]*/gu)) {
    let raw = m[0];
    while (/[-'’ʼ`]$/.test(raw)) raw = raw.slice(0, -1);
    if (!raw) continue;
    const first = raw[0]!;
    out.push({ start: m.index, end: m.index + raw.length, raw, norm: refNormalizeToken(raw), capitalized: first !== first.toLowerCase() });
  }
  return out;
}

/** Pieces that reach every branch: ASCII, Cyrillic (҂ and combining marks too), other scripts, astral letters, lone surrogates, marks. */
const PIECES = [
  'Kharkiv', "Kharkiv's", 'Kharkiv’s', 'KYIV', 'x', '5', '2024-го', ' ', '\n', '\u00a0', ',', '.', '-', '--', "'", '’', 'ʼ', '`', '‘', '´',
  'Харків', 'ХАРКІВ', 'Новоселівці', "Солом'янському", 'Обʼєднана', 'Ёлки', 'ёж', 'Ѐ', 'ѝ', 'Ґ', 'ґ', 'Ӏ', 'ӏ', 'Ѣ', '\u0482', '\u0483', 'и\u0306',
  'İ', 'ẞ', 'ǅ', 'Σ', 'ΟΔΟΣ', 'Ω', 'ﬁ', 'é', 'e\u0301', '١٢', 'ß', '𝐀𝐁', '𝑥', '\ud835', '\udc00', '«', '»', '—', '…', '·', '\u200b', '\ufeff', '\u3000',
];

function samples(): string[] {
  const out = [...PIECES, PIECES.join(''), PIECES.join(' ')];
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let i = 0; i < 3000; i++) {
    let s = '';
    for (let k = 1 + next(8); k > 0; k--) s += PIECES[next(PIECES.length)];
    out.push(s);
  }
  return out;
}

test('tokenize finds the words the word pattern finds', () => {
  for (const s of samples()) assert.deepEqual(tokenize(s).map(plain), refTokenize(s), JSON.stringify(s));
});

test('normalizeToken and normalizeName give what their replace chains give', () => {
  for (const s of samples()) {
    assert.equal(normalizeToken(s), refNormalizeToken(s), JSON.stringify(s));
    assert.equal(normalizeName(s), refNormalizeName(s), JSON.stringify(s));
    assert.equal(hasCyrillic(s), /[\u0400-\u04FF]/.test(s), JSON.stringify(s));
    for (const t of refTokenize(s)) assert.equal(normalizeName(t.norm), refNormalizeName(t.norm), JSON.stringify(t.norm));
  }
});

/** The plain pass over stems.ts's TEXT_ENDINGS: textStems's by-last-letter lists must give the same. */
function refCyrillicStems(word: string): string[] {
  const out = [word];
  for (const e of TEXT_ENDINGS) if (word.length - e.length >= 3 && word.endsWith(e)) out.push(word.slice(0, -e.length));
  return out;
}

test('textStems tries every ending a word can have, in list order', () => {
  const words = samples().flatMap((s) => refTokenize(s).map((t) => t.norm));
  for (const stem of ['харк', 'харків', 'кр', 'запоріжж', 'дніпр']) for (const e of TEXT_ENDINGS) words.push(stem + e);
  for (const word of words) if (hasCyrillic(word)) assert.deepEqual(textStems(word), refCyrillicStems(word), word);
  assert.deepEqual(textStems("kharkiv's"), ["kharkiv's", 'kharkiv']);
  assert.deepEqual(textStems('districts'), ['districts', 'district']);
  // Not an Object.prototype lookup.
  assert.deepEqual(textStems('constructor'), ['constructor']);
});
