/**
 * Query strings into the filter schemas. Empty values are dropped first, so a form that submits
 * `oblast=` means "no oblast filter" rather than a 400. zod errors propagate to the error handler.
 */
import type { Context } from 'hono';
import type { z } from 'zod';

export function queryObject(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.req.query())) if (v !== '') out[k] = v;
  return out;
}

export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return schema.parse(queryObject(c));
}
