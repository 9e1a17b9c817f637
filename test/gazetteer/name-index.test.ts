/**
 * The shipped name index (data/gazetteer/name-index.json) must be exactly what compiling the shipped
 * gazetteer gives with the current name rules: change stems.ts or the name forms in gazetteer.ts and
 * this fails until `npx tsx scripts/build-name-index.ts` is run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dataPath } from '../../src/paths.js';
import { UkraineGazetteer } from '../../src/gazetteer/gazetteer.js';

test('the shipped name index equals a fresh compile of the shipped gazetteer', () => {
  const raw = readFileSync(dataPath('gazetteer', 'gazetteer.json'), 'utf8');
  const shipped = readFileSync(dataPath('gazetteer', 'name-index.json'), 'utf8');
  const fresh = `${JSON.stringify(UkraineGazetteer.buildNameIndex(raw))}\n`;
  assert.ok(shipped === fresh, 'data/gazetteer/name-index.json is stale: run `npx tsx scripts/build-name-index.ts`');
});

test('a gazetteer loaded from the index scans like one compiled from scratch', () => {
  const raw = readFileSync(dataPath('gazetteer', 'gazetteer.json'), 'utf8');
  const indexed = UkraineGazetteer.load();
  const compiled = new UkraineGazetteer(JSON.parse(raw));
  const text =
    'Вночі ворог атакував Харків і Козачу Лопань на Харківщині; у Новоселівці Харківського району поранено двох. ' +
    'Russian drones hit the Shevchenkivskyi district of Kyiv and the village of Bilozerka in Kherson Oblast. ' +
    'В Днепропетровской области обстреляли Никополь и Марганецкую громаду.';
  assert.deepEqual(indexed.resolve(indexed.scan(text), text), compiled.resolve(compiled.scan(text), text));
  assert.deepEqual(indexed.stats, compiled.stats);
});
