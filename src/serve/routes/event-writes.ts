/**
 * The analyst's edits: PATCH /api/events/:id, POST /api/events/:id/merge, POST /api/events/:id/split.
 * write-auth.ts has already checked the token and set the actor; the store records each change as
 * a revision naming that actor, with before and after.
 */
import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env.js';
import { ok } from '../envelope.js';
import { ApiEventPatchSchema, MergeBodySchema, SplitBodySchema } from '../event-patch-schema.js';
import { readJson } from '../read-json.js';

export function registerEventWrites(app: Hono<AppEnv>, { store }: AppDeps): void {
  app.patch('/api/events/:id', async (c) => {
    const patch = ApiEventPatchSchema.parse(await readJson(c));
    return ok(c, await store.patchEvent(c.req.param('id'), patch, c.get('actor')));
  });

  app.post('/api/events/:id/merge', async (c) => {
    const { other } = MergeBodySchema.parse(await readJson(c));
    return ok(c, await store.mergeEvents(c.req.param('id'), other, c.get('actor')));
  });

  app.post('/api/events/:id/split', async (c) => {
    const { mention_ids } = SplitBodySchema.parse(await readJson(c));
    return ok(c, await store.splitEvent(c.req.param('id'), mention_ids, c.get('actor')));
  });
}
