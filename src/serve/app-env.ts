/** What the app's middleware hands to routes, and what routes need from the outside. */
import type { Store } from '../store/store.js';
import type { Logger } from './logger.js';
import type { StatsCache } from './stats-cache.js';

export interface AppEnv {
  Variables: {
    /** Who makes a write: the X-Strikewatch-Actor header, else "analyst" (set by write-auth.ts). */
    actor: string;
  };
}

export interface AppDeps {
  store: Store;
  logger: Logger | null;
  stats: StatsCache;
}
