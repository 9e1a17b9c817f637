/**
 * The real API and dashboard in-process: a throwaway SQLite store with the browser reports ingested
 * through the real extractor, createApp, and @hono/node-server on 127.0.0.1 with a free port.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { extractReport } from '../../src/extract/index.js';
import { createApp } from '../../src/serve/app.js';
import { openStore } from '../../src/store/open-store.js';
import type { ReportInput } from '../../src/domain/report.js';
import type { Store } from '../../src/store/store.js';
import { BROWSER_REPORTS } from './reports.js';

export const TEST_TOKEN = 'test-token';

export interface TestServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

export async function startTestServer(webDir: string, reports: ReportInput[] = BROWSER_REPORTS): Promise<TestServer> {
  const store = await openStore({ path: ':memory:' });
  await store.ingestBatch(reports.map((report) => ({ report, extraction: extractReport(report) })));
  const app = createApp({ store, token: TEST_TOKEN, webDir });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
