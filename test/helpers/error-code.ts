import { isModeldebugError } from '../../src/core/errors.js';

/** The `code` of the ModeldebugError `run` throws, undefined when it throws nothing, else a note saying what it threw. */
export function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isModeldebugError(error) ? error.code : `not a ModeldebugError: ${String(error)}`;
  }
  return undefined;
}
