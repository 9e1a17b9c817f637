/**
 * The Store implementation shared by both databases: everything here is plain Kysely; what differs
 * between SQLite and PostgreSQL comes in through the StoreBackend.
 */
import { createHash } from 'node:crypto';
import { Migrator } from 'kysely';
import type { EventQuery } from '../domain/event-query.js';
import type { ExtractionResult } from '../domain/event.js';
import { ExtractionResultSchema } from '../domain/event.js';
import type { MergedEvent } from '../domain/merged-event.js';
import { noNul } from './ingest-batch.js';
import { clampLimit, decodeCursor, encodeCursor } from './cursor.js';
import { mergeEvents, patchEvent, splitEvent } from './event-edits.js';
import * as events from './event-queries.js';
import { EventSession } from './event-session.js';
import { applyExtraction, ingestBatch } from './ingest-batch.js';
import { migrationProvider } from './migrations/index.js';
import * as reports from './report-queries.js';
import type { StoreBackend } from './store-backend.js';
import type {
  EventDetail,
  EventPatch,
  FeedState,
  IngestBatchResult,
  IngestItem,
  MigrationReport,
  Page,
  RejectionInput,
  ReportQuery,
  ReportSearchHit,
  Store,
  StoreStats,
  StoredRejection,
  StoredReport,
  StoredReportSummary,
} from './store.js';
import { StoreInputError, StoreNotFoundError } from './store.js';

export class KyselyStore implements Store {
  constructor(private readonly backend: StoreBackend) {}

  get dialect() {
    return this.backend.dialect;
  }

  async migrate(): Promise<MigrationReport> {
    const migrator = new Migrator({
      db: this.backend.db,
      provider: migrationProvider(this.backend.migrationContext),
      ...(this.backend.migrationTableSchema ? { migrationTableSchema: this.backend.migrationTableSchema } : {}),
    });
    const { error, results } = await migrator.migrateToLatest();
    const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    return error ? { applied, error: error instanceof Error ? error.message : String(error) } : { applied };
  }

  async close(): Promise<void> {
    await this.backend.destroy();
  }

  ingestBatch(items: IngestItem[]): Promise<IngestBatchResult> {
    return ingestBatch(this.backend, items);
  }

  async recordRejections(rejections: RejectionInput[]): Promise<number> {
    if (!rejections.length) return 0;
    const now = new Date().toISOString();
    const rows = rejections.map((r) => ({
      key: createHash('sha256').update(JSON.stringify([r.origin.location, r.origin.line ?? null, r.field ?? null, r.reason])).digest('hex'),
      location: r.origin.location,
      format: r.origin.format,
      line: r.origin.line ?? null,
      field: r.field ?? null,
      reason: noNul(r.reason),
      raw: r.raw ? noNul(r.raw.slice(0, 4096)) : null,
      created_at: now,
    }));
    const unique = [...new Map(rows.map((r) => [r.key, r])).values()];
    return this.backend.db.transaction().execute(async (trx) => {
      let added = 0;
      for (const row of unique) {
        const res = await trx.insertInto('rejections').values(row).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
        added += Number(res.numInsertedOrUpdatedRows ?? 0);
      }
      return added;
    });
  }

  async listRejections(page: { cursor?: string; limit?: number } = {}): Promise<Page<StoredRejection>> {
    const limit = clampLimit(page.limit);
    let q = this.backend.db.selectFrom('rejections').selectAll();
    if (page.cursor) q = q.where('id', '>', Number(decodeCursor(page.cursor)[0]));
    const rows = await q.orderBy('id').limit(limit + 1).execute();
    const more = rows.length > limit;
    const out = more ? rows.slice(0, limit) : rows;
    const last = out[out.length - 1];
    return {
      rows: out.map(({ key: _key, ...r }) => ({ ...r, id: String(r.id) })),
      next: more && last ? encodeCursor(last.id, String(last.id)) : null,
    };
  }

  async hasReport(id: string, contentHash?: string): Promise<boolean> {
    let q = this.backend.db.selectFrom('reports').select('id').where('id', '=', id);
    if (contentHash) q = this.backend.db.selectFrom('reports').select('id').where((eb) => eb.or([eb('id', '=', id), eb('content_hash', '=', contentHash)]));
    if (await q.limit(1).executeTakeFirst()) return true;
    return !!(await this.backend.db.selectFrom('report_aliases').select('alias').where('alias', '=', id).executeTakeFirst());
  }

  getReport(id: string): Promise<StoredReport | null> {
    return reports.getReport(this.backend, id);
  }

  listReports(query: ReportQuery = {}): Promise<Page<StoredReportSummary>> {
    return reports.listReports(this.backend, query);
  }

  searchReports(q: string, page?: { cursor?: string; limit?: number }): Promise<Page<ReportSearchHit>> {
    return reports.searchReports(this.backend, q, page);
  }

  listEvents(query: EventQuery): Promise<Page<MergedEvent>> {
    return events.listEvents(this.backend, query);
  }

  listEventsJson(query: EventQuery): Promise<Page<string>> {
    return events.listEventsJson(this.backend, query);
  }

  streamEvents(query: EventQuery): AsyncIterable<MergedEvent> {
    return events.streamEvents(this.backend, query);
  }

  getEvent(id: string): Promise<EventDetail | null> {
    return events.getEvent(this.backend.db, id);
  }

  stats(): Promise<StoreStats> {
    return events.stats(this.backend.db);
  }

  private async mustGet(id: string): Promise<EventDetail> {
    const d = await this.getEvent(id);
    if (!d) throw new StoreNotFoundError(`no event ${id}`);
    return d;
  }

  async patchEvent(id: string, changes: EventPatch, actor: string): Promise<EventDetail> {
    await patchEvent(this.backend, id, changes, actor);
    return this.mustGet(id);
  }

  async mergeEvents(a: string, b: string, actor: string): Promise<EventDetail> {
    await mergeEvents(this.backend, a, b, actor);
    return this.mustGet(a);
  }

  async splitEvent(id: string, mentionIds: string[], actor: string): Promise<[EventDetail, EventDetail]> {
    const created = await splitEvent(this.backend, id, mentionIds, actor);
    return [await this.mustGet(id), await this.mustGet(created)];
  }

  async *iterateReports(options: { batchSize?: number } = {}): AsyncIterable<StoredReportSummary & { text: string }> {
    const size = Math.max(1, options.batchSize ?? 200);
    let after = 0;
    for (;;) {
      const rows = await this.backend.db
        .selectFrom('reports as r')
        .select(['r.seq', 'r.id', 'r.source', 'r.source_kind', 'r.url', 'r.title', 'r.published', 'r.lang', 'r.content_hash', 'r.ingested_at', 'r.duplicate_of', 'r.mention_count', 'r.text'])
        .where('r.seq', '>', after)
        .orderBy('r.seq')
        .limit(size)
        .execute();
      for (const r of rows) yield { ...reports.toSummary(r), text: r.text };
      if (rows.length < size) return;
      after = rows[rows.length - 1]!.seq;
    }
  }

  async replaceExtraction(reportId: string, extraction: ExtractionResult): Promise<{ events_created: number; events_updated: number }> {
    const parsed = ExtractionResultSchema.safeParse(extraction);
    if (!parsed.success) throw new StoreInputError(`extraction of report ${reportId}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return this.backend.db.transaction().execute(async (trx) => {
      await this.backend.lockForIngest(trx);
      const now = new Date().toISOString();
      const session = new EventSession(trx, now, 'reextract', this.backend.maxParams);
      await applyExtraction(trx, session, reportId, parsed.data, now);
      const r = await session.flush();
      return { events_created: r.created, events_updated: r.updated };
    });
  }

  async getFeedState(url: string): Promise<FeedState | null> {
    const row = await this.backend.db.selectFrom('feed_state').select('state').where('url', '=', url).executeTakeFirst();
    return row ? (JSON.parse(row.state) as FeedState) : null;
  }

  async putFeedState(state: FeedState): Promise<void> {
    const now = new Date().toISOString();
    await this.backend.db
      .insertInto('feed_state')
      .values({ url: state.url, state: JSON.stringify(state), updated_at: now })
      .onConflict((oc) => oc.column('url').doUpdateSet({ state: JSON.stringify(state), updated_at: now }))
      .execute();
  }
}
