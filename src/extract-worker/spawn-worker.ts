/**
 * Starts an extraction worker from wherever this code runs. From dist/ the compiled
 * `extract-worker.js` sits beside this file. From src/ under `node --import tsx`, a Worker given the
 * `.ts` file fails ("Unknown file extension") even with `execArgv: ['--import', 'tsx']` (checked on
 * Node 20.20): the loader hooks are not in place when the worker's entry is resolved. So the worker
 * starts as a tiny eval script that registers tsx in its own thread and then imports the `.ts` entry.
 */
import { Worker } from 'node:worker_threads';

export function spawnExtractWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./extract-worker.js', here));
  // tsx is a dev dependency: only running from src/ needs it, and there it is installed.
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./extract-worker.ts', here).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true });
}
