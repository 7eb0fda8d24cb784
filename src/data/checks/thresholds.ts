/** Every condition's threshold; shares are fractions of the rows (0.05 = 5 %). */
export interface ValidationThresholds {
  /** A column with more missing cells than this share fails (any missing cell warns). */
  readonly missingFailShare: number;
  /** Exact duplicate rows above this share fail (any duplicate warns). */
  readonly duplicateFailShare: number;
  /** Rows in conflicting-label groups above this share fail (any conflict warns). */
  readonly conflictFailShare: number;
  /** A column whose most common value covers at least this share is near-constant. */
  readonly nearConstantShare: number;
  /** ID-like detection needs at least this many present values. */
  readonly idLikeMinRows: number;
  /** A single feature's normalised accuracy (0 = majority class, 1 = perfect) that warns / fails. */
  readonly leakWarnScore: number;
  readonly leakFailScore: number;
  /** A share of values beyond 1.5 IQR above this warns; any value beyond 3 IQR warns. */
  readonly outlierWarnShare: number;
  /** Largest / smallest class count above this warns. */
  readonly imbalanceRatio: number;
  /** Folds of the cross-validation to come: a class with fewer rows fails. */
  readonly cvFolds: number;
  /** A categorical column with more distinct values than this warns. */
  readonly maxCategories: number;
  /** Texts whose MinHash similarity is at least this are near-duplicates. */
  readonly nearDuplicateSimilarity: number;
  /** Total variation distance between train and test label distributions that warns / fails. */
  readonly labelDriftWarn: number;
  readonly labelDriftFail: number;
  /** How many example rows / values a finding carries. */
  readonly examples: number;
}

export const DEFAULT_THRESHOLDS: ValidationThresholds = {
  missingFailShare: 0.5,
  duplicateFailShare: 0.05,
  conflictFailShare: 0.05,
  nearConstantShare: 0.99,
  idLikeMinRows: 20,
  leakWarnScore: 0.95,
  leakFailScore: 0.99,
  outlierWarnShare: 0.05,
  imbalanceRatio: 10,
  cvFolds: 5,
  maxCategories: 100,
  nearDuplicateSimilarity: 0.8,
  labelDriftWarn: 0.1,
  labelDriftFail: 0.2,
  examples: 5,
};
