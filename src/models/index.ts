export * from './logistic-regression/index.js';
export * from './preflight.js';
export * from './registry.js';
export * from './spec.js';
