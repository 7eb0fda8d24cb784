import { ModeldebugError } from '../core/errors.js';
import type { ThresholdResult } from './report-types.js';

/** Metrics where lower is better cannot take a "fail under" threshold. */
const LOWER_IS_BETTER = new Set(['log_loss', 'brier']);

/**
 * The CI gate: each `metric: minimum` against the final metrics. A missed threshold (or a metric the run
 * did not produce) fails with a one-line reason.
 */
export function checkThresholds(
  thresholds: Readonly<Record<string, number>>,
  metrics: Readonly<Record<string, number>>,
  where: string,
): ThresholdResult[] {
  return Object.entries(thresholds).map(([metric, minimum]) => {
    if (LOWER_IS_BETTER.has(metric)) {
      throw new ModeldebugError(
        'invalid_argument',
        `${metric} is lower-is-better: a minimum makes no sense`,
        {
          where,
          hint: `gate on a score such as accuracy or f1_weighted; known: ${Object.keys(metrics).join(', ')}`,
        },
      );
    }
    const value = metrics[metric];
    if (value === undefined) {
      return {
        metric,
        minimum,
        value: null,
        passed: false,
        reason: `${metric} was not computed on the final test (known: ${Object.keys(metrics).join(', ')})`,
      };
    }
    const passed = value >= minimum;
    return {
      metric,
      minimum,
      value,
      passed,
      reason: passed
        ? `${metric} ${value.toFixed(4)} ≥ ${minimum}`
        : `${metric} ${value.toFixed(4)} is below the threshold ${minimum}`,
    };
  });
}

/** `metric=value` from `--fail-under`. */
export function parseThreshold(text: string): [string, number] {
  const equals = text.indexOf('=');
  const metric = text.slice(0, equals).trim();
  const value = Number(text.slice(equals + 1));
  if (equals <= 0 || text.slice(equals + 1).trim() === '' || !Number.isFinite(value)) {
    throw new ModeldebugError('invalid_argument', `cannot read the threshold "${text}"`, {
      where: '--fail-under',
      hint: 'write metric=value, e.g. --fail-under f1_weighted=0.9',
    });
  }
  return [metric, value];
}
