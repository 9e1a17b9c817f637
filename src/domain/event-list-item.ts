/**
 * The list shape of an event (EventListItem): the merged record without what only the event page needs. List pages
 * (GET /api/events, the dashboard's map and table) carry every figure's low / best / high and the
 * rule that chose best, but not each source's value and quote, the evidence offsets or the per-value
 * attributions: those are most of a stored event (about 60% with one source, more with five) and are
 * one request away at /api/events/:id. `?view=full` gives list pages the whole record; the exports
 * (.csv, .geojson, .ndjson) always read the whole record.
 */
import { z } from 'zod';
import { FigureRangeSchema, MergedEventSchema, type FigureRange, type MergedEvent } from './merged-event.js';

export const EVENT_VIEWS = ['summary', 'full'] as const;
export type EventView = (typeof EVENT_VIEWS)[number];

export const FigureSummarySchema = FigureRangeSchema.omit({ sources: true }).extend({
  /** How many sources gave a value (their values and quotes: the event page). */
  source_count: z.number().int().nonnegative(),
});
export type FigureSummary = z.infer<typeof FigureSummarySchema>;

export const EventListItemSchema = MergedEventSchema.omit({ evidence: true, attributions: true, figures: true }).extend({
  figures: z.object({
    killed: FigureSummarySchema,
    injured: FigureSummarySchema,
    hospitalized: FigureSummarySchema,
    children_killed: FigureSummarySchema,
    children_injured: FigureSummarySchema,
  }),
});
export type EventListItem = z.infer<typeof EventListItemSchema>;

function summarizeFigure({ sources, ...range }: FigureRange): FigureSummary {
  return { ...range, source_count: sources.length };
}

export function toEventListItem(e: MergedEvent): EventListItem {
  const { evidence: _evidence, attributions: _attributions, figures, ...rest } = e;
  return {
    ...rest,
    figures: {
      killed: summarizeFigure(figures.killed),
      injured: summarizeFigure(figures.injured),
      hospitalized: summarizeFigure(figures.hospitalized),
      children_killed: summarizeFigure(figures.children_killed),
      children_injured: summarizeFigure(figures.children_injured),
    },
  };
}
