#!/usr/bin/env node
// Entry point of the `strikewatch` command. The TypeScript sources are compiled to dist/ by
// `npm run build`, which npm runs on install (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('strikewatch: the build is missing (dist/). Run `npm install` or `npm run build` in the package folder.\n');
  process.exit(2);
}
await import(main.href);
