import { formatModelSpec, type StepSpec } from '../../catalog/index.js';
import { isModeldebugError } from '../../core/errors.js';
import type { FittedClassifier } from '../../core/estimator.js';
import { isVerifiedGain } from '../../core/finding-record.js';
import type { Matrix } from '../../core/matrix.js';
import { pairedGain } from '../../metrics/paired-gain.js';
import { FIX_STAGES } from './candidate-stages.js';
import { duplicateGroups, groupedStratifiedFolds } from './duplicate-groups.js';
import { compareOnTest, fitState, predictState, type TestComparison } from './final-comparison.js';
import type { Candidate, ChangeRecord, FixData, FixOptions, FixState } from './fix-types.js';
import { evaluateState } from './fold-scores.js';

export interface FixResult {
  readonly metric: string;
  readonly start: FixState;
  readonly final: FixState;
  readonly changes: readonly ChangeRecord[];
  /** Mean cross-validated metric of the starting and the fixed state on the same folds. */
  readonly cv: { readonly before: number; readonly after: number; readonly folds: number };
  readonly test: TestComparison;
  /** The fixed pipeline fitted on every training row it keeps. */
  readonly model: FittedClassifier;
  /** Cross-validations taken from the memo (a resumed run) instead of recomputed. */
  readonly reusedEvaluations: number;
  /** Candidates the budget left untried. */
  readonly budgetCut: number;
  readonly seconds: number;
}

/**
 * `fix`: each candidate change is applied on top of the kept ones and kept only when its paired
 * cross-validated gain (same folds) has a 95 % lower bound above zero; the test rows are looked at once,
 * at the end, for the starting and the fixed pipeline.
 */
export async function runFix(
  data: FixData,
  steps: readonly StepSpec[],
  options: FixOptions,
): Promise<FixResult> {
  const started = performance.now();
  const { train } = data;
  const { metric, signal } = options;
  const groups = duplicateGroups(train);
  const folds = groupedStratifiedFolds(train.labels.codes, groups, options.cv, options.seed);
  const firstCopies = Uint8Array.from(groups, (first, i) => (first === i ? 1 : 0));
  const start: FixState = { droppedRows: [], droppedColumns: [], steps };
  const deadline =
    options.budgetSeconds === undefined ? Number.POSITIVE_INFINITY : started + options.budgetSeconds * 1000;

  let reused = 0;
  // The out-of-fold probabilities of the last state cross-validated here (relabel and threshold read them).
  let probaOf: { state: FixState; proba: Matrix } | undefined;
  // Within a run, a state is cross-validated once whatever the memo (the ensemble stage asks again).
  const measured = new Map<string, number[]>();
  const measure = async (state: FixState, onFirstCopies = false): Promise<number[]> => {
    const key = JSON.stringify({
      state,
      metric,
      cv: options.cv,
      seed: options.seed,
      rows: train.features.rows,
      onFirstCopies,
    });
    const seen = measured.get(key);
    if (seen) return [...seen];
    const stored = options.memo?.get(key);
    if (stored) {
      reused++;
      measured.set(key, [...stored]);
      return [...stored];
    }
    const evaluation = await evaluateState(
      train,
      state,
      folds,
      metric,
      signal,
      onFirstCopies ? firstCopies : undefined,
    );
    options.memo?.set(key, evaluation.scores);
    measured.set(key, evaluation.scores);
    if (!onFirstCopies) probaOf = { state, proba: evaluation.proba };
    return evaluation.scores;
  };

  options.progress?.(`cross-validating the starting pipeline ${formatModelSpec([...steps])}`);
  let state = start;
  let scores = await measure(start);
  const startScores = scores;
  const changes: ChangeRecord[] = [];
  let budgetCut = 0;

  for (const stage of FIX_STAGES) {
    if (!options.remedies.includes(stage.remedy)) continue;
    if (performance.now() > deadline) {
      budgetCut++;
      changes.push(skipped(stage.remedy, metric));
      continue;
    }
    const current = state;
    const candidates = await stage
      .propose({
        train,
        trainFileRows: data.trainFileRows,
        state: current,
        folds,
        metric,
        seed: options.seed,
        signal,
        llm: options.llm,
        meanScore: async (candidate) => {
          const values = await measure(candidate);
          return values.reduce((a, b) => a + b, 0) / values.length;
        },
        currentProba: async () => {
          if (probaOf?.state !== current) {
            probaOf = {
              state: current,
              proba: (await evaluateState(train, current, folds, metric, signal)).proba,
            };
          }
          return probaOf.proba;
        },
      })
      .catch((error: unknown) => {
        if (!isModeldebugError(error)) throw error;
        changes.push({ ...skipped(stage.remedy, metric), status: 'failed', reason: error.message });
        return [] as Candidate[];
      });
    for (const candidate of candidates) {
      if (performance.now() > deadline) {
        budgetCut++;
        changes.push(record(candidate, 'skipped', 'the budget ran out before it was tried', metric, null, 0));
        continue;
      }
      options.progress?.(`trying: ${candidate.description}`);
      const tried = performance.now();
      try {
        const next = candidate.apply(state);
        const candidateScores = candidate.scores
          ? await candidate.scores()
          : await measure(next, candidate.scoreFirstCopies);
        const baseline = candidate.scoreFirstCopies ? await measure(state, true) : scores;
        const gain = pairedGain(candidateScores, baseline);
        const seconds = (performance.now() - tried) / 1000;
        const verified = gain !== null && isVerifiedGain(gain.low);
        const keep = verified || candidate.keptByRule !== undefined;
        const reason = verified
          ? 'the paired gain’s 95 % lower bound is above zero'
          : (candidate.keptByRule ??
            (gain === null
              ? 'too few folds to measure a gain'
              : 'the paired gain’s 95 % lower bound is not above zero'));
        changes.push(record(candidate, keep ? 'kept' : 'rejected', reason, metric, gain, seconds));
        if (keep) {
          state = next;
          scores = candidate.scoreFirstCopies ? await measure(next) : candidateScores;
        }
      } catch (error) {
        if (!isModeldebugError(error)) throw error;
        const seconds = (performance.now() - tried) / 1000;
        changes.push(record(candidate, 'failed', error.message, metric, null, seconds));
      }
    }
  }

  options.progress?.(
    `fitting the starting and the fixed pipeline; scoring them on ${data.test.features.rows} untouched test rows`,
  );
  const beforeModel = await fitState(train, start, signal);
  const model = state === start ? beforeModel : await fitState(train, state, signal);
  const test = compareOnTest(
    data.test,
    { spec: formatModelSpec([...start.steps]), predicted: await predictState(beforeModel, start, data.test) },
    { spec: formatModelSpec([...state.steps]), predicted: await predictState(model, state, data.test) },
    { nBoot: options.nBoot, seed: options.seed },
  );
  const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return {
    metric,
    start,
    final: state,
    changes,
    cv: { before: mean(startScores), after: mean(scores), folds: folds.length },
    test,
    model,
    budgetCut,
    reusedEvaluations: reused,
    seconds: (performance.now() - started) / 1000,
  };
}

function record(
  candidate: Candidate,
  status: ChangeRecord['status'],
  reason: string,
  metric: string,
  gain: { mean: number; low: number; high: number } | null,
  seconds: number,
): ChangeRecord {
  return {
    code: candidate.code,
    remedy: candidate.remedy,
    description: candidate.description,
    status,
    reason,
    metric,
    gain: gain?.mean ?? null,
    ciLow: gain?.low ?? null,
    ciHigh: gain?.high ?? null,
    columns: [...candidate.columns],
    rows: [...candidate.rows],
    seconds,
  };
}

const STAGE_CODES = {
  dedupe: 'duplicate_rows',
  'drop-columns': 'useless_features',
  impute: 'missing_values',
  relabel: 'label_errors',
  model: 'better_model',
  params: 'tuning_gain',
  temperature: 'tuning_gain',
  'llm-model': 'better_model',
  template: 'llm_format_sensitive',
  instruction: 'llm_instruction_gain',
  'few-shot': 'tuning_gain',
  ensemble: 'ensemble_gain',
  calibrate: 'miscalibrated',
  threshold: 'threshold_gain',
} as const;

function skipped(remedy: keyof typeof STAGE_CODES, metric: string): ChangeRecord {
  return {
    code: STAGE_CODES[remedy],
    remedy,
    description: `every ${remedy} candidate`,
    status: 'skipped',
    reason: 'the budget ran out before this stage',
    metric,
    gain: null,
    ciLow: null,
    ciHigh: null,
    columns: [],
    rows: [],
    seconds: 0,
  };
}
