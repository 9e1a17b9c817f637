/**
 * `strikewatch watch FEED_URL...`: poll RSS/Atom feeds (http(s) URLs or local files) and ingest
 * the new items as they appear. Conditional GET, per-feed exponential backoff on errors, state in
 * the database (restarts re-ingest nothing), one pino log line per poll on stderr. SIGINT/SIGTERM
 * finish the poll in progress, close the store and exit; a second signal kills at once.
 */
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import pino from 'pino';
import { stopOnSignals } from '../stop-signals.js';
import { openStore, storeOptionsFrom } from '../../store/open-store.js';
import type { FeedFetch } from '../../ingest/watch/fetch-feed.js';
import { formatInterval } from '../../ingest/watch/interval.js';
import { duration, positiveInt } from '../cli-arguments.js';
import { runWatch } from '../../ingest/watch/watch-loop.js';
import { addStoreOptions, loadPipeline } from './ingest.js';

/** What tests swap in: where the log lines go and how feeds are fetched. */
export interface WatchCommandDeps {
  logStream?: Writable;
  fetch?: FeedFetch;
}

interface WatchCliOptions {
  interval: number;
  maxBackoff: number;
  once?: boolean;
  db?: string;
  databaseUrl?: string;
  maxBytes?: number;
  batchSize?: number;
}

export function registerWatch(program: Command, deps: WatchCommandDeps = {}): void {
  addStoreOptions(
    program
      .command('watch')
      .description('poll RSS/Atom feeds and ingest their new items (conditional GET, backoff on errors, state kept in the database)')
      .argument('<feeds...>', 'feed URLs (http/https) or local feed files')
      .option('--interval <duration>', 'time between polls of a healthy feed: 30s, 5m, 1h', duration, 5 * 60_000)
      .option('--max-backoff <duration>', 'longest wait after repeated errors', duration, 60 * 60_000)
      .option('--once', 'poll every feed once and exit (status 1 if a feed failed or an item was rejected)')
      .option('--max-bytes <n>', 'reject feed items larger than this (default 5 MB)', positiveInt)
      .option('--batch-size <n>', 'reports per transaction', positiveInt),
  ).action(async (feeds: string[], opts: WatchCliOptions) => {
    const logger = pino({ name: 'strikewatch-watch', base: null }, deps.logStream ?? pino.destination({ dest: 2, sync: true }));
    const pipeline = await loadPipeline();
    const store = await openStore(storeOptionsFrom(opts));
    const stop = stopOnSignals(logger, 'the current poll');
    try {
      if (!opts.once) logger.info({ feeds: feeds.length, interval: opts.interval }, `watching ${feeds.length} feed(s) every ${formatInterval(opts.interval)}`);
      const summary = await runWatch({
        feeds,
        store,
        extract: pipeline.extract,
        intervalMs: opts.interval,
        maxBackoffMs: opts.maxBackoff,
        logger,
        signal: stop.signal,
        ...(opts.once ? { once: true } : {}),
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
        ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}),
        ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
      });
      if (opts.once && (summary.errors > 0 || summary.rejected > 0)) process.exitCode = 1;
    } finally {
      stop.dispose();
      await store.close();
    }
  });
}
