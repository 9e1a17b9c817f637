/**
 * The one source of truth for Strikewatch's closed vocabularies: weapons, facility categories and
 * utilities. Extraction emits these keys, storage validates them, the API filters on them and the
 * dashboard labels and colours them from here. Add a key here and every layer learns it.
 *
 * The words that *signal* each key in report text live in the language packs
 * (data/lexicon/<lang>/), not here: this file names the categories, the lexicons map text to them.
 */

export const WEAPONS = ['drone', 'missile', 'guided_bomb', 'artillery', 'unknown'] as const;
export type Weapon = (typeof WEAPONS)[number];

export const FACILITY_CATEGORIES = [
  'residential',
  'medical',
  'education',
  'energy',
  'transport',
  'industrial',
  'commercial',
  'administrative',
  'cultural',
  'vehicle',
  'other',
] as const;
export type FacilityCategory = (typeof FACILITY_CATEGORIES)[number];

export const UTILITIES = ['power', 'heat', 'water', 'gas', 'communications'] as const;
export type Utility = (typeof UTILITIES)[number];

/** ACLED's event type for everything we code: strikes delivered from a distance. */
export const EVENT_TYPE = 'Explosions/Remote violence' as const;

/**
 * ACLED sub-event types we use. Air/drone strike outranks shelling when both are reported for the
 * same place and day (ACLED's hierarchy: aerial delivery wins over ground-launched).
 */
export const SUB_EVENT_TYPES = ['Air/drone strike', 'Shelling/artillery/missile attack'] as const;
export type SubEventType = (typeof SUB_EVENT_TYPES)[number];

export function subEventTypeFor(weapons: readonly Weapon[]): SubEventType {
  if (weapons.includes('drone') || weapons.includes('guided_bomb')) return 'Air/drone strike';
  if (weapons.includes('missile') || weapons.includes('artillery')) return 'Shelling/artillery/missile attack';
  // Unknown means: something hit, the text does not say what. ACLED codes unattributed
  // explosions from the air side of the war as air strikes only when told; shelling is the safer default.
  return 'Shelling/artillery/missile attack';
}

/** Event review states, set by analysts (see the API's PATCH /api/events/:id). */
export const EVENT_STATUSES = ['unreviewed', 'confirmed', 'rejected'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const LANGUAGES = ['en', 'uk', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Human labels and map colours, used by CLI tables, CSV notes and the dashboard legend. */
export const WEAPON_LABELS: Record<Weapon, { label: string; color: string }> = {
  drone: { label: 'Drone', color: '#d9480f' },
  missile: { label: 'Missile', color: '#c2255c' },
  guided_bomb: { label: 'Guided bomb', color: '#5f3dc4' },
  artillery: { label: 'Artillery / shelling', color: '#2b8a3e' },
  unknown: { label: 'Unknown', color: '#495057' },
};

export const FACILITY_LABELS: Record<FacilityCategory, string> = {
  residential: 'Residential',
  medical: 'Medical',
  education: 'Education',
  energy: 'Energy',
  transport: 'Transport',
  industrial: 'Industrial',
  commercial: 'Commercial',
  administrative: 'Administrative',
  cultural: 'Cultural / religious',
  vehicle: 'Vehicle',
  other: 'Other',
};

export const STATUS_LABELS: Record<EventStatus, { label: string; color: string }> = {
  unreviewed: { label: 'Unreviewed', color: '#868e96' },
  confirmed: { label: 'Confirmed', color: '#2f9e44' },
  rejected: { label: 'Rejected', color: '#e03131' },
};

export const UTILITY_LABELS: Record<Utility, string> = {
  power: 'Power',
  heat: 'Heating',
  water: 'Water',
  gas: 'Gas',
  communications: 'Communications',
};
