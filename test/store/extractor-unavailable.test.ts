/**
 * An extractor that cannot run at all (worker threads that die before their first answer) stops the
 * ingest with one error: what was read before is stored, nothing is recorded as rejected (the reports
 * are not at fault), and a rerun after the fix ingests the rest.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ReportInput } from '../../src/domain/report.js';
import { extractReport } from '../../src/extract/index.js';
import type { ReadItem } from '../../src/ingest/types.js';
import { ExtractorUnavailableError, ingestStream, type AsyncExtractor } from '../../src/store/ingest-pipeline.js';
import type { Store } from '../../src/store/store.js';
import { dialectsUnderTest } from './dialects.js';

const dialects = await dialectsUnderTest('extractor-unavailable');
const cities = ['Kharkiv', 'Odesa', 'Sumy', 'Dnipro', 'Kherson', 'Poltava'];
const reports: ReportInput[] = cities.map((c, i) => ({ id: `r${i}`, text: `Overnight a drone hit ${c}; ${i + 1} people were injured.`, published: '2026-01-10' }));

async function* items(): AsyncIterable<ReadItem> {
  for (const [i, report] of reports.entries()) yield { kind: 'report', report, origin: { location: 'test.jsonl', format: 'jsonl', line: i + 1 } };
}

/** Answers the first `good` reports, then fails the way a broken worker pool does. */
function failingAfter(good: number): AsyncExtractor {
  let n = 0;
  return {
    size: 1,
    extractAsync: async (report, o) => {
      if (n++ >= good) throw new ExtractorUnavailableError('extraction worker failed to start: exit code 1');
      return extractReport(report, o.referenceDate ? { referenceDate: o.referenceDate } : {});
    },
  };
}

for (const d of dialects) {
  describe(`an unavailable extractor on ${d.dialect}`, { skip: d.skip }, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    before(async () => ({ store, cleanup } = await d.open()));
    after(async () => cleanup?.());

    it('stops the run with one error, keeps what was stored, rejects nothing; a rerun completes', async () => {
      await assert.rejects(ingestStream(store, items(), failingAfter(3), { batchSize: 2 }), ExtractorUnavailableError);
      assert.equal((await store.listReports({ limit: 100 })).rows.length, 3);
      assert.equal((await store.listRejections()).rows.length, 0);
      const rerun = await ingestStream(store, items(), failingAfter(Infinity), { batchSize: 2 });
      assert.deepEqual([rerun.new, rerun.duplicate, rerun.rejected], [3, 3, 0]);
    });
  });
}
