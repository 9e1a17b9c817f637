/**
 * What a migration needs from the dialect: the few DDL pieces that differ between SQLite and
 * PostgreSQL. The sqlite/ and postgres/ folders provide them; migrations stay dialect-agnostic.
 */
import type { CreateTableBuilder, Kysely } from 'kysely';
import type { StoreDialect } from '../store.js';

export interface MigrationContext {
  dialect: StoreDialect;
  /** Adds an auto-incrementing integer primary key column. */
  addAutoId<T extends string>(table: CreateTableBuilder<T, never>, column: string): CreateTableBuilder<T, string>;
  /** Creates the full-text index over reports (title + text). */
  createReportSearch(db: Kysely<unknown>): Promise<void>;
  dropReportSearch(db: Kysely<unknown>): Promise<void>;
}
