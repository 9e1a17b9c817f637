/**
 * One compiled automaton for all place names: a trie over word stems. Scanning a text costs a few Map
 * lookups per word, whatever the number of names (about 32,000 places, each under several spellings).
 */
import { indexStems, textStems } from './stems.js';
import { normalizeName, normalizeToken } from './normalize.js';

export type EntryLevel = 'settlement' | 'city_district' | 'hromada' | 'raion' | 'oblast';

/** What a name key points at: a level and the index of the unit in the gazetteer's tables. */
export interface TrieEntry {
  level: EntryLevel;
  ref: number;
  /** The name needs a qualifier ("village of", "с.") to count: it is also an ordinary word. */
  needsQualifier?: boolean;
}

/** Trie node: children created on demand, entries packed as numbers (level, ref, qualifier bit). */
interface Node {
  c: Map<string, Node> | null;
  e: number[] | null;
}

const LEVELS: EntryLevel[] = ['settlement', 'city_district', 'hromada', 'raion', 'oblast'];
const pack = (e: TrieEntry) => (e.ref << 4) | (LEVELS.indexOf(e.level) << 1) | (e.needsQualifier ? 1 : 0);
const unpack = (n: number): TrieEntry => ({ level: LEVELS[(n >> 1) & 7]!, ref: n >> 4, ...(n & 1 ? { needsQualifier: true } : {}) });

/**
 * Words that may stand inside a unit's name without being part of the key: "Білопільська (міська)
 * (територіальна) громада". Skipping them keeps one key per unit instead of one per variant.
 */
const SKIPPABLE = new Set(['міська', 'сільська', 'селищна', 'територіальна', 'городская', 'сельская', 'поселковая', 'территориальная', 'urban', 'rural', 'settlement', 'territorial', 'міської', 'сільської', 'селищної', 'територіальної', 'міській', 'сільській', 'селищній', 'територіальній', 'городской', 'сельской', 'поселковой', 'территориальной', 'міську', 'сільську', 'селищну', 'територіальну', 'міською', 'сільською', 'селищною', 'територіальною', 'городскую', 'сельскую', 'поселковую', 'территориальную']);

/**
 * A word of the text. Its text and normalized form are made on first read: the scanner looks at
 * capitalized words and their neighbours only, so most words of a report never need either
 * (both are pure functions of text[start, end), so reading them later gives what an eager copy would).
 */
export class Token {
  private rawText: string | undefined;
  private normText: string | undefined;
  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
    readonly capitalized: boolean,
  ) {}

  get raw(): string {
    return (this.rawText ??= this.text.slice(this.start, this.end));
  }

  get norm(): string {
    return (this.normText ??= normalizeToken(this.raw));
  }
}

/**
 * Words as the pattern [\p{L}\p{M}\d][\p{L}\p{M}\d'’ʼ`-]* (flags gu) finds them, minus trailing hyphens
 * and apostrophes. Read code unit by code unit: ASCII and the Cyrillic block are decided inline, other
 * characters by the property classes themselves; test/gazetteer/tokenize.test.ts holds it to the regex.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let k = 0;
  while (k < n) {
    const w = letterWidth(text, k);
    if (w === 0) {
      k += codePointWidth(text, k);
      continue;
    }
    const start = k;
    k += w;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c < 0x80) {
        if (ASCII_WORD[c] === 0) break;
        k++;
      } else if (c === 0x2019 || isCyrillicLetter(c)) k++;
      else {
        const cw = letterWidth(text, k);
        if (cw === 0) break;
        k += cw;
      }
    }
    // A trailing hyphen or apostrophe belongs to punctuation, not to the word.
    let end = k;
    while (end > start && isTrailingMark(text.charCodeAt(end - 1))) end--;
    if (end === start) continue;
    out.push(new Token(text, start, end, isUpperCaseUnit(text.charCodeAt(start))));
  }
  return out;
}

/** ASCII in the word pattern: 1 = letter or digit (may start a word), 2 = ' ` - (may only continue one). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) ASCII_WORD[c] = 1;
}
for (const c of "'`-") ASCII_WORD[c.charCodeAt(0)] = 2;

/** - ' ’ ʼ ` */
const isTrailingMark = (c: number) => c === 0x2d || c === 0x27 || c === 0x2019 || c === 0x02bc || c === 0x60;

/** One code point of \p{L}, \p{M} or \d at k: its width in code units (1 or 2), or 0. */
function letterWidth(text: string, k: number): number {
  const c = text.charCodeAt(k);
  if (c < 0x80) return ASCII_WORD[c] === 1 ? 1 : 0;
  if (c >= 0x0400 && c <= 0x04ff) return isCyrillicLetter(c) ? 1 : 0;
  LETTER_OR_MARK.lastIndex = k;
  return LETTER_OR_MARK.test(text) ? codePointWidth(text, k) : 0;
}

/** Every code point of the Cyrillic block is a letter or a mark, except ҂ (U+0482, a symbol). */
const isCyrillicLetter = (c: number) => c >= 0x0400 && c <= 0x04ff && c !== 0x0482;

/** Sticky: tests the one code point at lastIndex (set just before each use). */
const LETTER_OR_MARK = /[\p{L}\p{M}]/uy;

/** 2 for a surrogate pair at k, else 1: how far a /u pattern steps over one character. */
function codePointWidth(text: string, k: number): number {
  const c = text.charCodeAt(k);
  if (c < 0xd800 || c > 0xdbff || k + 1 >= text.length) return 1;
  const d = text.charCodeAt(k + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/** first !== first.toLowerCase() for the code unit c: A-Z and А-Я, Ѐ-Џ decided inline. */
function isUpperCaseUnit(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  if (c >= 0x0400 && c <= 0x045f) return c <= 0x042f;
  const first = String.fromCharCode(c);
  return first !== first.toLowerCase();
}

export interface TrieMatch {
  first: number; // token index
  last: number; // token index, inclusive
  entries: TrieEntry[];
}

/**
 * The compiled trie as shipped (data/gazetteer/name-index.json): nodes in depth-first order, each
 * with its parent's index and the stem on the edge to it, and the packed entries per node (sorted
 * by node). Rebuilding 126,000 nodes from this costs a JSON parse, not a compile of 174,000 names.
 */
export interface SerializedTrie {
  /** parent[k - 1] is node k's parent (node 0 is the root). */
  parent: number[];
  /** The edge stems of nodes 1..n, joined by "\n" (stems never contain a newline). */
  stems: string;
  /** Flat pairs: node index, packed entry; in node order. */
  entries: number[];
  size: number;
}

/** Builds the trie name by name (the gazetteer's compile step), then hands over a compact NameTrie. */
export class NameTrieBuilder {
  private readonly root: Node = { c: new Map(), e: null };
  size = 0;

  /** Depth-first, children in insertion order: the same names always serialize the same way. */
  serialize(): SerializedTrie {
    const parent: number[] = [];
    const stems: string[] = [];
    const entries: number[] = [];
    const visit = (node: Node, id: number) => {
      for (const e of node.e ?? []) entries.push(id, e);
      if (!node.c) return;
      for (const [stem, child] of node.c) {
        parent.push(id);
        stems.push(stem);
        visit(child, parent.length);
      }
    };
    visit(this.root, 0);
    return { parent, stems: stems.join('\n'), entries, size: this.size };
  }

  /** Adds a name (any script; multiword allowed) for an entry. */
  add(name: string, entry: TrieEntry): void {
    const words = normalizeName(name).split(/[\s]+/).filter(Boolean);
    if (!words.length) return;
    let frontier: Node[] = [this.root];
    for (const w of words) {
      const next: Node[] = [];
      for (const node of frontier) {
        for (const stem of indexStems(w)) {
          node.c ??= new Map();
          let child = node.c.get(stem);
          if (!child) {
            child = { c: null, e: null };
            node.c.set(stem, child);
          }
          if (!next.includes(child)) next.push(child);
        }
      }
      frontier = next;
    }
    const packed = pack(entry);
    for (const node of frontier) {
      node.e ??= [];
      if (!node.e.includes(packed)) {
        node.e.push(packed);
        this.size++;
      }
    }
  }
}

/**
 * The matcher's form of the trie: node ids instead of objects, and no per-node Map. Every edge
 * (parent, stem) → child sits in one open-addressing hash table of child ids; a child's parent and
 * stem are typed-array columns, the stems one string of distinct stems (most stems recur under
 * many parents: "громад", "район"). About 7 MB instead of 21 MB of Maps, 190,000 stem strings and the
 * joined stems they kept alive; it matters beyond its size, as V8 sets the old generation's next GC
 * limit at a multiple of what stays live.
 */
export class NameTrie {
  /** Node k's parent (-1 for the root). */
  private readonly parent: Int32Array;
  /** Node k's edge stem: stemText.slice(stemAt[k], stemAt[k] + stemLen[k]). */
  private readonly stemAt: Int32Array;
  private readonly stemLen: Uint16Array;
  private readonly stemText: string;
  /** 1 when node k has children (the walk stops at a leaf without a look-up). */
  private readonly hasKids: Uint8Array;
  /** Hash slots of child ids; 0 is free (the root is nobody's child). Size a power of two. */
  private readonly slots: Int32Array;
  private readonly entryStart: Int32Array;
  private readonly entryData: Int32Array;
  readonly size: number;

  private constructor(s: SerializedTrie) {
    const n = s.parent.length + 1;
    this.parent = new Int32Array(n);
    this.parent[0] = -1;
    this.stemAt = new Int32Array(n);
    this.stemLen = new Uint16Array(n);
    this.hasKids = new Uint8Array(n);
    // Distinct stems once each; the Map lives only while loading.
    const offsets = new Map<string, number>();
    const distinct: string[] = [];
    let length = 0;
    for (let k = 1, from = 0; k < n; k++) {
      const to = s.stems.indexOf('\n', from);
      const stem = s.stems.slice(from, to < 0 ? s.stems.length : to);
      from = to + 1;
      if (stem.length > 0xffff) throw new Error(`name index: a stem of ${stem.length} characters`);
      let at = offsets.get(stem);
      if (at === undefined) {
        at = length;
        offsets.set(stem, at);
        distinct.push(stem);
        length += stem.length;
      }
      const p = s.parent[k - 1]!;
      this.parent[k] = p;
      this.hasKids[p] = 1;
      this.stemAt[k] = at;
      this.stemLen[k] = stem.length;
    }
    this.stemText = distinct.join('');
    // At most half full: a miss (the usual outcome) ends within a probe or two.
    let cap = 1;
    while (cap < 2 * n) cap <<= 1;
    this.slots = new Int32Array(cap);
    const mask = cap - 1;
    for (let k = 1; k < n; k++) {
      let h = slotOf(this.parent[k]!, this.stemText, this.stemAt[k]!, this.stemAt[k]! + this.stemLen[k]!, mask);
      while (this.slots[h] !== 0) h = (h + 1) & mask;
      this.slots[h] = k;
    }
    this.entryStart = new Int32Array(n + 1);
    this.entryData = new Int32Array(s.entries.length / 2);
    for (let i = 0; i < s.entries.length; i += 2) this.entryStart[s.entries[i]! + 1]!++;
    for (let k = 0; k < n; k++) this.entryStart[k + 1]! += this.entryStart[k]!;
    const fill = this.entryStart.slice(0, n);
    for (let i = 0; i < s.entries.length; i += 2) this.entryData[fill[s.entries[i]!]!++] = s.entries[i + 1]!;
    this.size = s.size;
  }

  /**
   * The child of `node` along `stem`, or -1: what the builder's per-node Map held, since the
   * builder keeps one child per (parent, stem) and every such pair is in the table.
   */
  private child(node: number, stem: string): number {
    const mask = this.slots.length - 1;
    for (let h = slotOf(node, stem, 0, stem.length, mask); ; h = (h + 1) & mask) {
      const k = this.slots[h]!;
      if (k === 0) return -1;
      if (this.parent[k] === node && this.stemIs(k, stem)) return k;
    }
  }

  private stemIs(k: number, stem: string): boolean {
    const len = this.stemLen[k]!;
    if (len !== stem.length) return false;
    const at = this.stemAt[k]!;
    for (let i = 0; i < len; i++) if (this.stemText.charCodeAt(at + i) !== stem.charCodeAt(i)) return false;
    return true;
  }

  static deserialize(s: SerializedTrie): NameTrie {
    return new NameTrie(s);
  }

  /** The longest match starting at token i, or null. Words must be separated by white space only. */
  matchAt(tokens: Token[], i: number, text: string): TrieMatch | null {
    const state: { best: TrieMatch | null } = { best: null };
    this.walk(0, tokens, i, i, text, state);
    return state.best;
  }

  private walk(node: number, tokens: Token[], i: number, j: number, text: string, state: { best: TrieMatch | null }): void {
    if (j >= tokens.length) return;
    if (!this.hasKids[node]) return;
    if (j > i && !whitespaceGap(text, tokens[j - 1]!.end, tokens[j]!.start)) return;
    const word = tokens[j]!.norm;
    if (j > i && SKIPPABLE.has(word)) this.walk(node, tokens, i, j + 1, text, state);
    let prev = -1;
    for (const stem of textStems(word)) {
      const child = this.child(node, stem);
      // Two stems of one word may lead to the same child: visit it once.
      if (child < 0 || child === prev) continue;
      prev = child;
      const from = this.entryStart[child]!;
      const to = this.entryStart[child + 1]!;
      if (to > from) {
        const best = state.best;
        if (!best || j > best.last) {
          const entries: TrieEntry[] = [];
          for (let k = from; k < to; k++) entries.push(unpack(this.entryData[k]!));
          state.best = { first: i, last: j, entries };
        } else if (j === best.last) {
          for (let k = from; k < to; k++) {
            const e = unpack(this.entryData[k]!);
            if (!best.entries.some((b) => b.level === e.level && b.ref === e.ref)) best.entries.push(e);
          }
        }
      }
      if (this.hasKids[child]) this.walk(child, tokens, i, j + 1, text, state);
    }
  }
}

/** The hash slot of the edge (parent, text.slice(from, to)): FNV-1a over the UTF-16 units and the parent. */
function slotOf(parent: number, text: string, from: number, to: number, mask: number): number {
  let h = Math.imul(parent + 1, 0x9e3779b1) ^ 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) & mask;
}

/** One to three white-space characters between two words (a name never spans punctuation). */
function whitespaceGap(text: string, from: number, to: number): boolean {
  const n = to - from;
  if (n < 1 || n > 3) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 160 && c !== 0x202f) return false;
  }
  return true;
}
