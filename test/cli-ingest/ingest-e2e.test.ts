/**
 * The user's path through `strikewatch ingest`, on both real databases: a directory of mixed files
 * (text, HTML, JSON lines with a broken line, RSS, a Telegram export, binary, invalid UTF-8, empty,
 * oversized) is ingested; every bad input gets one stderr line naming file, line and reason and is
 * kept with its raw bytes; the good ones are stored; the reports about the same attack form one
 * event with several sources; a second run adds nothing. The command runs in-process (commander).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCommand } from './run-command.js';
import { registerIngest } from '../../src/cli/commands/ingest.js';
import type { IngestSummary } from '../../src/store/ingest-pipeline.js';
import { openStore } from '../../src/store/open-store.js';
import type { StoredRejection } from '../../src/store/store.js';
import { databasesUnderTest } from './databases.js';
import type { TestDatabase } from './databases.js';
import { GOOD_IDS, MAX_BYTES, writeInputs } from './ingest-inputs.js';
import type { BadInput } from './ingest-inputs.js';

const dbs = await databasesUnderTest('ingest_e2e');

interface Run {
  code: number;
  stderr: string[];
  summary: IngestSummary;
}

async function ingest(args: string[]): Promise<Run> {
  const r = await runCommand(registerIngest, ['ingest', ...args, '--json']);
  return { code: r.code, stderr: r.stderr, summary: JSON.parse(r.stdout) as IngestSummary };
}

function rejectionLines(run: Run): string[] {
  return run.stderr.filter((l) => l.startsWith('rejected '));
}

for (const d of dbs) {
  describe(`ingest end to end on ${d.dialect}`, { skip: d.skip }, () => {
    let dir: string;
    let db: TestDatabase;
    let bad: BadInput[];
    let txtId: string;
    let first: Run;
    before(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'sw-e2e-'));
      ({ bad, txtId } = writeInputs(path.join(dir, 'in')));
      db = await d.create();
      first = await ingest([path.join(dir, 'in'), '--max-bytes', String(MAX_BYTES), ...db.cliArgs]);
    });
    after(async () => {
      await db?.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it('exits 1 and prints one line per bad input naming file, line and reason', () => {
      assert.equal(first.code, 1);
      const lines = rejectionLines(first);
      assert.equal(lines.length, bad.length, lines.join('\n'));
      for (const b of bad) {
        const where = b.line === null ? `${b.file}: ` : `${b.file}:${b.line}`;
        const mine = lines.filter((l) => l.startsWith(`rejected ${where}`));
        assert.equal(mine.length, 1, `${where}\n${lines.join('\n')}`);
        assert.match(mine[0]!.slice(mine[0]!.indexOf(': ') + 2), b.reason);
      }
      assert.deepEqual([first.summary.read, first.summary.new + first.summary.near_duplicate, first.summary.rejected], [GOOD_IDS.length + 1 + bad.length, GOOD_IDS.length + 1, bad.length]);
      assert.match(first.stderr.at(-1)!, /^read 12, .*rejected 5 \(/);
    });

    it('keeps every rejection with its location, reason and raw input', async () => {
      const store = await openStore(db.options);
      try {
        const rows = (await store.listRejections({ limit: 100 })).rows;
        assert.equal(rows.length, bad.length);
        for (const b of bad) {
          const r = rows.find((x: StoredRejection) => x.location === b.file);
          assert.ok(r, b.file);
          assert.equal(r.line, b.line, b.file);
          assert.match(r.reason, b.reason);
          if (b.raw) assert.ok(r.raw && r.raw.length > 0, `raw kept for ${b.file}`);
        }
        assert.match(rows.find((x) => x.location.endsWith('posts.jsonl'))!.raw!, /"suspilne-2", "text": broken/);
      } finally {
        await store.close();
      }
    });

    it('stores the good reports and makes one event, with its sources, of the reports on the same attack', async () => {
      const store = await openStore(db.options);
      try {
        const ids = (await store.listReports({ limit: 100 })).rows.map((r) => r.id).sort();
        assert.deepEqual(ids, [...GOOD_IDS, txtId].sort());
        const kharkiv = (await store.listEvents({ city: 'Kharkiv', date_from: '2026-01-24', date_to: '2026-01-24', sort: '-date', limit: 100 })).rows;
        assert.equal(kharkiv.length, 1, JSON.stringify(kharkiv.map((e) => [e.date, e.report_ids])));
        const ev = kharkiv[0]!;
        for (const id of ['https://wire.example.org/kharkiv-drones-0124', 'suspilne-1', 'kec-1', 'kharkiv_ova_test/2']) assert.ok(ev.report_ids.includes(id), id);
        assert.ok(ev.sources.length >= 3, ev.sources.join(', '));
        assert.equal(ev.injured, 5);
        const detail = await store.getEvent(ev.id!);
        assert.ok(detail && detail.mentions.length >= 4);
        // The other attacks stay their own events.
        const others = (await store.listEvents({ date_from: '2026-01-25', sort: 'date', limit: 100 })).rows.map((e) => e.location.city);
        assert.deepEqual(others, ['Odesa', 'Sumy']);
      } finally {
        await store.close();
      }
    });

    it('a second run adds nothing: every report is a duplicate, rejections are not doubled', async () => {
      const store0 = await openStore(db.options);
      const before = await store0.stats();
      await store0.close();
      const again = await ingest([path.join(dir, 'in'), '--max-bytes', String(MAX_BYTES), ...db.cliArgs]);
      assert.equal(again.code, 1, 'the bad files are still bad');
      assert.equal(rejectionLines(again).length, bad.length);
      assert.deepEqual(
        [again.summary.new, again.summary.near_duplicate, again.summary.updated, again.summary.duplicate, again.summary.events_created, again.summary.events_updated],
        [0, 0, 0, GOOD_IDS.length + 1, 0, 0],
      );
      const store = await openStore(db.options);
      try {
        const s = await store.stats();
        assert.deepEqual([s.reports, s.mentions, s.events, s.rejected], [before.reports, before.mentions, before.events, before.rejected]);
      } finally {
        await store.close();
      }
    });
  });
}
