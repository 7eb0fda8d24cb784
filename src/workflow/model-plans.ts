import { findClassifier, formatModelSpec, parseModelSpec, type StepSpec } from '../catalog/index.js';
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

/**
 * The models compared when the config names none: a linear model, naive Bayes, k-NN (up to 20,000 rows:
 * it is brute force) and a tree, each after an imputer when cells are missing and a one-hot encoder when
 * columns are categorical — four different inductive biases, so the ensemble step has something to gain.
 * With a free-text column: TF-IDF into logistic regression and multinomial naive Bayes.
 */
export function defaultModels(dataset: Dataset): PlannedModel[] {
  const { columns, data } = dataset.features;
  const text = columns.find((column) => column.kind === 'text');
  if (text) {
    // Free text goes through TF-IDF (sparse: only logreg and mnb read it), on the first text column.
    const tfidf = `tfidf(column=${JSON.stringify(text.name)}, sublinear_tf=true)`;
    return [`${tfidf} | logreg`, `${tfidf} | mnb`].map(planModel);
  }
  const prefix: string[] = [];
  if (data.some(Number.isNaN)) prefix.push('impute(strategy=median, categorical_strategy=most_frequent)');
  if (columns.some((column) => column.kind === 'categorical')) prefix.push('onehot');
  const specs = [
    'scale | logreg',
    'gnb',
    ...(dataset.features.rows <= 20000 ? ['scale | knn'] : []),
    'tree(random_state=0)',
  ];
  return specs.map((spec) => planModel([...prefix, spec].join(' | ')));
}
