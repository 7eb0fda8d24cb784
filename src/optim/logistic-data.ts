/** The data side of a (binary or multinomial) logistic objective. */
export interface LogisticData {
  /** Row-major `rows x cols` design matrix. */
  readonly X: Float64Array;
  readonly rows: number;
  readonly cols: number;
  /** Per-row loss weights, used as given (callers fold in class weights and any 1/Σweights scaling). */
  readonly sampleWeights: Float64Array;
  /**
   * 0 for no intercept; otherwise the value of an implicit constant column whose weight is the last
   * parameter (1 for an ordinary intercept, `intercept_scaling` in liblinear mode). Never materialised,
   * so X is not copied.
   */
  readonly interceptFeature: number;
}

/** 0.5·strength·Σ w_j² over the coefficients, and over the intercept too when `penalizeIntercept`. */
export interface L2Term {
  readonly strength: number;
  readonly penalizeIntercept: boolean;
}

/** Parameters per class row: the coefficients, then the intercept weight if there is one. */
export function parametersPerRow(data: LogisticData): number {
  return data.cols + (data.interceptFeature !== 0 ? 1 : 0);
}

/** Adds strength·w to the gradient (coefficients, and the intercept if penalised); returns 0.5·strength·Σw². */
export function addL2(
  w: Float64Array,
  grad: Float64Array,
  cols: number,
  hasIntercept: boolean,
  l2: L2Term,
): number {
  if (l2.strength === 0) return 0;
  const end = hasIntercept && l2.penalizeIntercept ? cols + 1 : cols;
  let sum = 0;
  for (let j = 0; j < end; j++) {
    sum += w[j] * w[j];
    grad[j] += l2.strength * w[j];
  }
  return 0.5 * l2.strength * sum;
}
