export * from './align.js';
export * from './column-kinds.js';
export * from './dataset.js';
export * from './examples.js';
export * from './load-csv.js';
export * from './missing.js';
