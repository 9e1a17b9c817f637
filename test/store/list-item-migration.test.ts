/**
 * Migration 0004 adds events.list_item to a database that already holds events and fills it from each
 * stored record, in batches: run on both real databases over more rows than one batch.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { toEventListItem } from '../../src/domain/event-list-item.js';
import { EventQuerySchema } from '../../src/domain/event-query.js';
import type { MergedEvent } from '../../src/domain/merged-event.js';
import { eventListItems } from '../../src/store/migrations/0004-event-list-items.js';
import { openStore } from '../../src/store/open-store.js';
import { TEST_PG_URL } from '../support/env.js';
import { dialectsUnderTest, dropSchema, withSchemaLock } from './dialects.js';
import { item } from './fixtures.js';

const ROWS = 1234; // two full batches of 500 and a partial one

/** Real stored records to copy: the store's own output for two reports. */
async function storedRecords(): Promise<MergedEvent[]> {
  const store = await openStore({ path: ':memory:' });
  try {
    await store.ingestBatch([item({ id: 'm1' }, [{ city: 'Kyiv', oblast: 'Kyiv', killed: 2, injured: 5 }]), item({ id: 'm2' }, [{ city: 'Lviv', oblast: 'Lviv', injured: 1 }])]);
    return (await store.listEvents(EventQuerySchema.parse({}))).rows;
  } finally {
    await store.close();
  }
}

async function checkBackfill(db: Kysely<unknown>): Promise<void> {
  const records = await storedRecords();
  await sql`create table events (id text primary key, data text not null)`.execute(db);
  for (let i = 0; i < ROWS; i += 200) {
    const rows = Array.from({ length: Math.min(200, ROWS - i) }, (_, k) => {
      const e = { ...records[(i + k) % records.length]!, id: `ev_${String(i + k).padStart(5, '0')}` };
      return sql`(${e.id}, ${JSON.stringify(e)})`;
    });
    await sql`insert into events (id, data) values ${sql.join(rows)}`.execute(db);
  }
  await eventListItems().up(db);
  const { rows } = await sql<{ id: string; data: string; list_item: string }>`select id, data, list_item from events order by id`.execute(db);
  assert.equal(rows.length, ROWS);
  for (const r of rows) assert.deepEqual(JSON.parse(r.list_item), toEventListItem(JSON.parse(r.data) as MergedEvent), r.id);
}

const postgres = (await dialectsUnderTest('list-item-migration')).find((d) => d.dialect === 'postgres');

describe('migration 0004 (events.list_item) on sqlite', () => {
  it('fills the list item of every existing event', async () => {
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    try {
      await checkBackfill(db);
    } finally {
      await db.destroy();
    }
  });
});

describe('migration 0004 (events.list_item) on postgres', { skip: postgres!.skip }, () => {
  const schema = `t_list_item_migration_${process.pid}`;
  after(async () => withSchemaLock(() => dropSchema(schema)));
  it('fills the list item of every existing event', async () => {
    await withSchemaLock(async () => {
      await dropSchema(schema);
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      await client.query(`create schema "${schema}"`);
      await client.end();
    });
    const pool = new pg.Pool({ connectionString: TEST_PG_URL, options: `-c search_path=${schema}` });
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    try {
      await checkBackfill(db);
    } finally {
      await db.destroy();
    }
  });
});
