/**
 * Table tests for the Russian language pack: numerals in every case, casualty phrasing, place forms,
 * officials (titles in any case, signatures, Russian spellings of Ukrainian names), date idioms, and
 * the report-level rules the Russian corpus (test/corpus/ru/) exercises.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { numberGrammar } from '../../src/extract/numbers.js';
import { findFigures, saysNoCasualties } from '../../src/extract/rules/casualties.js';
import { findDates } from '../../src/extract/rules/dates.js';
import { findOfficials, latinName } from '../../src/extract/rules/officials.js';
import { getLocale } from '../../src/extract/locale.js';
import { extractReport } from '../../src/extract/index.js';
import { getGazetteer } from '../../src/gazetteer/index.js';

const ru = () => getLocale('ru');

describe('ru numerals in every case', () => {
  const cases: [string, number, boolean][] = [
    ['один', 1, false], ['одна', 1, false], ['одного', 1, false], ['двое', 2, false], ['двоих', 2, false], ['обоих', 2, false],
    ['трое', 3, false], ['троих', 3, false], ['трёх', 3, false], ['четверо', 4, false], ['четверых', 4, false], ['пятеро', 5, false],
    ['пятерых', 5, false], ['шестеро', 6, false], ['семеро', 7, false], ['десятеро', 10, false], ['двадцать пять', 25, false],
    ['5', 5, false], ['не менее 14', 14, true], ['более 30', 30, true], ['десяток', 10, false], ['по меньшей мере трое', 3, true],
  ];
  for (const [phrase, value, atLeast] of cases) {
    test(phrase, () => {
      const g = numberGrammar('ru');
      assert.ok(new RegExp(`^${g.source}$`, 'iu').test(phrase), 'the pattern matches the whole phrase');
      assert.deepEqual(g.parse(phrase), { value, atLeast });
    });
  }
});

describe('ru thousands', () => {
  test('"более 40 тысяч абонентов" without power is 40,000, not 1,040', () => {
    const r = extractReport({ id: 'ru-k', text: 'В Одессе без света остались более 40 тысяч абонентов после ночной атаки дронов.', published: '2026-01-18' });
    assert.equal(r.events[0]?.utilities.find((u) => u.utility === 'power')?.affected, 40000);
  });
});

describe('ru casualty figures', () => {
  const cases: [string, string][] = [
    ['Погибли двое мирных жителей, еще пятеро ранены.', 'killed=2 injured=5a'],
    ['Таким образом, погибли семеро, 22 человека ранены, 14 из них госпитализированы.', 'killed=7 injured=22 hospitalized=14'],
    ['Погибли три человека, в том числе 10-летняя девочка.', 'killed=3 children_killed=1'],
    ['Ранены 14 человек, среди них пятеро детей.', 'injured=14 children_injured=5'],
    ['Пятерых пострадавших госпитализировали.', 'hospitalized=5'],
    ['В Никополе ранен 58-летний мужчина, его госпитализировали.', 'injured=1 hospitalized=1'],
    ['Ранены одна жительница и двое пенсионеров.', 'injured=3'],
    ['Погиб мужчина 72 лет, его жена ранена.', 'killed=1 injured=1'],
    ['Убит 40-летний мужчина.', 'killed=1'],
    ['Травмированы трое работников.', 'injured=3'],
    ['Трое в больнице, остальным помощь оказали на месте.', 'hospitalized=3'],
    ['Пострадали 5 человек.', 'injured=5'],
    ['Позднее число погибших возросло до двух, а число раненых — до девяти.', 'killed=2u injured=9u'],
  ];
  for (const [s, want] of cases) {
    test(s, () => {
      const figs = findFigures(s, 0, ru());
      assert.equal(figs.map((f) => `${f.field}=${f.value}${f.atLeast ? '+' : ''}${f.update ? 'u' : ''}${f.additive ? 'a' : ''}`).join(' '), want);
      for (const f of figs) assert.equal(s.slice(f.start, f.end), f.quote);
    });
  }
  test('"no information about casualties" is an unknown, "no casualties" a zero', () => {
    assert.equal(saysNoCasualties('Информации о пострадавших нет.', ru()), false);
    assert.equal(saysNoCasualties('Пострадавших нет.', ru()), true);
    assert.equal(saysNoCasualties('Обошлось без пострадавших.', ru()), true);
  });
});

describe('ru place forms', () => {
  const cases: [string, string, string, string][] = [
    ['Взрывы в Харькове.', 'Харькове', 'Kharkiv', 'city'],
    ['Обстрел в Херсоне.', 'Херсоне', 'Kherson', 'city'],
    ['Удар по Запорожью.', 'Запорожью', 'Zaporizhzhia', 'city'],
    ['КАБ в Сумской области.', 'Сумской области', 'Sumy', 'oblast'],
    ['Днепропетровская область: итоги ночи.', 'Днепропетровская область', 'Dnipropetrovsk', 'oblast'],
    ['Обстрелы Никопольского района.', 'Никопольского района', 'Nikopolskyi', 'raion'],
    ['В пгт Великий Бурлук погиб водитель.', 'Великий Бурлук', 'Velykyi Burluk', 'rural_settlement'],
    ['Утром в с. Бересток Донецкой области ранены трое.', 'Бересток', 'Berestok', 'rural_settlement'],
    ['Удар по Шевченковскому району Харькова.', 'Шевченковскому району', 'Shevchenkivskyi', 'city_district'],
  ];
  for (const [text, span, name, kind] of cases) {
    test(text, () => {
      const g = getGazetteer();
      const hit = g.resolve(g.scan(text), text).find((r) => r.span.text === span);
      assert.ok(hit, `"${span}" is found`);
      assert.equal(hit.place?.name, name);
      assert.equal(hit.place?.kind, kind);
    });
  }
});

describe('ru officials', () => {
  const cases: [string, string, string][] = [
    ['По словам мэра Харькова Игоря Терехова, авиабомба попала во двор.', 'Ihor Terekhov', 'mayor'],
    ['Олег Синегубов, начальник Харьковской ОВА', 'Oleh Syniehubov', 'head of the regional military administration'],
    ['Дмитрий Брижинский, начальник Черниговской городской военной администрации', 'Dmytro Bryzhynskyi', 'head of the city military administration'],
    ['Как сообщил городской голова Краматорска Александр Гончаренко, ранены 4 человека.', 'Oleksandr Honcharenko', 'mayor'],
    ['По словам главы совета обороны города Александра Вилкула, повреждена школа.', 'Oleksandr Vilkul', 'head of the defence council'],
    ['Начальник Сумской ОВА Олег Григоров', 'Oleh Hryhorov', 'head of the regional military administration'],
    ['Глава ОВА Сергей Лысак', 'Serhii Lysak', 'head of the regional military administration'],
  ];
  for (const [s, name, role] of cases) {
    test(s, () => {
      const o = findOfficials(s, 0, ru());
      assert.equal(o.length, 1);
      assert.equal(o[0]!.name, name);
      assert.equal(o[0]!.role, role);
      assert.equal(s.slice(o[0]!.start, o[0]!.end), o[0]!.quote);
    });
  }
  test('Russian spellings of Ukrainian given names, in any case', () => {
    assert.equal(latinName('Сергея Петренко'), 'Serhii Petrenko');
    assert.equal(latinName('Андрей Садовый'), 'Andrii Sadovyi');
    assert.equal(latinName('Юрий Малашко'), 'Yurii Malashko');
  });
});

describe('ru dates against the publication date (Monday 2026-09-21)', () => {
  const ref = '2026-09-21';
  const cases: [string, string][] = [
    ['Сегодня ночью враг атаковал Одессу.', ref],
    ['Вчера россияне обстреляли Херсон.', '2026-09-20'],
    ['В ночь на 3 марта враг атаковал Запорожье.', '2026-03-03'],
    ['11 октября враг ударил по Днепру.', '2025-10-11'],
    ['В субботу вечером Николаев атаковали дроны.', '2026-09-19'],
    ['За сутки враг 400 раз обстрелял область.', '2026-09-20'],
  ];
  for (const [s, want] of cases) {
    test(s, () => assert.equal(findDates(s, 0, ref, 'ru')[0]?.date, want));
  }
});

describe('ru report-level rules', () => {
  const run = (text: string, published: string) => extractReport({ id: 't', text, published, lang: 'ru' });
  test('a signed round-up attributes every place of the oblast to the OVA head', () => {
    const r = run('В Купянске ранены двое мужчин.\n\nВ пгт Великий Бурлук FPV-дрон атаковал автомобиль, погиб водитель.\n\nОлег Синегубов, начальник Харьковской ОВА', '2026-02-10');
    assert.deepEqual(r.events.map((e) => [e.location.city, e.officials.map((o) => o.name)]).sort(), [['Kupiansk', ['Oleh Syniehubov']], ['Velykyi Burluk', ['Oleh Syniehubov']]]);
  });
  test('a paragraph naming no place after a round-up does not continue the last place', () => {
    const r = run('В Херсоне ранены двое.\n\nВ Бериславе повреждены частные дома.\n\nОккупанты попали в газопровод и автомобили.', '2026-05-12');
    const b = r.events.find((e) => e.location.city === 'Beryslav')!;
    assert.deepEqual(b.facilities.map((f) => f.category), ['residential']);
  });
  test('calm districts are not events', () => {
    const r = run('В Никополе ранен мужчина.\n\nВ Павлоградском районе ночь прошла спокойно.', '2026-06-25');
    assert.deepEqual(r.events.map((e) => e.location.city), ['Nikopol']);
  });
  test('an air-raid alert with nothing hit is no event', () => {
    const r = run('В Одессе объявлена воздушная тревога из-за угрозы ударных беспилотников. Спустя час отбой, попаданий не зафиксировано.', '2026-04-10');
    assert.deepEqual(r.events, []);
  });
  test('a district of the city disambiguates a shared city name', () => {
    const r = run('Николаев атаковали дроны. Попадание в многоэтажку в Корабельном районе.', '2026-09-21');
    assert.equal(r.events.length, 1);
    assert.equal(r.events[0]!.location.oblast, 'Mykolaiv');
    assert.deepEqual(r.events[0]!.location.districts, ['Korabelnyi']);
  });
  test('a district whose city the report does not name is not that city', () => {
    const r = run('Утром в с. Бересток Покровского района дрон сбросил боеприпас на частный дом.', '2026-10-11');
    assert.deepEqual(r.events.map((e) => e.location.city), ['Berestok']);
  });
  test('a section heading that names a place heads the paragraphs under it', () => {
    const r = run('Удары по Харькову и Одессе\n\nХарьков\n\nВ Харькове прогремели взрывы.\n\nПострадали шесть человек.\n\nОдесса\n\nВ Одессе ракета попала в склад.\n\nПогиб один человек.', '2026-12-14');
    const by = Object.fromEntries(r.events.map((e) => [e.location.city, [e.killed, e.injured]]));
    assert.deepEqual(by, { Kharkiv: [0, 6], Odesa: [1, null] });
  });
  test('the first of coordinated districts is a district, not a village', () => {
    const r = run('В Харькове беспилотники атаковали Киевский и Салтовский районы города, повреждены дома.', '2026-12-14');
    assert.deepEqual(r.events.map((e) => e.location.city), ['Kharkiv']);
  });
  test('the place of talks is not attacked', () => {
    const r = run('В Харькове ранены двое.\n\nНа фоне атаки в Женеве продолжаются консультации о перемирии. Президент заявил, что удары показывают нежелание мира.', '2026-12-14');
    assert.deepEqual(r.events.map((e) => e.location.city), ['Kharkiv']);
  });
  test('a worker of the enterprise is no damaged enterprise', () => {
    const r = run('В Одессе ракета попала в объект энергетики. Погиб работник предприятия.', '2026-12-14');
    assert.deepEqual(r.events[0]!.facilities.map((f) => f.category), ['energy']);
  });
  test('attacks claimed on Russia give no events, evidence offsets hold', () => {
    const text = 'Губернатор Белгородской области заявил, что в Белгороде ранены три человека. Также повреждены многоэтажка и автомобили.';
    assert.deepEqual(run(text, '2026-03-02').events, []);
    const r = run('В Харькове прогремели взрывы. Мэр Игорь Терехов сообщает об атаке беспилотников.', '2026-01-20');
    for (const e of r.events) for (const ev of e.evidence) assert.equal('В Харькове прогремели взрывы. Мэр Игорь Терехов сообщает об атаке беспилотников.'.slice(ev.start, ev.end), ev.quote);
  });
});
