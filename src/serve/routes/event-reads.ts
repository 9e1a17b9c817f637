/**
 * GET /api/events (+ .json, .csv, .geojson, .ndjson twins) and GET /api/events/:id(.json).
 * Every twin parses the same EventQuerySchema, so a filter means the same thing in every format;
 * the JSON list is one keyset page, the exports stream every matching row.
 */
import type { Context, Hono } from 'hono';
import { EventQuerySchema } from '../../domain/event-query.js';
import type { EventQuery } from '../../domain/event-query.js';
import type { MergedEvent } from '../../domain/merged-event.js';
import { notFound } from '../api-error.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { ok, okJsonPage } from '../envelope.js';
import { eventsCsv, eventsGeojson, eventsNdjson } from '../export/event-formats.js';
import { attachment, prime, streamResponse } from '../export/stream-body.js';
import { parseQuery } from '../query-params.js';

type Exporter = (events: AsyncIterable<MergedEvent>) => AsyncIterable<string>;

const EXPORTS: Record<string, { format: Exporter; type: string }> = {
  csv: { format: eventsCsv, type: 'text/csv; charset=utf-8; header=present' },
  geojson: { format: eventsGeojson, type: 'application/geo+json; charset=utf-8' },
  ndjson: { format: eventsNdjson, type: 'application/x-ndjson; charset=utf-8' },
};

/** `ev_1.json` → `ev_1`: the .json twin of a single resource. */
export function stripJson(id: string): string {
  return id.endsWith('.json') ? id.slice(0, -'.json'.length) : id;
}

export function registerEventReads(app: Hono<AppEnv>, { store }: AppDeps): void {
  const list = async (c: Context<AppEnv>) => {
    const q: EventQuery = parseQuery(c, EventQuerySchema);
    const page = await store.listEventsJson(q);
    return okJsonPage(c, page.rows, page.next);
  };
  app.get('/api/events', list);
  app.get('/api/events.json', list);

  for (const [ext, { format, type }] of Object.entries(EXPORTS)) {
    app.get(`/api/events.${ext}`, async (c) => {
      const q: EventQuery = parseQuery(c, EventQuerySchema);
      const events = await prime(store.streamEvents(q));
      return streamResponse(format(events), attachment(`strikewatch-events.${ext}`, type));
    });
  }

  app.get('/api/events/:id', async (c) => {
    const id = stripJson(c.req.param('id'));
    const detail = await store.getEvent(id);
    if (!detail) throw notFound(`event ${id}`);
    return ok(c, detail);
  });
}
