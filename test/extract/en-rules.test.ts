/**
 * Table tests for the English rules added with the English corpus (test/corpus/en/): figure idioms,
 * statement dates, officials' signatures, facility words, and the attribution rules that keep
 * locators, rivers, metonyms, interceptions and back-references from becoming attack places.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findFigures } from '../../src/extract/rules/casualties.js';
import { findDates } from '../../src/extract/rules/dates.js';
import { findOfficials } from '../../src/extract/rules/officials.js';
import { getLocale } from '../../src/extract/locale.js';
import { analyzeSentence } from '../../src/extract/analyze-sentence.js';
import { extractReport } from '../../src/extract/index.js';

const en = getLocale('en');
const figures = (s: string) => findFigures(s, 0, en).map((f) => `${f.field}=${f.value}${f.atLeast ? '+' : ''}${f.update ? 'u' : ''}${f.additive ? 'a' : ''}`).join(' ');

describe('en figures', () => {
  const cases: [string, string][] = [
    ['A missile strike killed two people and wounded five.', 'killed=2 injured=5'],
    ['Two port workers were among the wounded.', 'injured=2'],
    ['A 15-year-old boy was among the wounded.', 'injured=1 children_injured=1'],
    ['Eight of the injured were hospitalized.', 'hospitalized=8'],
    ['Three of the injured are in hospital.', 'hospitalized=3'],
    ['Shelling killed a 64-year-old man.', 'killed=1'],
    ['A drone dropped explosives on a car, injuring its driver.', 'injured=1'],
    ['He is in hospital in moderate condition.', 'hospitalized=1'],
    ['She was taken to the hospital.', 'hospitalized=1'],
    ['A 52-year-old employee of the enterprise was injured and hospitalized.', 'hospitalized=1 injured=1'],
    ['No one was injured.', ''],
    ['No one was hurt.', ''],
    ['The driver was not injured.', ''],
    ['Two women aged 45 and 52 were injured.', 'injured=2'],
    ['Another injured person was brought to hospital, bringing the total number of injured to nine.', 'injured=9u'],
    ['Initially officials reported five dead; by Saturday the number of dead had reached 9.', 'killed=5 killed=9u'],
    ['Six people remain in hospital.', 'hospitalized=6'],
    ['Three people were injured. One of them is a child.', 'injured=3 children_injured=1'],
    ['The injured woman has died in hospital.', 'killed=1'],
    ['A 40-year-old man sought medical help.', 'injured=1'],
    ['The death toll from a Russian missile strike on an apartment building in Kryvyi Rih rose to nine.', 'killed=9u'],
  ];
  for (const [s, want] of cases) {
    test(s, () => {
      assert.equal(figures(s), want);
      for (const f of findFigures(s, 0, en)) assert.equal(s.slice(f.start, f.end), f.quote);
    });
  }
});

describe('en dates: the day of a statement is not the day of the attack', () => {
  test('"said on Sunday" is implied, "over the past 24 hours" decides', () => {
    const d = findDates('Attacks killed three over the past 24 hours, the governor said on Sunday.', 0, '2026-04-05', 'en');
    assert.deepEqual(d.map((x) => [x.date, x.certainty]), [['2026-04-04', 'implied'], ['2026-04-05', 'implied']]);
  });
  test('ordinal words still reach chrono; a month-like word without a day does not', () => {
    assert.equal(findDates('The strike came on the third of March.', 0, '2026-03-14', 'en')[0]?.date, '2026-03-03');
    assert.deepEqual(findDates('Officials may revise the toll.', 0, '2026-03-14', 'en'), []);
  });
  test('"on Sunday" before the verb stays stated', () => {
    assert.equal(findDates('On Sunday a missile hit Poltava, the governor said.', 0, '2026-05-19', 'en')[0]?.certainty, 'stated');
  });
});

describe('en officials', () => {
  const cases: [string, string[]][] = [
    ['Oleh Syniehubov, head of Kharkiv Regional Military Administration', ['Oleh Syniehubov']],
    ['Ihor Terekhov, Mayor of Kharkiv', ['Ihor Terekhov']],
    ['Vilkul declared a day of mourning in the city, the hometown of President Volodymyr Zelensky.', []],
    ['President Volodymyr Zelensky said the strike was a war crime.', ['Volodymyr Zelensky']],
  ];
  for (const [s, names] of cases) test(s, () => assert.deepEqual(findOfficials(s, 0, en).map((o) => o.name), names));
  test('a capitalized title word is no place', () => {
    assert.equal(findOfficials('Regional governor Oleh Kiper said rescuers were working.', 0, en)[0]?.role, 'governor');
  });
  test('a place inside the title is the role span (attribution treats it as where the official governs)', () => {
    const s = 'Serhii Lysak, head of the Dnipropetrovsk regional military administration, said.';
    const o = findOfficials(s, 0, en)[0]!;
    assert.ok(o.roleStart !== null && o.roleStart <= s.indexOf('Dnipropetrovsk') && o.roleEnd! >= s.indexOf('Dnipropetrovsk') + 14);
  });
});

describe('en facility words', () => {
  const cats = (s: string) => analyzeSentence({ start: 0, end: s.length, text: s, paragraph: 0 }, 0, en, '2026-01-24').facilities.map((f) => f.key);
  const cases: [string, string[]][] = [
    ['A five-storey building was damaged.', ['residential']],
    ['The bus was carrying residents of nearby villages.', ['transport']],
    ['He will be treated at home.', []],
    ['A tractor driver was injured.', []],
    ['The upper floors of the building collapsed.', []],
    ['Fires broke out in buildings hit by drone debris.', ['other']],
    ['A transport infrastructure facility was hit.', ['transport']],
    ['About 30,000 households were left without electricity.', []],
  ];
  for (const [s, want] of cases) test(s, () => assert.deepEqual(cats(s), want));
});

describe('en attribution', () => {
  const places = (text: string, published = '2026-06-08') => extractReport({ id: 't', text, published }).events.map((e) => `${e.location.city ?? `(${e.location.oblast})`}:${e.weapons.join('+')}`);
  test('a river named after a city is no place', () => {
    assert.deepEqual(places('Russian artillery shelled Kherson from positions across the Dnipro River.'), ['Kherson:artillery']);
  });
  test('"X, south of Kyiv" locates X', () => {
    assert.deepEqual(places('Russian drones hit infrastructure in Bila Tserkva, south of Kyiv, causing a fire.'), ['Bila Tserkva:drone']);
  });
  test('the capital standing for the government is no place hit', () => {
    assert.deepEqual(places('The money will help Kyiv rebuild energy infrastructure damaged by Russian attacks.'), []);
    assert.deepEqual(places('Kyiv rarely confirms strikes on Russian territory.'), []);
  });
  test('interceptions only, nothing hit: no event', () => {
    assert.deepEqual(places('Air defence shot down all 25 drones launched at Kyiv region overnight. No damage or casualties were reported.'), []);
  });
  test('a calm city is not attacked', () => {
    assert.deepEqual(places('The night in Kharkiv passed calmly, the mayor said. No attacks were recorded in the city.'), []);
  });
  test("a settlement of a district-level report takes the district's weapons", () => {
    assert.deepEqual(places('Nikopol district came under artillery fire and drone attacks.\nIn Nikopol, a man was injured.'), ['Nikopol:drone+artillery']);
  });
  test('a raion with no settlement of its own named stays an event beside settlements of other raions', () => {
    assert.deepEqual(places('In Chornomorsk, a drone damaged a house. In Izmail district, port infrastructure was damaged by drones.', '2026-11-12').sort(), ['(Odesa):drone', 'Chornomorsk:drone']);
  });
  test('a wire dateline is where the story was filed', () => {
    assert.deepEqual(places('KYIV, Jan 17 — Russian drones attacked Kharkiv overnight, injuring two people.', '2026-01-17'), ['Kharkiv:drone']);
  });
  test("a place's own weapon wins over a joint list; debris does not name the weapon", () => {
    const text = 'Russian drones and missiles attacked Kharkiv and Odesa.\nIn Kharkiv, a missile hit a substation.\nIn Odesa, drone debris damaged a house.';
    assert.deepEqual(places(text).sort(), ['Kharkiv:missile', 'Odesa:drone+missile']);
  });
  test('"the injured woman has died" goes back to where the woman was injured', () => {
    const r = extractReport({ id: 't', published: '2026-06-08', text: '09:10 Drones struck Zaporizhzhia; a woman was injured.\n11:25 Artillery shelled Stepnohirsk, injuring two men.\n13:40 The injured woman has died in hospital.' });
    assert.deepEqual(r.events.map((e) => `${e.location.city}:${e.killed}/${e.injured}`).sort(), ['Stepnohirsk:0/2', 'Zaporizhzhia:1/1']);
  });
});
