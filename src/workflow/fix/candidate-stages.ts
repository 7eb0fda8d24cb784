import { findLabelIssues } from '../../analysis/error-analysis/label-issues.js';
import { formatModelSpec, type StepSpec, tuningOf } from '../../catalog/index.js';
import { takeFeatureRows } from '../../core/features.js';
import { takeLabelRows } from '../../core/labels.js';
import { type Matrix, takeRows } from '../../core/matrix.js';
import { type Dataset, DEFAULT_THRESHOLDS } from '../../data/index.js';
import { logLoss } from '../../metrics/index.js';
import { applyParams, createStrategy, search } from '../../selection/index.js';
import { type Fold, stratifiedKFold } from '../../splits/index.js';
import { classifierKind, defaultModels } from '../model-plans.js';
import { type ColumnSuspect, columnSuspects } from './column-suspects.js';
import { duplicateGroups, repeatedRows } from './duplicate-groups.js';
import { encodeCandidates } from './encode-candidates.js';
import { ensembleCandidates } from './ensemble-candidates.js';
import { featureSubsetCandidate } from './feature-subset-candidate.js';
import type { Candidate, FixLlmOptions, FixOptions, FixRemedy, FixState } from './fix-types.js';
import { evaluateState, keptFeatures } from './fold-scores.js';
import { llmCalibrationCandidates } from './llm-calibration-candidate.js';
import { LLM_FIX_STAGES } from './llm-fix-stages.js';
import { thresholdCandidate } from './threshold-candidate.js';

/** What a stage sees when it proposes changes: the training rows and where the fix stands. */
export interface StageInput {
  readonly train: Dataset;
  readonly trainFileRows: readonly number[];
  readonly state: FixState;
  readonly folds: readonly Fold[];
  readonly metric: string;
  readonly seed: number;
  /** A state's mean CV score on the fix's folds (each state cross-validated once per run). */
  meanScore(state: FixState): Promise<number>;
  /** The current state's out-of-fold probabilities (computed on demand). */
  currentProba(): Promise<Matrix>;
  readonly signal?: AbortSignal;
  readonly llm?: FixLlmOptions;
  readonly runtime?: FixOptions['runtime'];
  readonly createExecutor?: FixOptions['createExecutor'];
}

export interface Stage {
  readonly remedy: FixRemedy;
  propose(input: StageInput): Promise<Candidate[]>;
}

const IMPUTE_STRATEGIES = ['mean', 'median', 'most_frequent'] as const;

/** In dependency order: data fixes, features, model and params (an LLM's prompt), ensemble, calibration, then the threshold. */
export const FIX_STAGES: readonly Stage[] = [
  { remedy: 'dedupe', propose: async (input) => dedupeCandidates(input) },
  { remedy: 'encode', propose: async (input) => encodeCandidates(input) },
  { remedy: 'drop-columns', propose: async (input) => dropColumnCandidates(input) },
  { remedy: 'impute', propose: async (input) => imputeCandidates(input) },
  { remedy: 'relabel', propose: relabelCandidates },
  { remedy: 'features', propose: featureSubsetCandidate },
  { remedy: 'model', propose: async (input) => modelCandidates(input) },
  { remedy: 'params', propose: paramsCandidates },
  ...LLM_FIX_STAGES,
  { remedy: 'ensemble', propose: ensembleCandidates },
  {
    remedy: 'calibrate',
    propose: async (input) => [...(await llmCalibrationCandidates(input)), ...calibrationCandidates(input)],
  },
  { remedy: 'threshold', propose: async (input) => thresholdCandidate(input) },
];

function dedupeCandidates({ train, trainFileRows }: StageInput): Candidate[] {
  const repeated = repeatedRows(duplicateGroups(train));
  if (repeated.length === 0) return [];
  return [
    {
      code: 'duplicate_rows',
      remedy: 'dedupe',
      description: `drop ${repeated.length} exact duplicate row${repeated.length === 1 ? '' : 's'} (keep the first copy)`,
      columns: [],
      rows: repeated.map((row) => trainFileRows[row]),
      apply: (state) => ({ ...state, droppedRows: union(state.droppedRows, repeated) }),
      scoreFirstCopies: true,
    },
  ];
}

function dropColumnCandidates({ train, state }: StageInput): Candidate[] {
  const order = { target_leak: 0, id_column: 1, constant_column: 2 } as const;
  // On the columns as the fix has them now (dates encoded, numbers parsed): a raw date is not an ID.
  return columnSuspects({ ...train, features: keptFeatures(train.features, state) })
    .filter((suspect) => !state.droppedColumns.includes(suspect.column))
    .sort((a, b) => order[a.code] - order[b.code] || (b.leakScore ?? 0) - (a.leakScore ?? 0))
    .map((suspect) => ({
      code: suspect.code,
      remedy: 'drop-columns' as const,
      description: `drop column "${suspect.column}": ${suspect.detail}`,
      columns: [suspect.column],
      rows: [],
      apply: (current: FixState) => ({
        ...current,
        droppedColumns: [...current.droppedColumns, suspect.column],
      }),
      ...ruleFor(suspect),
    }));
}

/**
 * Two drops are kept by rule rather than by gain: cross-validation rewards a leak and an identifier that
 * follows the file's order, so no CV gain could ever justify dropping them, while new rows share neither.
 */
function ruleFor(suspect: ColumnSuspect): Pick<Candidate, 'keptByRule' | 'ruleEvidence'> {
  const threshold = DEFAULT_THRESHOLDS.leakFailScore;
  if (suspect.code === 'target_leak' && (suspect.leakScore ?? 0) >= threshold) {
    return {
      keptByRule: `kept by the leak rule: the column alone predicts the label (leak score ${(suspect.leakScore ?? 0).toFixed(3)} ≥ ${threshold}), which cross-validation rewards, so no CV gain can justify dropping it — put it back only if its value is known before the label`,
      ruleEvidence: {
        rule: 'leak',
        evidence: `leak score ${(suspect.leakScore ?? 0).toFixed(3)} ≥ ${threshold} on the training rows`,
        leakScore: suspect.leakScore,
        threshold,
      },
    };
  }
  if (suspect.code === 'id_column' && suspect.identifier) {
    return {
      keptByRule: `kept by the identifier rule: ${suspect.detail}, which can help only through the file order or memorised rows, neither of which a new row shares`,
      ruleEvidence: { rule: 'identifier', evidence: `${suspect.detail} on the training rows` },
    };
  }
  return {};
}

function imputeCandidates({ train, state }: StageInput): Candidate[] {
  if (!keptFeatures(train.features, state).data.some(Number.isNaN)) return [];
  const index = state.steps.findIndex((step) => step.name === 'impute' || step.name === 'simple-imputer');
  const current = index < 0 ? undefined : (state.steps[index].params.strategy ?? 'mean');
  return IMPUTE_STRATEGIES.filter((strategy) => strategy !== current).map((strategy) => {
    const step: StepSpec = {
      name: 'impute',
      params: {
        strategy,
        ...(strategy === 'most_frequent' ? {} : { categorical_strategy: 'most_frequent' }),
      },
    };
    const steps = index < 0 ? [step, ...state.steps] : state.steps.map((s, k) => (k === index ? step : s));
    return {
      code: 'missing_values' as const,
      remedy: 'impute' as const,
      description: `impute missing cells with the ${strategy.replace('_', ' ')} value`,
      columns: [],
      rows: [],
      apply: (current: FixState) => ({ ...current, steps }),
    };
  });
}

/**
 * Confident learning needs honest probabilities, and a model's own can be hard 0/1 votes (an unpruned
 * tree): the out-of-fold probabilities come from whichever of the current pipeline and the default models
 * has the lowest out-of-fold log loss (a proper scoring rule) on the rows still kept.
 */
async function relabelCandidates(input: StageInput): Promise<Candidate[]> {
  const { train, state, trainFileRows } = input;
  const dropped = new Set(state.droppedRows);
  const kept = Int32Array.from(train.labels.codes.keys()).filter((row) => !dropped.has(row));
  const dataset = { ...train, features: keptFeatures(train.features, state) };
  let best = { spec: formatModelSpec([...state.steps]), proba: await input.currentProba() };
  let bestLoss = keptLogLoss(train.labels.codes, best.proba, kept);
  for (const model of defaultModels(dataset)) {
    if (JSON.stringify(model.steps) === JSON.stringify(state.steps)) continue;
    const candidate = { ...state, steps: model.steps, threshold: undefined };
    const { proba } = await evaluateState(train, candidate, input.folds, input.metric, input.signal);
    const loss = keptLogLoss(train.labels.codes, proba, kept);
    if (loss < bestLoss) {
      best = { spec: model.spec, proba };
      bestLoss = loss;
    }
  }
  const suspects = findLabelIssues(train.labels.codes, best.proba, train.labels.classes).suspects.filter(
    (suspect) => !dropped.has(suspect.row),
  );
  if (suspects.length === 0) return [];
  const rows = suspects.map((suspect) => suspect.row).sort((a, b) => a - b);
  return [
    {
      code: 'label_errors',
      remedy: 'relabel',
      description: `drop ${rows.length} row${rows.length === 1 ? '' : 's'} whose label confident learning doubts (out-of-fold probabilities of ${best.spec}; labels are never rewritten)`,
      columns: [],
      rows: rows.map((row) => trainFileRows[row]),
      apply: (current) => ({ ...current, droppedRows: union(current.droppedRows, rows) }),
    },
  ];
}

function keptLogLoss(codes: Int32Array, proba: Matrix, rows: Int32Array): number {
  return logLoss(
    Int32Array.from(rows, (row) => codes[row]),
    takeRows(proba, rows),
  );
}

/** The default model set for the columns left (each with the imputer and encoder it needs). */
function modelCandidates({ train, state }: StageInput): Candidate[] {
  const dataset = { ...train, features: keptFeatures(train.features, state) };
  const current = JSON.stringify(state.steps);
  return defaultModels(dataset)
    .filter((model) => JSON.stringify(model.steps) !== current && model.kind !== classifierKind(state.steps))
    .map((model) => ({
      code: 'better_model' as const,
      remedy: 'model' as const,
      description: `switch the model to ${model.spec}`,
      columns: [],
      rows: [],
      apply: (current: FixState) => ({ ...current, steps: model.steps }),
    }));
}

/**
 * The kind's grid searched on folds of another shuffle (so the folds that measure the gain did not also
 * choose the params), around the model's own values.
 */
async function paramsCandidates(input: StageInput): Promise<Candidate[]> {
  const { state } = input;
  const plan = tuningOf(state.steps);
  if (!plan) return [];
  const final = state.steps[state.steps.length - 1];
  const grid = plan.grid.map((text) => {
    const key = text.slice(0, text.indexOf('='));
    const current = final.params[key] ?? plan.defaults[key];
    const currentText = current === null ? 'null' : String(current);
    return text
      .slice(text.indexOf('=') + 1)
      .split(',')
      .includes(currentText)
      ? text
      : `${text},${currentText}`;
  });
  const dropped = new Set(state.droppedRows);
  const rows = Int32Array.from(input.train.labels.codes.keys()).filter((row) => !dropped.has(row));
  const { train } = input;
  const features = keptFeatures(train.features, state);
  const labels = takeLabelRows(train.labels, rows);
  const searched = takeFeatureRows(features, rows);
  const executor = input.createExecutor?.({ features: searched, labels });
  const result = await search(searched, labels, {
    steps: state.steps,
    strategy: createStrategy({ strategy: 'grid', grid, space: [] }),
    cv: stratifiedKFold(labels.codes, input.folds.length, { shuffle: true, seed: input.seed + 1 }).folds,
    scoring: input.metric,
    refit: false,
    signal: input.signal,
    executor,
  }).finally(() => executor?.close());
  const unchanged = Object.entries(result.bestParams).every(
    ([key, value]) => (final.params[key] ?? plan.defaults[key]) === value,
  );
  if (unchanged) return [];
  const steps = applyParams(state.steps, result.bestParams);
  const shown = Object.entries(result.bestParams)
    .map(([key, value]) => `${key}=${value === null ? 'null' : String(value)}`)
    .join(', ');
  return [
    {
      code: 'tuning_gain',
      remedy: 'params',
      description: `tune ${steps[steps.length - 1].name}: ${shown} (grid search on separate folds)`,
      columns: [],
      rows: [],
      apply: (current) => ({ ...current, steps }),
    },
  ];
}

/**
 * Calibrated probabilities (CalibratedClassifierCV, cv=5): kept like any change only when the metric
 * gains — for two classes calibration moves where P = 0.5 falls, for more the renormalised argmax.
 */
function calibrationCandidates({ state }: StageInput): Candidate[] {
  if (state.calibration !== undefined || state.threshold !== undefined) return [];
  return (['sigmoid', 'isotonic'] as const).map((method) => ({
    code: 'miscalibrated' as const,
    remedy: 'calibrate' as const,
    description: `calibrate the probabilities (${method === 'sigmoid' ? "Platt's sigmoid" : 'isotonic regression'}, 5-fold, as CalibratedClassifierCV)`,
    columns: [],
    rows: [],
    apply: (current: FixState) => ({ ...current, calibration: method }),
  }));
}

function union(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}
