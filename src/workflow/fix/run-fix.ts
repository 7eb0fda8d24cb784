import { formatModelSpec, type StepSpec } from '../../catalog/index.js';
import { isModeldebugError } from '../../core/errors.js';
import type { FittedClassifier } from '../../core/estimator.js';
import { isVerifiedGain } from '../../core/finding-record.js';
import { correctedPairedGain } from '../../metrics/corrected-paired-gain.js';
import { FIX_STAGES } from './candidate-stages.js';
import { duplicateGroups, groupedStratifiedFolds } from './duplicate-groups.js';
import { byExpectedGain } from './expected-gain.js';
import { compareOnTest, fitState, predictState, type TestComparison } from './final-comparison.js';
import type { Candidate, ChangeRecord, FixData, FixOptions, FixState } from './fix-types.js';
import { createStateScorer } from './state-scorer.js';

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
  // Nadeau–Bengio's correction needs the folds' held-out to training share.
  const testTrainRatio =
    folds.reduce((sum, fold) => sum + fold.test.length / fold.train.length, 0) / folds.length;
  const start: FixState = { droppedRows: [], droppedColumns: [], steps };
  const deadline =
    options.budgetSeconds === undefined ? Number.POSITIVE_INFINITY : started + options.budgetSeconds * 1000;

  const scorer = createStateScorer(train, folds, firstCopies, options);
  const measure = scorer.measure;

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
        runtime: options.runtime,
        createExecutor: options.createExecutor,
        meanScore: async (candidate) => {
          const values = await measure(candidate);
          return values.reduce((a, b) => a + b, 0) / values.length;
        },
        currentProba: () => scorer.proba(current),
      })
      .catch((error: unknown) => {
        if (!isModeldebugError(error)) throw error;
        changes.push({ ...skipped(stage.remedy, metric), status: 'failed', reason: error.message });
        return [] as Candidate[];
      });
    const ordered = await byExpectedGain(candidates, state, scores[0], scorer, deadline);
    for (const { candidate, expectedGain } of ordered) {
      if (performance.now() > deadline) {
        budgetCut++;
        changes.push({
          ...record(candidate, 'skipped', 'the budget ran out before it was tried', metric, null, 0),
          expectedGain,
        });
        continue;
      }
      options.progress?.(`trying: ${candidate.description}`);
      const tried = performance.now();
      try {
        const next = candidate.apply(state);
        const { scoreFirstCopies = false, unscoredRows = [] } = candidate;
        const onSomeRows = scoreFirstCopies || unscoredRows.length > 0;
        const candidateScores = candidate.scores
          ? await candidate.scores()
          : await measure(next, scoreFirstCopies, unscoredRows);
        const baseline = onSomeRows ? await measure(state, scoreFirstCopies, unscoredRows) : scores;
        const gain = correctedPairedGain(candidateScores, baseline, testTrainRatio);
        const seconds = (performance.now() - tried) / 1000;
        const verified = gain !== null && isVerifiedGain(gain.low);
        const keep = verified || candidate.keptByRule !== undefined;
        const reason = verified
          ? 'the paired gain’s 95 % lower bound is above zero'
          : (candidate.keptByRule ??
            (gain === null
              ? 'too few folds to measure a gain'
              : 'the paired gain’s 95 % lower bound is not above zero'));
        changes.push({
          ...record(candidate, keep ? 'kept' : 'rejected', reason, metric, gain, seconds),
          expectedGain,
        });
        if (keep) {
          state = next;
          scores = onSomeRows ? await measure(next) : candidateScores;
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
  const beforeModel = await fitState(train, start, signal, options.runtime);
  const model = state === start ? beforeModel : await fitState(train, state, signal, options.runtime);
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
    reusedEvaluations: scorer.reused(),
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
    expectedGain: null,
    rule: status === 'kept' && candidate.keptByRule !== undefined ? (candidate.ruleEvidence ?? null) : null,
  };
}

const STAGE_CODES = {
  dedupe: 'duplicate_rows',
  encode: 'date_column',
  'drop-columns': 'useless_features',
  impute: 'missing_values',
  relabel: 'label_errors',
  features: 'useless_features',
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
    expectedGain: null,
    rule: null,
  };
}
