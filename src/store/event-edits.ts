/**
 * The analyst's edits: patch (fields set and locked, status, notes), merge two events, split
 * mentions off into a new event. Each runs in one transaction and leaves a revision naming the actor.
 */
import type { Transaction } from 'kysely';
import type { EventPatch } from './store.js';
import { StoreInputError, StoreNotFoundError } from './store.js';
import { EventPatchSchema } from './event-patch.js';
import { EventSession } from './event-session.js';
import type { WorkingEvent } from './event-session.js';
import type { Database } from './schema.js';
import type { StoreBackend } from './store-backend.js';

function checkActor(actor: string): string {
  const a = actor?.trim();
  if (!a) throw new StoreInputError('an actor (who made the change) is required');
  if (a === 'ingest' || a === 'reextract') throw new StoreInputError(`"${a}" is reserved for the pipeline`);
  return a;
}

async function within<T>(backend: StoreBackend, actor: string, fn: (s: EventSession, trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return backend.db.transaction().execute(async (trx) => {
    await backend.lockForIngest(trx);
    const session = new EventSession(trx, new Date().toISOString(), actor, backend.maxParams);
    const out = await fn(session, trx);
    await session.flush();
    return out;
  });
}

async function mustLoad(s: EventSession, id: string): Promise<WorkingEvent> {
  const ev = await s.load(id);
  if (!ev) throw new StoreNotFoundError(`no event ${id}`);
  return ev;
}

export async function patchEvent(backend: StoreBackend, id: string, patch: EventPatch, actorIn: string): Promise<void> {
  const actor = checkActor(actorIn);
  const parsed = EventPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new StoreInputError(`invalid patch: ${i?.path.join('.') || 'body'}: ${i?.message ?? 'invalid'}`);
  }
  const p = parsed.data;
  await within(backend, actor, async (s) => {
    const ev = await mustLoad(s, id);
    const at = new Date().toISOString();
    for (const field of p.unlock ?? []) delete ev.overrides[field];
    for (const [field, value] of Object.entries(p)) {
      if (value === undefined || field === 'unlock') continue;
      if (field === 'status') ev.status = value as WorkingEvent['status'];
      else if (field === 'notes') ev.notes = value as string | null;
      else ev.overrides[field] = { value, actor, at };
    }
    s.markRevision(ev, 'patch', actor);
  });
}

export async function mergeEvents(backend: StoreBackend, a: string, b: string, actorIn: string): Promise<void> {
  const actor = checkActor(actorIn);
  if (a === b) throw new StoreInputError('cannot merge an event with itself');
  await within(backend, actor, async (s) => {
    const into = await mustLoad(s, a);
    const from = await mustLoad(s, b);
    for (const ev of [into, from]) if (ev.mergedInto) throw new StoreInputError(`event ${ev.id} was already merged into ${ev.mergedInto}`);
    for (const m of [...from.mentions]) s.move(from, into, m.mention_id, actor);
    from.mergedInto = into.id;
    s.markRevision(into, 'merge', actor, `merged ${from.id} into this event`);
    s.markRevision(from, 'merged_into', actor, `merged into ${into.id}`);
  });
}

export async function splitEvent(backend: StoreBackend, id: string, mentionIds: string[], actorIn: string): Promise<string> {
  const actor = checkActor(actorIn);
  const ids = [...new Set(mentionIds)];
  if (!ids.length) throw new StoreInputError('name the mentions to split off');
  return within(backend, actor, async (s) => {
    const ev = await mustLoad(s, id);
    if (ev.mergedInto) throw new StoreInputError(`event ${id} was merged into ${ev.mergedInto}`);
    const held = new Set(ev.mentions.map((m) => m.mention_id));
    const missing = ids.filter((m) => !held.has(m));
    if (missing.length) throw new StoreInputError(`mentions not in event ${id}: ${missing.join(', ')}`);
    if (ids.length === ev.mentions.length) throw new StoreInputError('a split must leave at least one mention in the event');
    const seed = ev.mentions.find((m) => ids.includes(m.mention_id))!;
    const created = await s.create(`split|${[...ids].sort().join('|')}`, seed.place_key);
    for (const m of ids) s.move(ev, created, m, actor);
    s.markRevision(ev, 'split', actor, `split ${ids.length} mention(s) off into ${created.id}`);
    s.markRevision(created, 'split', actor, `split off from ${ev.id}`);
    return created.id;
  });
}
