/** The first schema: reports, mentions, events and their links, revisions, rejections, feed state. */
import type { Kysely, Migration } from 'kysely';
import type { MigrationContext } from './migration-context.js';

export function initial(ctx: MigrationContext): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await ctx
        .addAutoId(db.schema.createTable('reports'), 'seq')
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('source', 'text')
        .addColumn('source_kind', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('title', 'text')
        .addColumn('published', 'text')
        .addColumn('published_day', 'text')
        .addColumn('lang', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('duplicate_of', 'text')
        .addColumn('origin', 'text')
        .addColumn('extraction', 'text')
        .addColumn('extracted_at', 'text')
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .addColumn('mention_count', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('reports_content_hash').on('reports').column('content_hash').execute();
      await db.schema.createIndex('reports_published_day').on('reports').column('published_day').execute();
      await db.schema.createIndex('reports_source').on('reports').column('source').execute();

      await db.schema
        .createTable('report_aliases')
        .addColumn('alias', 'text', (c) => c.primaryKey())
        .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
        .addColumn('source', 'text')
        .addColumn('url', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('mentions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('place_key', 'text')
        .addColumn('date', 'text')
        .addColumn('independent', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('mentions_report').on('mentions').column('report_id').execute();

      await db.schema
        .createTable('events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('place_key', 'text')
        .addColumn('date', 'text')
        .addColumn('sort_date', 'text', (c) => c.notNull())
        .addColumn('sort_killed', 'integer', (c) => c.notNull())
        .addColumn('sort_injured', 'integer', (c) => c.notNull())
        .addColumn('city', 'text')
        .addColumn('city_key', 'text')
        .addColumn('oblast', 'text')
        .addColumn('oblast_key', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('killed', 'integer')
        .addColumn('injured', 'integer')
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('overrides', 'text', (c) => c.notNull())
        .addColumn('notes', 'text')
        .addColumn('merged_into', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_place_date').on('events').columns(['place_key', 'date']).execute();
      await db.schema.createIndex('events_sort_date').on('events').columns(['sort_date', 'id']).execute();
      await db.schema.createIndex('events_sort_killed').on('events').columns(['sort_killed', 'id']).execute();
      await db.schema.createIndex('events_sort_injured').on('events').columns(['sort_injured', 'id']).execute();
      await db.schema.createIndex('events_oblast').on('events').columns(['oblast_key', 'sort_date']).execute();
      await db.schema.createIndex('events_city').on('events').columns(['city_key', 'sort_date']).execute();

      await db.schema
        .createTable('event_mentions')
        .addColumn('mention_id', 'text', (c) => c.primaryKey().references('mentions.id').onDelete('cascade'))
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('linked_by', 'text', (c) => c.notNull())
        .addColumn('linked_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('event_mentions_event').on('event_mentions').column('event_id').execute();

      await db.schema
        .createTable('event_tags')
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('event_tags_pk', ['event_id', 'kind', 'value'])
        .execute();
      await db.schema.createIndex('event_tags_value').on('event_tags').columns(['kind', 'value', 'event_id']).execute();

      await ctx
        .addAutoId(db.schema.createTable('event_revisions'), 'id')
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('changes', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('event_revisions_event').on('event_revisions').columns(['event_id', 'id']).execute();

      await ctx
        .addAutoId(db.schema.createTable('rejections'), 'id')
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('location', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('line', 'integer')
        .addColumn('field', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('raw', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('feed_state')
        .addColumn('url', 'text', (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await ctx.createReportSearch(db);
    },
    async down(db: Kysely<unknown>) {
      await ctx.dropReportSearch(db);
      for (const t of ['feed_state', 'rejections', 'event_revisions', 'event_tags', 'event_mentions', 'events', 'mentions', 'report_aliases', 'reports']) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}
