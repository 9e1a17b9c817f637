/** Reading reports: one report with text and evidence, keyset lists, full-text search. */
import { sql } from 'kysely';
import type { SqlBool } from 'kysely';
import type { Evidence, ExtractedEvent, ExtractionResult } from '../domain/event.js';
import type { SourceKind } from '../domain/report.js';
import type { Origin } from '../ingest/types.js';
import { clampLimit, decodeCursor, encodeCursor } from './cursor.js';
import type { StoreBackend } from './store-backend.js';
import { searchWords } from './store-backend.js';
import type { Page, ReportQuery, ReportSearchHit, StoredReport, StoredReportSummary } from './store.js';

const SUMMARY_COLUMNS = [
  'r.seq',
  'r.id',
  'r.source',
  'r.source_kind',
  'r.url',
  'r.title',
  'r.published',
  'r.lang',
  'r.content_hash',
  'r.ingested_at',
  'r.duplicate_of',
  'r.mention_count',
] as const;

type SummaryRow = {
  id: string;
  source: string | null;
  source_kind: string;
  url: string | null;
  title: string | null;
  published: string | null;
  lang: string | null;
  content_hash: string;
  ingested_at: string;
  duplicate_of: string | null;
  mention_count: number;
};

export function toSummary(r: SummaryRow): StoredReportSummary {
  return {
    id: r.id,
    source: r.source,
    source_kind: r.source_kind as SourceKind,
    url: r.url,
    title: r.title,
    published: r.published,
    lang: r.lang,
    content_hash: r.content_hash,
    ingested_at: r.ingested_at,
    duplicate_of: r.duplicate_of,
    mention_count: Number(r.mention_count),
  };
}

export async function getReport(backend: StoreBackend, id: string): Promise<StoredReport | null> {
  const db = backend.db;
  let row = await db
    .selectFrom('reports as r')
    .select([...SUMMARY_COLUMNS, 'r.text', 'r.origin', 'r.extraction', 'r.extracted_at'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) {
    // A report that arrived again under another id is found under that id too.
    const alias = await db.selectFrom('report_aliases').select('report_id').where('alias', '=', id).executeTakeFirst();
    if (!alias) return null;
    row = await db
      .selectFrom('reports as r')
      .select([...SUMMARY_COLUMNS, 'r.text', 'r.origin', 'r.extraction', 'r.extracted_at'])
      .where('r.id', '=', alias.report_id)
      .executeTakeFirst();
    if (!row) return null;
  }
  const mentions = await db
    .selectFrom('mentions as m')
    .leftJoin('event_mentions as em', 'em.mention_id', 'm.id')
    .select(['m.id', 'm.report_id', 'm.data', 'm.independent', 'em.event_id'])
    .where('m.report_id', '=', row.id)
    .orderBy('m.ordinal')
    .execute();
  const stored = mentions.map((m) => ({
    id: m.id,
    report_id: m.report_id,
    event_id: m.event_id,
    independent: !!m.independent,
    extracted: JSON.parse(m.data) as ExtractedEvent,
  }));
  return {
    ...toSummary(row),
    text: row.text,
    origin: row.origin ? (JSON.parse(row.origin) as Origin) : null,
    extracted_at: row.extracted_at,
    extraction: row.extraction ? (JSON.parse(row.extraction) as Omit<ExtractionResult, 'events'>) : null,
    mentions: stored,
    evidence: stored.flatMap((m) => m.extracted.evidence.map((e: Evidence) => ({ ...e, mention_id: m.id }))),
  };
}

export async function listReports(backend: StoreBackend, q: ReportQuery = {}): Promise<Page<StoredReportSummary>> {
  const limit = clampLimit(q.limit);
  let query = backend.db.selectFrom('reports as r').select(SUMMARY_COLUMNS);
  if (q.source) query = query.where('r.source', '=', q.source);
  if (q.source_kind) query = query.where('r.source_kind', '=', q.source_kind);
  if (q.date_from) query = query.where('r.published_day', '>=', q.date_from);
  if (q.date_to) query = query.where('r.published_day', '<=', q.date_to);
  if (q.q) query = query.where(sql<SqlBool>`r.seq in ${backend.reportSeqsMatching(q.q)}`);
  if (q.event_id) {
    const eventId = q.event_id;
    query = query.where('r.id', 'in', (eb) =>
      eb
        .selectFrom('mentions as m')
        .innerJoin('event_mentions as em', 'em.mention_id', 'm.id')
        .select('m.report_id')
        .where('em.event_id', '=', eventId),
    );
  }
  if (q.cursor) {
    const [seq] = decodeCursor(q.cursor);
    query = query.where('r.seq', '<', Number(seq));
  }
  const rows = await query.orderBy('r.seq', 'desc').limit(limit + 1).execute();
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { rows: page.map(toSummary), next: more && last ? encodeCursor(last.seq, last.id) : null };
}

/** A plain-text window of the text around the first search word found. */
export function snippetOf(text: string, q: string, width = 160): string {
  const lower = text.toLowerCase();
  let at = -1;
  for (const w of searchWords(q)) {
    const i = lower.indexOf(w.toLowerCase());
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const start = Math.max(0, (at < 0 ? 0 : at) - Math.floor(width / 3));
  const s = text.slice(start, start + width).replace(/\s+/g, ' ').trim();
  return (start > 0 ? '…' : '') + s + (start + width < text.length ? '…' : '');
}

export async function searchReports(backend: StoreBackend, q: string, page: { cursor?: string; limit?: number } = {}): Promise<Page<ReportSearchHit>> {
  const limit = clampLimit(page.limit);
  let query = backend.db
    .selectFrom('reports as r')
    .select([...SUMMARY_COLUMNS, 'r.text'])
    .where(sql<SqlBool>`r.seq in ${backend.reportSeqsMatching(q)}`);
  if (page.cursor) query = query.where('r.seq', '<', Number(decodeCursor(page.cursor)[0]));
  const rows = await query.orderBy('r.seq', 'desc').limit(limit + 1).execute();
  const more = rows.length > limit;
  const out = more ? rows.slice(0, limit) : rows;
  const last = out[out.length - 1];
  return {
    rows: out.map((r) => ({ report: toSummary(r), snippet: snippetOf(r.text, q) })),
    next: more && last ? encodeCursor(last.seq, last.id) : null,
  };
}
