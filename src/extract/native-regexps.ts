/**
 * Has V8 compile every regex to machine code at its first run instead of interpreting it first.
 *
 * V8 runs a new regex in its bytecode interpreter and is meant to compile it after one run ("tier-up"),
 * but the language packs' big /iu alternations (megabytes of bytecode: each [\p{L}…] class under case
 * folding) stayed interpreted, 4-5x slower per try, and went back to the interpreter whenever a GC
 * dropped their code. With zero ticks the compile happens at once, every time. It changes only how V8
 * executes a regex, never what it matches. Imported first by the extractor (the flag is read when a
 * regex is first run); the flag is process-wide, which is what a process that extracts wants.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--regexp-tier-up-ticks=0');
