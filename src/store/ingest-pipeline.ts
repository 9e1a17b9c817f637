/**
 * The ingest loop shared by `strikewatch ingest`, `watch` and the benchmark: read items → extract →
 * store in batches (one transaction each), rejections recorded, a running summary for the progress
 * bar and the final report. Readers and extractor are passed in, so this file depends on neither.
 */
import type { ExtractionResult } from '../domain/event.js';
import type { ReportInput } from '../domain/report.js';
import type { ReadItem, ReadRejection } from '../ingest/types.js';
import { formatRejection } from '../ingest/types.js';
import type { IngestItem, Store } from './store.js';

export type Extract = (report: ReportInput, options: { referenceDate: string | null }) => ExtractionResult;

/** An extractor running elsewhere (a worker-thread pool): `size` requests can run at once. */
export interface AsyncExtractor {
  readonly size: number;
  extractAsync(report: ReportInput, options: { referenceDate: string | null }): Promise<ExtractionResult>;
}

/**
 * Thrown by an AsyncExtractor that cannot extract anything (its workers die before their first
 * answer: a missing build, a module that fails to load). Not a bad report: the run stops with this
 * one error after storing what it had, instead of recording every later report as rejected.
 */
export class ExtractorUnavailableError extends Error {
  override readonly name = 'ExtractorUnavailableError';
}

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
  /** Reports sent to an AsyncExtractor ahead of the one being stored (default max(256, 64 × size)). */
  lookahead?: number;
}

/** A read item with its extraction done (or failed), in input order. */
type Extracted = { item: ReadRejection } | { item: ReadItem & { kind: 'report' }; extraction: ExtractionResult } | { item: ReadItem & { kind: 'report' }; error: unknown };

function referenceOf(r: ReportInput): { referenceDate: string | null } {
  return { referenceDate: r.published ? r.published.slice(0, 10) : null };
}

async function* extractInline(items: AsyncIterable<ReadItem> | Iterable<ReadItem>, extract: Extract): AsyncGenerator<Extracted> {
  for await (const item of items) {
    if (item.kind === 'rejected') {
      yield { item };
      continue;
    }
    let extraction: ExtractionResult;
    try {
      extraction = extract(item.report, referenceOf(item.report));
    } catch (error) {
      yield { item, error };
      continue;
    }
    yield { item, extraction };
  }
}

/**
 * Keeps up to `window` reports in flight in the pool and hands results back in input order, so
 * batches, rejection lines and merge order are exactly those of the inline path. Extraction runs on
 * while the loop writes a batch, since the window was filled before the write began.
 */
async function* extractAhead(items: AsyncIterable<ReadItem> | Iterable<ReadItem>, pool: AsyncExtractor, window: number): AsyncGenerator<Extracted> {
  // Results are handed on only once the window is full (or the input ends), not as soon as they
  // are done: the queue then stays deep while the loop writes a batch, so the workers never idle.
  const queue: Array<Promise<Extracted>> = [];
  for await (const item of items) {
    if (item.kind === 'rejected') queue.push(Promise.resolve({ item }));
    else {
      // Settled here, so a failure waiting in the queue is never an unhandled rejection.
      queue.push(pool.extractAsync(item.report, referenceOf(item.report)).then((extraction) => ({ item, extraction }), (error: unknown) => ({ item, error })));
    }
    if (queue.length >= window) yield await queue.shift()!;
  }
  for (const head of queue.splice(0)) yield await head;
}

export function emptySummary(): IngestSummary {
  return { read: 0, new: 0, duplicate: 0, near_duplicate: 0, updated: 0, rejected: 0, rejected_reasons: {}, events_created: 0, events_updated: 0 };
}

/** The kind of a rejection reason, for the summary's counts: "invalid UTF-8 at byte 9" → "invalid UTF-8". */
function reasonKey(reason: string): string {
  return reason.split(':')[0]!.replace(/\s+at .*$/, '').trim();
}

/** Counts a rejection in a run's summary (in all and by reason); returns its error line (file, line, field, reason). */
export function tallyRejection(summary: Pick<IngestSummary, 'rejected' | 'rejected_reasons'>, r: ReadRejection): string {
  summary.rejected++;
  const k = reasonKey(r.reason);
  summary.rejected_reasons[k] = (summary.rejected_reasons[k] ?? 0) + 1;
  return formatRejection(r);
}

export async function ingestStream(
  store: Store,
  items: AsyncIterable<ReadItem> | Iterable<ReadItem>,
  extract: Extract | AsyncExtractor,
  options: IngestLoopOptions = {},
): Promise<IngestSummary> {
  const size = Math.max(1, options.batchSize ?? 500);
  const summary = emptySummary();
  let batch: IngestItem[] = [];
  let rejections: ReadRejection[] = [];

  const reject = (r: ReadRejection) => {
    const line = tallyRejection(summary, r);
    rejections.push(r);
    options.onRejected?.(line, r);
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

  const done =
    typeof extract === 'function' ? extractInline(items, extract) : extractAhead(items, extract, Math.max(1, options.lookahead ?? Math.max(256, 64 * extract.size)));
  for await (const x of done) {
    summary.read++;
    const it = x.item;
    if (it.kind === 'rejected') {
      reject(it);
      continue;
    }
    if ('error' in x) {
      const err = x.error;
      if (err instanceof ExtractorUnavailableError) {
        await flush();
        throw err;
      }
      // An extractor failure is that report's problem, never the batch's.
      reject({ kind: 'rejected', origin: it.origin, reason: `extraction failed: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    if (!('extraction' in x)) continue;
    batch.push({ report: it.report, extraction: x.extraction, origin: it.origin });
    if (batch.length >= size) await flush();
  }
  await flush();
  return summary;
}
