/** The export flattening on its own (no database): CSV quoting, formula neutralisation, notes, ACLED rules. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MergedEvent } from '../../src/domain/merged-event.js';
import { csvCell, csvRow } from '../../src/serve/export/csv.js';
import { eventNotes } from '../../src/serve/export/event-notes.js';
import { EVENT_COLUMNS, eventRow, isCivilianTargeting } from '../../src/serve/export/event-row.js';
import { safeJson } from '../../src/serve/json-text.js';
import { extracted } from '../store/fixtures.js';

const range = (best: number | null) => ({ low: best, best, high: best, rule: null, sources: [] });

function merged(spec: Parameters<typeof extracted>[2] = {}): MergedEvent {
  const e = extracted('r', 0, spec);
  return {
    ...e,
    status: 'unreviewed',
    figures: { killed: range(e.killed), injured: range(e.injured), hospitalized: range(null), children_killed: range(null), children_injured: range(null) },
    mention_ids: ['m1'],
    report_ids: ['r'],
    sources: ['Suspilne'],
    first_reported: null,
    updated_at: '2026-01-24T00:00:00Z',
    locked_fields: [],
    notes: null,
  };
}

describe('CSV cells', () => {
  const cases: Array<[Parameters<typeof csvCell>[0], string]> = [
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+2', "'=1+2"],
    ['+380 44', "'+380 44"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['\tcmd', "'\tcmd"],
    [-36.25, '-36.25'],
    [0, '0'],
    [null, ''],
    [undefined, ''],
    [true, 'true'],
  ];
  for (const [input, expected] of cases) it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(csvCell(input), expected));
  it('ends records with CRLF', () => assert.equal(csvRow(['a', 1, null]), 'a,1,\r\n'));
});

describe('event rows', () => {
  it('has a value for every column, ACLED constants set', () => {
    const row = eventRow(merged({ killed: 2, injured: 5 }));
    assert.deepEqual(Object.keys(row), [...EVENT_COLUMNS]);
    assert.equal(row.actor1, 'Military Forces of Russia (2000-)');
    assert.equal(row.time_precision, 1);
    assert.equal(row.year, 2026);
    assert.equal(row.fatalities, 2);
    assert.equal(row.location, 'Kharkiv');
    assert.equal(row.source, 'Suspilne');
  });

  it('codes civilian targeting only for civilian facilities or child casualties', () => {
    assert.equal(isCivilianTargeting(merged({ facilities: [{ category: 'residential', text: 'house' }] })), true);
    assert.equal(isCivilianTargeting(merged({ children_injured: 1, injured: 3 })), true);
    assert.equal(isCivilianTargeting(merged({ facilities: [{ category: 'energy', text: 'substation' }], killed: 1 })), false);
    assert.equal(eventRow(merged({ facilities: [{ category: 'medical', text: 'hospital' }] })).civilian_targeting, 'Civilian targeting');
    assert.equal(eventRow(merged({})).civilian_targeting, null);
  });

  it('writes notes from fields, not from report text', () => {
    const e = merged({ killed: 1, injured: 4, weapons: ['drone', 'missile'], facilities: [{ category: 'residential', text: '=cmd|calc' }], utilities: [{ utility: 'power', text: 'no light' }] });
    assert.equal(eventNotes(e), 'On 2026-01-24, a drone and missile attack hit Kharkiv: 1 killed, 4 injured; residential facilities damaged; power outages. Reported by 1 report.');
    const regional = merged({ city: null, oblast: 'Sumy', date: null, weapons: ['unknown'] });
    assert.equal(eventNotes(regional), 'An attack hit Sumy oblast. Reported by 1 report.');
  });
});

describe('JSON escaping', () => {
  it('escapes markup characters and still parses to the same value', () => {
    const v = { text: '<script>alert(1)</script> & \u2028' };
    const s = safeJson(v);
    assert.ok(!/[<>&\u2028]/.test(s));
    assert.deepEqual(JSON.parse(s), v);
  });
});
