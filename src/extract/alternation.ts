/**
 * A word list as one regex alternation, factored by shared prefixes ("п['’ʼ]ят(?:ьох|ьом|ь|и)" instead
 * of every form spelt out). Irregexp tries the alternatives of a flat alternation one by one at every
 * position, and gives up optimizing patterns over 20 KB; the number and casualty lists of uk/ru are
 * thousands of forms, so the flat lists cost most of the extraction time.
 *
 * The result matches exactly what `terms longest first, termSource each, joined with |` matches, in the
 * same order of preference (so backtracking picks the same match): siblings are merged only when they
 * cannot both match at one position (their first characters differ, under the regex's case rule), and
 * a term that ends where longer ones go on stays last, as longest-first put it. Anywhere that cannot be
 * shown (a '*' wildcard or an optional quote beside other continuations), the node keeps the plain,
 * ordered alternation.
 */
import { termSource } from './lexicon.js';

type Kind = 'lit' | 'apos' | 'quote' | 'quote1' | 'star' | 'sep';
interface Atom {
  kind: Kind;
  src: string;
  /** The character of a literal. */
  ch: string;
}

const SPECIAL = new Set([...'.+?^${}()|[]\\']);
const APOS = new Set([..."'’ʼ"]);
const QUOTES = new Set([...'«»"“”']);

/** A term as termSource writes it, one atom per character (a word gap is one atom). */
function atomsOf(term: string): Atom[] {
  const out: Atom[] = [];
  term
    .trim()
    .split(/\s+/)
    .forEach((word, i) => {
      if (i > 0) out.push({ kind: 'sep', src: '[\\s\\u00a0]+', ch: '' });
      for (const ch of word) {
        if (APOS.has(ch)) out.push({ kind: 'apos', src: "['’ʼ]", ch });
        else if (QUOTES.has(ch)) out.push({ kind: 'quote', src: '["«»“”]?', ch });
        else if (ch === '*') out.push({ kind: 'star', src: "[\\p{L}'’ʼ-]*", ch });
        else out.push({ kind: 'lit', src: SPECIAL.has(ch) ? `\\${ch}` : ch, ch });
      }
    });
  return out;
}

const sameCache = new Map<string, boolean>();
/** Whether two literal characters match each other under the case rule of the regex they go in. */
function sameChar(a: string, b: string, ignoreCase: boolean): boolean {
  if (a === b) return true;
  if (!ignoreCase) return false;
  const key = `${a}\u0000${b}`;
  let v = sameCache.get(key);
  if (v === undefined) {
    v = new RegExp(`^${SPECIAL.has(a) ? `\\${a}` : a}$`, 'iu').test(b);
    sameCache.set(key, v);
  }
  return v;
}

/** Whether no character can begin a match of both atoms (a wildcard or an optional quote can be empty). */
function exclusive(a: Atom, b: Atom, ignoreCase: boolean): boolean {
  if (a.kind === 'star' || a.kind === 'quote' || b.kind === 'star' || b.kind === 'quote') return false;
  if (a.kind === 'lit' && b.kind === 'lit') return !sameChar(a.ch, b.ch, ignoreCase);
  if (a.kind === b.kind) return false;
  // The classes of apostrophes, of quotes and of word gaps share no character.
  if (a.kind !== 'lit' && b.kind !== 'lit') return true;
  const lit = a.kind === 'lit' ? a : b.kind === 'lit' ? b : null;
  const other = lit === a ? b : a;
  if (other.kind === 'apos') return !APOS.has(lit!.ch);
  if (other.kind === 'quote1') return !QUOTES.has(lit!.ch);
  return !/[\s\u00a0]/u.test(lit!.ch);
}

const QUOTE1: Atom = { kind: 'quote1', src: '["«»“”]', ch: '' };

const seq = (alts: string[]) => (alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`);

/**
 * The alternatives (in order) matching the suffixes from atom `d` of `list` (all share atoms before d).
 * Terms are taken in order; a term joins the last group with its first atom only when it can jump the
 * groups opened since (none of them can match where it does); otherwise it opens a group of its own.
 * A term ending here (an empty suffix) is a group nothing can jump.
 */
function emit(list: Atom[][], d: number, ignoreCase: boolean): string[] {
  const groups: { atom: Atom | null; items: Atom[][] }[] = [];
  for (const s of list) {
    const a = s.length === d ? null : s[d]!;
    let join: (typeof groups)[number] | undefined;
    for (let k = groups.length - 1; k >= 0 && a; k--) {
      const g = groups[k]!;
      if (g.atom && g.atom.kind === a.kind && (a.kind === 'lit' ? sameChar(g.atom.ch, a.ch, ignoreCase) : g.atom.src === a.src)) {
        join = g;
        break;
      }
      if (!g.atom || !exclusive(g.atom, a, ignoreCase)) break;
    }
    if (join) join.items.push(s);
    else groups.push({ atom: a, items: [s] });
  }
  return groups.map((g) => (g.atom ? g.atom.src + seq(emit(g.items, d + 1, ignoreCase)) : ''));
}

/**
 * Same matches as `[...new Set(terms)].sort(longest first).map(termSource).join('|')`, factored. Pass
 * ignoreCase = false when the regex it goes in has no 'i' flag.
 */
export function alternation(terms: readonly string[], ignoreCase = true): string {
  const sorted = [...new Set(terms)].sort((a, b) => b.length - a.length);
  const seen = new Set<string>();
  const list: Atom[][] = [];
  for (const t of sorted) {
    const atoms = atomsOf(t);
    const src = atoms.map((a) => a.src).join('');
    // The atoms must spell exactly what termSource writes; anything else keeps the flat list.
    if (src !== termSource(t)) return sorted.map(termSource).join('|');
    // A repeated source adds nothing to an alternation: the first one already took every path it offers.
    if (seen.has(src)) continue;
    seen.add(src);
    list.push(atoms);
  }
  if (!list.length) return '';
  // A leading optional quote tries the quote first, then none: '["«»“”]?X' is '["«»“”]X|X', and in
  // that form both can join the groups of their first character.
  const expanded: Atom[][] = [];
  const once = new Set<string>();
  for (const s of list) {
    const forms = s[0]?.kind === 'quote' ? [[QUOTE1, ...s.slice(1)], s.slice(1)] : [s];
    for (const f of forms) {
      const key = f.map((a) => a.src).join('');
      if (once.has(key)) continue;
      once.add(key);
      expanded.push(f);
    }
  }
  return emit(expanded, 0, ignoreCase).join('|');
}

/** Starts longer than this add little: two words seldom share so long a beginning. */
const PREFIX = 8;
/** Each apostrophe multiplies a term's starts by three; past this many the start stops before it. */
const PREFIX_FORMS = 9;

/**
 * The strings a match of the atoms must start with: the literal characters they open with, up to
 * PREFIX of them (an apostrophe as each of its forms, a word gap as a space, a leading optional quote
 * as each quote or none), up to a wildcard or a quote; null when the term opens with a wildcard.
 */
function startsOf(atoms: Atom[]): string[] | null {
  const [a] = atoms;
  if (!a) return null;
  if (a.kind === 'quote1') return [...QUOTES];
  if (a.kind === 'quote') {
    const rest = startsOf(atoms.slice(1));
    return rest ? [...QUOTES, ...rest] : null;
  }
  let forms = [''];
  for (const x of atoms.slice(0, PREFIX)) {
    if (x.kind === 'lit') forms = forms.map((f) => f + x.ch);
    // A word gap as one space: word-matches.ts reads a space of a start as a run of white space.
    else if (x.kind === 'sep') forms = forms.map((f) => `${f} `);
    else if (x.kind === 'apos' && forms.length * APOS.size <= PREFIX_FORMS) forms = forms.flatMap((f) => [...APOS].map((q) => f + q));
    else break;
  }
  return forms[0] ? forms : null;
}

/**
 * The strings a match of any of the terms starts with (word-matches.ts registerStarts), for a cheap
 * test of where a match of the list can begin: each term's literal beginning (see startsOf); null
 * when some term can start with anything (a wildcard).
 */
export function termStarts(terms: readonly string[]): string[] | null {
  const out: string[] = [];
  for (const t of new Set(terms)) {
    const atoms = atomsOf(t);
    if (atoms.map((a) => a.src).join('') !== termSource(t)) return null;
    const st = startsOf(atoms);
    if (!st) return null;
    out.push(...st);
  }
  return out.length ? out : null;
}
