export { fromNestedRows, parseSerializedState, toNestedRows } from './serialized-state.js';
export {
  assertRowsMatchLabels,
  checkPredictionInput,
  prepareTrainingSet,
  presentClasses,
} from './training-set.js';
