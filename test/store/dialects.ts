/**
 * Runs one store suite against both real databases. Each test gets a fresh database: a SQLite file
 * in a temporary folder, or its own PostgreSQL schema (dropped afterwards), so test files can run
 * concurrently. PostgreSQL missing: a failure in CI, a printed skip locally.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { IN_CI, TEST_PG_URL } from '../support/env.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store, StoreDialect } from '../../src/store/store.js';

export interface DialectUnderTest {
  dialect: StoreDialect;
  /** Why this dialect is skipped, or undefined to run it. */
  skip: string | undefined;
  /** A fresh, migrated store; `cleanup` removes it. */
  open(): Promise<{ store: Store; cleanup: () => Promise<void> }>;
}

async function postgresProblem(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (err) {
    const reason = `PostgreSQL not reachable at ${TEST_PG_URL}: ${err instanceof Error ? err.message : String(err)}`;
    if (IN_CI) throw new Error(`${reason} (CI requires it)`);
    process.stderr.write(`skipping PostgreSQL store tests: ${reason}\n`);
    return reason;
  } finally {
    await client.end().catch(() => {});
  }
}

let counter = 0;

export async function dialectsUnderTest(tag: string): Promise<DialectUnderTest[]> {
  const pgSkip = await postgresProblem();
  return [
    {
      dialect: 'sqlite',
      skip: undefined,
      async open() {
        const dir = mkdtempSync(path.join(tmpdir(), `sw-${tag}-`));
        const store = await openStore({ path: path.join(dir, 'test.db') });
        return {
          store,
          cleanup: async () => {
            await store.close();
            rmSync(dir, { recursive: true, force: true });
          },
        };
      },
    },
    {
      dialect: 'postgres',
      skip: pgSkip,
      async open() {
        const schema = `t_${tag}_${process.pid}_${++counter}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
        const store = await withSchemaLock(async () => {
          await dropSchema(schema);
          return openStore({ databaseUrl: TEST_PG_URL, schema });
        });
        return {
          store,
          cleanup: async () => {
            await store.close();
            await withSchemaLock(() => dropSchema(schema));
          },
        };
      },
    },
  ];
}

/**
 * Test files run in parallel processes, each with schemas of its own. Kysely's migrator reads the
 * catalog of every schema before it takes its migration lock, and that read fails ("schema … does not
 * exist") when another process drops its schema at that moment. Opening (migrating) and dropping a
 * test schema therefore take one session-level advisory lock, so they never overlap.
 */
const SCHEMA_LOCK = 731_902_118;

export async function withSchemaLock<T>(fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await fn();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]).catch(() => {});
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
