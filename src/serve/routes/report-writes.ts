/** POST /api/reports: ingest reports over HTTP (see ingest-reports.ts). Body limit ~10 MB. */
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../api-error.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { ok } from '../envelope.js';
import { ingestPosted } from '../ingest-reports.js';
import { readJson } from '../read-json.js';

export const MAX_INGEST_BODY = 10 * 1024 * 1024;

export function registerReportWrites(app: Hono<AppEnv>, { store }: AppDeps): void {
  app.post(
    '/api/reports',
    bodyLimit({
      maxSize: MAX_INGEST_BODY,
      onError: () => {
        throw new ApiError(413, `request body over ${MAX_INGEST_BODY / 1024 / 1024} MB: send fewer reports per request`);
      },
    }),
    async (c) => ok(c, await ingestPosted(store, await readJson(c), c.get('actor'))),
  );
}
