/** One one-vs-rest problem as the fit saw it: ±1 targets and per-row weights. */
export interface BinaryProblem {
  readonly targets: Float64Array;
  readonly weights: Float64Array;
}

/**
 * Gives one-vs-rest problems whose solutions are mathematically equal the same bits. When a problem's
 * coefficients are all zero its objective depends on the intercept only through the total weight of its
 * positive and negative rows, so two such problems with equal totals have the same optimum; solved
 * separately, rounding in row order leaves them ~1e-16 apart and an argmax tie goes to whichever is
 * larger, where scikit-learn's liblinear returns equal values and numpy's argmax takes the first class.
 * Each later problem takes the intercept of the first equal one. `coefficients` is `[problems][d]`.
 */
export function shareInterceptsOfIdenticalProblems(
  problems: readonly BinaryProblem[],
  coefficients: Float64Array,
  intercepts: Float64Array,
): void {
  const d = coefficients.length / problems.length;
  const allZero = problems.map((_, k) =>
    coefficients.subarray(k * d, (k + 1) * d).every((value) => value === 0),
  );
  const totals = problems.map(sideTotals);
  for (let k = 1; k < problems.length; k++) {
    if (!allZero[k]) continue;
    for (let first = 0; first < k; first++) {
      const same =
        totals[first].positive === totals[k].positive && totals[first].negative === totals[k].negative;
      if (allZero[first] && same) {
        intercepts[k] = intercepts[first];
        break;
      }
    }
  }
}

function sideTotals(problem: BinaryProblem): { positive: number; negative: number } {
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < problem.targets.length; i++) {
    if (problem.targets[i] > 0) positive += problem.weights[i];
    else negative += problem.weights[i];
  }
  return { positive, negative };
}
