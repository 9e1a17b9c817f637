/**
 * The response envelopes: `{ ok: true, data, next? }` for success, `{ ok: false, error }` for
 * failure. Every JSON answer of the API goes through here.
 */
import type { Context } from 'hono';
import { safeJson, safeJsonText } from './json-text.js';

export const JSON_TYPE = 'application/json; charset=utf-8';

export interface ErrorBody {
  ok: false;
  error: { status: number; message: string; details: unknown };
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(safeJson(body), { status, headers: { 'Content-Type': JSON_TYPE, ...headers } });
}

/** A single value. */
export function ok(_c: Context, data: unknown, status = 200): Response {
  return jsonResponse({ ok: true, data }, status);
}

/** One page of a list: `next` is the cursor for the following page, null on the last. */
export function okPage(_c: Context, data: unknown[], next: string | null): Response {
  return jsonResponse({ ok: true, data, next });
}

export function errorResponse(status: number, message: string, details: unknown = null, headers: Record<string, string> = {}): Response {
  const body: ErrorBody = { ok: false, error: { status, message, details } };
  return jsonResponse(body, status, headers);
}

/** One page whose rows are already JSON text (stored events): spliced in, not parsed and re-serialized. */
export function okJsonPage(_c: Context, rows: string[], next: string | null): Response {
  const body = `{"ok":true,"data":[${rows.map(safeJsonText).join(',')}],"next":${safeJson(next)}}`;
  return new Response(body, { status: 200, headers: { 'Content-Type': JSON_TYPE } });
}
