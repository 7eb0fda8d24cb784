export { type BinaryLogisticData, createBinaryLogisticObjective } from './binary-logistic-objective.js';
export { minimizeLbfgs } from './lbfgs.js';
export { createLbfgsMemory, type LbfgsMemory } from './lbfgs-memory.js';
export { type LineSearchResult, strongWolfeLineSearch } from './line-search.js';
export { type L2Term, type LogisticData, parametersPerRow } from './logistic-data.js';
export {
  createMultinomialLogisticObjective,
  type MultinomialLogisticData,
} from './multinomial-logistic-objective.js';
export {
  type CompositeObjective,
  type SmoothObjective,
  type SolverOptions,
  type SolverResult,
  type StopReason,
  weightedL1,
} from './objective.js';
export { minimizeOwlqn, pseudoGradient } from './owlqn.js';
export {
  createSparseBinaryLogisticObjective,
  createSparseMultinomialLogisticObjective,
  type SparseLogisticData,
} from './sparse-logistic-objectives.js';
