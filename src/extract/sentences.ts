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
    const merged = segmentLine(text, line, lineStart, lang, abbreviations);
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

/** The line's segments, each merged into the previous one when that ends in an abbreviation or an initial. */
function segmentLine(text: string, line: string, lineStart: number, lang: Language, abbreviations: ReadonlySet<string>): { start: number; end: number }[] {
  const merged: { start: number; end: number }[] = [];
  let start = lineStart;
  for (const cut of plainSegmentEnds(line) ?? segmenterEnds(line, lang)) {
    const end = lineStart + cut;
    const prev = merged[merged.length - 1];
    if (prev && endsInAbbreviation(text, prev.start, prev.end, abbreviations)) prev.end = end;
    else merged.push({ start, end });
    start = end;
  }
  return merged;
}

/** Where Intl.Segmenter's sentence segments of the line end. */
function segmenterEnds(line: string, lang: Language): number[] {
  const ends: number[] = [];
  // Walking the segments with containing() visits the same partition as iterating them, without
  // an iterator and a result object per segment.
  const segments = segmenter(lang).segment(line);
  for (let at = 0; at < line.length; ) {
    const seg = segments.containing(at)!;
    at = seg.index + seg.segment.length;
    ends.push(at);
  }
  return ends;
}

/**
 * Where Intl.Segmenter's segments of the line end, told without it for the usual line, else null.
 * By the sentence rules of UAX #29 (which ICU implements), a break falls only after a paragraph
 * separator (SB4) or after a terminator (ATerm or STerm) with the closing marks and spaces after it
 * (SB11). Here every character outside such runs is "plain" (isPlain: never a separator or a
 * terminator), and every run is terminators and closing marks opening with a terminator (no break
 * inside: SB8a, SB9), then spaces (SB9, SB10), then either the end of the line or a capital letter:
 * before a capital after spaces no rule keeps the segment going (SB6 and SB7 need the terminator
 * right before it, SB8 a lower-case letter ahead, SB8a a terminator or continuing mark), so SB11
 * breaks there. Any other line (a dot before a digit or a lower-case word, an abbreviation, emoji) is
 * left to the segmenter. test/extract/sentence-split.test.ts holds this to ICU on the corpus.
 */
function plainSegmentEnds(line: string): number[] | null {
  const ends: number[] = [];
  const n = line.length;
  for (let k = 0; k < n; ) {
    const c = line.charCodeAt(k);
    if (isPlain(c)) {
      k++;
      continue;
    }
    if (!isTerminatorMark(c)) return null;
    k++;
    while (k < n && (isTerminatorMark(line.charCodeAt(k)) || isClosingMark(line.charCodeAt(k)))) k++;
    const spaces = k;
    while (k < n && isSp(line.charCodeAt(k))) k++;
    if (k === n) break;
    if (k === spaces || !isCapital(line.charCodeAt(k))) return null;
    ends.push(k);
  }
  ends.push(n);
  return ends;
}

/** A-Z, А-Я and Ѐ-Џ (І Ї Є among them): Upper in the sentence rules. */
const isCapital = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x0400 && c <= 0x042f);
/** . ! ? : ATerm and STerm. */
const isTerminatorMark = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f;
/** " ' ) ] » ” ’ : Close (quotation marks and closing brackets) in the sentence rules. */
const isClosingMark = (c: number) => c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0xbb || c === 0x201d || c === 0x2019;
/** Space, tab, no-break space, narrow no-break space: Sp in the sentence rules, not separators. */
const isSp = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f;

/**
 * A code unit that is neither a paragraph separator nor a sentence terminator: printable ASCII but
 * . ! ?, tab, Latin-1 from U+00A0, the Cyrillic block, ʼ, and general punctuation (dashes, quotes,
 * bullets, the ellipsis, per mille, no-break spaces) except the one dot leader U+2024, the line and
 * paragraph separators U+2028/9 and ‼ ‽. Everything else (emoji, other scripts) is left to the segmenter.
 */
function isPlain(c: number): boolean {
  if (c < 0x80) return (c >= 0x20 && c < 0x7f && !isTerminatorMark(c)) || c === 0x09;
  if (c >= 0xa0 && c <= 0xff) return true;
  if (c >= 0x0400 && c <= 0x04ff) return true;
  if (c === 0x02bc) return true;
  return c >= 0x2010 && c <= 0x203b && c !== 0x2024 && c !== 0x2028 && c !== 0x2029;
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

/** For tests only: the segmenter shortcut's pieces. */
export const sentenceShortcutForTest = { isPlain, plainSegmentEnds, segmenterEnds };
