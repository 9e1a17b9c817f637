/**
 * Indexes for the API's filtered pages at scale (measured on 1M events, bench/api.bench.ts):
 * - (oblast_key | city_key, sort_date, id, date, merged_into) replace (oblast_key | city_key,
 *   sort_date): the page's whole ORDER BY (sort_date, id) comes from the index, so no sort, and the
 *   date and merged filters are checked on index entries before any row is read.
 * - (oblast_key, sort_killed | sort_injured, id): an oblast sorted by toll without a scan of all events.
 * - (date, merged_into, killed, injured): a date window without an oblast reads only that window
 *   (then sorts it) instead of walking every newer event; covering, so stats' by-day count (which
 *   SQLite also serves from it) never reads the table.
 */
import type { Kysely, Migration } from 'kysely';

const SORTED = ['sort_date', 'id', 'date', 'merged_into'];

export function listIndexes(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('events_oblast_sorted').on('events').columns(['oblast_key', ...SORTED]).execute();
      await db.schema.createIndex('events_city_sorted').on('events').columns(['city_key', ...SORTED]).execute();
      await db.schema.createIndex('events_oblast_killed').on('events').columns(['oblast_key', 'sort_killed', 'id']).execute();
      await db.schema.createIndex('events_oblast_injured').on('events').columns(['oblast_key', 'sort_injured', 'id']).execute();
      await db.schema.createIndex('events_date').on('events').columns(['date', 'merged_into', 'killed', 'injured']).execute();
      await db.schema.dropIndex('events_oblast').execute();
      await db.schema.dropIndex('events_city').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.createIndex('events_oblast').on('events').columns(['oblast_key', 'sort_date']).execute();
      await db.schema.createIndex('events_city').on('events').columns(['city_key', 'sort_date']).execute();
      for (const name of ['events_oblast_sorted', 'events_city_sorted', 'events_oblast_killed', 'events_oblast_injured', 'events_date']) {
        await db.schema.dropIndex(name).execute();
      }
    },
  };
}
