/**
 * The grammar of counts, per language, from the word lists in data/lexicon/<lang>/numbers.json:
 * digits ("14", "1,940", "1 940"), words in every case ("two", "двоє", "п'ятьох", "троих"), compounds
 * ("twenty-five", "двадцять п'ять"), group nouns ("a dozen", "two dozen", "десяток"), and modifiers
 * that make a figure a minimum ("at least", "more than a dozen", "щонайменше", "более").
 */
import type { Language } from '../domain/vocabulary.js';
import { alternation, termStarts } from './alternation.js';
import { loadLexicon } from './lexicon.js';

interface NumbersLexicon {
  numbers: Record<string, number>;
  groups: Record<string, number>;
  multipliers: Record<string, number>;
  at_least: string[];
  approximately: string[];
  vague: Record<string, number | null>;
}

export interface ParsedCount {
  value: number;
  atLeast: boolean;
}

export interface NumberGrammar {
  /** Regex source matching one count phrase (with its modifier), for embedding in rules. */
  source: string;
  /** The characters a match of source can start with (alternation.ts termStarts), or null: anything. */
  starts: readonly string[] | null;
  /**
   * The starts of a count that the pattern embedding source follows with white space or one of these
   * characters (never a letter or a digit): fewer than starts ("an " but not "and").
   */
  startsBefore(after: readonly string[]): readonly string[] | null;
  parse(phrase: string): ParsedCount | null;
}

const grammars = new Map<Language, NumberGrammar>();

export function numberGrammar(lang: Language): NumberGrammar {
  let g = grammars.get(lang);
  if (!g) {
    g = buildGrammar(lang);
    grammars.set(lang, g);
  }
  return g;
}

// Factored by shared prefixes: the same matches as the flat longest-first list, far fewer steps.
const alt = (words: string[]) => alternation(words);

function buildGrammar(lang: Language): NumberGrammar {
  const lex = loadLexicon<NumbersLexicon>(lang, 'numbers');
  if (!lex) throw new Error(`no numbers lexicon for ${lang}`);
  // "a"/"an"/"no" are numbers only in front of a noun; the rules that embed this grammar supply it.
  const wordList = Object.keys(lex.numbers).filter((w) => w.length > 1 || lang !== 'en');
  const words = alt(wordList);
  const groups = alt(Object.keys(lex.groups));
  const mult = alt(Object.keys(lex.multipliers));
  const atLeast = alt(lex.at_least);
  const approx = alt(lex.approximately);
  const vague = alt(Object.keys(lex.vague));
  const digits = '\\d{1,3}(?:[,\\u00a0\\u202f ]\\d{3})+(?![\\d])|\\d+';
  const wordNumber = `(?:${words})(?:[\\s-]+(?:${words}))?`;
  const base = `(?:(?:${digits}|${wordNumber}|an?)[\\s-]+(?:${groups})|(?:${digits}|${wordNumber})(?:[\\s-]+(?:${mult}))?|(?:${groups})|(?:${vague}))`;
  const source = `(?:(?:${atLeast}|${approx})[\\s\\u00a0]+)?${base}`;
  const starts = countStarts(lex, wordList);
  const startsBefore = (after: readonly string[]) => countStarts(lex, wordList, after);

  const numbers = new Map(Object.entries(lex.numbers).map(([k, v]) => [k.toLowerCase(), v]));
  const groupMap = new Map(Object.entries(lex.groups).map(([k, v]) => [k.toLowerCase(), v]));
  const multMap = new Map(Object.entries(lex.multipliers).map(([k, v]) => [k.toLowerCase(), v]));
  const vagueMap = new Map(Object.entries(lex.vague).map(([k, v]) => [k.toLowerCase(), v]));
  const atLeastRe = new RegExp(`^(?:${atLeast})[\\s\\u00a0]+`, 'iu');
  const approxRe = new RegExp(`^(?:${approx})[\\s\\u00a0]+`, 'iu');
  // Bare digits ("14", "14 " before a noun) are the commonest count. The general path makes them their number:
  // a modifier needs a space after it, and the one token is digits; unless a vague word is all digits.
  const digitsAreNumbers = ![...vagueMap.keys()].some((k) => /^\d+$/.test(k));

  function parse(phrase: string): ParsedCount | null {
    const trimmed = phrase.trim();
    if (digitsAreNumbers && /^\d+$/.test(trimmed)) return { value: Number(trimmed), atLeast: false };
    let p = trimmed.toLowerCase().replace(/[’ʼ`]/g, "'").replace(/ё/g, 'е');
    let minimum = false;
    const m1 = atLeastRe.exec(p);
    if (m1) {
      minimum = true;
      p = p.slice(m1[0].length);
    } else {
      const m2 = approxRe.exec(p);
      if (m2) p = p.slice(m2[0].length);
    }
    if (vagueMap.has(p)) {
      const v = vagueMap.get(p);
      return v === null || v === undefined ? null : { value: v, atLeast: true };
    }
    const parts = p.split(/[\s\u00a0-]+/).filter(Boolean);
    let total = 0;
    let current = 0;
    let seen = false;
    for (let i = 0; i < parts.length; i++) {
      const w = parts[i]!;
      if (/^\d/.test(w)) {
        // Thousands separators were split off: "1 940" arrives as ["1", "940"].
        let digitsStr = w.replace(/[,\u00a0\u202f]/g, '');
        while (i + 1 < parts.length && /^\d{3}$/.test(parts[i + 1]!)) digitsStr += parts[++i];
        current += Number(digitsStr);
        seen = true;
      } else if (numbers.has(w)) {
        current += numbers.get(w)!;
        seen = true;
      } else if (w === 'a' || w === 'an') {
        current += 1;
        seen = true;
      } else if (groupMap.has(w)) {
        current = (seen ? current : 1) * groupMap.get(w)!;
        // "a dozen", "two dozen": a group noun is a round figure, counted as a minimum only when the text says so.
        seen = true;
      } else if (multMap.has(w)) {
        current = (seen ? current : 1) * multMap.get(w)!;
        total += current;
        current = 0;
        seen = true;
      } else if (vagueMap.has(w)) {
        const v = vagueMap.get(w);
        if (v === null || v === undefined) return null;
        return { value: v, atLeast: true };
      }
    }
    if (!seen) return null;
    return { value: total + current, atLeast: minimum };
  }
  return { source, starts, startsBefore, parse };
}

/**
 * What a match of the grammar's source starts with (see NumberGrammar.starts): a modifier and the
 * white space after it, a digit, a number word, "a"/"an" and what follows them, a group noun or a vague
 * word. The modifiers and "a"/"an" are spelt out with what must come next because their bare
 * beginnings are common words: "over" of "overnight", the article "a" (and "at", "and", "after" that a
 * bare "a" lets through) would each be a try of every rule opening with a count.
 *
 * With `after` (see NumberGrammar.startsBefore), the characters the embedding pattern puts right after
 * a count: a word of the count ends the count or is followed by [\s-], so a whole word is spelt out
 * with each of those after it ("an " and "an," but not "and"), and a digit with another digit too.
 */
function countStarts(lex: NumbersLexicon, wordList: string[], after?: readonly string[]): string[] | null {
  const groups = termStarts(Object.keys(lex.groups));
  if (!groups) return null;
  const next = after ? [' ', '-', ...after] : [''];
  const heads: string[] = [];
  for (const t of [...wordList, ...Object.keys(lex.groups), ...Object.keys(lex.vague)]) {
    const st = thenEach(t, next);
    if (!st) return null;
    heads.push(...st);
  }
  // "(?:at least|about) ": a modifier is always followed by white space ([\s\u00a0]+).
  const modifiers: string[] = [];
  for (const t of [...lex.at_least, ...lex.approximately]) {
    const st = thenEach(t, [' ']);
    if (!st) return null;
    modifiers.push(...st);
  }
  // "an?[\s-]+(?:groups)": "a dozen", "an - dozen", "a-dozen"; a space stands for a run of white space,
  // so after it comes a group noun or the hyphen of [\s-]+.
  const article = ['a', 'an'].flatMap((a) => [`${a}-`, `${a} -`, ...groups.map((g) => `${a} ${g}`)]);
  // "1,940", "1 940", "14": after a digit, another, a separator ([,\u00a0\u202f ] are a comma and white
  // space), the hyphen of [\s-], or what follows the count.
  const digits = [...'0123456789'].flatMap((d) => (after ? [...'0123456789', ',', ...next].map((n) => d + n) : [d]));
  return [...new Set([...modifiers, ...heads, ...digits, ...article])];
}

/**
 * The starts of a term followed by one of `next`: the term and each of them when its start is the
 * whole term (a literal one, short enough), else its start alone (which lets more through).
 */
function thenEach(term: string, next: readonly string[]): string[] | null {
  const st = termStarts([term]);
  if (!st) return null;
  const whole = term.trim().split(/\s+/).join(' ');
  return st.flatMap((s) => (s === whole ? next.map((n) => s + n) : [s]));
}
