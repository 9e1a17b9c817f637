/**
 * `strikewatch serve [--db FILE | --database-url URL] [--port 8080] [--host 127.0.0.1]`: the HTTP API
 * and the dashboard. Writes are enabled only when STRIKEWATCH_TOKEN is set (read-only otherwise).
 * Request logs go to stderr through pino; SIGINT/SIGTERM stop the server and close the store.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { getGazetteer } from '../../gazetteer/index.js';
import { createApp } from '../../serve/app.js';
import { DEFAULT_WEB_DIR } from '../../serve/web-dir.js';
import { openStore, storeOptionsFrom } from '../../store/open-store.js';
import { addStoreOptions } from './ingest.js';

interface ServeOptions {
  db?: string;
  databaseUrl?: string;
  port: string;
  host: string;
  webDir?: string;
  web: boolean;
}

export function registerServe(program: Command): void {
  addStoreOptions(program.command('serve').description('serve the HTTP API and the dashboard (read-only unless STRIKEWATCH_TOKEN is set)'))
    .option('--port <n>', 'port to listen on (0 = any free port)', '8080')
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--web-dir <dir>', 'built dashboard to serve at / (default: web/dist of the package)')
    .option('--no-web', 'serve the API only')
    .action(async (opts: ServeOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port "${opts.port}"`);
      const token = process.env.STRIKEWATCH_TOKEN?.trim() || null;
      const logger = pino({ base: null, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ fd: 2, sync: false }));
      const webDir = opts.web ? path.resolve(opts.webDir ?? DEFAULT_WEB_DIR) : null;
      const store = await openStore(storeOptionsFrom(opts));
      const app = createApp({ store, token, webDir, logger });
      // Load the gazetteer now (a second or two) rather than on the first /api/places or POST.
      getGazetteer();

      const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        process.stderr.write(`strikewatch: serving ${store.dialect} at http://${host}:${info.port}/ (API at /api, docs at /api/openapi.json)\n`);
        process.stderr.write(token ? 'strikewatch: writes enabled (bearer token from STRIKEWATCH_TOKEN)\n' : 'strikewatch: read-only: set STRIKEWATCH_TOKEN to enable writes\n');
        if (webDir && !existsSync(path.join(webDir, 'index.html'))) process.stderr.write(`strikewatch: no dashboard at ${webDir} (build web/ first); serving the API only\n`);
      });
      server.on('error', (err) => {
        process.stderr.write(`strikewatch: ${err.message}\n`);
        void store.close().finally(() => process.exit(2));
      });

      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        process.stderr.write(`strikewatch: ${signal}: stopping\n`);
        // Stop accepting, give open requests a moment, then close the database either way.
        const force = setTimeout(() => (server as { closeAllConnections?: () => void }).closeAllConnections?.(), 5000);
        force.unref();
        server.close(() => {
          void store.close().then(
            () => {
              logger.flush();
              process.exit(0);
            },
            () => process.exit(1),
          );
        });
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
}
