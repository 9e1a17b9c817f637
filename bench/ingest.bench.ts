/**
 * Ingest throughput, end to end (extraction included): N synthetic reports into SQLite and into
 * PostgreSQL, reports/s and database size. N from STRIKEWATCH_BENCH_N (default 100,000).
 * Prints figures; never gates anything. PostgreSQL from STRIKEWATCH_BENCH_PG / the test URL.
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { ExtractionResult } from '../src/domain/event.js';
import type { ReportInput } from '../src/domain/report.js';
import type { ReadItem } from '../src/ingest/types.js';
import type { Extract } from '../src/store/ingest-pipeline.js';
import { ingestStream } from '../src/store/ingest-pipeline.js';
import { openStore } from '../src/store/open-store.js';

const N = Number(process.env.STRIKEWATCH_BENCH_N ?? 100_000);
/** Reports per transaction: the `ingest` command's default, so the figure is what users get. */
const BATCH = Number(process.env.STRIKEWATCH_BENCH_BATCH ?? 500);
/** `sqlite` or `postgres` to run one database only (default both, one after the other). */
const ONLY = process.env.STRIKEWATCH_BENCH_DB;
const PG_URL = process.env.STRIKEWATCH_BENCH_PG ?? process.env.STRIKEWATCH_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const CITIES: Array<[string, string]> = [
  ['Kharkiv', 'Kharkiv'], ['Kyiv', 'Kyiv'], ['Odesa', 'Odesa'], ['Dnipro', 'Dnipropetrovsk'], ['Zaporizhzhia', 'Zaporizhzhia'],
  ['Sumy', 'Sumy'], ['Kherson', 'Kherson'], ['Mykolaiv', 'Mykolaiv'], ['Lviv', 'Lviv'], ['Poltava', 'Poltava'],
];
const WEAPONS = ['drones', 'missiles', 'guided bombs', 'artillery'];
const SOURCES = ['Suspilne', 'Reuters', 'Kharkiv Regional Military Administration', 'Ukrinform', 'Local Blog'];

function rng(seed: number) {
  return () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function* reports(n: number): Generator<ReadItem> {
  const r = rng(42);
  for (let i = 0; i < n; i++) {
    const [city] = CITIES[Math.floor(r() * CITIES.length)]!;
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(r() * 365) * 86_400_000).toISOString().slice(0, 10);
    const killed = Math.floor(r() * 5);
    const injured = Math.floor(r() * 20);
    const weapon = WEAPONS[Math.floor(r() * WEAPONS.length)]!;
    const filler = Array.from({ length: 40 }, () => `w${Math.floor(r() * 1e6).toString(36)}`).join(' ');
    const text =
      `Russian ${weapon} struck ${city} overnight on ${day}, killing ${killed} people and injuring ${injured}, ` +
      `officials said. A residential building and a substation were damaged. Report ${i}. ${filler}. ` +
      `Rescuers worked through the morning; the air force said most targets were intercepted.`;
    const report: ReportInput = { id: `bench-${i}`, text, published: `${day}T09:00:00Z`, source: SOURCES[i % SOURCES.length]!, title: `Attack on ${city}` };
    yield { kind: 'report', report, origin: { location: 'bench', format: 'jsonl', line: i + 1 } };
  }
}

/** Stand-in used only while the real extractor is missing, so the store can still be measured. */
function stubExtract(rep: ReportInput): ExtractionResult {
  const m = /struck (\w+) overnight on (\d{4}-\d{2}-\d{2}), killing (\d+) people and injuring (\d+)/.exec(rep.text)!;
  const city = m[1]!;
  const oblast = CITIES.find((c) => c[0] === city)?.[1] ?? null;
  return {
    id: rep.id, lang: 'en', reference_date: m[2]!, warnings: [],
    context: { displacement: [], diplomacy: [], wider_claims: [], rhetorical: [] },
    events: [{
      id: `${rep.id}-0`, date: m[2]!, date_precision: 'day',
      location: { city, districts: [], raion: null, oblast, country: 'Ukraine', lat: null, lon: null, geo_precision: 1, katottg: null },
      event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', weapons: ['drone'], weapon_counts: {},
      killed: Number(m[3]), injured: Number(m[4]), at_least: false, hospitalized: null, children_killed: null, children_injured: null,
      facilities: [{ category: 'residential', text: 'residential building' }], utilities: [], officials: [],
      evidence: [{ field: 'date', start: m.index, end: m.index + 20, quote: rep.text.slice(m.index, m.index + 20) }], confidence: 0.8,
    }],
  };
}

async function extractor(): Promise<{ extract: Extract; real: boolean }> {
  try {
    const spec = '../src/extract/index.js';
    const mod = (await import(spec)) as { extractReport?: Extract };
    if (mod.extractReport) return { extract: mod.extractReport, real: true };
  } catch {
    // fall through
  }
  return { extract: (r) => stubExtract(r), real: false };
}

async function run(label: string, open: () => Promise<{ store: Awaited<ReturnType<typeof openStore>>; size: () => Promise<number>; done: () => Promise<void> }>, extract: Extract) {
  const { store, size, done } = await open();
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const s = await ingestStream(store, reports(N), extract, { batchSize: BATCH });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const c1 = process.cpuUsage(c0);
  // CPU seconds of this process (extraction + store client; not the PostgreSQL server's): on a
  // shared machine wall time swings with the neighbours, CPU time much less.
  const cpu = (c1.user + c1.system) / 1e6;
  const stats = await store.stats();
  await store.close();
  const bytes = await size();
  console.log(
    `${label}: ${N} reports in ${secs.toFixed(1)} s = ${Math.round(N / secs)} reports/s ` +
      `(${cpu.toFixed(1)} CPU s = ${Math.round(N / cpu)} reports per CPU second); ` +
      `new ${s.new}, events ${stats.events}, mentions ${stats.mentions}; DB ${(bytes / 2 ** 20).toFixed(1)} MiB`,
  );
  await done();
}

const { extract, real } = await extractor();
console.log(`ingest bench: N=${N}, batch ${BATCH}, extractor: ${real ? 'src/extract' : 'STUB (src/extract/index.ts not available yet)'}`);

if (ONLY !== 'postgres') {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-bench-'));
  const file = path.join(dir, 'bench.db');
  await run('sqlite', async () => ({
    store: await openStore({ path: file }),
    size: async () => [file, `${file}-wal`].filter(existsSync).reduce((n, f) => n + statSync(f).size, 0),
    done: async () => rmSync(dir, { recursive: true, force: true }),
  }), extract);
}
if (ONLY === 'sqlite') process.exit(0);

const schema = `bench_${process.pid}`;
const admin = new pg.Client({ connectionString: PG_URL });
try {
  await admin.connect();
} catch (err) {
  console.log(`postgres: skipped (${err instanceof Error ? err.message : String(err)})`);
  process.exit(0);
}
await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
await run('postgres', async () => ({
  store: await openStore({ databaseUrl: PG_URL, schema }),
  size: async () =>
    Number(
      (await admin.query(`select coalesce(sum(pg_total_relation_size(c.oid)), 0) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'r'`, [schema])).rows[0].n,
    ),
  done: async () => {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  },
}), extract);
