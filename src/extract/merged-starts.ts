/**
 * One trie for the starts of every regex of a case rule, so that one walk per text position finds
 * every regex that may start there (word-matches.ts marks).
 */
import { ACCEPT, FIRST, NONE, type Trie } from './start-trie.js';

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
export interface Merged {
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
export const mergedI = merged(true);
export const mergedC = merged(false);

function hashEdge(n: number, k: number, mask: number): number {
  const h = Math.imul(n, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b);
  return (h ^ (h >>> 15)) & mask;
}

/** The node reached from node n by key k, or 0. */
export function edge(m: Merged, n: number, k: number): number {
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
export function addLane(m: Merged, t: Trie, digits: boolean): number {
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
