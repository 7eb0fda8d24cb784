import { ModeldebugError } from '../core/errors.js';

/** A flag's text as a whole number of at least `minimum`, or a one-line error naming the flag. */
export function wholeNumberFlag(name: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    throw new ModeldebugError(
      'invalid_argument',
      `${name} must be a whole number of at least ${minimum}, got "${text}"`,
      { where: name },
    );
  }
  return value;
}

/** A flag's text as a fraction strictly between 0 and 1, or a one-line error naming the flag. */
export function fractionFlag(name: string, text: string): number {
  const value = Number(text);
  if (!(value > 0 && value < 1)) {
    throw new ModeldebugError(
      'invalid_argument',
      `${name} must be a fraction between 0 and 1, got "${text}"`,
      {
        where: name,
      },
    );
  }
  return value;
}

/** Flags that do not fit together: a one-line error that points to the command's --help. */
export function usageError(command: string, message: string): ModeldebugError {
  return new ModeldebugError('invalid_argument', message, { hint: `see modeldebug ${command} --help` });
}
