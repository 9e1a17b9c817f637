/**
 * The suite runs against the real built dashboard (web/dist). It is built here when missing or older
 * than any source file under web/, so a test never passes against yesterday's bundle.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIR = path.join(REPO_ROOT, 'web');
export const WEB_DIST = path.join(WEB_DIR, 'dist');

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(p)) {
    if (name === 'dist' || name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(p, name)));
  }
  return newest;
}

export async function ensureWebBuilt(): Promise<string> {
  const index = path.join(WEB_DIST, 'index.html');
  const stale = !existsSync(index) || statSync(index).mtimeMs < newestMtime(WEB_DIR);
  if (stale) {
    const { build } = await import('vite');
    await build({ configFile: path.join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
  }
  return WEB_DIST;
}

/** Every file of the built dashboard, for the no-outside-URL check. */
export function distFiles(dir = WEB_DIST): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? distFiles(p) : [p];
  });
}

/** The dashboard's own source files (web/src). */
export function webSourceFiles(dir = path.join(WEB_DIR, 'src')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? webSourceFiles(p) : [p];
  });
}
