import { ModeldebugError } from '../core/errors.js';
import type { Classifier, FittedClassifier, SerializedModel } from '../core/estimator.js';
import { createEmbeddingTransformer, EMBEDDING_TRANSFORMER_KIND } from '../features/embeddings/index.js';
import {
  createKBinsDiscretizer,
  createMinMaxScaler,
  createOneHotEncoder,
  createPipeline,
  createPolynomialFeatures,
  createSelectKBest,
  createSimpleImputer,
  createStandardScaler,
  createTfidfVectorizer,
  loadPipeline,
  PIPELINE,
  type Transformer,
  type TransformerStep,
} from '../features/index.js';
import { CALIBRATED_CLASSIFIER_KIND, loadCalibratedClassifier } from './calibration/index.js';
import { createRandomForest, loadRandomForest, RANDOM_FOREST_KIND } from './forest/index.js';
import {
  createHistGradientBoosting,
  HIST_GRADIENT_BOOSTING_KIND,
  loadHistGradientBoosting,
} from './hist-gradient-boosting/index.js';
import { createKNeighbors, K_NEIGHBORS_KIND, loadKNeighbors } from './knn/index.js';
import {
  createLlmClassifier,
  LLM_CLASSIFIER_KIND,
  type LlmRuntime,
  loadLlmClassifier,
} from './llm-classifier/index.js';
import {
  createLogisticRegression,
  LOGISTIC_REGRESSION_KIND,
  loadLogisticRegression,
} from './logistic-regression/index.js';
import { createMlpClassifier, loadMlp, MLP_KIND } from './mlp/index.js';
import {
  createGaussianNb,
  createMultinomialNb,
  GAUSSIAN_NB_KIND,
  loadGaussianNb,
  loadMultinomialNb,
  MULTINOMIAL_NB_KIND,
} from './naive-bayes/index.js';
import { createSgdClassifier, loadSgd, SGD_KIND } from './sgd/index.js';
import type { StepSpec } from './spec.js';
import { createDecisionTree, DECISION_TREE_KIND, loadDecisionTree } from './tree/index.js';

export interface ClassifierEntry {
  readonly kind: string;
  /** Short names accepted in model specs; the first is the pipeline step name. */
  readonly aliases: readonly string[];
  readonly summary: string;
  create(params?: unknown): Classifier;
  load(serialized: SerializedModel): FittedClassifier;
  /** Reads text and categorical cells (and missing values) itself, so preflight lets them through. */
  readonly takesRawColumns?: boolean;
}

export interface TransformerEntry {
  readonly kind: string;
  readonly aliases: readonly string[];
  readonly summary: string;
  /** What this transform makes acceptable to a numeric classifier downstream. */
  readonly handles?: 'missing-values' | 'categorical-columns' | 'text-columns';
  create(params?: unknown): Transformer;
}

export const CLASSIFIERS: readonly ClassifierEntry[] = [
  {
    kind: LOGISTIC_REGRESSION_KIND,
    aliases: ['logreg', 'lr', 'logistic'],
    summary:
      'logistic regression: penalty l2|l1|elasticnet|none, C, l1_ratio, class_weight, solver auto|lbfgs|owlqn|liblinear',
    create: (params) => createLogisticRegression(params as never),
    load: loadLogisticRegression,
  },
  {
    kind: GAUSSIAN_NB_KIND,
    aliases: ['gnb', 'gaussian-nb', 'naive-bayes'],
    summary: 'Gaussian naive Bayes: var_smoothing, priors',
    create: (params) => createGaussianNb(params as never),
    load: loadGaussianNb,
  },
  {
    kind: MULTINOMIAL_NB_KIND,
    aliases: ['mnb', 'multinomial-nb'],
    summary: 'multinomial naive Bayes for counts / TF-IDF: alpha, fit_prior, class_prior',
    create: (params) => createMultinomialNb(params as never),
    load: loadMultinomialNb,
  },
  {
    kind: K_NEIGHBORS_KIND,
    aliases: ['knn', 'k-neighbors'],
    summary: 'k nearest neighbours: n_neighbors, weights uniform|distance, metric, p',
    create: (params) => createKNeighbors(params as never),
    load: loadKNeighbors,
  },
  {
    kind: DECISION_TREE_KIND,
    aliases: ['tree', 'decision-tree', 'cart'],
    summary:
      'CART decision tree: criterion gini|entropy, max_depth, min_samples_split, min_samples_leaf, max_features, random_state',
    create: (params) => createDecisionTree(params as never),
    load: loadDecisionTree,
  },
  {
    kind: RANDOM_FOREST_KIND,
    aliases: ['forest', 'rf', 'random-forest'],
    summary:
      'random forest: n_estimators, max_features, bootstrap, max_samples, tree params, random_state, n_jobs (worker threads)',
    create: (params) => createRandomForest(params as never),
    load: loadRandomForest,
  },
  {
    kind: HIST_GRADIENT_BOOSTING_KIND,
    aliases: ['hgb', 'hist-gradient-boosting', 'gbm'],
    summary:
      'gradient boosting on binned features: learning_rate, max_iter, max_leaf_nodes, max_depth, min_samples_leaf, l2_regularization, max_bins, early_stopping',
    create: (params) => createHistGradientBoosting(params as never),
    load: loadHistGradientBoosting,
  },
  {
    kind: LLM_CLASSIFIER_KIND,
    aliases: ['llm'],
    summary:
      'an LLM over an OpenAI-compatible endpoint: model, base_url, api_key_env, template, system, few_shot_k, parse, probabilities, samples, cache, max_cost',
    create: (params) => createLlmClassifier(params as never),
    load: (serialized) => loadLlmClassifier(serialized),
    takesRawColumns: true,
  },
  {
    kind: SGD_KIND,
    aliases: ['sgd', 'sgd-classifier'],
    summary:
      'linear model by stochastic gradient descent: loss hinge|log_loss, penalty, alpha, learning_rate constant|optimal|invscaling|adaptive, eta0, batch_size, early_stopping',
    create: (params) => createSgdClassifier(params as never),
    load: loadSgd,
  },
  {
    kind: MLP_KIND,
    aliases: ['mlp', 'mlp-classifier', 'neural-net'],
    summary:
      'multilayer perceptron: hidden_layer_sizes, activation relu|tanh|logistic, solver adam|sgd, alpha, batch_size, learning_rate_init, max_iter (epochs), early_stopping',
    create: (params) => createMlpClassifier(params as never),
    load: loadMlp,
  },
];

export const TRANSFORMERS: readonly TransformerEntry[] = [
  {
    kind: 'simple-imputer',
    aliases: ['impute', 'imputer'],
    summary: 'fill missing values: strategy mean|median|most_frequent|constant',
    handles: 'missing-values',
    create: (p) => createSimpleImputer(p as never),
  },
  {
    kind: 'standard-scaler',
    aliases: ['scale', 'standard'],
    summary: 'scale numeric columns to mean 0, std 1 (scale(kind=minmax) for min-max)',
    create: (p) => createStandardScaler(p as never),
  },
  {
    kind: 'min-max-scaler',
    aliases: ['minmax'],
    summary: 'scale numeric columns to feature_range',
    create: (p) => createMinMaxScaler(p as never),
  },
  {
    kind: 'one-hot-encoder',
    aliases: ['onehot'],
    summary: 'one column per category of each categorical column',
    handles: 'categorical-columns',
    create: (p) => createOneHotEncoder(p as never),
  },
  {
    kind: 'polynomial-features',
    aliases: ['poly', 'polynomial'],
    summary: 'products of features up to degree (interaction_only, include_bias), as sklearn names them',
    create: (p) => createPolynomialFeatures(p as never),
  },
  {
    kind: 'k-bins-discretizer',
    aliases: ['bins', 'kbins'],
    summary: 'bin numeric columns: n_bins, strategy quantile|uniform, encode onehot|ordinal',
    create: (p) => createKBinsDiscretizer(p as never),
  },
  {
    kind: 'select-k-best',
    aliases: ['kbest'],
    summary: 'keep the k features scoring highest: score_func f_classif|chi2|mutual_info_classif',
    create: (p) => createSelectKBest(p as never),
  },
  {
    kind: EMBEDDING_TRANSFORMER_KIND,
    aliases: ['embed', 'embeddings'],
    summary:
      'text columns to vectors from an OpenAI-compatible /v1/embeddings endpoint: model, base_url, api_key_env, columns, dimensions, cache',
    handles: 'text-columns',
    create: (p) => createEmbeddingTransformer(p as never),
  },
  {
    kind: 'tfidf-vectorizer',
    aliases: ['tfidf'],
    summary:
      'TF-IDF of a text column, sparse output for logreg / mnb: ngram_range, min_df, max_df, max_features, sublinear_tf, norm, column',
    handles: 'text-columns',
    create: (p) => createTfidfVectorizer(p as never),
  },
];

export function findTransformer(name: string): TransformerEntry | undefined {
  return findByName(TRANSFORMERS, name);
}

function findByName<E extends { kind: string; aliases: readonly string[] }>(
  entries: readonly E[],
  name: string,
): E | undefined {
  return entries.find((entry) => entry.kind === name || entry.aliases.includes(name));
}

function allNames(): string {
  return [...CLASSIFIERS, ...TRANSFORMERS].map((entry) => entry.aliases[0]).join(', ');
}

/** What a model spec cannot say: the LLM classifier's runtime (e.g. `--redis`'s remote runner). */
export interface BuildModelOptions {
  readonly llm?: LlmRuntime;
}

/**
 * Builds the estimator a model spec describes: one step is the classifier itself, more make a Pipeline
 * whose step names are the names the user wrote (so `logreg.C` addresses the classifier's C).
 */
export function buildModel(steps: readonly StepSpec[], options: BuildModelOptions = {}): Classifier {
  const last = steps[steps.length - 1];
  const classifier = findByName(CLASSIFIERS, last.name);
  if (!classifier) {
    const isTransform = findByName(TRANSFORMERS, last.name) !== undefined;
    throw new ModeldebugError('invalid_argument', `"${last.name}" is not a classifier`, {
      where: '--model',
      hint: isTransform
        ? `end the model spec with a classifier: ${CLASSIFIERS.map((entry) => entry.aliases[0]).join(', ')}`
        : `known names: ${allNames()}`,
    });
  }
  const final =
    classifier.kind === LLM_CLASSIFIER_KIND && options.llm
      ? createLlmClassifier(last.params, options.llm)
      : classifier.create(last.params);
  if (steps.length === 1) return final;
  const transforms: TransformerStep[] = steps
    .slice(0, -1)
    .map((step) => [step.name, buildTransformer(step)] as const);
  return createPipeline([...transforms, [last.name, final]]);
}

function buildTransformer(step: StepSpec): Transformer {
  // `scale(kind=minmax)` (what `--scale minmax` writes) picks the scaler by a param of its own.
  if (step.name === 'scale' && 'kind' in step.params) {
    const { kind, ...params } = step.params;
    const scaler = kind === 'standard' ? 'standard-scaler' : kind === 'minmax' ? 'min-max-scaler' : undefined;
    if (!scaler) {
      throw new ModeldebugError('invalid_argument', `unknown scaler "${String(kind)}"`, {
        where: '--scale',
        hint: 'use --scale standard or --scale minmax',
      });
    }
    return findByName(TRANSFORMERS, scaler)!.create(params);
  }
  const entry = findByName(TRANSFORMERS, step.name);
  if (!entry) {
    throw new ModeldebugError('invalid_argument', `unknown transform "${step.name}"`, {
      where: '--model',
      hint: `known names: ${allNames()}`,
    });
  }
  return entry.create(step.params);
}

/** Restores any fitted model from its `toJSON()`. */
export function loadModel(serialized: SerializedModel): FittedClassifier {
  if (serialized.kind === PIPELINE) return loadPipeline(serialized, loadModel);
  if (serialized.kind === CALIBRATED_CLASSIFIER_KIND) return loadCalibratedClassifier(serialized, loadModel);
  const entry = CLASSIFIERS.find((candidate) => candidate.kind === serialized.kind);
  if (!entry) {
    throw new ModeldebugError('unsupported', `cannot load a model of kind "${serialized.kind}"`, {
      hint: `this version knows: ${CLASSIFIERS.map((candidate) => candidate.kind).join(', ')}, ${PIPELINE}`,
    });
  }
  return entry.load(serialized);
}
