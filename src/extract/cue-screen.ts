/**
 * A cheaper test for cue regexes that are run once on a sentence (attribution, event building):
 * cueHolds screens the regex with its twin without the lookarounds at its edges.
 */
import { classEnd } from './pattern-guards.js';

/**
 * re.test(text) (re neither global nor sticky), screened first by the twin of re without the assertion
 * groups opening and closing it (the word-boundary lookarounds of the cue lists, "(?<![\p{L}\p{N}])").
 * An assertion matches no character, so a match of re is a match of the twin at the same place: where
 * the twin finds none, re finds none. V8 scans a pattern that opens with a literal alternation far faster
 * than one led by a lookbehind, and most sentences hold no cue; where the twin matches, re decides.
 */
export function cueHolds(re: RegExp, text: string): boolean {
  let bare = bareTwins.get(re);
  if (bare === undefined) {
    bare = bareTwin(re);
    bareTwins.set(re, bare);
  }
  return (bare === null || bare.test(text)) && re.test(text);
}

/** The twins by regex (the cue lists of the language packs, a few patterns: as long-lived as they are). */
const bareTwins = new WeakMap<RegExp, RegExp | null>();

/** re without its outer assertion groups; null when it has none or is global or sticky (test then moves lastIndex). */
function bareTwin(re: RegExp): RegExp | null {
  if (re.global || re.sticky) return null;
  let src = re.source;
  const lead = assertionAt(src, 0);
  if (lead > 0) src = src.slice(lead);
  const trail = lastAssertion(src);
  if (trail >= 0) src = src.slice(0, trail);
  return src === re.source || !src ? null : new RegExp(src, re.flags);
}

/** The index after a lookaround group opening at src[i] that holds no group and takes no quantifier, or -1. */
function assertionAt(src: string, i: number): number {
  if (!/^\(\?(?:<[=!]|[=!])/.test(src.slice(i, i + 4))) return -1;
  for (let j = i + 3; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') j = classEndOrLast(src, j);
    else if (c === '(') return -1;
    else if (c === ')') return /^[*+?{]/.test(src.slice(j + 1, j + 2)) ? -1 : j + 1;
  }
  return -1;
}

/** Where a lookaround group (as assertionAt reads it) that ends the pattern begins, or -1. */
function lastAssertion(src: string): number {
  // The unescaped "(" outside a class that open groups, in order; the last one is the candidate.
  let last = -1;
  for (let j = 0; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') j = classEndOrLast(src, j);
    else if (c === '(') last = j;
  }
  return last >= 0 && assertionAt(src, last) === src.length ? last : -1;
}

/** The index of the class's closing "]" (the loops above step past it), or the last index when it has none. */
function classEndOrLast(src: string, i: number): number {
  const end = classEnd(src, i);
  return end < 0 ? src.length : end - 1;
}
