import { z } from 'zod';
import { ModeldebugError } from '../core/index.js';

/** JSON has no NaN, so fitted statistics travel with `null` for NaN (the fixtures' convention too). */
export const nullableNumbers = z.array(z.number().nullable());

export function encodeNumbers(values: ArrayLike<number>): (number | null)[] {
  return Array.from(values, (value) => (Number.isNaN(value) ? null : value));
}

export function decodeNumbers(values: readonly (number | null)[]): Float64Array {
  return Float64Array.from(values, (value) => value ?? Number.NaN);
}

export const columnSignatures = z.array(
  z.strictObject({ name: z.string(), kind: z.enum(['numeric', 'categorical', 'text']) }),
);

/** A saved state that does not parse is a corrupt or foreign file, not a bug: say which and where. */
export function parseState<S extends z.ZodType>(kind: string, schema: S, state: unknown): z.infer<S> {
  const result = schema.safeParse(state);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.join('.');
  throw new ModeldebugError('parse_error', `saved ${kind} state is invalid at "${path}": ${issue.message}`, {
    where: `state.${path}`,
    hint: 'save the model again with this version of modeldebug',
  });
}

/** For saved states: whether every per-column array has one entry per saved column. */
export function hasOneEntryPerColumn<T extends { readonly columns: readonly unknown[] }>(
  state: T,
  keys: readonly (keyof T)[],
): boolean {
  return keys.every((key) => (state[key] as readonly unknown[]).length === state.columns.length);
}

export const PER_COLUMN_MESSAGE = 'every per-column array must have one entry per column';
