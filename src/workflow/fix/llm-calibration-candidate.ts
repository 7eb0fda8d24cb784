import { fitLabelBias } from '../../analysis/llm/calibration/index.js';
import type { StepSpec } from '../../catalog/index.js';
import type { Matrix } from '../../core/matrix.js';
import { getScorer } from '../../metrics/index.js';
import { LLM_CLASSIFIER_KIND } from '../../models/index.js';
import type { StageInput } from './candidate-stages.js';
import type { Candidate, FixState } from './fix-types.js';

/**
 * The calibrations of an LLM's answers (docs/llm-calibration.md) as `fix` candidates, when the model is
 * an `llm(...)` alone: contextual calibration (refitted on the folds like any params change) and a
 * per-class bias on the label log-probabilities. The bias is scored without refits, as the threshold
 * is: each fold's bias is fitted on the other folds' out-of-fold probabilities (log p differs from
 * the label scores by a per-row constant, which softmax ignores); the kept bias is the one fitted on
 * every row.
 */
export async function llmCalibrationCandidates(input: StageInput): Promise<Candidate[]> {
  const { state, train, folds, metric } = input;
  const llm =
    state.steps.length === 1 && state.steps[0].name === LLM_CLASSIFIER_KIND ? state.steps[0] : undefined;
  if (!llm || state.threshold !== undefined || state.calibration !== undefined) return [];
  if (llm.params.calibration !== undefined && llm.params.calibration !== 'none') return [];
  if (llm.params.label_bias !== undefined) return [];
  // On top of whatever was kept before (the bias, when it was).
  const withParams = (current: FixState, patch: Record<string, unknown>): FixState => ({
    ...current,
    steps: current.steps.map((step): StepSpec => ({ ...step, params: { ...step.params, ...patch } })),
  });
  const contextual: Candidate = {
    code: 'llm_calibration_gain',
    remedy: 'calibrate',
    description:
      'contextual calibration of the LLM: divide its class probabilities by its answer to content-free inputs ("N/A", "", "[MASK]")',
    columns: [],
    rows: [],
    apply: (current) => withParams(current, { calibration: 'contextual' }),
  };
  if (getScorer(metric).needsProba || llm.params.parse === 'json' || llm.params.structured_output) {
    return [contextual];
  }
  const proba = await input.currentProba();
  // One-hot answers (no logprobs, one sample) carry no scores to shift.
  if (proba.data.every((p) => p === 0 || p === 1)) return [contextual];
  const { codes, classes } = train.labels;
  const dropped = new Set(state.droppedRows);
  const usable = (rows: Int32Array) => Array.from(rows).filter((row) => !dropped.has(row));
  const scores = logProbabilities(proba);
  const all = usable(Int32Array.from(codes.keys()));
  const bias = fitLabelBias(scores, codes, all, classes.length);
  const labelBias = Object.fromEntries(classes.map((name, k) => [name, Number(bias[k].toFixed(4))]));
  // The bias goes first: its fold scores are read from the probabilities of the state it was proposed on.
  const biasCandidate: Candidate = {
    code: 'llm_calibration_gain',
    remedy: 'calibrate',
    description: `a per-class bias on the LLM's label log-probabilities (scoring=logprob, label_bias fitted out of fold: ${classes.map((name, k) => `${name} ${bias[k].toFixed(3)}`).join(', ')})`,
    columns: [],
    rows: [],
    apply: (current) => withParams(current, { scoring: 'logprob', label_bias: labelBias }),
    scores: async () =>
      folds.map((fold) => {
        const foldBias = fitLabelBias(scores, codes, usable(fold.train), classes.length);
        const test = usable(fold.test);
        const yTrue = Int32Array.from(test, (row) => codes[row]);
        const yPred = Int32Array.from(test, (row) => argmaxShifted(scores, row, foldBias));
        return getScorer(metric).score(yTrue, yPred, undefined, classes.length);
      }),
  };
  return [biasCandidate, contextual];
}

function logProbabilities(proba: Matrix): Float64Array {
  return Float64Array.from(proba.data, (p) => Math.log(Math.max(p, 1e-12)));
}

function argmaxShifted(scores: Float64Array, row: number, bias: Float64Array): number {
  const nClasses = bias.length;
  let best = 0;
  for (let k = 1; k < nClasses; k++) {
    if (scores[row * nClasses + k] + bias[k] > scores[row * nClasses + best] + bias[best]) best = k;
  }
  return best;
}
