import { type Features, takeFeatureRows } from '../../core/features.js';
import { createRng } from '../../core/rng.js';
import { dealByClass, type FewShotPool } from './few-shot.js';
import { OUTCOME_CODE } from './llm-outcome.js';
import type { LlmPrediction } from './predict-rows.js';

/**
 * DSPy's BootstrapFewShot for a classifier: a seeded stratified draw of training rows is answered
 * zero-shot, and only the rows the model labels right become examples (in the draw's stratified
 * order). The draw is twice what k examples of every class need, so that rows answered wrong still
 * leave enough; another seed draws another set.
 */
export async function bootstrapFewShotPool(
  X: Features,
  codes: Int32Array,
  nClasses: number,
  options: {
    readonly k: number;
    readonly seed: number;
    readonly render: (X: Features, row: number) => string;
    readonly predictZeroShot: (X: Features) => Promise<LlmPrediction>;
  },
): Promise<FewShotPool> {
  if (options.k === 0) return { inputs: [], labels: [] };
  const order = createRng(options.seed).shuffle(Array.from(codes, (_, i) => i));
  const drawn = dealByClass(order, codes, nClasses, 2 * (options.k + nClasses) + 8);
  const answered = await options.predictZeroShot(takeFeatureRows(X, Int32Array.from(drawn)));
  const right = drawn.filter(
    (row, t) => answered.outcomes[t] === OUTCOME_CODE.label && answered.predicted[t] === codes[row],
  );
  return { inputs: right.map((row) => options.render(X, row)), labels: right.map((row) => codes[row]) };
}
