/**
 * `strikewatch watch` against a real HTTP server on 127.0.0.1 and both real databases: new-only
 * ingest, 304s, backoff growth and reset across 500s and malformed XML, restart without
 * re-ingesting, one failing feed not stopping the others, and the command itself (--once, SIGINT).
 * The loop runs on an injected clock and sleep: no real waiting, no timing assertions.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Command } from 'commander';
import { registerWatch } from '../../src/cli/commands/watch.js';
import { loadPipeline } from '../../src/cli/commands/ingest.js';
import type { PollResult } from '../../src/ingest/watch/poll-feed.js';
import { runWatch } from '../../src/ingest/watch/watch-loop.js';
import { openStore } from '../../src/store/open-store.js';
import type { Extract } from '../../src/store/ingest-pipeline.js';
import type { Store } from '../../src/store/store.js';
import { databasesUnderTest } from './databases.js';
import type { TestDatabase } from './databases.js';
import { feedOf, startFeedServer } from './feed-server.js';
import type { FeedServer } from './feed-server.js';
import { captureLog } from './log-capture.js';

const MIN = 60_000;
const dbs = await databasesUnderTest('watch');
const { extract } = await loadPipeline();

/** An injected clock and sleep: each sleep advances time and lets the test change the server. */
function fakeTime(start = Date.UTC(2026, 0, 27, 12)) {
  let t = start;
  const delays: number[] = [];
  return {
    now: () => t,
    delays,
    sleeper(onSleep: (n: number) => void) {
      return async (ms: number) => {
        delays.push(ms);
        t += ms;
        onSleep(delays.length);
      };
    },
  };
}

async function reportCount(store: Store): Promise<number> {
  return (await store.listReports({ limit: 1000 })).rows.length;
}

for (const d of dbs) {
  describe(`watch on ${d.dialect}`, { skip: d.skip }, () => {
    let server: FeedServer;
    let db: TestDatabase;
    before(async () => {
      server = await startFeedServer();
      db = await d.create();
    });
    after(async () => {
      await server?.close();
      await db?.cleanup();
    });

    it('ingests new items only, uses 304s, backs off on errors and resets on recovery', async () => {
      const feed = server.url('/feed.xml');
      // What the server answers at each poll; sleep n switches to answer n.
      const script = [
        () => server.set('/feed.xml', { kind: 'feed', xml: feedOf(2), etag: '"v1"' }),
        () => {}, // unchanged: 304
        () => server.set('/feed.xml', { kind: 'feed', xml: feedOf(3), etag: '"v2"' }),
        () => server.set('/feed.xml', { kind: 'status', status: 500 }),
        () => {}, // still 500
        () => server.set('/feed.xml', { kind: 'raw', body: '<?xml version="1.0"?><rss><channel><title>x</title><item><title>cut', etag: '"broken"' }),
        () => server.set('/feed.xml', { kind: 'feed', xml: feedOf(4), etag: '"v3"' }),
      ];
      script[0]!();
      const time = fakeTime();
      const stop = new AbortController();
      const polls: PollResult[] = [];
      const { logger, lines } = captureLog();
      const store = await openStore(db.options);
      try {
        await runWatch({
          feeds: [feed],
          store,
          extract,
          intervalMs: MIN,
          maxBackoffMs: 5 * MIN,
          logger,
          signal: stop.signal,
          now: time.now,
          sleep: time.sleeper((n) => script[n]?.()),
          onPoll: (r) => {
            polls.push(r);
            if (polls.length === script.length) stop.abort();
          },
        });
        assert.deepEqual(
          polls.map((p) => [p.status, p.new, p.duplicate, p.state.consecutive_errors]),
          [
            ['ok', 2, 0, 0],
            ['not_modified', 0, 0, 0],
            ['ok', 1, 2, 0],
            ['error', 0, 0, 1],
            ['error', 0, 0, 2],
            ['error', 0, 0, 3],
            ['ok', 1, 3, 0],
          ],
        );
        // interval, interval, interval, then 2×, 4×, 8× capped at --max-backoff, then back to the interval.
        assert.deepEqual(time.delays, [MIN, MIN, MIN, 2 * MIN, 4 * MIN, 5 * MIN]);
        assert.deepEqual(
          server.requests.map((r) => [r.ifNoneMatch, r.status]),
          [[null, 200], ['"v1"', 304], ['"v1"', 200], ['"v2"', 500], ['"v2"', 500], ['"v2"', 200], ['"v2"', 200]],
          'validators survive errors; the broken document\'s ETag is not kept',
        );
        assert.match(polls[3]!.error!, /HTTP 500/);
        assert.match(polls[5]!.error!, /malformed feed XML/);
        assert.equal(await reportCount(store), 4);

        const state = await store.getFeedState(feed);
        assert.ok(state);
        assert.equal(state.etag, '"v3"');
        assert.equal(state.last_error, null);
        assert.equal(state.consecutive_errors, 0);
        for (const k of ['n-1', 'n-4', 'https://news.example.org/n-4']) assert.ok(state.seen.includes(k), k);

        // One line per poll, naming the feed; errors at error level with the reason.
        const pollLines = lines.filter((l) => l.feed === feed && 'status' in l);
        assert.equal(pollLines.length, 7);
        const errors = pollLines.filter((l) => l.level === 50);
        assert.equal(errors.length, 3);
        assert.ok(errors.every((l) => l.msg.includes(feed) && typeof l.next_poll === 'string'));
        assert.match(errors[0]!.msg, /HTTP 500 .*1 in a row/);
        assert.match(errors[2]!.msg, /malformed feed XML/);
        assert.match(pollLines[0]!.msg, /2 new, 0 duplicate, 0 rejected; next poll 2026-/);
      } finally {
        await store.close();
      }
    });

    it('after a restart (a new store on the same database) ingests nothing again', async () => {
      const feed = server.url('/feed.xml');
      const store = await openStore(db.options);
      try {
        const before = await reportCount(store);
        const { logger } = captureLog();
        const polls: PollResult[] = [];
        const run = () => runWatch({ feeds: [feed], store, extract, intervalMs: MIN, maxBackoffMs: MIN, logger, once: true, onPoll: (r) => polls.push(r) });
        await run();
        assert.equal(polls[0]!.status, 'not_modified', 'the ETag was persisted');
        // A server that ignores validators: the whole feed comes back, every item is known.
        server.set('/feed.xml', { kind: 'feed', xml: feedOf(4), etag: '"v3"', honourEtag: false });
        await run();
        assert.deepEqual([polls[1]!.status, polls[1]!.new, polls[1]!.duplicate], ['ok', 0, 4]);
        assert.equal(await reportCount(store), before);
      } finally {
        await store.close();
      }
    });

    it('a failing feed is logged and recorded while the others go on', async () => {
      server.set('/down.xml', { kind: 'status', status: 503 });
      server.set('/other.xml', { kind: 'feed', xml: feedOf(1).replaceAll('n-1', 'other-1').replace('five people', 'six people') });
      const down = server.url('/down.xml');
      const other = server.url('/other.xml');
      const refused = 'http://127.0.0.1:9/nothing-listens-here.xml';
      const store = await openStore(db.options);
      try {
        const { logger, lines } = captureLog();
        const s = await runWatch({ feeds: [down, refused, other], store, extract, intervalMs: MIN, maxBackoffMs: MIN, logger, once: true });
        assert.deepEqual([s.polls, s.errors, s.new], [3, 2, 1]);
        const downState = await store.getFeedState(down);
        assert.equal(downState?.consecutive_errors, 1);
        assert.match(downState?.last_error ?? '', /HTTP 503/);
        assert.match((await store.getFeedState(refused))?.last_error ?? '', /fetch failed/);
        assert.ok(lines.some((l) => l.level === 50 && l.msg.startsWith(refused)));
      } finally {
        await store.close();
      }
    });

    it('the command: --once exits 0, then 1 when a feed fails; SIGINT stops a running watch', async () => {
      server.set('/cli.xml', { kind: 'feed', xml: feedOf(4).replaceAll('n-', 'cli-').replaceAll('people', 'residents'), etag: '"c1"' });
      const feed = server.url('/cli.xml');
      const run = async (args: string[], onLine?: Parameters<typeof captureLog>[0]) => {
        const program = new Command().exitOverride();
        const cap = captureLog(onLine);
        registerWatch(program, { logStream: cap.stream });
        const saved = process.exitCode;
        process.exitCode = undefined;
        try {
          await program.parseAsync(['watch', ...args, ...db.cliArgs], { from: 'user' });
          return { code: process.exitCode ?? 0, lines: cap.lines };
        } finally {
          process.exitCode = saved;
        }
      };
      const first = await run([feed, '--once', '--interval', '30s']);
      assert.equal(first.code, 0);
      assert.equal(first.lines.filter((l) => l.status === 'ok' && l.new === 4).length, 1);

      const failed = await run([feed, server.url('/down.xml'), '--once']);
      assert.equal(failed.code, 1);
      assert.deepEqual(failed.lines.filter((l) => 'status' in l).map((l) => l.status), ['not_modified', 'error']);

      // Not --once: the loop would wait an hour; SIGINT after the first poll ends it cleanly.
      const sigints = process.listenerCount('SIGINT');
      const stopped = await run([feed, '--interval', '1h'], (l) => {
        if (l.status === 'not_modified') setImmediate(() => process.emit('SIGINT'));
      });
      assert.equal(stopped.code, 0);
      assert.ok(stopped.lines.some((l) => /SIGINT/.test(l.msg)));
      assert.equal(process.listenerCount('SIGINT'), sigints, 'signal handlers removed');
      const store = await openStore(db.options); // closed cleanly: opens again
      try {
        assert.equal((await store.getFeedState(feed))?.etag, '"c1"');
      } finally {
        await store.close();
      }
    });
  });
}
