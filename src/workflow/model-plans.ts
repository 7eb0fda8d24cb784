import { availableParallelism } from 'node:os';
import { findClassifier, formatModelSpec, parseModelSpec, type StepSpec, tagsOf } from '../catalog/index.js';
import type { Dataset } from '../data/index.js';

export interface PlannedModel {
  /** The spec as the report prints it. */
  readonly spec: string;
  readonly steps: StepSpec[];
  /** The registered kind of the final classifier (`logistic-regression`, `llm`, …). */
  readonly kind: string;
}

export function planModel(text: string): PlannedModel {
  const steps = parseModelSpec(text);
  return { spec: formatModelSpec(steps), steps, kind: classifierKind(steps) };
}

export function plannedFromSteps(steps: StepSpec[]): PlannedModel {
  return { spec: formatModelSpec(steps), steps, kind: classifierKind(steps) };
}

export function classifierKind(steps: readonly StepSpec[]): string {
  const last = steps[steps.length - 1].name;
  return findClassifier(last)?.kind ?? last;
}

/** Below this many cells a fit is over before worker threads have started: the trees stay in one thread. */
const THREADED_CELLS = 100_000;

/**
 * The models compared when the config names none: a linear model, naive Bayes, k-NN (up to 20,000 rows:
 * it is brute force), a tree, a random forest and histogram gradient boosting — different inductive
 * biases, and the two ensembles of trees that most often win on tabular data — each after an imputer
 * when cells are missing (unless the model reads missing values itself: its `allowsMissing` tag) and a
 * one-hot encoder when columns are categorical. The forest and boosting use every core on data big
 * enough to pay for the threads. With a free-text column: TF-IDF of the first one into logistic
 * regression and multinomial naive Bayes, after the same imputer and one-hot encoder for the other
 * columns (naive Bayes only when no numeric column goes negative).
 */
export function defaultModels(dataset: Dataset): PlannedModel[] {
  const { columns, data, rows, cols } = dataset.features;
  const missing = data.some(Number.isNaN);
  const imputer = 'impute(strategy=median, categorical_strategy=most_frequent)';
  const onehot = columns.some((column) => column.kind === 'categorical') ? ['onehot'] : [];
  const text = columns.find((column) => column.kind === 'text');
  if (text) {
    // Free text goes through TF-IDF (sparse: only logreg and mnb read it), on the first text column.
    const tfidf = `tfidf(column=${JSON.stringify(text.name)}, sublinear_tf=true)`;
    const negative = columns.some(
      (column, j) =>
        column.kind === 'numeric' &&
        Array.from({ length: rows }, (_, i) => data[i * cols + j]).some((v) => v < 0),
    );
    return [`${tfidf} | logreg`, ...(negative ? [] : [`${tfidf} | mnb`])].map((spec) =>
      planModel([...(missing ? [imputer] : []), ...onehot, spec].join(' | ')),
    );
  }
  const threads = rows * cols >= THREADED_CELLS && availableParallelism() > 1 ? ', n_jobs=-1' : '';
  const specs = [
    'scale | logreg',
    'gnb',
    ...(rows <= 20000 ? ['scale | knn'] : []),
    'tree(random_state=0)',
    `forest(random_state=0${threads})`,
    `hgb(random_state=0${threads})`,
  ];
  return specs.map((spec) => {
    const classifier = parseModelSpec(spec);
    const imputes = missing && !tagsOf(classifier.slice(-1)).allowsMissing;
    return planModel([...(imputes ? [imputer] : []), ...onehot, spec].join(' | '));
  });
}
