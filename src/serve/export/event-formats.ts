/**
 * The export twins of the events list: CSV, GeoJSON (RFC 7946) and NDJSON, each a stream of text
 * chunks over every matching event (the store reads them in keyset pages).
 */
import type { MergedEvent } from '../../domain/merged-event.js';
import { safeJson } from '../json-text.js';
import { csvRow } from './csv.js';
import { EVENT_COLUMNS, eventRow, eventRowCells } from './event-row.js';

export async function* eventsCsv(events: AsyncIterable<MergedEvent>): AsyncIterable<string> {
  yield csvRow(EVENT_COLUMNS);
  for await (const e of events) yield csvRow(eventRowCells(e));
}

export async function* eventsNdjson(events: AsyncIterable<MergedEvent>): AsyncIterable<string> {
  for await (const e of events) yield `${safeJson(e)}\n`;
}

/** RFC 7946: [longitude, latitude]; an event without coordinates keeps its feature, geometry null. */
export function eventFeature(e: MergedEvent): object {
  const { lat, lon } = e.location;
  const geometry = lat !== null && lon !== null ? { type: 'Point', coordinates: [lon, lat] } : null;
  return { type: 'Feature', id: e.id, geometry, properties: eventRow(e) };
}

export async function* eventsGeojson(events: AsyncIterable<MergedEvent>): AsyncIterable<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const e of events) {
    yield `${first ? '' : ','}\n${safeJson(eventFeature(e))}`;
    first = false;
  }
  yield '\n]}\n';
}
