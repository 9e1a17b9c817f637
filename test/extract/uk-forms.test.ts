/**
 * Table tests for the Ukrainian language pack: numerals in every case, casualty phrasings of officials'
 * posts and news, place forms (cases, regions, abbreviations), dates, untitled officials, outages,
 * facilities and the cues that keep alerts and calm nights from becoming events.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { numberGrammar } from '../../src/extract/numbers.js';
import { findFigures } from '../../src/extract/rules/casualties.js';
import { findDates } from '../../src/extract/rules/dates.js';
import { findOfficials } from '../../src/extract/rules/officials.js';
import { getLocale } from '../../src/extract/locale.js';
import { analyzeSentence } from '../../src/extract/analyze-sentence.js';
import { extractReport } from '../../src/extract/index.js';
import { getGazetteer } from '../../src/gazetteer/index.js';

const uk = getLocale('uk');

describe('uk numerals in every case', () => {
  const cases: [string, number, boolean][] = [
    ['один', 1, false], ['одна', 1, false], ['одного', 1, false], ['двоє', 2, false], ['двох', 2, false], ['дві', 2, false],
    ['троє', 3, false], ['трьох', 3, false], ['четверо', 4, false], ['чотирьох', 4, false], ["п'ятеро", 5, false], ["п'ятьох", 5, false],
    ["п’ятьох", 5, false], ['шестеро', 6, false], ['десятеро', 10, false], ['десятьох', 10, false], ['5', 5, false], ["двадцять п'ять", 25, false],
    ['щонайменше троє', 3, true], ['понад 40', 40, true], ['близько 30', 30, false], ['десяток', 10, false], ['кілька', 3, true],
    ['40 тисяч', 40000, false], ['1 847', 1847, false],
  ];
  const g = numberGrammar('uk');
  for (const [phrase, value, atLeast] of cases) {
    test(phrase, () => {
      assert.ok(new RegExp(`^${g.source}$`, 'iu').test(phrase), 'the pattern matches the whole phrase');
      assert.deepEqual(g.parse(phrase), { value, atLeast });
    });
  }
});

const show = (s: string) => findFigures(s, 0, uk).map((f) => `${f.field}=${f.value}${f.atLeast ? '+' : ''}${f.update ? 'u' : ''}${f.additive ? 'a' : ''}${f.all ? '*' : ''}`).join(' ');

describe('uk casualty figures', () => {
  const cases: [string, string][] = [
    ['Загинули двоє людей.', 'killed=2'],
    ['Внаслідок удару загинув 1 чоловік.', 'killed=1'],
    ['Вбито трьох цивільних.', 'killed=3'],
    ['Поранено п\'ятьох людей, серед них хлопчик 9 років.', 'injured=5 children_injured=1'],
    ['Постраждали 5 людей.', 'injured=5'],
    ['Травмовано десятеро мешканців.', 'injured=10'],
    ['Ще 11 дістали травми.', 'injured=11a'],
    ['Троє людей отримали поранення.', 'injured=3'],
    ['Шестеро поранених госпіталізовані.', 'hospitalized=6'],
    ['Двоє постраждалих у лікарні.', 'hospitalized=2'],
    ['Ще п\'ятеро людей травмовані, двох із них госпіталізували.', 'injured=5a hospitalized=2'],
    ['В Очакові поранено 38-річного чоловіка та 16-річного хлопця.', 'injured=2 children_injured=1'],
    ['Травмовано трьох людей, ще одній жінці надали допомогу на місці.', 'injured=3 injured=1a'],
    ['Поранених — 12, зокрема двоє дітей.', 'injured=12 children_injured=2'],
    ['Він госпіталізований у задовільному стані.', 'hospitalized=1'],
    ['Усі поранені госпіталізовані.', 'hospitalized=0*'],
    ['Травмовано двох водіїв вантажівок, їх госпіталізовано.', 'injured=2 hospitalized=0*'],
    ['Кількість поранених зросла до семи.', 'injured=7u'],
    ['Загинув 17-річний підліток.', 'killed=1 children_killed=1'],
  ];
  for (const [s, want] of cases) {
    test(s, () => {
      assert.equal(show(s), want);
      for (const f of findFigures(s, 0, uk)) assert.equal(s.slice(f.start, f.end), f.quote);
    });
  }
  test('"ще" beside the killed states the injured, it adds to no earlier injured figure', () => {
    const figs = findFigures('Загинули двоє людей, ще 11 дістали травми.', 0, uk);
    assert.equal(figs.find((f) => f.field === 'injured')?.besides, true);
    const also = findFigures('Також загинув 1 цивільний, ще 4 людини постраждали.', 0, uk);
    assert.equal(also.find((f) => f.field === 'injured')?.besides, undefined);
  });
});

describe('uk place forms', () => {
  const g = getGazetteer();
  const cases: [string, string, string, string][] = [
    ['Удар по Харкову.', 'Харкову', 'Kharkiv', 'city'],
    ['Вибухи у Харкові.', 'Харкові', 'Kharkiv', 'city'],
    ['Атака дронів в Одесі.', 'Одесі', 'Odesa', 'city'],
    ['Обстріл на Харківщині.', 'Харківщині', 'Kharkiv', 'oblast'],
    ['Дніпропетровська область під ударом.', 'Дніпропетровська область', 'Dnipropetrovsk', 'oblast'],
    ['Ворог гатив по Нікопольському району.', 'Нікопольському району', 'Nikopolskyi', 'raion'],
    ['Білопільська громада: обстріл.', 'Білопільська громада', 'Bilopilska', 'hromada'],
    ['Удар по смт Великий Бурлук.', 'Великий Бурлук', 'Velykyi Burluk', 'rural_settlement'],
    ['Обстріл с. Кочеток.', 'Кочеток', 'Kochetok', 'rural_settlement'],
    ['Удар по Кривому Рогу.', 'Кривому Рогу', 'Kryvyi Rih', 'city'],
  ];
  for (const [text, span, name, kind] of cases) {
    test(text, () => {
      const r = g.resolve(g.scan(text), text).find((x) => text.slice(x.span.start, x.span.end).includes(span) || x.span.text === span);
      assert.ok(r, `no place in ${text}`);
      assert.equal(r.place?.name, name);
      assert.equal(r.place?.kind, kind);
    });
  }
  test('"під Запоріжжям" is near the city', () => {
    const text = 'Удар під Запоріжжям.';
    const r = g.resolve(g.scan(text), text)[0];
    assert.equal(r?.place?.name, 'Zaporizhzhia');
    assert.equal(r?.span.near, true);
  });
  test('a district of the capital', () => {
    const r = extractReport({ id: 't', text: 'У Шевченківському районі Києва уламки впали на багатоповерхівку.', published: '2026-03-01' });
    assert.equal(r.events[0]?.location.city, 'Kyiv');
    assert.deepEqual(r.events[0]?.location.districts, ['Shevchenkivskyi']);
  });
  test('a street named after a city is no place', () => {
    const r = extractReport({ id: 't', text: 'Херсон: FPV-дрон атакував автобус на Миколаївському шосе.', published: '2026-03-01' });
    assert.deepEqual(r.events.map((e) => e.location.city), ['Kherson']);
  });
});

describe('uk dates (publication Saturday 2026-03-14)', () => {
  const ref = '2026-03-14';
  const cases: [string, string][] = [
    ['Сьогодні вночі ворог атакував Суми.', '2026-03-14'],
    ['Вчора росіяни вдарили по Херсону.', '2026-03-13'],
    ['У ніч на 3 березня дрони атакували Одесу.', '2026-03-03'],
    ['Ввечері 11 березня КАБ влучила в Запоріжжя.', '2026-03-11'],
    ['Протягом доби окупанти обстріляли громади.', '2026-03-13'],
    ['У четвер ракета влучила в Дніпро.', '2026-03-12'],
    ['О 03:40 пролунали вибухи.', '2026-03-14'],
  ];
  for (const [s, want] of cases) {
    test(s, () => {
      const d = findDates(s, 0, ref, 'uk');
      assert.equal(d[0]?.date ?? ref, want, JSON.stringify(d));
    });
  }
});

describe('uk officials', () => {
  const cases: [string, string, string | null][] = [
    ['Сергій Лисак', 'Serhii Lysak', 'head of the regional military administration'],
    ['Олег Синєгубов', 'Oleh Syniehubov', 'head of the regional military administration'],
    ['Кличко: У Деснянському районі уламки впали на дах.', 'Vitali Klitschko', 'mayor'],
    ['Олег Кіпер: ворог атакував Ізмаїльський район.', 'Oleh Kiper', 'head of the regional military administration'],
    ['Про це повідомив Олександр Прокудін.', 'Oleksandr Prokudin', 'head of the regional military administration'],
    ['Віталій Кім, голова Миколаївської ОВА:', 'Vitalii Kim', 'head of the regional military administration'],
    ['Т.в.о. міського голови Сум Артем Кобзар повідомив про пошкодження.', 'Artem Kobzar', 'acting mayor'],
  ];
  for (const [s, name, role] of cases) {
    test(s, () => {
      const o = findOfficials(s, 0, uk);
      assert.equal(o[0]?.name, name, JSON.stringify(o));
      assert.equal(o[0]?.role, role);
    });
  }
  test('a listed surname in running text is no attribution', () => {
    assert.deepEqual(findOfficials('Вулиця Лисака постраждала від обстрілу.', 0, uk), []);
  });
});

describe('uk facilities, outages and cues', () => {
  const facts = (s: string) => analyzeSentence({ start: 0, end: s.length, text: s, paragraph: 0 }, 0, uk, '2026-03-14');
  test('a generic building named by the facility after it is that facility', () => {
    assert.deepEqual(facts('Пошкоджено будівлю школи та автівки.').facilities.map((f) => f.key), ['education', 'vehicle']);
  });
  test('the hospitalized are no hospital, energy workers no energy facility', () => {
    assert.deepEqual(facts('Двоє постраждалих госпіталізовані, енергетики вже працюють.').facilities, []);
  });
  test('plural and locative forms of facility words', () => {
    assert.deepEqual(facts('Удар по автівці, пошкоджено 14 автівок і 9-поверхівку.').facilities.map((f) => f.key), ['vehicle', 'vehicle', 'residential']);
  });
  test('"відсутнє водопостачання" is a water outage', () => {
    assert.deepEqual(facts('У частині району відсутнє водопостачання.').utilities.map((u) => u.utility), ['water']);
  });
  test('an air-raid alert with no hit gives no event', () => {
    const text = 'У Києві пролунала повітряна тривога через загрозу балістики. У місті було чутно роботу ППО. Влучань не зафіксовано.';
    assert.deepEqual(extractReport({ id: 't', text, published: '2026-03-14' }).events, []);
  });
  test('a calm night gives no event', () => {
    const text = 'У Нікополі поранено жінку після обстрілу.\nНа Павлоградщині та в Кривому Розі ніч минула спокійно.';
    assert.deepEqual(extractReport({ id: 't', text, published: '2026-03-14' }).events.map((e) => e.location.city), ['Nikopol']);
  });
  test('a fire in a named village is an attack there', () => {
    const text = 'Ворожа атака на Київщину.\nУ Вишгородському районі в селі Лютіж зайнялися складські приміщення.';
    assert.deepEqual(extractReport({ id: 't', text, published: '2026-03-14' }).events.map((e) => e.location.city), ['Liutizh']);
  });
});
