/** The revision log records only what changed, field by field, in a readable form. */
import type { MergedEvent } from '../domain/merged-event.js';

function view(ev: MergedEvent | null): Record<string, unknown> {
  if (!ev) return {};
  return {
    date: ev.date,
    city: ev.location.city,
    oblast: ev.location.oblast,
    raion: ev.location.raion,
    districts: ev.location.districts,
    lat: ev.location.lat,
    lon: ev.location.lon,
    sub_event_type: ev.sub_event_type,
    weapons: ev.weapons,
    killed: ev.killed,
    injured: ev.injured,
    hospitalized: ev.hospitalized,
    children_killed: ev.children_killed,
    children_injured: ev.children_injured,
    at_least: ev.at_least,
    facilities: ev.facilities.map((f) => `${f.category}: ${f.text}`),
    utilities: ev.utilities.map((u) => u.utility),
    officials: ev.officials.map((o) => o.name),
    status: ev.status,
    notes: ev.notes,
    mentions: ev.mention_ids.length,
    figures: Object.fromEntries(
      Object.entries(ev.figures).map(([k, f]) => [k, { low: f.low, best: f.best, high: f.high, sources: f.sources.length }]),
    ),
    sources: ev.sources,
    confidence: ev.confidence,
    locked_fields: ev.locked_fields,
  };
}

export function diffEvents(before: MergedEvent | null, after: MergedEvent): Record<string, { before: unknown; after: unknown }> {
  const a = view(before);
  const b = view(after);
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const k of Object.keys(b)) {
    const x = a[k] ?? null;
    const y = b[k] ?? null;
    if (JSON.stringify(x) !== JSON.stringify(y)) out[k] = { before: x, after: y };
  }
  return out;
}
