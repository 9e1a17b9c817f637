/**
 * The bundled sample reports (data/samples/) through the real readers, extractor and SQLite store:
 * everything reads, a rerun adds nothing, the stories told by several sources merge into one event
 * each with the official's latest toll as best, and the hostile report is kept verbatim.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MergedEvent } from '../../src/domain/merged-event.js';
import { loadPipeline } from '../../src/cli/commands/ingest.js';
import type { IngestSummary } from '../../src/store/ingest-pipeline.js';
import { ingestStream } from '../../src/store/ingest-pipeline.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../data/samples');

/** Every sample input; the folder's README describes the samples and is not one. */
function sampleInputs(): string[] {
  return readdirSync(SAMPLES)
    .filter((n) => !n.startsWith('.') && n !== 'README.md')
    .sort()
    .map((n) => path.join(SAMPLES, n));
}

async function ingestAll(store: Store): Promise<{ summary: IngestSummary; rejections: string[] }> {
  const pipeline = await loadPipeline();
  const rejections: string[] = [];
  const summary = await ingestStream(store, pipeline.readPaths(sampleInputs(), {}), pipeline.extract, { onRejected: (line) => rejections.push(line) });
  return { summary, rejections };
}

/** The one event for a place on a day (the designed multi-source stories). */
async function eventOn(store: Store, city: string, date: string): Promise<MergedEvent> {
  const page = await store.listEvents({ city, date_from: date, date_to: date, sort: '-date', limit: 100 });
  assert.equal(page.rows.length, 1, `one ${city} event on ${date}, got ${page.rows.length}`);
  return page.rows[0]!;
}

/** The text of one JSON-lines sample, as written in the file. */
function sampleLine(file: string, id: string): { text: string; title?: string } {
  const line = readFileSync(path.join(SAMPLES, file), 'utf8')
    .split('\n')
    .find((l) => l.includes(`"id":"${id}"`));
  assert.ok(line, `${id} in ${file}`);
  return JSON.parse(line) as { text: string; title?: string };
}

describe('bundled samples', () => {
  let dir: string;
  let store: Store;
  let first: IngestSummary;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sw-samples-'));
    store = await openStore({ path: path.join(dir, 'samples.db') });
    const run = await ingestAll(store);
    first = run.summary;
    assert.deepEqual(run.rejections, []);
  });

  after(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads at least 120 reports in every input format, none rejected', async () => {
    assert.equal(first.rejected, 0);
    assert.ok(first.read >= 120, `read ${first.read}`);
    assert.equal(first.new + first.near_duplicate, first.read);
    const s = await store.stats();
    assert.equal(s.reports, first.read);
    assert.equal(s.rejected, 0);
    // One report of each reader made it in: feed items, Telegram messages, HTML pages, text files.
    for (const id of ['kec-2026-02-10-kyiv', 'https://blacksea-wire.example/news/odesa-drones-0203', '1500000001/4103', 'https://dnipro-ledger.example/2026/02/10/kyiv-counts-the-damage']) {
      assert.ok(await store.getReport(id), `report ${id}`);
    }
    assert.ok(await store.getReport(path.join(SAMPLES, 'text', '2026-01-20-kryvyi-rih-roundup.txt')), 'text report');
  });

  it('adds nothing when ingested again', async () => {
    const before = await store.stats();
    const { summary, rejections } = await ingestAll(store);
    assert.deepEqual(rejections, []);
    assert.deepEqual([summary.new, summary.near_duplicate, summary.updated, summary.events_created, summary.events_updated], [0, 0, 0, 0, 0]);
    assert.equal(summary.duplicate, first.read);
    const again = await store.stats();
    assert.deepEqual([again.reports, again.mentions, again.events, again.rejected], [before.reports, before.mentions, before.events, before.rejected]);
  });

  it('merges the Dnipro missile strike of 24 January from seven reports, best toll the administration’s latest', async () => {
    const e = await eventOn(store, 'Dnipro', '2026-01-24');
    assert.ok(e.report_ids.length >= 5, `reports ${e.report_ids.length}`);
    assert.ok(e.sources.length >= 4, `sources ${e.sources.join('; ')}`);
    assert.deepEqual([e.figures.killed.low, e.figures.killed.best, e.figures.killed.high], [2, 3, 3]);
    assert.deepEqual([e.figures.injured.low, e.figures.injured.best, e.figures.injured.high], [9, 14, 14]);
    assert.equal(e.figures.killed.sources[0]!.report_id, '1500000001/4103');
    assert.equal(e.figures.killed.sources[0]!.source_kind, 'official');
    assert.ok(e.weapons.includes('missile'));
  });

  it('merges the Kyiv night attack of 10 February, the mayor’s update superseding his first post', async () => {
    const e = await eventOn(store, 'Kyiv', '2026-02-10');
    assert.ok(e.report_ids.length >= 6, `reports ${e.report_ids.length}`);
    assert.equal(e.figures.killed.best, 2);
    assert.equal(e.figures.injured.best, 9);
    assert.equal(e.figures.injured.low, 2);
    assert.equal(e.figures.injured.sources[0]!.report_id, 'sw-0210-kyiv-klitschko-0950');
    assert.ok(e.weapons.includes('missile') && e.weapons.includes('drone'));
    assert.ok(e.utilities.some((u) => u.utility === 'heat'), 'heating outage');
  });

  it('merges the Odesa, Kharkiv, Kramatorsk, Zaporizhzhia and Sumy stories with rising official tolls', async () => {
    const cases: Array<[string, string, number, number | null, number, string]> = [
      // city, date, min reports, best killed, best injured, report of the best injured figure
      ['Odesa', '2026-02-03', 5, 1, 7, 'sw-0203-odesa-kiper-1020'],
      ['Kharkiv', '2026-01-12', 4, 0, 5, 'sample-kharkiv-ova-0112-1030'],
      ['Kramatorsk', '2026-02-05', 3, 2, 10, 'sw-0205-kramatorsk-filashkin-1830'],
      ['Zaporizhzhia', '2026-02-07', 3, 1, 11, 'sw-0207-zaporizhzhia-fedorov-1840'],
      ['Sumy', '2026-01-30', 3, 3, 12, 'sw-0130-sumy-ova-1130'],
    ];
    for (const [city, date, reports, killed, injured, bestReport] of cases) {
      const e = await eventOn(store, city, date);
      assert.ok(e.report_ids.length >= reports, `${city} ${date}: reports ${e.report_ids.length}`);
      assert.equal(e.figures.killed.best, killed, `${city} killed`);
      assert.equal(e.figures.injured.best, injured, `${city} injured`);
      assert.ok(e.figures.injured.low! < injured, `${city}: the earlier, lower toll is kept as low`);
      assert.equal(e.figures.injured.sources[0]!.report_id, bestReport, `${city} best source`);
    }
  });

  it('links each content-farm copy and the story it copies as near-duplicates', async () => {
    const pairs: Array<[string, string]> = [
      ['sw-news-0112-kharkiv-farm', 'sample-wire-kharkiv-0112'],
      ['sw-news-0124-dnipro-farm', 'sw-news-0124-dnipro-wire'],
      ['sw-news-0130-sumy-farm', 'sw-news-0130-sumy-wire'],
      ['sw-news-0203-odesa-farm', 'https://blacksea-wire.example/news/odesa-drones-0203'],
      ['sw-news-0210-kyiv-farm', 'sw-news-0210-kyiv-wire'],
    ];
    for (const [farm, original] of pairs) {
      const a = await store.getReport(farm);
      const b = await store.getReport(original);
      assert.ok(a && b, `${farm}, ${original}`);
      // Whichever was read first is the original (the folders are read in name order).
      const copy = a.duplicate_of === original ? a : b.duplicate_of === farm ? b : null;
      assert.ok(copy, `${farm} and ${original} linked as near-duplicates`);
      assert.ok(copy.mentions.every((m) => !m.independent), `${copy.id}: mentions not independent`);
    }
  });

  it('stores the hostile reports verbatim', async () => {
    const mine = sampleLine('news/2026-02-news.jsonl', 'sw-news-0215-hostile');
    const r = await store.getReport('sw-news-0215-hostile');
    assert.equal(r?.text, mine.text);
    assert.equal(r.title, mine.title);
    assert.ok(r.text.includes('<script>alert(1)</script>') && r.text.includes('<img src=x onerror=alert(1)>'));
    const older = sampleLine('wire/2026-01-sample.jsonl', 'sample-xss-0120');
    assert.equal((await store.getReport('sample-xss-0120'))?.text, older.text);
  });

  it('gives no events for the reports with no attack', async () => {
    // Talks, sanctions, prisoners, markets, a shelter, the air force's national tally, claims of strikes on Russia.
    const ids = ['sample-talks-0119', 'sw-news-0114-sanctions', 'sw-news-0128-prisoners', 'sw-news-0211-energy-analysis', 'sw-news-0215-talks', 'sw-rr-0206-uzhhorod-aid', 'sw-ru-0210-air-force', 'sw-ru-0124-belgorod-claims'];
    for (const id of ids) {
      const r = await store.getReport(id);
      assert.ok(r, id);
      assert.equal(r.mention_count, 0, `${id} gave ${r.mention_count} mention(s)`);
    }
  });

  it('covers at least 12 oblasts and all three languages', async () => {
    const s = await store.stats();
    assert.ok(s.by_oblast.length >= 12, `oblasts: ${s.by_oblast.map((o) => o.oblast).join(', ')}`);
    const langs = new Map<string, number>();
    let cursor: string | undefined;
    do {
      const page = await store.listReports({ limit: 1000, ...(cursor ? { cursor } : {}) });
      for (const r of page.rows) langs.set(r.lang ?? 'none', (langs.get(r.lang ?? 'none') ?? 0) + 1);
      cursor = page.next ?? undefined;
    } while (cursor);
    for (const l of ['en', 'uk', 'ru']) assert.ok((langs.get(l) ?? 0) >= 20, `${l}: ${langs.get(l) ?? 0} reports`);
  });

  it('splits the overnight energy barrage into one event per place and keeps the national toll apart', async () => {
    const r = await store.getReport('sw-ru-0117-energy-barrage');
    assert.ok(r?.extraction, 'barrage report');
    const cities = r.mentions.map((m) => m.extracted.location.city);
    for (const c of ['Lviv', 'Burshtyn', 'Starokostiantyniv']) assert.ok(cities.includes(c), `${c} in ${cities.join(', ')}`);
    const national = r.extraction.context.wider_claims.find((w) => w.scope === 'national');
    assert.equal(national?.injured, 9);
    assert.ok(r.mentions.every((m) => m.extracted.injured !== 9), 'the national toll is not copied onto a place');
    const lviv = await eventOn(store, 'Lviv', '2026-01-17');
    assert.ok(lviv.report_ids.length >= 4, `Lviv reports ${lviv.report_ids.length}`);
    assert.ok(lviv.utilities.some((u) => u.utility === 'heat'));
  });

  it('merges the Odesa live blog (entries newest first) into the Odesa story', async () => {
    const e = await eventOn(store, 'Odesa', '2026-02-03');
    assert.ok(e.report_ids.includes('sw-ru-0203-odesa-liveblog'));
  });

  it('makes no Dnipro event of the outlet named in a dateline ("ZAPORIZHZHIA, Feb 7 (Dnipro River Press)")', async () => {
    for (const date of ['2026-01-09', '2026-01-13', '2026-02-07', '2026-02-14']) {
      const page = await store.listEvents({ city: 'Dnipro', date_from: date, date_to: date, sort: '-date', limit: 10 });
      assert.equal(page.rows.length, 0, `Dnipro on ${date}`);
    }
  });

  it('reads "понад 40 тисяч абонентів" as 40000 customers without power', async () => {
    const e = await eventOn(store, 'Chernihiv', '2026-01-10');
    const power = e.utilities.find((u) => u.utility === 'power');
    assert.equal(power?.affected, 40000);
  });

  // Known extractor and resolver gaps these samples show (reports left as written, see
  // data/samples/README.md). `todo` tests run and report, but never fail the suite; each passes once fixed.
  const gap = (name: string, why: string, fn: () => Promise<void>) => it(name, { todo: why }, fn);

  it('makes no events of words that only look like places', async () => {
    for (const city of ['Seredy', 'Oleh', 'Terekhy', 'Hrada', 'Kharkivske']) {
      const page = await store.listEvents({ city, sort: '-date', limit: 10 });
      assert.equal(page.rows.length, 0, `${city}: ${page.rows.length} event(s)`);
    }
  });

  it('finds places in the dative and keeps them in the oblast the text names', async () => {
    assert.equal((await store.listEvents({ city: 'Marhanets', date_from: '2026-01-18', date_to: '2026-01-18', sort: '-date', limit: 10 })).rows.length, 1);
    assert.equal((await store.listEvents({ city: 'Zolochiv', oblast: 'Lviv', sort: '-date', limit: 10 })).rows.length, 0);
  });

  it('takes no place from a capital dateline or from where people fled to', async () => {
    assert.equal((await store.listEvents({ city: 'Kyiv', date_from: '2026-01-17', date_to: '2026-01-17', sort: '-date', limit: 10 })).rows.length, 0);
    const sumy = await store.listEvents({ oblast: 'Sumy', date_from: '2026-01-30', date_to: '2026-01-30', sort: '-date', limit: 10 });
    assert.deepEqual(sumy.rows.filter((e) => !e.location.city).length, 0);
  });

  it('does not count ages as people', async () => {
    assert.equal((await eventOn(store, 'Kryvyi Rih', '2026-01-11')).figures.injured.high, 6);
    assert.equal((await eventOn(store, 'Kharkiv', '2026-01-26')).figures.injured.high, 8);
  });

  it('keeps the 12 February mall strike in Kryvyi Rih apart from the next night’s energy attack', async () => {
    assert.equal((await eventOn(store, 'Kryvyi Rih', '2026-02-12')).figures.injured.best, 8);
  });

  it('dates the text reports from the date they state', async () => {
    const page = await store.listEvents({ sort: 'date', limit: 1000 });
    const undated = page.rows.filter((e) => !e.date).map((e) => e.location.city);
    assert.deepEqual(undated, []);
  });

  it('gives no events for the aid convoy and the grain-export story', async () => {
    for (const id of ['sw-news-0107-odesa-aid', 'https://blacksea-wire.example/news/grain-corridor-0209']) {
      assert.equal((await store.getReport(id))?.mention_count, 0, id);
    }
  });
});
