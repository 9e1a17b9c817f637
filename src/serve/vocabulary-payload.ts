/**
 * GET /api/vocabulary: every closed vocabulary with its labels and colours, straight from
 * src/domain/vocabulary.ts. The dashboard takes them only from here, so a key added there shows
 * up in filters, legends and tables without touching the front end.
 */
import { EVENT_SORTS } from '../domain/event-query.js';
import { SOURCE_KINDS } from '../domain/report.js';
import {
  EVENT_STATUSES, EVENT_TYPE, FACILITY_CATEGORIES, FACILITY_LABELS, LANGUAGES, STATUS_LABELS, SUB_EVENT_TYPES,
  UTILITIES, UTILITY_LABELS, WEAPONS, WEAPON_LABELS,
} from '../domain/vocabulary.js';

export interface VocabularyEntry {
  key: string;
  label: string;
  color: string | null;
}

export function vocabularyPayload() {
  return {
    weapons: WEAPONS.map((key): VocabularyEntry => ({ key, ...WEAPON_LABELS[key] })),
    facilities: FACILITY_CATEGORIES.map((key): VocabularyEntry => ({ key, label: FACILITY_LABELS[key], color: null })),
    utilities: UTILITIES.map((key): VocabularyEntry => ({ key, label: UTILITY_LABELS[key], color: null })),
    statuses: EVENT_STATUSES.map((key): VocabularyEntry => ({ key, ...STATUS_LABELS[key] })),
    event_type: EVENT_TYPE,
    sub_event_types: [...SUB_EVENT_TYPES],
    source_kinds: [...SOURCE_KINDS],
    languages: [...LANGUAGES],
    sorts: [...EVENT_SORTS],
  };
}
