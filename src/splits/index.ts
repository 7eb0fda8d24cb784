export * from './fold.js';
export * from './k-fold.js';
export * from './stratified-k-fold.js';
export * from './subsample.js';
export * from './train-test-split.js';
