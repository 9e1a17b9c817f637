/**
 * The `notes` column: one sentence built from the coded fields (never report text copied, which
 * is untrusted and may be copyrighted), in the spirit of ACLED's notes. Labels come from the vocabulary.
 */
import type { MergedEvent } from '../../domain/merged-event.js';
import { FACILITY_LABELS, UTILITY_LABELS, WEAPON_LABELS } from '../../domain/vocabulary.js';

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function count(n: number | null, word: string): string | null {
  return n === null ? null : `${n} ${word}`;
}

export function eventNotes(e: MergedEvent): string {
  const weapons = e.weapons.filter((w) => w !== 'unknown').map((w) => WEAPON_LABELS[w].label.toLowerCase());
  const what = weapons.length ? `${list(weapons)} attack` : 'attack';
  const loc = e.location;
  const where = loc.city ? `${loc.city}${loc.oblast && loc.oblast !== loc.city ? ` (${loc.oblast} oblast)` : ''}` : loc.oblast ? `${loc.oblast} oblast` : 'an unnamed place';
  const when = e.date ? `On ${e.date}, ` : '';
  const article = /^[aeiou]/i.test(what) ? 'an' : 'a';
  const phrase = `${article} ${what} hit ${where}`;
  let s = when ? `${when}${phrase}` : `${phrase[0]!.toUpperCase()}${phrase.slice(1)}`;
  const toll = [count(e.killed, 'killed'), count(e.injured, 'injured')].filter((x): x is string => x !== null);
  const children = [count(e.children_killed, 'children killed'), count(e.children_injured, 'children injured')].filter((x): x is string => x !== null && !x.startsWith('0 '));
  if (toll.length) s += `: ${toll.join(', ')}${e.at_least ? ' (at least)' : ''}${children.length ? `, including ${children.join(' and ')}` : ''}`;
  const facilities = [...new Set(e.facilities.map((f) => FACILITY_LABELS[f.category].toLowerCase()))];
  if (facilities.length) s += `; ${list(facilities)} facilities damaged`;
  const utilities = [...new Set(e.utilities.map((u) => UTILITY_LABELS[u.utility].toLowerCase()))];
  if (utilities.length) s += `; ${list(utilities)} outages`;
  const n = e.report_ids.length;
  return `${s}. Reported by ${n} report${n === 1 ? '' : 's'}.`;
}
