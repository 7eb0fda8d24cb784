/** What the front trades off: accuracy always, against cost per 1,000 rows and p95 latency when listed. */
export type FrontObjective = 'accuracy' | 'cost' | 'latency';

export const FRONT_OBJECTIVES: readonly FrontObjective[] = ['accuracy', 'cost', 'latency'];

/**
 * Latency is opt-in: a measured p95 is of the moment (the machine's load, the endpoint's, the race's own
 * concurrency), so two arms of one model can differ by 1.5× between runs, while cost is the prompt's.
 */
export const DEFAULT_FRONT_OBJECTIVES: readonly FrontObjective[] = ['accuracy', 'cost'];

/** An arm as the front sees it: accuracy with its 95 % interval, cost per 1,000 rows, p95 latency. */
export interface FrontPoint {
  readonly accuracy: number;
  readonly low: number;
  readonly high: number;
  readonly cost: number;
  /** Milliseconds; null when no answer of the arm was timed (e.g. answers cached before latency was kept). */
  readonly latency?: number | null;
}

/** Costs equal up to rounding count as equal (the same prompt priced two ways may differ in the last bit). */
const noMoreCostly = (a: number, b: number): boolean => a <= b * (1 + 1e-9) + 1e-12;

/**
 * A measured p95 carries the client's own jitter (its event loop, other arms' calls in flight), so one
 * latency is worse than another only when it is both 1.5× and 50 ms longer; an unknown one is neither.
 */
export function clearlySlower(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return false;
  return a > 1.5 * b && a > b + 50;
}

/** Whether q is at least as good as p on cost and latency (those of them the front trades off). */
function noWorseBesidesAccuracy(q: FrontPoint, p: FrontPoint, objectives: readonly FrontObjective[]) {
  return (
    (!objectives.includes('cost') || noMoreCostly(q.cost, p.cost)) &&
    (!objectives.includes('latency') || !clearlySlower(q.latency, p.latency))
  );
}

/**
 * Which points are on the Pareto front of accuracy (higher is better) against cost and latency (lower is
 * better): no other point is at least as good on every objective and strictly better on one.
 */
export function paretoFront(
  points: readonly FrontPoint[],
  objectives: readonly FrontObjective[] = DEFAULT_FRONT_OBJECTIVES,
): boolean[] {
  const cost = objectives.includes('cost');
  const latency = objectives.includes('latency');
  return points.map(
    (p, i) =>
      !points.some(
        (q, j) =>
          j !== i &&
          q.accuracy >= p.accuracy &&
          noWorseBesidesAccuracy(q, p, objectives) &&
          (q.accuracy > p.accuracy ||
            (cost && !noMoreCostly(p.cost, q.cost)) ||
            (latency && clearlySlower(p.latency, q.latency))),
      ),
  );
}

/**
 * For each point, the index of a point that dominates it with confidence — its accuracy's lower bound
 * above this one's upper bound, at no higher cost and no clearly longer latency — or -1. Such an arm
 * cannot be on the front (up to the intervals' 5 % error), so the race stops spending on it.
 */
export function confidentlyDominatedBy(
  points: readonly FrontPoint[],
  objectives: readonly FrontObjective[] = DEFAULT_FRONT_OBJECTIVES,
): number[] {
  return points.map((p, i) => {
    let by = -1;
    points.forEach((q, j) => {
      if (j === i || !(q.low > p.high) || !noWorseBesidesAccuracy(q, p, objectives)) return;
      if (by < 0 || q.low > points[by].low) by = j;
    });
    return by;
  });
}
