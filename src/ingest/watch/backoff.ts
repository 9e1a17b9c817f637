/**
 * When to poll a feed next. A healthy feed is polled every `interval`; after consecutive errors the
 * wait doubles each time (interval × 2^errors) up to `maxBackoff`, so a dead server is not hammered
 * and a flaky one recovers its normal rhythm on the first good poll.
 */
export function nextDelay(intervalMs: number, consecutiveErrors: number, maxBackoffMs: number): number {
  if (consecutiveErrors <= 0) return intervalMs;
  // Never below the normal interval, even when --max-backoff is set lower than --interval.
  const cap = Math.max(intervalMs, maxBackoffMs);
  // 2^errors overflows to Infinity long before it matters; min() keeps it at the cap.
  return Math.min(cap, intervalMs * 2 ** consecutiveErrors);
}
