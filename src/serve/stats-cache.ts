/**
 * store.stats() is a handful of full-index scans (about a second on a million events), and the
 * dashboard asks for it on every load while /api/health asks for its event count. So one
 * computation is shared by concurrent callers and reused for a few seconds; a write through this
 * server drops it at once, so an analyst sees their own change. Writes by other processes (a CLI
 * ingest) show up within the TTL.
 */
import type { Store, StoreStats } from '../store/store.js';

export class StatsCache {
  private pending: Promise<StoreStats> | null = null;
  private value: { at: number; stats: StoreStats } | null = null;
  private generation = 0;

  constructor(
    private readonly store: Store,
    private readonly ttlMs = 5000,
  ) {}

  async get(): Promise<StoreStats> {
    if (this.value && performance.now() - this.value.at < this.ttlMs) return this.value.stats;
    if (!this.pending) {
      const gen = this.generation;
      this.pending = this.store.stats().then(
        (stats) => {
          // A write that landed while this ran makes the result stale: hand it out, but do not keep it.
          if (gen === this.generation) this.value = { at: performance.now(), stats };
          this.pending = null;
          return stats;
        },
        (err: unknown) => {
          this.pending = null;
          throw err;
        },
      );
    }
    return this.pending;
  }

  invalidate(): void {
    this.generation++;
    this.value = null;
    this.pending = null;
  }
}
