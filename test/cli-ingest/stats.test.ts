/** `strikewatch stats --json` on a fresh SQLite file, run in-process through commander. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { runCommand } from './run-command.js';
import { registerStats } from '../../src/cli/commands/stats.js';
import { openStore } from '../../src/store/open-store.js';
import { item } from '../store/fixtures.js';

async function run(args: string[]): Promise<string> {
  return (await runCommand(registerStats, args)).stdout;
}

it('prints the counts as JSON', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-cli-'));
  const db = path.join(dir, 'x.db');
  try {
    assert.deepEqual(JSON.parse(await run(['stats', '--db', db, '--json'])), { reports: 0, mentions: 0, events: 0, rejected: 0, duplicates: 0 });
    const store = await openStore({ path: db });
    await store.ingestBatch([item({ id: 'a' }), item({ id: 'b' })]);
    await store.close();
    const s = JSON.parse(await run(['stats', '--db', db, '--json']));
    assert.deepEqual([s.reports, s.mentions, s.events, s.rejected], [2, 2, 1, 0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
