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
import { Command } from 'commander';
import { registerIngest } from '../../src/cli/commands/ingest.js';
import { openStore } from '../../src/store/open-store.js';
import { databasesUnderTest } from './databases.js';
import type { TestDatabase } from './databases.js';
import { MAX_BYTES, writeInputs } from './ingest-inputs.js';

const dbs = await databasesUnderTest('ingest_workers');

async function ingest(args: string[]): Promise<{ code: number; stderr: string[]; stdout: string }> {
  const program = new Command().exitOverride();
  registerIngest(program);
  let out = '';
  let err = '';
  const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  // Strings only: the test runner's own messages to its parent process go through stdout as bytes.
  process.stdout.write = ((c: string | Uint8Array, ...rest: never[]) => (typeof c === 'string' ? ((out += c), true) : write.out(c, ...rest))) as typeof process.stdout.write;
  process.stderr.write = ((c: string | Uint8Array, ...rest: never[]) => (typeof c === 'string' ? ((err += c), true) : write.err(c, ...rest))) as typeof process.stderr.write;
  const saved = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync(['ingest', ...args, '--json'], { from: 'user' });
    return { code: Number(process.exitCode ?? 0), stderr: err.split('\n').filter(Boolean), stdout: out };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.exitCode = saved;
  }
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
