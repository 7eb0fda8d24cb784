import { buildModel, CLASSIFIERS, parseModelSpec } from '../../src/catalog/index.js';
import { type ContractCase, describeEstimatorContract } from './estimator-contract.js';

/** The estimator contract over every registered classifier and a pipeline: none can skip it. */
const INVALID_VALUES: Record<
  string,
  { invalid: Record<string, unknown>; valid: Record<string, unknown>; minAccuracy?: number }
> = {
  'logistic-regression': { invalid: { C: -1 }, valid: { C: 0.5 } },
  'gaussian-nb': { invalid: { var_smoothing: -1 }, valid: { var_smoothing: 1e-6 } },
  'multinomial-nb': { invalid: { alpha: -1 }, valid: { alpha: 0.5 } },
  'k-neighbors': { invalid: { n_neighbors: 0 }, valid: { n_neighbors: 3 } },
  'decision-tree': { invalid: { max_depth: 0 }, valid: { max_depth: 3 } },
  'random-forest': { invalid: { n_estimators: 0 }, valid: { n_estimators: 10 } },
  'hist-gradient-boosting': { invalid: { learning_rate: 0 }, valid: { max_iter: 20 } },
  // Unscaled iris is hard for plain SGD: sklearn's own SGDClassifier scores 0.69–0.97 across seeds.
  'sgd-classifier': { invalid: { alpha: -1 }, valid: { loss: 'log_loss' }, minAccuracy: 0.6 },
  'mlp-classifier': { invalid: { hidden_layer_sizes: [0] }, valid: { learning_rate_init: 0.01 } },
  // Iris has three equal classes: a baseline that ignores X is right on a third of the rows.
  dummy: { invalid: { strategy: 'uniform' }, valid: { strategy: 'most_frequent' }, minAccuracy: 0.33 },
};

const cases: ContractCase[] = [
  // The LLM classifier would call OpenAI from `{}` params; it runs this same contract against the local
  // test server in test/models/llm-classifier/contract.test.ts.
  ...CLASSIFIERS.filter((entry) => entry.kind !== 'llm').map((entry) => ({
    name: entry.kind,
    create: () => entry.create({}),
    invalidValue: INVALID_VALUES[entry.kind]?.invalid ?? {},
    validPatch: INVALID_VALUES[entry.kind]?.valid ?? {},
    minAccuracy: INVALID_VALUES[entry.kind]?.minAccuracy,
  })),
  {
    name: 'vote(logreg; gnb; knn)',
    create: () => buildModel(parseModelSpec('vote(logreg; gnb; knn)')),
    invalidValue: { voting: 'maybe' },
    validPatch: { voting: 'soft', 'knn.n_neighbors': 3 },
  },
  {
    name: 'scale | stack(logreg; gnb; tree(max_depth=3), cv=3)',
    create: () => buildModel(parseModelSpec('scale | stack(logreg; gnb; tree(max_depth=3), cv=3)')),
    invalidValue: { 'stack.cv': 1 },
    validPatch: { 'stack.gnb.var_smoothing': 1e-6 },
  },
  {
    name: 'pipeline (scale | logreg)',
    create: () => buildModel(parseModelSpec('scale | logreg')),
    invalidValue: { 'logreg.C': -1 },
    validPatch: { 'logreg.C': 0.5 },
  },
];

for (const contract of cases) describeEstimatorContract(contract);
