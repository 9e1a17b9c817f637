/**
 * The filters over stored events: one schema shared by the CLI, the API (query strings of every
 * format twin), the store implementations and the dashboard's URL state.
 */
import { z } from 'zod';
import { EVENT_VIEWS } from './event-list-item.js';
import { EVENT_STATUSES, FACILITY_CATEGORIES, UTILITIES, WEAPONS } from './vocabulary.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const EVENT_SORTS = ['date', '-date', 'killed', '-killed', 'injured', '-injured'] as const;

export const EventQuerySchema = z.object({
  date_from: day.optional(),
  date_to: day.optional(),
  oblast: z.string().min(1).optional(),
  city: z.string().min(1).optional(),
  weapon: z.enum(WEAPONS).optional(),
  facility: z.enum(FACILITY_CATEGORIES).optional(),
  utility: z.enum(UTILITIES).optional(),
  min_killed: z.coerce.number().int().nonnegative().optional(),
  min_injured: z.coerce.number().int().nonnegative().optional(),
  q: z.string().min(1).optional(), // full-text search over the reports behind the event
  status: z.enum(EVENT_STATUSES).optional(),
  sort: z.enum(EVENT_SORTS).default('-date'),
  /** Opaque keyset cursor from the previous page's `next`. */
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** Exports ignore it: they always write the whole record. */
  view: z.enum(EVENT_VIEWS).optional().describe('list pages: summary (the default: figures without per-source values, no evidence or attributions) or full'),
});
export type EventQuery = z.infer<typeof EventQuerySchema>;
