/**
 * A report as it enters the pipeline, whatever it was read from (text file, HTML page, JSON line,
 * feed item, Telegram message, API POST). Every ingest reader produces this shape.
 */
import { z } from 'zod';
import { LANGUAGES } from './vocabulary.js';

/** A date (YYYY-MM-DD) or an ISO 8601 date-time with offset. */
export const PublishedSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected YYYY-MM-DD or an ISO 8601 date-time');

export const ReportInputSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  published: PublishedSchema.nullable().optional(),
  title: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  source: z.string().nullable().optional(), // outlet or channel name ("Kharkiv City Council", "Reuters")
  lang: z.enum(LANGUAGES).nullable().optional(),
});
export type ReportInput = z.infer<typeof ReportInputSchema>;

/** Kinds of source, for choosing the best figure: officials' own words outrank media retelling. */
export const SOURCE_KINDS = ['official', 'wire', 'media', 'aggregator', 'unknown'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
