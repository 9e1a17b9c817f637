/**
 * When does a mention belong to an existing event? Same settlement (or same region when no
 * settlement is named), same day — or the next/previous day when either side is an overnight
 * attack, which straddles midnight — unless the details show two separate attacks.
 */
import type { ExtractedEvent } from '../domain/event.js';

const norm = (s: string) => s.trim().toLowerCase().normalize('NFC');

/**
 * The place an event is keyed on: settlement + oblast, or the oblast alone for region-only
 * mentions; null when nothing is known (such a mention stays an event of its own).
 */
export function placeKey(e: ExtractedEvent): string | null {
  const { city, oblast } = e.location;
  if (city) return `c:${norm(oblast ?? '')}|${norm(city)}`;
  if (oblast) return `o:${norm(oblast)}`;
  return null;
}

/** Whole days from a to b (YYYY-MM-DD). */
export function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const NIGHT = /night|overnight|ніч|ночі|вночі|ночь|ночи|ночью/iu;
const SMALL_HOURS = /\b0?[0-5][:.][0-5]\d\b/u;

/** The date evidence speaks of the night or the small hours. */
export function isOvernight(e: ExtractedEvent): boolean {
  return e.evidence.some((ev) => (ev.field === 'date' || ev.field === 'time') && (NIGHT.test(ev.quote) || SMALL_HOURS.test(ev.quote)));
}

/** What the matcher needs to know about an event as it stands. */
export interface EventSummary {
  date: string | null;
  report_ids: ReadonlySet<string>;
  weapons: readonly string[];
  districts: readonly string[];
  facility_categories: readonly string[];
  overnight: boolean;
}

function disjoint(a: readonly string[], b: readonly string[]): boolean {
  if (!a.length || !b.length) return false;
  const s = new Set(a.map(norm));
  return !b.some((x) => s.has(norm(x)));
}

/**
 * How well a mention fits an event of the same place, or null when it cannot join: the same report
 * already is in the event (a report's two events for one place are two attacks), the days are too
 * far apart, or the details (different weapons hitting different districts or kinds of target)
 * show a separate attack.
 */
export function joinScore(mention: ExtractedEvent, reportId: string, event: EventSummary): number | null {
  if (event.report_ids.has(reportId)) return null;
  if (!mention.date || !event.date) return null;
  const diff = Math.abs(dayDiff(event.date, mention.date));
  if (diff > 1) return null;
  if (diff === 1 && !(event.overnight || isOvernight(mention))) return null;

  const weapons = mention.weapons.filter((w) => w !== 'unknown');
  const eventWeapons = event.weapons.filter((w) => w !== 'unknown');
  const facilities = mention.facilities.map((f) => f.category);
  if (diff === 1) {
    // Across midnight only the same night joins: a daytime strike and the next night's attack on the
    // same city are two attacks, so any detail that differs (weapon, district, kind of target) splits them.
    if (disjoint(weapons, eventWeapons) || disjoint(mention.location.districts, event.districts) || disjoint(facilities, event.facility_categories)) return null;
  } else if (disjoint(weapons, eventWeapons)) {
    if (disjoint(mention.location.districts, event.districts) || disjoint(facilities, event.facility_categories)) return null;
  }
  let score = diff === 0 ? 10 : 5;
  for (const w of weapons) if (eventWeapons.includes(w)) score += 1;
  for (const d of mention.location.districts) if (event.districts.some((x) => norm(x) === norm(d))) score += 1;
  return score;
}
