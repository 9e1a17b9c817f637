/**
 * The polling loop behind `strikewatch watch`: every feed on its own schedule (the interval when
 * healthy, exponential backoff after errors), polled one at a time so ingest batches never overlap.
 * Time and waiting are injected (`now`, `sleep`), so tests drive the loop without real timers.
 * Stopping (the signal) lets the poll in progress finish its batch, then the loop returns; closing
 * the store is the caller's job.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import { nextDelay } from './backoff.js';
import type { PollDeps, PollResult } from './poll-feed.js';
import { pollFeed } from './poll-feed.js';

export type WatchLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface WatchOptions extends Omit<PollDeps, 'now' | 'onRejected'> {
  feeds: string[];
  intervalMs: number;
  maxBackoffMs: number;
  /** Poll every feed once, then return (cron, tests). */
  once?: boolean;
  logger: WatchLogger;
  now?: () => number;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Called after each poll, with when that feed is due again (ms). */
  onPoll?: (r: PollResult, nextAt: number) => void;
}

export interface WatchSummary {
  polls: number;
  errors: number;
  new: number;
  duplicate: number;
  rejected: number;
}

// setTimeout fires at once for delays beyond a signed 32-bit int: wait in slices instead.
const MAX_TIMER_MS = 2 ** 31 - 1;

export async function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return;
  await delay(Math.min(ms, MAX_TIMER_MS), undefined, signal ? { signal } : {}).catch((e: unknown) => {
    if ((e as Error).name !== 'AbortError') throw e;
  });
}

export function describePoll(r: PollResult, nextAt: number): string {
  const next = `next poll ${new Date(nextAt).toISOString()}`;
  if (r.status === 'not_modified') return `${r.feed}: not modified; ${next}`;
  if (r.status === 'error') return `${r.feed}: ${r.error} (${r.state.consecutive_errors} in a row); ${next}`;
  return `${r.feed}: ${r.new} new, ${r.duplicate} duplicate, ${r.rejected} rejected; ${next}`;
}

export async function runWatch(options: WatchOptions): Promise<WatchSummary> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const { logger, signal } = options;
  const feeds = [...new Set(options.feeds)];
  const summary: WatchSummary = { polls: 0, errors: 0, new: 0, duplicate: 0, rejected: 0 };
  // Everything is due at start: a restart catches up at once, and a 304 makes that cheap.
  const dueAt = new Map(feeds.map((f) => [f, now()]));

  while (!signal?.aborted) {
    const t = now();
    const due = feeds.filter((f) => dueAt.get(f)! <= t).sort((a, b) => dueAt.get(a)! - dueAt.get(b)!);
    for (const feed of due) {
      if (signal?.aborted) break;
      const r = await pollFeed(feed, {
        ...options,
        now,
        onRejected: (line) => logger.warn({ feed, rejected: line }, `${feed}: rejected ${line}`),
      });
      if (r.status === 'stopped') break;
      const nextAt = now() + nextDelay(options.intervalMs, r.state.consecutive_errors, options.maxBackoffMs);
      dueAt.set(feed, nextAt);
      summary.polls++;
      summary.new += r.new;
      summary.duplicate += r.duplicate;
      summary.rejected += r.rejected;
      const fields = { feed, status: r.status, new: r.new, duplicate: r.duplicate, rejected: r.rejected, next_poll: new Date(nextAt).toISOString() };
      if (r.status === 'error') {
        summary.errors++;
        logger.error({ ...fields, error: r.error, consecutive_errors: r.state.consecutive_errors }, describePoll(r, nextAt));
      } else {
        logger.info(fields, describePoll(r, nextAt));
      }
      options.onPoll?.(r, nextAt);
    }
    if (options.once || signal?.aborted || !feeds.length) break;
    const wait = Math.min(...dueAt.values()) - now();
    if (wait > 0) await sleep(wait, signal);
  }
  return summary;
}
