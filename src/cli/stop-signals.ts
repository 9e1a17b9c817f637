/**
 * SIGINT / SIGTERM for the long-running commands (watch, work): the first signal asks the loop to
 * stop after the work in hand (the AbortSignal), logged; a second one gets Node's default, which
 * kills at once. `dispose` removes the handlers when the command ends.
 */
import type { Logger } from 'pino';

export function stopOnSignals(logger: Logger, finishing: string): { signal: AbortSignal; dispose: () => void } {
  const stop = new AbortController();
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((sig) => {
    const handler = () => {
      logger.info({ signal: sig }, `${sig}: finishing ${finishing}, then stopping`);
      stop.abort();
    };
    process.once(sig, handler);
    return [sig, handler] as const;
  });
  return { signal: stop.signal, dispose: () => handlers.forEach(([sig, handler]) => process.off(sig, handler)) };
}
