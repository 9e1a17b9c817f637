/**
 * A queue worker: takes a batch of jobs, runs them through the same ingest loop as `strikewatch
 * ingest` (extraction, one store transaction, rejections recorded), completes them, repeats.
 * Several workers on several machines share one queue and one PostgreSQL store; the store merges
 * one batch at a time (its ingest lock), so the events are those of a single ingest of the same
 * reports.
 */
import type { AsyncExtractor, Extract, IngestSummary } from '../store/ingest-pipeline.js';
import { emptySummary, ingestStream } from '../store/ingest-pipeline.js';
import type { Store } from '../store/store.js';
import type { ReportQueue } from './report-queue.js';

export interface WorkOptions {
  /** Jobs per batch, one store transaction each (default 100). */
  batchSize?: number;
  /** Stop when nothing is waiting (no job to take and no retry due later); default: keep polling. */
  once?: boolean;
  /** Milliseconds between polls of an empty queue (default 2000). */
  pollMs?: number;
  /** Stops the loop after the batch in hand. */
  signal?: AbortSignal;
  /** After each batch: its summary and the running total. */
  onBatch?: (batch: IngestSummary, total: IngestSummary) => void;
  onRejected?: (line: string) => void;
}

function add(total: IngestSummary, s: IngestSummary): void {
  for (const k of ['read', 'new', 'duplicate', 'near_duplicate', 'updated', 'rejected', 'events_created', 'events_updated'] as const) total[k] += s[k];
  for (const [r, n] of Object.entries(s.rejected_reasons)) total.rejected_reasons[r] = (total.rejected_reasons[r] ?? 0) + n;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

export async function workQueue(queue: ReportQueue, store: Store, extract: Extract | AsyncExtractor, options: WorkOptions = {}): Promise<IngestSummary> {
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const total = emptySummary();
  while (!options.signal?.aborted) {
    const jobs = await queue.take(batchSize);
    if (!jobs.length) {
      if (options.once && (await queue.waiting()) === 0) break;
      await sleep(options.pollMs ?? 2000, options.signal);
      continue;
    }
    const ids = jobs.map((j) => j.jobId);
    let batch: IngestSummary;
    try {
      batch = await ingestStream(
        store,
        jobs.map((j) => j.item),
        extract,
        { batchSize, onRejected: (line) => options.onRejected?.(line) },
      );
    } catch (err) {
      // The jobs go back for a retry by any worker (what part of the batch was stored before the
      // failure is found again as duplicates, never stored twice), and this worker stops: a store or
      // an extractor that failed once (a lost connection, a missing build: ExtractorUnavailableError)
      // would fail every batch and use up every job's retries.
      await queue.fail(ids, err instanceof Error ? err.message : String(err));
      throw err;
    }
    // Rejected items (bad job data, failed extraction) are done too: the store keeps them as rejected.
    await queue.complete(ids);
    add(total, batch);
    options.onBatch?.(batch, total);
  }
  return total;
}
