import { ModeldebugError } from '../core/index.js';

/** Nested param keys read `<step>.<param>` (sklearn writes `<step>__<param>`). */
export const STEP_SEPARATOR = '.';

interface NamedParams {
  readonly name: string;
  readonly params: object;
}

/** `{ 'scale.with_mean': true, 'lr.C': 1, … }` in step order, each step's keys sorted. */
export function flattenParams(steps: readonly NamedParams[]): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const { name, params } of steps) {
    const record = params as Readonly<Record<string, unknown>>;
    for (const key of Object.keys(record).sort()) flat[`${name}${STEP_SEPARATOR}${key}`] = record[key];
  }
  return flat;
}

/**
 * Splits a flat patch into one patch per step index. Every key must name an existing step and one of its
 * current params (so a param without a default cannot be set through a pipeline); otherwise the error
 * lists the valid keys. Undefined values are absent, as in a `Partial`.
 */
export function splitParamPatch(
  steps: readonly NamedParams[],
  patch: Readonly<Record<string, unknown>>,
): Map<number, Record<string, unknown>> {
  const valid = flattenParams(steps);
  const byStep = new Map<number, Record<string, unknown>>();
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const cut = key.indexOf(STEP_SEPARATOR);
    const index = cut === -1 ? -1 : steps.findIndex((step) => step.name === key.slice(0, cut));
    if (index === -1 || !Object.hasOwn(valid, key)) {
      throw new ModeldebugError('unknown_param', `unknown param "${key}" for pipeline`, {
        where: `param ${key}`,
        hint: `valid params: ${Object.keys(valid).join(', ')}`,
      });
    }
    const stepPatch = byStep.get(index) ?? {};
    stepPatch[key.slice(cut + 1)] = value;
    byStep.set(index, stepPatch);
  }
  return byStep;
}
