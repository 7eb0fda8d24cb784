import { ModeldebugError } from '../../core/errors.js';
import type { FittedClassifier } from '../../core/estimator.js';
import type { Matrix } from '../../core/matrix.js';
import { isFittedLlmClassifier } from '../../models/llm-classifier/fitted-model.js';
import { LLM_OUTCOMES, type LlmOutcome, OUTCOME_CODE } from '../../models/llm-classifier/llm-outcome.js';
import { type ClassificationSummary, summariseClassification } from '../evaluation/classification-summary.js';

export interface LlmOutcomeSummary {
  /** The true classes, one matrix row each. */
  readonly rowLabels: readonly string[];
  /** The classes, then `unparseable`, `refusal`, `error`: rows with no label land in their own column. */
  readonly columnLabels: readonly string[];
  readonly confusion: Matrix;
  /** Correct labels over all rows: unparseable, refused and failed rows count as errors. */
  readonly accuracy: number;
  /** Rows per outcome, plus `wrong` labels. */
  readonly counts: Readonly<Record<LlmOutcome | 'wrong', number>>;
}

/**
 * Outcome-aware metrics of an LLM classifier: `yTrue` and `predicted` are codes into `classes`, and
 * `outcomes` (from `predictDetailed`) says which rows have a label at all. The confusion matrix gains a
 * column per non-label outcome instead of pretending those rows got the fallback class.
 */
export function llmOutcomeSummary(
  yTrue: Int32Array,
  predicted: Int32Array,
  outcomes: Uint8Array,
  classes: readonly string[],
): LlmOutcomeSummary {
  if (yTrue.length !== predicted.length || yTrue.length !== outcomes.length) {
    throw new ModeldebugError(
      'shape_mismatch',
      `${yTrue.length} true labels, ${predicted.length} predictions and ${outcomes.length} outcomes`,
    );
  }
  const nClasses = classes.length;
  const cols = nClasses + LLM_OUTCOMES.length - 1;
  const data = new Float64Array(nClasses * cols);
  const counts = { label: 0, unparseable: 0, refusal: 0, error: 0, wrong: 0 };
  let correct = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const outcome = LLM_OUTCOMES[outcomes[i]];
    counts[outcome]++;
    const column = outcomes[i] === OUTCOME_CODE.label ? predicted[i] : nClasses + outcomes[i] - 1;
    data[yTrue[i] * cols + column]++;
    if (outcomes[i] === OUTCOME_CODE.label) {
      if (predicted[i] === yTrue[i]) correct++;
      else counts.wrong++;
    }
  }
  return {
    rowLabels: classes,
    columnLabels: [...classes, ...LLM_OUTCOMES.slice(1)],
    confusion: { rows: nClasses, cols, data },
    accuracy: yTrue.length === 0 ? 0 : correct / yTrue.length,
    counts,
  };
}

/**
 * Predictions for outcome-aware headline metrics (`summariseClassification`'s `nonAnswers`): a row with
 * a label keeps its class code; any other row gets code `nClasses + k`, `nonAnswers[k]` being its outcome.
 * Only the outcomes that occur are listed, in LLM_OUTCOMES order.
 */
export function outcomeAwarePredictions(
  predicted: Int32Array,
  outcomes: Uint8Array,
  nClasses: number,
): { readonly predicted: Int32Array; readonly nonAnswers: readonly string[] } {
  if (predicted.length !== outcomes.length) {
    throw new ModeldebugError(
      'shape_mismatch',
      `${predicted.length} predictions but ${outcomes.length} outcomes`,
    );
  }
  const present = new Uint8Array(LLM_OUTCOMES.length);
  for (const code of outcomes) present[code] = 1;
  const codeOf = new Int32Array(LLM_OUTCOMES.length).fill(-1);
  const nonAnswers: string[] = [];
  for (let outcome = 1; outcome < LLM_OUTCOMES.length; outcome++) {
    if (!present[outcome]) continue;
    codeOf[outcome] = nClasses + nonAnswers.length;
    nonAnswers.push(LLM_OUTCOMES[outcome]);
  }
  const out = new Int32Array(predicted.length);
  for (let i = 0; i < predicted.length; i++) {
    out[i] = outcomes[i] === OUTCOME_CODE.label ? predicted[i] : codeOf[outcomes[i]];
  }
  return { predicted: out, nonAnswers };
}

/** The outcomes of the rows an LLM classifier last predicted, or undefined (another model, other rows). */
export function lastOutcomes(fitted: FittedClassifier, rows: number): Uint8Array | undefined {
  if (!isFittedLlmClassifier(fitted)) return undefined;
  const last = fitted.lastPrediction;
  return last && last.outcomes.length === rows ? last.outcomes : undefined;
}

/**
 * The headline metrics of a fitted model's predictions in the dataset's class space (from
 * `predictInClassSpace`): outcome-aware when the model is an LLM that just predicted these rows — its
 * unparseable, refused and failed rows count as errors — and plain `summariseClassification` otherwise.
 * `evaluate` and `modeldebug run` both score through here, so they print the same numbers.
 */
export function summariseFittedPredictions(
  fitted: FittedClassifier,
  yTrue: Int32Array,
  predictions: { readonly predicted: Int32Array; readonly proba: Matrix },
  classes: readonly string[],
): ClassificationSummary {
  const outcomes = lastOutcomes(fitted, yTrue.length);
  if (!outcomes) return summariseClassification(yTrue, predictions.predicted, predictions.proba, classes);
  const scored = outcomeAwarePredictions(predictions.predicted, outcomes, classes.length);
  return summariseClassification(yTrue, scored.predicted, predictions.proba, classes, scored.nonAnswers);
}

/**
 * The outcome summary of the rows an LLM classifier last predicted, in the dataset's class list
 * (`yTrue` are codes into `classes`); `undefined` for any other model or before a prediction.
 */
export function llmOutcomesOf(
  fitted: FittedClassifier,
  yTrue: Int32Array,
  classes: readonly string[],
): LlmOutcomeSummary | undefined {
  if (!isFittedLlmClassifier(fitted)) return undefined;
  const last = fitted.lastPrediction;
  if (!last || last.predicted.length !== yTrue.length) return undefined;
  const index = new Map(classes.map((name, k) => [name, k]));
  const predicted = Int32Array.from(last.predicted, (k) => index.get(fitted.classes[k]) ?? 0);
  return llmOutcomeSummary(yTrue, predicted, last.outcomes, classes);
}
