/**
 * The dashboard's one door to the HTTP API. Every answer comes in the envelope
 * `{ ok: true, data, next }` or `{ ok: false, error: { status, message, details } }`; the envelope is
 * checked with zod here so a proxy's HTML error page or a half-written reply surfaces as an ApiError
 * with a readable message instead of `undefined is not an object` deep in a component.
 */
import { z } from 'zod/mini';
import { getToken } from './token.js';

// zod's JIT probes `new Function` once, which the page's CSP (no 'unsafe-eval') reports as a violation.
// zod/mini rather than zod: no JSON-schema support bundled (smaller, and no schema URLs in the bundle).
z.config({ jitless: true });

const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown(), next: z.optional(z.nullable(z.string())) }),
  z.object({
    ok: z.literal(false),
    error: z.object({ status: z.number(), message: z.string(), details: z.optional(z.unknown()) }),
  }),
]);

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }
}

export interface ApiPage<T> {
  data: T;
  next: string | null;
}

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<ApiPage<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = getToken();
  if (method !== 'GET' && token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, `network error: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new ApiError(res.status, `${res.status} ${res.statusText}: the server did not answer with JSON`);
  }
  const parsed = EnvelopeSchema.safeParse(json);
  if (!parsed.success) throw new ApiError(res.status, `${res.status}: unexpected reply shape`, parsed.error.issues);
  const env = parsed.data;
  if (!env.ok) throw new ApiError(env.error.status, env.error.message, env.error.details ?? null);
  return { data: env.data as T, next: env.next ?? null };
}

export const apiGet = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal);
export const apiSend = <T>(method: 'PATCH' | 'POST', path: string, body: unknown) => request<T>(method, path, body);

/** Raw (not enveloped) GeoJSON, e.g. the oblast shapes. */
export async function fetchRawJson(path: string, signal?: AbortSignal): Promise<unknown> {
  const res = await fetch(path, { signal });
  if (!res.ok) throw new ApiError(res.status, `${path}: ${res.status} ${res.statusText}`);
  return res.json();
}
