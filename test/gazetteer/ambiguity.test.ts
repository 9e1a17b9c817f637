import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getGazetteer } from '../../src/gazetteer/index.js';

const g = getGazetteer();

describe('ambiguous names', () => {
  test('Novoselivka alone lists many candidates and is flagged', () => {
    const text = 'Shelling hit Novoselivka.';
    const [r] = g.resolve(g.scan(text), text);
    assert.ok(r);
    assert.equal(r.ambiguous, true);
    assert.equal(r.place, null);
    assert.ok(r.candidates.length > 10, `candidates: ${r.candidates.length}`);
  });
  test('the oblast named in the same sentence decides', () => {
    const text = 'У Новоселівці на Харківщині поранено двох людей.';
    const r = g.resolve(g.scan(text), text).find((x) => x.span.level === 'settlement');
    assert.ok(r);
    // Kharkiv oblast still has several Novoselivkas: the candidates are narrowed to that oblast, never a guess.
    assert.ok(r.candidates.every((c) => c.oblast === 'Kharkiv'));
  });
  test('the raion named nearby narrows further', () => {
    const text = 'Обстріляли Новоселівку Ізюмського району.';
    const r = g.resolve(g.scan(text), text).find((x) => x.span.level === 'settlement');
    assert.ok(r);
    assert.ok(r.candidates.every((c) => c.raion === 'Iziumskyi'), JSON.stringify(r.candidates.map((c) => c.raion)));
  });
  test('a large city beats villages of the same name', () => {
    const text = 'Attack on Zaporizhzhia.';
    const [r] = g.resolve(g.scan(text), text);
    assert.equal(r?.place?.kind, 'city');
  });
  test('a district name shared by cities is resolved by the city named', () => {
    const text = 'In Kharkiv, the Shevchenkivskyi district was hit.';
    const r = g.resolve(g.scan(text), text).find((x) => x.span.level === 'city_district');
    assert.equal(r?.place?.city, 'Kharkiv');
  });
});

describe('search', () => {
  const cases: [string, string, string][] = [
    ['Харкові', 'Kharkiv', 'Kharkiv'],
    ['Kharkov', 'Kharkiv', 'Kharkiv'],
    ['Kozacha Lopan', 'Kozacha Lopan', 'Kharkiv'],
    ['Bilozerka', 'Bilozerka', 'Kherson'],
    ['Huliaipole', 'Huliaipole', 'Zaporizhzhia'],
    ['Robotyne', 'Robotyne', 'Zaporizhzhia'],
  ];
  for (const [q, name, oblast] of cases) {
    test(`${q} → ${name} (${oblast}) with coordinates`, () => {
      const [best] = g.search(q);
      assert.ok(best);
      assert.equal(best.name, name);
      assert.equal(best.oblast, oblast);
      assert.equal(typeof best.lat, 'number');
      assert.equal(typeof best.lon, 'number');
    });
  }
  test('Novoselivka lists many; --oblast Kharkiv keeps that oblast only', () => {
    const all = g.search('Novoselivka', { limit: 500 });
    assert.ok(all.length > 20);
    const kh = g.search('Novoselivka', { oblast: 'Kharkiv', limit: 500 });
    assert.ok(kh.length >= 2);
    assert.ok(kh.every((p) => p.oblast === 'Kharkiv'));
  });
});

describe("the report's region decides between a town and a settlement of the same name", () => {
  const oblastOf = (text: string, name: string) => g.resolve(g.scan(text), text).find((r) => r.span.text.startsWith(name))?.place?.oblast;
  test('Золочів in a Kharkiv ОВА post is Kharkiv oblast’s', () => {
    assert.equal(oblastOf('Сьогодні росіяни обстріляли Золочів з артилерії. Начальник Харківської ОВА Олег Синєгубов.', 'Золочів'), 'Kharkiv');
  });
  test('a large city named in the report gives the region too', () => {
    assert.equal(oblastOf('У Харкові вибухи. Також удар по Золочеву.', 'Золочев'), 'Kharkiv');
  });
  test('with nothing else named, the only city of that name', () => {
    assert.equal(oblastOf('Обстріляли Золочів.', 'Золочів'), 'Lviv');
  });
});

describe('lists and neighbours', () => {
  const resolved = (text: string) => g.resolve(g.scan(text), text).map((r) => `${r.place?.name ?? '?'}:${r.span.level}:${r.place?.oblast ?? ''}`);
  test('district adjectives listed before one plural "районах" are all districts', () => {
    assert.deepEqual(resolved("Вибухи у Дарницькому, Солом'янському та Оболонському районах Києва."), [
      'Darnytskyi:city_district:Kyiv', 'Solomianskyi:city_district:Kyiv', 'Obolonskyi:city_district:Kyiv', 'Kyiv:settlement:Kyiv',
    ]);
    assert.deepEqual(resolved('Drones hit the Saltivskyi and Kyivskyi districts of Kharkiv.'), [
      'Saltivskyi:city_district:Kharkiv', 'Kyivskyi:city_district:Kharkiv', 'Kharkiv:settlement:Kharkiv',
    ]);
  });
  test('English raions named by their towns, listed before one "districts"', () => {
    assert.deepEqual(resolved('Shelling hit the Kupiansk and Izium districts of Kharkiv region.'), [
      'Kupianskyi:raion:Kharkiv', 'Iziumskyi:raion:Kharkiv', 'Kharkiv:oblast:Kharkiv',
    ]);
  });
  test('a raion\'s area in -щина, but the oblast\'s where the two coincide', () => {
    assert.deepEqual(resolved('Ворог обстріляв Нікопольщину. На Павлоградщині вибухи. Враг атаковал Никопольщину. На Харківщині.'), [
      'Nikopolskyi:raion:Dnipropetrovsk', 'Pavlohradskyi:raion:Dnipropetrovsk', 'Nikopolskyi:raion:Dnipropetrovsk', 'Kharkiv:oblast:Kharkiv',
    ]);
  });
  test('Russian hromada adjectives in a list', () => {
    const r = resolved('Враг обстрелял Никопольский район: досталось Марганецкой, Червоногригорьевской громадам.');
    assert.deepEqual(r.slice(1), ['Marhanetska:hromada:Dnipropetrovsk', 'Chervonohryhorivska:hromada:Dnipropetrovsk']);
  });
  test('the region written next to a name decides for that name only', () => {
    assert.deepEqual(resolved('In Zaporizhzhia, two people were killed, while in Kostiantynivka, Donetsk region, a woman was wounded.'), [
      'Zaporizhzhia:settlement:Zaporizhzhia', 'Kostiantynivka:settlement:Donetsk', 'Donetsk:oblast:Donetsk',
    ]);
  });
  test('instrumental of names in -ье: под Запорожьем', () => {
    assert.deepEqual(resolved('Под Запорожьем ранен мужчина.'), ['Zaporizhzhia:settlement:Zaporizhzhia']);
  });
});
