/**
 * Compiles every name form of the gazetteer into the trie the matcher uses and writes it beside the
 * gazetteer, so that loading costs a JSON parse instead of a compile:
 *   npx tsx scripts/build-name-index.ts [--dir data/gazetteer]
 * Run it after changing gazetteer.json or the stemming / name rules in src/gazetteer/ (the test
 * test/gazetteer/name-index.test.ts fails until you do). Deterministic: same input, same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UkraineGazetteer } from '../src/gazetteer/gazetteer.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--dir');
const dir = path.resolve(root, i > 0 ? process.argv[i + 1]! : 'data/gazetteer');
const index = UkraineGazetteer.buildNameIndex(readFileSync(path.join(dir, 'gazetteer.json'), 'utf8'));
writeFileSync(path.join(dir, 'name-index.json'), `${JSON.stringify(index)}\n`);
console.error(`name-index.json: ${index.trie.parent.length} nodes, ${index.trie.entries.length / 2} entries`);
