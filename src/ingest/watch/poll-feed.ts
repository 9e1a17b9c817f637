/**
 * One poll of one feed: conditional fetch → parse → drop the items already seen → extract and
 * store the rest (the store dedups again by id and content hash) → persist the feed state. Every
 * failure (network, HTTP status, malformed XML, the database) ends as a recorded error on the
 * feed, never as an exception, so one bad feed cannot stop the others.
 */
import type { ReadItem } from '../types.js';
import { readBytes } from '../read-paths.js';
import type { Extract } from '../../store/ingest-pipeline.js';
import { ingestStream } from '../../store/ingest-pipeline.js';
import type { FeedState, Store } from '../../store/store.js';
import type { FeedFetch, FetchOutcome } from './fetch-feed.js';
import { FeedFetchError, fetchFeed } from './fetch-feed.js';
import { afterError, afterNotModified, afterSuccess, initialFeedState } from './feed-state.js';
import { alreadySeen, itemKeys } from './seen-list.js';

export interface PollDeps {
  store: Store;
  extract: Extract;
  /** Current time in ms (injected so tests need no timers). */
  now: () => number;
  fetch?: FeedFetch;
  /** Stop signal: aborts a fetch in flight; an ingest in flight is always finished. */
  signal?: AbortSignal;
  maxBytes?: number;
  batchSize?: number;
  seenLimit?: number;
  /** One line per rejected feed item ("url:index: reason"). */
  onRejected?: (line: string) => void;
}

export interface PollResult {
  feed: string;
  /** `stopped`: the stop signal interrupted the fetch; nothing was recorded. */
  status: 'ok' | 'not_modified' | 'error' | 'stopped';
  /** Items in the feed document (0 unless status is ok). */
  items: number;
  /** Stored as new reports (near-duplicate rewrites included). */
  new: number;
  /** Skipped: seen before by this feed, or already in the store. */
  duplicate: number;
  updated: number;
  rejected: number;
  events_created: number;
  events_updated: number;
  error: string | null;
  state: FeedState;
}

function result(feed: string, status: PollResult['status'], state: FeedState, extra: Partial<PollResult> = {}): PollResult {
  return { feed, status, items: 0, new: 0, duplicate: 0, updated: 0, rejected: 0, events_created: 0, events_updated: 0, error: null, state, ...extra };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function pollFeed(feed: string, deps: PollDeps): Promise<PollResult> {
  const { store } = deps;
  const at = () => new Date(deps.now()).toISOString();
  let prev: FeedState;
  try {
    prev = (await store.getFeedState(feed)) ?? initialFeedState(feed);
  } catch (e) {
    return result(feed, 'error', initialFeedState(feed), { error: `reading feed state failed: ${message(e)}` });
  }

  const fail = async (error: string): Promise<PollResult> => {
    const state = afterError(prev, at(), error);
    try {
      await store.putFeedState(state);
    } catch (e) {
      error += `; recording the error failed too: ${message(e)}`;
    }
    return result(feed, 'error', state, { error });
  };

  let fetched: FetchOutcome;
  try {
    fetched = await fetchFeed(feed, prev, { ...(deps.fetch ? { fetch: deps.fetch } : {}), ...(deps.signal ? { signal: deps.signal } : {}) });
  } catch (e) {
    if (deps.signal?.aborted) return result(feed, 'stopped', prev);
    return fail(e instanceof FeedFetchError ? e.message : `fetch failed: ${message(e)}`);
  }

  try {
    if (fetched.status === 'not_modified') {
      const state = afterNotModified(prev, at());
      await store.putFeedState(state);
      return result(feed, 'not_modified', state);
    }

    const items: ReadItem[] = [];
    for await (const it of readBytes(fetched.body, feed, 'feed', deps.maxBytes ? { maxBytes: deps.maxBytes } : {})) {
      // A rejection without an item index is about the whole document (malformed XML, bad UTF-8).
      if (it.kind === 'rejected' && it.origin.line === undefined) return await fail(it.reason);
      items.push(it);
    }

    const seen = new Set(prev.seen);
    const keys: string[] = [];
    const fresh: ReadItem[] = [];
    let skipped = 0;
    for (const it of items) {
      if (it.kind === 'report') {
        const k = itemKeys(it.report);
        keys.push(...k);
        if (alreadySeen(seen, k)) {
          skipped++;
          continue;
        }
      }
      fresh.push(it);
    }

    const s = await ingestStream(store, fresh, deps.extract, {
      ...(deps.batchSize ? { batchSize: deps.batchSize } : {}),
      ...(deps.onRejected ? { onRejected: deps.onRejected } : {}),
    });
    // Persisted only after the items are stored: a crash in between re-reads them next time,
    // and the store reports them as duplicates.
    const state = afterSuccess(prev, at(), { etag: fetched.etag, lastModified: fetched.lastModified, keys }, deps.seenLimit);
    await store.putFeedState(state);
    return result(feed, 'ok', state, {
      items: items.length,
      new: s.new + s.near_duplicate,
      duplicate: skipped + s.duplicate,
      updated: s.updated,
      rejected: s.rejected,
      events_created: s.events_created,
      events_updated: s.events_updated,
    });
  } catch (e) {
    return fail(`ingest failed: ${message(e)}`);
  }
}
