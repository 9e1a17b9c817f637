/**
 * `strikewatch ingest --workers N`: extraction in worker threads gives the same command output
 * (summary, one rejection line per bad input, exit status) and the same stored data as extraction
 * on the main thread (`--workers 0`), on both databases; a bad count is refused.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCommand, type CommandRun } from './run-command.js';
import { registerIngest } from '../../src/cli/commands/ingest.js';
import { openStore } from '../../src/store/open-store.js';
import { databasesUnderTest } from './databases.js';
import type { TestDatabase } from './databases.js';
import { MAX_BYTES, writeInputs } from './ingest-inputs.js';

const dbs = await databasesUnderTest('ingest_workers');

async function ingest(args: string[]): Promise<CommandRun> {
  return runCommand(registerIngest, ['ingest', ...args, '--json']);
}

async function stored(db: TestDatabase) {
  const store = await openStore(db.options);
  try {
    const events = (await store.listEvents({ sort: '-date', limit: 100 })).rows.map((e) => ({ id: e.id, date: e.date, city: e.location.city, killed: e.killed, injured: e.injured, reports: e.report_ids }));
    const rejections = (await store.listRejections({ limit: 100 })).rows.map((r) => [r.location, r.line, r.reason]);
    return { stats: await store.stats(), events, rejections };
  } finally {
    await store.close();
  }
}

for (const d of dbs) {
  describe(`ingest --workers on ${d.dialect}`, { skip: d.skip }, () => {
    let dir: string;
    const made: TestDatabase[] = [];
    before(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'sw-workers-'));
      writeInputs(path.join(dir, 'in'));
    });
    after(async () => {
      for (const db of made) await db.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it('gives the same output and data with --workers 0 and --workers 2', async () => {
      const runs = [];
      for (const w of ['0', '2']) {
        const db = await d.create();
        made.push(db);
        const run = await ingest([path.join(dir, 'in'), '--max-bytes', String(MAX_BYTES), '--workers', w, ...db.cliArgs]);
        runs.push({ run, data: await stored(db) });
      }
      const [inline, pooled] = runs;
      assert.equal(inline!.run.code, 1, 'the inputs hold bad files');
      assert.ok(inline!.data.events.length > 0);
      assert.deepEqual(pooled!.run, inline!.run);
      assert.deepEqual(pooled!.data, inline!.data);
    });

    it('refuses a negative worker count', async () => {
      const db = await d.create();
      made.push(db);
      await assert.rejects(ingest([path.join(dir, 'in'), '--workers', '-1', ...db.cliArgs]), /--workers/);
    });
  });
}
