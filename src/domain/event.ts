/**
 * The extracted-event contract: what `strikewatch extract` prints for each report and what the store,
 * the API and the exports reuse. Validated with zod wherever it crosses a boundary (the store on
 * write, the API on output tests, the regression corpus).
 *
 * Stability promise: documented keys never change meaning; new keys may be added.
 */
import { z } from 'zod';
import { FACILITY_CATEGORIES, LANGUAGES, SUB_EVENT_TYPES, UTILITIES, WEAPONS } from './vocabulary.js';

/** Stated: the text says it. Implied: filled in from context (reference date, gazetteer, defaults). */
export const CertaintySchema = z.enum(['stated', 'implied']);

/**
 * One piece of evidence: the exact characters of the report behind one field value.
 * `start`/`end` are UTF-16 code-unit offsets into the report text as given to the extractor
 * (JavaScript string indices), so `text.slice(start, end) === quote` always holds.
 */
export const EvidenceSchema = z.object({
  field: z.string(), // killed | injured | hospitalized | children_killed | children_injured | date | location | district | weapon | facility | utility | official | ...
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
  value: z.unknown().optional(), // the value this quote supports, when the field has several (e.g. which weapon)
  rule: z.string().optional(), // name of the rule that produced it, for debugging and review
  certainty: CertaintySchema.optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** ACLED/UCDP-style geographic precision: 1 settlement, 2 near / part of an area / approximate point, 3 region only. */
export const GeoPrecisionSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const PlaceCandidateSchema = z.object({
  name: z.string(),
  oblast: z.string().nullable(),
  raion: z.string().nullable(),
  katottg: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});

export const LocationSchema = z.object({
  city: z.string().nullable(), // settlement, national romanization; null when only a region is named
  districts: z.array(z.string()), // city districts named ("Industrialnyi"), without the word "district"
  raion: z.string().nullable(),
  hromada: z.string().nullable().optional(),
  oblast: z.string().nullable(), // without the word "Oblast"; the capital's oblast is "Kyiv"
  country: z.literal('Ukraine'),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  geo_precision: GeoPrecisionSchema,
  katottg: z.string().nullable(),
  /** Present when the name matched several places and the text did not decide: never a silent guess. */
  ambiguous: z.boolean().optional(),
  candidates: z.array(PlaceCandidateSchema).optional(),
});
export type EventLocation = z.infer<typeof LocationSchema>;

export const FacilitySchema = z.object({
  category: z.enum(FACILITY_CATEGORIES),
  text: z.string(), // the words of the report naming it ("maternity hospital")
});

export const UtilityOutageSchema = z.object({
  utility: z.enum(UTILITIES),
  text: z.string(),
  affected: z.number().nullable().optional(),
  unit: z.string().nullable().optional(), // "residential buildings", "subscribers", "households", "people"
});

export const OfficialSchema = z.object({
  name: z.string(), // Latin, national romanization for Ukrainian names
  role: z.string().nullable(), // "mayor of Kharkiv", "head of the regional military administration"
});

export const DatePrecisionSchema = z.enum(['day', 'week', 'month']);

export const ExtractedEventSchema = z.object({
  id: z.string(), // stable: derived from report id + place + date, so re-extraction keeps it
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  date_precision: DatePrecisionSchema,
  location: LocationSchema,
  event_type: z.literal('Explosions/Remote violence'),
  sub_event_type: z.enum(SUB_EVENT_TYPES),
  weapons: z.array(z.enum(WEAPONS)),
  weapon_counts: z.record(z.string(), z.number()), // keyed by Weapon
  killed: z.number().int().nonnegative().nullable(),
  injured: z.number().int().nonnegative().nullable(),
  at_least: z.boolean(), // some figure was stated as a minimum ("at least", "more than a dozen")
  hospitalized: z.number().int().nonnegative().nullable(),
  children_killed: z.number().int().nonnegative().nullable(),
  children_injured: z.number().int().nonnegative().nullable(),
  facilities: z.array(FacilitySchema),
  utilities: z.array(UtilityOutageSchema),
  officials: z.array(OfficialSchema),
  evidence: z.array(EvidenceSchema),
  confidence: z.number().min(0).max(1),
});
export type ExtractedEvent = z.infer<typeof ExtractedEventSchema>;

/**
 * A casualty figure given for several places together or a whole region/country ("across the country
 * 15 were injured"): kept beside the events, never copied onto each place.
 */
export const WiderClaimSchema = z.object({
  scope: z.enum(['multi_settlement', 'oblast', 'national']),
  places: z.array(z.string()), // the settlements or regions the figure covers, when named
  oblast: z.string().nullable().optional(),
  date: z.string().nullable(),
  killed: z.number().int().nonnegative().nullable(),
  injured: z.number().int().nonnegative().nullable(),
  at_least: z.boolean(),
  evidence: z.array(EvidenceSchema),
});
export type WiderClaim = z.infer<typeof WiderClaimSchema>;

export const ReportContextSchema = z.object({
  displacement: z.array(
    z.object({ count: z.number().nullable(), place: z.string().nullable(), text: z.string(), start: z.number(), end: z.number() }),
  ),
  diplomacy: z.array(z.object({ text: z.string(), start: z.number(), end: z.number() })),
  wider_claims: z.array(WiderClaimSchema),
  /** Sentences recognised as commentary or engagement bait ("Share your thoughts"): no facts taken from them. */
  rhetorical: z.array(z.object({ text: z.string(), start: z.number(), end: z.number() })),
});
export type ReportContext = z.infer<typeof ReportContextSchema>;

export const ExtractionResultSchema = z.object({
  id: z.string(),
  lang: z.enum(LANGUAGES),
  reference_date: z.string().nullable(), // the date relative expressions were resolved against
  events: z.array(ExtractedEventSchema),
  context: ReportContextSchema,
  warnings: z.array(z.string()),
});
export type ExtractionResult = z.infer<typeof ExtractionResultSchema>;
