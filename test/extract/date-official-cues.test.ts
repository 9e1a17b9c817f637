/**
 * findDates runs a rule only when its cue words occur, findOfficials tries its patterns only around
 * role words: the cases below sit on the edges of those shortcuts (case forms, overlapping role
 * words, names starting inside a word, astral letters, no-break spaces, several officials in one
 * sentence) and pin what the full scans found.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from '../../src/extract/rules/dates.js';
import { findOfficials } from '../../src/extract/rules/officials.js';
import { getLocale } from '../../src/extract/locale.js';
import type { Language } from '../../src/domain/vocabulary.js';

describe('officials around their role words', () => {
  const cases: [Language, string, [string, string | null, number, number][]][] = [
    ['en', 'Kharkiv Regional Governor Oleh Syniehubov said three were hurt.', [['Oleh Syniehubov', 'governor of Kharkiv Regional', 10, 51]]],
    ['en', 'The figure came from Oleh Syniehubov, head of the Kharkiv regional military administration, on Sunday.', [['Oleh Syniehubov', 'head of the Kharkiv regional military administration', 31, 100]]],
    ['en', "Kyiv's mayor, Vitali Klitschko, said the blast hit a school.", [['Vitali Klitschko', 'mayor of Kyiv', 10, 40], ['Vitali Klitschko', 'mayor of Kyiv', 10, 40]]],
    ['en', 'Speaking for the city, McDonald Smith, the mayor of Odesa, said two were hurt.', [['Donald Smith', 'mayor of Odesa', 35, 67]]],
    ['en', 'Mayor\u00a0Ihor Terekhov said the attack was the heaviest this month.', [['Ihor Terekhov', 'mayor', 10, 29]]],
    ['en', 'Ihor V. Terekhov, the mayor, said power was back.', [['Ihor Terekhov', 'mayor', 10, 37]]],
    ['en', '𝐊harkiv Mayor Ihor Terekhov and regional governor Oleh Syniehubov both said so.', [['Ihor Terekhov', 'mayor of 𝐊harkiv', 10, 38], ['Oleh Syniehubov', 'regional governor', 43, 76]]],
    ['en', 'Mayor Ihor Terekhov said drones hit; Kharkiv mayor Ihor Terekhov later added more.', [['Ihor Terekhov', 'mayor', 10, 29], ['Ihor Terekhov', 'mayor of Kharkiv', 47, 74]]],
    ['en', 'The mayoralty and the headquarters said nothing.', []],
    ['uk', 'Про це повідомив начальник ОВА Олег Синєгубов.', [['Oleh Syniehubov', 'head of the regional military administration', 27, 55]]],
    ['uk', 'Олег Синєгубов, начальник Харківської ОВА, повідомив про удар.', [['Oleh Syniehubov', 'head of the regional military administration', 10, 51]]],
    ['ru', 'Об этом сообщил глава Днепропетровской ОВА Сергей Лысак.', [['Serhii Lysak', 'head of the regional military administration', 26, 65]]],
    ['ru', 'Сергей Лысак, глава Днепропетровской ОВА, сообщил о погибших; мэр Игорь Терехов тоже.', [['Ihor Terekhov', 'mayor', 72, 89], ['Serhii Lysak', 'head of the regional military administration', 10, 50]]],
  ];
  for (const [lang, s, expected] of cases) {
    test(`${lang}: ${s}`, () => assert.deepEqual(findOfficials(s, 10, getLocale(lang)).map((o) => [o.name, o.role, o.start, o.end]), expected));
  }
});

describe('dates behind their cue words', () => {
  const cases: [Language, string, string | null, [string, string, number, number][]][] = [
    ['uk', 'ВНОЧІ дрони атакували Харків.', '2026-03-04', [['2026-03-04', 'same-day', 10, 15]]],
    ['uk', 'У НІЧ НА 3 БЕРЕЗНЯ дрони атакували Харків.', '2026-03-04', [['2026-03-03', 'night-onto', 10, 28]]],
    ['ru', 'В ночь на субботу дроны атаковали Харьков.', '2026-03-04', [['2026-02-28', 'night-onto-weekday', 10, 27]]],
    ['uk', 'Станом на 14.03.2026 відомо про двох загиблих.', null, [['2026-03-14', 'numeric', 20, 30]]],
    ['en', 'Updated 2026-01-20: two killed.', null, [['2026-01-20', 'iso', 18, 28]]],
    ['uk', 'Позавчора ворог обстріляв місто.', '2026-03-04', [['2026-03-02', 'day-before-yesterday', 10, 19]]],
    ['uk', 'За минулу добу ворог обстріляв громаду.', '2026-03-04', [['2026-03-03', 'past-day', 10, 24]]],
    ['uk', 'У пʼятницю ворог обстріляв місто.', '2026-03-04', [['2026-02-27', 'weekday', 10, 20]]],
    ['en', 'The strike on March 14, 2026 killed two.', '2026-03-20', [['2026-03-14', 'month-day', 24, 38]]],
    ['en', 'The strike on 14 Sept. killed two.', '2026-09-20', [['2026-09-14', 'day-month', 24, 32]]],
    ['en', 'Mayor Ihor Terekhov said 3 people were hurt.', '2026-09-20', []],
    // chrono reads "now" as the reference day; the sentence reaches it through "mayor" and a digit.
    ['en', 'The mayor said 3 people are now in hospital.', '2026-09-20', [['2026-09-20', 'chrono', 38, 41]]],
    ['en', 'The mayor said 3 people were hurt 2 days ago.', '2026-03-20', [['2026-03-18', 'chrono', 44, 54]]],
    ['en', 'The mayor said 3 people were hurt on 3/14.', '2026-03-20', [['2026-03-14', 'chrono', 47, 51]]],
    ['en', 'The mayor said 3 people were hurt on Marchfirst.', '2026-03-20', [['2026-03-01', 'chrono', 47, 57]]],
  ];
  for (const [lang, s, ref, expected] of cases) {
    test(`${lang}: ${s}`, () => assert.deepEqual(findDates(s, 10, ref, lang).map((d) => [d.date, d.rule, d.start, d.end]), expected));
  }
});
