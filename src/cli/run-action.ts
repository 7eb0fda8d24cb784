import { isModeldebugError } from '../core/errors.js';

/**
 * Every command runs through here: a ModeldebugError becomes one line on stderr and exit code 2 (bad
 * input); anything else is a bug, reported in one line too, never as a stack trace (set
 * MODELDEBUG_DEBUG=1 to see it).
 */
export function runAction<A extends unknown[]>(action: (...args: A) => Promise<number | undefined>) {
  return async (...args: A): Promise<void> => {
    try {
      process.exitCode = (await action(...args)) ?? 0;
    } catch (error) {
      if (isModeldebugError(error)) {
        process.stderr.write(`modeldebug: error: ${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        `modeldebug: internal error: ${message.split('\n')[0]} (please report this; MODELDEBUG_DEBUG=1 shows details)\n`,
      );
      if (process.env.MODELDEBUG_DEBUG)
        process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
      process.exitCode = 70;
    }
  };
}
