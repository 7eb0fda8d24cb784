import { ModeldebugError } from '../core/errors.js';
import type { FittedClassifier } from '../core/estimator.js';
import type { Matrix } from '../core/matrix.js';
import { isFittedLlmClassifier } from '../models/llm-classifier/fitted-model.js';
import { LLM_OUTCOMES, type LlmOutcome, OUTCOME_CODE } from '../models/llm-classifier/llm-outcome.js';

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
