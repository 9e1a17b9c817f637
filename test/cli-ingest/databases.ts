/**
 * The two real databases for the ingest/watch end-to-end tests, as store options that can be
 * opened more than once (a restart is a second openStore on the same SQLite file or PostgreSQL
 * schema). Also a throwaway PostgreSQL database for running CLI commands, which take only a URL.
 * Skips follow test/store/dialects.ts: PostgreSQL missing fails in CI, skips locally.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { OpenStoreOptions, StoreDialect } from '../../src/store/store.js';
import { TEST_PG_URL } from '../support/env.js';
import { dialectsUnderTest } from '../store/dialects.js';

export interface TestDatabase {
  /** Options for openStore (same database every time). */
  options: OpenStoreOptions;
  /** The CLI's flags for the same database. */
  cliArgs: string[];
  cleanup(): Promise<void>;
}

export interface DatabaseUnderTest {
  dialect: StoreDialect;
  skip: string | undefined;
  create(): Promise<TestDatabase>;
}

let counter = 0;

export async function databasesUnderTest(tag: string): Promise<DatabaseUnderTest[]> {
  const pgSkip = (await dialectsUnderTest(tag)).find((d) => d.dialect === 'postgres')?.skip;
  return [
    {
      dialect: 'sqlite',
      skip: undefined,
      async create() {
        const dir = mkdtempSync(path.join(tmpdir(), `sw-${tag}-`));
        const file = path.join(dir, 'test.db');
        return { options: { path: file }, cliArgs: ['--db', file], cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
      },
    },
    {
      dialect: 'postgres',
      skip: pgSkip,
      async create() {
        // The CLI has no --schema: it gets a database of its own; library calls use its public schema.
        const name = `sw_${tag}_${process.pid}_${++counter}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
        await admin(async (c) => {
          await c.query(`DROP DATABASE IF EXISTS "${name}"`);
          await c.query(`CREATE DATABASE "${name}"`);
        });
        const url = new URL(TEST_PG_URL);
        url.pathname = `/${name}`;
        return {
          options: { databaseUrl: url.toString() },
          cliArgs: ['--database-url', url.toString()],
          cleanup: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => {})),
        };
      },
    },
  ];
}

async function admin(fn: (c: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
