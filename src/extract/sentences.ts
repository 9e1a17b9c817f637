/**
 * Sentence splitting: Intl.Segmenter for the first cut, then a merge pass that re-joins sentences
 * cut after abbreviations ("м. Харків", "с. Бобрик", "Mr. Smith", "St. Mary's", "вул. Сумська",
 * initials "O. Syniehubov"), and line breaks always end a sentence (Telegram posts put one fact a line).
 */
import type { Language } from '../domain/vocabulary.js';

export interface Sentence {
  start: number;
  end: number; // exclusive, trailing white space trimmed
  text: string;
  /** Index of the paragraph (blank-line separated block) the sentence belongs to. */
  paragraph: number;
}

const ABBREVIATIONS: Record<Language, string[]> = {
  en: ['mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'gov', 'sen', 'rep', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs', 'approx', 'est', 'inc', 'ltd', 'co', 'u.s', 'u.k', 'e.g', 'i.e', 'a.m', 'p.m'],
  uk: ['м', 'с', 'смт', 'вул', 'просп', 'пр', 'обл', 'р', 'р-н', 'вт', 'т.в.о', 'в.о', 'т', 'ім', 'буд', 'кв', 'тис', 'млн', 'грн', 'пл', 'пров', 'бул', 'див', 'напр', 'ст', 'сел', 'м-н', 'мкр', 'тел'],
  ru: ['г', 'с', 'пгт', 'ул', 'просп', 'пр', 'обл', 'р', 'р-н', 'и.о', 'т', 'им', 'д', 'кв', 'тыс', 'млн', 'руб', 'грн', 'пл', 'пер', 'бул', 'см', 'напр', 'ст', 'пос', 'мкр', 'тел'],
};

/** Each language's abbreviations with the English ones (which also occur in uk/ru text), built once. */
const ABBREVIATION_SETS: Record<Language, ReadonlySet<string>> = {
  en: new Set(ABBREVIATIONS.en),
  uk: new Set([...ABBREVIATIONS.uk, ...ABBREVIATIONS.en]),
  ru: new Set([...ABBREVIATIONS.ru, ...ABBREVIATIONS.en]),
};

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: Language): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

export function splitSentences(text: string, lang: Language): Sentence[] {
  const abbreviations = ABBREVIATION_SETS[lang];
  const out: Sentence[] = [];
  let paragraph = 0;
  // Lines first: a line break always ends a sentence; a blank line starts a new paragraph.
  const lineRe = /[^\n]+/g;
  let lastLineEnd = 0;
  for (const lm of text.matchAll(lineRe)) {
    const line = lm[0];
    const lineStart = lm.index!;
    // Lines are maximal runs of non-newlines, so the gap before one is newlines only: two or more
    // of them make a blank line.
    if (out.length && lineStart - lastLineEnd >= 2) paragraph++;
    lastLineEnd = lineStart + line.length;
    // Merge a piece into the previous one when the previous ends in an abbreviation or an initial.
    const merged: { start: number; end: number }[] = [];
    // Walking the segments with containing() visits the same partition as iterating them, without
    // an iterator and a result object per segment.
    const segments = segmenter(lang).segment(line);
    for (let at = 0; at < line.length; ) {
      const seg = segments.containing(at)!;
      const start = lineStart + seg.index;
      const end = start + seg.segment.length;
      at = seg.index + seg.segment.length;
      const prev = merged[merged.length - 1];
      if (prev && endsInAbbreviation(text, prev.start, prev.end, abbreviations)) prev.end = end;
      else merged.push({ start, end });
    }
    for (const p of merged) {
      let s = p.start;
      let e = p.end;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
      if (e > s) out.push({ start: s, end: e, text: text.slice(s, e), paragraph });
    }
  }
  return out;
}

/**
 * Whether text[start, end), trailing white space trimmed, ends in "<abbreviation>." or "<initial>.":
 * the last word of letters, dots and hyphens before a final dot (as /([\p{L}.-]+)\.$/u takes it) is a
 * listed abbreviation or one capital letter.
 */
function endsInAbbreviation(text: string, start: number, end: number, abbreviations: ReadonlySet<string>): boolean {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  if (e - start < 2 || text.charCodeAt(e - 1) !== 0x2e) return false;
  // The word cannot reach back across an ASCII character other than a letter, "." or "-": run the
  // pattern from the last such character on (the match and its group are the same as on the whole).
  let from = e - 1;
  while (from > start && !isAsciiBarrier(text.charCodeAt(from - 1))) from--;
  const m = /([\p{L}.-]+)\.$/u.exec(text.slice(from, e));
  if (!m) return false;
  const word = m[1]!;
  return abbreviations.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word);
}

/** An ASCII character outside [A-Za-z.-]: never part of the abbreviation pattern's word. */
function isAsciiBarrier(c: number): boolean {
  return c < 0x80 && !((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) && c !== 0x2e && c !== 0x2d;
}

/** /\s/ on one UTF-16 code unit (also what trimEnd strips); ASCII decided inline, the rest by the regex. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return /\s/.test(String.fromCharCode(c));
}
