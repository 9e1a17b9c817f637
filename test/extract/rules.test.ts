/** Rule-level table tests: numbers, casualty figures, dates, officials, sentences, language. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { numberGrammar } from '../../src/extract/numbers.js';
import { findFigures } from '../../src/extract/rules/casualties.js';
import { findDates } from '../../src/extract/rules/dates.js';
import { findOfficials } from '../../src/extract/rules/officials.js';
import { getLocale } from '../../src/extract/locale.js';
import { splitSentences } from '../../src/extract/sentences.js';
import { detectLanguage } from '../../src/extract/detect-language.js';
import type { Language } from '../../src/domain/vocabulary.js';

describe('numbers', () => {
  const cases: [Language, string, number, boolean][] = [
    ['en', 'at least 14', 14, true], ['en', 'two dozen', 24, false], ['en', 'more than a dozen', 12, true], ['en', 'a dozen', 12, false],
    ['en', '1,940', 1940, false], ['en', 'twenty-five', 25, false], ['en', 'two hundred', 200, false], ['en', 'about 30', 30, false],
    ['uk', "п'ятеро", 5, false], ['uk', 'двоє', 2, false], ['uk', 'щонайменше 5', 5, true], ['uk', 'трьох', 3, false], ['uk', "двадцять п'ять", 25, false],
    ['uk', 'десяток', 10, false], ['ru', 'двоих', 2, false], ['ru', 'пятеро', 5, false], ['ru', 'более 10', 10, true], ['ru', 'троих', 3, false],
  ];
  for (const [lang, phrase, value, atLeast] of cases) {
    test(`${lang}: ${phrase}`, () => {
      const g = numberGrammar(lang);
      assert.ok(new RegExp(`^${g.source}$`, 'iu').test(phrase), 'the pattern matches the whole phrase');
      assert.deepEqual(g.parse(phrase), { value, atLeast });
    });
  }
});

describe('casualty figures', () => {
  const cases: [Language, string, string][] = [
    ['en', 'Three passengers and four rescuers were injured.', 'injured=7'],
    ['en', 'A man was killed and two women were injured.', 'killed=1 injured=2'],
    ['en', 'Four people were wounded, three of whom were hospitalized.', 'injured=4 hospitalized=3'],
    ['en', 'The strike injured at least 14 people.', 'injured=14+'],
    ['en', 'More than a dozen people were wounded.', 'injured=12+'],
    ['en', 'Two dozen residents sought medical help.', 'injured=24'],
    ['en', 'A 9-year-old girl was injured.', 'injured=1 children_injured=1'],
    ['en', 'Five people were injured, including two children.', 'injured=5 children_injured=2'],
    ['en', 'The death toll has risen to 7.', 'killed=7u'],
    ['en', 'One life was lost.', 'killed=1'],
    ['en', 'Killing one person and wounding six.', 'killed=1 injured=6'],
    ['uk', 'Поранено двох людей.', 'injured=2'],
    ['uk', 'Загинула 75-річна жінка, ще двоє людей поранені.', 'killed=1 injured=2a'],
    ['uk', 'Поранено 54-річного чоловіка.', 'injured=1'],
    ['uk', 'Кількість поранених зросла до 5.', 'injured=5u'],
    ['uk', 'Серед них дитина 9 років.', 'children_injured=1'],
    ['ru', 'Ранены двое мужчин, один из них госпитализирован.', 'injured=2 hospitalized=1'],
    ['ru', 'В результате удара ранены 12 человек, среди них двое детей.', 'injured=12 children_injured=2'],
  ];
  for (const [lang, s, want] of cases) {
    test(`${lang}: ${s}`, () => {
      const got = findFigures(s, 0, getLocale(lang)).map((f) => `${f.field}=${f.value}${f.atLeast ? '+' : ''}${f.update ? 'u' : ''}${f.additive ? 'a' : ''}`);
      assert.equal(got.join(' '), want);
      for (const f of findFigures(s, 0, getLocale(lang))) assert.equal(s.slice(f.start, f.end), f.quote);
    });
  }
  test('no number, no figure', () => {
    assert.deepEqual(findFigures('Russian drones attacked the city overnight.', 0, getLocale('en')), []);
  });
});

describe('dates against the publication date (a Saturday)', () => {
  const ref = '2026-01-24';
  const cases: [Language, string, string][] = [
    ['en', 'Russia attacked Kharkiv overnight.', '2026-01-24'],
    ['en', 'Drones struck Sumy yesterday.', '2026-01-23'],
    ['en', 'On Thursday a missile hit Dnipro.', '2026-01-22'],
    ['en', 'The strike on 14 January killed two.', '2026-01-14'],
    ['en', 'The strike on January 14 killed two.', '2026-01-14'],
    ['en', 'Overnight into Sunday drones attacked Odesa.', '2026-01-18'],
    ['en', 'On the night of January 20-21 Kyiv was attacked.', '2026-01-21'],
    ['uk', 'У ніч на 3 січня ворог атакував Одесу.', '2026-01-03'],
    ['uk', 'Вчора росіяни обстріляли Нікополь.', '2026-01-23'],
    ['uk', 'Протягом доби ворог 15 разів обстріляв громади.', '2026-01-23'],
    ['ru', 'В ночь на 3 января враг атаковал Одессу.', '2026-01-03'],
    ['en', 'A strike on 28 December killed one.', '2025-12-28'],
  ];
  for (const [lang, s, want] of cases) {
    test(`${lang}: ${s}`, () => {
      const d = findDates(s, 0, ref, lang);
      assert.equal(d[0]?.date, want, JSON.stringify(d));
    });
  }
});

describe('officials', () => {
  const cases: [Language, string, string, string | null][] = [
    ['en', 'Kharkiv Mayor Ihor Terekhov said two people were hurt.', 'Ihor Terekhov', 'mayor of Kharkiv'],
    ['en', 'Oleh Syniehubov, head of the regional military administration, said.', 'Oleh Syniehubov', 'head of the regional military administration'],
    ['en', "Kyiv's mayor, Vitali Klitschko, confirmed the casualties.", 'Vitali Klitschko', 'mayor of Kyiv'],
    ['uk', 'Начальник Харківської ОВА Олег Синєгубов повідомив про поранених.', 'Oleh Syniehubov', 'head of the regional military administration'],
    ['ru', 'Об этом сообщил мэр Харькова Игорь Терехов.', 'Ihor Terekhov', 'mayor'],
    ['uk', 'Міський голова Ігор Терехов.', 'Ihor Terekhov', 'mayor'],
  ];
  for (const [lang, s, name, role] of cases) {
    test(`${lang}: ${s}`, () => {
      const o = findOfficials(s, 0, getLocale(lang));
      assert.equal(o[0]?.name, name, JSON.stringify(o));
      assert.equal(o[0]?.role, role);
    });
  }
});

describe('sentences and language', () => {
  test('abbreviations do not end sentences', () => {
    const s = splitSentences('Удар по м. Харків. У с. Бобрик поранено жінку.\nІнформація уточнюється.', 'uk');
    assert.deepEqual(s.map((x) => x.text), ['Удар по м. Харків.', 'У с. Бобрик поранено жінку.', 'Інформація уточнюється.']);
  });
  test('letters decide the language', () => {
    assert.equal(detectLanguage('Поранено двох людей у Харкові.'), 'uk');
    assert.equal(detectLanguage('Ранены двое мужчин в Харькове.'), 'ru');
    assert.equal(detectLanguage('Two people were injured in Kharkiv.'), 'en');
    assert.equal(detectLanguage('Anything', 'ru'), 'ru');
  });
});
