/**
 * The job queue that spreads extraction over many machines: `ingest --queue` puts each report read
 * on it, `strikewatch work` on any machine takes batches off it, extracts and stores them. pg-boss
 * keeps it in PostgreSQL (schema strikewatch_queue, beside the store), so the queue needs nothing
 * the store does not already have.
 *
 * Delivery is at least once: a worker that dies after storing a batch but before completing its jobs
 * gets them back after they expire. That is safe because the store is idempotent (a report stored
 * twice is a duplicate, never a second mention). Jobs whose batch failed are retried; after the
 * last retry they stay in state `failed` with the error, for inspection.
 */
import PgBoss from 'pg-boss';
import { z } from 'zod';
import { ReportInputSchema } from '../domain/report.js';
import type { ReadReport, ReadRejection } from '../ingest/types.js';
import { storeOptionsFrom } from '../store/open-store.js';

export const QUEUE_NAME = 'strikewatch-reports';
export const DEFAULT_QUEUE_SCHEMA = 'strikewatch_queue';

/** What a job carries: one report as read, and where it came from (for rejection lines). */
const OriginSchema = z.object({
  location: z.string(),
  format: z.enum(['text', 'html', 'jsonl', 'feed', 'telegram', 'unknown']),
  line: z.number().int().optional(),
  container: z.string().optional(),
});
export const ReportJobSchema = z.object({ report: ReportInputSchema, origin: OriginSchema });
export type ReportJob = z.infer<typeof ReportJobSchema>;

export interface QueuedReport {
  jobId: string;
  /**
   * The report, or a rejection when the job's data is not one (a job written by something else, or
   * by an older version): recorded as rejected like any bad input, with the data kept as raw.
   */
  item: ReadReport | ReadRejection;
}

export type QueueCounts = Record<'created' | 'retry' | 'active' | 'completed' | 'failed' | 'cancelled', number>;

export interface ReportQueueOptions {
  databaseUrl: string;
  /** PostgreSQL schema of the queue's tables (default strikewatch_queue). */
  schema?: string;
  /** Retries of a failed batch's jobs before they stay failed (default 3). */
  retryLimit?: number;
  /** Seconds before a retry (default 5, doubling each time). */
  retryDelaySeconds?: number;
}

/** The queue lives in PostgreSQL: the URL of the store, which must be PostgreSQL too. */
export function queueDatabaseUrl(opts: { db?: string; databaseUrl?: string }, command: string): string {
  const url = storeOptionsFrom(opts).databaseUrl;
  if (!url) throw new Error(`${command} needs PostgreSQL (--database-url or DATABASE_URL): the job queue and the shared store live there`);
  return url;
}

export class ReportQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly schema: string,
  ) {}

  static async open(options: ReportQueueOptions): Promise<ReportQueue> {
    const schema = options.schema ?? DEFAULT_QUEUE_SCHEMA;
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`queue schema "${schema}" must be a plain lower-case SQL name`);
    // Only the queue's own upkeep runs here: no cron schedules, few connections per worker.
    const boss = new PgBoss({ connectionString: options.databaseUrl, schema, max: 4, schedule: false });
    const failures: Error[] = [];
    boss.on('error', (err: Error) => failures.push(err));
    await boss.start();
    if (failures.length) throw failures[0]!;
    await boss.createQueue(QUEUE_NAME, {
      name: QUEUE_NAME,
      retryLimit: options.retryLimit ?? 3,
      retryDelay: options.retryDelaySeconds ?? 5,
      retryBackoff: true,
      // A batch is seconds of work: a job still active after this was taken by a worker that died.
      expireInSeconds: 600,
    });
    return new ReportQueue(boss, schema);
  }

  /** Puts reports on the queue, in order; returns how many. */
  async enqueue(reports: readonly ReadReport[]): Promise<number> {
    if (!reports.length) return 0;
    await this.boss.insert(reports.map((r) => ({ name: QUEUE_NAME, data: { report: r.report, origin: r.origin } satisfies ReportJob })));
    return reports.length;
  }

  /** Takes up to `n` jobs (oldest first); each is active until completed or failed. */
  async take(n: number): Promise<QueuedReport[]> {
    const jobs = await this.boss.fetch<unknown>(QUEUE_NAME, { batchSize: n });
    return jobs.map((job): QueuedReport => {
      const parsed = ReportJobSchema.safeParse(job.data);
      if (parsed.success) return { jobId: job.id, item: { kind: 'report', report: parsed.data.report, origin: parsed.data.origin } };
      const issue = parsed.error.issues[0]!;
      return {
        jobId: job.id,
        item: {
          kind: 'rejected',
          origin: { location: `queue job ${job.id}`, format: 'unknown' },
          field: issue.path.join('.') || 'data',
          reason: `job data is not a report: ${issue.message}`,
          raw: JSON.stringify(job.data) ?? String(job.data),
        },
      };
    });
  }

  async complete(jobIds: readonly string[]): Promise<void> {
    if (jobIds.length) await this.boss.complete(QUEUE_NAME, [...jobIds]);
  }

  /** Marks the jobs failed with the reason: retried later, or kept as failed after the last retry. */
  async fail(jobIds: readonly string[], reason: string): Promise<void> {
    // One call per job: pg-boss types take output data only with a single id.
    for (const id of jobIds) await this.boss.fail(QUEUE_NAME, id, { reason });
  }

  /** Jobs waiting to be taken, including retries not yet due. */
  async waiting(): Promise<number> {
    return (await this.boss.getQueueSize(QUEUE_NAME)) ?? 0;
  }

  /** Jobs by state (completed and failed ones stay until pg-boss archives them). */
  async counts(): Promise<QueueCounts> {
    const counts: QueueCounts = { created: 0, retry: 0, active: 0, completed: 0, failed: 0, cancelled: 0 };
    const db = this.boss.getDb();
    const { rows } = await db.executeSql(`select state, count(*)::int as n from ${this.schema}.job where name = $1 group by state`, [QUEUE_NAME]);
    for (const r of rows as Array<{ state: keyof QueueCounts; n: number }>) counts[r.state] = r.n;
    return counts;
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true });
  }
}
