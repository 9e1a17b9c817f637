/**
 * Near-duplicate rewrites (a wire story lightly edited by three outlets): a bottom-k MinHash sketch
 * of word 3-shingles per report, stored with the report, so that a new report is compared with the
 * reports of the events it touches without reading their text back.
 */
import { createHash } from 'node:crypto';

const K = 64;
/** Estimated Jaccard similarity of shingles at or above which a report is a rewrite of another. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The sketch: up to 64 smallest shingle hashes, hex, space-separated, ascending. */
export function fingerprint(text: string): string {
  const words = text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const hashes = new Set<number>();
  if (words.length < 3) {
    if (words.length) hashes.add(fnv1a(words.join(' ')));
  } else {
    for (let i = 0; i + 2 < words.length; i++) hashes.add(fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  }
  return [...hashes]
    .sort((a, b) => a - b)
    .slice(0, K)
    .map((h) => h.toString(16))
    .join(' ');
}

function parse(fp: string): number[] {
  return fp ? fp.split(' ').map((h) => parseInt(h, 16)) : [];
}

/** Estimated Jaccard similarity (0..1) of two sketches. */
export function sketchSimilarity(a: string, b: string): number {
  const A = parse(a);
  const B = parse(b);
  if (!A.length || !B.length) return 0;
  const setA = new Set(A);
  const setB = new Set(B);
  const union = [...new Set([...A, ...B])].sort((x, y) => x - y).slice(0, K);
  let both = 0;
  for (const h of union) if (setA.has(h) && setB.has(h)) both++;
  return both / union.length;
}

/** Normalised-text SHA-256: the same report from two feeds (whitespace, case aside) hashes alike. */
export function contentHashOf(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex');
}
