/**
 * Where the package's own files are, whether running from src/ (tsx, tests) or dist/ (the built
 * CLI): both sit one level below the package root, so the same relative path works for both.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const PACKAGE_ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** Shipped data: gazetteer, lexicons, boundaries. Data lives apart from code. */
export const DATA_DIR = path.join(PACKAGE_ROOT, 'data');

export function dataPath(...parts: string[]): string {
  return path.join(DATA_DIR, ...parts);
}
