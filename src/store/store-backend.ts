/**
 * What the dialect-agnostic store core needs from a database: a Kysely instance plus the few
 * pieces that differ (full-text search, ingest locking, migration DDL). sqlite/ and postgres/
 * each provide one; nothing outside those folders knows which database it talks to.
 */
import type { Kysely, RawBuilder, Transaction } from 'kysely';
import type { MigrationContext } from './migrations/migration-context.js';
import type { Database } from './schema.js';
import type { StoreDialect } from './store.js';

export interface StoreBackend {
  readonly dialect: StoreDialect;
  readonly db: Kysely<Database>;
  readonly migrationContext: MigrationContext;
  /** Schema holding Kysely's migration tables (PostgreSQL), so stores in other schemas never interfere. */
  readonly migrationTableSchema?: string;
  /** `(subquery)` selecting reports.seq of the reports whose title/text match the search words. */
  reportSeqsMatching(q: string): RawBuilder<unknown>;
  /** Serialises concurrent ingest writers (a no-op where the database already does). */
  lockForIngest(trx: Transaction<Database>): Promise<void>;
  /** Largest number of bound parameters in one statement. */
  readonly maxParams: number;
  destroy(): Promise<void>;
}

/** Splits search input into words (letters and digits), the same way for both dialects. */
export function searchWords(q: string): string[] {
  return (q.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 32);
}
