import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getGazetteer } from '../../src/gazetteer/index.js';

const g = getGazetteer();

/** [text, expected span text, level, place name, oblast] — forms in running text resolve to one place. */
const FORMS: [string, string, string, string, string | null][] = [
  ['Удар по Харкову вранці.', 'Харкову', 'settlement', 'Kharkiv', 'Kharkiv'],
  ['Вибухи у Харкові.', 'Харкові', 'settlement', 'Kharkiv', 'Kharkiv'],
  ['Взрывы в Харькове.', 'Харькове', 'settlement', 'Kharkiv', 'Kharkiv'],
  ['Drones hit Kharkov overnight.', 'Kharkov', 'settlement', 'Kharkiv', 'Kharkiv'],
  ['Kharkiv’s mayor said.', 'Kharkiv’s', 'settlement', 'Kharkiv', 'Kharkiv'],
  ['Бої під Бахмутом.', 'Бахмутом', 'settlement', 'Bakhmut', 'Donetsk'],
  ['Росіяни вдарили по Марганцю.', 'Марганцю', 'settlement', 'Marhanets', 'Dnipropetrovsk'],
  ['Обстрел в Марганце.', 'Марганце', 'settlement', 'Marhanets', 'Dnipropetrovsk'],
  ['Fighting near Artemivsk.', 'Artemivsk', 'settlement', 'Bakhmut', 'Donetsk'],
  ['Удар по Кривому Рогу.', 'Кривому Рогу', 'settlement', 'Kryvyi Rih', 'Dnipropetrovsk'],
  ['У Кривому Розі поранені.', 'Кривому Розі', 'settlement', 'Kryvyi Rih', 'Dnipropetrovsk'],
  ['Обстріл Києва.', 'Києва', 'settlement', 'Kyiv', 'Kyiv'],
  ['Attack on Kiev.', 'Kiev', 'settlement', 'Kyiv', 'Kyiv'],
  ['Вибухи в Одесі.', 'Одесі', 'settlement', 'Odesa', 'Odesa'],
  ['Атака на Одессу.', 'Одессу', 'settlement', 'Odesa', 'Odesa'],
  ['Strike on Zaporozhye.', 'Zaporozhye', 'settlement', 'Zaporizhzhia', 'Zaporizhzhia'],
  ['Удар по Запоріжжю.', 'Запоріжжю', 'settlement', 'Zaporizhzhia', 'Zaporizhzhia'],
  ['У Білій Церкві тривога.', 'Білій Церкві', 'settlement', 'Bila Tserkva', 'Kyiv'],
  ['Обстріл Гуляйполя.', 'Гуляйполя', 'settlement', 'Huliaipole', 'Zaporizhzhia'],
  ['пгт Казачья Лопань обстреляли.', 'Казачья Лопань', 'settlement', 'Kozacha Lopan', 'Kharkiv'],
  ['Shelling of Kozacha Lopan.', 'Kozacha Lopan', 'settlement', 'Kozacha Lopan', 'Kharkiv'],
  ['Ракета влучила в Дніпро.', 'Дніпро', 'settlement', 'Dnipro', 'Dnipropetrovsk'],
  ['Missile hit Dnipropetrovsk.', 'Dnipropetrovsk', 'settlement', 'Dnipro', 'Dnipropetrovsk'],
  ['Атака на Харківщині.', 'Харківщині', 'oblast', 'Kharkiv', 'Kharkiv'],
  ['Дрони над Харківщиною.', 'Харківщиною', 'oblast', 'Kharkiv', 'Kharkiv'],
  ['Обстріл у Запорізькій області.', 'Запорізькій області', 'oblast', 'Zaporizhzhia', 'Zaporizhzhia'],
  ['Обстрел в Сумской области.', 'Сумской области', 'oblast', 'Sumy', 'Sumy'],
  ['Харьковская область под ударом.', 'Харьковская область', 'oblast', 'Kharkiv', 'Kharkiv'],
  ['Drones over Kharkiv region.', 'Kharkiv region', 'oblast', 'Kharkiv', 'Kharkiv'],
  ['Strikes in Kherson Oblast.', 'Kherson Oblast', 'oblast', 'Kherson', 'Kherson'],
  ['Шахеди над Дніпропетровщиною.', 'Дніпропетровщиною', 'oblast', 'Dnipropetrovsk', 'Dnipropetrovsk'],
  ['Обстріл Нікопольського району.', 'Нікопольського району', 'raion', 'Nikopolskyi', 'Dnipropetrovsk'],
  ['Shelling in Nikopol district.', 'Nikopol district', 'raion', 'Nikopolskyi', 'Dnipropetrovsk'],
  ['Білопільська громада під обстрілом.', 'Білопільська громада', 'hromada', 'Bilopilska', 'Sumy'],
  ['Атакували Білопільську міську громаду.', 'Білопільську міську громаду', 'hromada', 'Bilopilska', 'Sumy'],
  ['У Шевченківському районі Києва.', 'Шевченківському районі', 'city_district', 'Shevchenkivskyi', 'Kyiv'],
  ['Hit in Kharkiv’s Industrialnyi district.', 'Industrialnyi district', 'city_district', 'Industrialnyi', 'Kharkiv'],
  ['the village of Bilozerka in Kherson Oblast', 'Bilozerka', 'settlement', 'Bilozerka', 'Kherson'],
  ['Удар по Слов’янську.', 'Слов’янську', 'settlement', 'Sloviansk', 'Donetsk'],
  ["Удар по Слов'янську.", "Слов'янську", 'settlement', 'Sloviansk', 'Donetsk'],
  ['Удар по Словʼянську.', 'Словʼянську', 'settlement', 'Sloviansk', 'Donetsk'],
  ['Ірпінь і Буча.', 'Ірпінь', 'settlement', 'Irpin', 'Kyiv'],
  ['В Ірпені світло.', 'Ірпені', 'settlement', 'Irpin', 'Kyiv'],
];

describe('place forms resolve to one place', () => {
  for (const [text, span, level, name, oblast] of FORMS) {
    test(`${text} → ${name}`, () => {
      const resolved = g.resolve(g.scan(text), text);
      const hit = resolved.find((r) => r.span.text === span);
      assert.ok(hit, `no span "${span}" in ${JSON.stringify(resolved.map((r) => r.span.text))}`);
      assert.equal(text.slice(hit.span.start, hit.span.end), span, 'offsets point at the span');
      assert.equal(hit.span.level, level);
      assert.ok(hit.place, `ambiguous: ${hit.candidates.map((c) => `${c.name}/${c.oblast}`).join(', ')}`);
      assert.equal(hit.place.name, name);
      assert.equal(hit.place.oblast, oblast);
    });
  }
});

describe('ordinary words are not places', () => {
  for (const text of ['Мирне життя повернеться.', 'Перемога буде за нами.', 'Peremoha is near, he said.', 'the bar was closed', 'Надія є.', 'Сонячне світло.']) {
    test(text, () => {
      const spans = g.scan(text).filter((s) => s.level === 'settlement');
      assert.deepEqual(spans.map((s) => s.text), []);
    });
  }
  test('a qualifier makes an ordinary word a village', () => {
    const spans = g.scan('Обстріляли село Перемога.');
    assert.equal(spans.length, 1);
    assert.equal(spans[0]!.text, 'Перемога');
    assert.equal(spans[0]!.qualifier, 'село');
  });
});

describe('near marks approximate locations', () => {
  for (const [text, span] of <[string, string][]>[['Бої під Бахмутом.', 'Бахмутом'], ['fighting near Pokrovsk', 'Pokrovsk'], ['Бои возле Покровска.', 'Покровска']]) {
    test(text, () => {
      const s = g.scan(text).find((x) => x.text === span);
      assert.ok(s);
      assert.equal(s.near, true);
    });
  }
});
