/**
 * matchAll / test for the rule and lexicon regexes that can only match at the start of a word (they
 * begin with a lookbehind such as (?<![\p{L}\d]) or (?<![\p{L}\p{N}])): the regex is run sticky at
 * the positions not preceded by a letter instead of being left to scan every position. Irregexp pays
 * the whole alternation of a rule at every position of a scan (the lookbehind does not cut it short),
 * so on a sentence this is several times faster, with the same matches in the same order.
 */

interface Plan {
  /** The sticky twin, or null when the regex may also match after a letter (then: plain matchAll). */
  sticky: RegExp | null;
  /** A global twin for matchAll when the regex is not global itself. */
  global: RegExp;
  /** Start keys (see fold) of the terms of a word list: a match can only begin where they stand. */
  starts: StartKeys | null;
}

interface StartKeys {
  ignoreCase: boolean;
  /** Keys of terms whose second atom is not a literal character (or that have one character). */
  one: Set<number>;
  /** Keys of the first two characters of the other terms, first * 65536 + second. */
  two: Set<number>;
  /**
   * The same test for the first character by table, for keys under FIRST (ASCII, Cyrillic): 0 no term
   * starts so, 1 a term of `one` does, 2 only terms of `two` do (the second character decides).
   * Most positions fail on their first character, and a table load is cheaper than a Set look-up.
   */
  first: Uint8Array;
}

const FIRST = 0x500;

const registered = new WeakMap<RegExp, readonly string[]>();

/**
 * Tells the matcher which literal characters every match of a word-list regex starts with
 * (alternation.ts termStarts), so that only the positions holding them are tried.
 */
export function registerStarts(re: RegExp, starts: readonly string[] | null): RegExp {
  if (starts) registered.set(re, starts);
  return re;
}

/**
 * A UTF-16 unit as a key that two characters share when the regex would take one for the other: the
 * unit itself, lower-cased for ASCII and basic Cyrillic under 'i'. -1 ("could be anything") for the
 * units whose case partners are not worth listing (other scripts, Latin-1 letters, the Kelvin sign's
 * kind): such a position is always tried.
 */
function fold(c: number, ignoreCase: boolean): number {
  if (c >= 0xd800 && c <= 0xdfff) return -1;
  if (!ignoreCase) return c;
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  if (c >= 0x410 && c <= 0x42f) return c + 0x20;
  if (c >= 0x430 && c <= 0x45f) return c;
  if (c >= 0x400 && c <= 0x40f) return c + 0x50;
  if (c === 0x490 || c === 0x491) return 0x491;
  // Punctuation, spaces, quotes, dashes and ʼ have no case partners (µ has one: μ).
  if ((c >= 0xa0 && c <= 0xbf && c !== 0xb5) || (c >= 0x2000 && c <= 0x206f) || c === 0x2bc) return c;
  return -1;
}

function startKeys(starts: readonly string[], ignoreCase: boolean): StartKeys | null {
  const keys: StartKeys = { ignoreCase, one: new Set(), two: new Set(), first: new Uint8Array(FIRST) };
  for (const st of starts) {
    const a = fold(st.charCodeAt(0), ignoreCase);
    const b = st.length > 1 ? fold(st.charCodeAt(1), ignoreCase) : null;
    if (a < 0 || b === -1 || st.length > 2) return null;
    if (b === null) keys.one.add(a);
    else keys.two.add(a * 65536 + b);
  }
  for (const a of keys.one) if (a < FIRST) keys.first[a] = 1;
  for (const ab of keys.two) {
    const a = Math.floor(ab / 65536);
    if (a < FIRST && keys.first[a] === 0) keys.first[a] = 2;
  }
  return keys;
}

const plans = new WeakMap<RegExp, Plan>();

/** The index after the character class starting at src[i] ('['), or -1. */
function classEnd(src: string, i: number): number {
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === ']') return j + 1;
  }
  return -1;
}

/** Whether the alternative starting at src[i] opens with a negative lookbehind on a class holding \p{L}. */
function guardedAt(src: string, i: number): boolean {
  if (!src.startsWith('(?<![', i) || src[i + 5] === '^') return false;
  const end = classEnd(src, i + 4);
  return end > 0 && src[end] === ')' && src.slice(i + 5, end - 1).includes('\\p{L}');
}

/** Whether every top-level alternative of the pattern opens with such a lookbehind. */
export function wordStartOnly(src: string): boolean {
  if (!guardedAt(src, 0)) return false;
  let depth = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const end = classEnd(src, i);
      if (end < 0) return false;
      i = end - 1;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0 && !guardedAt(src, i + 1)) return false;
  }
  return true;
}

function plan(re: RegExp): Plan {
  let p = plans.get(re);
  if (!p) {
    // Only unicode regexes: their matches never start inside a surrogate pair, which the walk below skips.
    const ok = re.unicode && !re.sticky && wordStartOnly(re.source);
    const starts = ok ? registered.get(re) : undefined;
    p = {
      sticky: ok ? new RegExp(re.source, `${re.flags.replace('g', '')}y`) : null,
      global: re.global ? re : new RegExp(re.source, `${re.flags}g`),
      starts: starts ? startKeys(starts, re.ignoreCase) : null,
    };
    plans.set(re, p);
  }
  return p;
}

/**
 * Whether the UTF-16 unit is a letter for sure. It may say no for a rare letter (that only adds a
 * start to try), never yes for a non-letter (that would skip a match).
 */
function surelyLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c >= 0x400 && c <= 0x45f) return true; // Cyrillic letters, Ѐ..џ
  if (c >= 0xc0 && c <= 0xff) return c !== 0xd7 && c !== 0xf7; // Latin-1 letters
  return c === 0x490 || c === 0x491; // Ґ ґ
}

/**
 * The positions of a text not preceded by a letter, with the keys of the two characters there (-1:
 * could be anything, -2: past the end), computed once per text for all the regexes run on it.
 */
interface Candidates {
  pos: number[];
  /** fold(…, true) of the first and second character at each position; then fold(…, false). */
  a: number[];
  b: number[];
  ra: number[];
  rb: number[];
}

const recent: { text: string; c: Candidates }[] = [];

function candidates(text: string): Candidates {
  for (const r of recent) if (r.text === text) return r.c;
  const c: Candidates = { pos: [], a: [], b: [], ra: [], rb: [] };
  const n = text.length;
  for (let p = 0; p <= n; p++) {
    if (p > 0) {
      const prev = text.charCodeAt(p - 1);
      if (surelyLetter(prev)) continue;
      // Between the halves of a surrogate pair: a unicode regex never starts a match there.
      if (prev >= 0xd800 && prev <= 0xdbff && p < n) {
        const x = text.charCodeAt(p);
        if (x >= 0xdc00 && x <= 0xdfff) continue;
      }
    }
    const x = p < n ? text.charCodeAt(p) : -1;
    const y = p + 1 < n ? text.charCodeAt(p + 1) : -1;
    c.pos.push(p);
    c.a.push(x < 0 ? -2 : fold(x, true));
    c.b.push(y < 0 ? -2 : fold(y, true));
    c.ra.push(x < 0 ? -2 : fold(x, false));
    c.rb.push(y < 0 ? -2 : fold(y, false));
  }
  // The rules run a dozen regexes on one sentence or window, then move on.
  if (recent.length >= 4) recent.shift();
  recent.push({ text, c });
  return c;
}

/** Whether a match of a list with these start keys could begin at candidate j. */
function mayStart(k: StartKeys, c: Candidates, j: number): boolean {
  const a = k.ignoreCase ? c.a[j]! : c.ra[j]!;
  if (a === -2) return false;
  if (a < 0) return true;
  if (a < FIRST) {
    const f = k.first[a]!;
    if (f !== 2) return f === 1;
  } else if (k.one.has(a)) return true;
  const b = k.ignoreCase ? c.b[j]! : c.rb[j]!;
  if (b === -2) return false;
  return b < 0 || k.two.has(a * 65536 + b);
}

/** The first match starting at or after `from` at a position not preceded by a letter. */
function nextMatch(y: RegExp, text: string, from: number, starts: StartKeys | null): RegExpExecArray | null {
  const c = candidates(text);
  const pos = c.pos;
  let j = 0;
  if (from > 0) {
    // First candidate at or after `from` (binary search: matchAll goes on from each match's end).
    let hi = pos.length;
    while (j < hi) {
      const mid = (j + hi) >> 1;
      if (pos[mid]! < from) j = mid + 1;
      else hi = mid;
    }
  }
  for (; j < pos.length; j++) {
    if (starts && !mayStart(starts, c, j)) continue;
    y.lastIndex = pos[j]!;
    const m = y.exec(text);
    if (m) return m;
  }
  return null;
}

/** The matches matchAll would give (the regex need not be global), same order, same groups. */
export function* wordMatches(re: RegExp, text: string): Generator<RegExpExecArray> {
  const { sticky, global, starts } = plan(re);
  if (!sticky) {
    global.lastIndex = 0;
    yield* text.matchAll(global) as IterableIterator<RegExpExecArray>;
    return;
  }
  let m: RegExpExecArray | null;
  for (let from = 0; (m = nextMatch(sticky, text, from, starts)); ) {
    yield m;
    // As matchAll: go on after the match (one position on after an empty one).
    from = m.index + (m[0].length || 1);
  }
}

/** Whether the regex matches anywhere in the text (re.test from the start, lastIndex left alone). */
export function hasWordMatch(re: RegExp, text: string): boolean {
  const { sticky, global, starts } = plan(re);
  if (sticky) return nextMatch(sticky, text, 0, starts) !== null;
  global.lastIndex = 0;
  return global.test(text);
}

/** re.exec(text) of a non-global regex: the first match, or null. */
export function firstWordMatch(re: RegExp, text: string): RegExpExecArray | null {
  const { sticky, global, starts } = plan(re);
  if (sticky) return nextMatch(sticky, text, 0, starts);
  global.lastIndex = 0;
  return global.exec(text);
}
