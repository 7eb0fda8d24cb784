import { ModeldebugError } from '../core/errors.js';
import type { Classifier, FittedClassifier, SerializedModel } from '../core/estimator.js';
import type { EnsembleDescriptor } from '../ensemble/ensemble-descriptor.js';
import { stackingDescriptor } from '../ensemble/stacking-descriptor.js';
import { votingDescriptor } from '../ensemble/voting-descriptor.js';
import { embeddingTransformerDescriptor } from '../features/embeddings/embedding-transformer.js';
import { kBinsDiscretizerDescriptor } from '../features/k-bins-discretizer.js';
import { loadPipeline } from '../features/load-pipeline.js';
import { minMaxScalerDescriptor } from '../features/min-max-scaler.js';
import { oneHotEncoderDescriptor } from '../features/one-hot-encoder.js';
import { createPipeline, PIPELINE, type TransformerStep } from '../features/pipeline.js';
import { polynomialFeaturesDescriptor } from '../features/polynomial-features.js';
import { selectKBestDescriptor } from '../features/select-k-best.js';
import { simpleImputerDescriptor } from '../features/simple-imputer.js';
import { standardScalerDescriptor } from '../features/standard-scaler.js';
import { tfidfVectorizerDescriptor } from '../features/text/tfidf-vectorizer.js';
import type { Transformer } from '../features/transformer.js';
import type { TransformerDescriptor } from '../features/transformer-descriptor.js';
import { CALIBRATED_CLASSIFIER_KIND, loadCalibratedClassifier } from '../models/calibration/index.js';
import { dummyDescriptor } from '../models/dummy/dummy-descriptor.js';
import { randomForestDescriptor } from '../models/forest/random-forest-descriptor.js';
import { histGradientBoostingDescriptor } from '../models/hist-gradient-boosting/hist-gradient-boosting-descriptor.js';
import { kNeighborsDescriptor } from '../models/knn/k-neighbors-descriptor.js';
import { llmClassifierDescriptor } from '../models/llm-classifier/llm-classifier-descriptor.js';
import { logisticRegressionDescriptor } from '../models/logistic-regression/logistic-regression-descriptor.js';
import { mlpDescriptor } from '../models/mlp/mlp-descriptor.js';
import type { ClassifierDescriptor, ModelRuntime } from '../models/model-descriptor.js';
import { gaussianNbDescriptor } from '../models/naive-bayes/gaussian-nb-descriptor.js';
import { multinomialNbDescriptor } from '../models/naive-bayes/multinomial-nb-descriptor.js';
import { sgdDescriptor } from '../models/sgd/sgd-descriptor.js';
import { loadThresholdClassifier, THRESHOLD_CLASSIFIER_KIND } from '../models/threshold/index.js';
import { decisionTreeDescriptor } from '../models/tree/decision-tree-descriptor.js';
import type { StepSpec } from './model-spec.js';

/** Every classifier a model spec can name: adding a model is its folder plus one line here. */
export const CLASSIFIERS: readonly ClassifierDescriptor[] = [
  logisticRegressionDescriptor,
  gaussianNbDescriptor,
  multinomialNbDescriptor,
  kNeighborsDescriptor,
  decisionTreeDescriptor,
  randomForestDescriptor,
  histGradientBoostingDescriptor,
  llmClassifierDescriptor,
  sgdDescriptor,
  mlpDescriptor,
  dummyDescriptor,
];

export const TRANSFORMERS: readonly TransformerDescriptor[] = [
  simpleImputerDescriptor,
  standardScalerDescriptor,
  minMaxScalerDescriptor,
  oneHotEncoderDescriptor,
  polynomialFeaturesDescriptor,
  kBinsDiscretizerDescriptor,
  selectKBestDescriptor,
  embeddingTransformerDescriptor,
  tfidfVectorizerDescriptor,
];

/** Classifiers made of member classifiers: `vote(logreg; gnb)`, `stack(logreg; gnb; tree)`. */
export const ENSEMBLES: readonly EnsembleDescriptor[] = [votingDescriptor, stackingDescriptor];

export function findEnsemble(name: string): EnsembleDescriptor | undefined {
  return findByName(ENSEMBLES, name);
}

export function findClassifier(name: string): ClassifierDescriptor | undefined {
  return findByName(CLASSIFIERS, name);
}

export function findTransformer(name: string): TransformerDescriptor | undefined {
  return findByName(TRANSFORMERS, name);
}

function findByName<E extends { kind: string; aliases: readonly string[] }>(
  entries: readonly E[],
  name: string,
): E | undefined {
  return entries.find((entry) => entry.kind === name || entry.aliases.includes(name));
}

/** The classifier a spec's last step names, or the error saying what the spec may end with. */
export function classifierNamed(name: string): ClassifierDescriptor {
  const classifier = findClassifier(name);
  if (classifier) return classifier;
  const isTransform = findTransformer(name) !== undefined;
  throw new ModeldebugError('invalid_argument', `"${name}" is not a classifier`, {
    where: 'model spec',
    hint: isTransform
      ? `end the model spec with a classifier: ${CLASSIFIERS.map((entry) => entry.aliases[0]).join(', ')}`
      : `known names: ${allNames()}`,
  });
}

function allNames(): string {
  return [...CLASSIFIERS, ...ENSEMBLES, ...TRANSFORMERS].map((entry) => entry.aliases[0]).join(', ');
}

/**
 * Builds the estimator a model spec describes: one step is the classifier itself, more make a Pipeline
 * whose step names are the names the user wrote (so `logreg.C` addresses the classifier's C).
 */
export function buildModel(steps: readonly StepSpec[], runtime: ModelRuntime = {}): Classifier {
  const last = steps[steps.length - 1];
  const final = buildFinal(last, runtime);
  if (steps.length === 1) return final;
  const transforms: TransformerStep[] = steps
    .slice(0, -1)
    .map((step) => [step.name, buildTransformer(step, runtime)] as const);
  return createPipeline([...transforms, [last.name, final]]);
}

function buildFinal(step: StepSpec, runtime: ModelRuntime): Classifier {
  const ensemble = findEnsemble(step.name);
  if (ensemble) {
    const members = ensembleMembers(step);
    return ensemble.create(
      members.map((member) => [member.name, buildModel(member.steps, runtime)] as const),
      step.params,
    );
  }
  if (step.members) {
    throw new ModeldebugError('invalid_argument', `"${step.name}" takes no member models`, {
      where: 'model spec',
      hint: `list members only in an ensemble: ${ENSEMBLES.map((entry) => `${entry.aliases[0]}(logreg; gnb)`).join(', ')}`,
    });
  }
  return classifierNamed(step.name).create(step.params, runtime);
}

/** An ensemble step's members, or the error saying how to list them. */
export function ensembleMembers(step: StepSpec): NonNullable<StepSpec['members']> {
  if (step.members && step.members.length > 0) return step.members;
  throw new ModeldebugError('invalid_argument', `"${step.name}" needs member models`, {
    where: 'model spec',
    hint: `separate members with ';', e.g. ${step.name}(scale | logreg; gnb; knn)`,
  });
}

function buildTransformer(step: StepSpec, runtime: ModelRuntime): Transformer {
  // `scale(kind=minmax)` (what `--scale minmax` writes) picks the scaler by a param of its own.
  if (step.name === 'scale' && 'kind' in step.params) {
    const { kind, ...params } = step.params;
    const scaler =
      kind === 'standard' ? standardScalerDescriptor : kind === 'minmax' ? minMaxScalerDescriptor : undefined;
    if (!scaler) {
      throw new ModeldebugError('invalid_argument', `unknown scaler "${String(kind)}"`, {
        where: 'param scale.kind',
        hint: 'write scale(kind=standard) or scale(kind=minmax)',
      });
    }
    return scaler.create(params);
  }
  const entry = findTransformer(step.name);
  if (!entry) {
    throw new ModeldebugError('invalid_argument', `unknown transform "${step.name}"`, {
      where: 'model spec',
      hint: `known names: ${allNames()}`,
    });
  }
  return entry.create(step.params, runtime);
}

/** Restores any fitted model from its `toJSON()`. */
export function loadModel(serialized: SerializedModel): FittedClassifier {
  if (serialized.kind === PIPELINE) return loadPipeline(serialized, loadModel);
  if (serialized.kind === CALIBRATED_CLASSIFIER_KIND) return loadCalibratedClassifier(serialized, loadModel);
  if (serialized.kind === THRESHOLD_CLASSIFIER_KIND) return loadThresholdClassifier(serialized, loadModel);
  const ensemble = ENSEMBLES.find((candidate) => candidate.kind === serialized.kind);
  if (ensemble) return ensemble.load(serialized, loadModel);
  const entry = CLASSIFIERS.find((candidate) => candidate.kind === serialized.kind);
  if (!entry) {
    throw new ModeldebugError('unsupported', `cannot load a model of kind "${serialized.kind}"`, {
      hint: `this version knows: ${[...CLASSIFIERS, ...ENSEMBLES].map((candidate) => candidate.kind).join(', ')}, ${PIPELINE}`,
    });
  }
  return entry.load(serialized);
}
