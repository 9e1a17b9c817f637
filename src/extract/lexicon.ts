/**
 * Loads a language's word lists (data/lexicon/<lang>/*.json) and compiles each list into one regular
 * expression: terms longest first, '*' standing for any letters that may follow (a case ending or a
 * plural), whole-word boundaries written with Unicode letter classes (\b does not work on Cyrillic).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import type { Language } from '../domain/vocabulary.js';

const cache = new Map<string, unknown>();

export function loadLexicon<T>(lang: Language | 'common', name: string): T | null {
  const key = `${lang}/${name}`;
  if (cache.has(key)) return cache.get(key) as T;
  const file = dataPath('lexicon', lang, `${name}.json`);
  const value = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
  cache.set(key, value);
  return value;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One term → regex source: "ударн* дрон*" → "ударн\p{L}*\s+дрон\p{L}*"; quotes and apostrophes are loose. */
export function termSource(term: string): string {
  return term
    .trim()
    .split(/\s+/)
    .map((w) =>
      escape(w)
        .replace(/['’ʼ]/g, "['’ʼ]")
        .replace(/[«»"“”]/g, '["«»“”]?')
        .replace(/\\\*/g, "[\\p{L}'’ʼ-]*"),
    )
    .join('[\\s\\u00a0]+');
}

/** Compiles terms into one global, case-insensitive, Unicode regex with whole-word boundaries. */
export function compileTerms(terms: readonly string[], flags = 'giu'): RegExp {
  const sorted = [...new Set(terms)].sort((a, b) => b.length - a.length);
  const body = sorted.map(termSource).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, flags);
}

export interface TermHit<K extends string> {
  key: K;
  start: number;
  end: number;
  text: string;
}

/**
 * A keyed lexicon ({ key: [terms] }) compiled into one regex with a named group per key, so a text
 * is scanned once whatever the number of keys. Longest match wins across keys.
 */
export class KeyedMatcher<K extends string> {
  private readonly re: RegExp;
  private readonly keys: K[];

  constructor(lists: Partial<Record<K, readonly string[]>>) {
    this.keys = Object.keys(lists).filter((k) => !k.startsWith('_')) as K[];
    const all: { key: number; term: string }[] = [];
    this.keys.forEach((k, i) => {
      for (const t of lists[k] ?? []) all.push({ key: i, term: t });
    });
    all.sort((a, b) => b.term.length - a.term.length);
    // One alternation; the key of each alternative is found by a parallel array (named groups can't repeat).
    this.termKeys = all.map((a) => a.key);
    const body = all.map((a) => `(${termSource(a.term)})`).join('|');
    this.re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu');
  }

  private readonly termKeys: number[];

  scan(text: string, from = 0, to = text.length): TermHit<K>[] {
    const out: TermHit<K>[] = [];
    const slice = from === 0 && to === text.length ? text : text.slice(from, to);
    this.re.lastIndex = 0;
    for (const m of slice.matchAll(this.re)) {
      const g = m.findIndex((v, i) => i > 0 && v !== undefined);
      const key = this.keys[this.termKeys[g - 1]!]!;
      out.push({ key, start: from + m.index!, end: from + m.index! + m[0].length, text: m[0] });
    }
    return out;
  }
}
