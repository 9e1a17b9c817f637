/**
 * build-events' sortByStart must order evidence exactly as the builtin stable sort by start does,
 * ties kept in insertion order, on short lists (its insertion sort) and long ones (the builtin).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Evidence } from '../../src/domain/event.js';
import { sortByStart } from '../../src/extract/build-events.js';

function evidenceList(n: number, next: (m: number) => number): Evidence[] {
  return Array.from({ length: n }, (_, k) => ({ field: 'weapon', start: next(12), end: 0, quote: String(k), value: k, rule: 'lexicon', certainty: 'stated' }) as Evidence);
}

test('sortByStart gives the stable sort by start', () => {
  let seed = 11;
  const next = (m: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % m;
  };
  for (let i = 0; i < 3000; i++) {
    const list = evidenceList(next(48), next);
    const expected = [...list].sort((a, b) => a.start - b.start);
    const got = sortByStart(list);
    assert.equal(got, list, 'sorts in place');
    assert.deepEqual(got.map((e) => e.quote), expected.map((e) => e.quote));
  }
});
