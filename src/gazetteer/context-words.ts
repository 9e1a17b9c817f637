/**
 * Words around place names, loaded from data/lexicon/common/place-context.json: qualifiers ("village
 * of", "с.", "область"), approximate-location words ("near", "під") and ordinary words that are also
 * village names ("Peremoha" = victory).
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import { normalizeName } from './normalize.js';

interface PlaceContext {
  qualifiers_before: string[];
  qualifiers_after: string[];
  near_words: string[];
  common_words: string[];
  latin_stop_tokens: string[];
  cyrillic_stop_tokens?: string[];
  first_names?: string[];
  street_words?: string[];
}

const raw = readFileSync(dataPath('lexicon', 'common', 'place-context.json'), 'utf8');
const ctx = JSON.parse(raw) as PlaceContext;

/** The word lists' text: part of the name index's fingerprint (common words change what is compiled). */
export const PLACE_CONTEXT_TEXT = raw;

export const QUALIFIERS_BEFORE = new Set(ctx.qualifiers_before);
export const QUALIFIERS_AFTER = new Set(ctx.qualifiers_after);
export const NEAR_WORDS = new Set(ctx.near_words);
const COMMON = new Set(ctx.common_words);
/** English words that happen to be (parts of) place names: never a place on their own ("As dawn broke"). */
export const LATIN_STOP_TOKENS = new Set(ctx.latin_stop_tokens);

/** Ukrainian and Russian function words and common nouns that, capitalized at a sentence start, are not places ("Серед" ≠ Середи). */
export const CYRILLIC_STOP_TOKENS = new Set(ctx.cyrillic_stop_tokens ?? []);
/** Given names: "Олег Синегубов" is a person, not the village Олег and a village Синегубів. */
export const FIRST_NAMES = new Set(ctx.first_names ?? []);
/** "вулиця Харківська", "Kharkivska Street": a street named after a place is not the place. */
export const STREET_WORDS = new Set(ctx.street_words ?? []);

/** A place name that is also an ordinary word counts only with a qualifier. */
export function isCommonWord(name: string): boolean {
  return COMMON.has(normalizeName(name));
}
