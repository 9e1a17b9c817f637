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
  // A count starts with a modifier, a digit, a number word, "a"/"an" (before a group noun), a group noun or a vague word.
  const wordStarts = termStarts([...lex.at_least, ...lex.approximately, ...wordList, ...Object.keys(lex.groups), ...Object.keys(lex.vague)]);
  const starts = wordStarts ? [...wordStarts, ...'0123456789', 'a'] : null;

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
  return { source, starts, parse };
}
