/** Messages between the ingest thread and its extraction workers (structured-clone plain data). */
import type { ExtractionResult } from '../domain/event.js';
import type { ReportInput } from '../domain/report.js';

export interface ExtractRequest {
  id: number;
  report: ReportInput;
  referenceDate: string | null;
}

export type ExtractResponse = { id: number; ok: true; result: ExtractionResult } | { id: number; ok: false; message: string };
