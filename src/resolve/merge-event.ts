/**
 * Builds the merged event from all its mentions: figures as low/best/high with the rule that chose
 * best and the sources behind each value, unions of weapons/facilities/utilities/officials/districts
 * with their sources, the place from the most precise and authoritative mention, and finally the
 * analyst's locked values on top.
 */
import type { Evidence } from '../domain/event.js';
import type { MergedEvent } from '../domain/merged-event.js';
import type { EventStatus } from '../domain/vocabulary.js';
import { subEventTypeFor } from '../domain/vocabulary.js';
import { FIGURE_FIELDS, compareAuthority, resolveFigure } from './figures.js';
import type { MentionInput } from './mention.js';
import { unionFields } from './unions.js';

/** An analyst's value for a field, kept over whatever the mentions say. */
export interface Override {
  value: unknown;
  actor: string;
  at: string;
}
export type Overrides = Record<string, Override>;

/** Fields an analyst can lock. Location parts are addressed by their own names. */
export const LOCKABLE_FIELDS = [
  'date',
  'city',
  'oblast',
  'raion',
  'districts',
  'lat',
  'lon',
  'sub_event_type',
  'weapons',
  ...FIGURE_FIELDS,
  'facilities',
  'utilities',
  'officials',
] as const;
export type LockableField = (typeof LOCKABLE_FIELDS)[number];

export interface BuildEventInput {
  id: string;
  status: EventStatus;
  notes: string | null;
  overrides: Overrides;
  mentions: readonly MentionInput[];
  updated_at: string;
  /** The event as it was: used for the place and date when no mention is left. */
  previous?: MergedEvent | null;
}

const MAX_EVIDENCE = 200;

export function chooseDate(mentions: readonly MentionInput[]): string | null {
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.extracted.date) counts.set(m.extracted.date, (counts.get(m.extracted.date) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  // Most mentions win; on a tie the later day (an overnight attack is dated to the day it ends).
  for (const [d, c] of counts) if (c > n || (c === n && best !== null && d > best)) [best, n] = [d, c];
  return best;
}

export function buildMergedEvent(input: BuildEventInput): MergedEvent {
  const all = input.mentions;
  const independent = all.filter((m) => m.independent);
  const basis = independent.length ? independent : all;
  const prev = input.previous ?? null;

  const byPlace = [...basis].sort(
    (a, b) => a.extracted.location.geo_precision - b.extracted.location.geo_precision || compareAuthority(a, b),
  );
  const lead = byPlace[0];
  const unions = unionFields(all);
  const figures = Object.fromEntries(FIGURE_FIELDS.map((f) => [f, resolveFigure(f, all)])) as Record<
    (typeof FIGURE_FIELDS)[number],
    ReturnType<typeof resolveFigure>
  >;

  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  for (const m of all) {
    for (const e of m.extracted.evidence) {
      const k = `${e.field}|${e.quote}`;
      if (seen.has(k) || evidence.length >= MAX_EVIDENCE) continue;
      seen.add(k);
      evidence.push(e);
    }
  }

  const published = all.map((m) => m.published ?? m.ingested_at).sort();
  const sources = [...new Set(basis.map((m) => m.source).filter((s): s is string => !!s))];
  const confidence = basis.length
    ? Math.min(0.99, 1 - basis.reduce((p, m) => p * (1 - m.extracted.confidence), 1))
    : (prev?.confidence ?? 0);

  const location = lead
    ? { ...lead.extracted.location, districts: unions.districts }
    : (prev?.location ?? {
        city: null,
        districts: [],
        raion: null,
        oblast: null,
        country: 'Ukraine' as const,
        lat: null,
        lon: null,
        geo_precision: 3 as const,
        katottg: null,
      });

  const ev: MergedEvent = {
    id: input.id,
    date: lead ? chooseDate(basis) : (prev?.date ?? null),
    date_precision: lead?.extracted.date_precision ?? prev?.date_precision ?? 'day',
    location,
    event_type: 'Explosions/Remote violence',
    sub_event_type: subEventTypeFor(unions.weapons),
    weapons: unions.weapons,
    weapon_counts: unions.weapon_counts,
    killed: figures.killed.best,
    injured: figures.injured.best,
    at_least: figures.killed.at_least || figures.injured.at_least,
    hospitalized: figures.hospitalized.best,
    children_killed: figures.children_killed.best,
    children_injured: figures.children_injured.best,
    facilities: unions.facilities,
    utilities: unions.utilities,
    officials: unions.officials,
    evidence,
    confidence: Math.round(confidence * 1000) / 1000,
    status: input.status,
    figures: Object.fromEntries(
      FIGURE_FIELDS.map((f) => {
        const { at_least: _ignored, ...range } = figures[f];
        return [f, range];
      }),
    ) as MergedEvent['figures'],
    mention_ids: all.map((m) => m.mention_id),
    report_ids: [...new Set(all.map((m) => m.report_id))],
    sources,
    first_reported: published[0] ?? prev?.first_reported ?? null,
    updated_at: input.updated_at,
    locked_fields: Object.keys(input.overrides).sort(),
    notes: input.notes,
    attributions: unions.attributions,
  };
  applyOverrides(ev, input.overrides);
  return ev;
}

/** Puts the analyst's values over the computed ones. */
export function applyOverrides(ev: MergedEvent, overrides: Overrides): void {
  for (const [field, o] of Object.entries(overrides)) {
    const v = o.value as never;
    switch (field) {
      case 'city':
      case 'oblast':
      case 'raion':
      case 'districts':
      case 'lat':
      case 'lon':
        (ev.location as Record<string, unknown>)[field] = v;
        break;
      case 'killed':
      case 'injured':
      case 'hospitalized':
      case 'children_killed':
      case 'children_injured':
        ev[field] = v;
        {
          // The analyst's figure is the best one, and the range widens to hold it: low <= best <= high always.
          const r = ev.figures[field];
          const n = v as number | null;
          const low = n === null ? r.low : r.low === null ? n : Math.min(r.low, n);
          const high = n === null ? r.high : r.high === null ? n : Math.max(r.high, n);
          ev.figures[field] = { ...r, low, best: n, high, rule: `set by ${o.actor} (${o.at})` };
        }
        break;
      case 'weapons':
        ev.weapons = v;
        if (!overrides.sub_event_type) ev.sub_event_type = subEventTypeFor(ev.weapons);
        break;
      case 'date':
      case 'sub_event_type':
      case 'facilities':
      case 'utilities':
      case 'officials':
        (ev as Record<string, unknown>)[field] = v;
        break;
      default:
        break;
    }
  }
}
