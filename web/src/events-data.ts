/**
 * Reading events for the map and the timeline: every event of a filter, page by page, up to a cap
 * (the map stays responsive; the cap is shown to the analyst when hit).
 */
import { apiGet } from './api.js';
import { toQuery, type Filters } from './filters.js';
import type { EventListItem, StoreStats } from './types.js';

export const MAP_CAP = 5000;

export interface EventSet {
  events: EventListItem[];
  /** True when more events match than were read (MAP_CAP). */
  truncated: boolean;
}

export async function fetchAllEvents(filters: Filters, signal?: AbortSignal, cap = MAP_CAP): Promise<EventSet> {
  const events: EventListItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await apiGet<EventListItem[]>(`/api/events?${toQuery(filters, { limit: '1000', cursor })}`, signal);
    events.push(...page.data);
    cursor = page.next ?? undefined;
  } while (cursor && events.length < cap);
  return { events, truncated: cursor !== undefined };
}

export interface DaySeries {
  /** Days as YYYY-MM-DD, ascending, with no gaps (quiet days are zeros, so the line does not lie). */
  days: string[];
  events: number[];
  killed: number[];
  injured: number[];
}

const DAY_MS = 86_400_000;

export function fillDays(rows: ReadonlyArray<{ date: string; events: number; killed: number; injured: number }>): DaySeries {
  const byDay = new Map<string, { events: number; killed: number; injured: number }>();
  for (const r of rows) {
    const acc = byDay.get(r.date) ?? { events: 0, killed: 0, injured: 0 };
    acc.events += r.events;
    acc.killed += r.killed;
    acc.injured += r.injured;
    byDay.set(r.date, acc);
  }
  const sorted = [...byDay.keys()].sort();
  const out: DaySeries = { days: [], events: [], killed: [], injured: [] };
  if (!sorted.length) return out;
  let first = Date.parse(`${sorted[0]}T00:00:00Z`);
  let last = Date.parse(`${sorted.at(-1)}T00:00:00Z`);
  // One day is no line and no span to brush: show its quiet neighbours (truly zero for this filter).
  if (first === last) {
    first -= DAY_MS;
    last += DAY_MS;
  }
  for (let t = first; t <= last; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    const v = byDay.get(day);
    out.days.push(day);
    out.events.push(v?.events ?? 0);
    out.killed.push(v?.killed ?? 0);
    out.injured.push(v?.injured ?? 0);
  }
  return out;
}

/** Per-day totals of a filtered event list (events without a date have no place on a timeline). */
export function aggregateByDay(events: readonly EventListItem[]): DaySeries {
  return fillDays(events.filter((e) => e.date).map((e) => ({ date: e.date!, events: 1, killed: e.killed ?? 0, injured: e.injured ?? 0 })));
}

export async function fetchTimeline(filters: Filters, signal?: AbortSignal): Promise<DaySeries> {
  if (Object.keys(filters).length === 0) {
    // Unfiltered: the server's aggregate covers every event, not just the first MAP_CAP.
    const { data } = await apiGet<StoreStats>('/api/stats', signal);
    return fillDays(data.by_day);
  }
  return aggregateByDay((await fetchAllEvents(filters, signal)).events);
}
