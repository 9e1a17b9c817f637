import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(root, '../shared/data');

test('the gazetteer build reproduces the shipped file byte for byte', (t) => {
  if (!existsSync(path.join(shared, 'ua-katottg-codifier'))) {
    t.skip(`source data not found at ${shared}: the rebuild check needs the shared data folder beside the repository`);
    return;
  }
  const out = mkdtempSync(path.join(tmpdir(), 'gazetteer-'));
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-gazetteer.ts', '--shared', shared, '--out', out], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(readFileSync(path.join(out, 'gazetteer.json')).equals(readFileSync(path.join(root, 'data/gazetteer/gazetteer.json'))), 'rebuilt file differs from data/gazetteer/gazetteer.json');
    assert.ok(readFileSync(path.join(out, 'name-index.json')).equals(readFileSync(path.join(root, 'data/gazetteer/name-index.json'))), 'rebuilt name index differs from data/gazetteer/name-index.json');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
