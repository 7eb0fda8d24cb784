import { type Features, takeFeatureRows } from '../../../core/features.js';
import { type Labels, takeLabelRows } from '../../../core/labels.js';
import { costOf, estimateTokens, type PriceTable } from '../../../llm/engine/price-table.js';
import type { FittedLlmClassifier } from '../../../models/llm-classifier/fitted-model.js';
import type { LlmClassifier } from '../../../models/llm-classifier/llm-classifier.js';
import { OUTCOME_CODE } from '../../../models/llm-classifier/llm-outcome.js';
import { planPrediction } from '../../../models/llm-classifier/prediction-plan.js';
import type { Fold } from '../../../splits/fold.js';

/** One rung's answers of one arm, aligned with the rows it was given. */
export interface ScoredRows {
  /** Codes into the dataset's classes; -1 where the arm gave no label. */
  readonly predicted: Int32Array;
  /** Tokens of all the row's answers (maj@k: k answers), cached ones included: what the row costs. */
  readonly promptTokens: Float64Array;
  readonly completionTokens: Float64Array;
}

export interface ArmScorer {
  /** Predicts `rows` (0-based data rows), each by the model fitted on the folds that do not hold it. */
  score(rows: Int32Array, signal: AbortSignal): Promise<ScoredRows>;
  /** A cost estimate before any call: prompt ≈ characters / 4, every answer `max_tokens` long. */
  estimate(rows: Int32Array, prices: PriceTable): Promise<number>;
}

/**
 * Scores an arm out of fold, rung by rung: each fold's model is fitted once, on its training rows only
 * (few-shot examples come from them), and a rung's rows are predicted by the folds that hold them.
 */
export function createArmScorer(
  model: LlmClassifier,
  X: Features,
  y: Labels,
  folds: readonly Fold[],
  foldOf: Int32Array,
): ArmScorer {
  const fitted = new Map<number, Promise<FittedLlmClassifier>>();
  const fittedFold = (f: number): Promise<FittedLlmClassifier> => {
    let fit = fitted.get(f);
    if (!fit) {
      fit = model.fit(takeFeatureRows(X, folds[f].train), takeLabelRows(y, folds[f].train));
      fitted.set(f, fit);
    }
    return fit;
  };
  const byFold = (rows: Int32Array): { fold: number; positions: number[] }[] => {
    const groups = new Map<number, number[]>();
    rows.forEach((row, position) => {
      const f = foldOf[row];
      const group = groups.get(f) ?? [];
      group.push(position);
      groups.set(f, group);
    });
    return [...groups].map(([fold, positions]) => ({ fold, positions }));
  };
  return {
    async score(rows, signal) {
      const predicted = new Int32Array(rows.length).fill(-1);
      const promptTokens = new Float64Array(rows.length);
      const completionTokens = new Float64Array(rows.length);
      await Promise.all(
        byFold(rows).map(async ({ fold, positions }) => {
          const model = await fittedFold(fold);
          const columnOf = classColumns(model.classes, y.classes);
          const subset = takeFeatureRows(
            X,
            positions.map((p) => rows[p]),
          );
          const prediction = await model.predictDetailed(subset, {
            signal,
            onItem: (item) => {
              promptTokens[positions[item.row]] += item.promptTokens;
              completionTokens[positions[item.row]] += item.completionTokens;
            },
          });
          positions.forEach((position, t) => {
            if (prediction.outcomes[t] === OUTCOME_CODE.label)
              predicted[position] = columnOf[prediction.predicted[t]];
          });
        }),
      );
      return { predicted, promptTokens, completionTokens };
    },
    async estimate(rows, prices) {
      let total = 0;
      for (const { fold, positions } of byFold(rows)) {
        const model = await fittedFold(fold);
        const subset = takeFeatureRows(
          X,
          positions.map((p) => rows[p]),
        );
        const plan = planPrediction(model.params, model.state, subset);
        for (let t = 0; t < subset.rows; t++) {
          const request = plan.requestFor(subset, t, 0);
          const promptTokens = request.messages.reduce(
            (sum, message) => sum + estimateTokens(message.content) + 4,
            0,
          );
          const completionTokens = model.params.max_tokens;
          total +=
            plan.samples *
            (costOf(prices, model.params.model, { promptTokens, completionTokens }) ??
              promptTokens + completionTokens);
        }
      }
      return total;
    },
  };
}

/** Fold-local class indices mapped to the dataset's (a fold may lack a class). */
function classColumns(fitted: readonly string[], classes: readonly string[]): Int32Array {
  const index = new Map(classes.map((name, k) => [name, k]));
  return Int32Array.from(fitted, (name) => index.get(name) ?? -1);
}
