/**
 * Opens the store the options name — PostgreSQL for a database URL, else a SQLite file — and
 * applies pending migrations before handing it out.
 */
import { createPostgresBackend } from './postgres/postgres-backend.js';
import { createSqliteBackend } from './sqlite/sqlite-backend.js';
import { KyselyStore } from './kysely-store.js';
import type { OpenStoreOptions, Store } from './store.js';

export const DEFAULT_DB_PATH = './strikewatch.db';

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const backend = options.databaseUrl
    ? await createPostgresBackend(options.databaseUrl, options.schema)
    : createSqliteBackend(options.path ?? DEFAULT_DB_PATH);
  const store = new KyselyStore(backend);
  if (!options.skipMigrations) {
    const m = await store.migrate();
    if (m.error) {
      await store.close();
      throw new Error(`database migration failed: ${m.error}`);
    }
  }
  return store;
}

/** The CLI's choice: --database-url, then DATABASE_URL, then --db FILE, then ./strikewatch.db. */
export function storeOptionsFrom(opts: { db?: string; databaseUrl?: string }, env: NodeJS.ProcessEnv = process.env): OpenStoreOptions {
  const url = opts.databaseUrl ?? (opts.db ? undefined : env.DATABASE_URL);
  return url ? { databaseUrl: url } : { path: opts.db ?? DEFAULT_DB_PATH };
}
