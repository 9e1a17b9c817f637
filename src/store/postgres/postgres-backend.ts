/**
 * PostgreSQL through pg: one schema per store (search_path), a generated tsvector column with a GIN
 * index for full-text search, and an advisory lock so concurrent ingest writers merge one at a time.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { CreateTableBuilder } from 'kysely';
import pg from 'pg';
import type { MigrationContext } from '../migrations/migration-context.js';
import type { Database } from '../schema.js';
import type { StoreBackend } from '../store-backend.js';
import { searchWords } from '../store-backend.js';

/** Arbitrary constant naming Strikewatch's ingest lock. */
const INGEST_LOCK = 5_270_424;

export const postgresMigrationContext: MigrationContext = {
  dialect: 'postgres',
  addAutoId<T extends string>(table: CreateTableBuilder<T, never>, column: string) {
    return table.addColumn(column, 'serial', (c) => c.primaryKey());
  },
  async createReportSearch(db) {
    // 'simple': reports come in Ukrainian, Russian and English; no single stemmer fits all three.
    // Capped length: a tsvector holds at most 1 MB.
    await sql
      .raw(
        `ALTER TABLE reports ADD COLUMN search tsvector GENERATED ALWAYS AS
           (to_tsvector('simple', left(coalesce(title, '') || ' ' || text, 400000))) STORED`,
      )
      .execute(db);
    await sql.raw('CREATE INDEX reports_search ON reports USING gin (search)').execute(db);
  },
  async dropReportSearch(db) {
    await sql.raw('DROP INDEX IF EXISTS reports_search').execute(db);
  },
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Counts and sums come back as int8/numeric: read them as numbers (our values stay far below 2^53). */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export async function createPostgresBackend(url: string, schema = 'public'): Promise<StoreBackend> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}"`);
  if (schema !== 'public') {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path="${schema}"`, types, max: 5 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    dialect: 'postgres',
    db,
    migrationContext: postgresMigrationContext,
    migrationTableSchema: schema,
    maxParams: 60_000,
    reportSeqsMatching(q: string) {
      const words = searchWords(q).join(' ');
      return sql`(select seq from reports where search @@ plainto_tsquery('simple', ${words}))`;
    },
    async lockForIngest(trx) {
      await sql`select pg_advisory_xact_lock(${INGEST_LOCK})`.execute(trx);
    },
    async destroy() {
      await db.destroy();
    },
  };
}
