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

// Parsed sketches, memoised: ingest compares each new report with every report of the events it
// touches, so the same stored sketch is parsed many times per batch. Bounded by clearing.
const PARSED = new Map<string, number[]>();
const PARSED_MAX = 50_000;

/** The sketch's hashes, ascending and unique (as `fingerprint` writes them, enforced anyway). */
function parse(fp: string): number[] {
  let v = PARSED.get(fp);
  if (v) return v;
  v = fp ? [...new Set(fp.split(' ').map((h) => parseInt(h, 16)))].sort((x, y) => x - y) : [];
  if (PARSED.size >= PARSED_MAX) PARSED.clear();
  PARSED.set(fp, v);
  return v;
}

/** Estimated Jaccard similarity (0..1) of two sketches: shared hashes among the K smallest of the union. */
export function sketchSimilarity(a: string, b: string): number {
  const A = parse(a);
  const B = parse(b);
  if (!A.length || !B.length) return 0;
  // Merge walk over the two ascending lists: the first K distinct values are the union's bottom-K.
  let i = 0;
  let j = 0;
  let taken = 0;
  let both = 0;
  while (taken < K && (i < A.length || j < B.length)) {
    const x = i < A.length ? A[i]! : Infinity;
    const y = j < B.length ? B[j]! : Infinity;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    taken++;
  }
  return both / taken;
}

/** Normalised-text SHA-256: the same report from two feeds (whitespace, case aside) hashes alike. */
export function contentHashOf(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex');
}
