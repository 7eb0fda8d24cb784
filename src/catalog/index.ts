/**
 * The model catalog: every classifier and transform a model spec can name (one descriptor each, declared
 * in its own folder), the spec grammar, the data preflight, and the questions asked of capability tags.
 *
 * For advice that depends on the model: `tagsOf(steps)` says what a spec's model can do (linear
 * coefficients, epochs, sparse input, raw columns, warm start, probability quality), and
 * `complexityControls(steps)` lists the final classifier's complexity params, e.g.
 * `[{ step: 'logreg', param: 'C', moreComplexWhen: 'up', probeValues: [0.01, …] }]` — so a tree is never
 * told to use "a smaller C".
 */
export type {
  ClassifierTags,
  ComplexityControl,
  ProbabilityQuality,
  TransformerTags,
  TuningPlan,
} from '../core/capability-tags.js';
export type { EnsembleDescriptor } from '../ensemble/ensemble-descriptor.js';
export type { TransformerDescriptor } from '../features/transformer-descriptor.js';
export type { ClassifierDescriptor, ModelRuntime } from '../models/model-descriptor.js';
export {
  formatModelSpec,
  type MemberSpec,
  parseAssignment,
  parseModelSpec,
  parseValue,
  type StepSpec,
  stepSpecSchema,
} from './model-spec.js';
export { checkDataFitsModel } from './preflight.js';
export {
  buildModel,
  CLASSIFIERS,
  classifierNamed,
  ENSEMBLES,
  ensembleMembers,
  findClassifier,
  findEnsemble,
  findTransformer,
  loadModel,
  TRANSFORMERS,
} from './registry.js';
export {
  type ComplexityParam,
  complexityControls,
  type PipelineTags,
  type PlannedTuning,
  tagsOf,
  tuningOf,
} from './tags-of.js';
