/**
 * The store suite: one set of tests, run against SQLite and PostgreSQL (real databases, no mocks).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventQuerySchema } from '../../src/domain/event-query.js';
import type { MergedEvent } from '../../src/domain/merged-event.js';
import type { Store } from '../../src/store/store.js';
import { StoreInputError, StoreNotFoundError } from '../../src/store/store.js';
import { dialectsUnderTest } from './dialects.js';
import { extraction, item, textFor } from './fixtures.js';

const dialects = await dialectsUnderTest('store');
const q = (x: Record<string, unknown> = {}) => EventQuerySchema.parse(x);

async function allEvents(store: Store, query: Record<string, unknown> = {}): Promise<MergedEvent[]> {
  const out: MergedEvent[] = [];
  for await (const e of store.streamEvents(q(query))) out.push(e);
  return out;
}

for (const d of dialects) {
  describe(`store on ${d.dialect}`, { skip: d.skip }, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    const fresh = async () => {
      if (cleanup) await cleanup();
      ({ store, cleanup } = await d.open());
    };
    before(fresh);
    after(async () => cleanup?.());

    it('applies migrations on open and again is a no-op', async () => {
      await fresh();
      const again = await store.migrate();
      assert.deepEqual(again, { applied: [] });
      assert.equal(store.dialect, d.dialect);
    });

    it('stores a batch once: the same items again are duplicates and change nothing', async () => {
      await fresh();
      const batch = [item({ id: 'r1' }, [{ killed: 2 }]), item({ id: 'r2', city: undefined } as never, [{ city: 'Odesa', oblast: 'Odesa' }])];
      const first = await store.ingestBatch(batch);
      assert.equal(first.new, 2);
      assert.equal(first.events_created, 2);
      const before = await store.stats();
      const second = await store.ingestBatch(batch);
      assert.equal(second.new, 0);
      assert.equal(second.duplicate, 2);
      assert.equal(second.events_created + second.events_updated, 0);
      const afterStats = await store.stats();
      assert.deepEqual(
        { reports: afterStats.reports, mentions: afterStats.mentions, events: afterStats.events },
        { reports: before.reports, mentions: before.mentions, events: before.events },
      );
      assert.deepEqual({ r: afterStats.reports, m: afterStats.mentions, e: afterStats.events }, { r: 2, m: 2, e: 2 });
    });

    it('stores the same content from another feed once, findable under both ids', async () => {
      await fresh();
      await store.ingestBatch([item({ id: 'feedA:1', text: 'Same words here.  Drone hit Kharkiv' })]);
      const r = await store.ingestBatch([item({ id: 'feedB:9', text: 'same words here. drone hit kharkiv', source: 'Other' })]);
      assert.equal(r.duplicate, 1);
      assert.equal(r.items[0]!.duplicate_of, 'feedA:1');
      assert.equal((await store.stats()).reports, 1);
      assert.equal((await store.getReport('feedB:9'))?.id, 'feedA:1');
      assert.ok(await store.hasReport('feedB:9'));
    });

    it('is all or nothing per batch: a bad item stores nothing, a rerun stores everything once', async () => {
      await fresh();
      const good = [item({ id: 'a1' }), item({ id: 'a2' })];
      const bad = { ...item({ id: 'a3' }), extraction: { ...extraction('a3', [{}]), lang: 'xx' } } as never;
      await assert.rejects(store.ingestBatch([...good, bad]), StoreInputError);
      assert.equal((await store.stats()).reports, 0);
      await store.ingestBatch(good);
      await store.ingestBatch([...good, item({ id: 'a3' })]);
      const s = await store.stats();
      assert.deepEqual([s.reports, s.mentions], [3, 3]);
    });

    it('merges mentions of one place and day into one event, with figures from every source', async () => {
      await fresh();
      await store.ingestBatch([
        item({ id: 'media1', source: 'Suspilne', published: '2026-01-24T07:00:00Z' }, [{ killed: 3, injured: 10 }]),
        item({ id: 'off1', source: 'Kharkiv Regional Military Administration', published: '2026-01-24T06:00:00Z' }, [{ killed: 2, injured: 12 }]),
        item({ id: 'off2', source: 'Kharkiv Regional Military Administration', published: '2026-01-24T09:00:00Z' }, [{ killed: 4, injured: 15 }]),
      ]);
      const events = await allEvents(store);
      assert.equal(events.length, 1);
      const ev = events[0]!;
      assert.deepEqual(ev.report_ids.sort(), ['media1', 'off1', 'off2']);
      assert.equal(ev.killed, 4);
      assert.deepEqual([ev.figures.killed.low, ev.figures.killed.best, ev.figures.killed.high], [2, 4, 4]);
      assert.deepEqual([ev.figures.injured.low, ev.figures.injured.best, ev.figures.injured.high], [10, 15, 15]);
      assert.match(ev.figures.killed.rule!, /latest official figure/);
      assert.equal(ev.figures.killed.sources.length, 3);
      assert.equal(ev.figures.killed.sources[0]!.mention_id, 'off2-e0');
      assert.deepEqual(ev.sources.sort(), ['Kharkiv Regional Military Administration', 'Suspilne']);
    });

    it('joins an overnight attack across midnight, but not two days without a night', async () => {
      await fresh();
      await store.ingestBatch([
        item({ id: 'n1' }, [{ date: '2026-01-23', dateQuote: 'overnight' }]),
        item({ id: 'n2' }, [{ date: '2026-01-24' }]),
        item({ id: 'd1' }, [{ city: 'Sumy', oblast: 'Sumy', date: '2026-01-23' }]),
        item({ id: 'd2' }, [{ city: 'Sumy', oblast: 'Sumy', date: '2026-01-24' }]),
      ]);
      assert.equal((await allEvents(store, { city: 'Kharkiv' })).length, 1);
      assert.equal((await allEvents(store, { city: 'sumy' })).length, 2);
    });

    it('keeps separate attacks apart: a report\'s two events, or different weapons on different districts', async () => {
      await fresh();
      await store.ingestBatch([
        item({ id: 's1' }, [{ districts: ['Saltivskyi'] }, { districts: ['Saltivskyi'], weapons: ['missile'] }]),
        item({ id: 's2' }, [{ city: 'Dnipro', oblast: 'Dnipropetrovsk', weapons: ['drone'], districts: ['Amur'] }]),
        item({ id: 's3' }, [{ city: 'Dnipro', oblast: 'Dnipropetrovsk', weapons: ['missile'], districts: ['Chechelivskyi'] }]),
        item({ id: 's4' }, [{ city: 'Dnipro', oblast: 'Dnipropetrovsk', weapons: ['missile', 'drone'] }]),
      ]);
      assert.equal((await allEvents(store, { city: 'Kharkiv' })).length, 2);
      const dnipro = await allEvents(store, { city: 'Dnipro' });
      assert.equal(dnipro.length, 2);
      assert.equal(dnipro.reduce((n, e) => n + e.mention_ids.length, 0), 3, 'every mention stays linked');
    });

    it('gives a barrage report one event per settlement', async () => {
      await fresh();
      await store.ingestBatch([
        item({ id: 'b1' }, [{ city: 'Kyiv', oblast: 'Kyiv', killed: 1 }, { city: 'Lviv', oblast: 'Lviv', injured: 2 }, { city: 'Odesa', oblast: 'Odesa' }]),
      ]);
      const events = await allEvents(store, { sort: 'date' });
      assert.deepEqual(events.map((e) => e.location.city).sort(), ['Kyiv', 'Lviv', 'Odesa']);
    });

    it('links a near-duplicate rewrite to its original without counting it as a source', async () => {
      await fresh();
      const base = textFor('orig');
      await store.ingestBatch([item({ id: 'orig', text: base, source: 'Reuters' }, [{ killed: 5 }])]);
      const r = await store.ingestBatch([
        item({ id: 'copy', text: `${base} Copied by another outlet.`, source: 'Some Aggregator', published: '2026-01-24T11:00:00Z' }, [{ killed: 7 }]),
      ]);
      assert.equal(r.near_duplicate, 1);
      assert.equal(r.items[0]!.duplicate_of, 'orig');
      const [ev] = await allEvents(store);
      assert.deepEqual(ev!.mention_ids.sort(), ['copy-e0', 'orig-e0']);
      assert.equal(ev!.killed, 5);
      assert.deepEqual(ev!.figures.killed.sources.map((s) => s.report_id), ['orig']);
      const detail = await store.getEvent(ev!.id);
      assert.equal(detail!.mentions.find((m) => m.report_id === 'copy')!.independent, false);
      assert.equal((await store.getReport('copy'))!.duplicate_of, 'orig');
    });

    it('keeps unions with their sources', async () => {
      await fresh();
      await store.ingestBatch([
        item({ id: 'u1', source: 'A' }, [{ weapons: ['drone'], facilities: [{ category: 'residential', text: 'apartment block' }], officials: [{ name: 'Ihor Terekhov', role: 'mayor' }] }]),
        item({ id: 'u2', source: 'B' }, [{ weapons: ['drone', 'missile'], facilities: [{ category: 'energy', text: 'substation' }], utilities: [{ utility: 'power', text: 'power outage' }] }]),
      ]);
      const [ev] = await allEvents(store);
      assert.deepEqual([...ev!.weapons].sort(), ['drone', 'missile']);
      assert.equal(ev!.facilities.length, 2);
      assert.deepEqual(ev!.attributions!.weapons.find((a) => a.value === 'drone')!.sources.sort(), ['A', 'B']);
      assert.deepEqual(ev!.attributions!.weapons.find((a) => a.value === 'missile')!.mention_ids, ['u2-e0']);
      assert.equal(ev!.officials[0]!.name, 'Ihor Terekhov');
    });

    it('filters, sorts and pages events with keyset cursors; streams all', async () => {
      await fresh();
      const items = [];
      for (let i = 0; i < 23; i++) {
        const day = `2026-01-${String(1 + i).padStart(2, '0')}`;
        items.push(
          item({ id: `p${i}`, published: `${day}T10:00:00Z` }, [
            { date: day, killed: i % 5, injured: i, city: i % 2 ? 'Kharkiv' : 'Kherson', oblast: i % 2 ? 'Kharkiv' : 'Kherson', weapons: i % 3 ? ['drone'] : ['missile'] },
          ]),
        );
      }
      await store.ingestBatch(items);
      for (const sort of ['date', '-date', 'killed', '-killed', 'injured', '-injured'] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.listEvents(q({ sort, limit: 5, cursor }));
          seen.push(...page.rows.map((e) => e.id));
          cursor = page.next ?? undefined;
          pages++;
        } while (cursor);
        assert.equal(pages, 5, sort);
        assert.equal(new Set(seen).size, 23, sort);
      }
      const byKilled = (await allEvents(store, { sort: '-killed' })).map((e) => e.killed!);
      assert.deepEqual(byKilled, [...byKilled].sort((a, b) => b - a));
      assert.equal((await allEvents(store, { oblast: 'Kharkiv' })).length, 11);
      assert.equal((await allEvents(store, { weapon: 'missile' })).length, 8);
      assert.equal((await allEvents(store, { min_killed: 4 })).length, 4);
      assert.equal((await allEvents(store, { date_from: '2026-01-10', date_to: '2026-01-12' })).length, 3);
      assert.equal((await allEvents(store, { min_injured: 19, city: 'kharkiv' })).length, 2);
      await assert.rejects(store.listEvents(q({ cursor: 'nonsense' })), StoreInputError);
    });

    it('searches report text (Latin and Cyrillic) and filters events by it', async () => {
      await fresh();
      await store.ingestBatch([
        item({ id: 'f1', text: 'Shahed drones hit a substation in Kharkiv overnight.' }),
        item({ id: 'f2', text: 'Ракетний удар по Одесі: пошкоджено порт.' }, [{ city: 'Odesa', oblast: 'Odesa' }]),
      ]);
      const hits = await store.searchReports('substation');
      assert.deepEqual(hits.rows.map((h) => h.report.id), ['f1']);
      assert.match(hits.rows[0]!.snippet, /substation/);
      assert.deepEqual((await store.searchReports('порт')).rows.map((h) => h.report.id), ['f2']);
      assert.deepEqual((await store.searchReports('Порт ОДЕСІ')).rows.map((h) => h.report.id), ['f2']);
      assert.equal((await store.searchReports('"); drop table reports; --')).rows.length, 0);
      assert.deepEqual((await allEvents(store, { q: 'Shahed substation' })).map((e) => e.location.city), ['Kharkiv']);
      assert.deepEqual((await store.listReports({ q: 'порт' })).rows.map((r) => r.id), ['f2']);
    });

    it('returns a report with its text and evidence spans, and lists reports by keyset', async () => {
      await fresh();
      await store.ingestBatch([item({ id: 'g1' }, [{ killed: 2 }]), item({ id: 'g2' }), item({ id: 'g3' })]);
      const r = await store.getReport('g1');
      assert.ok(r);
      assert.equal(r.text, textFor('g1'));
      assert.equal(r.mentions.length, 1);
      assert.ok(r.mentions[0]!.event_id);
      assert.deepEqual(r.evidence.map((e) => [e.field, e.mention_id]), [['killed', 'g1-e0']]);
      assert.equal(r.source_kind, 'media');
      const p1 = await store.listReports({ limit: 2 });
      assert.deepEqual(p1.rows.map((x) => x.id), ['g3', 'g2']);
      const p2 = await store.listReports({ limit: 2, cursor: p1.next! });
      assert.deepEqual(p2.rows.map((x) => x.id), ['g1']);
      assert.equal(p2.next, null);
      assert.equal(await store.getReport('nope'), null);
    });

    it('records analyst edits as revisions and keeps locked fields through new reports and re-extraction', async () => {
      await fresh();
      await store.ingestBatch([item({ id: 'e1', source: 'Kharkiv City Council' }, [{ killed: 2, injured: 5 }])]);
      const [ev] = await allEvents(store);
      const patched = await store.patchEvent(ev!.id, { killed: 3, status: 'confirmed', notes: 'checked' }, 'olena');
      assert.equal(patched.event.killed, 3);
      assert.equal(patched.event.status, 'confirmed');
      assert.deepEqual(patched.event.locked_fields, ['killed']);
      const rev = patched.revisions.at(-1)!;
      assert.equal(rev.actor, 'olena');
      assert.equal(rev.kind, 'patch');
      assert.deepEqual(rev.changes.killed, { before: 2, after: 3 });
      assert.deepEqual(rev.changes.status, { before: 'unreviewed', after: 'confirmed' });

      await store.ingestBatch([item({ id: 'e2', source: 'Kharkiv City Council', published: '2026-01-24T12:00:00Z' }, [{ killed: 9, injured: 7 }])]);
      let d = (await store.getEvent(ev!.id))!;
      assert.equal(d.event.killed, 3, 'locked');
      assert.equal(d.event.injured, 7, 'not locked: follows the sources');
      assert.equal(d.event.status, 'confirmed');

      await store.replaceExtraction('e1', extraction('e1', [{ killed: 20, injured: 30 }]));
      d = (await store.getEvent(ev!.id))!;
      assert.equal(d.event.killed, 3);
      assert.equal(d.event.figures.injured.high, 30);
      assert.equal(d.revisions.at(-1)!.kind, 'reextract');

      d = await store.patchEvent(ev!.id, { unlock: ['killed'] }, 'olena');
      assert.equal(d.event.killed, 9);
      await assert.rejects(store.patchEvent(ev!.id, { killed: -1 } as never, 'olena'), StoreInputError);
      await assert.rejects(store.patchEvent('ev_missing', { killed: 1 }, 'olena'), StoreNotFoundError);
      await assert.rejects(store.patchEvent(ev!.id, { killed: 1 }, ''), StoreInputError);
    });

    it('merges and splits events by hand, keeping every mention and the history', async () => {
      await fresh();
      await store.ingestBatch([
        item({ id: 'm1' }, [{ city: 'Kyiv', oblast: 'Kyiv', killed: 1 }]),
        item({ id: 'm2' }, [{ city: 'Kyiv', oblast: 'Kyiv', date: '2026-01-20', killed: 2 }]),
      ]);
      const [a, b] = await allEvents(store, { sort: '-date' });
      const merged = await store.mergeEvents(a!.id, b!.id, 'ivan');
      assert.equal(merged.mentions.length, 2);
      assert.equal(merged.revisions.at(-1)!.kind, 'merge');
      assert.equal((await allEvents(store)).length, 1);
      const gone = (await store.getEvent(b!.id))!;
      assert.equal(gone.event.merged_into, a!.id);
      assert.equal(gone.revisions.at(-1)!.kind, 'merged_into');
      await assert.rejects(store.mergeEvents(a!.id, b!.id, 'ivan'), StoreInputError);

      const [left, right] = await store.splitEvent(a!.id, ['m2-e0'], 'ivan');
      assert.deepEqual(left.event.mention_ids, ['m1-e0']);
      assert.deepEqual(right.event.mention_ids, ['m2-e0']);
      assert.equal(right.mentions[0]!.linked_by, 'ivan');
      assert.equal((await allEvents(store)).length, 2);
      await assert.rejects(store.splitEvent(a!.id, ['m1-e0'], 'ivan'), StoreInputError);
      await assert.rejects(store.splitEvent(a!.id, ['nope'], 'ivan'), StoreInputError);
    });

    it('re-extraction swaps a report\'s mentions: vanished ones go, new ones merge', async () => {
      await fresh();
      await store.ingestBatch([item({ id: 'x1' }, [{}, { city: 'Sumy', oblast: 'Sumy' }])]);
      assert.equal((await store.stats()).events, 2);
      await store.replaceExtraction('x1', extraction('x1', [{ killed: 1 }, {}, { city: 'Poltava', oblast: 'Poltava' }].slice(0, 1)));
      const s = await store.stats();
      assert.deepEqual([s.mentions, s.events], [1, 1]);
      const [ev] = await allEvents(store);
      assert.equal(ev!.killed, 1);
    });

    it('updates a report whose text changed (a live page), re-merging its figures', async () => {
      await fresh();
      await store.ingestBatch([item({ id: 'live', text: 'first version' }, [{ killed: 1 }])]);
      const r = await store.ingestBatch([item({ id: 'live', text: 'second version, more dead' }, [{ killed: 4 }])]);
      assert.equal(r.updated, 1);
      const [ev] = await allEvents(store);
      assert.equal(ev!.killed, 4);
      assert.equal((await store.getReport('live'))!.text, 'second version, more dead');
      assert.equal((await store.stats()).mentions, 1);
    });

    it('records rejected inputs once and counts them', async () => {
      await fresh();
      const rej = [
        { origin: { location: 'in/bad.jsonl', format: 'jsonl' as const, line: 3 }, reason: 'not JSON: Unexpected token' },
        { origin: { location: 'in/blob.bin', format: 'unknown' as const }, reason: 'binary file' },
      ];
      assert.equal(await store.recordRejections(rej), 2);
      assert.equal(await store.recordRejections(rej), 0);
      const page = await store.listRejections();
      assert.deepEqual(page.rows.map((r) => [r.location, r.line]), [['in/bad.jsonl', 3], ['in/blob.bin', null]]);
      assert.equal((await store.stats()).rejected, 2);
    });

    it('keeps feed state for the watcher', async () => {
      await fresh();
      assert.equal(await store.getFeedState('https://x/feed'), null);
      const st = { url: 'https://x/feed', seen: ['a'], etag: 'W/1', last_modified: null, last_polled_at: null, last_error: null, consecutive_errors: 0 };
      await store.putFeedState(st);
      await store.putFeedState({ ...st, seen: ['a', 'b'] });
      assert.deepEqual((await store.getFeedState('https://x/feed'))!.seen, ['a', 'b']);
    });

    it('counts by day, oblast and weapon', async () => {
      await fresh();
      await store.ingestBatch([
        item({ id: 'c1' }, [{ killed: 1, injured: 2 }]),
        item({ id: 'c2' }, [{ city: 'Lviv', oblast: 'Lviv', date: '2026-01-25', weapons: ['missile'], killed: 3 }]),
      ]);
      const s = await store.stats();
      assert.deepEqual(s.by_day, [
        { date: '2026-01-24', events: 1, killed: 1, injured: 2 },
        { date: '2026-01-25', events: 1, killed: 3, injured: 0 },
      ]);
      assert.deepEqual(s.by_oblast.map((o) => o.oblast), ['Kharkiv', 'Lviv']);
      assert.deepEqual(s.by_weapon, [
        { weapon: 'drone', events: 1 },
        { weapon: 'missile', events: 1 },
      ]);
      assert.deepEqual(s.by_status, [{ status: 'unreviewed', events: 2 }]);
    });

    it('iterates every report for re-extraction', async () => {
      await fresh();
      await store.ingestBatch([item({ id: 'i1' }), item({ id: 'i2' }), item({ id: 'i3' })]);
      const ids: string[] = [];
      for await (const r of store.iterateReports({ batchSize: 2 })) ids.push(r.id);
      assert.deepEqual(ids, ['i1', 'i2', 'i3']);
    });
  });
}
