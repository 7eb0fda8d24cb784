export * from './classification-summary.js';
export * from './curve-verdict.js';
export * from './evaluate.js';
export * from './llm-outcome-summary.js';
export * from './log-space.js';
export * from './regularization-path.js';
export * from './regularization-probe.js';
export * from './regularization-summary.js';
