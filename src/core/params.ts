import type { z } from 'zod';
import { ModeldebugError } from './errors.js';

/**
 * Validates an estimator's params with its zod schema (which must be a strict object with defaults), so
 * an unknown key lists the valid ones and a bad value names the key and what it must be.
 */
export function parseParams<S extends z.ZodObject>(kind: string, schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const valid = Object.keys(schema.shape).sort();
  const issue = result.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    throw new ModeldebugError('unknown_param', `unknown param "${key}" for ${kind}`, {
      where: `param ${key}`,
      hint: `valid params: ${valid.join(', ')}`,
    });
  }
  const path = issue.path.join('.');
  throw new ModeldebugError('invalid_param', `invalid value for ${kind} param "${path}": ${issue.message}`, {
    where: `param ${path}`,
    hint: `check the value of ${path}`,
  });
}
