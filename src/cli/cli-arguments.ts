/** Parsers for option values shared by several subcommands; a bad value is commander's usage error. */
import { InvalidArgumentError } from 'commander';
import { parseInterval } from '../ingest/watch/interval.js';

/** "30s", "5m", "1h" → milliseconds. */
export function duration(value: string): number {
  try {
    return parseInterval(value);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a positive whole number, got "${value}"`);
  return n;
}
