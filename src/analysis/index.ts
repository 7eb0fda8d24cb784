export * from './classification-summary.js';
export * from './evaluate.js';
