/**
 * A pool of extraction worker threads. Extraction is pure CPU and per report, so it spreads over
 * cores while the main thread reads inputs and writes the store; the ingest loop keeps the input
 * order itself (it awaits results in the order it asked for them). Each request goes to the least
 * busy worker. A worker that dies fails only the reports it held, and is replaced.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { ExtractionResult } from '../domain/event.js';
import type { ReportInput } from '../domain/report.js';
import { ExtractorUnavailableError, type AsyncExtractor } from '../store/ingest-pipeline.js';
import type { ExtractRequest, ExtractResponse } from './protocol.js';
import { spawnExtractWorker } from './spawn-worker.js';

interface Pending {
  resolve: (r: ExtractionResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Answered at least once: a worker that dies before that is broken, not unlucky. */
  answered: boolean;
}

export interface ExtractPool extends AsyncExtractor {
  close(): Promise<void>;
}

/**
 * Default worker count: one per CPU but one, since the main thread is busy too (reading, zod
 * validation, merging, and better-sqlite3, which writes synchronously on that thread); at least one.
 */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

export function createExtractPool(size: number = defaultWorkerCount()): ExtractPool {
  const n = Math.max(1, Math.floor(size));
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;
  /** Why workers cannot start (a missing build, a module that throws on load): no restart loop then. */
  let broken: string | null = null;

  const start = (i: number): void => {
    const slot: Slot = { worker: spawnExtractWorker(), pending: new Map(), answered: false };
    slots[i] = slot;
    slot.worker.on('message', (res: ExtractResponse) => {
      slot.answered = true;
      const p = slot.pending.get(res.id);
      if (!p) return;
      slot.pending.delete(res.id);
      if (res.ok) p.resolve(res.result);
      else p.reject(new Error(res.message));
    });
    const fail = (why: string) => {
      const current = !closed && slots[i] === slot;
      // A worker that never answered cannot start: the reports waiting on it are not at fault.
      if (current && !slot.answered) broken ??= why;
      const error = current && !slot.answered ? new ExtractorUnavailableError(`extraction worker failed to start: ${broken}`) : new Error(`extraction worker stopped: ${why}`);
      for (const p of slot.pending.values()) p.reject(error);
      slot.pending.clear();
      if (current && slot.answered) start(i);
    };
    slot.worker.on('error', (err) => fail(err.message));
    slot.worker.on('exit', (code) => fail(`exit code ${code}`));
  };
  for (let i = 0; i < n; i++) start(i);

  return {
    size: n,
    extractAsync(report: ReportInput, options: { referenceDate: string | null }): Promise<ExtractionResult> {
      if (closed) return Promise.reject(new Error('extraction pool is closed'));
      if (broken) return Promise.reject(new ExtractorUnavailableError(`extraction worker failed to start: ${broken}`));
      let slot = slots[0]!;
      for (const s of slots) if (s.pending.size < slot.pending.size) slot = s;
      const id = nextId++;
      const req: ExtractRequest = { id, report, referenceDate: options.referenceDate };
      return new Promise<ExtractionResult>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage(req);
      });
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
