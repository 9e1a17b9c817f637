/**
 * The write side on both databases: the token rules (403 read-only, 401 wrong, nothing changes),
 * PATCH with revisions naming the actor, merge and split, POST /api/reports with a bad item.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import type { MergedEvent } from '../../src/domain/merged-event.js';
import { createApp } from '../../src/serve/app.js';
import type { EventDetail, Store } from '../../src/store/store.js';
import { dialectsUnderTest } from '../store/dialects.js';
import { item } from '../store/fixtures.js';
import { getJson, seed, write } from './support.js';

const dialects = await dialectsUnderTest('serve_write');
const TOKEN = 'test-token-0123456789';
const auth = (token = TOKEN, extra: Record<string, string> = {}) => ({ Authorization: `Bearer ${token}`, ...extra });

for (const d of dialects) {
  describe(`API writes on ${d.dialect}`, { skip: d.skip }, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let app: Hono<any>;
    let readOnly: Hono<any>;
    const fresh = async () => {
      if (cleanup) await cleanup();
      ({ store, cleanup } = await d.open());
      await seed(store, 10);
      app = createApp({ store, token: TOKEN, webDir: null });
      readOnly = createApp({ store, token: null, webDir: null });
    };
    before(fresh);
    after(async () => cleanup?.());

    const firstEvent = async (filter = 'oblast=Kharkiv') => (await getJson<MergedEvent[]>(app, `/api/events?limit=1&${filter}`)).body.data[0]!;
    const snapshot = async (id: string) => JSON.stringify(await store.getEvent(id));

    it('without a configured token every write is 403 and nothing changes', async () => {
      const ev = await firstEvent();
      const beforeState = await snapshot(ev.id);
      const beforeStats = await store.stats();
      const attempts: Array<[string, RequestInit]> = [
        [`/api/events/${ev.id}`, write('PATCH', { killed: 99 }, auth())],
        [`/api/events/${ev.id}/merge`, write('POST', { other: 'ev_x' }, auth())],
        [`/api/events/${ev.id}/split`, write('POST', { mention_ids: ['m'] }, auth())],
        ['/api/reports', write('POST', { id: 'ro-1', text: 'Drone hit Kharkiv.' }, auth())],
      ];
      for (const [path, init] of attempts) {
        const { status, body } = await getJson(readOnly, path, init);
        assert.equal(status, 403, path);
        assert.equal(body.error!.message, 'read-only server: set STRIKEWATCH_TOKEN');
      }
      assert.equal(await snapshot(ev.id), beforeState);
      assert.deepEqual(await store.stats(), beforeStats);
    });

    it('a missing or wrong token is 401 and the database is unchanged', async () => {
      const ev = await firstEvent();
      const beforeState = await snapshot(ev.id);
      for (const headers of [{}, auth('wrong-token'), auth(`${TOKEN}x`), { Authorization: TOKEN }, { Authorization: `Basic ${TOKEN}` }]) {
        const { status, body, res } = await getJson(app, `/api/events/${ev.id}`, write('PATCH', { killed: 99 }, headers));
        assert.equal(status, 401, JSON.stringify(headers));
        assert.equal(body.ok, false);
        assert.match(res.headers.get('www-authenticate')!, /^Bearer/);
      }
      const post = await getJson(app, '/api/reports', write('POST', { id: 'nope-1', text: 'Drone hit Kharkiv.' }, auth('bad')));
      assert.equal(post.status, 401);
      assert.equal(await snapshot(ev.id), beforeState);
      assert.equal(await store.getReport('nope-1'), null);
    });

    it('refuses writes from another origin even with the token', async () => {
      const ev = await firstEvent();
      const { status } = await getJson(app, `/api/events/${ev.id}`, write('PATCH', { killed: 99 }, auth(TOKEN, { Origin: 'https://evil.example' })));
      assert.equal(status, 403);
      const same = await getJson(app, `/api/events/${ev.id}`, write('PATCH', { notes: 'ok' }, auth(TOKEN, { Origin: 'http://localhost' })));
      assert.equal(same.status, 200);
    });

    it('PATCH with the token edits the event and records a revision with actor, before and after', async () => {
      await fresh();
      const ev = await firstEvent();
      const { status, body } = await getJson<EventDetail>(app, `/api/events/${ev.id}`, write('PATCH', { killed: 7, status: 'confirmed' }, auth(TOKEN, { 'X-Strikewatch-Actor': 'olena.k' })));
      assert.equal(status, 200);
      assert.equal(body.data.event.killed, 7);
      assert.equal(body.data.event.status, 'confirmed');
      assert.ok(body.data.event.locked_fields.includes('killed'));
      const rev = body.data.revisions.at(-1)!;
      assert.equal(rev.actor, 'olena.k');
      assert.equal(rev.kind, 'patch');
      assert.deepEqual(rev.changes.killed, { before: ev.killed, after: 7 });
      assert.deepEqual(rev.changes.status, { before: 'unreviewed', after: 'confirmed' });
      const reread = (await getJson<EventDetail>(app, `/api/events/${ev.id}`)).body.data;
      assert.equal(reread.event.killed, 7);
      // Default actor.
      const second = await getJson<EventDetail>(app, `/api/events/${ev.id}`, write('PATCH', { notes: 'checked' }, auth()));
      assert.equal(second.body.data.revisions.at(-1)!.actor, 'analyst');
    });

    it('PATCH rejects unknown keys, bad values, bad actors and unknown events, changing nothing', async () => {
      const ev = await firstEvent();
      const beforeState = await snapshot(ev.id);
      const cases: Array<[RequestInit, number]> = [
        [write('PATCH', { killd: 3 }, auth()), 400],
        [write('PATCH', { killed: -1 }, auth()), 400],
        [write('PATCH', { weapons: ['catapult'] }, auth()), 400],
        [write('PATCH', {}, auth()), 400],
        [write('PATCH', { killed: 3 }, auth(TOKEN, { 'X-Strikewatch-Actor': 'x'.repeat(65) })), 400],
        [write('PATCH', { killed: 3 }, auth(TOKEN, { 'X-Strikewatch-Actor': 'ingest' })), 400],
        [{ method: 'PATCH', headers: { ...auth(), 'Content-Type': 'application/json' }, body: '{"killed": 3' }, 400],
        [{ method: 'PATCH', headers: { ...auth(), 'Content-Type': 'text/plain' }, body: '{"killed": 3}' }, 415],
      ];
      for (const [init, code] of cases) {
        const { status, body } = await getJson(app, `/api/events/${ev.id}`, init);
        assert.equal(status, code, String(init.body));
        assert.equal(body.ok, false);
      }
      const unknownKey = await getJson(app, `/api/events/${ev.id}`, write('PATCH', { killd: 3 }, auth()));
      assert.match(JSON.stringify(unknownKey.body.error!.details), /killd/);
      assert.equal(await snapshot(ev.id), beforeState);
      const missing = await getJson(app, '/api/events/ev_does_not_exist', write('PATCH', { killed: 3 }, auth()));
      assert.equal(missing.status, 404);
    });

    it('merges one event into another and splits a mention back out', async () => {
      await fresh();
      const a = await firstEvent('city=Kharkiv');
      const b = await firstEvent('city=Odesa');
      const merged = await getJson<EventDetail>(app, `/api/events/${a.id}/merge`, write('POST', { other: b.id }, auth(TOKEN, { 'X-Strikewatch-Actor': 'reviewer' })));
      assert.equal(merged.status, 200);
      assert.equal(merged.body.data.event.id, a.id);
      assert.equal(merged.body.data.mentions.length, 2);
      assert.equal(merged.body.data.revisions.at(-1)!.kind, 'merge');
      assert.equal(merged.body.data.revisions.at(-1)!.actor, 'reviewer');
      const gone = (await getJson<EventDetail>(app, `/api/events/${b.id}`)).body.data;
      assert.equal(gone.event.merged_into, a.id);
      const listed = (await getJson<MergedEvent[]>(app, '/api/events?limit=100')).body.data.map((e) => e.id);
      assert.ok(!listed.includes(b.id));
      assert.equal((await getJson(app, `/api/events/${a.id}/merge`, write('POST', { other: a.id }, auth()))).status, 400);
      assert.equal((await getJson(app, `/api/events/${a.id}/merge`, write('POST', { other: 'ev_nope' }, auth()))).status, 404);
      assert.equal((await getJson(app, `/api/events/${a.id}/merge`, write('POST', {}, auth()))).status, 400);

      const odesaMention = merged.body.data.mentions.find((m) => m.report_id === b.report_ids[0])!.mention_id;
      const split = await getJson<[EventDetail, EventDetail]>(app, `/api/events/${a.id}/split`, write('POST', { mention_ids: [odesaMention] }, auth()));
      assert.equal(split.status, 200);
      const [original, created] = split.body.data;
      assert.equal(original.event.id, a.id);
      assert.deepEqual(original.mentions.map((m) => m.mention_id).includes(odesaMention), false);
      assert.deepEqual(created.mentions.map((m) => m.mention_id), [odesaMention]);
      assert.equal(created.revisions.at(-1)!.kind, 'split');
      assert.equal((await getJson(app, `/api/events/${a.id}/split`, write('POST', { mention_ids: ['not-there'] }, auth()))).status, 400);
      assert.equal((await getJson(app, `/api/events/${a.id}/split`, write('POST', { mention_ids: [] }, auth()))).status, 400);
    });

    it('POST /api/reports extracts and stores good items and answers bad ones per item with the field at fault', async () => {
      await fresh();
      const rejectedBefore = (await store.stats()).rejected;
      const apiStatsBefore = (await getJson<{ reports: number }>(app, '/api/stats')).body.data.reports; // now cached
      const body = [
        { id: 'api-1', text: 'A Russian drone hit a residential building in Odesa overnight, killing two people and injuring five, the regional governor said.', published: '2026-02-14', source: 'Odesa Regional Military Administration' },
        { id: 'api-2', published: '2026-02-14' },
        { id: 'api-3', text: 'Shelling of Nikopol damaged a school.', published: 'last tuesday' },
        { id: 'api-1', text: 'A Russian drone hit a residential building in Odesa overnight, killing two people and injuring five, the regional governor said.', published: '2026-02-14', source: 'Odesa Regional Military Administration' },
      ];
      const { status, body: res } = await getJson<{ received: number; new: number; rejected: number; events_created: number; items: Array<{ index: number; outcome: string; field?: string; report_id: string | null }> }>(
        app,
        '/api/reports',
        write('POST', body, auth(TOKEN, { 'X-Strikewatch-Actor': 'feeder' })),
      );
      assert.equal(status, 200);
      assert.equal(res.data.received, 4);
      assert.equal(res.data.rejected, 2);
      assert.deepEqual(res.data.items.map((i) => [i.index, i.outcome]), [[0, 'new'], [1, 'rejected'], [2, 'rejected'], [3, 'duplicate']]);
      assert.equal(res.data.items[1]!.field, 'text');
      assert.equal(res.data.items[2]!.field, 'published');
      assert.ok(res.data.events_created >= 1);
      const stored = (await getJson<{ text: string; mentions: unknown[] }>(app, '/api/reports/api-1')).body.data;
      assert.ok(stored.mentions.length >= 1);
      const odesa = (await getJson<MergedEvent[]>(app, '/api/events?city=Odesa&date_from=2026-02-13')).body.data;
      assert.equal(odesa.length, 1);
      assert.equal(odesa[0]!.killed, 2);
      assert.equal((await store.stats()).rejected, rejectedBefore + 2);
      // A write through the API drops the cached stats at once.
      assert.equal((await getJson<{ reports: number }>(app, '/api/stats')).body.data.reports, apiStatsBefore + 1);
      const rejections = (await store.listRejections()).rows;
      assert.ok(rejections.some((r) => r.field === 'text' && r.location.includes('POST /api/reports')));

      const single = await getJson<{ items: Array<{ outcome: string }> }>(app, '/api/reports', write('POST', { id: 'api-9', text: 'Missile strike on Dnipro; one injured.', published: '2026-02-15' }, auth()));
      assert.equal(single.status, 200);
      assert.equal(single.body.data.items[0]!.outcome, 'new');
      assert.equal((await getJson(app, '/api/reports', write('POST', [], auth()))).status, 400);
      const tooMany = Array.from({ length: 1001 }, (_, i) => ({ id: `m${i}`, text: 'x' }));
      assert.equal((await getJson(app, '/api/reports', write('POST', tooMany, auth()))).status, 413);
    });
  });
}
