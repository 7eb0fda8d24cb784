export { fromNestedRows, parseSerializedState, toNestedRows } from './serialized-state.js';
export { checkPredictionInput, prepareTrainingSet } from './training-set.js';
