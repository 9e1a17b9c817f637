/** Marker size and tooltip for one event (apart from the map so they can be read and tested alone). */
import type { EventListItem } from '../types.js';
import { labelOf } from '../vocabulary.js';

/** Area grows with casualties (sqrt scale): a 100-casualty strike is 10× the radius step, not 100×. */
export function markerRadius(e: Pick<EventListItem, 'killed' | 'injured'>): number {
  const n = (e.killed ?? 0) + (e.injured ?? 0);
  return 4 + 2.2 * Math.sqrt(n);
}

export function figure(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : String(n);
}

/** Built with text nodes: Leaflet would parse a string tooltip as HTML. */
export function tooltipNode(e: EventListItem): HTMLElement {
  const div = document.createElement('div');
  const place = document.createElement('strong');
  place.textContent = [e.location.city, e.location.oblast].filter(Boolean).join(', ') || 'Unknown place';
  const line2 = document.createElement('div');
  line2.textContent = `${e.date ?? 'undated'} · ${e.weapons.map((w) => labelOf('weapons', w)).join(', ') || 'weapon not stated'}`;
  const line3 = document.createElement('div');
  line3.textContent = `killed ${figure(e.killed)} · injured ${figure(e.injured)}`;
  div.append(place, line2, line3);
  return div;
}
