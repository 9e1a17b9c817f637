/**
 * SQLite through better-sqlite3: WAL, foreign keys, FTS5 over reports (external content table kept
 * in step by triggers).
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { CreateTableBuilder, SqliteDatabase } from 'kysely';
import type { MigrationContext } from '../migrations/migration-context.js';
import type { Database } from '../schema.js';
import type { StoreBackend } from '../store-backend.js';
import { searchWords } from '../store-backend.js';

const FTS_DDL = [
  `CREATE VIRTUAL TABLE reports_fts USING fts5(title, text, content='reports', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`,
  `CREATE TRIGGER reports_fts_ai AFTER INSERT ON reports BEGIN
     INSERT INTO reports_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END`,
  `CREATE TRIGGER reports_fts_ad AFTER DELETE ON reports BEGIN
     INSERT INTO reports_fts(reports_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text); END`,
  `CREATE TRIGGER reports_fts_au AFTER UPDATE OF title, text ON reports BEGIN
     INSERT INTO reports_fts(reports_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
     INSERT INTO reports_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END`,
];

export const sqliteMigrationContext: MigrationContext = {
  dialect: 'sqlite',
  addAutoId<T extends string>(table: CreateTableBuilder<T, never>, column: string) {
    return table.addColumn(column, 'integer', (c) => c.primaryKey().autoIncrement());
  },
  async createReportSearch(db) {
    for (const ddl of FTS_DDL) await sql.raw(ddl).execute(db);
  },
  async dropReportSearch(db) {
    for (const t of ['reports_fts_ai', 'reports_fts_ad', 'reports_fts_au']) await sql.raw(`DROP TRIGGER IF EXISTS ${t}`).execute(db);
    await sql.raw('DROP TABLE IF EXISTS reports_fts').execute(db);
  },
};

/**
 * Kysely prepares every query afresh; ingest runs the same few statements thousands of times, and
 * preparing them was a twentieth of its time. Statements are reused by SQL text; one still busy (an
 * open iterate()) is never handed out twice. Bounded by clearing: multi-row inserts vary in size.
 */
function reusingStatements(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close() {
      cache.clear();
      database.close();
    },
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) return hit;
      const statement = database.prepare(sql);
      if (cache.size >= 500) cache.clear();
      cache.set(sql, statement);
      return statement;
    },
  };
}

export function createSqliteBackend(path: string): StoreBackend {
  const database = new BetterSqlite3(path);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 10000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(database) }) });
  return {
    dialect: 'sqlite',
    db,
    migrationContext: sqliteMigrationContext,
    maxParams: 30_000,
    reportSeqsMatching(q: string) {
      // Each word quoted as an FTS5 string: user input never reaches the query syntax.
      const words = searchWords(q);
      const match = words.length ? words.map((w) => `"${w}"`).join(' ') : '""';
      return sql`(select rowid from reports_fts where reports_fts match ${match})`;
    },
    async lockForIngest() {
      // SQLite has one writer at a time already.
    },
    async destroy() {
      await db.destroy();
    },
  };
}
