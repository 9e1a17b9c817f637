/** One concise log line per request: method, path, status, milliseconds (pino, to stderr in serve). */
import type { MiddlewareHandler } from 'hono';
import type { Logger } from './logger.js';

export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const t0 = performance.now();
    await next();
    const ms = Math.round((performance.now() - t0) * 10) / 10;
    const status = c.res.status;
    const line = { method: c.req.method, path: c.req.path, status, ms };
    if (status >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
  };
}
