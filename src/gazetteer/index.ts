/**
 * The gazetteer, loaded once per process on first use.
 */
import { UkraineGazetteer } from './gazetteer.js';

export type { Gazetteer, Place, PlaceKind, PlaceSpan, ResolvedPlace, PlaceSearchResult } from './types.js';
export { UkraineGazetteer } from './gazetteer.js';

let instance: UkraineGazetteer | null = null;

export function getGazetteer(): UkraineGazetteer {
  instance ??= UkraineGazetteer.load();
  return instance;
}
