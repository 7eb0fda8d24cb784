/** An arm as the front sees it: accuracy with its 95 % interval, and cost per 1,000 rows. */
export interface FrontPoint {
  readonly accuracy: number;
  readonly low: number;
  readonly high: number;
  readonly cost: number;
}

/** Costs equal up to rounding count as equal (the same prompt priced two ways may differ in the last bit). */
const noMoreCostly = (a: number, b: number): boolean => a <= b * (1 + 1e-9) + 1e-12;

/**
 * Which points are on the Pareto front of accuracy (higher is better) against cost (lower is better):
 * no other point is at least as accurate at no higher cost and strictly better in one of the two.
 */
export function paretoFront(points: readonly FrontPoint[]): boolean[] {
  return points.map(
    (p, i) =>
      !points.some(
        (q, j) =>
          j !== i &&
          q.accuracy >= p.accuracy &&
          noMoreCostly(q.cost, p.cost) &&
          (q.accuracy > p.accuracy || !noMoreCostly(p.cost, q.cost)),
      ),
  );
}

/**
 * For each point, the index of a point that dominates it with confidence — its accuracy's lower bound
 * above this one's upper bound, at no higher cost — or -1. Such an arm cannot be on the front (up to the
 * intervals' 5 % error), so the race stops spending on it.
 */
export function confidentlyDominatedBy(points: readonly FrontPoint[]): number[] {
  return points.map((p, i) => {
    let by = -1;
    points.forEach((q, j) => {
      if (j === i || !(q.low > p.high) || !noMoreCostly(q.cost, p.cost)) return;
      if (by < 0 || q.low > points[by].low) by = j;
    });
    return by;
  });
}
