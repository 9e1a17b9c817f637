/** A pino logger whose JSON lines land in an array, for asserting what watch logged. */
import { Writable } from 'node:stream';
import pino from 'pino';

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export function captureLog(onLine?: (l: LogLine) => void): { logger: pino.Logger; lines: LogLine[]; stream: Writable } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const text of chunk.toString('utf8').split('\n')) {
        if (!text.trim()) continue;
        const l = JSON.parse(text) as LogLine;
        lines.push(l);
        onLine?.(l);
      }
      done();
    },
  });
  return { logger: pino({ base: null }, stream), lines, stream };
}
