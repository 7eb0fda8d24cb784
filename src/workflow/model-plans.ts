import type { Dataset } from '../data/index.js';
import { CLASSIFIERS, parseModelSpec, type StepSpec } from '../models/index.js';
import { formatModelSpec } from '../selection/index.js';

export interface PlannedModel {
  /** The spec as the report prints it. */
  readonly spec: string;
  readonly steps: StepSpec[];
  /** The registered kind of the final classifier (`logistic-regression`, `llm`, …). */
  readonly kind: string;
}

/** What the diagnosis tunes per classifier kind: the param its validation curve varies and a small grid. */
interface KindPlan {
  readonly curve: { readonly param: string; readonly values: readonly unknown[] };
  readonly grid: readonly string[];
  /** The classifier's own defaults for the grid's keys (the "before" of the search). */
  readonly defaults: Readonly<Record<string, unknown>>;
}

const KIND_PLANS: Readonly<Record<string, KindPlan>> = {
  'logistic-regression': {
    curve: { param: 'C', values: [0.001, 0.01, 0.1, 1, 10, 100] },
    grid: ['C=0.01,0.1,1,10,100', 'penalty=l1,l2'],
    defaults: { C: 1, penalty: 'l2' },
  },
  'gaussian-nb': {
    curve: { param: 'var_smoothing', values: [1e-12, 1e-9, 1e-6, 1e-3, 1e-1] },
    grid: ['var_smoothing=1e-11,1e-9,1e-7,1e-5,1e-3'],
    defaults: { var_smoothing: 1e-9 },
  },
  'multinomial-nb': {
    curve: { param: 'alpha', values: [0.01, 0.1, 1, 10] },
    grid: ['alpha=0.01,0.1,1,10'],
    defaults: { alpha: 1 },
  },
  'k-neighbors': {
    curve: { param: 'n_neighbors', values: [1, 3, 5, 9, 15, 25] },
    grid: ['n_neighbors=3,5,9,15', 'weights=uniform,distance'],
    defaults: { n_neighbors: 5, weights: 'uniform' },
  },
  'decision-tree': {
    curve: { param: 'max_depth', values: [1, 2, 3, 5, 8, 12, null] },
    grid: ['max_depth=3,5,8,null', 'min_samples_leaf=1,5,20'],
    defaults: { max_depth: null, min_samples_leaf: 1 },
  },
  'random-forest': {
    curve: { param: 'max_depth', values: [2, 4, 8, 16, null] },
    grid: ['max_features=sqrt,log2', 'min_samples_leaf=1,5'],
    defaults: { max_features: 'sqrt', min_samples_leaf: 1 },
  },
  // The seed's own grid: the step size and the mini-batch size of gradient training.
  'mlp-classifier': {
    curve: { param: 'alpha', values: [1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1] },
    grid: ['learning_rate_init=0.001,0.01,0.1', 'batch_size=32,64,auto'],
    defaults: { learning_rate_init: 0.001, batch_size: 'auto' },
  },
  'sgd-classifier': {
    curve: { param: 'alpha', values: [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1] },
    grid: ['alpha=0.00001,0.0001,0.001', 'loss=hinge,log_loss'],
    defaults: { alpha: 0.0001, loss: 'hinge' },
  },
  'hist-gradient-boosting': {
    curve: { param: 'learning_rate', values: [0.01, 0.03, 0.1, 0.3, 1] },
    grid: ['learning_rate=0.03,0.1,0.3', 'max_leaf_nodes=15,31'],
    defaults: { learning_rate: 0.1, max_leaf_nodes: 31 },
  },
};

export function planModel(text: string): PlannedModel {
  const steps = parseModelSpec(text);
  return { spec: formatModelSpec(steps), steps, kind: classifierKind(steps) };
}

export function plannedFromSteps(steps: StepSpec[]): PlannedModel {
  return { spec: formatModelSpec(steps), steps, kind: classifierKind(steps) };
}

export function classifierKind(steps: readonly StepSpec[]): string {
  const last = steps[steps.length - 1].name;
  return CLASSIFIERS.find((entry) => entry.kind === last || entry.aliases.includes(last))?.kind ?? last;
}

export function kindPlan(kind: string): KindPlan | undefined {
  return KIND_PLANS[kind];
}

/**
 * The models compared when the config names none: a linear model, naive Bayes, k-NN (up to 20,000 rows:
 * it is brute force), a tree, a random forest and histogram gradient boosting — different inductive
 * biases, and the two ensembles of trees that most often win on tabular data — each after an imputer
 * when cells are missing and a one-hot encoder when columns are categorical. With a free-text column:
 * TF-IDF of the first one into logistic regression and multinomial naive Bayes, after the same imputer
 * and one-hot encoder for the other columns (naive Bayes only when no numeric column goes negative).
 */
export function defaultModels(dataset: Dataset): PlannedModel[] {
  const { columns, data, rows, cols } = dataset.features;
  const prefix: string[] = [];
  if (data.some(Number.isNaN)) prefix.push('impute(strategy=median, categorical_strategy=most_frequent)');
  if (columns.some((column) => column.kind === 'categorical')) prefix.push('onehot');
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
      planModel([...prefix, spec].join(' | ')),
    );
  }
  const specs = [
    'scale | logreg',
    'gnb',
    ...(rows <= 20000 ? ['scale | knn'] : []),
    'tree(random_state=0)',
    'forest(random_state=0)',
    'hgb(random_state=0)',
  ];
  return specs.map((spec) => planModel([...prefix, spec].join(' | ')));
}
