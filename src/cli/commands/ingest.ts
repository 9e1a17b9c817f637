/**
 * `strikewatch ingest PATH|URL...`: read files, directories and URLs, extract, store, merge.
 * One error line per bad input (file, line, reason) on stderr, a progress bar for long runs, a
 * summary at the end; exit status 1 when anything was rejected.
 */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { ExtractionResult } from '../../domain/event.js';
import type { ReportInput } from '../../domain/report.js';
import type { ReadItem, ReadOptions } from '../../ingest/types.js';
import { openStore, storeOptionsFrom } from '../../store/open-store.js';
import type { Extract, IngestSummary } from '../../store/ingest-pipeline.js';
import { ingestStream } from '../../store/ingest-pipeline.js';
import { readPaths } from '../../ingest/index.js';
import { extractReport } from '../../extract/index.js';
import { createExtractPool, defaultWorkerCount } from '../../extract-worker/extract-pool.js';
import { enqueueReports } from '../../distribute/enqueue-reports.js';
import { queueDatabaseUrl, ReportQueue } from '../../distribute/report-queue.js';

/** The readers' and extractor's entry points. */
export interface Pipeline {
  readPaths(inputs: string[], options: ReadOptions): AsyncIterable<ReadItem>;
  extract: Extract;
}

export async function loadPipeline(): Promise<Pipeline> {
  return {
    readPaths,
    extract: (r: ReportInput, o: { referenceDate: string | null }): ExtractionResult => extractReport(r, o.referenceDate ? { referenceDate: o.referenceDate } : {}),
  };
}

export function addStoreOptions(cmd: Command): Command {
  return cmd
    .option('--db <file>', 'SQLite database file (default ./strikewatch.db)')
    .option('--database-url <url>', 'PostgreSQL URL (default $DATABASE_URL)');
}

/** "rejected 3 (2 not JSON, 1 empty file)". */
function formatRejected(s: Pick<IngestSummary, 'rejected' | 'rejected_reasons'>): string {
  const reasons = Object.entries(s.rejected_reasons)
    .map(([r, n]) => `${n} ${r}`)
    .join(', ');
  return `rejected ${s.rejected}${reasons ? ` (${reasons})` : ''}`;
}

export function formatSummary(s: IngestSummary): string {
  return (
    `read ${s.read}, new ${s.new}, duplicate ${s.duplicate}, near-duplicate ${s.near_duplicate}, updated ${s.updated}, ` +
    `${formatRejected(s)}; events created ${s.events_created}, updated ${s.events_updated}`
  );
}

interface IngestCliOptions {
  db?: string;
  databaseUrl?: string;
  maxBytes?: number;
  batchSize: number;
  workers?: number;
  queue?: boolean;
  json?: boolean;
}

/** `ingest --queue`: read and check the inputs here, leave extraction to the queue's workers. */
async function enqueueInputs(inputs: string[], opts: IngestCliOptions): Promise<void> {
  const url = queueDatabaseUrl(opts, 'ingest --queue');
  // The store first: its migrations are in place before any worker takes a job, and rejections go there.
  const store = await openStore({ databaseUrl: url });
  const queue = await ReportQueue.open({ databaseUrl: url });
  try {
    const summary = await enqueueReports(queue, store, readPaths(inputs, opts.maxBytes ? { maxBytes: opts.maxBytes } : {}), {
      batchSize: opts.batchSize,
      onRejected: (line) => process.stderr.write(`rejected ${line}\n`),
    });
    if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    process.stderr.write(`read ${summary.read}, queued ${summary.queued}, ${formatRejected(summary)}; \`strikewatch work\` extracts and stores them\n`);
    if (summary.rejected > 0) process.exitCode = 1;
  } finally {
    await queue.close();
    await store.close();
  }
}

export function registerIngest(program: Command): void {
  addStoreOptions(
    program
      .command('ingest')
      .description('read reports from files, directories and URLs; extract, store and merge them into events')
      .argument('<inputs...>', 'files, directories (recursively) or http(s) URLs')
      .option('--max-bytes <n>', 'reject reports larger than this (default 5 MB)', (v) => parseInt(v, 10))
      .option('--batch-size <n>', 'reports per transaction', (v) => parseInt(v, 10), 500)
      .option('--workers <n>', `extraction worker threads; 0 extracts on the main thread (default ${defaultWorkerCount()}: CPUs minus one, for the thread that reads and writes the store)`, (v) => parseInt(v, 10))
      .option('--queue', 'put the reports on the PostgreSQL job queue for `strikewatch work` instead of extracting them here')
      .option('--json', 'print the summary as JSON on stdout'),
  ).action(async (inputs: string[], opts: IngestCliOptions) => {
    if (opts.queue) return enqueueInputs(inputs, opts);
    const pipeline = await loadPipeline();
    const workers = opts.workers ?? defaultWorkerCount();
    if (!Number.isInteger(workers) || workers < 0) throw new Error(`--workers must be a whole number >= 0, not ${String(opts.workers)}`);
    const store = await openStore(storeOptionsFrom(opts));
    // Same results either way (the loop keeps input order); workers only spread extraction over cores.
    const pool = workers > 0 ? createExtractPool(workers) : null;
    const tty = !!process.stderr.isTTY;
    const bar = new cliProgress.SingleBar(
      { format: 'ingest {value} read | {new} new | {duplicate} dup | {rejected} rejected', noTTYOutput: !tty, notTTYSchedule: 5000, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    try {
      const summary = await ingestStream(store, pipeline.readPaths(inputs, opts.maxBytes ? { maxBytes: opts.maxBytes } : {}), pool ?? pipeline.extract, {
        batchSize: opts.batchSize,
        onRejected: (line) => {
          if (tty && started) bar.stop();
          started = false;
          process.stderr.write(`rejected ${line}\n`);
        },
        onProgress: (s) => {
          if (!started) {
            bar.start(0, s.read, { ...s });
            started = true;
          }
          bar.update(s.read, { ...s });
        },
      });
      if (started) bar.stop();
      if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
      process.stderr.write(`${formatSummary(summary)}\n`);
      if (summary.rejected > 0) process.exitCode = 1;
    } finally {
      if (started) bar.stop();
      await pool?.close();
      await store.close();
    }
  });
}
