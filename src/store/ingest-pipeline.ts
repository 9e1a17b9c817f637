/**
 * The ingest loop shared by `strikewatch ingest`, `watch` and the benchmark: read items → extract →
 * store in batches (one transaction each), rejections recorded, a running summary for the progress
 * bar and the final report. Readers and extractor are passed in, so this file depends on neither.
 */
import type { ExtractionResult } from '../domain/event.js';
import type { ReportInput } from '../domain/report.js';
import type { ReadItem, ReadRejection } from '../ingest/types.js';
import { describeOrigin } from '../ingest/types.js';
import type { IngestItem, Store } from './store.js';

export type Extract = (report: ReportInput, options: { referenceDate: string | null }) => ExtractionResult;

export interface IngestSummary {
  read: number;
  new: number;
  duplicate: number;
  near_duplicate: number;
  updated: number;
  rejected: number;
  /** Reason → count, for the summary line. */
  rejected_reasons: Record<string, number>;
  events_created: number;
  events_updated: number;
}

export interface IngestLoopOptions {
  batchSize?: number;
  /** Called after each stored batch with the running summary. */
  onProgress?: (s: IngestSummary) => void;
  /** Called for each rejection (the CLI prints one line per bad input). */
  onRejected?: (line: string, r: ReadRejection) => void;
}

export function emptySummary(): IngestSummary {
  return { read: 0, new: 0, duplicate: 0, near_duplicate: 0, updated: 0, rejected: 0, rejected_reasons: {}, events_created: 0, events_updated: 0 };
}

function reasonKey(reason: string): string {
  return reason.split(':')[0]!.replace(/\s+at .*$/, '').trim();
}

export async function ingestStream(store: Store, items: AsyncIterable<ReadItem> | Iterable<ReadItem>, extract: Extract, options: IngestLoopOptions = {}): Promise<IngestSummary> {
  const size = Math.max(1, options.batchSize ?? 500);
  const summary = emptySummary();
  let batch: IngestItem[] = [];
  let rejections: ReadRejection[] = [];

  const reject = (r: ReadRejection) => {
    summary.rejected++;
    const k = reasonKey(r.reason);
    summary.rejected_reasons[k] = (summary.rejected_reasons[k] ?? 0) + 1;
    rejections.push(r);
    options.onRejected?.(`${describeOrigin(r.origin, r.field)}: ${r.reason}`, r);
  };

  const flush = async () => {
    if (rejections.length) {
      await store.recordRejections(rejections);
      rejections = [];
    }
    if (!batch.length) return;
    const res = await store.ingestBatch(batch);
    batch = [];
    summary.new += res.new;
    summary.duplicate += res.duplicate;
    summary.near_duplicate += res.near_duplicate;
    summary.updated += res.updated;
    summary.events_created += res.events_created;
    summary.events_updated += res.events_updated;
    options.onProgress?.(summary);
  };

  for await (const it of items) {
    summary.read++;
    if (it.kind === 'rejected') {
      reject(it);
      continue;
    }
    let extraction: ExtractionResult;
    try {
      extraction = extract(it.report, { referenceDate: it.report.published ? it.report.published.slice(0, 10) : null });
    } catch (err) {
      // An extractor failure is that report's problem, never the batch's.
      reject({ kind: 'rejected', origin: it.origin, reason: `extraction failed: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    batch.push({ report: it.report, extraction, origin: it.origin });
    if (batch.length >= size) await flush();
  }
  await flush();
  return summary;
}
