import type { StepSpec } from '../../catalog/index.js';
import type { Features } from '../../core/features.js';
import type { FindingCode } from '../../core/finding-record.js';
import type { Labels } from '../../core/labels.js';
import type { ColumnRepair, Dataset } from '../../data/index.js';
import type { LlmClassifierParams, LlmRuntime, ModelRuntime } from '../../models/index.js';
import type { TaskExecutor } from '../../selection/index.js';

/**
 * The kinds of change `fix` may make; `relabel` (dropping suspected label errors) only when named. The
 * five from `temperature` to `few-shot` change an LLM classifier's params and propose nothing for others.
 */
export const FIX_REMEDIES = [
  'dedupe',
  'encode',
  'drop-columns',
  'impute',
  'relabel',
  'features',
  'model',
  'params',
  'temperature',
  'llm-model',
  'template',
  'instruction',
  'few-shot',
  'ensemble',
  'calibrate',
  'threshold',
] as const;
export type FixRemedy = (typeof FIX_REMEDIES)[number];
export const DEFAULT_REMEDIES: readonly FixRemedy[] = FIX_REMEDIES.filter((remedy) => remedy !== 'relabel');

/**
 * Where the fixed pipeline stands: which training rows and columns are left out, and the model spec. Row
 * indexes are into the training rows `fix` kept after setting the test rows apart.
 */
export interface FixState {
  readonly droppedRows: readonly number[];
  readonly droppedColumns: readonly string[];
  /** Dates encoded and formatted numbers parsed (as `run` prepares them), before the columns are dropped. */
  readonly repairs?: readonly ColumnRepair[];
  readonly steps: readonly StepSpec[];
  /** Binary problems: predict the second class when its probability reaches this (default argmax). */
  readonly threshold?: number;
  /** Probabilities calibrated as CalibratedClassifierCV(method, cv=5) would. */
  readonly calibration?: 'sigmoid' | 'isotonic';
}

/** One change `fix` considered, applied on top of the kept ones. */
export interface Candidate {
  readonly code: FindingCode;
  readonly remedy: FixRemedy;
  readonly description: string;
  /** Columns of the user's file it is about. */
  readonly columns: readonly string[];
  /** Rows of the user's `--data` file it drops (0-based, header excluded). */
  readonly rows: readonly number[];
  readonly apply: (state: FixState) => FixState;
  /**
   * Score the held-out rows' first copies only, for the current and the candidate state alike: dropping
   * duplicates is judged on distinct rows, the distribution a new row comes from.
   */
  readonly scoreFirstCopies?: boolean;
  /**
   * Training rows left out of scoring, for the current and the candidate state alike: rows a proposer
   * was shown while writing the candidate would flatter it (as `propose` leaves them out).
   */
  readonly unscoredRows?: readonly number[];
  /** Fold scores measured without refitting (a threshold on the current out-of-fold probabilities). */
  readonly scores?: () => Promise<number[]>;
  /**
   * A leaked column scores well in cross-validation by definition, so no CV gain can justify dropping it:
   * such a drop is kept by this rule (with its measured cost shown) instead of by the gain.
   */
  readonly keptByRule?: string;
  /** What the rule saw (changes.json shows it, so a user can check the rule against their data). */
  readonly ruleEvidence?: RuleEvidence;
  /**
   * The gain the stage expects (e.g. from the diagnosis), in the metric's units: it orders the stage's
   * candidates. Without it `fix` screens the candidate on the first fold.
   */
  readonly expectedGain?: number;
}

export type ChangeStatus = 'kept' | 'rejected' | 'failed' | 'skipped';

/** Why a drop was kept by rule rather than by its gain: the rule and the measurement that triggered it. */
export interface RuleEvidence {
  readonly rule: 'leak' | 'identifier';
  /** What was measured on the training rows, e.g. "leak score 0.996 ≥ 0.99" or "row numbers 0…799". */
  readonly evidence: string;
  /** The leak rule: the single-feature leak score and the threshold it reached. */
  readonly leakScore?: number;
  readonly threshold?: number;
}

/** A line of changes.json. */
export interface ChangeRecord {
  readonly code: FindingCode;
  readonly remedy: FixRemedy;
  readonly description: string;
  readonly status: ChangeStatus;
  readonly reason: string;
  readonly metric: string;
  /** Mean paired fold gain (candidate − current) and its 95 % Nadeau–Bengio corrected t-interval; null when not measured. */
  readonly gain: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly columns: readonly string[];
  readonly rows: readonly number[];
  readonly seconds: number;
  /** The estimate that ordered its stage's candidates (the first fold's gain unless the stage gave one). */
  readonly expectedGain: number | null;
  /** Set when the change was kept by rule (a leak or an identifier), with what the rule measured. */
  readonly rule: RuleEvidence | null;
}

export interface FixOptions {
  readonly metric: 'accuracy' | 'balanced_accuracy' | 'f1_macro' | 'f1_weighted';
  readonly cv: number;
  readonly seed: number;
  readonly remedies: readonly FixRemedy[];
  /** Wall-clock seconds for the candidates; the ones not reached are recorded as skipped. */
  readonly budgetSeconds?: number;
  readonly nBoot: number;
  readonly signal?: AbortSignal;
  readonly progress?: (message: string) => void;
  /** Fold scores computed before (a resumed run): the key names the evaluation exactly. */
  readonly memo?: FoldScoreMemo;
  /**
   * How the models fix fits are built: the CLI gives its run store as `cacheFile`, so an LLM's answers
   * (and the proposer's) are kept there and a rerun on the same store calls nothing again.
   */
  readonly runtime?: ModelRuntime;
  /**
   * Where the params search fits its folds (e.g. remote workers); in process when absent. Each search
   * gets its own executor for the rows and columns it searches on, closed when it ends.
   */
  readonly createExecutor?: (dataset: {
    readonly features: Features;
    readonly labels: Labels;
  }) => TaskExecutor;
  /** What the LLM remedies need besides the model: other model names, the proposer, the runtime. */
  readonly llm?: FixLlmOptions;
}

export interface FixLlmOptions {
  /** Other model names on the same endpoint for the `llm-model` remedy. */
  readonly models?: readonly string[];
  /** Who writes instructions for the `instruction` remedy (default the classifier's own endpoint). */
  readonly proposer?: LlmClassifierParams;
  /** Instructions asked of the proposer; default 3. */
  readonly instructions?: number;
  /** fetch, env and cache for the proposer's call. */
  readonly runtime?: LlmRuntime;
}

export interface FoldScoreMemo {
  get(key: string): readonly number[] | undefined;
  set(key: string, scores: readonly number[]): void;
}

/** The data `fix` works on: training rows (with their rows in the user's file) and the untouched test rows. */
export interface FixData {
  readonly train: Dataset;
  readonly test: Dataset;
  /** For each training row, its 0-based row in the `--data` file. */
  readonly trainFileRows: readonly number[];
  /** For each test row, its row in the `--data` file (hold-out) or the `--test` file. */
  readonly testFileRows: readonly number[];
  readonly testDescription: string;
}
