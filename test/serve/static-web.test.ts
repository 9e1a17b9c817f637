/** The dashboard host: files from webDir, index.html for client routes, no escapes, API untouched. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../src/serve/app.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

describe('static dashboard', () => {
  let dir: string;
  let store: Store;
  let app: Hono<any>;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sw-web-'));
    mkdirSync(path.join(dir, 'web', 'assets'), { recursive: true });
    writeFileSync(path.join(dir, 'web', 'index.html'), '<!doctype html><title>Strikewatch</title>');
    writeFileSync(path.join(dir, 'web', 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'secret.txt'), 'outside');
    store = await openStore({ path: path.join(dir, 'test.db') });
    app = createApp({ store, webDir: path.join(dir, 'web') });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes', async () => {
    for (const p of ['/', '/events/ev_123', '/reports']) {
      const res = await app.request(p);
      assert.equal(res.status, 200, p);
      assert.match(res.headers.get('content-type')!, /^text\/html/);
      assert.match(await res.text(), /<title>Strikewatch/);
      assert.match(res.headers.get('content-security-policy')!, /^default-src 'self'/);
    }
  });

  it('serves assets with their type and long caching; a missing asset is a 404', async () => {
    const res = await app.request('/assets/app-1234.js');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /javascript/);
    assert.match(res.headers.get('cache-control')!, /immutable/);
    assert.equal((await app.request('/assets/missing.js')).status, 404);
  });

  it('never serves files outside webDir', async () => {
    for (const p of ['/%2e%2e/secret.txt', '/..%2fsecret.txt', '/.%2e/secret.txt']) {
      const res = await app.request(p);
      assert.ok(!(await res.text()).includes('outside'), p);
    }
  });

  it('leaves /api alone: an unknown API path is a JSON 404, not the app', async () => {
    const res = await app.request('/api/unknown');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type')!, /^application\/json/);
  });

  it('without a dashboard, / is a 404 envelope', async () => {
    const bare = createApp({ store, webDir: null });
    const res = await bare.request('/');
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as { ok: boolean }).ok, false);
  });
});
