/**
 * `ingest --queue`: reads inputs as `ingest` does, but puts the reports on the job queue for
 * `strikewatch work` instead of extracting them here. Bad inputs are recorded as rejected in the
 * store at once (they never reach a worker), with the same error lines.
 */
import type { ReadItem, ReadReport, ReadRejection } from '../ingest/types.js';
import { tallyRejection } from '../store/ingest-pipeline.js';
import type { Store } from '../store/store.js';
import type { ReportQueue } from './report-queue.js';

export interface EnqueueSummary {
  read: number;
  queued: number;
  rejected: number;
  rejected_reasons: Record<string, number>;
}

export interface EnqueueOptions {
  /** Reports per insert (default 500). */
  batchSize?: number;
  onRejected?: (line: string, r: ReadRejection) => void;
  onProgress?: (s: EnqueueSummary) => void;
}

export async function enqueueReports(queue: ReportQueue, store: Store, items: AsyncIterable<ReadItem> | Iterable<ReadItem>, options: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const size = Math.max(1, options.batchSize ?? 500);
  const summary: EnqueueSummary = { read: 0, queued: 0, rejected: 0, rejected_reasons: {} };
  const reports: ReadReport[] = [];
  const rejections: ReadRejection[] = [];
  const flush = async () => {
    if (rejections.length) await store.recordRejections(rejections.splice(0));
    if (reports.length) summary.queued += await queue.enqueue(reports.splice(0));
    options.onProgress?.(summary);
  };
  for await (const item of items) {
    summary.read++;
    if (item.kind === 'rejected') {
      const line = tallyRejection(summary, item);
      rejections.push(item);
      options.onRejected?.(line, item);
    } else reports.push(item);
    if (reports.length >= size || rejections.length >= size) await flush();
  }
  await flush();
  return summary;
}
