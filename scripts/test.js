#!/usr/bin/env node
// Runs every test file with Node's own test runner (TypeScript through tsx). Node 20 does not
// discover .ts files itself, so we list them; pass paths or folders to run a subset:
//   npm test -- test/extract
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const roots = args.length ? args : ['test', 'src'];

function collect(p, out) {
  const abs = path.resolve(root, p);
  if (!existsSync(abs)) return out;
  if (statSync(abs).isFile()) {
    out.push(abs);
    return out;
  }
  for (const name of readdirSync(abs).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const child = path.join(abs, name);
    if (statSync(child).isDirectory()) collect(child, out);
    else if (name.endsWith('.test.ts')) out.push(child);
  }
  return out;
}

const files = roots.flatMap((r) => collect(r, []));
if (files.length === 0) {
  console.error('no test files found under', roots.join(', '));
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
