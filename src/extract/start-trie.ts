/**
 * The literal prefixes a regex's matches start with, as a trie over folded UTF-16 units, walked from a
 * candidate position by word-matches.ts before the regex itself is run: most positions are turned down
 * there. Built from the prefixes registered with the regex (registerStarts) or read off the pattern
 * (firstAtoms), and merged with the other regexes' tries in merged-starts.ts.
 */
import { classEnd } from './pattern-guards.js';

/**
 * The registered prefixes as a trie over keys (see fold). A slot (a root entry, or a child of a node)
 * holds NONE (no prefix goes on so), ACCEPT (a prefix ends here: a match may start at the position) or
 * the index (> 0) of the node to go on with.
 */
export interface Trie {
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

export const NONE = 0;
export const ACCEPT = -1;
export const FIRST = 0x500;

/** White space as [\s\u00a0] (= \s) matches it: one key, SPACE, for all of it. */
export function space(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
export const SPACE = 0x20;

/**
 * A UTF-16 unit as a key that two characters share when the regex could take one for the other: the
 * unit itself, lower-cased for ASCII and basic Cyrillic under 'i', SPACE for any white space. -1
 * ("could be anything") for the units whose case partners are not worth listing (other scripts,
 * Latin-1 letters, the Kelvin sign's kind): such a position is always tried, and a start is cut
 * before such a character.
 */
export function fold(c: number, ignoreCase: boolean): number {
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
export function trieOf(starts: readonly string[], ignoreCase: boolean): Trie | null {
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
export function child(t: Trie, n: number, k: number): number {
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
export function firstChars(re: RegExp): Trie | null {
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
