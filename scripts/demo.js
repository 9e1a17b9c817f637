#!/usr/bin/env node
// `npm start`: builds if needed, ingests the bundled sample reports (data/samples/) into
// ./strikewatch.db (STRIKEWATCH_DB overrides; idempotent: a second run adds nothing), prints the
// stats, then serves the API and the dashboard in the foreground (PORT overrides 8080).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin/strikewatch.js');
const db = path.resolve(process.env.STRIKEWATCH_DB ?? 'strikewatch.db');
const port = process.env.PORT ?? '8080';
const run = (args) => spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', cwd: root });
const say = (line) => process.stdout.write(`\n${line}\n`);

// A fresh clone has no dist/ (and no web/dist once the dashboard exists); a tree whose sources
// gained a command since the last build is rebuilt too, or the demo would miss it.
const needsBuild =
  !existsSync(path.join(root, 'dist/cli/main.js')) ||
  (existsSync(path.join(root, 'src/cli/commands/serve.ts')) && !existsSync(path.join(root, 'dist/cli/commands/serve.js'))) ||
  (existsSync(path.join(root, 'web/index.html')) && !existsSync(path.join(root, 'web/dist/index.html')));
if (needsBuild) {
  say('Building (first run)…');
  const b = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: root, shell: process.platform === 'win32' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

// Every sample folder and file; the README describes the samples and is not a report.
const samples = readdirSync(path.join(root, 'data/samples'))
  .filter((n) => !n.startsWith('.') && n !== 'README.md')
  .sort()
  .map((n) => path.join('data/samples', n));

say(`Ingesting the sample reports into ${db}…`);
const ingest = run(['ingest', ...samples, '--db', db]);
// Exit 1 means some inputs were rejected (each named above): the rest is stored, so go on.
if (ingest.status !== 0 && ingest.status !== 1) {
  process.stderr.write(`demo: ingest failed (exit ${ingest.status ?? ingest.signal}); stopping\n`);
  process.exit(ingest.status ?? 1);
}

say('What the database holds:');
run(['stats', '--db', db]);

if (!existsSync(path.join(root, 'dist/cli/commands/serve.js'))) {
  // No server in this build: show the extracted events instead.
  run(['extract', ...samples, '--format', 'table']);
  process.exit(0);
}

const server = spawn(process.execPath, [cli, 'serve', '--db', db, '--port', port], { stdio: 'inherit', cwd: root });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

// Announce the address once the server answers (it loads the gazetteer first).
let announced = false;
const deadline = Date.now() + 60_000;
while (!announced && Date.now() < deadline && server.exitCode === null) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/stats`, { signal: AbortSignal.timeout(2000) });
    announced = res.ok;
  } catch {
    // Not listening yet.
  }
  if (!announced) await new Promise((r) => setTimeout(r, 300));
}
if (server.exitCode === null) {
  say(`Dashboard: http://localhost:${port}`);
  process.stdout.write(`API: http://localhost:${port}/api/stats${announced ? '' : ' (not answering yet)'}. Ctrl-C stops the server.\n`);
}
