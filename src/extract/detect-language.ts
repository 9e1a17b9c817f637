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
  const cyrillic = (sample.match(/[\u0400-\u04FF]/g) ?? []).length;
  const latin = (sample.match(/[A-Za-z]/g) ?? []).length;
  if (cyrillic === 0 || latin > cyrillic * 2) return 'en';
  const uk = (sample.match(/[іїєґІЇЄҐ]/g) ?? []).length;
  const ru = (sample.match(/[ыэёъЫЭЁЪ]/g) ?? []).length;
  if (uk > ru * 1.5 && uk > 0) return 'uk';
  if (ru > uk * 1.5 && ru > 0) return 'ru';
  const ukw = (sample.match(UK_WORDS) ?? []).length;
  const ruw = (sample.match(RU_WORDS) ?? []).length;
  return ukw >= ruw ? 'uk' : 'ru';
}

/** Language of one sentence inside a mixed report (a Ukrainian post quoting a Russian line). */
export function sentenceLanguage(sentence: string, reportLang: Language): Language {
  if (reportLang === 'en') return 'en';
  const uk = (sentence.match(/[іїєґІЇЄҐ]/g) ?? []).length;
  const ru = (sentence.match(/[ыэёъЫЭЁЪ]/g) ?? []).length;
  if (uk && !ru) return 'uk';
  if (ru && !uk) return 'ru';
  return reportLang;
}
