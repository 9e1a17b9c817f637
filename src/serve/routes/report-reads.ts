/**
 * GET /api/reports (+ .json, .csv, .ndjson twins) and GET /api/reports/:id(.json): report summaries
 * in keyset pages, and one report with its text and evidence spans. Report text is untrusted: it is
 * only ever served as escaped JSON (see json-text.ts), never as markup.
 */
import type { Context, Hono } from 'hono';
import type { Store, StoredReportSummary } from '../../store/store.js';
import { notFound } from '../api-error.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { ok, okPage } from '../envelope.js';
import { reportsCsv, reportsNdjson } from '../export/report-formats.js';
import { attachment, prime, streamResponse } from '../export/stream-body.js';
import { parseQuery } from '../query-params.js';
import { ReportQuerySchema } from '../report-query-schema.js';
import type { ReportQuery } from '../../store/store.js';

async function* allReports(store: Store, q: ReportQuery): AsyncIterable<StoredReportSummary> {
  let cursor: string | undefined;
  for (;;) {
    const page = await store.listReports({ ...q, cursor, limit: 1000 });
    yield* page.rows;
    if (!page.next) return;
    cursor = page.next;
  }
}

const EXPORTS = {
  csv: { format: reportsCsv, type: 'text/csv; charset=utf-8; header=present' },
  ndjson: { format: reportsNdjson, type: 'application/x-ndjson; charset=utf-8' },
} as const;

export function registerReportReads(app: Hono<AppEnv>, { store }: AppDeps): void {
  const list = async (c: Context<AppEnv>) => {
    const q = parseQuery(c, ReportQuerySchema);
    const page = await store.listReports(q);
    return okPage(c, page.rows, page.next);
  };
  app.get('/api/reports', list);
  app.get('/api/reports.json', list);

  for (const [ext, { format, type }] of Object.entries(EXPORTS)) {
    app.get(`/api/reports.${ext}`, async (c) => {
      const { cursor: _ignored, ...q } = parseQuery(c, ReportQuerySchema);
      const reports = await prime(allReports(store, q));
      return streamResponse(format(reports), attachment(`strikewatch-reports.${ext}`, type));
    });
  }

  app.get('/api/reports/:id', async (c) => {
    const raw = c.req.param('id');
    // Report ids are free-form: try the id as given first, then without a `.json` twin suffix.
    const report = (await store.getReport(raw)) ?? (raw.endsWith('.json') ? await store.getReport(raw.slice(0, -5)) : null);
    if (!report) throw notFound(`report ${raw}`);
    return ok(c, report);
  });
}
