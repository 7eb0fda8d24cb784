export * from './analysis/index.js';
export * from './core/index.js';
export * from './data/index.js';
export * from './features/index.js';
export * from './metrics/index.js';
export * from './models/index.js';
export * from './selection/index.js';
