export interface MetricDelta {
  readonly metric: string;
  readonly a: number | null;
  readonly b: number | null;
  /** b − a, or null when either run lacks the metric (or it was undefined there). */
  readonly delta: number | null;
  /** Whether b improves on a (a higher score, or a lower loss); null when equal or unknown. */
  readonly improved: boolean | null;
}

/** Losses and error rates: lower is better. Every other metric modeldebug reports is a score. */
const LOWER_IS_BETTER = /loss|brier|error|ece|mce/i;

/** Every metric of either run, in a's order and then b's extras, with the change from a to b. */
export function metricDeltas(
  a: Readonly<Record<string, number | null>>,
  b: Readonly<Record<string, number | null>>,
): MetricDelta[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return names.map((metric) => {
    const left = finiteOrNull(a[metric]);
    const right = finiteOrNull(b[metric]);
    const delta = left === null || right === null ? null : right - left;
    const improved = delta === null || delta === 0 ? null : delta > 0 !== LOWER_IS_BETTER.test(metric);
    return { metric, a: left, b: right, delta, improved };
  });
}

function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
