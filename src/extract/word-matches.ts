/**
 * matchAll / test for the rule and lexicon regexes that can only match at the start of a word (they
 * begin with a lookbehind such as (?<![\p{L}\d]) or (?<![\p{L}\p{N}])): the regex is run sticky at
 * the positions not preceded by a letter instead of being left to scan every position. Irregexp pays
 * the whole alternation of a rule at every position of a scan (the lookbehind does not cut it short),
 * so on a sentence this is several times faster, with the same matches in the same order.
 *
 * A regex registered with the literal prefixes its matches start with (registerStarts) is run only at
 * the positions where one of them stands: a trie of the prefixes is walked from the position first,
 * which turns most positions down without entering the regex engine at all. The tries of all such
 * regexes are also merged into one (merged-starts.ts): from the second regex run on a text on, one walk
 * per position has found every regex that may start there, and each regex is run only at its own
 * positions (a regex with none costs nothing).
 */
import { addLane, edge, mergedC, mergedI, type Merged } from './merged-starts.js';
import { digitStartOnly, wordStartOnly } from './pattern-guards.js';
import { ACCEPT, child, FIRST, firstChars, fold, space, SPACE, trieOf, type Trie } from './start-trie.js';

interface Plan {
  /** The sticky twin, or null when the regex may also match after a letter (then: plain matchAll). */
  sticky: RegExp | null;
  /** A global twin for matchAll when the regex is not global itself. */
  global: RegExp;
  /** The prefixes every match starts with (see registerStarts), or null: any position may hold one. */
  starts: Trie | null;
  /** The merged trie holding starts (the one of its case rule), and the regex's lane in it (-1: none). */
  merged: Merged;
  lane: number;
  /** Whether no match starts right after an ASCII digit either (see digitStartOnly): such candidates are passed over. */
  digits: boolean;
}

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

const plans = new WeakMap<RegExp, Plan>();

function plan(re: RegExp): Plan {
  let p = plans.get(re);
  if (!p) {
    // Only unicode regexes: their matches never start inside a surrogate pair, which the walk below skips.
    const ok = re.unicode && !re.sticky && wordStartOnly(re.source);
    const digits = ok && digitStartOnly(re.source);
    const starts = ok ? registered.get(re) : undefined;
    const trie = !ok ? null : starts ? trieOf(starts, re.ignoreCase) : firstChars(re);
    const m = re.ignoreCase ? mergedI : mergedC;
    p = {
      sticky: ok ? new RegExp(re.source, `${re.flags.replace('g', '')}y`) : null,
      global: re.global ? re : new RegExp(re.source, `${re.flags}g`),
      starts: trie,
      merged: m,
      lane: trie ? addLane(m, trie, digits) : -1,
      digits,
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
 * Which lanes of a merged trie may start at each candidate of a text: bit l of word w of candidate j
 * at bits[j * words + w] (l = lane - 32 w); any is their union over the text. For the first `lanes`
 * lanes (those there were when it was computed).
 */
interface Marks {
  lanes: number;
  words: number;
  bits: Int32Array;
  any: Int32Array;
}

/**
 * What the walk needs of a text, computed once for all the regexes run on it: the positions not
 * preceded by a letter (ascending, the end of the text included), and the key of the character at
 * each, fold(…, true) and fold(…, false) (-2 at the end of the text); the marks of the merged tries
 * once a second regex with starts is run on it (one run alone walks its own trie: cheaper).
 */
interface Candidates {
  text: string;
  count: number;
  pos: Int32Array;
  keyI: Int32Array;
  keyC: Int32Array;
  /** 1 where the candidate follows an ASCII digit. */
  afterDigit: Uint8Array;
  /** Whether a regex with starts has been run on the text, with 'i' and without. */
  ranI: boolean;
  ranC: boolean;
  marksI: Marks | null;
  marksC: Marks | null;
  /** Buffers of the marks, kept for the next text of the slot. */
  spareI: Marks | null;
  spareC: Marks | null;
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
  if (c && c.pos.length === size) {
    c.text = text;
    c.ranI = c.ranC = false;
    c.spareI = c.marksI ?? c.spareI;
    c.spareC = c.marksC ?? c.spareC;
    c.marksI = c.marksC = null;
  } else c = slot(text, size);
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
      c.afterDigit[count] = prev >= 0x30 && prev <= 0x39 ? 1 : 0;
      count++;
    }
    prev = x;
  }
  c.count = count;
  return c;
}

function slot(text: string, size: number): Candidates {
  return { text, count: 0, pos: new Int32Array(size), keyI: new Int32Array(size), keyC: new Int32Array(size), afterDigit: new Uint8Array(size), ranI: false, ranC: false, marksI: null, marksC: null, spareI: null, spareC: null };
}

/**
 * The marks of the regex's merged trie on the text, or null when its own trie is to be walked: it has
 * no lane, or it is the first regex with starts run on the text.
 */
function marksFor(c: Candidates, p: Plan): Marks | null {
  if (p.lane < 0) return null;
  const m = p.merged;
  let marks = m.ignoreCase ? c.marksI : c.marksC;
  if (marks && p.lane < marks.lanes) return marks;
  if (!marks && !(m.ignoreCase ? c.ranI : c.ranC)) {
    if (m.ignoreCase) c.ranI = true;
    else c.ranC = true;
    return null;
  }
  marks = mark(m, c, m.ignoreCase ? c.spareI : c.spareC);
  if (m.ignoreCase) c.marksI = marks;
  else c.marksC = marks;
  return marks;
}

/** Sets the lanes' bits in bits[at …]. */
function setLanes(bits: Int32Array, at: number, lanes: readonly number[]): void {
  for (let i = 0; i < lanes.length; i++) bits[at + (lanes[i]! >>> 5)]! |= 1 << (lanes[i]! & 31);
}

/** Clears them. */
function clearLanes(bits: Int32Array, at: number, lanes: readonly number[]): void {
  for (let i = 0; i < lanes.length; i++) bits[at + (lanes[i]! >>> 5)]! &= ~(1 << (lanes[i]! & 31));
}

/** The marks of the merged trie on the candidates: the walk of mayStart, for every lane at once. */
function mark(m: Merged, c: Candidates, spare: Marks | null): Marks {
  const words = (m.lanes + 31) >>> 5;
  const need = c.count * words;
  const marks = spare && spare.bits.length >= need && spare.words === words ? spare : { lanes: 0, words, bits: new Int32Array(Math.max(need, c.pos.length)), any: new Int32Array(words) };
  marks.lanes = m.lanes;
  const { bits, any } = marks;
  bits.fill(0, 0, need);
  const { text, pos } = c;
  const keys = m.ignoreCase ? c.keyI : c.keyC;
  const n = text.length;
  for (let j = 0; j < c.count; j++) {
    const at = j * words;
    let k = keys[j]!;
    if (k === -2) continue;
    if (k < 0) {
      // A character that could be anything: every regex is tried (as mayStart).
      bits.fill(-1, at, at + words);
      if (c.afterDigit[j]) clearLanes(bits, at, m.digitLanes);
      continue;
    }
    let node = k < FIRST ? m.root[k]! : (m.far.get(k) ?? 0);
    if (k >= FIRST) setLanes(bits, at, m.farAll);
    for (let q = pos[j]!; node > 0; ) {
      setLanes(bits, at, m.acc[node]!);
      if (!m.inner[node]) break;
      // A space of a start takes the whole run of white space (see mayStart).
      if (k === SPACE) while (q + 1 < n && space(text.charCodeAt(q + 1))) q++;
      if (++q >= n) break;
      k = fold(text.charCodeAt(q), m.ignoreCase);
      if (k < 0) {
        setLanes(bits, at, m.alive[node]!);
        break;
      }
      node = edge(m, node, k);
    }
    if (c.afterDigit[j]) clearLanes(bits, at, m.digitLanes);
  }
  any.fill(0);
  for (let j = 0; j < need; j += words) for (let w = 0; w < words; w++) any[w]! |= bits[j + w]!;
  return marks;
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

/**
 * The index of the first candidate from the j-th on where a match of the plan's regex may start (see
 * mayStart), or -1; by the marks when there are (the same answer, found once for all the regexes).
 */
function nextCandidate(text: string, c: Candidates, j: number, p: Plan, marks: Marks | null): number {
  if (marks) {
    const w = p.lane >>> 5;
    const bit = 1 << (p.lane & 31);
    if (!(marks.any[w]! & bit)) return -1;
    const { bits, words } = marks;
    for (let i = j * words + w; j < c.count; j++, i += words) if (bits[i]! & bit) return j;
    return -1;
  }
  const starts = p.starts;
  if (!starts) {
    while (j < c.count && p.digits && c.afterDigit[j]) j++;
    return j < c.count ? j : -1;
  }
  const keys = starts.ignoreCase ? c.keyI : c.keyC;
  for (; j < c.count; j++) if (!(p.digits && c.afterDigit[j]) && mayStart(starts, text, c.pos[j]!, keys[j]!)) return j;
  return -1;
}

/** The first match at a candidate from the j-th on (pos[j], pos[j + 1], …), or null. */
function matchFrom(p: Plan, text: string, c: Candidates, j: number, marks: Marks | null): RegExpExecArray | null {
  const y = p.sticky!;
  for (; (j = nextCandidate(text, c, j, p, marks)) >= 0; j++) {
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
  const p = plan(re);
  if (!p.sticky) return allMatches(p.global, text);
  const out: RegExpExecArray[] = [];
  const c = candidates(text);
  const marks = marksFor(c, p);
  const { pos, count } = c;
  let m: RegExpExecArray | null;
  for (let j = 0; (m = matchFrom(p, text, c, j, marks)); ) {
    out.push(m);
    // As matchAll: go on after the match (one position on after an empty one).
    const from = m.index + (m[0].length || 1);
    while (j < count && pos[j]! < from) j++;
  }
  return out;
}

/** Whether the regex matches anywhere in the text (re.test from the start, lastIndex left alone). */
export function hasWordMatch(re: RegExp, text: string): boolean {
  const p = plan(re);
  const sticky = p.sticky;
  if (!sticky) {
    p.global.lastIndex = 0;
    return p.global.test(text);
  }
  // test, not exec: no match array to build.
  const c = candidates(text);
  const marks = marksFor(c, p);
  for (let j = 0; (j = nextCandidate(text, c, j, p, marks)) >= 0; j++) {
    sticky.lastIndex = c.pos[j]!;
    if (sticky.test(text)) return true;
  }
  return false;
}

/** re.exec(text) of a non-global regex: the first match, or null. */
export function firstWordMatch(re: RegExp, text: string): RegExpExecArray | null {
  const p = plan(re);
  if (p.sticky) {
    const c = candidates(text);
    return matchFrom(p, text, c, 0, marksFor(c, p));
  }
  p.global.lastIndex = 0;
  return p.global.exec(text);
}
