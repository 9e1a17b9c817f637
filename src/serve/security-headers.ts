/**
 * Headers on every response: no MIME sniffing (a report's text served as JSON must never be read
 * as HTML), a CSP that lets the dashboard load only its own scripts, no referrer leaks, no framing.
 * CORS: GET/HEAD from anywhere (analysts' notebooks); writes get no CORS headers, so browsers on
 * other origins cannot make them (write-auth.ts also refuses a foreign Origin).
 */
import type { MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

const READ_METHODS = new Set(['GET', 'HEAD']);

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    h.set('Referrer-Policy', 'no-referrer');
    h.set('X-Frame-Options', 'DENY');
    if (READ_METHODS.has(c.req.method) && c.req.path.startsWith('/api/')) {
      h.set('Access-Control-Allow-Origin', '*');
      h.set('Access-Control-Expose-Headers', 'Content-Disposition');
    }
  };
}

/** Preflight: only reads are allowed cross-origin. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': 'Accept, Content-Type',
      'Access-Control-Max-Age': '86400',
    },
  });
}
