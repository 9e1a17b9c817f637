/** Reading events: filtered keyset pages, one event with its mentions and revisions, statistics. */
import { sql } from 'kysely';
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Evidence, ExtractedEvent } from '../domain/event.js';
import type { EventQuery } from '../domain/event-query.js';
import type { MergedEvent } from '../domain/merged-event.js';
import type { SourceKind } from '../domain/report.js';
import type { EventStatus } from '../domain/vocabulary.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Database } from './schema.js';
import type { StoreBackend } from './store-backend.js';
import type { EventDetail, EventMention, EventRevision, Page, StoreStats, StoredEvent } from './store.js';

type EB = ExpressionBuilder<Database, 'events'>;

const SORT_COLUMN = {
  date: 'sort_date',
  killed: 'sort_killed',
  injured: 'sort_injured',
} as const;

function filters(backend: StoreBackend, q: EventQuery, eb: EB): Expression<SqlBool> {
  const and: Expression<SqlBool>[] = [eb('events.merged_into', 'is', null)];
  // sort_date is the date ('' for undated events), the column the (…, sort_date, id) indexes are on:
  // filtering on it lets a date range use them. Undated events never match a date filter.
  if (q.date_from) and.push(eb('events.sort_date', '>=', q.date_from));
  if (q.date_to) and.push(eb('events.sort_date', '<=', q.date_to));
  if (q.date_to && !q.date_from) and.push(eb('events.sort_date', '<>', ''));
  if (q.oblast) and.push(eb('events.oblast_key', '=', q.oblast.toLowerCase()));
  if (q.city) and.push(eb('events.city_key', '=', q.city.toLowerCase()));
  if (q.status) and.push(eb('events.status', '=', q.status));
  if (q.min_killed !== undefined) and.push(eb('events.killed', '>=', q.min_killed));
  if (q.min_injured !== undefined) and.push(eb('events.injured', '>=', q.min_injured));
  const tags: Array<['weapon' | 'facility' | 'utility', string | undefined]> = [
    ['weapon', q.weapon],
    ['facility', q.facility],
    ['utility', q.utility],
  ];
  for (const [kind, value] of tags) {
    if (value === undefined) continue;
    and.push(
      eb.exists(
        eb
          .selectFrom('event_tags as t')
          .select('t.event_id')
          .whereRef('t.event_id', '=', 'events.id')
          .where('t.kind', '=', kind)
          .where('t.value', '=', value),
      ),
    );
  }
  if (q.q) {
    const seqs = backend.reportSeqsMatching(q.q);
    and.push(
      eb(
        'events.id',
        'in',
        eb
          .selectFrom('event_mentions as em')
          .innerJoin('mentions as m', 'm.id', 'em.mention_id')
          .innerJoin('reports as r', 'r.id', 'm.report_id')
          .select('em.event_id')
          .where(sql<SqlBool>`r.seq in ${seqs}`),
      ),
    );
  }
  return eb.and(and);
}

export async function listEvents(backend: StoreBackend, q: EventQuery): Promise<Page<MergedEvent>> {
  const page = await listEventsJson(backend, { ...q, view: 'full' });
  return { rows: page.rows.map((r) => JSON.parse(r) as MergedEvent), next: page.next };
}

/**
 * The same page as the stored JSON text of each event (for the API, which would only re-serialize it):
 * the whole record with view 'full', its list item (domain/event-list-item.ts) otherwise.
 */
export async function listEventsJson(backend: StoreBackend, q: EventQuery): Promise<Page<string>> {
  const sort = q.sort ?? '-date';
  const desc = sort.startsWith('-');
  const col = SORT_COLUMN[(desc ? sort.slice(1) : sort) as keyof typeof SORT_COLUMN];
  const limit = Math.max(1, Math.min(1000, q.limit ?? 100));
  let query = backend.db
    .selectFrom('events')
    .select(['events.id', q.view === 'full' ? 'events.data as json' : 'events.list_item as json', `events.${col} as sort_value`])
    .where((eb) => filters(backend, q, eb));
  if (q.cursor) {
    const [value, id] = decodeCursor(q.cursor);
    const op = desc ? '<' : '>';
    query = query.where((eb) =>
      eb.or([eb(`events.${col}`, op, value as never), eb.and([eb(`events.${col}`, '=', value as never), eb('events.id', op, id)])]),
    );
  }
  const rows = await query
    .orderBy(`events.${col}`, desc ? 'desc' : 'asc')
    .orderBy('events.id', desc ? 'desc' : 'asc')
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => r.json),
    next: more && last ? encodeCursor(last.sort_value as string | number, last.id) : null,
  };
}

export async function* streamEvents(backend: StoreBackend, q: EventQuery): AsyncIterable<MergedEvent> {
  let cursor: string | undefined;
  for (;;) {
    const page = await listEvents(backend, { ...q, cursor, limit: 500 });
    yield* page.rows;
    if (!page.next) return;
    cursor = page.next;
  }
}

export async function getEvent(db: Kysely<Database>, id: string): Promise<EventDetail | null> {
  const row = await db.selectFrom('events').select(['id', 'data', 'merged_into']).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const event: StoredEvent = { ...(JSON.parse(row.data) as MergedEvent), id: row.id, merged_into: row.merged_into };
  const mentionRows = await db
    .selectFrom('event_mentions as em')
    .innerJoin('mentions as m', 'm.id', 'em.mention_id')
    .innerJoin('reports as r', 'r.id', 'm.report_id')
    .select([
      'm.id',
      'm.report_id',
      'm.data',
      'm.independent',
      'r.source',
      'r.source_kind',
      'r.url',
      'r.title',
      'r.published',
      'em.linked_by',
      'em.linked_at',
    ])
    .where('em.event_id', '=', id)
    .orderBy('r.seq')
    .orderBy('m.ordinal')
    .execute();
  const mentions: EventMention[] = mentionRows.map((m) => {
    const extracted = JSON.parse(m.data) as ExtractedEvent;
    return {
      mention_id: m.id,
      report_id: m.report_id,
      source: m.source,
      source_kind: m.source_kind as SourceKind,
      url: m.url,
      title: m.title,
      published: m.published,
      independent: !!m.independent,
      linked_by: m.linked_by,
      linked_at: m.linked_at,
      extracted,
      evidence: extracted.evidence as Evidence[],
    };
  });
  const revRows = await db.selectFrom('event_revisions').selectAll().where('event_id', '=', id).orderBy('id').execute();
  const revisions: EventRevision[] = revRows.map((r) => ({
    id: String(r.id),
    event_id: r.event_id,
    at: r.at,
    actor: r.actor,
    kind: r.kind as EventRevision['kind'],
    changes: JSON.parse(r.changes) as EventRevision['changes'],
    note: r.note,
  }));
  return { event, mentions, revisions };
}

export async function stats(db: Kysely<Database>): Promise<StoreStats> {
  const count = async (table: 'reports' | 'mentions' | 'rejections') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const live = (eb: ExpressionBuilder<Database, 'events'>) => eb('events.merged_into', 'is', null);
  const events = Number(
    (await db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where(live).executeTakeFirstOrThrow()).n,
  );
  const duplicates = Number(
    (
      await db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('duplicate_of', 'is not', null)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const sums = (eb: ExpressionBuilder<Database, 'events'>) =>
    [
      eb.fn.countAll<number>().as('events'),
      eb.fn.coalesce(eb.fn.sum<number>('events.killed'), eb.val(0)).as('killed'),
      eb.fn.coalesce(eb.fn.sum<number>('events.injured'), eb.val(0)).as('injured'),
    ] as const;
  const byDay = await db
    .selectFrom('events')
    .select((eb) => ['events.date', ...sums(eb)])
    .where(live)
    .where('events.date', 'is not', null)
    .groupBy('events.date')
    .orderBy('events.date')
    .execute();
  const byOblast = await db
    .selectFrom('events')
    .select((eb) => ['events.oblast', ...sums(eb)])
    .where(live)
    .where('events.oblast', 'is not', null)
    .groupBy('events.oblast')
    .orderBy('events.oblast')
    .execute();
  const byWeapon = await db
    .selectFrom('event_tags')
    .select((eb) => ['value', eb.fn.countAll<number>().as('events')])
    .where('kind', '=', 'weapon')
    .groupBy('value')
    .orderBy('value')
    .execute();
  const byStatus = await db
    .selectFrom('events')
    .select((eb) => ['events.status', eb.fn.countAll<number>().as('events')])
    .where(live)
    .groupBy('events.status')
    .orderBy('events.status')
    .execute();
  return {
    reports: await count('reports'),
    mentions: await count('mentions'),
    events,
    rejected: await count('rejections'),
    duplicates,
    by_day: byDay.map((r) => ({ date: r.date!, events: Number(r.events), killed: Number(r.killed), injured: Number(r.injured) })),
    by_oblast: byOblast.map((r) => ({ oblast: r.oblast!, events: Number(r.events), killed: Number(r.killed), injured: Number(r.injured) })),
    by_weapon: byWeapon.map((r) => ({ weapon: r.value, events: Number(r.events) })),
    by_status: byStatus.map((r) => ({ status: r.status as EventStatus, events: Number(r.events) })),
  };
}
