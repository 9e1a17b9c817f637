/**
 * API benchmark: a SQLite database of STRIKEWATCH_BENCH_EVENTS events (default 1,000,000; also
 * `--events N`), built once through the store's Kysely layer and cached under bench/out/, served by
 * @hono/node-server on 127.0.0.1 (ephemeral port). Measures, over real loopback HTTP:
 *   - p50/p99 latency of a filtered 100-row page, sequential requests (light load):
 *     /api/events?oblast=X&limit=100, the same with a 30-day date range, and the second page;
 *   - requests/s at 50 concurrent connections for ~10 s (STRIKEWATCH_BENCH_SECONDS), own bounded loop;
 *   - the same pages straight from store.listEvents, to tell database time from HTTP time.
 * The server runs in a child process (this file with --serve), so the load generator does not
 * share its event loop. Prints figures; never gates. Client and server share the machine's cores.
 */
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { toEventListItem } from '../src/domain/event-list-item.js';
import { EventQuerySchema } from '../src/domain/event-query.js';
import type { MergedEvent } from '../src/domain/merged-event.js';
import type { Weapon } from '../src/domain/vocabulary.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { createApp } from '../src/serve/app.js';
import { openStore } from '../src/store/open-store.js';
import type { Database } from '../src/store/schema.js';
import { createSqliteBackend } from '../src/store/sqlite/sqlite-backend.js';
import type { IngestItem } from '../src/store/store.js';

const argIndex = process.argv.indexOf('--events');
const N = Number(argIndex > 0 ? process.argv[argIndex + 1] : (process.env.STRIKEWATCH_BENCH_EVENTS ?? 1_000_000));
const SECONDS = Number(process.env.STRIKEWATCH_BENCH_SECONDS ?? 10);
const SEQUENTIAL = 1000;
const CONCURRENCY = 50;
const OUT = path.join(PACKAGE_ROOT, 'bench', 'out');
const DB = path.join(OUT, `api-${N}.db`);

/** Oblast centres: 24 oblasts + Kyiv city, so an oblast filter selects ~4% of the rows. */
const PLACES: Array<[city: string, oblast: string, lat: number, lon: number]> = [
  ['Kharkiv', 'Kharkiv', 49.9935, 36.2304], ['Kyiv', 'Kyiv', 50.4501, 30.5234], ['Odesa', 'Odesa', 46.4825, 30.7233],
  ['Dnipro', 'Dnipropetrovsk', 48.4647, 35.0462], ['Zaporizhzhia', 'Zaporizhzhia', 47.8388, 35.1396], ['Sumy', 'Sumy', 50.9077, 34.7981],
  ['Kherson', 'Kherson', 46.6354, 32.6169], ['Mykolaiv', 'Mykolaiv', 46.975, 31.9946], ['Lviv', 'Lviv', 49.8397, 24.0297],
  ['Poltava', 'Poltava', 49.5883, 34.5514], ['Chernihiv', 'Chernihiv', 51.4982, 31.2893], ['Kramatorsk', 'Donetsk', 48.7389, 37.5848],
  ['Kropyvnytskyi', 'Kirovohrad', 48.5079, 32.2623], ['Vinnytsia', 'Vinnytsia', 49.2331, 28.4682], ['Zhytomyr', 'Zhytomyr', 50.2547, 28.6587],
  ['Cherkasy', 'Cherkasy', 49.4444, 32.0598], ['Khmelnytskyi', 'Khmelnytskyi', 49.4229, 26.9871], ['Rivne', 'Rivne', 50.6199, 26.2516],
  ['Lutsk', 'Volyn', 50.7472, 25.3254], ['Ternopil', 'Ternopil', 49.5535, 25.5948], ['Ivano-Frankivsk', 'Ivano-Frankivsk', 48.9226, 24.7111],
  ['Uzhhorod', 'Zakarpattia', 48.6208, 22.2879], ['Chernivtsi', 'Chernivtsi', 48.2915, 25.9403], ['Bila Tserkva', 'Kyiv', 49.7968, 30.1311],
  ['Sievierodonetsk', 'Luhansk', 48.9482, 38.4917],
];
const WEAPON_KEYS: Weapon[] = ['drone', 'missile', 'guided_bomb', 'artillery', 'unknown'];
const FIRST_DAY = Date.UTC(2022, 1, 24);
const DAYS = 1440;

function rng(seed: number) {
  return () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const dayOf = (i: number) => new Date(FIRST_DAY + i * 86_400_000).toISOString().slice(0, 10);

/** One real MergedEvent, made by the store itself, to clone: rows then look exactly like ingested ones. */
async function templateEvent(): Promise<MergedEvent> {
  const store = await openStore({ path: ':memory:' });
  try {
    const item: IngestItem = {
      report: { id: 'template', text: 'Drone attack on Kharkiv: two killed, five injured.', published: '2024-01-01T08:00:00Z', source: 'Suspilne' },
      extraction: {
        id: 'template', lang: 'en', reference_date: '2024-01-01', warnings: [],
        context: { displacement: [], diplomacy: [], wider_claims: [], rhetorical: [] },
        events: [{
          id: 'template-e0', date: '2024-01-01', date_precision: 'day',
          location: { city: 'Kharkiv', districts: [], raion: null, oblast: 'Kharkiv', country: 'Ukraine', lat: 49.9935, lon: 36.2304, geo_precision: 1, katottg: null },
          event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', weapons: ['drone'], weapon_counts: {},
          killed: 2, injured: 5, at_least: false, hospitalized: null, children_killed: null, children_injured: null,
          facilities: [{ category: 'residential', text: 'apartment block' }], utilities: [], officials: [{ name: 'Ihor Terekhov', role: 'mayor of Kharkiv' }],
          evidence: [{ field: 'killed', start: 18, end: 28, quote: 'two killed' }, { field: 'injured', start: 30, end: 43, quote: 'five injured' }],
          confidence: 0.9,
        }],
      },
    };
    await store.ingestBatch([item]);
    return (await store.listEvents(EventQuerySchema.parse({}))).rows[0]!;
  } finally {
    await store.close();
  }
}

async function buildDatabase(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const tmp = `${DB}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  await (await openStore({ path: tmp })).close(); // schema via the migrations
  const template = await templateEvent();
  const backend = createSqliteBackend(tmp);
  const db = backend.db;
  const r = rng(7);
  const t0 = performance.now();
  const now = new Date().toISOString();
  const ROWS_PER_INSERT = Math.floor(backend.maxParams / 20);
  const ROWS_PER_TXN = 50_000;
  for (let start = 0; start < N; start += ROWS_PER_TXN) {
    const end = Math.min(N, start + ROWS_PER_TXN);
    await db.transaction().execute(async (trx) => {
      let events: Database['events'][] = [];
      let tags: Database['event_tags'][] = [];
      for (let i = start; i < end; i++) {
        // Rows in date order (ids too), so index inserts mostly append: a bulk load, not random writes.
        const date = dayOf(Math.floor((i * DAYS) / N));
        const [city, oblast, lat, lon] = PLACES[Math.floor(r() * PLACES.length)]!;
        const killed = r() < 0.7 ? 0 : Math.floor(r() * 8);
        const injured = Math.floor(r() * r() * 30);
        const weapon = WEAPON_KEYS[Math.floor(r() * WEAPON_KEYS.length)]!;
        const id = `ev_${i.toString(16).padStart(16, '0')}`;
        const fig = (v: number) => ({ ...template.figures.killed, low: v, best: v, high: v });
        const e: MergedEvent = {
          ...template,
          id,
          date,
          location: { ...template.location, city, oblast, lat: lat + (r() - 0.5) * 0.1, lon: lon + (r() - 0.5) * 0.1 },
          weapons: [weapon],
          killed,
          injured,
          figures: { ...template.figures, killed: fig(killed), injured: fig(injured) },
        };
        events.push({
          id, place_key: `c:${oblast.toLowerCase()}|${city.toLowerCase()}`, date, sort_date: date, sort_killed: killed, sort_injured: injured,
          city, city_key: city.toLowerCase(), oblast, oblast_key: oblast.toLowerCase(), status: 'unreviewed', killed, injured,
          data: JSON.stringify(e), list_item: JSON.stringify(toEventListItem(e)), overrides: '{}', notes: null, merged_into: null, created_at: now, updated_at: now,
        });
        tags.push({ event_id: id, kind: 'weapon', value: weapon });
        if (events.length >= ROWS_PER_INSERT) {
          await trx.insertInto('events').values(events).execute();
          await trx.insertInto('event_tags').values(tags).execute();
          events = [];
          tags = [];
        }
      }
      if (events.length) {
        await trx.insertInto('events').values(events).execute();
        await trx.insertInto('event_tags').values(tags).execute();
      }
    });
    const s = (performance.now() - t0) / 1000;
    process.stdout.write(`\r  built ${end.toLocaleString('en')} / ${N.toLocaleString('en')} events (${Math.round(end / s).toLocaleString('en')} rows/s)`);
  }
  await backend.destroy();
  process.stdout.write('\n');
  renameSync(tmp, DB); // only a finished database is ever reused
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
function summary(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(2)} ms, p90 ${percentile(s, 90).toFixed(2)} ms, p99 ${percentile(s, 99).toFixed(2)} ms, max ${s[s.length - 1]!.toFixed(2)} ms (n=${s.length})`;
}

const r = rng(99);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
const oblasts = [...new Set(PLACES.map((p) => p[1]))];
function windowQuery(): string {
  const from = Math.floor(r() * (DAYS - 30));
  return `date_from=${dayOf(from)}&date_to=${dayOf(from + 29)}`;
}
const scenarios: Array<[string, () => string]> = [
  ['oblast, newest 100', () => `/api/events?oblast=${encodeURIComponent(pick(oblasts))}&limit=100`],
  ['oblast + 30-day range', () => `/api/events?oblast=${encodeURIComponent(pick(oblasts))}&${windowQuery()}&limit=100`],
  ['oblast + weapon', () => `/api/events?oblast=${encodeURIComponent(pick(oblasts))}&weapon=${pick(WEAPON_KEYS)}&limit=100`],
];

async function timed(url: string): Promise<{ ms: number; bytes: number; status: number; next: string | null }> {
  const t = performance.now();
  const res = await fetch(url);
  const body = await res.text();
  const ms = performance.now() - t;
  const next = res.status === 200 ? ((JSON.parse(body) as { next: string | null }).next ?? null) : null;
  return { ms, bytes: body.length, status: res.status, next };
}

async function main(): Promise<void> {
  console.log(`api bench: ${N.toLocaleString('en')} events, SQLite, ${DB}`);
  if (!existsSync(DB)) {
    const t = performance.now();
    await buildDatabase();
    console.log(`  database built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } else console.log('  reusing the cached database (delete it to rebuild)');
  const tOpen = performance.now();
  const store = await openStore({ path: DB }); // applies any newer migration (e.g. an index) once
  console.log(`  opened (migrations applied) in ${((performance.now() - tOpen) / 1000).toFixed(1)} s; file ${(statSync(DB).size / 2 ** 20).toFixed(0)} MiB`);

  // Database only (no HTTP): the floor under the HTTP figures.
  for (const [name, make] of scenarios) {
    const ms: number[] = [];
    for (let i = 0; i < 300; i++) {
      const q = EventQuerySchema.parse(Object.fromEntries(new URLSearchParams(make().split('?')[1])));
      const t = performance.now();
      await store.listEvents(q);
      ms.push(performance.now() - t);
    }
    console.log(`  store.listEvents  ${name.padEnd(24)} ${summary(ms.slice(50))}`);
  }

  await store.close();

  const server = fork(process.argv[1]!, ['--serve', DB], { execArgv: process.execArgv, stdio: 'inherit' });
  const port: number = await new Promise((resolve, reject) => {
    server.once('message', (m) => resolve((m as { port: number }).port));
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;

  for (let i = 0; i < 200; i++) await timed(base + pick(scenarios)[1]()); // warm-up
  for (const [name, make] of scenarios) {
    const ms: number[] = [];
    let bytes = 0;
    for (let i = 0; i < SEQUENTIAL; i++) {
      const res = await timed(base + make());
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      ms.push(res.ms);
      bytes += res.bytes;
    }
    console.log(`  HTTP sequential   ${name.padEnd(24)} ${summary(ms)}; ${(bytes / SEQUENTIAL / 1024).toFixed(1)} KiB/page`);
  }
  {
    // Second pages: keyset cursors should cost the same as first pages.
    const ms: number[] = [];
    for (let i = 0; i < SEQUENTIAL / 2; i++) {
      const url = `${base}/api/events?oblast=${encodeURIComponent(pick(oblasts))}&limit=100`;
      const first = await timed(url);
      if (first.next) ms.push((await timed(`${url}&cursor=${encodeURIComponent(first.next)}`)).ms);
    }
    console.log(`  HTTP sequential   ${'page 2 (cursor)'.padEnd(24)} ${summary(ms)}`);
  }

  // Throughput: CONCURRENCY workers, each with its own request in flight, for SECONDS.
  const deadline = performance.now() + SECONDS * 1000;
  const lat: number[] = [];
  let errors = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      try {
        const res = await timed(base + scenarios[0]![1]());
        if (res.status === 200) lat.push(res.ms);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const secs = (performance.now() - t0) / 1000;
  console.log(`  HTTP ${CONCURRENCY} concurrent  ${'oblast, newest 100'.padEnd(24)} ${(lat.length / secs).toFixed(0)} req/s over ${secs.toFixed(1)} s, errors ${errors}; ${summary(lat)}`);


  // Streaming export: every Kharkiv event as CSV (about 1/25 of the rows).
  {
    const t = performance.now();
    const res = await fetch(`${base}/api/events.csv?oblast=Kharkiv`);
    let bytes = 0;
    let rows = -1; // header
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (const b of value) if (b === 10) rows++;
    }
    const s = (performance.now() - t) / 1000;
    console.log(`  HTTP export       ${'events.csv?oblast=Kharkiv'.padEnd(24)} ${rows.toLocaleString('en')} rows, ${(bytes / 2 ** 20).toFixed(1)} MiB in ${s.toFixed(2)} s (${Math.round(rows / s).toLocaleString('en')} rows/s)`);
  }
  for (const p of ['/api/stats', '/api/health']) {
    const res = await timed(base + p);
    console.log(`  HTTP once         ${p.padEnd(24)} ${res.ms.toFixed(0)} ms`);
  }

  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
}

/** The child: the API over the cached database on an ephemeral loopback port. */
async function serveChild(db: string): Promise<void> {
  const store = await openStore({ path: db });
  const app = createApp({ store, token: null, webDir: null });
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => process.send!({ port: info.port }));
  process.once('SIGTERM', () => server.close(() => void store.close().then(() => process.exit(0))));
}

const serveIndex = process.argv.indexOf('--serve');
if (serveIndex > 0) await serveChild(process.argv[serveIndex + 1]!);
else await main();
