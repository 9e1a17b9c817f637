/** The export twins of the reports list: CSV and NDJSON of report summaries (no text). */
import type { StoredReportSummary } from '../../store/store.js';
import { safeJson } from '../json-text.js';
import { csvRow } from './csv.js';

export const REPORT_COLUMNS = [
  'id', 'source', 'source_kind', 'url', 'title', 'published', 'lang', 'content_hash', 'ingested_at', 'duplicate_of', 'mention_count',
] as const satisfies ReadonlyArray<keyof StoredReportSummary>;

export async function* reportsCsv(reports: AsyncIterable<StoredReportSummary>): AsyncIterable<string> {
  yield csvRow(REPORT_COLUMNS);
  for await (const r of reports) yield csvRow(REPORT_COLUMNS.map((c) => r[c]));
}

export async function* reportsNdjson(reports: AsyncIterable<StoredReportSummary>): AsyncIterable<string> {
  for await (const r of reports) yield `${safeJson(r)}\n`;
}
