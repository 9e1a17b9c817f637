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
 * regexes are also merged into one (see Merged): from the second regex run on a text on, one walk
 * per position has found every regex that may start there, and each regex is run only at its own
 * positions (a regex with none costs nothing).
 */

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

/** The class of the negative lookbehind opening the alternative at src[i] ("\p{L}\d" of (?<![\p{L}\d])), or null. */
function guardAt(src: string, i: number): string | null {
  if (!src.startsWith('(?<![', i) || src[i + 5] === '^') return null;
  const end = classEnd(src, i + 4);
  return end > 0 && src[end] === ')' ? src.slice(i + 5, end - 1) : null;
}

/** The items of a class body, an escape as one ("\p{L}", "\d", "x"). */
function classItems(body: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < body.length; ) {
    const end = body[i] !== '\\' ? i + 1 : /[pP]/.test(body[i + 1] ?? '') && body[i + 2] === '{' ? body.indexOf('}', i) + 1 || body.length : i + 2;
    out.add(body.slice(i, end));
    i = end;
  }
  return out;
}

/** The lookbehind classes opening the top-level alternatives of the pattern, or null where one has none. */
function guards(src: string): Set<string>[] | null {
  const first = guardAt(src, 0);
  if (first === null) return null;
  const out = [classItems(first)];
  let depth = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const end = classEnd(src, i);
      if (end < 0) return null;
      i = end - 1;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      const g = guardAt(src, i + 1);
      if (g === null) return null;
      out.push(classItems(g));
    }
  }
  return out;
}

/** Whether every top-level alternative of the pattern opens with a negative lookbehind on a class holding \p{L}. */
export function wordStartOnly(src: string): boolean {
  return guards(src)?.every((g) => g.has('\\p{L}')) ?? false;
}

/** Whether, besides, every such class holds the ASCII digits: no match starts right after one. */
export function digitStartOnly(src: string): boolean {
  return wordStartOnly(src) && guards(src)!.every((g) => g.has('\\d') || g.has('\\p{N}') || g.has('\\p{Nd}'));
}

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
 * The tries of the regexes of one case rule (with 'i' or without), merged: a node per prefix of any
 * of them, with the lanes (one per regex, see addLane) whose trie accepts there and those whose trie
 * goes on past it. One walk of it from a candidate is the walk of every regex's trie at once: each
 * trie's path is the merged path as far as that trie goes, so a lane is found where, and only where,
 * mayStart would let its regex through. Only the first LANES regexes planned get a lane (the others
 * walk their own trie), which bounds it whatever the number of regexes a process builds. Which regexes
 * have lanes decides only how fast a text is walked, never what matches: both walks let the same
 * positions through.
 */
interface Merged {
  ignoreCase: boolean;
  lanes: number;
  /** The node of each key under FIRST (0: none), and of the other keys. */
  root: Int32Array;
  far: Map<number, number>;
  /** The lanes that let any key from FIRST on through (firstChars' farElse). */
  farAll: number[];
  /** The lanes of the regexes that never match right after a digit (Plan.digits). */
  digitLanes: number[];
  /** Per node (from 1): the lanes accepting there; the lanes still going on; whether it has children. */
  acc: number[][];
  alive: number[][];
  inner: boolean[];
  /** The edges, node × key → node, in an open-addressing table (a node's children may be many). */
  edgeFrom: Int32Array;
  edgeKey: Int32Array;
  edgeTo: Int32Array;
  edges: number;
}

const LANES = 256;

function merged(ignoreCase: boolean): Merged {
  const size = 1 << 10;
  return { ignoreCase, lanes: 0, root: new Int32Array(FIRST), far: new Map(), farAll: [], digitLanes: [], acc: [[]], alive: [[]], inner: [false], edgeFrom: new Int32Array(size), edgeKey: new Int32Array(size), edgeTo: new Int32Array(size), edges: 0 };
}
const mergedI = merged(true);
const mergedC = merged(false);

function hashEdge(n: number, k: number, mask: number): number {
  const h = Math.imul(n, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b);
  return (h ^ (h >>> 15)) & mask;
}

/** The node reached from node n by key k, or 0. */
function edge(m: Merged, n: number, k: number): number {
  const mask = m.edgeTo.length - 1;
  for (let i = hashEdge(n, k, mask); ; i = (i + 1) & mask) {
    const to = m.edgeTo[i]!;
    if (to === 0 || (m.edgeFrom[i] === n && m.edgeKey[i] === k)) return to;
  }
}

function newNode(m: Merged): number {
  m.acc.push([]);
  m.alive.push([]);
  m.inner.push(false);
  return m.acc.length - 1;
}

/** The node reached from node n by key k, made if need be. */
function edgeOrNew(m: Merged, n: number, k: number): number {
  const found = edge(m, n, k);
  if (found) return found;
  // Kept at most half full, so a probe soon meets an empty slot.
  if (2 * (m.edges + 1) > m.edgeTo.length) grow(m);
  const to = newNode(m);
  const mask = m.edgeTo.length - 1;
  let i = hashEdge(n, k, mask);
  while (m.edgeTo[i] !== 0) i = (i + 1) & mask;
  m.edgeFrom[i] = n;
  m.edgeKey[i] = k;
  m.edgeTo[i] = to;
  m.edges++;
  m.inner[n] = true;
  return to;
}

function grow(m: Merged): void {
  const { edgeFrom, edgeKey, edgeTo } = m;
  const size = edgeTo.length * 2;
  m.edgeFrom = new Int32Array(size);
  m.edgeKey = new Int32Array(size);
  m.edgeTo = new Int32Array(size);
  for (let i = 0; i < edgeTo.length; i++) {
    if (edgeTo[i] === 0) continue;
    let h = hashEdge(edgeFrom[i]!, edgeKey[i]!, size - 1);
    while (m.edgeTo[h] !== 0) h = (h + 1) & (size - 1);
    m.edgeFrom[h] = edgeFrom[i]!;
    m.edgeKey[h] = edgeKey[i]!;
    m.edgeTo[h] = edgeTo[i]!;
  }
}

/** Adds a regex's trie to the merged one (digits: see Plan): its lane, or -1 when all are taken. */
function addLane(m: Merged, t: Trie, digits: boolean): number {
  if (m.lanes >= LANES) return -1;
  const lane = m.lanes++;
  if (digits) m.digitLanes.push(lane);
  // Slot s of the trie stands where node n of the merged trie does (the same keys lead to both).
  const mirror = (s: number, n: number): void => {
    if (s === ACCEPT) m.acc[n]!.push(lane);
    else if (s > 0) {
      m.alive[n]!.push(lane);
      for (let i = t.off[s]!, end = t.off[s + 1]!; i < end; i++) mirror(t.slot[i]!, edgeOrNew(m, n, t.key[i]!));
    }
  };
  const rootNode = (k: number): number => {
    const at = k < FIRST ? m.root[k]! : (m.far.get(k) ?? 0);
    if (at) return at;
    const n = newNode(m);
    if (k < FIRST) m.root[k] = n;
    else m.far.set(k, n);
    return n;
  };
  for (let k = 0; k < FIRST; k++) if (t.root[k] !== NONE) mirror(t.root[k]!, rootNode(k));
  for (const [k, s] of t.far) mirror(s, rootNode(k));
  if (t.farElse === ACCEPT) m.farAll.push(lane);
  return lane;
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
