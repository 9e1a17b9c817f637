/** The analyst's edit, validated at the store boundary (the API validates it again for its own 400s). */
import { z } from 'zod';
import { FacilitySchema, OfficialSchema, UtilityOutageSchema } from '../domain/event.js';
import { EVENT_STATUSES, SUB_EVENT_TYPES, WEAPONS } from '../domain/vocabulary.js';
import { LOCKABLE_FIELDS } from '../resolve/merge-event.js';

const figure = z.number().int().nonnegative().nullable();

export const EventPatchSchema = z
  .object({
    status: z.enum(EVENT_STATUSES).optional(),
    notes: z.string().max(10_000).nullable().optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
    city: z.string().min(1).nullable().optional(),
    oblast: z.string().min(1).nullable().optional(),
    raion: z.string().min(1).nullable().optional(),
    districts: z.array(z.string().min(1)).optional(),
    lat: z.number().min(-90).max(90).nullable().optional(),
    lon: z.number().min(-180).max(180).nullable().optional(),
    sub_event_type: z.enum(SUB_EVENT_TYPES).optional(),
    weapons: z.array(z.enum(WEAPONS)).optional(),
    killed: figure.optional(),
    injured: figure.optional(),
    hospitalized: figure.optional(),
    children_killed: figure.optional(),
    children_injured: figure.optional(),
    facilities: z.array(FacilitySchema).optional(),
    utilities: z.array(UtilityOutageSchema).optional(),
    officials: z.array(OfficialSchema).optional(),
    unlock: z.array(z.enum(LOCKABLE_FIELDS)).optional(),
  })
  .strict();
