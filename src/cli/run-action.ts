import { isModeldebugError, type ModeldebugError } from '../core/errors.js';

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
        process.stderr.write(`modeldebug: error: ${inFlagTerms(error)}\n`);
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

/** The library names params and fields; at the command line the same places are flags. */
const FLAG_FOR_FIELD: ReadonlyMap<string, string> = new Map([
  ['model spec', '--model'],
  ['param scale.kind', '--scale'],
  ['field nTrials', '--trials'],
  ['field strategy', '--strategy'],
  ['field space', '--space'],
  ['field trainSizes', '--sizes'],
  ['field holdout.out', '--test-out'],
]);

function inFlagTerms(error: ModeldebugError): string {
  const flag = error.where === undefined ? undefined : FLAG_FOR_FIELD.get(error.where);
  if (flag === undefined) return error.message;
  return `${flag}: ${error.problem}${error.hint ? ` — ${error.hint}` : ''}`;
}
