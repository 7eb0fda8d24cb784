import type { StepSpec } from '../catalog/model-spec.js';
import type { FittedClassifier } from '../core/estimator.js';
import type { Rng } from '../core/rng.js';
import type { ModelRuntime } from '../models/model-descriptor.js';
import type { Fold } from '../splits/fold.js';
import type { TaskExecutor } from './fold-task.js';
import type { CandidateParams } from './param-grid.js';

/** One evaluated candidate: a row of sklearn's `cv_results_`. */
export interface Trial {
  /** Position in evaluation order (the row of cv_results_). */
  readonly index: number;
  readonly params: CandidateParams;
  /** 'failed' when any fold's fit raised: its message is in `error`, and it has no mean. */
  readonly status: 'ok' | 'failed';
  /** Per split; `null` where that fold's fit failed. */
  readonly testScores: readonly (number | null)[];
  readonly trainScores?: readonly (number | null)[];
  readonly meanTestScore: number | null;
  /** Population std over splits (ddof = 0). */
  readonly stdTestScore: number | null;
  readonly meanTrainScore?: number | null;
  readonly fitSeconds: readonly number[];
  readonly scoreSeconds: readonly number[];
  readonly error?: string;
  /** Training rows per fold when a strategy trains on subsets (successive halving); absent = full folds. */
  readonly resource?: number;
  readonly iteration?: number;
}

export interface CandidateBatchOptions {
  /** Fit each fold on this many of its training rows (a fixed seeded subsample). */
  readonly resource?: number;
  readonly iteration?: number;
}

/** sklearn's `evaluate_candidates`: runs the candidates on every fold and returns their trials in order. */
export type EvaluateCandidates = (
  candidates: readonly CandidateParams[],
  options?: CandidateBatchOptions,
) => Promise<Trial[]>;

export interface StrategyContext {
  /** Seeded; a strategy draws every random choice from it so that a run replays identically on resume. */
  readonly rng: Rng;
  /** The smallest training fold's row count (the full resource of successive halving). */
  readonly maxResource: number;
  readonly nClasses: number;
}

/** The single hook of the search core (sklearn's `_run_search`). */
export interface SearchStrategy {
  readonly name: string;
  /** How many candidate evaluations it plans (for progress and ETA), when known in advance. */
  plannedTrials(context: StrategyContext): number | undefined;
  run(evaluate: EvaluateCandidates, context: StrategyContext): Promise<void>;
}

/** Where finished trials go as they complete, and where a resumed run finds them (the run store). */
export interface TrialLog {
  find(index: number): Trial | undefined;
  record(trial: Trial): void;
}

export interface SearchProgress {
  readonly doneFits: number;
  readonly plannedFits: number | undefined;
  readonly trials: number;
  readonly bestScore: number | null;
}

export interface SearchOptions {
  /** The model spec; candidates patch it (see applyParams). */
  readonly steps: readonly StepSpec[];
  readonly strategy: SearchStrategy;
  /** A fold count (stratified k-fold, as sklearn's cv=int for classifiers) or explicit folds. */
  readonly cv?: number | readonly Fold[];
  /** A sklearn scorer name; default 'accuracy' (sklearn's estimator.score). */
  readonly scoring?: string;
  readonly returnTrainScore?: boolean;
  readonly seed?: number;
  /** Fit the best candidate on all rows (sklearn's refit=True); default true. */
  readonly refit?: boolean;
  /** Default: in-process. */
  readonly executor?: TaskExecutor;
  /** What the refit and the default executor build models with (an executor passed in has its own). */
  readonly runtime?: ModelRuntime;
  readonly trialLog?: TrialLog;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SearchProgress) => void;
}

export interface SearchResult {
  readonly strategy: string;
  readonly scoring: string;
  readonly nSplits: number;
  /** cv_results_, one entry per trial in evaluation order. */
  readonly trials: readonly Trial[];
  /** rank_test_score (method 'min'); `null` for failed trials. */
  readonly ranks: readonly (number | null)[];
  readonly bestIndex: number;
  readonly bestParams: CandidateParams;
  readonly bestScore: number;
  readonly refit?: { readonly model: FittedClassifier; readonly seconds: number };
  /** Trials taken from the trial log instead of recomputed (a resumed run). */
  readonly reusedTrials: number;
}
