/**
 * The small read routes: health, stats, gazetteer search, vocabulary, oblast shapes.
 */
import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import { z } from 'zod';
import { getGazetteer } from '../../gazetteer/index.js';
import { dataPath } from '../../paths.js';
import { ApiError } from '../api-error.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { ok } from '../envelope.js';
import { parseQuery } from '../query-params.js';
import { vocabularyPayload } from '../vocabulary-payload.js';

export const PlacesQuerySchema = z.object({
  q: z.string().min(1).max(200),
  oblast: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const OBLASTS_GEOJSON = dataPath('geo', 'oblasts.geojson');

export function registerMetaReads(app: Hono<AppEnv>, { store, stats }: AppDeps): void {
  app.get('/api/health', async (c) => {
    const s = await stats.get();
    return ok(c, { dialect: store.dialect, events: s.events });
  });

  app.get('/api/stats', async (c) => ok(c, await stats.get()));

  // Same fields as `strikewatch places --json`.
  app.get('/api/places', (c) => {
    const q = parseQuery(c, PlacesQuerySchema);
    const g = getGazetteer();
    if (q.oblast && !g.oblast(q.oblast)) throw new ApiError(400, `unknown oblast "${q.oblast}"`);
    const rows = g.search(q.q, { oblast: q.oblast, limit: q.limit }).map((p) => ({
      name: p.name, name_uk: p.name_uk, name_ru: p.name_ru, oblast: p.oblast, raion: p.raion, hromada: p.hromada,
      kind: p.kind, lat: p.lat, lon: p.lon, katottg: p.katottg, precision: p.precision,
    }));
    return ok(c, rows);
  });

  const vocabulary = vocabularyPayload();
  app.get('/api/vocabulary', (c) => ok(c, vocabulary));

  app.get('/api/geo/oblasts.geojson', async (c) => {
    let body: Buffer;
    try {
      body = await readFile(OBLASTS_GEOJSON);
    } catch {
      throw new ApiError(404, 'oblast shapes not built: data/geo/oblasts.geojson is missing');
    }
    c.header('Content-Type', 'application/geo+json; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(new Uint8Array(body));
  });
}
