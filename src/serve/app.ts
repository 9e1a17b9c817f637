/**
 * The HTTP API and the dashboard host: `createApp({ store, token, webDir, logger })` returns a Hono
 * app (tests drive it with app.request(); `strikewatch serve` puts it on a port).
 *
 * Order matters: request log → security headers → write gate → routes → dashboard fallback. Route
 * code throws; the one onError below renders every error envelope.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Store } from '../store/store.js';
import { ApiError } from './api-error.js';
import type { AppDeps, AppEnv } from './app-env.js';
import { errorResponse, jsonResponse } from './envelope.js';
import type { Logger } from './logger.js';
import { openApiDocument } from './openapi.js';
import { renderError } from './render-error.js';
import { requestLog } from './request-log.js';
import { registerEventReads } from './routes/event-reads.js';
import { registerEventWrites } from './routes/event-writes.js';
import { registerMetaReads } from './routes/meta-reads.js';
import { registerReportReads } from './routes/report-reads.js';
import { registerReportWrites } from './routes/report-writes.js';
import { preflight, securityHeaders } from './security-headers.js';
import { StatsCache } from './stats-cache.js';
import { serveWeb } from './static-web.js';
import { DEFAULT_WEB_DIR } from './web-dir.js';
import { WRITE_METHODS, writeAuth } from './write-auth.js';

export interface AppOptions {
  store: Store;
  /** Bearer token for writes; null/undefined makes a read-only server (writes answer 403). */
  token?: string | null;
  /** The built dashboard; undefined = web/dist of the package, null = no dashboard. */
  webDir?: string | null;
  logger?: Logger | null;
}

const EDIT_BODY_LIMIT = 1024 * 1024;

export function createApp(options: AppOptions): Hono<AppEnv> {
  const logger = options.logger ?? null;
  const deps: AppDeps = { store: options.store, logger, stats: new StatsCache(options.store) };
  const webDir = options.webDir === undefined ? DEFAULT_WEB_DIR : options.webDir;
  const app = new Hono<AppEnv>();

  if (logger) app.use('*', requestLog(logger));
  app.use('*', securityHeaders());
  app.options('/api/*', () => preflight());
  app.use('/api/*', writeAuth(options.token ?? null));
  app.use('/api/*', async (c, next) => {
    await next();
    // Whatever a write changed, the counts must not lag behind it.
    if (WRITE_METHODS.has(c.req.method) && c.res.status < 400) deps.stats.invalidate();
  });
  app.use(
    '/api/events/*',
    bodyLimit({
      maxSize: EDIT_BODY_LIMIT,
      onError: () => {
        throw new ApiError(413, 'request body over 1 MB');
      },
    }),
  );

  registerEventReads(app, deps);
  registerEventWrites(app, deps);
  registerReportReads(app, deps);
  registerReportWrites(app, deps);
  registerMetaReads(app, deps);
  const openapi = openApiDocument();
  app.get('/api/openapi.json', () => jsonResponse(openapi));

  app.notFound(async (c) => {
    const path = c.req.path;
    if (path !== '/api' && !path.startsWith('/api/') && webDir && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
      const page = await serveWeb(webDir, path, c.req.method);
      if (page) return page;
    }
    return errorResponse(404, `not found: ${c.req.method} ${path}`);
  });
  app.onError((err) => renderError(err, logger));
  return app;
}
