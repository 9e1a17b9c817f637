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

describe('datelines and evacuees give no place', () => {
  const events = (text: string, published = '2026-01-17') =>
    extractReport({ id: 'followup-place', text, published }).events.map((e) => e.location.city ?? `(${e.location.oblast})`).sort();
  const cases: [string, string, string[]][] = [
    ['en outlet dateline', 'Kyiv, Jan 17 (Reuters) - Russia launched drones and missiles at Odesa and Kharkiv overnight. In Odesa, a drone hit a residential building, injuring two people.', ['Kharkiv', 'Odesa']],
    ['en outlet dateline without a date', 'KYIV (Reuters) - Russian drones hit a residential building in Odesa overnight, injuring two people.', ['Odesa']],
    ['en dateline opening a paragraph', 'Overnight summary.\n\nKyiv, January 17 (Capital Wire) — A Russian drone hit a school in Odesa.', ['Odesa']],
    ['uk capital dateline', 'КИЇВ, 17 січня. Вночі російські дрони атакували Одесу, пошкоджено житловий будинок, поранено двох людей.', ['Odesa']],
    ['ru capital dateline', 'КИЕВ, 17 января. Ночью российские дроны атаковали Одессу, поврежден жилой дом, ранены два человека.', ['Odesa']],
    ['a city named at the start with no outlet is still the place', 'Kyiv, 17 January. A Russian drone hit a residential building in the city, injuring two people.', ['Kyiv']],
    ['residents evacuated from a region', 'More than 300 residents of border villages in the Sumy region were evacuated to Sumy this week because of daily shelling, the regional administration said.', []],
    ['evacuees from villages', 'Evacuees from Sumy-region villages arrived in Kharkiv on Friday after weeks of shelling.', []],
    ['an evacuation beside damage keeps the place', 'In Kharkiv, a drone hit a residential building and 40 residents were evacuated.', ['Kharkiv']],
  ];
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(events(text), want));
});

describe('a bare group hospitalized refers back to its count', () => {
  const first = (text: string) => {
    const e = extractReport({ id: 'followup-hosp', text, published: '2026-05-07' }).events[0];
    return e ? { injured: e.injured, hospitalized: e.hospitalized } : null;
  };
  const cases: [string, string, { injured: number | null; hospitalized: number | null }][] = [
    ['en', 'A Russian drone hit a house in Balakliia this morning. Two rescuers were injured when the enemy struck again. The rescuers were hospitalized.', { injured: 2, hospitalized: 2 }],
    ['uk', 'Вранці ударний БпЛА влучив у будинок у Балаклії. Травмовано двох рятувальників. Постраждалим надали допомогу, рятувальників госпіталізовано.', { injured: 2, hospitalized: 2 }],
    ['ru', 'Утром российский дрон попал в частный дом в Балаклее. Пострадали двое спасателей. Спасателей госпитализировали.', { injured: 2, hospitalized: 2 }],
    ['a count of its own wins', 'A Russian drone hit a house in Balakliia this morning. Two rescuers were injured. Three rescuers were hospitalized.', { injured: 3, hospitalized: 3 }],
    ['another group is no referent', 'A Russian drone hit a house in Balakliia this morning. Two rescuers were injured. The passengers were hospitalized.', { injured: 2, hospitalized: null }],
  ];
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(first(text), want));
});

describe('raions named together with one toll', () => {
  const events = (text: string) =>
    extractReport({ id: 'followup-raions', text, published: '2026-01-12' }).events.map((e) => [e.location.raion ?? e.location.oblast, e.injured]);
  const cases: [string, string, (string | number | null)[][]][] = [
    ['uk', "Протягом доби російські війська атакували Куп'янський та Ізюмський райони Харківщини з артилерії. Постраждали четверо цивільних.", [['Kharkiv', 4]]],
    ['ru', 'За сутки российские войска обстреляли Купянский и Изюмский районы Харьковской области из артиллерии. Пострадали четверо мирных жителей.', [['Kharkiv', 4]]],
    ['one raion keeps its own event', "Протягом доби російські війська атакували Куп'янський район Харківщини з артилерії. Постраждали четверо цивільних.", [['Kupianskyi', 4]]],
  ];
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(events(text), want));
});

describe('a joint toll told over two sentences is one claim', () => {
  const claims = (text: string) =>
    extractReport({ id: 'followup-claims', text, published: '2026-01-12' }).context.wider_claims.map((w) => [w.killed, w.injured]);
  const cases: [string, string, (number | null)[][]][] = [
    ['en', 'Russian drones and missiles attacked Kharkiv, Sumy and Poltava overnight. Three people were killed across the three regions. Another 12 were injured.', [[3, 12]]],
    ['uk', 'Вночі росіяни атакували Харків, Суми та Полтаву. Загинули троє людей. Ще 12 поранені.', [[3, 12]]],
    ['ru', 'Ночью россияне атаковали Харьков, Сумы и Полтаву. Погибли три человека. Еще 12 ранены.', [[3, 12]]],
  ];
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(claims(text), want));
  test('a place named between keeps them apart', () => {
    const got = claims('Russian drones and missiles attacked Kharkiv, Sumy and Poltava overnight. Three people were killed across the three regions. In Kharkiv a drone hit a school. Across the three regions 12 were injured.');
    assert.ok(!got.some(([k, i]) => k === 3 && i === 12), JSON.stringify(got));
  });
});

describe('a bare thousand word counts the affected', () => {
  const outage = (text: string, lang: Language) => {
    const e = extractReport({ id: 'followup-thousand', text, published: '2026-01-12', lang }).events[0];
    return e?.utilities.map((u) => [u.utility, u.affected]) ?? null;
  };
  const cases: [Language, string, (string | number | null)[][]][] = [
    ['uk', 'Вночі дрони атакували Харків. Пошкоджено підстанцію, без світла тисяча будинків.', [['power', 1000]]],
    ['uk', 'Вночі дрони атакували Харків. Пошкоджено котельню, без тепла тисяча будинків.', [['heat', 1000]]],
    ['ru', 'Ночью дроны атаковали Харьков. Повреждена котельная, без тепла тысяча домов.', [['heat', 1000]]],
    ['uk', 'Вночі дрони атакували Харків. Пошкоджено підстанцію, без світла дві тисячі будинків.', [['power', 2000]]],
    ['en', 'Drones attacked Kharkiv overnight, damaging a substation; a thousand homes were left without power.', [['power', 1000]]],
  ];
  for (const [lang, text, want] of cases) test(`${lang}: ${text}`, () => assert.deepEqual(outage(text, lang), want));
});
