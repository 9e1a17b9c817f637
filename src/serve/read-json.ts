/** A request's JSON body, or a 400 that says why it is not one. */
import type { Context } from 'hono';
import { ApiError } from './api-error.js';

export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new ApiError(415, 'send the body as Content-Type: application/json');
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ApiError(400, `body is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}
