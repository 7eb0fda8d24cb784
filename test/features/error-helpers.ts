import { expect } from 'vitest';
import { type ErrorCode, isModeldebugError } from '../../src/core/index.js';

/** Runs `action` and returns the ModeldebugError it throws, failing unless the code is `code`. */
export async function expectModeldebugError(
  action: () => unknown,
  code: ErrorCode,
): Promise<{ readonly message: string; readonly where?: string; readonly hint?: string }> {
  try {
    await action();
  } catch (error) {
    if (!isModeldebugError(error)) throw error;
    expect(error.code, error.message).toBe(code);
    return error;
  }
  return expect.unreachable(`expected a ModeldebugError with code ${code}`);
}
