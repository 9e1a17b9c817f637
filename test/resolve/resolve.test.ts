/** Merge rules without a database: source kinds, best figures, the join rule, near-duplicates. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SourceKind } from '../../src/domain/report.js';
import { resolveFigure } from '../../src/resolve/figures.js';
import { joinScore, placeKey } from '../../src/resolve/match.js';
import type { MentionInput } from '../../src/resolve/mention.js';
import { buildMergedEvent } from '../../src/resolve/merge-event.js';
import { fingerprint, sketchSimilarity } from '../../src/resolve/near-duplicate.js';
import { classifySourceKind } from '../../src/resolve/source-kind.js';
import type { EventSpec } from '../store/fixtures.js';
import { extracted, textFor } from '../store/fixtures.js';

function mention(id: string, kind: SourceKind, published: string, spec: EventSpec, independent = true): MentionInput {
  return { mention_id: id, report_id: id, source: `${kind}-${id}`, source_kind: kind, published, ingested_at: '2026-01-24T12:00:00Z', independent, extracted: extracted(id, 0, spec) };
}

describe('source kind', () => {
  const cases: Array<[{ source?: string; url?: string }, SourceKind]> = [
    [{ source: 'Kharkiv Regional Military Administration' }, 'official'],
    [{ source: 'Харківська міська рада' }, 'official'],
    [{ url: 'https://t.me/synegubov/1234' }, 'official'],
    [{ url: 'https://www.dsns.gov.ua/news/1' }, 'official'],
    [{ source: 'Reuters' }, 'wire'],
    [{ url: 'https://www.ukrinform.net/rubric-ato/1.html' }, 'wire'],
    [{ source: 'Suspilne' }, 'media'],
    [{ source: 'Some local blog' }, 'media'],
    [{ url: 'https://news.google.com/x' }, 'aggregator'],
    [{}, 'unknown'],
  ];
  for (const [input, kind] of cases) it(`${JSON.stringify(input)} → ${kind}`, () => assert.equal(classifySourceKind(input), kind));
});

describe('best figure', () => {
  it('prefers officials over media, and an official\'s later update over the earlier one', () => {
    const f = resolveFigure('killed', [
      mention('m', 'media', '2026-01-24T10:00:00Z', { killed: 9 }),
      mention('o1', 'official', '2026-01-24T06:00:00Z', { killed: 2 }),
      mention('o2', 'official', '2026-01-24T08:00:00Z', { killed: 3 }),
    ]);
    assert.deepEqual([f.low, f.best, f.high], [2, 3, 9]);
    assert.match(f.rule!, /^latest official figure \(official-o2/);
    assert.deepEqual(f.sources.map((s) => s.mention_id), ['o2', 'o1', 'm']);
  });
  it('ignores rewrites unless nothing else gives the figure, and is null when nobody gives one', () => {
    const f = resolveFigure('injured', [mention('a', 'wire', '2026-01-24', { injured: 4 }), mention('b', 'official', '2026-01-25', { injured: 40 }, false)]);
    assert.equal(f.best, 4);
    assert.equal(resolveFigure('injured', [mention('b', 'official', '2026-01-25', { injured: 40 }, false)]).best, 40);
    assert.equal(resolveFigure('killed', [mention('a', 'wire', '2026-01-24', {})]).best, null);
  });
});

describe('joining a mention to an event', () => {
  const ev = { date: '2026-01-24', report_ids: new Set(['r0']), weapons: ['drone'], districts: ['Saltivskyi'], facility_categories: [], overnight: false };
  it('same place key regardless of case; region-only; unknown', () => {
    assert.equal(placeKey(extracted('a', 0, { city: 'Kharkiv' })), placeKey(extracted('b', 0, { city: 'KHARKIV' })));
    assert.equal(placeKey(extracted('a', 0, { city: null, oblast: 'Sumy' })), 'o:sumy');
    assert.equal(placeKey(extracted('a', 0, { city: null, oblast: null })), null);
  });
  it('joins the same day, the next day only overnight, never the same report or a separate attack', () => {
    assert.ok(joinScore(extracted('r1', 0, {}), 'r1', ev)! > 0);
    assert.equal(joinScore(extracted('r0', 0, {}), 'r0', ev), null);
    assert.equal(joinScore(extracted('r1', 0, { date: '2026-01-25' }), 'r1', ev), null);
    assert.ok(joinScore(extracted('r1', 0, { date: '2026-01-25', dateQuote: 'overnight' }), 'r1', ev)! > 0);
    assert.equal(joinScore(extracted('r1', 0, { date: '2026-01-26', dateQuote: 'overnight' }), 'r1', ev), null);
    assert.equal(joinScore(extracted('r1', 0, { weapons: ['artillery'], districts: ['Kyivskyi'] }), 'r1', ev), null);
    assert.ok(joinScore(extracted('r1', 0, { weapons: ['artillery'] }), 'r1', ev)! > 0);
  });
});

describe('merged event', () => {
  it('unions with sources, and the analyst\'s locked values on top', () => {
    const ev = buildMergedEvent({
      id: 'ev_1',
      status: 'unreviewed',
      notes: null,
      overrides: { killed: { value: 1, actor: 'olena', at: '2026-01-25T00:00:00Z' } },
      mentions: [mention('a', 'official', '2026-01-24', { killed: 3, weapons: ['unknown'] }), mention('b', 'media', '2026-01-24', { weapons: ['missile'], districts: ['Shevchenkivskyi'] })],
      updated_at: '2026-01-25T00:00:00Z',
    });
    assert.equal(ev.killed, 1);
    assert.equal(ev.figures.killed.high, 3);
    assert.match(ev.figures.killed.rule!, /set by olena/);
    assert.deepEqual(ev.weapons, ['missile']);
    assert.equal(ev.sub_event_type, 'Shelling/artillery/missile attack');
    assert.deepEqual(ev.location.districts, ['Shevchenkivskyi']);
    assert.deepEqual(ev.locked_fields, ['killed']);
    assert.deepEqual(ev.attributions!.districts[0]!.mention_ids, ['b']);
  });

  it("widens low / high to hold the analyst's figure", () => {
    const build = (value: number) =>
      buildMergedEvent({
        id: 'ev_2',
        status: 'unreviewed',
        notes: null,
        overrides: { injured: { value, actor: 'olena', at: '2026-01-25T00:00:00Z' } },
        mentions: [mention('a', 'official', '2026-01-24', { injured: 2 }), mention('b', 'media', '2026-01-24', { injured: 4 })],
        updated_at: '2026-01-25T00:00:00Z',
      }).figures.injured;
    assert.deepEqual([build(7).low, build(7).best, build(7).high], [2, 7, 7]);
    assert.deepEqual([build(1).low, build(1).best, build(1).high], [1, 1, 4]);
    assert.deepEqual([build(3).low, build(3).best, build(3).high], [2, 3, 4]);
  });
});

describe('near-duplicates', () => {
  it('a light rewrite is similar, another report is not', () => {
    const a = textFor('one');
    assert.ok(sketchSimilarity(fingerprint(a), fingerprint(`Updated: ${a} More to follow.`)) >= 0.5);
    assert.ok(sketchSimilarity(fingerprint(a), fingerprint(textFor('two'))) < 0.2);
    assert.equal(sketchSimilarity(fingerprint(''), fingerprint(a)), 0);
  });
});
