/** A folder's README / LICENSE describe the reports: skipped in a directory walk, read when named. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readPaths } from '../../src/ingest/index.js';
import type { ReadItem } from '../../src/ingest/types.js';

async function all(inputs: string[]): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readPaths(inputs, { published: '2026-01-10' })) out.push(item);
  return out;
}

test('README.md and LICENSE in a folder are not reports; the same file named explicitly is', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-docs-'));
  try {
    writeFileSync(path.join(dir, 'README.md'), '# Samples\n\nReports from Kharkiv and Odesa.\n');
    writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
    writeFileSync(path.join(dir, 'report.txt'), 'Overnight a drone hit Kharkiv; two people were injured.\n');
    const walked = await all([dir]);
    assert.deepEqual(walked.map((i) => path.basename(i.origin.location)), ['report.txt']);
    const named = await all([path.join(dir, 'README.md')]);
    assert.equal(named.length, 1);
    assert.equal(named[0]!.kind, 'report');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
