/**
 * Feed state transitions, kept apart from I/O so the rules are plain functions: a good poll resets
 * the error count and stores the new validators and seen keys; a failed one keeps what was known
 * (validators, seen list) and counts the error. The store persists whatever these return.
 */
import type { FeedState } from '../../store/store.js';
import { DEFAULT_SEEN_LIMIT, updateSeen } from './seen-list.js';

export function initialFeedState(url: string): FeedState {
  return { url, seen: [], etag: null, last_modified: null, last_polled_at: null, last_error: null, consecutive_errors: 0 };
}

export function afterNotModified(prev: FeedState, at: string): FeedState {
  return { ...prev, last_polled_at: at, last_error: null, consecutive_errors: 0 };
}

export function afterSuccess(
  prev: FeedState,
  at: string,
  fetched: { etag: string | null; lastModified: string | null; keys: readonly string[] },
  seenLimit = DEFAULT_SEEN_LIMIT,
): FeedState {
  return {
    url: prev.url,
    seen: updateSeen(prev.seen, fetched.keys, seenLimit),
    etag: fetched.etag,
    last_modified: fetched.lastModified,
    last_polled_at: at,
    last_error: null,
    consecutive_errors: 0,
  };
}

export function afterError(prev: FeedState, at: string, error: string): FeedState {
  return { ...prev, last_polled_at: at, last_error: error, consecutive_errors: prev.consecutive_errors + 1 };
}
