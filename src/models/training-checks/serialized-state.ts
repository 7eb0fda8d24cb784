import type { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';
import type { SerializedModel } from '../../core/estimator.js';

/** Checks a serialized model's kind and parses its `state` with the family's schema. */
export function parseSerializedState<S extends z.ZodType>(
  serialized: SerializedModel,
  kind: string,
  schema: S,
): z.infer<S> {
  if (serialized.format !== 'modeldebug-model' || serialized.kind !== kind) {
    throw new ModeldebugError(
      'invalid_argument',
      `expected a serialized ${kind} model, got kind "${String(serialized.kind)}"`,
    );
  }
  const parsed = schema.safeParse(serialized.state);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModeldebugError('invalid_argument', `corrupt ${kind} model: ${issue.message}`, {
      where: `state.${issue.path.join('.')}`,
    });
  }
  return parsed.data;
}

/** Rows of a row-major array as nested arrays (how models write matrices into JSON). */
export function toNestedRows(data: Float64Array, cols: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < data.length; i += cols) rows.push(Array.from(data.subarray(i, i + cols)));
  return rows;
}

/** The inverse of `toNestedRows`; throws when a row has the wrong width. */
export function fromNestedRows(
  rows: readonly (readonly number[])[],
  cols: number,
  kind: string,
): Float64Array {
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) {
      throw new ModeldebugError(
        'shape_mismatch',
        `corrupt ${kind} model: row ${i} has ${row.length} values, expected ${cols}`,
      );
    }
    data.set(row, i * cols);
  });
  return data;
}
