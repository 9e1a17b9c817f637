/** The oblast shapes, read once: the map draws them and the oblast filter lists their names. */
import { signal } from '@preact/signals';
import { fetchRawJson } from './api.js';

let pending: Promise<GeoJSON.FeatureCollection> | null = null;

export function loadOblastShapes(): Promise<GeoJSON.FeatureCollection> {
  pending ??= fetchRawJson('/api/geo/oblasts.geojson').then((geo) => {
    const fc = geo as GeoJSON.FeatureCollection;
    oblastNames.value = [...new Set(fc.features.map((f) => String(f.properties?.name ?? '')).filter(Boolean))].sort();
    return fc;
  });
  pending.catch(() => {
    pending = null; // let a later mount try again
  });
  return pending;
}

export const oblastNames = signal<string[]>([]);
