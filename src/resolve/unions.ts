/**
 * The union fields of an event (weapons, facilities, utilities, officials, districts): every value
 * any mention gave, each with the mentions and sources behind it. Nothing is dropped, except the
 * placeholder weapon "unknown" once some mention names the weapon.
 */
import type { ExtractedEvent } from '../domain/event.js';
import type { Attribution } from '../domain/merged-event.js';
import type { MentionInput } from './mention.js';

interface Acc<T> {
  key: string;
  value: T;
  attribution: Attribution;
}

function unionBy<T>(
  mentions: readonly MentionInput[],
  items: (e: ExtractedEvent) => readonly T[],
  key: (v: T) => string,
  label: (v: T) => string,
  combine?: (a: T, b: T) => T,
): Array<Acc<T>> {
  const out = new Map<string, Acc<T>>();
  for (const m of mentions) {
    for (const v of items(m.extracted)) {
      const k = key(v);
      let acc = out.get(k);
      if (!acc) {
        acc = { key: k, value: v, attribution: { value: label(v), mention_ids: [], sources: [] } };
        out.set(k, acc);
      } else if (combine) {
        acc.value = combine(acc.value, v);
      }
      if (!acc.attribution.mention_ids.includes(m.mention_id)) acc.attribution.mention_ids.push(m.mention_id);
      const src = m.source ?? m.report_id;
      if (!acc.attribution.sources.includes(src)) acc.attribution.sources.push(src);
    }
  }
  return [...out.values()];
}

const norm = (s: string) => s.trim().toLowerCase();

export function unionFields(mentions: readonly MentionInput[]) {
  let weapons = unionBy(mentions, (e) => e.weapons, (w) => w, (w) => w);
  if (weapons.some((w) => w.value !== 'unknown')) weapons = weapons.filter((w) => w.value !== 'unknown');
  const facilities = unionBy(mentions, (e) => e.facilities, (f) => `${f.category}|${norm(f.text)}`, (f) => `${f.category}: ${f.text}`);
  const utilities = unionBy(
    mentions,
    (e) => e.utilities,
    (u) => `${u.utility}|${norm(u.text)}`,
    (u) => u.utility,
    (a, b) => ((b.affected ?? -1) > (a.affected ?? -1) ? b : a),
  );
  const officials = unionBy(
    mentions,
    (e) => e.officials,
    (o) => norm(o.name),
    (o) => o.name,
    (a, b) => (a.role ? a : b),
  );
  const districts = unionBy(mentions, (e) => e.location.districts, norm, (d) => d);

  const weaponCounts: Record<string, number> = {};
  for (const m of mentions) {
    for (const [w, n] of Object.entries(m.extracted.weapon_counts)) weaponCounts[w] = Math.max(weaponCounts[w] ?? 0, n);
  }
  return {
    weapons: weapons.map((a) => a.value),
    weapon_counts: weaponCounts,
    facilities: facilities.map((a) => a.value),
    utilities: utilities.map((a) => a.value),
    officials: officials.map((a) => a.value),
    districts: districts.map((a) => a.value),
    attributions: {
      weapons: weapons.map((a) => a.attribution),
      facilities: facilities.map((a) => a.attribution),
      utilities: utilities.map((a) => a.attribution),
      officials: officials.map((a) => a.attribution),
      districts: districts.map((a) => a.attribution),
    },
  };
}
