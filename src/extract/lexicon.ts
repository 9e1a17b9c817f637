/**
 * Loads a language's word lists (data/lexicon/<lang>/*.json) and compiles each list into one regular
 * expression: terms longest first, '*' standing for any letters that may follow (a case ending or a
 * plural), whole-word boundaries written with Unicode letter classes (\b does not work on Cyrillic).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import { alternation, termStarts } from './alternation.js';
import { registerStarts, wordMatches } from './word-matches.js';
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
  // Factored by shared prefixes: the same matches as the flat longest-first list (alternation.ts).
  const body = alternation(terms, flags.includes('i'));
  // The first characters of the terms let word-matches.ts try only the positions where a term can begin.
  return registerStarts(new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, flags), termStarts(terms));
}

export interface TermHit<K extends string> {
  key: K;
  start: number;
  end: number;
  text: string;
}

/**
 * A keyed lexicon ({ key: [terms] }) compiled into one regex without capture groups, so a text is
 * scanned once whatever the number of keys; the key of a hit is found afterwards by the per-key
 * anchored patterns, trying the key with the longest matching term first.
 */
export class KeyedMatcher<K extends string> {
  private readonly re: RegExp;
  private readonly perKey: { key: K; terms: { re: RegExp; len: number }[] }[];
  private readonly cache = new Map<string, K>();

  constructor(lists: Partial<Record<K, readonly string[]>>) {
    const keys = Object.keys(lists).filter((k) => !k.startsWith('_')) as K[];
    this.perKey = keys.map((key) => ({
      key,
      terms: (lists[key] ?? []).map((t) => ({ re: new RegExp(`^(?:${termSource(t)})$`, 'iu'), len: t.replace(/\*/g, '').length })),
    }));
    this.re = compileTerms(keys.flatMap((k) => [...(lists[k] ?? [])]), 'giu');
  }

  private keyOf(text: string): K {
    // Cached by the text as found, not lower-cased: the key is a function of the text, while one entry per
    // lower-cased form would hand "İ" whatever "i̇" got first (an answer depending on the reports seen
    // before). It also saves a toLowerCase per hit.
    const hit = this.cache.get(text);
    if (hit) return hit;
    let best: K = this.perKey[0]!.key;
    let bestLen = -1;
    for (const { key, terms } of this.perKey) {
      for (const t of terms) if (t.len > bestLen && t.re.test(text)) {
        best = key;
        bestLen = t.len;
      }
    }
    if (this.cache.size < 10000) this.cache.set(text, best);
    return best;
  }

  scan(text: string, from = 0, to = text.length): TermHit<K>[] {
    const out: TermHit<K>[] = [];
    const slice = from === 0 && to === text.length ? text : text.slice(from, to);
    this.re.lastIndex = 0;
    for (const m of wordMatches(this.re, slice)) {
      out.push({ key: this.keyOf(m[0]), start: from + m.index!, end: from + m.index! + m[0].length, text: m[0] });
    }
    return out;
  }
}
