/**
 * The body of PATCH /api/events/:id, mirroring EventPatch in store.ts. Strict: an unknown key is a
 * 400 naming it, so a typo never silently does nothing. The store validates again on its side.
 */
import { z } from 'zod';
import { FacilitySchema, OfficialSchema, UtilityOutageSchema } from '../domain/event.js';
import { EVENT_STATUSES, SUB_EVENT_TYPES, WEAPONS } from '../domain/vocabulary.js';
import { LOCKABLE_FIELDS } from '../resolve/merge-event.js';
import type { EventPatch } from '../store/store.js';

const figure = z.number().int().nonnegative().nullable().optional();

export const ApiEventPatchSchema = z
  .object({
    status: z.enum(EVENT_STATUSES).optional(),
    notes: z.string().max(10_000).nullable().optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').nullable().optional(),
    city: z.string().min(1).max(200).nullable().optional(),
    oblast: z.string().min(1).max(200).nullable().optional(),
    raion: z.string().min(1).max(200).nullable().optional(),
    districts: z.array(z.string().min(1).max(200)).max(100).optional(),
    lat: z.number().min(-90).max(90).nullable().optional(),
    lon: z.number().min(-180).max(180).nullable().optional(),
    sub_event_type: z.enum(SUB_EVENT_TYPES).optional(),
    weapons: z.array(z.enum(WEAPONS)).optional(),
    killed: figure,
    injured: figure,
    hospitalized: figure,
    children_killed: figure,
    children_injured: figure,
    facilities: z.array(FacilitySchema).max(200).optional(),
    utilities: z.array(UtilityOutageSchema).max(200).optional(),
    officials: z.array(OfficialSchema).max(200).optional(),
    unlock: z.array(z.enum(LOCKABLE_FIELDS)).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'the patch changes nothing: give at least one field' });

export const MergeBodySchema = z.object({ other: z.string().min(1) }).strict();
export const SplitBodySchema = z.object({ mention_ids: z.array(z.string().min(1)).min(1).max(1000) }).strict();

// Compile-time mirror check: whatever the schema accepts is an EventPatch.
const _mirror = (p: z.infer<typeof ApiEventPatchSchema>): EventPatch => p;
void _mirror;
