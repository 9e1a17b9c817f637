/**
 * events.list_item: the list shape of each event (domain/event-list-item.ts) stored beside the full
 * record, so a list page reads and sends ~1 KB per event instead of the whole record with every
 * source's quote (2-5 KB). Existing rows are filled in from their stored record, in batches.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { MergedEvent } from '../../domain/merged-event.js';
import { toEventListItem } from '../../domain/event-list-item.js';

/** Rows per UPDATE: two parameters each, well under SQLite's and PostgreSQL's parameter limits. */
const BATCH = 500;

export function eventListItems(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('events').addColumn('list_item', 'text', (c) => c.notNull().defaultTo('')).execute();
      const typed = db as unknown as Kysely<{ events: { id: string; data: string; list_item: string } }>;
      for (let after = ''; ; ) {
        const rows = await typed.selectFrom('events').select(['id', 'data']).where('id', '>', after).orderBy('id').limit(BATCH).execute();
        if (!rows.length) break;
        after = rows[rows.length - 1]!.id;
        // One statement per batch (one round trip on PostgreSQL): UPDATE … FROM a UNION ALL of the values.
        const values = sql.join(
          rows.map((r) => sql`select cast(${r.id} as text) as id, cast(${JSON.stringify(toEventListItem(JSON.parse(r.data) as MergedEvent))} as text) as list_item`),
          sql` union all `,
        );
        await sql`update events set list_item = v.list_item from (${values}) as v where events.id = v.id`.execute(db);
        if (rows.length < BATCH) break;
      }
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('events').dropColumn('list_item').execute();
    },
  };
}
