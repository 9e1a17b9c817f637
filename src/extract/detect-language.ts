/**
 * Report language: the `lang` given with the report wins; otherwise letters decide (і/ї/є/ґ are
 * Ukrainian only, ы/э/ё/ъ Russian only), counted so that a Ukrainian post quoting one Russian word
 * stays Ukrainian; Cyrillic with neither falls back to a word-frequency check; Latin script is English.
 */
import type { Language } from '../domain/vocabulary.js';

const UK_WORDS = /(?<![\p{L}])(що|це|та|як|від|після|внаслідок|людей|було|року|поранено|загинули|також|його|її|які|який|щодо|область|місто)(?![\p{L}])/giu;
const RU_WORDS = /(?<![\p{L}])(что|это|как|от|после|в результате|людей|было|года|ранены|погибли|также|его|ее|какие|который|область|город)(?![\p{L}])/giu;

export function detectLanguage(text: string, given?: Language | null): Language {
  if (given) return given;
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const { cyrillic, latin, uk, ru } = countLetters(sample);
  if (cyrillic === 0 || latin > cyrillic * 2) return 'en';
  if (uk > ru * 1.5 && uk > 0) return 'uk';
  if (ru > uk * 1.5 && ru > 0) return 'ru';
  const ukw = (sample.match(UK_WORDS) ?? []).length;
  const ruw = (sample.match(RU_WORDS) ?? []).length;
  return ukw >= ruw ? 'uk' : 'ru';
}

/**
 * The letter counts detectLanguage decides on, in one pass over the UTF-16 code units: Cyrillic
 * (U+0400–U+04FF), ASCII Latin, Ukrainian-only (і ї є ґ) and Russian-only (ы э ё ъ), either case.
 * The same counts as matching /[\u0400-\u04FF]/g, /[A-Za-z]/g, /[іїєґІЇЄҐ]/g and /[ыэёъЫЭЁЪ]/g
 * (classes of single BMP code units), without building four match arrays per report.
 */
function countLetters(s: string): { cyrillic: number; latin: number; uk: number; ru: number } {
  let cyrillic = 0;
  let latin = 0;
  let uk = 0;
  let ru = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
    } else if (c >= 0x0400 && c <= 0x04ff) {
      cyrillic++;
      if (isUkrainianLetter(c)) uk++;
      else if (isRussianLetter(c)) ru++;
    }
  }
  return { cyrillic, latin, uk, ru };
}

/** і ї є ґ І Ї Є Ґ */
const isUkrainianLetter = (c: number) =>
  c === 0x0456 || c === 0x0457 || c === 0x0454 || c === 0x0491 || c === 0x0406 || c === 0x0407 || c === 0x0404 || c === 0x0490;
/** ы э ё ъ Ы Э Ё Ъ */
const isRussianLetter = (c: number) =>
  c === 0x044b || c === 0x044d || c === 0x0451 || c === 0x044a || c === 0x042b || c === 0x042d || c === 0x0401 || c === 0x042a;

/** Language of one sentence inside a mixed report (a Ukrainian post quoting a Russian line). */
export function sentenceLanguage(sentence: string, reportLang: Language): Language {
  if (reportLang === 'en') return 'en';
  // Only whether Ukrainian-only and Russian-only letters occur decides (countLetters' uk and ru being
  // non-zero): one flag each, and a sentence holding both keeps the report's language at once.
  let uk = false;
  let ru = false;
  for (let k = 0; k < sentence.length; k++) {
    const c = sentence.charCodeAt(k);
    if (c < 0x0400 || c > 0x04ff) continue;
    if (isUkrainianLetter(c)) uk = true;
    else if (isRussianLetter(c)) ru = true;
    else continue;
    if (uk && ru) return reportLang;
  }
  if (uk) return 'uk';
  if (ru) return 'ru';
  return reportLang;
}
