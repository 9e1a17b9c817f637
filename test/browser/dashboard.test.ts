/**
 * The dashboard end to end: the real API (createApp over a SQLite store filled by the real
 * extractor) and the built web/dist, driven in Debian's Chromium through playwright-core.
 * Locally the suite skips when Chromium is missing; in CI that is a failure.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { EventQuerySchema } from '../../src/domain/event-query.js';
import { CHROMIUM_PATH, IN_CI, chromiumAvailable } from '../support/env.js';
import { launchChromium } from './launch.js';
import { dailyReports, HOSTILE_MARKUP } from './reports.js';
import { startTestServer, TEST_TOKEN, type TestServer } from './test-server.js';
import { distFiles, ensureWebBuilt, REPO_ROOT, webSourceFiles } from './web-build.js';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
const haveBrowser = chromiumAvailable();
if (!haveBrowser && IN_CI) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH): the browser suite must run in CI`);
if (!haveBrowser) console.log(`# browser suite skipped: no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);

/** XML namespace names look like URLs but are never fetched; anything else in the bundle would be. */
const NAMESPACE_URIS = new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xhtml', 'http://www.w3.org/1998/Math/MathML', 'http://www.w3.org/1999/xlink', 'http://www.w3.org/XML/1998/namespace']);

// The bundle checks need no browser: they run everywhere.
describe('built dashboard bundle', () => {
  before(async () => {
    await ensureWebBuilt();
  });

  test('the built bundle names no outside URL and never uses innerHTML', () => {
    const found = new Set<string>();
    for (const file of distFiles()) {
      if (!/\.(js|css|html|svg)$/.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      // absolute URLs, and protocol-relative ones where a string or url( starts
      for (const m of text.matchAll(/\bhttps?:\/\/[^\s"'`)<>\\]+|(?<=["'`(])\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi)) {
        if (!NAMESPACE_URIS.has(m[0])) found.add(`${path.basename(file)}: ${m[0]}`);
      }
    }
    assert.deepEqual([...found], []);
    // The libraries use innerHTML on their own markup; our code must never hand it report text.
    const ours = webSourceFiles().filter((f) => /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML)\b/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(ours, []);
  });
});

describe('dashboard in Chromium', { skip: !haveBrowser && 'no Chromium' }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let webDir: string;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  const foreignRequests: string[] = [];

  const waitRows = (n: number) => page.waitForFunction((k) => document.querySelectorAll('table.events tbody tr[data-event-id]').length === k, n);
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  before(async () => {
    webDir = await ensureWebBuilt();
    server = await startTestServer(webDir);
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(10_000); // fail fast; nothing here legitimately takes seconds
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.text().startsWith('CSP violation')) cspViolations.push(m.text());
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreignRequests.push(r.url());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.log(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('loads the map with markers, the table and the timeline', async () => {
    await page.goto(`${server.url}/`);
    await waitRows(5);
    await page.waitForFunction(() => document.querySelector('.map')?.getAttribute('data-markers') === '5');
    await page.waitForSelector('.leaflet-overlay-pane path, .leaflet-overlay-pane canvas');
    assert.match(await page.locator('[data-testid=map-count]').innerText(), /^5 events on the map/);
    assert.equal(await page.locator('.timeline [data-days]').getAttribute('data-days'), '5'); // 2026-03-02 .. 03-06
    assert.equal(await page.locator('.timeline canvas').count() > 0, true);
    assert.match(await page.locator('.attribution').innerText(), /Мінрегіон/);
    // the legend comes from /api/vocabulary
    assert.match(await page.locator('.legend').innerText(), /Guided bomb/);
    await shot('dashboard');
  });

  test('a marker shows its tooltip on hover and opens its event on click', async () => {
    await page.goto(`${server.url}/?oblast=Odesa`);
    await page.waitForFunction(() => document.querySelector('.map')?.getAttribute('data-markers') === '1');
    // Canvas markers are pixels, not elements: find the drone-orange circle on the overlay canvas.
    const spot = await page.waitForFunction(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.leaflet-overlay-pane canvas');
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return null;
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let sx = 0;
      let sy = 0;
      let n = 0;
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          if (data[i]! > 200 && data[i + 1]! > 95 && data[i + 1]! < 135 && data[i + 2]! > 55 && data[i + 2]! < 95) {
            sx += x;
            sy += y;
            n++;
          }
        }
      if (n < 10) return null;
      const r = canvas.getBoundingClientRect();
      return { x: r.left + ((sx / n) * r.width) / width, y: r.top + ((sy / n) * r.height) / height };
    });
    const { x, y } = (await spot.jsonValue())!;
    await page.mouse.move(x, y);
    await page.waitForSelector('.leaflet-tooltip');
    assert.match(await page.locator('.leaflet-tooltip').innerText(), /Odesa, Odesa[\s\S]*2026-03-03[\s\S]*injured 3/);
    await shot('dashboard-tooltip');
    await page.mouse.click(x, y);
    await page.waitForURL(/\/events\/[^/]+$/);
    await page.waitForSelector('h1');
    assert.match(await page.locator('h1').innerText(), /^Odesa/);
    await page.goto(`${server.url}/`);
    await waitRows(5);
  });

  test('sorting by killed is done by the server and kept in the URL', async () => {
    await page.click('button.sort[data-sort=killed]');
    await page.waitForURL(/sort=-killed/);
    await page.waitForFunction(() => document.querySelector('table.events tbody tr td:nth-child(4)')?.textContent === '4');
    await page.click('button.sort[data-sort=date]');
    await page.waitForURL((u) => !u.search.includes('sort='));
  });

  test('filtering by oblast updates the URL, the table and the map', async () => {
    await page.selectOption('select[name=oblast]', 'Kharkiv');
    await page.waitForURL(/[?&]oblast=Kharkiv/);
    await waitRows(2);
    await page.waitForFunction(() => document.querySelector('.map')?.getAttribute('data-markers') === '2');
    const places = await page.locator('table.events tbody tr[data-event-id] td:nth-child(2)').allInnerTexts();
    assert.deepEqual(places.map((p) => p.split(',')[0]).sort(), ['Chuhuiv', 'Kharkiv']);
    const csv = await page.locator('.downloads a', { hasText: 'CSV' }).getAttribute('href');
    assert.equal(csv, '/api/events.csv?oblast=Kharkiv');
    await shot('dashboard-kharkiv');
  });

  test('a shared URL restores the filters', async () => {
    await page.goto(`${server.url}/?weapon=missile&status=unreviewed`);
    await waitRows(2);
    assert.equal(await page.locator('select[name=weapon]').inputValue(), 'missile');
    assert.equal(await page.locator('select[name=status]').inputValue(), 'unreviewed');
    await page.goto(`${server.url}/`);
    await waitRows(5);
  });

  test('text search goes through the reports and into the URL', async () => {
    await page.fill('input[name=q]', 'ballistic');
    await page.press('input[name=q]', 'Enter');
    await page.waitForURL(/[?&]q=ballistic/);
    await waitRows(1);
    assert.match(await page.locator('table.events tbody tr[data-event-id] td:nth-child(2)').innerText(), /^Dnipro/);
    await page.click('button:text-is("Clear filters")');
    await page.waitForURL((u) => u.search === '');
    await waitRows(5);
    assert.equal(await page.locator('input[name=q]').inputValue(), '');
  });

  test('dragging across the timeline sets the date range', async () => {
    const over = page.locator('.timeline .u-over');
    const box = (await over.boundingBox())!;
    const y = box.y + box.height / 2;
    // 2026-03-02 .. 03-06 spans the width; the first 40 % is 03-02 .. 03-03.
    await page.mouse.move(box.x + 2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, y, { steps: 4 });
    await page.mouse.move(box.x + box.width * 0.4, y, { steps: 4 });
    await page.mouse.up();
    await page.waitForURL(/date_from=2026-03-02&date_to=2026-03-03/);
    await waitRows(3); // Kharkiv (03-02), Odesa and Chuhuiv (03-03)
    assert.equal(await page.locator('input[name=date_from]').inputValue(), '2026-03-02');
    await shot('dashboard-range');
    await page.click('button:text-is("Clear range")');
    await waitRows(5);
  });

  test('the event page shows figures, sources with highlighted quotes and the history', async () => {
    await page.click('table.events a:text-is("Kharkiv")');
    await page.waitForURL(/\/events\/[^/]+$/);
    await page.waitForSelector('.report-text mark');
    assert.match(await page.locator('h1').innerText(), /^Kharkiv, Kharkiv · 2026-03-02/);
    const marks = await page.locator('.report-text mark').allInnerTexts();
    assert.ok(marks.some((m) => /Two people were killed/.test(m)), `marks: ${marks.join(' | ')}`);
    assert.equal(await page.locator('tr[data-figure=killed] td.best').innerText(), '2');
    assert.match(await page.locator('tr[data-figure=killed] td.rule').innerText(), /\S/);
    assert.ok((await page.locator('.revisions li[data-kind=create]').count()) >= 1);
    assert.match(await page.locator('.facts').nth(1).innerText(), /Drone/);
    await shot('event');
  });

  test('a wrong token is refused with the error envelope; the right one confirms and edits', async () => {
    await page.fill('input[name=token]', 'wrong-token');
    await page.click('form.token button[type=submit]');
    await page.click('button[data-status=confirmed]');
    await page.waitForSelector('.editor .error');
    assert.match(await page.locator('.editor .error').innerText(), /401/);

    await page.fill('input[name=token]', TEST_TOKEN);
    await page.click('form.token button[type=submit]');
    await page.click('button[data-status=confirmed]');
    await page.waitForFunction(() => document.querySelector('[data-testid=event-status]')?.textContent === 'Confirmed');
    await page.waitForSelector('.revisions li[data-kind=patch]');
    assert.match(await page.locator('.revisions li[data-kind=patch]').first().innerText(), /status: unreviewed → confirmed/);
    assert.equal(await page.locator('.editor .error').count(), 0);

    await page.fill('input[name=killed]', '3');
    await page.click('button:text-is("Save figures")');
    await page.waitForFunction(() => document.querySelector('tr[data-figure=killed] td.best')?.textContent?.startsWith('3'));
    assert.match(await page.locator('tr[data-figure=killed] td.best').innerText(), /edited/);
    // the token survives a reload (sessionStorage), and the change is in the store
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-testid=event-status]')?.textContent === 'Confirmed');
    assert.equal(await page.locator('input[name=token]').inputValue(), TEST_TOKEN);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const stored = await server.store.getEvent(id);
    assert.equal(stored?.event.status, 'confirmed');
    assert.equal(stored?.event.killed, 3);
    await shot('event-confirmed');
  });

  test('merging another event in and splitting its source back out', async () => {
    const chuhuiv = (await server.store.listEvents(EventQuerySchema.parse({ city: 'Chuhuiv' }))).rows[0]!;
    await page.fill('input[name=other]', chuhuiv.id);
    await page.click('button:text-is("Merge")');
    await page.waitForFunction(() => document.querySelectorAll('.source').length === 2);
    assert.ok((await page.locator('.revisions li[data-kind=merge]').count()) >= 1);
    await shot('event-merged');
    const chuhuivSource = page.locator('form.split label.check', { hasText: 'Missile hits Chuhuiv' });
    await chuhuivSource.locator('input').check();
    const before = page.url();
    await page.click('form.split button[type=submit]');
    await page.waitForURL((u) => u.href !== before && u.pathname.startsWith('/events/'));
    await page.waitForFunction(() => document.querySelectorAll('.source').length === 1);
    assert.match(await page.locator('.source header').innerText(), /Missile hits Chuhuiv/);
    assert.match(await page.locator('h1').innerText(), /^Chuhuiv/);
  });

  test('clicking an oblast on the map filters by it, clicking again clears it', async () => {
    await page.goto(`${server.url}/`);
    await waitRows(5);
    await page.waitForSelector('.leaflet-overlay-pane canvas');
    const box = (await page.locator('.map').boundingBox())!;
    // The middle of the map is central Ukraine, where the seeded reports name no place (no marker to hit).
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(/[?&]oblast=/);
    const oblast = new URL(page.url()).searchParams.get('oblast');
    assert.equal(await page.locator('select[name=oblast]').inputValue(), oblast);
    await waitRows(0);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL((u) => !u.searchParams.has('oblast'));
    await waitRows(5);
  });

  test('a hostile report shows its markup as text and runs nothing', async () => {
    await page.click('table.events a:text-is("Sumy")');
    await page.waitForSelector('.report-text');
    const text = await page.locator('.report-text').innerText();
    for (const markup of HOSTILE_MARKUP) assert.ok(text.includes(markup), `report text shows ${markup}`);
    assert.equal(await page.locator('.report-text script, .report-text img').count(), 0);
    assert.equal(await page.locator('img[src=x]').count(), 0);
    assert.match(await page.locator('.source header').innerText(), /Sumy <b>shelled<\/b> <script>alert\(3\)<\/script>/);
    assert.match(await page.locator('.event-page').innerText(), /<img src=x onerror=alert\(2\)>/);
    await page.waitForTimeout(300); // give a (wrongly) injected handler the chance to fire before we look
    await shot('event-hostile');
    assert.deepEqual(dialogs, []);
  });

  test('no dialog, page error, CSP violation or outside request the whole time', () => {
    assert.deepEqual(dialogs, []);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(cspViolations, []);
    assert.deepEqual(foreignRequests, []);
  });
});

describe('dashboard table paging in Chromium', { skip: !haveBrowser && 'no Chromium' }, () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startTestServer(await ensureWebBuilt(), dailyReports(62));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('"Load more" follows the keyset cursor to the end, in the chosen order', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/?sort=date`);
    const rows = () => page.locator('table.events tbody tr[data-event-id]');
    await page.waitForFunction(() => document.querySelectorAll('table.events tbody tr[data-event-id]').length === 50);
    assert.equal(await page.locator('[data-testid=row-count]').innerText(), '50+');
    await page.click('button.more');
    await page.waitForFunction(() => document.querySelectorAll('table.events tbody tr[data-event-id]').length === 62);
    assert.equal(await page.locator('button.more').count(), 0);
    const dates = await rows().locator('td:first-child').allInnerTexts();
    assert.equal(new Set(dates).size, 62, 'no row twice');
    assert.deepEqual(dates, [...dates].sort(), 'ascending by date across pages');
    assert.equal(await page.locator('.timeline [data-days]').getAttribute('data-days'), '62');
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-paged.png'), fullPage: true });
    await page.close();
  });
});
