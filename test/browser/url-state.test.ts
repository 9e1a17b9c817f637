/** The dashboard's pure pieces, without a browser: URL ⇄ filters, per-day series, marker size. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { markerRadius } from '../../web/src/components/map-marker.js';
import { aggregateByDay, fillDays } from '../../web/src/events-data.js';
import { parseFilters, toQuery } from '../../web/src/filters.js';
import type { EventListItem } from '../../web/src/types.js';

describe('filters in the URL', () => {
  test('round trip keeps every set key and drops empty ones', () => {
    const { filters, sort } = parseFilters('?oblast=Kharkiv&weapon=drone&q=&status=confirmed&sort=-killed&date_from=2026-03-01');
    assert.deepEqual(filters, { oblast: 'Kharkiv', weapon: 'drone', status: 'confirmed', date_from: '2026-03-01' });
    assert.equal(sort, '-killed');
    assert.equal(toQuery(filters, { sort }), 'date_from=2026-03-01&oblast=Kharkiv&weapon=drone&status=confirmed&sort=-killed');
  });

  test('bad dates and unknown sorts fall back instead of breaking every request', () => {
    const { filters, sort } = parseFilters('?date_from=yesterday&date_to=2026-13&sort=random&city=Kyiv');
    assert.deepEqual(filters, {});
    assert.equal(sort, '-date');
  });

  test('values are encoded', () => {
    assert.equal(toQuery({ q: 'Kryvyi Rih & "school"' }), 'q=Kryvyi+Rih+%26+%22school%22');
  });
});

describe('per-day series', () => {
  test('gaps are filled with zeros and equal days summed', () => {
    const s = fillDays([
      { date: '2026-03-03', events: 1, killed: 2, injured: 0 },
      { date: '2026-03-01', events: 2, killed: 0, injured: 5 },
      { date: '2026-03-03', events: 1, killed: 1, injured: 1 },
    ]);
    assert.deepEqual(s, { days: ['2026-03-01', '2026-03-02', '2026-03-03'], events: [2, 0, 2], killed: [0, 0, 3], injured: [5, 0, 1] });
  });

  test('a single day gets its empty neighbours, an empty list stays empty', () => {
    assert.deepEqual(fillDays([{ date: '2026-03-01', events: 1, killed: 0, injured: 0 }]).days, ['2026-02-28', '2026-03-01', '2026-03-02']);
    assert.deepEqual(fillDays([]).days, []);
  });

  test('client-side aggregation counts events and treats unknown figures as zero, skips undated events', () => {
    const ev = (date: string | null, killed: number | null, injured: number | null) => ({ date, killed, injured }) as EventListItem;
    const s = aggregateByDay([ev('2026-03-01', 1, null), ev('2026-03-02', null, 4), ev(null, 9, 9), ev('2026-03-02', 2, 2)]);
    assert.deepEqual(s, { days: ['2026-03-01', '2026-03-02'], events: [1, 2], killed: [1, 2], injured: [0, 6] });
  });
});

describe('marker size', () => {
  test('grows with the square root of killed + injured', () => {
    assert.equal(markerRadius({ killed: null, injured: null }), 4);
    assert.ok(markerRadius({ killed: 0, injured: 100 }) - 4 === 10 * (markerRadius({ killed: 1, injured: 0 }) - 4));
  });
});
