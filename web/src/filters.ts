/**
 * The dashboard's filter state, mirrored in the URL query string (history.replaceState) so a view
 * can be shared: the same keys as the API's /api/events query, so the download links are the
 * current query string on the format twins.
 */
import { computed, signal } from '@preact/signals';

export const FILTER_KEYS = ['date_from', 'date_to', 'oblast', 'weapon', 'facility', 'utility', 'status', 'q'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export const SORTS = ['date', '-date', 'killed', '-killed', 'injured', '-injured'] as const;
export type Sort = (typeof SORTS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseFilters(search: string): { filters: Filters; sort: Sort } {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const v = params.get(key)?.trim();
    if (!v) continue;
    // A hand-edited URL with a bad date would make every request fail with 400: drop it instead.
    if ((key === 'date_from' || key === 'date_to') && !DAY.test(v)) continue;
    filters[key] = v;
  }
  const s = params.get('sort');
  const sort = (SORTS as readonly string[]).includes(s ?? '') ? (s as Sort) : '-date';
  return { filters, sort };
}

/** Query string for the API (and the page URL): only set keys, in a stable order. */
export function toQuery(filters: Filters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]!);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') params.set(k, v);
  return params.toString();
}

const initial = parseFilters(typeof location === 'undefined' ? '' : location.search);
export const filters = signal<Filters>(initial.filters);
export const sort = signal<Sort>(initial.sort);

/** The filters without the date range: what the timeline shows, so a brushed range can be widened again. */
export const filtersWithoutDates = computed<Filters>(() => {
  const { date_from: _from, date_to: _to, ...rest } = filters.value;
  return rest;
});

export function setFilter(key: FilterKey, value: string | undefined): void {
  const next = { ...filters.value };
  if (value) next[key] = value;
  else delete next[key];
  filters.value = next;
}

export function setDateRange(from: string | undefined, to: string | undefined): void {
  const next = { ...filters.value };
  if (from) next.date_from = from;
  else delete next.date_from;
  if (to) next.date_to = to;
  else delete next.date_to;
  filters.value = next;
}

/** Writes the state into the address bar without adding history entries (one per keystroke would be noise). */
export function syncUrl(): void {
  const qs = toQuery(filters.value, { sort: sort.value === '-date' ? undefined : sort.value });
  const url = `${location.pathname}${qs ? `?${qs}` : ''}`;
  if (url !== `${location.pathname}${location.search}`) history.replaceState(history.state, '', url);
}

/** After back/forward or a link into the dashboard: state from the URL again. */
export function restoreFromUrl(): void {
  const parsed = parseFilters(location.search);
  filters.value = parsed.filters;
  sort.value = parsed.sort;
}
