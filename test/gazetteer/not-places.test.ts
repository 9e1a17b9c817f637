/**
 * Words that look like place names but are not places in the sentence: sentence-initial function
 * words, people's names, streets named after places, names in quotes. A settlement qualifier
 * ("с.", "village of") still makes them places.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getGazetteer } from '../../src/gazetteer/index.js';

const g = getGazetteer();
const places = (text: string) => g.resolve(g.scan(text), text).map((r) => r.place?.name ?? `?${r.span.text}`);

describe('not places', () => {
  const cases: [string, string[]][] = [
    ['Серед поранених двоє дітей.', []],
    ['Среди пострадавших ребенок.', []],
    ['Про це повідомив Олег Синегубов у Харкові.', ['Kharkiv']],
    ['Мэр Игорь Терехов сообщил о взрывах в Харькове.', ['Kharkiv']],
    ['Удар «Градов» по Никополю.', ['Nikopol']],
    ['На вулиці Харківській у Сумах пошкоджено будинок.', ['Sumy']],
    ['На улице Харьковской в Сумах поврежден дом.', ['Sumy']],
    ['A drone hit a house on Kharkivska Street in Sumy.', ['Sumy']],
  ];
  for (const [text, want] of cases) test(text, () => assert.deepEqual(places(text), want));

  test('a settlement qualifier still makes a place', () => {
    assert.deepEqual(places('У с. Олег поранено чоловіка.'), ['Oleh']);
    assert.ok(places('Обстріляли село «Мирне».').length === 1);
  });
});
