/**
 * POST /api/reports: one ReportInput or an array of them. Each item is validated on its own: a bad
 * item is answered with the field at fault and recorded as a rejection, and the rest are extracted
 * and stored in one batch (one transaction), exactly as `strikewatch ingest` would.
 */
import { randomUUID } from 'node:crypto';
import type { ExtractionResult } from '../domain/event.js';
import { ReportInputSchema } from '../domain/report.js';
import { extractReport } from '../extract/index.js';
import type { Origin } from '../ingest/types.js';
import type { IngestBatchResult, IngestItem, IngestOutcome, RejectionInput, Store } from '../store/store.js';
import { ApiError } from './api-error.js';

export const MAX_REPORTS_PER_POST = 1000;

export type ItemOutcome =
  | { index: number; report_id: string; outcome: IngestOutcome; duplicate_of?: string }
  | { index: number; report_id: string | null; outcome: 'rejected'; field: string; reason: string };

export interface IngestPostSummary {
  received: number;
  new: number;
  duplicate: number;
  near_duplicate: number;
  updated: number;
  rejected: number;
  events_created: number;
  events_updated: number;
  items: ItemOutcome[];
}

const RAW_LIMIT = 2000;

function rawOf(value: unknown): string {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > RAW_LIMIT ? `${s.slice(0, RAW_LIMIT)}…` : s;
}

export async function ingestPosted(store: Store, body: unknown, actor: string): Promise<IngestPostSummary> {
  const list = Array.isArray(body) ? body : [body];
  if (list.length === 0) throw new ApiError(400, 'no reports: send one report object or a non-empty array');
  if (list.length > MAX_REPORTS_PER_POST) throw new ApiError(413, `at most ${MAX_REPORTS_PER_POST} reports per request (got ${list.length})`);

  // One location per request, so identical mistakes in two requests are both kept.
  const location = `api:POST /api/reports ${new Date().toISOString()} ${randomUUID().slice(0, 8)} by ${actor}`;
  const items: IngestItem[] = [];
  const indexOf: number[] = [];
  const outcomes: Array<ItemOutcome | undefined> = new Array(list.length);
  const rejections: RejectionInput[] = [];

  list.forEach((raw, index) => {
    const origin: Origin = { location, format: 'unknown', line: index + 1 };
    const reportId = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
    const reject = (field: string, reason: string) => {
      outcomes[index] = { index, report_id: reportId, outcome: 'rejected', field, reason };
      rejections.push({ origin, field, reason, raw: rawOf(raw) });
    };
    const parsed = ReportInputSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      reject(issue.path.map(String).join('.') || 'body', issue.message);
      return;
    }
    const report = parsed.data;
    let extraction: ExtractionResult;
    try {
      extraction = extractReport(report, report.published ? { referenceDate: report.published.slice(0, 10) } : {});
    } catch (err) {
      // An extractor failure is that report's problem, never the batch's.
      reject('text', `extraction failed: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    items.push({ report, extraction, origin });
    indexOf.push(index);
  });

  if (rejections.length) await store.recordRejections(rejections);
  const empty: IngestBatchResult = { items: [], new: 0, duplicate: 0, near_duplicate: 0, updated: 0, mentions: 0, events_created: 0, events_updated: 0 };
  const res = items.length ? await store.ingestBatch(items) : empty;
  res.items.forEach((r, i) => {
    const index = indexOf[i]!;
    outcomes[index] = { index, report_id: r.report_id, outcome: r.outcome, ...(r.duplicate_of ? { duplicate_of: r.duplicate_of } : {}) };
  });
  return {
    received: list.length,
    new: res.new,
    duplicate: res.duplicate,
    near_duplicate: res.near_duplicate,
    updated: res.updated,
    rejected: rejections.length,
    events_created: res.events_created,
    events_updated: res.events_updated,
    items: outcomes.filter((o): o is ItemOutcome => o !== undefined),
  };
}
