#!/usr/bin/env node
// `npm start`: builds if needed, ingests the bundled sample reports (data/samples/) into
// ./strikewatch.db (idempotent: a second run adds nothing) and prints what was extracted.
// The HTTP API and dashboard (`strikewatch serve`) are not built yet; until they are, the demo ends
// with the events table.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const run = (args, opts = {}) => spawnSync(process.execPath, [path.join(root, 'bin/strikewatch.js'), ...args], { stdio: 'inherit', cwd: root, ...opts });

if (!existsSync(path.join(root, 'dist/cli/main.js'))) {
  const b = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: root, shell: process.platform === 'win32' });
  if (b.status) process.exit(b.status);
}
const db = process.env.STRIKEWATCH_DB ?? 'strikewatch.db';
run(['ingest', 'data/samples', '--db', db]);
run(['stats', '--db', db]);
run(['extract', 'data/samples/wire', '--format', 'table']);
