/**
 * The resolved event: one record per attack, built from every report that mentions it. Extends the
 * extracted-event contract with figure ranges, sources and review state. The store returns it, the
 * API serves it, the exports flatten it.
 */
import { z } from 'zod';
import { ExtractedEventSchema } from './event.js';
import { EVENT_STATUSES } from './vocabulary.js';

/** One source's value for a figure, with the mention (report + extracted event) it came from. */
export const FigureSourceSchema = z.object({
  mention_id: z.string(),
  report_id: z.string(),
  value: z.number().int().nonnegative(),
  at_least: z.boolean(),
  source: z.string().nullable(),
  source_kind: z.string(),
  published: z.string().nullable(),
  quote: z.string().nullable(),
});

export const FigureRangeSchema = z.object({
  low: z.number().int().nonnegative().nullable(),
  best: z.number().int().nonnegative().nullable(),
  high: z.number().int().nonnegative().nullable(),
  /** Why `best` was chosen, in words: "latest official figure (Kharkiv City Council, 2026-01-24T09:10Z)". */
  rule: z.string().nullable(),
  sources: z.array(FigureSourceSchema),
});
export type FigureRange = z.infer<typeof FigureRangeSchema>;

/** One value of a union field (a weapon, facility, utility, official, district) and the mentions that gave it. */
export const AttributionSchema = z.object({
  value: z.string(), // weapon key, "category: text", utility key, official name, district name
  mention_ids: z.array(z.string()),
  sources: z.array(z.string()),
});
export type Attribution = z.infer<typeof AttributionSchema>;

export const MergedEventSchema = ExtractedEventSchema.extend({
  status: z.enum(EVENT_STATUSES),
  figures: z.object({
    killed: FigureRangeSchema,
    injured: FigureRangeSchema,
    hospitalized: FigureRangeSchema,
    children_killed: FigureRangeSchema,
    children_injured: FigureRangeSchema,
  }),
  mention_ids: z.array(z.string()),
  report_ids: z.array(z.string()),
  sources: z.array(z.string()), // outlet / channel names, for the ACLED-style `source` column
  first_reported: z.string().nullable(),
  updated_at: z.string(),
  /** Fields an analyst set by hand; re-extraction never overwrites them. */
  locked_fields: z.array(z.string()),
  notes: z.string().nullable(),
  /** Which mentions/sources stand behind each value of the union fields. */
  attributions: z
    .object({
      weapons: z.array(AttributionSchema),
      facilities: z.array(AttributionSchema),
      utilities: z.array(AttributionSchema),
      officials: z.array(AttributionSchema),
      districts: z.array(AttributionSchema),
    })
    .optional(),
});
export type MergedEvent = z.infer<typeof MergedEventSchema>;
