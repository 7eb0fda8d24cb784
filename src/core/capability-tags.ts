/**
 * What an estimator can do, declared once next to it (scikit-learn's estimator tags) and asked by the
 * workflow, the advice and the CLI — never a list of kind names somewhere else.
 */

/** A param that controls how complex (how little regularized) a model is, and which way. */
export interface ComplexityControl {
  readonly param: string;
  /** 'up': a larger value fits the training rows more closely (C, max_depth); 'down': a smaller one does (alpha, n_neighbors). */
  readonly moreComplexWhen: 'up' | 'down';
  /** A few values worth trying, in increasing order, around the default. */
  readonly probeValues: readonly unknown[];
}

/**
 * How far predicted probabilities can be read as frequencies: 'calibrated' for models fitted by log
 * loss (logistic regression, MLP, gradient boosting), 'uncalibrated' for scores pushed towards 0 or 1
 * (naive Bayes, forests, hinge SGD, LLMs), 'coarse' for a few distinct values (k-NN, a tree's leaves).
 */
export type ProbabilityQuality = 'calibrated' | 'uncalibrated' | 'coarse';

export interface ClassifierTags {
  /** Has a linear decision function with coefficients per input column (`coef_`). */
  readonly linearCoefficients: boolean;
  /** Ranks its input columns by impurity importances (`feature_importances_`). */
  readonly featureImportances: boolean;
  /** Trains by epochs and records a per-epoch history (an epoch curve can be drawn). */
  readonly trainsByEpochs: boolean;
  /** Reads sparse (CSR) input as it is, e.g. after TF-IDF. */
  readonly sparseInput: boolean;
  /** Reads text and categorical cells and missing values itself, so preflight lets them through. */
  readonly rawColumns: boolean;
  /** Fits and predicts with missing values (NaN) itself, so preflight asks for no imputer (absent: no). */
  readonly allowsMissing?: boolean;
  /** Fits an l1/l2/elasticnet penalty weighted by C, so a regularization path over C can be traced. */
  readonly penaltyPath: boolean;
  /** Starts from the coefficients of an earlier fit (FitContext.warmStart), e.g. along a C path. */
  readonly warmStart: boolean;
  readonly probabilityQuality: ProbabilityQuality;
  /**
   * Predicting waits on a remote endpoint, not the CPU (an LLM): its folds and curve fits run all at
   * once on one thread, sharing the model's one request scheduler.
   */
  readonly waitsOnEndpoint: boolean;
  /** The params that control its complexity, most telling first; empty when none does. */
  readonly complexity: readonly ComplexityControl[];
}

/** What the diagnosis tunes: the param its validation curve varies, and a small search grid. */
export interface TuningPlan {
  readonly curve: { readonly param: string; readonly values: readonly unknown[] };
  /** `key=v1,v2` strings, as `--grid` takes them. */
  readonly grid: readonly string[];
}

/** Transforms: which kinds of column they make acceptable downstream, and whether they change the columns. */
export interface TransformerTags {
  readonly handles?: 'missing-values' | 'categorical-columns' | 'text-columns';
  /** The output columns are not the input columns (one-hot, TF-IDF, polynomial, ...). */
  readonly reshapesColumns: boolean;
}
