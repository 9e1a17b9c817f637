/** The ingest loop on both databases: batches, rejections kept and reported, reruns change nothing. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportInput } from '../../src/domain/report.js';
import type { ReadItem } from '../../src/ingest/types.js';
import { ingestStream } from '../../src/store/ingest-pipeline.js';
import { dialectsUnderTest } from './dialects.js';
import { extraction, textFor } from './fixtures.js';

const dialects = await dialectsUnderTest('pipeline');

/** Stands in for the extractor: one Kharkiv event per report, two for "barrage" reports. */
const extract = (r: ReportInput) => {
  if (r.text.includes('EXPLODE')) throw new Error('rule crashed');
  return extraction(r.id, r.text.includes('barrage') ? [{}, { city: 'Kyiv', oblast: 'Kyiv' }] : [{}]);
};

function items(): ReadItem[] {
  const out: ReadItem[] = [];
  for (let i = 0; i < 12; i++) {
    out.push({ kind: 'report', report: { id: `r${i}`, text: textFor(`r${i}`) + (i === 3 ? ' barrage' : ''), published: '2026-01-24' }, origin: { location: 'in/a.jsonl', format: 'jsonl', line: i + 1 } });
  }
  out.push({ kind: 'rejected', origin: { location: 'in/a.jsonl', format: 'jsonl', line: 13 }, reason: 'not JSON: Unexpected token' });
  out.push({ kind: 'rejected', origin: { location: 'in/b.bin', format: 'unknown' }, reason: 'binary file' });
  out.push({ kind: 'report', report: { id: 'boom', text: 'EXPLODE' }, origin: { location: 'in/c.txt', format: 'text' } });
  return out;
}

for (const d of dialects) {
  describe(`ingest loop on ${d.dialect}`, { skip: d.skip }, () => {
    it('stores good reports in batches, records and reports bad ones, and a rerun adds nothing', async () => {
      const { store, cleanup } = await d.open();
      try {
        const lines: string[] = [];
        const first = await ingestStream(store, items(), extract, { batchSize: 5, onRejected: (l) => lines.push(l) });
        assert.equal(first.read, 15);
        assert.equal(first.new, 12);
        assert.equal(first.rejected, 3);
        assert.deepEqual(lines, ['in/a.jsonl:13: not JSON: Unexpected token', 'in/b.bin: binary file', 'in/c.txt: extraction failed: rule crashed']);
        assert.equal(first.events_created, 2);
        const s1 = await store.stats();
        assert.deepEqual([s1.reports, s1.mentions, s1.events, s1.rejected], [12, 13, 2, 3]);

        const second = await ingestStream(store, items(), extract, { batchSize: 7 });
        assert.deepEqual([second.new, second.duplicate, second.events_created, second.events_updated], [0, 12, 0, 0]);
        const s2 = await store.stats();
        assert.deepEqual([s2.reports, s2.mentions, s2.events, s2.rejected], [12, 13, 2, 3]);
      } finally {
        await cleanup();
      }
    });

    it('ends a run interrupted after some batches with the same data as an uninterrupted one', async () => {
      const a = await d.open();
      const b = await d.open();
      try {
        const all = items();
        await ingestStream(a.store, all, extract, { batchSize: 4 });
        // The "killed" run stored only its first two batches, then started again from the top.
        await ingestStream(b.store, all.slice(0, 8), extract, { batchSize: 4 });
        await ingestStream(b.store, all, extract, { batchSize: 4 });
        const sa = await a.store.stats();
        const sb = await b.store.stats();
        assert.deepEqual({ ...sb }, { ...sa });
        const ids = async (s: typeof a.store) => {
          const out: string[] = [];
          for await (const e of s.streamEvents({ sort: '-date', limit: 100 })) out.push(`${e.id}:${e.mention_ids.length}`);
          return out;
        };
        assert.deepEqual(await ids(b.store), await ids(a.store));
      } finally {
        await a.cleanup();
        await b.cleanup();
      }
    });
  });
}
