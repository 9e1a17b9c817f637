/**
 * The sentence facts that later stages read (analyze-sentence.ts) and the attribution's walk over the
 * resolved places: the derived flags (damage, interception-only, air-defence-only), the outage count
 * shared by the utilities of a sentence, and attribution that does not depend on the order of its input.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getLocale } from '../../src/extract/locale.js';
import { analyzeSentence } from '../../src/extract/analyze-sentence.js';
import { attribute } from '../../src/extract/attribute.js';
import { splitSentences } from '../../src/extract/sentences.js';
import { getGazetteer } from '../../src/gazetteer/index.js';

const en = getLocale('en');
const facts = (s: string) => analyzeSentence({ start: 0, end: s.length, text: s, paragraph: 0 }, 0, en, '2026-01-24');

describe('derived sentence flags', () => {
  test('interceptions alone: no damage, interception only', () => {
    const f = facts('Air defence shot down 25 drones over the region.');
    assert.equal(f.damage, false);
    assert.equal(f.interceptionOnly, true);
    assert.equal(f.airDefenceOnly, true);
  });
  test('an interception line that also tells a casualty is damage, not interception only', () => {
    const f = facts('Air defence shot down 25 drones, but debris injured two people.');
    assert.equal(f.damage, true);
    assert.equal(f.interceptionOnly, false);
    assert.equal(f.airDefenceOnly, false);
  });
  test('a facility is damage only with an attack word', () => {
    assert.equal(facts('A missile strike damaged a school.').damage, true);
    assert.equal(facts('Engineers built a school.').damage, false);
  });
});

describe('outages', () => {
  test('every utility of a sentence takes its affected count', () => {
    const u = facts('About 12,000 subscribers were left without power and water.').utilities;
    assert.deepEqual(
      u.map((x) => [x.utility, x.affected, x.unit]),
      [
        ['power', 12000, 'subscribers'],
        ['water', 12000, 'subscribers'],
      ],
    );
  });
});

describe('attribution', () => {
  test('the places of each sentence do not depend on the order of the resolved list', () => {
    const text = 'Russian drones attacked Kharkiv overnight. A missile hit Odesa, injuring three people. Later, in Dnipro, a man was injured.';
    const sentences = splitSentences(text, 'en');
    const f = sentences.map((s, i) => analyzeSentence(s, i, en, '2026-01-24'));
    const g = getGazetteer();
    const resolved = g.resolve(g.scan(text), text);
    assert.ok(resolved.length >= 3);
    const run = (r: typeof resolved) =>
      attribute({ facts: f, resolved: r, text, kyiv: null, cityOf: () => null }).map((p) => p.targets.map((t) => t.place?.name ?? null).join(','));
    const inOrder = run(resolved);
    assert.deepEqual(inOrder, ['Kharkiv', 'Odesa', 'Dnipro']);
    assert.deepEqual(run([...resolved].reverse()), inOrder);
  });
});
