export * from './class-space.js';
export * from './errors.js';
export * from './estimator.js';
export * from './features.js';
export * from './labels.js';
export * from './matrix.js';
export * from './params.js';
export * from './rng.js';
