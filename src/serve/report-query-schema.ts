/** The filters of GET /api/reports (and its .csv/.ndjson twins), mirroring ReportQuery in store.ts. */
import { z } from 'zod';
import { SOURCE_KINDS } from '../domain/report.js';
import type { ReportQuery } from '../store/store.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const ReportQuerySchema = z.object({
  source: z.string().min(1).optional(),
  source_kind: z.enum(SOURCE_KINDS).optional(),
  q: z.string().min(1).optional(),
  event_id: z.string().min(1).optional(),
  date_from: day.optional(),
  date_to: day.optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

// Compile-time mirror check: a parsed query must be a valid ReportQuery.
const _mirror = (q: z.infer<typeof ReportQuerySchema>): ReportQuery => q;
void _mirror;
