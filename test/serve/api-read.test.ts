/**
 * The read side of the HTTP API on both databases, through app.request() (no port): every route and
 * format twin, the same filters across formats, keyset paging, error envelopes, escaping.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { EventListItemSchema, toEventListItem, type EventListItem } from '../../src/domain/event-list-item.js';
import { MergedEventSchema } from '../../src/domain/merged-event.js';
import type { MergedEvent } from '../../src/domain/merged-event.js';
import { EVENT_COLUMNS } from '../../src/serve/export/event-row.js';
import { createApp } from '../../src/serve/app.js';
import type { EventDetail, Store, StoreStats, StoredReport } from '../../src/store/store.js';
import { dialectsUnderTest } from '../store/dialects.js';
import { item } from '../store/fixtures.js';
import { csvObjects, getJson, parseCsv, seed, walk } from './support.js';

const dialects = await dialectsUnderTest('serve_read');

async function text(app: Hono<any>, path: string): Promise<{ status: number; body: string; res: Response }> {
  const res = await app.request(path);
  return { status: res.status, body: await res.text(), res };
}

for (const d of dialects) {
  describe(`API reads on ${d.dialect}`, { skip: d.skip }, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let app: Hono<any>;
    before(async () => {
      ({ store, cleanup } = await d.open());
      await seed(store);
      await store.ingestBatch([
        item({ id: 'xss-1', title: '<b>bold</b>', text: 'Drone hit Kharkiv. <script>alert("x")</script> & more' }, [{ city: 'Kharkiv', oblast: 'Kharkiv', date: '2026-02-10' }]),
      ]);
      app = createApp({ store, token: null, webDir: null });
    });
    after(async () => cleanup?.());

    it('GET /api/health names the dialect and counts events', async () => {
      const { status, body } = await getJson<{ dialect: string; events: number }>(app, '/api/health');
      assert.equal(status, 200);
      assert.deepEqual(body, { ok: true, data: { dialect: d.dialect, events: 41 } });
    });

    it('GET /api/events answers one page of list items in the envelope, /api/events.json the same', async () => {
      const { status, body, res } = await getJson<EventListItem[]>(app, '/api/events?limit=5');
      assert.equal(status, 200);
      assert.match(res.headers.get('content-type')!, /^application\/json/);
      assert.equal(body.ok, true);
      assert.equal(body.data.length, 5);
      assert.equal(typeof body.next, 'string');
      for (const e of body.data) EventListItemSchema.strict().parse(e);
      const twin = await getJson<EventListItem[]>(app, '/api/events.json?limit=5');
      assert.deepEqual(twin.body, body);
    });

    it('view=full gives the whole records of the same page; a list item is its record without the per-source detail', async () => {
      const items = await getJson<EventListItem[]>(app, '/api/events?limit=5&sort=-killed');
      const full = await getJson<MergedEvent[]>(app, '/api/events?limit=5&sort=-killed&view=full');
      assert.equal(full.status, 200);
      assert.equal(full.body.next, items.body.next);
      for (const e of full.body.data) MergedEventSchema.strict().parse(e);
      assert.deepEqual(full.body.data.map(toEventListItem), items.body.data);
      const withSources = full.body.data.find((e) => e.figures.killed.sources.length > 0);
      assert.ok(withSources, 'a seeded event with a killed figure');
      assert.equal(items.body.data.find((e) => e.id === withSources.id)!.figures.killed.source_count, withSources.figures.killed.sources.length);
      assert.equal((await getJson(app, '/api/events?view=lean')).status, 400);
    });

    it('walks every event exactly once with keyset paging, in every sort order', async () => {
      const all = (await store.stats()).events;
      for (const sort of ['-date', 'date', 'killed', '-killed', 'injured', '-injured']) {
        const { rows, pages } = await walk<EventListItem>(app, `/api/events?limit=7&sort=${sort}`);
        assert.equal(rows.length, all, sort);
        assert.equal(new Set(rows.map((r) => r.id)).size, all, `${sort}: no duplicates`);
        assert.equal(pages, Math.ceil(all / 7), sort);
        const key = sort.replace('-', '') as 'date' | 'killed' | 'injured';
        const values = rows.map((r) => (key === 'date' ? r.date ?? '' : r[key] ?? -1));
        const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        assert.deepEqual(values, sort.startsWith('-') ? sorted.reverse() : sorted, `${sort} order`);
      }
    });

    it('CSV has the ACLED-then-ours header and one row per event, equal to the JSON total across pages', async () => {
      const json = await walk<EventListItem>(app, '/api/events?limit=9');
      const { status, body, res } = await text(app, '/api/events.csv');
      assert.equal(status, 200);
      assert.match(res.headers.get('content-type')!, /^text\/csv/);
      assert.match(res.headers.get('content-disposition')!, /^attachment; filename="strikewatch-events\.csv"$/);
      const rows = parseCsv(body);
      assert.deepEqual(rows[0], [...EVENT_COLUMNS]);
      assert.equal(rows.length - 1, json.rows.length);
      const objs = csvObjects(body);
      assert.deepEqual(objs.map((o) => o.event_id), json.rows.map((e) => e.id));
      const kharkiv = objs.find((o) => o.location === 'Kharkiv' && o.event_date === '2026-01-01')!;
      assert.equal(kharkiv.actor1, 'Military Forces of Russia (2000-)');
      assert.equal(kharkiv.time_precision, '1');
      assert.equal(kharkiv.admin1, 'Kharkiv');
      assert.equal(kharkiv.iso, '804');
      assert.equal(kharkiv.civilian_targeting, 'Civilian targeting'); // seed-0 damaged a residential building
      assert.equal(kharkiv.facilities, 'residential');
      assert.equal(kharkiv.weapons, 'missile');
      assert.match(kharkiv.notes!, /^On 2026-01-01, a missile attack hit Kharkiv/);
      assert.ok(!kharkiv.notes!.includes('apartment block'), 'notes are built from fields, not report text');
    });

    it('neutralises spreadsheet formulas in CSV cells', async () => {
      const objs = csvObjects((await text(app, '/api/events.csv')).body);
      const formula = objs.find((o) => o.source!.includes('SUM('))!;
      assert.equal(formula.source, "'=SUM(A1:A9)");
      const official = objs.find((o) => o.officials!.includes('Syniehubov'))!;
      assert.equal(official.officials, "'@Oleh Syniehubov (head of the regional military administration)");
      for (const o of objs) for (const v of Object.values(o)) assert.ok(!/^[=+\-@]/.test(v), `cell ${v}`);
    });

    it('GeoJSON is a FeatureCollection with [lon, lat] points and null geometry without coordinates', async () => {
      const { status, body, res } = await text(app, '/api/events.geojson');
      assert.equal(status, 200);
      assert.match(res.headers.get('content-type')!, /^application\/geo\+json/);
      assert.match(res.headers.get('content-disposition')!, /filename="strikewatch-events\.geojson"/);
      const fc = JSON.parse(body) as { type: string; features: Array<{ type: string; id: string; geometry: { type: string; coordinates: number[] } | null; properties: Record<string, unknown> }> };
      assert.equal(fc.type, 'FeatureCollection');
      assert.equal(fc.features.length, 41);
      const odesa = fc.features.find((f) => f.properties.location === 'Odesa')!;
      assert.deepEqual(odesa.geometry, { type: 'Point', coordinates: [30.7233, 46.4825] });
      const sumy = fc.features.find((f) => f.properties.location === 'Sumy')!;
      assert.equal(sumy.geometry, null);
      for (const f of fc.features) {
        assert.equal(f.type, 'Feature');
        assert.equal(f.properties.event_id, f.id);
        if (f.geometry) {
          const [lon, lat] = f.geometry.coordinates as [number, number];
          assert.ok(lon >= 22 && lon <= 41 && lat >= 44 && lat <= 53, 'Ukraine, in lon/lat order');
        }
      }
    });

    it('NDJSON has one MergedEvent per line', async () => {
      const { status, body, res } = await text(app, '/api/events.ndjson');
      assert.equal(status, 200);
      assert.match(res.headers.get('content-type')!, /^application\/x-ndjson/);
      const lines = body.split('\n');
      assert.equal(lines.pop(), '');
      assert.equal(lines.length, 41);
      for (const l of lines) MergedEventSchema.parse(JSON.parse(l));
    });

    it('applies the same filters in every format', async () => {
      const filters = [
        'oblast=Kharkiv',
        'city=odesa&weapon=drone',
        'weapon=missile&min_killed=1',
        'date_from=2026-01-03&date_to=2026-01-05&sort=killed',
        'facility=residential',
        'utility=power&status=unreviewed',
        'min_injured=4&sort=-injured',
        'q=more',
      ];
      for (const f of filters) {
        const ids = (await walk<EventListItem>(app, `/api/events?limit=3&${f}`)).rows.map((e) => e.id);
        assert.ok(ids.length > 0, `${f} matches something`);
        const csv = csvObjects((await text(app, `/api/events.csv?${f}`)).body).map((o) => o.event_id);
        const geo = (JSON.parse((await text(app, `/api/events.geojson?${f}`)).body) as { features: Array<{ id: string }> }).features.map((x) => x.id);
        const nd = (await text(app, `/api/events.ndjson?${f}`)).body.trim().split('\n').map((l) => (JSON.parse(l) as MergedEvent).id);
        assert.deepEqual(csv, ids, `${f} csv`);
        assert.deepEqual(geo, ids, `${f} geojson`);
        assert.deepEqual(nd, ids, `${f} ndjson`);
      }
      const kharkiv = (await walk<EventListItem>(app, '/api/events?oblast=Kharkiv')).rows;
      assert.equal(kharkiv.length, 9);
      assert.ok(kharkiv.every((e) => e.location.oblast === 'Kharkiv'));
    });

    it('an export with no match is still well formed', async () => {
      const q = 'city=Nowhere';
      assert.equal((await text(app, `/api/events.csv?${q}`)).body, `${EVENT_COLUMNS.join(',')}\r\n`);
      assert.deepEqual(JSON.parse((await text(app, `/api/events.geojson?${q}`)).body), { type: 'FeatureCollection', features: [] });
      assert.equal((await text(app, `/api/events.ndjson?${q}`)).body, '');
    });

    it('GET /api/events/:id(.json) gives the event with mentions, evidence and revisions', async () => {
      const first = (await getJson<MergedEvent[]>(app, '/api/events?limit=1&oblast=Odesa')).body.data[0]!;
      const { status, body } = await getJson<EventDetail>(app, `/api/events/${first.id}`);
      assert.equal(status, 200);
      assert.equal(body.data.event.id, first.id);
      assert.equal(body.data.event.merged_into, null);
      assert.equal(body.data.mentions.length, 1);
      assert.ok(Array.isArray(body.data.mentions[0]!.evidence));
      assert.ok(body.data.mentions[0]!.evidence.some((e) => e.field === 'killed'));
      assert.equal(body.data.revisions[0]!.kind, 'create');
      assert.deepEqual((await getJson(app, `/api/events/${first.id}.json`)).body, body);
    });

    it('GET /api/reports lists summaries in pages; its twins stream them all', async () => {
      const { rows } = await walk<{ id: string; mention_count: number }>(app, '/api/reports?limit=6');
      assert.equal(rows.length, 41);
      assert.equal(new Set(rows.map((r) => r.id)).size, 41);
      assert.ok(!('text' in rows[0]!), 'summaries carry no text');
      const csv = csvObjects((await text(app, '/api/reports.csv')).body);
      assert.deepEqual(csv.map((r) => r.id), rows.map((r) => r.id));
      const nd = (await text(app, '/api/reports.ndjson')).body.trim().split('\n');
      assert.equal(nd.length, 41);
      const filtered = (await walk<{ id: string }>(app, '/api/reports?source=Suspilne')).rows;
      assert.ok(filtered.length > 0 && filtered.length < 41);
      const ev = (await getJson<MergedEvent[]>(app, '/api/events?oblast=Sumy&limit=1')).body.data[0]!;
      const linked = (await getJson<Array<{ id: string }>>(app, `/api/reports?event_id=${ev.id}`)).body.data;
      assert.deepEqual(linked.map((r) => r.id), ev.report_ids);
      const searched = (await getJson<Array<{ id: string }>>(app, '/api/reports?q=more')).body.data;
      assert.deepEqual(searched.map((r) => r.id), ['xss-1']);
    });

    it('GET /api/reports/:id returns the text as escaped JSON: <script> never appears raw', async () => {
      const { status, body, text: raw, res } = await getJson<StoredReport>(app, '/api/reports/xss-1');
      assert.equal(status, 200);
      assert.match(res.headers.get('content-type')!, /^application\/json/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.ok(!raw.includes('<script>'), 'no raw markup in the body');
      assert.ok(raw.includes('\\u003cscript\\u003e'));
      assert.equal(body.data.text, 'Drone hit Kharkiv. <script>alert("x")</script> & more');
      assert.equal(body.data.title, '<b>bold</b>');
      assert.ok(Array.isArray(body.data.evidence));
      assert.deepEqual((await getJson(app, '/api/reports/xss-1.json')).body, body);
    });

    it('GET /api/stats, /api/vocabulary, /api/places', async () => {
      const stats = (await getJson<StoreStats>(app, '/api/stats')).body.data;
      assert.equal(stats.events, 41);
      assert.ok(stats.by_day.length > 0 && stats.by_oblast.length === 5 && stats.by_weapon.length > 0 && stats.by_status.length > 0);
      const voc = (await getJson<Record<string, Array<{ key: string; label: string; color: string | null }>>>(app, '/api/vocabulary')).body.data;
      assert.deepEqual(voc.weapons!.map((w) => w.key), ['drone', 'missile', 'guided_bomb', 'artillery', 'unknown']);
      assert.ok(voc.weapons!.every((w) => /^#[0-9a-f]{6}$/.test(w.color!)));
      assert.ok(voc.statuses!.some((s) => s.key === 'confirmed' && s.label && s.color));
      assert.ok(voc.facilities!.some((f) => f.key === 'residential' && f.label === 'Residential'));
      assert.ok(voc.utilities!.some((u) => u.key === 'power'));
      const places = (await getJson<Array<Record<string, unknown>>>(app, '/api/places?q=%D0%A5%D0%B0%D1%80%D0%BA%D0%BE%D0%B2%D1%96&limit=3')).body.data;
      assert.equal(places[0]!.name, 'Kharkiv');
      assert.deepEqual(Object.keys(places[0]!), ['name', 'name_uk', 'name_ru', 'oblast', 'raion', 'hromada', 'kind', 'lat', 'lon', 'katottg', 'precision']);
      assert.equal((await getJson(app, '/api/places?q=Kharkiv&oblast=Atlantis')).status, 400);
      assert.equal((await getJson(app, '/api/places')).status, 400);
    });

    it('answers errors in the envelope: 404 for unknown paths and ids, 400 with zod issues', async () => {
      for (const path of ['/api/nothing-here', '/api/events/ev_missing', '/api/reports/nope', '/api/events/ev_missing.json']) {
        const { status, body } = await getJson(app, path);
        assert.equal(status, 404, path);
        assert.deepEqual(Object.keys(body), ['ok', 'error']);
        assert.equal(body.ok, false);
        assert.equal(body.error!.status, 404);
        assert.equal(typeof body.error!.message, 'string');
      }
      const bad = await getJson(app, '/api/events?limit=5000&weapon=spoon');
      assert.equal(bad.status, 400);
      const issues = bad.body.error!.details as Array<{ path: string[] }>;
      assert.deepEqual(issues.map((i) => i.path[0]).sort(), ['limit', 'weapon']);
      for (const path of ['/api/events.csv?date_from=yesterday', '/api/events.geojson?min_killed=-1', '/api/reports?source_kind=blog', '/api/reports.csv?limit=0']) {
        const r = await getJson(app, path);
        assert.equal(r.status, 400, path);
        assert.equal(r.body.ok, false);
      }
      const cursor = await getJson(app, '/api/events?cursor=not-a-cursor');
      assert.equal(cursor.status, 400);
      assert.match(cursor.body.error!.message, /cursor/);
      assert.equal((await getJson(app, '/api/geo/oblasts.geojson')).status === 200 || (await getJson(app, '/api/geo/oblasts.geojson')).status === 404, true);
    });

    it('sets security headers everywhere and lets anyone GET (CORS)', async () => {
      for (const path of ['/api/events', '/api/nothing', '/api/events.csv']) {
        const res = await app.request(path, { headers: { Origin: 'https://notebook.example' } });
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
        assert.match(res.headers.get('content-security-policy')!, /default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'/);
        assert.ok(res.headers.get('referrer-policy'));
        assert.equal(res.headers.get('access-control-allow-origin'), '*');
      }
      const pre = await app.request('/api/events/ev_1', { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'PATCH' } });
      assert.equal(pre.status, 204);
      assert.ok(!pre.headers.get('access-control-allow-methods')!.includes('PATCH'), 'writes are not allowed cross-origin');
    });

    it('the OpenAPI document lists every registered route, with filters from the zod schemas', async () => {
      const { status, text: raw } = await getJson(app, '/api/openapi.json');
      assert.equal(status, 200);
      const doc = JSON.parse(raw) as { openapi: string; paths: Record<string, Record<string, { parameters?: Array<{ name: string }> }>> };
      assert.equal(doc.openapi, '3.1.0');
      const routes = app.routes.filter((r) => r.method !== 'ALL' && r.method !== 'OPTIONS' && r.path.startsWith('/api/') && !r.path.includes('*'));
      assert.ok(routes.length >= 20);
      for (const r of routes) {
        const path = r.path.replace(/:(\w+)/g, '{$1}');
        assert.ok(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.path} documented`);
      }
      for (const twin of ['/api/events/{id}.json', '/api/reports/{id}.json']) assert.ok(doc.paths[twin], twin);
      const params = doc.paths['/api/events']!.get!.parameters!.map((p) => p.name);
      assert.deepEqual(params.sort(), ['city', 'cursor', 'date_from', 'date_to', 'facility', 'limit', 'min_injured', 'min_killed', 'oblast', 'q', 'sort', 'status', 'utility', 'view', 'weapon']);
      const exportParams = doc.paths['/api/events.csv']!.get!.parameters!.map((p) => p.name);
      assert.ok(!exportParams.includes('view') && !exportParams.includes('cursor'), 'exports take the filters only');
    });
  });
}
