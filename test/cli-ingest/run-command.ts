/**
 * Runs a `strikewatch` subcommand in-process through commander and captures what it wrote. Only
 * strings are captured: the test runner's own messages to its parent process go through stdout as
 * bytes and must pass. The exit status is read from (and restored to) process.exitCode.
 */
import { Command } from 'commander';

export interface CommandRun {
  code: number;
  stdout: string;
  /** stderr, one entry per non-empty line. */
  stderr: string[];
}

export async function runCommand(register: (program: Command) => void, args: string[]): Promise<CommandRun> {
  const program = new Command().exitOverride();
  register(program);
  let out = '';
  let err = '';
  const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  process.stdout.write = ((c: string | Uint8Array, ...rest: never[]) => (typeof c === 'string' ? ((out += c), true) : write.out(c, ...rest))) as typeof process.stdout.write;
  process.stderr.write = ((c: string | Uint8Array, ...rest: never[]) => (typeof c === 'string' ? ((err += c), true) : write.err(c, ...rest))) as typeof process.stderr.write;
  const saved = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync(args, { from: 'user' });
    return { code: Number(process.exitCode ?? 0), stdout: out, stderr: err.split('\n').filter(Boolean) };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.exitCode = saved;
  }
}
