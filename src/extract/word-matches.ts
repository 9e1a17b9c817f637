/**
 * matchAll / test for the rule and lexicon regexes that can only match at the start of a word (they
 * begin with a lookbehind such as (?<![\p{L}\d]) or (?<![\p{L}\p{N}])): the regex is run sticky at
 * the positions not preceded by a letter instead of being left to scan every position. Irregexp pays
 * the whole alternation of a rule at every position of a scan (the lookbehind does not cut it short),
 * so on a sentence this is several times faster, with the same matches in the same order.
 *
 * A regex registered with the literal prefixes its matches start with (registerStarts) is run only at
 * the positions where one of them stands: a trie of the prefixes is walked from the position first,
 * which turns most positions down without entering the regex engine at all.
 */

interface Plan {
  /** The sticky twin, or null when the regex may also match after a letter (then: plain matchAll). */
  sticky: RegExp | null;
  /** A global twin for matchAll when the regex is not global itself. */
  global: RegExp;
  /** The prefixes every match starts with (see registerStarts), or null: any position may hold one. */
  starts: Trie | null;
}

/**
 * The registered prefixes as a trie over keys (see fold). A slot (a root entry, or a child of a node)
 * holds NONE (no prefix goes on so), ACCEPT (a prefix ends here: a match may start at the position) or
 * the index (> 0) of the node to go on with.
 */
interface Trie {
  ignoreCase: boolean;
  /** The root's slots for keys under FIRST (ASCII, Cyrillic): a table load is cheaper than a Map look-up. */
  root: Int32Array;
  /** The root's slots for the other keys. */
  far: Map<number, number>;
  /** The slot of the keys not in far: ACCEPT when the first character may be from a class (\p{Lu}, [\s…]). */
  farElse: number;
  /** Node n's children: the keys key[off[n]] .. key[off[n + 1] - 1], ascending, with their slots in slot[]. */
  off: Int32Array;
  key: Int32Array;
  slot: Int32Array;
}

const NONE = 0;
const ACCEPT = -1;
const FIRST = 0x500;

const registered = new WeakMap<RegExp, readonly string[]>();

/**
 * Tells the matcher the strings every match of a regex starts with (alternation.ts termStarts: the
 * literal beginnings of a word list's terms), so that only the positions holding one are tried. A
 * space in a string stands for a run of white space ([\s\u00a0]+, a word gap), and any beginning
 * of a string may stand for it (a shorter string only lets more positions through).
 */
export function registerStarts(re: RegExp, starts: readonly string[] | null): RegExp {
  if (starts) registered.set(re, starts);
  return re;
}

/** White space as [\s\u00a0] (= \s) matches it: one key, SPACE, for all of it. */
function space(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
const SPACE = 0x20;

/**
 * A UTF-16 unit as a key that two characters share when the regex could take one for the other: the
 * unit itself, lower-cased for ASCII and basic Cyrillic under 'i', SPACE for any white space. -1
 * ("could be anything") for the units whose case partners are not worth listing (other scripts,
 * Latin-1 letters, the Kelvin sign's kind): such a position is always tried, and a start is cut
 * before such a character.
 */
function fold(c: number, ignoreCase: boolean): number {
  if (space(c)) return SPACE;
  if (c >= 0xd800 && c <= 0xdfff) return -1;
  if (!ignoreCase) return c;
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  if (c >= 0x410 && c <= 0x42f) return c + 0x20;
  if (c >= 0x430 && c <= 0x45f) return c;
  if (c >= 0x400 && c <= 0x40f) return c + 0x50;
  if (c === 0x490 || c === 0x491) return 0x491;
  // Punctuation, quotes, dashes and ʼ have no case partners (µ has one: μ).
  if ((c >= 0xa0 && c <= 0xbf && c !== 0xb5) || (c >= 0x2000 && c <= 0x206f) || c === 0x2bc) return c;
  return -1;
}

/** A node of the trie while it is built: its children by key; true where a prefix ends. */
type Draft = Map<number, Draft | true>;

/** The trie of the starts, or null when some start opens with a character that could be anything. */
function trieOf(starts: readonly string[], ignoreCase: boolean): Trie | null {
  const top: Draft = new Map();
  for (const st of starts) {
    // A prefix of a start is a start too: cut it before the first character with no reliable key.
    const keys: number[] = [];
    for (let i = 0; i < st.length; i++) {
      const k = fold(st.charCodeAt(i), ignoreCase);
      if (k < 0) break;
      // A space stands for a run of white space (see mayStart): two in a row are one.
      if (k !== SPACE || keys[keys.length - 1] !== SPACE) keys.push(k);
    }
    if (!keys.length) return null;
    let node = top;
    for (let i = 0; i < keys.length; i++) {
      const next = node.get(keys[i]!);
      if (next === true) break; // a shorter start already lets every continuation through
      if (i === keys.length - 1) node.set(keys[i]!, true);
      else if (next) node = next;
      else {
        const d: Draft = new Map();
        node.set(keys[i]!, d);
        node = d;
      }
    }
  }
  return flatten(top, ignoreCase);
}

/**
 * The draft trie laid out in typed arrays: the root's slots in root / far, the other nodes numbered
 * from 1 in the order they are reached (slot 0 is NONE), their children contiguous and sorted.
 */
function flatten(top: Draft, ignoreCase: boolean): Trie {
  const nodes: Draft[] = [top];
  const slotOf = (v: Draft | true): number => (v === true ? ACCEPT : nodes.push(v) - 1);
  const root = new Int32Array(FIRST);
  const far = new Map<number, number>();
  for (const [k, v] of top) {
    if (k < FIRST) root[k] = slotOf(v);
    else far.set(k, slotOf(v));
  }
  const off = [0, 0];
  const key: number[] = [];
  const slot: number[] = [];
  for (let n = 1; n < nodes.length; n++) {
    for (const [k, v] of [...nodes[n]!].sort((a, b) => a[0] - b[0])) {
      key.push(k);
      slot.push(slotOf(v));
    }
    off[n + 1] = key.length;
  }
  return { ignoreCase, root, far, farElse: NONE, off: Int32Array.from(off), key: Int32Array.from(key), slot: Int32Array.from(slot) };
}

/** The slot of node n's child for key k. */
function child(t: Trie, n: number, k: number): number {
  for (let i = t.off[n]!, end = t.off[n + 1]!; i < end; i++) {
    const x = t.key[i]!;
    if (x === k) return t.slot[i]!;
    if (x > k) break;
  }
  return NONE;
}

/**
 * For a regex registered with no starts: a one-level trie of the characters its matches can begin
 * with, read off the pattern (see firstAtoms), or null when the pattern is beyond that reading.
 * V8 itself decides which of the characters under FIRST the first atoms match (their union is run on
 * each); any other character passes when an atom is more than one plain character.
 */
function firstChars(re: RegExp): Trie | null {
  const atoms = firstAtoms(re.source);
  if (!atoms) return null;
  const t: Trie = { ignoreCase: re.ignoreCase, root: new Int32Array(FIRST), far: new Map(), farElse: NONE, off: new Int32Array(2), key: new Int32Array(0), slot: new Int32Array(0) };
  const one = new RegExp(`^(?:${atoms.join('|')})$`, re.flags.replace(/[gy]/g, ''));
  // Every character under FIRST, and the white space above it (it shares SPACE), that an atom matches.
  for (let c = 0; c < 0x10000; c = c + 1 < FIRST ? c + 1 : nextSpace(c)) {
    const k = fold(c, re.ignoreCase);
    if (k >= 0 && k < FIRST && one.test(String.fromCharCode(c))) t.root[k] = ACCEPT;
  }
  for (const a of atoms) {
    const plain = a.length === 1;
    const k = plain ? fold(a.charCodeAt(0), re.ignoreCase) : -1;
    if (plain && k < 0) return null;
    if (!plain) t.farElse = ACCEPT;
    else if (k >= FIRST) t.far.set(k, ACCEPT);
  }
  return t;
}

/** The white-space unit after c, or 0x10000. */
function nextSpace(c: number): number {
  for (let d = c + 1; d < 0x10000; d++) if (space(d)) return d;
  return 0x10000;
}

/**
 * The atoms that can match the first character of a match of the pattern, as sources of one
 * character each ("a", "\p{Lu}", "[Нн]"), or null when that cannot be read off it: a match may be
 * empty, or the pattern holds what this reading does not follow (".", a back-reference, an astral
 * character, inline flags). Assertions match no character and are passed over (they only narrow).
 */
export function firstAtoms(src: string): string[] | null {
  const atoms: string[] = [];
  let i = 0;
  const fail = (): never => {
    throw new SyntaxError('unread');
  };
  /** Whether the alternatives from i can match empty; their first atoms are pushed. */
  const disjunction = (): boolean => {
    let empty = alternative();
    while (src[i] === '|') {
      i++;
      empty = alternative() || empty;
    }
    return empty;
  };
  /** A sequence of terms: first atoms come from the terms up to the first that cannot be empty. */
  const alternative = (): boolean => {
    let empty = true;
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const mark = atoms.length;
      const termEmpty = term();
      if (!empty) atoms.length = mark;
      empty &&= termEmpty;
    }
    return empty;
  };
  /** Whether a quantifier follows that allows zero (it is consumed). */
  const quantifier = (): boolean => {
    let min = 1;
    const c = src[i];
    if (c === '*' || c === '?') min = 0;
    else if (c === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(src.slice(i, i + 24)) ?? fail();
      min = Number(m[1]);
      i += m[0].length - 1;
    } else if (c !== '+') return false;
    i++;
    if (src[i] === '?') i++;
    return min === 0;
  };
  const term = (): boolean => {
    const c = src[i]!;
    if (c === '^' || c === '$') {
      i++;
      return true;
    }
    if (c === '(') {
      const look = /^\(\?<?[=!]/.exec(src.slice(i, i + 4));
      if (look) {
        // An assertion: what it holds stands for no character of the match.
        i += look[0].length;
        const mark = atoms.length;
        disjunction();
        atoms.length = mark;
        if (src[i++] !== ')') fail();
        return true;
      }
      if (src.startsWith('(?:', i)) i += 3;
      else if (src.startsWith('(?<', i)) i = src.indexOf('>', i) + 1 || fail();
      else if (src[i + 1] === '?') fail();
      else i++;
      const empty = disjunction();
      if (src[i++] !== ')') fail();
      return quantifier() || empty;
    }
    let end = i + 1;
    if (c === '[') end = classEnd(src, i);
    else if (c === '\\') {
      const d = src[i + 1] ?? fail();
      if (d === 'b' || d === 'B') {
        i += 2;
        return true;
      }
      if (/[1-9k]/.test(d)) fail();
      if (d === 'p' || d === 'P' || (d === 'u' && src[i + 2] === '{')) end = src.indexOf('}', i) + 1;
      else if (d === 'u') end = i + 6;
      else if (d === 'x' || d === 'c') end = i + (d === 'x' ? 4 : 3);
      else end = i + 2;
    } else if ('.*+?{}]|)'.includes(c)) fail();
    if (end <= i) fail();
    const atom = src.slice(i, end);
    // An astral character (or a surrogate written as \uD8xx) is two units: beyond this reading.
    if (/[\ud800-\udfff]|\\u[dD][89a-fA-F]/.test(atom)) fail();
    atoms.push(atom);
    i = end;
    return quantifier();
  };
  try {
    if (disjunction() || i !== src.length || !atoms.length) return null;
  } catch {
    return null;
  }
  return atoms;
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
      starts: !ok ? null : starts ? trieOf(starts, re.ignoreCase) : firstChars(re),
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
 * What the walk needs of a text, computed once for all the regexes run on it: the positions not
 * preceded by a letter (ascending, the end of the text included), and the key of the character at
 * each, fold(…, true) and fold(…, false) (-2 at the end of the text).
 */
interface Candidates {
  text: string;
  count: number;
  pos: Int32Array;
  keyI: Int32Array;
  keyC: Int32Array;
}

/**
 * The candidates of the last few texts, their buffers reused: the rules run a dozen regexes on one
 * sentence or window, then move on. A text of BUFFER units or more gets buffers of its own, dropped
 * when it leaves the ring.
 */
const RECENT = 4;
const BUFFER = 1 << 14;
const recent: Candidates[] = [];
let evict = 0;

function candidates(text: string): Candidates {
  for (let i = 0; i < recent.length; i++) if (recent[i]!.text === text) return recent[i]!;
  const n = text.length;
  const size = Math.max(BUFFER, n + 1);
  let c = recent.length < RECENT ? null : recent[evict]!;
  if (c && c.pos.length === size) c.text = text;
  else c = slot(text, size);
  if (recent.length < RECENT) recent.push(c);
  else {
    recent[evict] = c;
    evict = (evict + 1) % RECENT;
  }
  let count = 0;
  let prev = -1;
  for (let p = 0; p <= n; p++) {
    const x = p < n ? text.charCodeAt(p) : -2;
    // Between the halves of a surrogate pair: a unicode regex never starts a match there.
    const inPair = prev >= 0xd800 && prev <= 0xdbff && x >= 0xdc00 && x <= 0xdfff;
    if (!(prev >= 0 && surelyLetter(prev)) && !inPair) {
      c.pos[count] = p;
      c.keyI[count] = x < 0 ? x : fold(x, true);
      c.keyC[count] = x < 0 ? x : fold(x, false);
      count++;
    }
    prev = x;
  }
  c.count = count;
  return c;
}

function slot(text: string, size: number): Candidates {
  return { text, count: 0, pos: new Int32Array(size), keyI: new Int32Array(size), keyC: new Int32Array(size) };
}

/**
 * Whether a match of a regex with these starts could begin at the candidate whose position is p and
 * whose key is k: the trie is walked along the text from p. It turns p down only where the text at p
 * begins with no start (nor with anything its "could be anything" characters might stand for), so
 * a match is never lost.
 */
function mayStart(t: Trie, text: string, p: number, k: number): boolean {
  if (k === -2) return false;
  if (k < 0) return true;
  let s = k < FIRST ? t.root[k]! : (t.far.get(k) ?? t.farElse);
  const n = text.length;
  while (s > 0) {
    // A space of a start is a word gap ([\s\u00a0]+ in the term's source): it takes the whole run,
    // which the regex must take too, since what follows the gap in a term is no white space.
    if (k === SPACE) while (p + 1 < n && space(text.charCodeAt(p + 1))) p++;
    if (++p >= n) return false;
    k = fold(text.charCodeAt(p), t.ignoreCase);
    if (k < 0) return true;
    s = child(t, s, k);
  }
  return s === ACCEPT;
}

/** The index of the first candidate from the j-th on where a match may start (see mayStart), or -1. */
function nextCandidate(text: string, c: Candidates, j: number, starts: Trie | null): number {
  if (!starts) return j < c.count ? j : -1;
  const keys = starts.ignoreCase ? c.keyI : c.keyC;
  for (; j < c.count; j++) if (mayStart(starts, text, c.pos[j]!, keys[j]!)) return j;
  return -1;
}

/** The first match at a candidate from the j-th on (pos[j], pos[j + 1], …), or null. */
function matchFrom(y: RegExp, text: string, c: Candidates, j: number, starts: Trie | null): RegExpExecArray | null {
  for (; (j = nextCandidate(text, c, j, starts)) >= 0; j++) {
    y.lastIndex = c.pos[j]!;
    const m = y.exec(text);
    if (m) return m;
  }
  return null;
}

/**
 * text.matchAll(global), spelt out as matchAll's iterator runs it: exec until null, one character
 * (a code point under 'u') on after an empty match. matchAll itself first clones the regex through
 * its constructor, which for a rule of a few dozen KB of source costs more than the scan.
 */
function allMatches(global: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  global.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = global.exec(text))) {
    out.push(m);
    if (m[0] === '') global.lastIndex = advance(text, global.lastIndex, /[uv]/.test(global.flags));
  }
  return out;
}

/** AdvanceStringIndex: the index after the character at i (both halves of a surrogate pair under 'u'). */
function advance(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}

/** The matches matchAll would give (the regex need not be global), same order, same groups. */
export function wordMatches(re: RegExp, text: string): RegExpExecArray[] {
  const { sticky, global, starts } = plan(re);
  if (!sticky) return allMatches(global, text);
  const out: RegExpExecArray[] = [];
  const c = candidates(text);
  const { pos, count } = c;
  let m: RegExpExecArray | null;
  for (let j = 0; (m = matchFrom(sticky, text, c, j, starts)); ) {
    out.push(m);
    // As matchAll: go on after the match (one position on after an empty one).
    const from = m.index + (m[0].length || 1);
    while (j < count && pos[j]! < from) j++;
  }
  return out;
}

/** Whether the regex matches anywhere in the text (re.test from the start, lastIndex left alone). */
export function hasWordMatch(re: RegExp, text: string): boolean {
  const { sticky, global, starts } = plan(re);
  if (!sticky) {
    global.lastIndex = 0;
    return global.test(text);
  }
  // test, not exec: no match array to build.
  const c = candidates(text);
  for (let j = 0; (j = nextCandidate(text, c, j, starts)) >= 0; j++) {
    sticky.lastIndex = c.pos[j]!;
    if (sticky.test(text)) return true;
  }
  return false;
}

/** re.exec(text) of a non-global regex: the first match, or null. */
export function firstWordMatch(re: RegExp, text: string): RegExpExecArray | null {
  const { sticky, global, starts } = plan(re);
  if (sticky) return matchFrom(sticky, text, candidates(text), 0, starts);
  global.lastIndex = 0;
  return global.exec(text);
}
