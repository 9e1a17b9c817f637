/**
 * The write gate: every POST/PATCH/PUT/DELETE under /api needs `Authorization: Bearer <token>`.
 * No token configured → 403 (a read-only server); a missing or wrong token → 401. Tokens are
 * compared as SHA-256 digests with timingSafeEqual, so the comparison time says nothing about the
 * token. Writes are same-origin only: a browser Origin that is not this server's is refused.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';
import type { AppEnv } from './app-env.js';

export const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const DEFAULT_ACTOR = 'analyst';
export const ACTOR_HEADER = 'X-Strikewatch-Actor';
const ACTOR_RE = /^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,63}$/u;
const RESERVED_ACTORS = new Set(['ingest', 'reextract']);

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function tokensMatch(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function sameOrigin(origin: string, requestUrl: string, host: string | undefined): boolean {
  try {
    const o = new URL(origin);
    return o.host === (host ?? new URL(requestUrl).host);
  } catch {
    return false;
  }
}

export function parseActor(header: string | undefined): string {
  if (header === undefined || header.trim() === '') return DEFAULT_ACTOR;
  const actor = header.trim();
  if (!ACTOR_RE.test(actor) || RESERVED_ACTORS.has(actor.toLowerCase())) {
    throw new ApiError(400, `invalid ${ACTOR_HEADER}: 1-64 letters, digits, spaces or . _ @ -, not "ingest"/"reextract"`);
  }
  return actor;
}

export function writeAuth(token: string | null): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!WRITE_METHODS.has(c.req.method)) return next();
    if (!token) throw new ApiError(403, 'read-only server: set STRIKEWATCH_TOKEN');
    const origin = c.req.header('Origin');
    if (origin && !sameOrigin(origin, c.req.url, c.req.header('Host'))) throw new ApiError(403, 'cross-origin writes are not allowed');
    const auth = c.req.header('Authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!m || !tokensMatch(m[1]!, token)) {
      const message = m ? 'invalid token' : 'missing bearer token: send Authorization: Bearer <token>';
      throw new ApiError(401, message, null, { 'WWW-Authenticate': 'Bearer realm="strikewatch"' });
    }
    c.set('actor', parseActor(c.req.header(ACTOR_HEADER)));
    return next();
  };
}
