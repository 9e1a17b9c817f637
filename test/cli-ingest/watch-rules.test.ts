/** The watch loop's plain rules: durations, backoff, the bounded seen list, feed-state transitions. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { nextDelay } from '../../src/ingest/watch/backoff.js';
import { afterError, afterNotModified, afterSuccess, initialFeedState } from '../../src/ingest/watch/feed-state.js';
import { formatInterval, parseInterval } from '../../src/ingest/watch/interval.js';
import { alreadySeen, itemKeys, updateSeen } from '../../src/ingest/watch/seen-list.js';

it('parses durations', () => {
  const table: Array<[string, number]> = [['30s', 30_000], ['5m', 300_000], ['1h', 3_600_000], ['1h30m', 5_400_000], ['500ms', 500], ['1.5m', 90_000], [' 2M ', 120_000], ['1d', 86_400_000]];
  for (const [text, ms] of table) assert.equal(parseInterval(text), ms, text);
  for (const bad of ['', '5', 'm', '5 m', '-5m', '0s', '5x', '5m junk', '1e3s']) assert.throws(() => parseInterval(bad), /invalid duration/, bad);
  assert.equal(formatInterval(5_400_000), '1h30m');
  assert.equal(formatInterval(30_000), '30s');
});

it('backs off exponentially up to the cap and never below the interval', () => {
  const m = 60_000;
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((e) => nextDelay(m, e, 10 * m) / m), [1, 2, 4, 8, 10, 10, 10]);
  assert.equal(nextDelay(m, 2000, 10 * m), 10 * m, 'no overflow after many errors');
  assert.equal(nextDelay(10 * m, 3, m), 10 * m, 'a cap below the interval does not shorten it');
});

it('keeps a bounded seen list that never drops the current items', () => {
  assert.deepEqual(itemKeys({ id: 'g1', url: 'https://x/1' }), ['g1', 'https://x/1']);
  assert.deepEqual(itemKeys({ id: 'https://x/1', url: 'https://x/1' }), ['https://x/1']);
  assert.ok(alreadySeen(new Set(['https://x/1']), ['g9', 'https://x/1']), 'a known link is enough');
  const old = Array.from({ length: 10 }, (_, i) => `old-${i}`);
  assert.deepEqual(updateSeen(old, ['new-1', 'old-3'], 4), ['new-1', 'old-3', 'old-0', 'old-1']);
  const current = Array.from({ length: 6 }, (_, i) => `cur-${i}`);
  assert.deepEqual(updateSeen(old, current, 4), current, 'the bound yields to a long current feed');
});

it('records errors, keeps validators and seen keys through them, resets on success', () => {
  const s0 = afterSuccess(initialFeedState('u'), 't1', { etag: '"a"', lastModified: 'L', keys: ['k1'] });
  const s2 = afterError(afterError(s0, 't2', 'HTTP 500'), 't3', 'fetch failed');
  assert.deepEqual([s2.consecutive_errors, s2.last_error, s2.etag, s2.last_modified, s2.seen, s2.last_polled_at], [2, 'fetch failed', '"a"', 'L', ['k1'], 't3']);
  const s3 = afterNotModified(s2, 't4');
  assert.deepEqual([s3.consecutive_errors, s3.last_error, s3.etag], [0, null, '"a"']);
});
