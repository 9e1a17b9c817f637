/**
 * `strikewatch work --database-url URL`: one worker of a distributed ingest. Takes batches of
 * reports that `ingest --queue` put on the PostgreSQL job queue, extracts them (worker threads, as
 * `ingest`) and stores them; run it on as many machines as extraction needs. One pino log line per
 * batch on stderr; SIGINT/SIGTERM finish the batch in hand and exit. `--status` prints the queue's
 * jobs by state.
 */
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import pino from 'pino';
import { stopOnSignals } from '../stop-signals.js';
import { queueDatabaseUrl, ReportQueue } from '../../distribute/report-queue.js';
import { workQueue } from '../../distribute/work-queue.js';
import { createExtractPool, defaultWorkerCount } from '../../extract-worker/extract-pool.js';
import { openStore, storeOptionsFrom } from '../../store/open-store.js';
import { duration, positiveInt } from '../cli-arguments.js';
import { addStoreOptions, formatSummary, loadPipeline } from './ingest.js';

export interface WorkCommandDeps {
  logStream?: Writable;
}

interface WorkCliOptions {
  db?: string;
  databaseUrl?: string;
  batchSize: number;
  workers?: number;
  once?: boolean;
  poll: number;
  status?: boolean;
  json?: boolean;
}

export function registerWork(program: Command, deps: WorkCommandDeps = {}): void {
  addStoreOptions(
    program
      .command('work')
      .description('take reports off the PostgreSQL job queue (filled by `ingest --queue`), extract and store them; run one per machine')
      .option('--batch-size <n>', 'reports per batch (one transaction)', positiveInt, 100)
      .option('--workers <n>', `extraction worker threads; 0 extracts on the main thread (default ${defaultWorkerCount()})`, (v) => parseInt(v, 10))
      .option('--once', 'exit when the queue is empty instead of waiting for more')
      .option('--poll <duration>', 'time between looks at an empty queue', duration, 2000)
      .option('--status', 'print the jobs by state as JSON and exit')
      .option('--json', 'print the final summary as JSON on stdout'),
  ).action(async (opts: WorkCliOptions) => {
    const url = queueDatabaseUrl(opts, 'work');
    const queue = await ReportQueue.open({ databaseUrl: url });
    if (opts.status) {
      try {
        process.stdout.write(`${JSON.stringify({ ...(await queue.counts()), waiting: await queue.waiting() })}\n`);
      } finally {
        await queue.close();
      }
      return;
    }
    const workers = opts.workers ?? defaultWorkerCount();
    if (!Number.isInteger(workers) || workers < 0) throw new Error(`--workers must be a whole number >= 0, not ${String(opts.workers)}`);
    const logger = pino({ name: 'strikewatch-work', base: null }, deps.logStream ?? pino.destination({ dest: 2, sync: true }));
    const store = await openStore(storeOptionsFrom(opts));
    const pool = workers > 0 ? createExtractPool(workers) : null;
    const stop = stopOnSignals(logger, 'the batch in hand');
    try {
      const total = await workQueue(queue, store, pool ?? (await loadPipeline()).extract, {
        batchSize: opts.batchSize,
        pollMs: opts.poll,
        signal: stop.signal,
        ...(opts.once ? { once: true } : {}),
        onRejected: (line) => logger.warn(`rejected ${line}`),
        onBatch: (b, t) => logger.info({ batch: b, total_read: t.read }, `batch of ${b.read}: ${formatSummary(b)}`),
      });
      if (opts.json) process.stdout.write(`${JSON.stringify(total)}\n`);
      process.stderr.write(`${formatSummary(total)}\n`);
      if (total.rejected > 0) process.exitCode = 1;
    } finally {
      stop.dispose();
      await pool?.close();
      await queue.close();
      await store.close();
    }
  });
}
