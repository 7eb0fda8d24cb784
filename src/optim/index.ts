export { minimizeLbfgs } from './lbfgs.js';
export { createLbfgsMemory, type LbfgsMemory } from './lbfgs-memory.js';
export { type LineSearchResult, strongWolfeLineSearch } from './line-search.js';
export {
  type BinaryLogisticData,
  createBinaryLogisticObjective,
  createMultinomialLogisticObjective,
  type L2Term,
  type LogisticData,
  type MultinomialLogisticData,
  parametersPerRow,
} from './logistic-objective.js';
export {
  type CompositeObjective,
  type SmoothObjective,
  type SolverOptions,
  type SolverResult,
  type StopReason,
  weightedL1,
} from './objective.js';
export { minimizeOwlqn, pseudoGradient } from './owlqn.js';
