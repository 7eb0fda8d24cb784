export {
  type FrontArm,
  type FrontBase,
  type FrontGrid,
  type FrontTemplate,
  frontArms,
  frontBasesOf,
} from './front-arms.js';
export { type FrontOptions, llmFront } from './front-race.js';
export type {
  AccuracyInterval,
  FrontArmResult,
  FrontArmStatus,
  FrontCapCut,
  FrontRung,
  LlmFront,
} from './front-types.js';
export {
  clearlySlower,
  confidentlyDominatedBy,
  DEFAULT_FRONT_OBJECTIVES,
  FRONT_OBJECTIVES,
  type FrontObjective,
  type FrontPoint,
  paretoFront,
} from './pareto-front.js';
export { createSpendGate, type SpendGate, worstCaseCost } from './spend-gate.js';
export { rungSizes, stratifiedOrder } from './stratified-order.js';
