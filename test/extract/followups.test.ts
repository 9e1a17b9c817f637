/**
 * Table tests for the extraction follow-ups the samples and the corpus found: full dates without a
 * publication date, datelines and evacuees, hospitalized groups referred back to, joint tolls.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from '../../src/extract/rules/dates.js';
import { extractReport } from '../../src/extract/index.js';
import type { Language } from '../../src/domain/vocabulary.js';

describe('full dates without a reference date', () => {
  const cases: [Language, string, string | null][] = [
    ['en', 'On 20 January 2026 a missile hit Kryvyi Rih.', '2026-01-20'],
    ['en', 'On January 20, 2026 a missile hit Kryvyi Rih.', '2026-01-20'],
    ['en', 'The strike on 20.01.2026 damaged a school.', '2026-01-20'],
    ['en', 'The strike on 2026-01-20 damaged a school.', '2026-01-20'],
    ['uk', '20 січня 2026 року ворог атакував Кривий Ріг.', '2026-01-20'],
    ['ru', '20 января 2026 года враг атаковал Кривой Рог.', '2026-01-20'],
    // A day and month alone, or a relative date, need the publication date to be placed.
    ['en', 'On 20 January a missile hit Kryvyi Rih.', null],
    ['uk', '20 січня ворог атакував Кривий Ріг.', null],
    ['en', 'Overnight a missile hit Kryvyi Rih.', null],
    ['en', 'Yesterday a missile hit Kryvyi Rih.', null],
    ['en', 'On Saturday a missile hit Kryvyi Rih.', null],
  ];
  for (const [lang, s, want] of cases) {
    test(`${lang}: ${s}`, () => assert.equal(findDates(s, 0, null, lang)[0]?.date ?? null, want));
  }

  test('the ISO form also reads with a reference date', () => {
    assert.equal(findDates('The strike on 2026-01-20 damaged a school.', 0, '2026-01-24', 'en')[0]?.date, '2026-01-20');
  });

  test('a report with a full date and no publication date gives a dated event', () => {
    const r = extractReport({ id: 'followup-date', text: 'On 20 January 2026 a Russian drone hit a residential building in Kryvyi Rih. Three people were injured.' });
    assert.deepEqual(r.events.map((e) => [e.location.city, e.date]), [['Kryvyi Rih', '2026-01-20']]);
    assert.ok(r.warnings.some((w) => /no publication date/.test(w)), 'the warning stays');
  });

  test('a day and month without a year stays undated without a publication date', () => {
    const r = extractReport({ id: 'followup-date-2', text: 'On 20 January a Russian drone hit a residential building in Kryvyi Rih. Three people were injured.' });
    assert.deepEqual(r.events.map((e) => [e.location.city, e.date]), [['Kryvyi Rih', null]]);
  });
});
