/** sentenceLanguage decides on flags with an early exit; it must answer as the letter counts do. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceLanguage } from '../../src/extract/detect-language.js';
import type { Language } from '../../src/domain/vocabulary.js';

/** The rule on counts: Ukrainian-only letters and no Russian-only ones make it Ukrainian, and the reverse. */
function byCounts(s: string, reportLang: Language): Language {
  if (reportLang === 'en') return 'en';
  const uk = (s.match(/[іїєґІЇЄҐ]/g) ?? []).length;
  const ru = (s.match(/[ыэёъЫЭЁЪ]/g) ?? []).length;
  if (uk && !ru) return 'uk';
  if (ru && !uk) return 'ru';
  return reportLang;
}

test('sentenceLanguage equals the count rule', () => {
  const sentences = ['Ворог атакував Харків.', 'Враг атаковал Харьков.', 'Він сказав: «это всё».', 'Харків', 'Kharkiv was hit.', '', 'ґ ъ', 'Ё', 'Ї', '123 —', 'Є ще люди, ы'];
  for (const s of sentences) for (const lang of ['en', 'uk', 'ru'] as const) assert.equal(sentenceLanguage(s, lang), byCounts(s, lang), `${lang}: ${s}`);
});
