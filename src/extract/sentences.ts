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
  const abbreviations = new Set([...ABBREVIATIONS[lang], ...ABBREVIATIONS.en]);
  const out: Sentence[] = [];
  let paragraph = 0;
  // Lines first: a line break always ends a sentence; a blank line starts a new paragraph.
  const lineRe = /[^\n]+/g;
  let lastLineEnd = 0;
  for (const lm of text.matchAll(lineRe)) {
    const lineStart = lm.index!;
    if (out.length && /\n\s*\n/.test(text.slice(lastLineEnd, lineStart))) paragraph++;
    lastLineEnd = lineStart + lm[0].length;
    const pieces: { start: number; end: number }[] = [];
    for (const seg of segmenter(lang).segment(lm[0])) {
      const start = lineStart + seg.index;
      pieces.push({ start, end: start + seg.segment.length });
    }
    // Merge a piece into the previous one when the previous ends in an abbreviation or an initial.
    const merged: { start: number; end: number }[] = [];
    for (const p of pieces) {
      const prev = merged[merged.length - 1];
      if (prev) {
        const prevText = text.slice(prev.start, prev.end).trimEnd();
        const m = /([\p{L}.-]+)\.$/u.exec(prevText);
        const word = m?.[1]?.toLowerCase() ?? '';
        const isInitial = /^\p{Lu}$/u.test(m?.[1] ?? '');
        if (m && (abbreviations.has(word) || isInitial)) {
          prev.end = p.end;
          continue;
        }
      }
      merged.push({ ...p });
    }
    for (const p of merged) {
      let s = p.start;
      let e = p.end;
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      if (e > s) out.push({ start: s, end: e, text: text.slice(s, e), paragraph });
    }
  }
  return out;
}
