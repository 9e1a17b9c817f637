/**
 * Extraction in worker threads changes nothing but speed: the same reports ingested with
 * extraction on the main thread, in one worker and in three end with the same reports, events,
 * mentions, rejections and rejection lines, on both databases; and a run killed halfway then
 * started again ends with the data of an uninterrupted one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ReportInput } from '../../src/domain/report.js';
import { extractReport } from '../../src/extract/index.js';
import type { ExtractPool } from '../../src/extract-worker/extract-pool.js';
import { createExtractPool } from '../../src/extract-worker/extract-pool.js';
import { readPaths } from '../../src/ingest/index.js';
import type { ReadItem } from '../../src/ingest/types.js';
import type { AsyncExtractor, Extract } from '../../src/store/ingest-pipeline.js';
import { ingestStream } from '../../src/store/ingest-pipeline.js';
import type { Store } from '../../src/store/store.js';
import { dialectsUnderTest } from './dialects.js';

const dialects = await dialectsUnderTest('parallel');

const inline: Extract = (r: ReportInput, o) => extractReport(r, o.referenceDate ? { referenceDate: o.referenceDate } : {});

async function sampleItems(): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const it of readPaths(['data/samples/news/2026-01-news.jsonl', 'data/samples/officials/2026-01-officials.jsonl', 'data/samples/wire/2026-01-sample.jsonl'], {})) out.push(it);
  const reports = out.filter((x) => x.kind === 'report');
  assert.ok(reports.length >= 20, `expected sample reports, got ${reports.length}`);
  // A reader's rejection and a report the extractor throws on, in the middle of the stream.
  const bad = { kind: 'report', report: { id: 'bad-text', text: 42 as unknown as string }, origin: { location: 'in/bad.jsonl', format: 'jsonl', line: 3 } } as ReadItem;
  out.splice(7, 0, { kind: 'rejected', origin: { location: 'in/bad.jsonl', format: 'jsonl', line: 2 }, reason: 'not JSON: Unexpected token' }, bad);
  return out;
}

/** Wall-clock stamps differ between runs: `*_at`, and `first_reported` of undated reports (ingest time). */
const CLOCK = /_at$|^first_reported$/;

/** Everything stored, minus wall-clock stamps. */
async function snapshot(store: Store): Promise<unknown> {
  const strip = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(strip) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => !CLOCK.test(k)).map(([k, x]) => [k, strip(x)])) : v;
  const events: unknown[] = [];
  for await (const e of store.streamEvents({ sort: '-date', limit: 1000 })) events.push(strip(e));
  const reports = (await store.listReports({ limit: 1000 })).rows.map(strip);
  const rejections = (await store.listRejections({ limit: 1000 })).rows.map((r) => strip(r));
  return { stats: await store.stats(), events, reports, rejections };
}

async function run(store: Store, items: ReadItem[], extract: Extract | AsyncExtractor) {
  const lines: string[] = [];
  const summary = await ingestStream(store, items, extract, { batchSize: 6, lookahead: 5, onRejected: (l) => lines.push(l) });
  return { summary, lines };
}

let items: ReadItem[] = [];
let one: ExtractPool;
let three: ExtractPool;
before(async () => {
  items = await sampleItems();
  one = createExtractPool(1);
  three = createExtractPool(3);
});
after(async () => {
  await one?.close();
  await three?.close();
});

for (const d of dialects) {
  describe(`parallel extraction on ${d.dialect}`, { skip: d.skip }, () => {
    it('stores the same data with extraction inline, in 1 worker and in 3', async () => {
      const stores = [await d.open(), await d.open(), await d.open()];
      try {
        const results = [await run(stores[0]!.store, items, inline), await run(stores[1]!.store, items, one), await run(stores[2]!.store, items, three)];
        assert.ok(results[0]!.summary.new > 0);
        assert.equal(results[0]!.summary.rejected, 2);
        assert.equal(results[0]!.lines[0], 'in/bad.jsonl:2: not JSON: Unexpected token');
        assert.match(results[0]!.lines[1]!, /^in\/bad\.jsonl:3: extraction failed: /);
        for (const r of results.slice(1)) {
          assert.deepEqual(r.summary, results[0]!.summary);
          assert.deepEqual(r.lines, results[0]!.lines);
        }
        const snaps = await Promise.all(stores.map((s) => snapshot(s.store)));
        assert.deepEqual(snaps[1], snaps[0]);
        assert.deepEqual(snaps[2], snaps[0]);
      } finally {
        for (const s of stores) await s.cleanup();
      }
    });

    it('ends a run killed halfway and started again with the data of an uninterrupted one', async () => {
      const a = await d.open();
      const b = await d.open();
      try {
        await run(a.store, items, three);
        await run(b.store, items.slice(0, Math.floor(items.length / 2)), three);
        await run(b.store, items, three);
        const [sa, sb] = [(await snapshot(a.store)) as Record<string, unknown>, (await snapshot(b.store)) as Record<string, unknown>];
        // The rerun records the reader's rejections again (they are kept per run); the data are the same.
        assert.deepEqual(sb.events, sa.events);
        assert.deepEqual(sb.reports, sa.reports);
      } finally {
        await a.cleanup();
        await b.cleanup();
      }
    });
  });
}
