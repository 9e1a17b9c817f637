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

export interface Token {
  start: number;
  end: number;
  raw: string;
  norm: string;
  capitalized: boolean;
}

const WORD = /[\p{L}\p{M}\d][\p{L}\p{M}\d'’ʼ`-]*/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    let raw = m[0];
    // A trailing hyphen or apostrophe belongs to punctuation, not to the word.
    while (/[-'’ʼ`]$/.test(raw)) raw = raw.slice(0, -1);
    if (!raw) continue;
    const first = raw[0]!;
    out.push({ start: m.index!, end: m.index! + raw.length, raw, norm: normalizeToken(raw), capitalized: first !== first.toLowerCase() });
  }
  return out;
}

export interface TrieMatch {
  first: number; // token index
  last: number; // token index, inclusive
  entries: TrieEntry[];
}

export class NameTrie {
  private readonly root: Node = { c: new Map(), e: null };
  size = 0;

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

  /** The longest match starting at token i, or null. Words must be separated by white space only. */
  matchAt(tokens: Token[], i: number, text: string): TrieMatch | null {
    let best = null as TrieMatch | null;
    const walk = (node: Node, j: number) => {
      if (j >= tokens.length) return;
      if (j > i) {
        const gap = text.slice(tokens[j - 1]!.end, tokens[j]!.start);
        if (!/^\s{1,3}$/.test(gap)) return;
      }
      if (!node.c) return;
      const word = tokens[j]!.norm;
      if (j > i && SKIPPABLE.has(word)) walk(node, j + 1);
      const seen = new Set<Node>();
      for (const stem of textStems(word)) {
        const child = node.c.get(stem);
        if (!child || seen.has(child)) continue;
        seen.add(child);
        if (child.e) {
          if (!best || j > best.last) best = { first: i, last: j, entries: child.e.map(unpack) };
          else if (j === best.last) {
            for (const e of child.e.map(unpack)) if (!best.entries.some((b) => b.level === e.level && b.ref === e.ref)) best.entries.push(e);
          }
        }
        if (child.c) walk(child, j + 1);
      }
    };
    walk(this.root, i);
    return best;
  }
}
