/**
 * How alike ensemble members are, from their out-of-fold predictions (class codes per row). Members that
 * always agree make the same mistakes, and a vote among them can only repeat them.
 */
export interface Agreement {
  /** `[members][members]`: share of rows where both predict the same class (1 on the diagonal). */
  readonly pairwise: Float64Array;
  /** Share of rows that at least one member gets right: the ceiling of any vote over these members. */
  readonly oracleAccuracy: number;
  /** Share of rows that every member gets wrong. */
  readonly allWrong: number;
}

export function memberAgreement(predictions: readonly Int32Array[], truth: Int32Array): Agreement {
  const M = predictions.length;
  const n = truth.length;
  const pairwise = new Float64Array(M * M);
  for (let a = 0; a < M; a++) {
    pairwise[a * M + a] = 1;
    for (let b = a + 1; b < M; b++) {
      let same = 0;
      for (let i = 0; i < n; i++) if (predictions[a][i] === predictions[b][i]) same++;
      pairwise[a * M + b] = same / n;
      pairwise[b * M + a] = same / n;
    }
  }
  let anyRight = 0;
  let noneRight = 0;
  for (let i = 0; i < n; i++) {
    let right = 0;
    for (let m = 0; m < M; m++) if (predictions[m][i] === truth[i]) right++;
    if (right > 0) anyRight++;
    else noneRight++;
  }
  return { pairwise, oracleAccuracy: anyRight / n, allWrong: noneRight / n };
}
