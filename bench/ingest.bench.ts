/**
 * Ingest throughput, end to end (extraction included): N synthetic reports into SQLite and into
 * PostgreSQL, reports/s and database size. N from STRIKEWATCH_BENCH_N (default 100,000).
 * Prints figures; never gates anything. PostgreSQL from STRIKEWATCH_BENCH_PG / the test URL.
 *
 * The generated reports look like a real year of data, not like a few cities hammered daily: each
 * attack hits one of the 400 most populous cities of the gazetteer (Crimea and Sevastopol left out)
 * on one day of 2025, and gets 1-8 reports (mean 4.5) in English, Ukrainian or Russian from
 * different sources, so events hold a handful of mentions. (The previous generator put 100,000
 * reports on 10 cities, ~1,900 events of ~53 mentions each, which made the store's per-event rebuild
 * look far costlier than it is on real data.) STRIKEWATCH_BENCH_WORKERS sets the extraction
 * workers (default: the `ingest` command's; 0 = extract on the main thread).
 */
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { ExtractionResult } from '../src/domain/event.js';
import type { ReportInput } from '../src/domain/report.js';
import type { ReadItem } from '../src/ingest/types.js';
import type { AsyncExtractor, Extract } from '../src/store/ingest-pipeline.js';
import { ingestStream } from '../src/store/ingest-pipeline.js';
import { openStore } from '../src/store/open-store.js';
import { createExtractPool, defaultWorkerCount } from '../src/extract-worker/extract-pool.js';

const N = Number(process.env.STRIKEWATCH_BENCH_N ?? 100_000);
/** Reports per transaction: the `ingest` command's default, so the figure is what users get. */
const BATCH = Number(process.env.STRIKEWATCH_BENCH_BATCH ?? 500);
/** `sqlite` or `postgres` to run one database only (default both, one after the other). */
const ONLY = process.env.STRIKEWATCH_BENCH_DB;
const PG_URL = process.env.STRIKEWATCH_BENCH_PG ?? process.env.STRIKEWATCH_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const WORKERS = Number(process.env.STRIKEWATCH_BENCH_WORKERS ?? defaultWorkerCount());

interface City {
  en: string;
  uk: string;
  ru: string;
  oblastEn: string | null;
  oblastUk: string | null;
  oblastRu: string | null;
}

/**
 * The 400 most populous cities, read straight from the shipped gazetteer (columnar rows: katottg,
 * hromada, raion, oblast index, kind, uk, en, ru, lat, lon, coord flag, population, aliases).
 */
function loadCities(): City[] {
  const g = JSON.parse(readFileSync(new URL('../data/gazetteer/gazetteer.json', import.meta.url), 'utf8')) as {
    oblasts: Array<{ name: string; uk_adj: string | null; ru_adj: string | null }>;
    settlements: Array<[string, number, number, number, string, string, string, string | null, unknown, unknown, unknown, number]>;
  };
  return g.settlements
    .filter((s) => (s[4] === 'city' || s[4] === 'capital') && !['Crimea', 'Sevastopol'].includes(g.oblasts[s[3]]?.name ?? ''))
    .sort((a, b) => b[11] - a[11] || a[0].localeCompare(b[0]))
    .slice(0, 400)
    .map((s) => {
      const o = g.oblasts[s[3]];
      const own = s[4] === 'capital' || !o;
      return { en: s[6], uk: s[5], ru: s[7] ?? s[5], oblastEn: own ? null : o.name, oblastUk: own ? null : o.uk_adj, oblastRu: own ? null : o.ru_adj };
    });
}

const CITIES = loadCities();
const WEAPONS = [
  { en: 'drones', uk: 'дронами', ru: 'беспилотниками', id: 'drone' },
  { en: 'missiles', uk: 'ракетами', ru: 'ракетами', id: 'missile' },
  { en: 'guided bombs', uk: 'керованими авіабомбами', ru: 'управляемыми авиабомбами', id: 'guided_bomb' },
  { en: 'artillery', uk: 'артилерією', ru: 'артиллерией', id: 'artillery' },
] as const;
const SOURCES = ['Suspilne', 'Reuters', 'Regional Military Administration', 'Ukrinform', 'Local Blog', 'Ukrainska Pravda', 'Kyiv Independent', 'RBC-Ukraine'];

function rng(seed: number) {
  return () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

interface Truth {
  city: City;
  day: string;
  killed: number;
  injured: number;
  weapon: (typeof WEAPONS)[number]['id'];
}
/** What each generated report says, for the stand-in extractor. */
const truth = new Map<string, Truth>();

function textOf(lang: 'en' | 'uk' | 'ru', t: Truth, w: (typeof WEAPONS)[number], i: number, filler: string): string {
  const c = t.city;
  if (lang === 'uk') {
    return (
      `Місто ${c.uk}${c.oblastUk ? `, ${c.oblastUk} область` : ''}: уночі ворог атакував ${w.uk}. Загинули ${t.killed} людей, ще ${t.injured} поранені, ` +
      `повідомили в ОВА. Пошкоджено житловий будинок і підстанцію. Повідомлення ${i}. ${filler}. Рятувальники працювали до ранку.`
    );
  }
  if (lang === 'ru') {
    return (
      `Город ${c.ru}${c.oblastRu ? `, ${c.oblastRu} область` : ''}: ночью враг атаковал ${w.ru}. Погибли ${t.killed} человек, ещё ${t.injured} ранены, ` +
      `сообщили в ОВА. Повреждены жилой дом и подстанция. Сообщение ${i}. ${filler}. Спасатели работали до утра.`
    );
  }
  return (
    `Russian ${w.en} struck ${c.en}${c.oblastEn ? `, ${c.oblastEn} Oblast,` : ''} overnight on ${t.day}, killing ${t.killed} people and injuring ${t.injured}, ` +
    `officials said. A residential building and a substation were damaged. Report ${i}. ${filler}. ` +
    `Rescuers worked through the morning; the air force said most targets were intercepted.`
  );
}

function* reports(n: number): Generator<ReadItem> {
  const r = rng(42);
  let i = 0;
  while (i < n) {
    // One attack: a city, a day, a weapon, a toll; then its 1-8 reports.
    const city = CITIES[Math.floor(r() * CITIES.length)]!;
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(r() * 365) * 86_400_000).toISOString().slice(0, 10);
    const w = WEAPONS[Math.floor(r() * WEAPONS.length)]!;
    const t: Truth = { city, day, killed: Math.floor(r() * 5), injured: Math.floor(r() * 20), weapon: w.id };
    const k = 1 + Math.floor(r() * 8);
    for (let j = 0; j < k && i < n; j++, i++) {
      const x = r();
      const lang = x < 0.5 ? 'en' : x < 0.8 ? 'uk' : 'ru';
      const filler = Array.from({ length: 40 }, () => `w${Math.floor(r() * 1e6).toString(36)}`).join(' ');
      const report: ReportInput = { id: `bench-${i}`, text: textOf(lang, t, w, i, filler), published: `${day}T09:00:00Z`, source: SOURCES[(i + j) % SOURCES.length]!, title: `Attack on ${city.en}` };
      truth.set(report.id, t);
      yield { kind: 'report', report, origin: { location: 'bench', format: 'jsonl', line: i + 1 } };
    }
  }
}

/** Stand-in used only while the real extractor is missing, so the store can still be measured. */
function stubExtract(rep: ReportInput): ExtractionResult {
  const t = truth.get(rep.id)!;
  const at = Math.max(0, rep.text.indexOf(t.city.en));
  return {
    id: rep.id, lang: 'en', reference_date: t.day, warnings: [],
    context: { displacement: [], diplomacy: [], wider_claims: [], rhetorical: [] },
    events: [{
      id: `${rep.id}-0`, date: t.day, date_precision: 'day',
      location: { city: t.city.en, districts: [], raion: null, oblast: t.city.oblastEn ?? t.city.en, country: 'Ukraine', lat: null, lon: null, geo_precision: 1, katottg: null },
      event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', weapons: [t.weapon], weapon_counts: {},
      killed: t.killed, injured: t.injured, at_least: false, hospitalized: null, children_killed: null, children_injured: null,
      facilities: [{ category: 'residential', text: 'residential building' }], utilities: [], officials: [],
      evidence: [{ field: 'date', start: at, end: at + 20, quote: rep.text.slice(at, at + 20) }], confidence: 0.8,
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

async function run(label: string, open: () => Promise<{ store: Awaited<ReturnType<typeof openStore>>; size: () => Promise<number>; done: () => Promise<void> }>, extract: Extract | AsyncExtractor) {
  const { store, size, done } = await open();
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const s = await ingestStream(store, reports(N), extract, { batchSize: BATCH });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const c1 = process.cpuUsage(c0);
  // CPU seconds of this process, worker threads included (extraction + store client; not the
  // PostgreSQL server's): on a shared machine wall time swings with the neighbours, CPU time much less.
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

const { extract: inline, real } = await extractor();
const pool = real && WORKERS > 0 ? createExtractPool(WORKERS) : null;
const extract: Extract | AsyncExtractor = pool ?? inline;
console.log(
  `ingest bench: N=${N}, batch ${BATCH}, extractor: ${real ? 'src/extract' : 'STUB (src/extract/index.ts not available yet)'}, ` +
    `${pool ? `${pool.size} worker thread(s)` : 'main thread'}; ${CITIES.length} cities, 365 days, 1-8 reports per attack, en/uk/ru`,
);

if (ONLY !== 'postgres') {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-bench-'));
  const file = path.join(dir, 'bench.db');
  await run('sqlite', async () => ({
    store: await openStore({ path: file }),
    size: async () => [file, `${file}-wal`].filter(existsSync).reduce((n, f) => n + statSync(f).size, 0),
    done: async () => rmSync(dir, { recursive: true, force: true }),
  }), extract);
}
if (ONLY === 'sqlite') {
  await pool?.close();
  process.exit(0);
}

const schema = `bench_${process.pid}`;
const admin = new pg.Client({ connectionString: PG_URL });
try {
  await admin.connect();
} catch (err) {
  console.log(`postgres: skipped (${err instanceof Error ? err.message : String(err)})`);
  await pool?.close();
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
await pool?.close();
