export { fromNestedRows, parseSerializedState, toNestedRows } from './serialized-state.js';
export {
  assertRowsMatchLabels,
  checkFeatureCount,
  checkPredictionInput,
  prepareTrainingSet,
  presentClasses,
} from './training-set.js';
