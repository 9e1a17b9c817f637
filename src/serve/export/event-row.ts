/**
 * A MergedEvent flattened to one row: ACLED's columns where they overlap, then ours. Used by the CSV
 * export (as text) and as GeoJSON feature properties (typed values).
 *
 * ACLED conventions kept: actor1 is "Military Forces of Russia (2000-)"; time_precision 1/2/3 for
 * day/week/month; iso 804. The civilian-targeting rule is deliberately simple: an event is coded
 * "Civilian targeting" (with actor2 "Civilians (Ukraine)") when a civilian facility was damaged
 * (residential, medical, education, commercial, cultural) or children were killed or injured;
 * otherwise the column is empty and analysts decide.
 */
import type { MergedEvent } from '../../domain/merged-event.js';
import type { FacilityCategory } from '../../domain/vocabulary.js';
import { eventNotes } from './event-notes.js';

export const EVENT_COLUMNS = [
  'event_id', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'actor2', 'civilian_targeting', 'iso', 'region', 'country', 'admin1', 'admin2', 'admin3',
  'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'fatalities',
  'injured', 'hospitalized', 'children_killed', 'children_injured', 'killed_low', 'killed_best',
  'killed_high', 'injured_low', 'injured_best', 'injured_high', 'weapons', 'facilities', 'utilities',
  'officials', 'status', 'report_count', 'katottg',
] as const;
export type EventColumn = (typeof EVENT_COLUMNS)[number];
export type EventRow = Record<EventColumn, string | number | null>;

const CIVILIAN_FACILITIES: ReadonlySet<FacilityCategory> = new Set(['residential', 'medical', 'education', 'commercial', 'cultural']);
const TIME_PRECISION = { day: 1, week: 2, month: 3 } as const;
/** ACLED source_scale words for our source kinds, in ACLED's order of mention. */
const SOURCE_SCALE: Array<[string, string]> = [
  ['official', 'Subnational'],
  ['media', 'National'],
  ['wire', 'International'],
  ['aggregator', 'Other'],
];

export function isCivilianTargeting(e: MergedEvent): boolean {
  return e.facilities.some((f) => CIVILIAN_FACILITIES.has(f.category)) || (e.children_killed ?? 0) > 0 || (e.children_injured ?? 0) > 0;
}

function sourceScale(e: MergedEvent): string | null {
  const kinds = new Set<string>();
  for (const f of Object.values(e.figures)) for (const s of f.sources) kinds.add(s.source_kind);
  const words = SOURCE_SCALE.filter(([k]) => kinds.has(k)).map(([, w]) => w);
  return words.length ? words.join('-') : null;
}

const joined = (xs: string[]): string | null => (xs.length ? [...new Set(xs)].join(';') : null);

export function eventRow(e: MergedEvent): EventRow {
  const loc = e.location;
  const civilian = isCivilianTargeting(e);
  return {
    event_id: e.id,
    event_date: e.date,
    year: e.date ? Number(e.date.slice(0, 4)) : null,
    time_precision: TIME_PRECISION[e.date_precision],
    disorder_type: 'Political violence',
    event_type: e.event_type,
    sub_event_type: e.sub_event_type,
    actor1: 'Military Forces of Russia (2000-)',
    actor2: civilian ? 'Civilians (Ukraine)' : null,
    civilian_targeting: civilian ? 'Civilian targeting' : null,
    iso: 804,
    region: 'Europe',
    country: loc.country,
    admin1: loc.oblast,
    admin2: loc.raion,
    admin3: loc.hromada ?? null,
    location: loc.city ?? loc.oblast,
    latitude: loc.lat,
    longitude: loc.lon,
    geo_precision: loc.geo_precision,
    source: e.sources.length ? e.sources.join('; ') : null,
    source_scale: sourceScale(e),
    notes: eventNotes(e),
    fatalities: e.killed,
    injured: e.injured,
    hospitalized: e.hospitalized,
    children_killed: e.children_killed,
    children_injured: e.children_injured,
    killed_low: e.figures.killed.low,
    killed_best: e.figures.killed.best,
    killed_high: e.figures.killed.high,
    injured_low: e.figures.injured.low,
    injured_best: e.figures.injured.best,
    injured_high: e.figures.injured.high,
    weapons: joined(e.weapons),
    facilities: joined(e.facilities.map((f) => f.category)),
    utilities: joined(e.utilities.map((u) => u.utility)),
    officials: joined(e.officials.map((o) => (o.role ? `${o.name} (${o.role})` : o.name))),
    status: e.status,
    report_count: e.report_ids.length,
    katottg: loc.katottg,
  };
}

export function eventRowCells(e: MergedEvent): Array<string | number | null> {
  const row = eventRow(e);
  return EVENT_COLUMNS.map((c) => row[c]);
}
